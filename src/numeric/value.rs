//! The machine-readable `value` of a numeric entity, as it goes to JSON.
//!
//! One object per entity, tagged by `kind`; docs/numeric.md shows each shape
//! with examples from real articles.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// What a numeric or time entity means, normalised against the article date.
///
/// JSON shapes (all fields other than `kind` are omitted when absent):
///
/// | kind | fields | examples |
/// |---|---|---|
/// | `date` | `iso`, `mod`? | `{"kind":"date","iso":"2020-10-16"}`, `{"kind":"date","iso":"2021","mod":"mid"}` |
/// | `duration` | `iso`, `mod`? | `{"kind":"duration","iso":"P3W","mod":"less_than"}` |
/// | `time` | `iso`, `zone`?, `mod`? | `{"kind":"time","iso":"T19:00-04:00","zone":"EDT"}` |
/// | `money` | amount, `currency`? | `{"kind":"money","value":400000000,"currency":"USD"}` |
/// | `percent` | amount | `{"kind":"percent","value":25}` |
/// | `quantity` | amount, `unit` | `{"kind":"quantity","value":5,"unit":"tonne"}` |
/// | `number` | amount | `{"kind":"number","value":31}` |
///
/// An amount is either `value` or a range `min`/`max`, with an optional `mod`
/// (`{"kind":"number","min":20000,"max":99999,"mod":"approx"}` for "tens of
/// thousands"). `iso` is ISO 8601 (days, months, years, weeks `2020-W42`,
/// durations `P3W`, intervals `P6M/2020-06-30` and `2020/2021`, decades `199X`
/// as in ISO 8601-2) and, where ISO 8601 has no form, the TIMEX3 one used by
/// annotated news corpora: quarters `2020-Q3`, halves `2020-H1`, seasons
/// `2020-SU`, weekends `2020-W42-WE`, parts of day `2020-10-15TNI`, fiscal
/// years `FY2021`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A calendar date, month, year, week, quarter... or an interval of them.
    Date {
        /// ISO 8601 (or TIMEX3) text.
        iso: String,
        /// A qualifier such as `mid` in "mid-2021".
        modifier: Option<Mod>,
    },
    /// A length of time: `P3W`, `PT48H`.
    Duration {
        /// ISO 8601 duration.
        iso: String,
        /// A qualifier such as `less_than`.
        modifier: Option<Mod>,
    },
    /// A time of day, possibly with its day, part of day and zone.
    Time {
        /// `T19:00`, `T19:00-04:00`, `2020-10-15TNI`.
        iso: String,
        /// The zone as written (`EDT`, `GMT`), if any.
        zone: Option<&'static str>,
        /// A qualifier such as `approx` in "about 7 p.m.".
        modifier: Option<Mod>,
    },
    /// An amount of money.
    Money {
        /// How much.
        amount: Amount,
        /// ISO 4217 code, when the symbol or word tells it.
        currency: Option<&'static str>,
    },
    /// A percentage (`25` for 25%).
    Percent(Amount),
    /// A measurement.
    Quantity {
        /// How much.
        amount: Amount,
        /// The unit, singular (`tonne`, `km`, `barrel/day`).
        unit: &'static str,
    },
    /// A cardinal or ordinal number.
    Number(Amount),
}

/// A number, a range, or either with a qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Amount {
    /// The number, if one.
    pub value: Option<f64>,
    /// The lower bound of a range.
    pub min: Option<f64>,
    /// The upper bound of a range.
    pub max: Option<f64>,
    /// A qualifier: "about", "more than"...
    pub modifier: Option<Mod>,
}

impl Amount {
    /// Exactly `v`.
    pub(crate) const fn exact(v: f64) -> Amount {
        Amount {
            value: Some(v),
            min: None,
            max: None,
            modifier: None,
        }
    }

    /// The range `min..=max`.
    pub(crate) const fn range(min: f64, max: f64) -> Amount {
        Amount {
            value: None,
            min: Some(min),
            max: Some(max),
            modifier: None,
        }
    }

