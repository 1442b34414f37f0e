//! Word lists and number parsing for the numeric recogniser.
//!
//! All matching is ASCII case-insensitive and allocation-free; the tables are
//! small enough that a linear scan is cheaper than hashing.

/// Whether `a` equals `b`, ignoring ASCII case.
pub(super) fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The value paired with `w` in `table`, ignoring ASCII case.
pub(super) fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| eq(k, w)).map(|&(_, v)| v)
}

pub(super) const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

pub(super) const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
];

/// Multipliers written as words or abbreviations.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("mln", 1e6),
    ("bln", 1e9),
    ("bn", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Suffixes that scale a money amount only (`£5m`, `$20k`).
const MONEY_SCALES: &[(&str, f64)] = &[("m", 1e6), ("k", 1e3), ("b", 1e9)];

/// The ASCII letters that words of `table` start with, as bits (a = bit 0).
const fn first_letters<T>(table: &[(&str, T)]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < table.len() {
        let b = table[i].0.as_bytes()[0].to_ascii_lowercase();
        if b.is_ascii_lowercase() {
            mask |= 1 << (b - b'a');
        }
        i += 1;
    }
    mask
}

const UNITS_FIRST: u32 = first_letters(UNITS);
const ORDINALS_FIRST: u32 = first_letters(ORDINALS);

/// Whether `w` starts with an ASCII letter in `mask`: a cheap test that most
/// words fail before any table is scanned.
fn starts_in(w: &str, mask: u32) -> bool {
    w.as_bytes()
        .first()
        .map(u8::to_ascii_lowercase)
        .is_some_and(|b| b.is_ascii_lowercase() && mask & (1 << (b - b'a')) != 0)
}

/// A cardinal number word (`five`, `twenty`) or hyphenated pair (`twenty-five`).
pub(super) fn cardinal_word(w: &str) -> Option<f64> {
    if !starts_in(w, UNITS_FIRST) {
        return None;
    }
    if let Some(v) = lookup(UNITS, w) {
        return Some(f64::from(v));
    }
    let (tens, unit) = w.split_once('-')?;
    let t = lookup(UNITS, tens).filter(|t| *t >= 20 && t % 10 == 0)?;
    let u = lookup(UNITS, unit).filter(|u| (1..10).contains(u))?;
    Some(f64::from(t + u))
}

/// An ordinal word (`sixth`, `twenty-first`) or digits with a suffix (`21st`).
pub(super) fn ordinal(w: &str) -> Option<f64> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) && !starts_in(w, ORDINALS_FIRST | UNITS_FIRST) {
        return None;
    }
    if let Some(v) = lookup(ORDINALS, w) {
        return Some(f64::from(v));
    }
    if let Some((tens, unit)) = w.split_once('-') {
        let t = lookup(UNITS, tens).filter(|t| *t >= 20 && t % 10 == 0)?;
        let u = lookup(ORDINALS, unit).filter(|u| (1..10).contains(u))?;
        return Some(f64::from(t + u));
    }
    let (v, suffix) = digits(w)?;
    let teen = (v % 100.0 - 15.0).abs() < 5.0;
    let ok = match lookup(&[("st", 1u8), ("nd", 2), ("rd", 3), ("th", 0)], suffix) {
        Some(0) => true,
        Some(unit) => v % 10.0 == f64::from(unit) && !teen,
        None => false,
    };
    (ok && v.fract() == 0.0).then_some(v)
}

/// A scale word (`million`, `bn`); with `money`, also `m`, `k`, `b`.
pub(super) fn scale(w: &str, money: bool) -> Option<f64> {
    lookup(SCALES, w).or_else(|| money.then(|| lookup(MONEY_SCALES, w)).flatten())
}

