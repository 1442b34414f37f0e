//! Calendar dates: the article date from the header or the options.

use std::fmt;

use crate::error::{Error, Result};

/// A proleptic Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date for `year`, `month` (1-12) and `day`, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`; `field` names the source in the error message.
    pub fn parse(s: &str, field: &'static str) -> Result<Date> {
        Self::parse_iso(s).ok_or_else(|| Error::InvalidDate {
            field,
            value: s.chars().take(40).collect(),
        })
    }

    /// Parses exactly `YYYY-MM-DD`, or `None`.
    pub(crate) fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u8 {
        self.day
    }
}

/// Number of days in `month` of `year`.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_days_only() {
        assert_eq!(Date::parse_iso("2020-10-16"), Date::new(2020, 10, 16));
        assert_eq!(Date::parse_iso("2020-02-29").map(|d| d.day()), Some(29));
        assert_eq!(Date::parse_iso("2019-02-29"), None);
        assert_eq!(Date::parse_iso("2020-13-01"), None);
        assert_eq!(Date::parse_iso("2020-1-01"), None);
        assert_eq!(Date::parse_iso("２020-10-16"), None);
        assert_eq!(Date::new(2020, 10, 16).unwrap().to_string(), "2020-10-16");
    }

    #[test]
    fn error_names_the_field() {
        let e = Date::parse("16/10/2020", "options.date").unwrap_err();
        assert!(e.to_string().contains("options.date"), "{e}");
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    }
}