    /// Multiplies every bound by `k`.
    pub(crate) fn scale(self, k: f64) -> Amount {
        Amount {
            value: self.value.map(|v| round(v * k)),
            min: self.min.map(|v| round(v * k)),
            max: self.max.map(|v| round(v * k)),
            modifier: self.modifier,
        }
    }

    /// The same amount with `modifier`, unless it already has one.
    pub(crate) fn with_mod(mut self, modifier: Option<Mod>) -> Amount {
        self.modifier = self.modifier.or(modifier);
        self
    }
}

/// Rounds away the binary noise of `2.5 * 1e9`-style products (to six decimal places).
fn round(v: f64) -> f64 {
    if v.abs() >= 1e15 {
        return v;
    }
    (v * 1e6).round() / 1e6
}

/// A qualifier on a value, after TIMEX3's `mod` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mod {
    /// "about", "some", "nearly", "around", "tens of thousands".
    Approx,
    /// "less than", "under", "fewer than".
    LessThan,
    /// "more than", "over".
    MoreThan,
    /// "at least".
    AtLeast,
    /// "up to", "at most".
    AtMost,
    /// "early 2021", "the start of the year".
    Start,
    /// "mid-2021", "the middle of the year".
    Mid,
    /// "late 2021", "the end of the year".
    End,
}

impl Mod {
    /// The JSON name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Mod::Approx => "approx",
            Mod::LessThan => "less_than",
            Mod::MoreThan => "more_than",
            Mod::AtLeast => "at_least",
            Mod::AtMost => "at_most",
            Mod::Start => "start",
            Mod::Mid => "mid",
            Mod::End => "end",
        }
    }
}

/// A number as JSON: whole numbers without a fraction (`400000000`, not `4e8`).
struct Num(f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

fn put_amount<M: SerializeMap>(m: &mut M, a: &Amount) -> Result<(), M::Error> {
    if let Some(v) = a.value {
        m.serialize_entry("value", &Num(v))?;
    }
    if let Some(v) = a.min {
        m.serialize_entry("min", &Num(v))?;
    }
    if let Some(v) = a.max {
        m.serialize_entry("max", &Num(v))?;
    }
    put_mod(m, a.modifier)
}

fn put_mod<M: SerializeMap>(m: &mut M, modifier: Option<Mod>) -> Result<(), M::Error> {
    match modifier {
        Some(x) => m.serialize_entry("mod", x.as_str()),
        None => Ok(()),
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match self {
            Value::Date { iso, modifier } | Value::Duration { iso, modifier } => {
                let kind = if matches!(self, Value::Date { .. }) {
                    "date"
                } else {
                    "duration"
                };
                m.serialize_entry("kind", kind)?;
                m.serialize_entry("iso", iso)?;
                put_mod(&mut m, *modifier)?;
            }
            Value::Time {
                iso,
                zone,
                modifier,
            } => {
                m.serialize_entry("kind", "time")?;
                m.serialize_entry("iso", iso)?;
                if let Some(z) = zone {
                    m.serialize_entry("zone", z)?;
                }
                put_mod(&mut m, *modifier)?;
            }
            Value::Money { amount, currency } => {
                m.serialize_entry("kind", "money")?;
                put_amount(&mut m, amount)?;
                if let Some(c) = currency {
                    m.serialize_entry("currency", c)?;
                }
            }
            Value::Percent(amount) => {
                m.serialize_entry("kind", "percent")?;
                put_amount(&mut m, amount)?;
            }
            Value::Quantity { amount, unit } => {
                m.serialize_entry("kind", "quantity")?;
                put_amount(&mut m, amount)?;
                m.serialize_entry("unit", unit)?;
            }
            Value::Number(amount) => {
                m.serialize_entry("kind", "number")?;
                put_amount(&mut m, amount)?;
            }
        }
        m.end()
    }
}