/// Parses a number token: digits with `,` thousands groups and one decimal
/// point, then a letter suffix. `2.5bn` -> (2.5, "bn"), `1,000` -> (1000, "").
pub(super) fn digits(s: &str) -> Option<(f64, &str)> {
    let b = s.as_bytes();
    let mut end = 0;
    let mut seen_point = false;
    while end < b.len() {
        match b[end] {
            b'0'..=b'9' => end += 1,
            b',' if !seen_point
                && end > 0
                && b.len() >= end + 4
                && b[end + 1..end + 4].iter().all(u8::is_ascii_digit)
                && b.get(end + 4).is_none_or(|c| !c.is_ascii_digit()) =>
            {
                end += 1
            }
            b'.' if !seen_point && end > 0 && b.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                seen_point = true;
                end += 1;
            }
            _ => break,
        }
    }
    if end == 0 {
        return None;
    }
    let suffix = &s[end..];
    if !suffix.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut v = 0.0f64;
    let mut frac = 0.0f64;
    for &c in &b[..end] {
        match c {
            b'0'..=b'9' if frac > 0.0 => {
                v += f64::from(c - b'0') * frac;
                frac /= 10.0;
            }
            b'0'..=b'9' => v = v * 10.0 + f64::from(c - b'0'),
            b'.' => frac = 0.1,
            _ => {}
        }
    }
    // Undo float noise from the decimal digits (0.1 * 3 ...).
    let v = (v * 1e9).round() / 1e9;
    Some((v, suffix))
}

/// Plural scale words that make a vague number: `hundreds`, `thousands`, `dozens`.
pub(super) fn vague_scale(w: &str) -> Option<f64> {
    lookup(VAGUE_SCALES, w)
}

/// The words of [`vague_scale`].
pub(super) const VAGUE_SCALES: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

/// Words before an amount that qualify it, longest first: `about`, `more than`.
pub(super) const NUMBER_MODS: &[(&[&str], super::Mod)] = {
    use super::Mod::*;
    &[
        (&["just", "over"], MoreThan),
        (&["just", "under"], LessThan),
        (&["more", "than"], MoreThan),
        (&["less", "than"], LessThan),
        (&["fewer", "than"], LessThan),
        (&["at", "least"], AtLeast),
        (&["at", "most"], AtMost),
        (&["up", "to"], AtMost),
        (&["as", "many", "as"], AtMost),
        (&["as", "much", "as"], AtMost),
        (&["an", "estimated"], Approx),
        (&["about"], Approx),
        (&["around"], Approx),
        (&["roughly"], Approx),
        (&["approximately"], Approx),
        (&["nearly"], Approx),
        (&["almost"], Approx),
        (&["some"], Approx),
        (&["over"], MoreThan),
        (&["under"], LessThan),
        (&["below"], LessThan),
    ]
};

