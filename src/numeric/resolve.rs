//! Normalisation: from what an expression says to a [`Value`], given the article date.
//!
//! The recogniser produces an [`Expr`] that needs no date; [`resolve`] anchors
//! the relative parts (weekdays, "last month", "Aug. 9") to the article date,
//! and returns `None` for them when there is none, rather than guess from the clock.

use super::value::{Mod, Value};
use super::words::TimeUnit;
use crate::date::{days_in_month, Date};

/// What a numeric expression says, before it is anchored to a date.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A value that needs no date: money, numbers, durations.
    Fixed(Value),
    /// A point or period in the calendar, possibly relative.
    Date(When, Option<Mod>),
    /// A time of day or part of day.
    Time(Clock),
    /// Recognised, but with no single value (a score, "years earlier").
    Unknown,
}

/// A calendar point or period.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum When {
    /// A calendar day.
    Day(i32, u8, u8),
    /// A month of a year.
    Month(i32, u8),
    /// A year.
    Year(i32),
    /// A fiscal year (`FY2021`), with an optional quarter.
    Fiscal(i32, Option<u8>),
    /// The decade starting in this year (`199X`).
    Decade(i32),
    /// The n-th century, as the years whose first digits it names (21st: `20XX`).
    Century(i32),
    /// A quarter of a year, 1-4.
    Quarter(Option<i32>, u8),
    /// A half of a year, 1-2.
    Half(Option<i32>, u8),
    /// A season (`SP`, `SU`, `FA`, `WI`) of a year.
    Season(Option<i32>, &'static str),
    /// From one year to another (`2020/21`, `2010-2015`).
    Years(i32, i32),
    /// A month and day without a year: the nearest to the article date.
    MonthDay(u8, u8),
    /// A month without a year: the nearest to the article date.
    MonthOnly(u8),
    /// A weekday (0 = Monday) with `last`/`this`/`next` or none.
    Weekday(u8, Rel),
    /// `n` units from the article date: today = (Day, 0), last week = (Week, -1).
    Shift(TimeUnit, i32),
    /// A weekend `n` weeks from the article's week; with [`Rel::Bare`] ("the
    /// weekend") the nearest one: the past one early in the week, else this week's.
    Weekend(i32, Rel),
    /// A period of `iso` duration ending at a point: "the six months to June 30".
    Ending(String, Box<When>),
    /// A quarter, half or season of the year `n` years from the article's:
    /// "the first half of next year".
    InYear(Box<When>, i32),
    /// From one point to another, as an ISO interval `a/b`.
    Between(Box<When>, Box<When>),
    /// Relative to a point the text names elsewhere ("a year earlier").
    Vague,
}

/// How a weekday is placed relative to the article date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// "Friday": the most recent such day, the article day included.
    Bare,
    /// "last Friday": the most recent before the article day.
    Last,
    /// "this Friday": the one in the article's week.
    This,
    /// "next Friday": the first after the article day.
    Next,
}

/// A time of day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clock {
    /// The day it is on, if said.
    pub day: Option<When>,
    /// Hours and minutes.
    pub hm: Option<(u8, u8)>,
    /// A TIMEX3 part of day: `MO`, `AF`, `EV`, `NI`.
    pub part: Option<&'static str>,
    /// The zone as written and its offset in minutes, if fixed.
    pub zone: Option<(&'static str, Option<i16>)>,
    /// A qualifier: "about 7 p.m.".
    pub modifier: Option<Mod>,
}

/// The value of `expr` anchored to the article `date`; `None` when it does not
/// resolve (relative expressions without a date, scores, vague references).
pub(crate) fn resolve(expr: &Expr, date: Option<Date>) -> Option<Value> {
    match expr {
        Expr::Fixed(v) => Some(v.clone()),
        Expr::Unknown => None,
        Expr::Date(when, modifier) => Some(Value::Date {
            iso: iso(when, date)?,
            modifier: *modifier,
        }),
        Expr::Time(clock) => {
            let mut s = match &clock.day {
                Some(w) => iso(w, date)?,
                None => String::new(),
            };
            if let Some((h, m)) = clock.hm {
                s.push_str(&format!("T{h:02}:{m:02}"));
                if let Some((_, Some(off))) = clock.zone {
                    s.push_str(&offset(off));
                }
            } else if let Some(p) = clock.part {
                s.push('T');
                s.push_str(p);
            }
            Some(Value::Time {
                iso: s,
                zone: clock.zone.map(|z| z.0),
                modifier: clock.modifier,
            })
        }
    }
}