/// Month names and abbreviations (capitalised in text), 1-12.
pub(super) const MONTHS: &[(&str, u8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan.", 1),
    ("Feb.", 2),
    ("Mar.", 3),
    ("Apr.", 4),
    ("Jun.", 6),
    ("Jul.", 7),
    ("Aug.", 8),
    ("Sep.", 9),
    ("Sept.", 9),
    ("Oct.", 10),
    ("Nov.", 11),
    ("Dec.", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Apr", 4),
    ("Aug", 8),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Weekday names, 0 = Monday.
pub(super) const WEEKDAYS: &[(&str, u8)] = &[
    ("Monday", 0),
    ("Tuesday", 1),
    ("Wednesday", 2),
    ("Thursday", 3),
    ("Friday", 4),
    ("Saturday", 5),
    ("Sunday", 6),
];

/// Units of time: name -> (ISO designator, whether under a day).
pub(super) const TIME_UNITS: &[(&str, TimeUnit)] = &[
    ("day", TimeUnit::Day),
    ("days", TimeUnit::Day),
    ("week", TimeUnit::Week),
    ("weeks", TimeUnit::Week),
    ("fortnight", TimeUnit::Fortnight),
    ("month", TimeUnit::Month),
    ("months", TimeUnit::Month),
    ("quarter", TimeUnit::Quarter),
    ("quarters", TimeUnit::Quarter),
    ("year", TimeUnit::Year),
    ("years", TimeUnit::Year),
    ("decade", TimeUnit::Decade),
    ("decades", TimeUnit::Decade),
    ("century", TimeUnit::Century),
    ("centuries", TimeUnit::Century),
    ("hour", TimeUnit::Hour),
    ("hours", TimeUnit::Hour),
    ("minute", TimeUnit::Minute),
    ("minutes", TimeUnit::Minute),
    ("second", TimeUnit::Second),
    ("seconds", TimeUnit::Second),
];

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    /// A day.
    Day,
    /// A week.
    Week,
    /// Two weeks.
    Fortnight,
    /// A month.
    Month,
    /// Three months.
    Quarter,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// An hour.
    Hour,
    /// A minute.
    Minute,
    /// A second.
    Second,
}

impl TimeUnit {
    /// Whether the unit is shorter than a day (a TIME rather than a DATE).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, TimeUnit::Hour | TimeUnit::Minute | TimeUnit::Second)
    }

    /// The ISO 8601 duration of `n` of this unit: `P3W`, `PT48H`, `P10Y`.
    pub(crate) fn iso(self, n: f64) -> String {
        let (k, d) = match self {
            TimeUnit::Day => (1.0, "D"),
            TimeUnit::Week => (1.0, "W"),
            TimeUnit::Fortnight => (2.0, "W"),
            TimeUnit::Month => (1.0, "M"),
            TimeUnit::Quarter => (3.0, "M"),
            TimeUnit::Year => (1.0, "Y"),
            TimeUnit::Decade => (10.0, "Y"),
            TimeUnit::Century => (100.0, "Y"),
            TimeUnit::Hour => (1.0, "H"),
            TimeUnit::Minute => (1.0, "M"),
            TimeUnit::Second => (1.0, "S"),
        };
        let t = if self.is_clock() { "T" } else { "" };
        format!("P{t}{}{d}", fmt_num(n * k))
    }
}

/// A number without a needless `.0`.
pub(super) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Currency signs and sign-like prefixes written before the amount.
pub(super) const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("₺", "TRY"),
    ("Rs", "INR"),
    ("Rs.", "INR"),
    ("USD", "USD"),
    ("US$", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("NZD", "NZD"),
    ("CHF", "CHF"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("INR", "INR"),
    ("HKD", "HKD"),
    ("SGD", "SGD"),
];

/// Prefixes glued to `$` that name the dollar: `A$3 billion`.
pub(super) const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    ("U.S.", "USD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("CDN", "CAD"),
    ("NZ", "NZD"),
    ("HK", "HKD"),
    ("S", "SGD"),
    ("NT", "TWD"),
    ("R", "BRL"),
    ("Mex", "MXN"),
];

/// Currency words after the amount; `None` means the dollar of the article.
pub(super) const CURRENCY_WORDS: &[(&str, Option<&str>)] = &[
    ("dollar", None),
    ("dollars", None),
    ("euro", Some("EUR")),
    ("euros", Some("EUR")),
    ("yuan", Some("CNY")),
    ("renminbi", Some("CNY")),
    ("yen", Some("JPY")),
    ("rupee", Some("INR")),
    ("rupees", Some("INR")),
    ("rouble", Some("RUB")),
    ("roubles", Some("RUB")),
    ("ruble", Some("RUB")),
    ("rubles", Some("RUB")),
    ("francs", Some("CHF")),
    ("rand", Some("ZAR")),
    ("naira", Some("NGN")),
    ("ringgit", Some("MYR")),
    ("baht", Some("THB")),
    ("dirhams", Some("AED")),
    ("riyals", Some("SAR")),
    ("rials", Some("IRR")),
    ("rial", Some("IRR")),
    ("lira", Some("TRY")),
    ("zlotys", Some("PLN")),
    ("zloty", Some("PLN")),
    ("hryvnias", Some("UAH")),
    ("hryvnia", Some("UAH")),
    ("pesos", Some("")),
    ("shillings", Some("")),
    ("kronor", Some("SEK")),
    ("crowns", Some("")),
    ("sterling", Some("GBP")),
];

/// Adjectives before `dollars`/`rupees` that name the country.
pub(super) const CURRENCY_ADJECTIVES: &[(&str, &str)] = &[
    ("U.S.", "USD"),
    ("US", "USD"),
    ("American", "USD"),
    ("Canadian", "CAD"),
    ("Australian", "AUD"),
    ("Singapore", "SGD"),
    ("Taiwan", "TWD"),
    ("Zimbabwean", "ZWL"),
    ("Pakistani", "PKR"),
    ("Indian", "INR"),
    ("Swiss", "CHF"),
    ("Mexican", "MXN"),
    ("Philippine", "PHP"),
    ("Belarusian", "BYN"),
    ("Russian", "RUB"),
    ("Swedish", "SEK"),
    ("Norwegian", "NOK"),
    ("Danish", "DKK"),
    ("Czech", "CZK"),
    ("Kenyan", "KES"),
];

/// Measurement units: word -> canonical unit.
pub(super) const QUANTITY_UNITS: &[(&str, &str)] = &[
    ("tonne", "tonne"),
    ("tonnes", "tonne"),
    ("ton", "ton"),
    ("tons", "ton"),
    ("kg", "kg"),
    ("kilogram", "kg"),
    ("kilograms", "kg"),
    ("kilo", "kg"),
    ("kilos", "kg"),
    ("g", "g"),
    ("gram", "g"),
    ("grams", "g"),
    ("mg", "mg"),
    ("pound", "lb"),
    ("pounds", "lb"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("ounce", "oz"),
    ("ounces", "oz"),
    ("oz", "oz"),
    ("km", "km"),
    ("kilometre", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometers", "km"),
    ("m", "m"),
    ("metre", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("meters", "m"),
    ("cm", "cm"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("mm", "mm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("mile", "mi"),
    ("miles", "mi"),
    ("foot", "ft"),
    ("feet", "ft"),
    ("ft", "ft"),
    ("inch", "in"),
    ("inches", "in"),
    ("yard", "yd"),
    ("yards", "yd"),
    ("acre", "acre"),
    ("acres", "acre"),
    ("hectare", "ha"),
    ("hectares", "ha"),
    ("litre", "l"),
    ("litres", "l"),
    ("liter", "l"),
    ("liters", "l"),
    ("gallon", "gal"),
    ("gallons", "gal"),
    ("barrel", "barrel"),
    ("barrels", "barrel"),
    ("bpd", "barrel/day"),
    ("mph", "mph"),
    ("kph", "km/h"),
    ("km/h", "km/h"),
    ("knots", "knot"),
    ("mw", "MW"),
    ("megawatt", "MW"),
    ("megawatts", "MW"),
    ("gw", "GW"),
    ("gigawatt", "GW"),
    ("gigawatts", "GW"),
    ("kw", "kW"),
    ("kilowatts", "kW"),
    ("kwh", "kWh"),
    ("mwh", "MWh"),
    ("twh", "TWh"),
    ("calories", "kcal"),
    ("bytes", "B"),
    ("gb", "GB"),
    ("tb", "TB"),
    ("degree", "degree"),
    ("degrees", "degree"),
    ("kbps", "kbit/s"),
    ("mbps", "Mbit/s"),
    ("gbps", "Gbit/s"),
    ("kilobit", "kbit"),
    ("kilobits", "kbit"),
    ("megabit", "Mbit"),
    ("megabits", "Mbit"),
    ("gigabit", "Gbit"),
    ("gigabits", "Gbit"),
    ("kilobytes", "kB"),
    ("megabyte", "MB"),
    ("megabytes", "MB"),
    ("mb", "MB"),
    ("gigabyte", "GB"),
    ("gigabytes", "GB"),
    ("terabytes", "TB"),
];

/// The rate of a data unit: `Mbit` -> `Mbit/s`.
pub(super) fn per_second(unit: &str) -> Option<&'static str> {
    match unit {
        "kbit" => Some("kbit/s"),
        "Mbit" => Some("Mbit/s"),
        "Gbit" => Some("Gbit/s"),
        _ => None,
    }
}

/// Running distances in metres: "the 100m" is a race, not 100 million.
pub(super) const RACE_DISTANCES: &[f64] = &[
    60.0, 100.0, 110.0, 200.0, 400.0, 800.0, 1500.0, 3000.0, 5000.0, 10000.0,
];

/// The first year of a decade named in words: `seventies` -> 1970.
pub(super) fn decade_word(w: &str) -> Option<i32> {
    lookup(
        &[
            ("twenties", 1920),
            ("thirties", 1930),
            ("forties", 1940),
            ("fifties", 1950),
            ("sixties", 1960),
            ("seventies", 1970),
            ("eighties", 1980),
            ("nineties", 1990),
        ],
        w,
    )
}

/// The area (`square`) or volume (`cubic`) unit of a length word after it.
pub(super) fn area_unit(w: &str, cubic: bool) -> Option<&'static str> {
    let (sq, cu) = lookup(
        &[
            ("kilometres", ("km2", "km3")),
            ("kilometers", ("km2", "km3")),
            ("km", ("km2", "km3")),
            ("miles", ("mi2", "mi3")),
            ("mile", ("mi2", "mi3")),
            ("metres", ("m2", "m3")),
            ("meters", ("m2", "m3")),
            ("feet", ("ft2", "ft3")),
            ("foot", ("ft2", "ft3")),
        ],
        w,
    )?;
    Some(if cubic { cu } else { sq })
}

/// Time zones: abbreviation -> UTC offset in minutes, when fixed.
pub(super) const ZONES: &[(&str, Option<i16>)] = &[
    ("GMT", Some(0)),
    ("UTC", Some(0)),
    ("BST", Some(60)),
    ("CET", Some(60)),
    ("CEST", Some(120)),
    ("EET", Some(120)),
    ("EEST", Some(180)),
    ("MSK", Some(180)),
    ("IST", Some(330)),
    ("JST", Some(540)),
    ("KST", Some(540)),
    ("HKT", Some(480)),
    ("AEST", Some(600)),
    ("AEDT", Some(660)),
    ("EST", Some(-300)),
    ("EDT", Some(-240)),
    ("CST", Some(-360)),
    ("CDT", Some(-300)),
    ("MST", Some(-420)),
    ("MDT", Some(-360)),
    ("PST", Some(-480)),
    ("PDT", Some(-420)),
    ("ET", None),
    ("CT", None),
    ("PT", None),
];

/// Dateline cities whose `$` is not the US dollar.
pub(super) const DATELINES: &[(&str, &str)] = &[
    ("OTTAWA", "CAD"),
    ("TORONTO", "CAD"),
    ("MONTREAL", "CAD"),
    ("VANCOUVER", "CAD"),
    ("CALGARY", "CAD"),
    ("EDMONTON", "CAD"),
    ("WINNIPEG", "CAD"),
    ("HALIFAX", "CAD"),
    ("SYDNEY", "AUD"),
    ("MELBOURNE", "AUD"),
    ("CANBERRA", "AUD"),
    ("BRISBANE", "AUD"),
    ("PERTH", "AUD"),
    ("ADELAIDE", "AUD"),
    ("WELLINGTON", "NZD"),
    ("AUCKLAND", "NZD"),
    ("SINGAPORE", "SGD"),
    ("HONG", "HKD"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(digits("2.5bn"), Some((2.5, "bn")));
        assert_eq!(digits("1,000"), Some((1000.0, "")));
        assert_eq!(digits("1,000.75"), Some((1000.75, "")));
        assert_eq!(digits("27c"), Some((27.0, "c")));
        assert_eq!(digits("10:30"), None);
        assert_eq!(digits("1,00"), None);
        assert_eq!(cardinal_word("Twenty-five"), Some(25.0));
        assert_eq!(cardinal_word("five-year"), None);
        assert_eq!(ordinal("twenty-first"), Some(21.0));
        assert_eq!(ordinal("21st"), Some(21.0));
        assert_eq!(ordinal("11st"), None);
        assert_eq!(ordinal("sixth"), Some(6.0));
        assert_eq!(TimeUnit::Hour.iso(48.0), "PT48H");
        assert_eq!(TimeUnit::Decade.iso(1.0), "P10Y");
        assert_eq!(TimeUnit::Year.iso(1.5), "P1.5Y");
    }
}