/// The ISO 8601 offset `Z`, `+05:30`, `-04:00`.
fn offset(minutes: i16) -> String {
    if minutes == 0 {
        return "Z".into();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

fn ymd(y: i32, m: u8, d: u8) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn day_iso(days: i64) -> String {
    let (y, m, d) = civil(days);
    ymd(y, m, d)
}

/// ISO text of `when`, or `None` when it needs a date that is not there.
fn iso(when: &When, date: Option<Date>) -> Option<String> {
    Some(match *when {
        When::Day(y, m, d) => ymd(y, m, d),
        When::Month(y, m) => format!("{y:04}-{m:02}"),
        When::Year(y) => format!("{y:04}"),
        When::Fiscal(y, None) => format!("FY{y:04}"),
        When::Fiscal(y, Some(q)) => format!("FY{y:04}-Q{q}"),
        When::Decade(y) => format!("{:03}X", y.div_euclid(10)),
        When::Century(c) => format!("{:02}XX", c - 1),
        When::Years(a, b) => format!("{a:04}/{b:04}"),
        When::Quarter(Some(y), q) => format!("{y:04}-Q{q}"),
        When::Half(Some(y), h) => format!("{y:04}-H{h}"),
        When::Season(Some(y), s) => format!("{y:04}-{s}"),
        When::Vague => return None,
        When::Ending(ref dur, ref end) => format!("{dur}/{}", iso(end, date)?),
        When::Between(ref a, ref b) => format!("{}/{}", iso(a, date)?, iso(b, date)?),
        _ => {
            let a = date?;
            let today = days(a.year(), a.month(), a.day());
            match *when {
                When::Quarter(None, q) => {
                    let cur = (a.month() - 1) / 3 + 1;
                    let y = if q <= cur { a.year() } else { a.year() - 1 };
                    format!("{y:04}-Q{q}")
                }
                When::Half(None, h) => {
                    let cur = (a.month() - 1) / 6 + 1;
                    let y = if h <= cur { a.year() } else { a.year() - 1 };
                    format!("{y:04}-H{h}")
                }
                When::Season(None, s) => {
                    let start = match s {
                        "SP" => 3,
                        "SU" => 6,
                        "FA" => 9,
                        _ => 12,
                    };
                    let y = if start <= a.month() {
                        a.year()
                    } else {
                        a.year() - 1
                    };
                    format!("{y:04}-{s}")
                }
                When::MonthDay(m, d) => {
                    let y = (a.year() - 1..=a.year() + 1)
                        .filter(|&y| d <= days_in_month(y, m))
                        .min_by_key(|&y| future_weighted(days(y, m, d) - today))?;
                    ymd(y, m, d)
                }
                When::MonthOnly(m) => {
                    let here = i32::from(a.month());
                    let y = [a.year() - 1, a.year(), a.year() + 1]
                        .into_iter()
                        .min_by_key(|&y| {
                            future_weighted(i64::from((y - a.year()) * 12 + i32::from(m) - here))
                        })?;
                    format!("{y:04}-{m:02}")
                }
                When::Weekday(wd, rel) => {
                    let back = i64::from((weekday(today) + 7 - wd) % 7);
                    let target = match rel {
                        Rel::Bare => today - back,
                        Rel::Last if back == 0 => today - 7,
                        Rel::Last => today - back,
                        Rel::This => today - i64::from(weekday(today)) + i64::from(wd),
                        Rel::Next => today + 7 - back,
                    };
                    day_iso(target)
                }
                When::Weekend(n, rel) => {
                    let early = weekday(today) < 3;
                    let n = if rel == Rel::Bare && early { n - 1 } else { n };
                    let (y, w) = iso_week(today + 7 * i64::from(n));
                    format!("{y:04}-W{w:02}-WE")
                }
                When::Shift(unit, n) => shifted(a, today, unit, n),
                When::InYear(ref part, n) => {
                    let y = Some(a.year() + n);
                    let fixed = match **part {
                        When::Quarter(_, q) => When::Quarter(y, q),
                        When::Half(_, h) => When::Half(y, h),
                        When::Season(_, s) => When::Season(y, s),
                        When::MonthOnly(mo) => When::Month(y?, mo),
                        _ => return None,
                    };
                    return iso(&fixed, date);
                }
                _ => return None,
            }
        }
    })
}

/// The period `n` units from the article date, at the unit's precision.
fn shifted(a: Date, today: i64, unit: TimeUnit, n: i32) -> String {
    let n64 = i64::from(n);
    match unit {
        TimeUnit::Day | TimeUnit::Hour | TimeUnit::Minute | TimeUnit::Second => {
            day_iso(today + n64)
        }
        TimeUnit::Week | TimeUnit::Fortnight => {
            let k = if unit == TimeUnit::Fortnight { 14 } else { 7 };
            let (y, w) = iso_week(today + k * n64);
            format!("{y:04}-W{w:02}")
        }
        TimeUnit::Month => {
            let total = a.year() * 12 + i32::from(a.month()) - 1 + n;
            format!(
                "{:04}-{:02}",
                total.div_euclid(12),
                total.rem_euclid(12) + 1
            )
        }
        TimeUnit::Quarter => {
            let total = a.year() * 4 + i32::from((a.month() - 1) / 3) + n;
            format!("{:04}-Q{}", total.div_euclid(4), total.rem_euclid(4) + 1)
        }
        TimeUnit::Year => format!("{:04}", a.year() + n),
        TimeUnit::Decade => format!("{:03}X", (a.year() + 10 * n).div_euclid(10)),
        TimeUnit::Century => format!("{:02}XX", (a.year() + 100 * n).div_euclid(100)),
    }
}

/// How far a candidate `t` units from the article date is: news reports the
/// past more than the future, so future distances count double ("March 3" in
/// an October article is the past March; "Nov. 3" the coming one).
fn future_weighted(t: i64) -> i64 {
    if t > 0 {
        2 * t
    } else {
        -t
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub(crate) fn days(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// 0 = Monday.
fn weekday(days: i64) -> u8 {
    // 1970-01-01 was a Thursday.
    ((days + 3).rem_euclid(7)) as u8
}

/// ISO 8601 week-numbering year and week of a day.
fn iso_week(d: i64) -> (i32, u8) {
    let thursday = d - i64::from(weekday(d)) + 3;
    let (y, _, _) = civil(thursday);
    let week = (thursday - days(y, 1, 1)) / 7 + 1;
    (y, week as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(when: When, date: &str) -> Option<String> {
        iso(&when, Date::parse_iso(date))
    }

    #[test]
    fn calendar_round_trips() {
        for d in [-800_000, -1, 0, 59, 18_551, 2_932_896] {
            let (y, m, dd) = civil(d);
            assert_eq!(days(y, m, dd), d);
        }
        assert_eq!(weekday(days(2020, 10, 16)), 4);
        assert_eq!(iso_week(days(2020, 10, 16)), (2020, 42));
        assert_eq!(iso_week(days(2021, 1, 1)), (2020, 53));
    }

    #[test]
    fn relative_dates() {
        let d = "2020-10-16"; // a Friday
        assert_eq!(at(When::Weekday(4, Rel::Bare), d).unwrap(), "2020-10-16");
        assert_eq!(at(When::Weekday(3, Rel::Bare), d).unwrap(), "2020-10-15");
        assert_eq!(at(When::Weekday(6, Rel::Bare), d).unwrap(), "2020-10-11");
        assert_eq!(at(When::Weekday(4, Rel::Last), d).unwrap(), "2020-10-09");
        assert_eq!(at(When::Weekday(0, Rel::Next), d).unwrap(), "2020-10-19");
        assert_eq!(at(When::MonthDay(8, 9), d).unwrap(), "2020-08-09");
        assert_eq!(at(When::MonthDay(1, 5), d).unwrap(), "2021-01-05");
        assert_eq!(at(When::MonthDay(3, 3), d).unwrap(), "2020-03-03");
        assert_eq!(at(When::MonthOnly(12), d).unwrap(), "2020-12");
        assert_eq!(at(When::MonthOnly(8), d).unwrap(), "2020-08");
        assert_eq!(at(When::MonthOnly(4), d).unwrap(), "2020-04");
        assert_eq!(at(When::Shift(TimeUnit::Month, 0), d).unwrap(), "2020-10");
        assert_eq!(at(When::Shift(TimeUnit::Month, -10), d).unwrap(), "2019-12");
        assert_eq!(at(When::Shift(TimeUnit::Week, -1), d).unwrap(), "2020-W41");
        assert_eq!(at(When::Quarter(None, 4), d).unwrap(), "2020-Q4");
        assert_eq!(
            at(When::MonthDay(2, 29), "2021-03-01").unwrap(),
            "2020-02-29"
        );
        assert_eq!(at(When::MonthDay(8, 9), "not a date"), None);
    }
}
