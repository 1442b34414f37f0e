//! The token patterns of the numeric recogniser.
//!
//! [`Scan::at`] tries every pattern at one token and keeps the longest match
//! (the earlier pattern on ties: DATE, TIME, MONEY, PERCENT, QUANTITY,
//! ORDINAL, CARDINAL). Every pattern looks ahead a bounded number of tokens,
//! so a sentence is scanned in linear time.

use super::resolve::{Clock, Expr, Rel, When};
use super::value::{Amount, Mod, Value};
use super::words::{self, eq, lookup, TimeUnit};
use crate::ner::Label;
use crate::text::{Token, TokenKind};
use std::cell::RefCell;

/// A recognised expression: tokens `start..end` of the sentence.
#[derive(Debug)]
pub(super) struct Match {
    /// One past the last token.
    pub end: usize,
    /// Its label.
    pub label: Label,
    /// What it says.
    pub expr: Expr,
}

fn m(end: usize, label: Label, expr: Expr) -> Option<Match> {
    Some(Match { end, label, expr })
}

fn date(end: usize, when: When) -> Option<Match> {
    m(end, Label::Date, Expr::Date(when, None))
}

/// Keeps the longer of two matches, the first on ties.
fn longer(a: Option<Match>, b: Option<Match>) -> Option<Match> {
    match (a, b) {
        (Some(a), Some(b)) if b.end > a.end => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// One span for two expressions joined by "to" or "and" ("between 2001 and
/// 2003", "two to four weeks", "3% to 3.5%"): the label of the second, when the
/// first has it too or is a bare number. The value is a range where the two
/// values make one, else unknown.
fn span_range(first: &Match, second: &Match) -> Option<Match> {
    let label = second.label;
    if first.label != label && first.label != Label::Cardinal {
        return None;
    }
    // a range ascends: "312 to 98" is a vote, two numbers
    if let (Some(a), Some(b)) = (amount_of(&first.expr), amount_of(&second.expr)) {
        if a > b {
            return None;
        }
    }
    let amounts = |a: &Amount, b: &Amount| Some(Amount::range(a.value?, b.value?));
    let expr = match (&first.expr, &second.expr) {
        (Expr::Date(a, None), Expr::Date(b, _)) => Expr::Date(
            When::Between(Box::new(a.clone()), Box::new(b.clone())),
            None,
        ),
        (Expr::Fixed(a), Expr::Fixed(b)) => {
            let a = match a {
                Value::Number(a) | Value::Percent(a) => Some(a),
                Value::Quantity { amount, .. } => Some(amount),
                _ => None,
            };
            let range = match b {
                Value::Number(b) => a.and_then(|a| amounts(a, b)).map(Value::Number),
                Value::Percent(b) => a.and_then(|a| amounts(a, b)).map(Value::Percent),
                Value::Quantity { amount, unit } => a
                    .and_then(|a| amounts(a, amount))
                    .map(|amount| Value::Quantity { amount, unit }),
                _ => None,
            };
            range.map_or(Expr::Unknown, Expr::Fixed)
        }
        _ => Expr::Unknown,
    };
    m(second.end, label, expr)
}

/// The unit part of a number token with a unit glued on (`1-2mbps` -> `2mbps`).
fn unit_of(w: &str) -> &str {
    w.split_once('-').map_or(w, |(_, b)| b)
}

/// The exact number an expression says, if it is one.
fn amount_of(expr: &Expr) -> Option<f64> {
    match expr {
        Expr::Fixed(Value::Number(a) | Value::Percent(a) | Value::Quantity { amount: a, .. }) => {
            a.value
        }
        _ => None,
    }
}

/// A sentence's tokens, ready to be matched.
pub(super) struct Scan<'a> {
    toks: &'a [Token],
    /// The text of each token, sliced once.
    words: Vec<&'a str>,
    dollar: &'static str,
    /// `amount(i, false)` by token, once computed: five patterns and the
    /// qualifiers ask for the amount at the same token.
    amounts: RefCell<Vec<Option<Parsed>>>,
}

/// What [`Scan::amount`] gives: where the amount ends and its value, if any.
type Parsed = Option<(usize, Amount)>;

impl<'a> Scan<'a> {
    /// A scanner over `toks` of `text`; `dollar` is the currency of a bare `$`.
    pub(super) fn new(text: &'a str, toks: &'a [Token], dollar: &'static str) -> Scan<'a> {
        let words = toks.iter().map(|t| t.span.of(text)).collect();
        Scan {
            toks,
            words,
            dollar,
            amounts: RefCell::new(Vec::new()),
        }
    }

    /// The text of token `i`, or `""` past the end.
    fn w(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn is(&self, i: usize, s: &str) -> bool {
        eq(self.w(i), s)
    }

    fn any(&self, i: usize, ss: &[&str]) -> bool {
        let w = self.w(i);
        ss.iter().any(|s| eq(w, s))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].span.end == self.toks[i + 1].span.start
    }

    fn capitalised(&self, i: usize) -> bool {
        self.w(i).starts_with(|c: char| c.is_ascii_uppercase())
    }

    /// The longest match starting at token `i`.
    pub(super) fn at(&self, i: usize) -> Option<Match> {
        if !self.may_start(i) {
            return None;
        }
        self.at_unfiltered(i)
    }

    /// Whether any pattern could match at token `i`: a number, a word with a
    /// digit or a hyphen, or one of the words a pattern can begin with
    /// ([`starters`]). Most tokens fail this, and skipping them spares trying
    /// every pattern at every word; it never changes a result, because every
    /// pattern first checks that its token is one of these.
    fn may_start(&self, i: usize) -> bool {
        let w = self.w(i);
        self.kind(i) == Some(TokenKind::Number)
            || w.bytes().any(|b| b.is_ascii_digit() || b == b'-')
            || (w.len() <= starters::MAX_LEN && starters::contains(w))
    }

    /// [`Scan::at`] without the [`Scan::may_start`] filter.
    fn at_unfiltered(&self, i: usize) -> Option<Match> {
        let start_ok = match self.kind(i)? {
            TokenKind::Clitic | TokenKind::Link => false,
            TokenKind::Punct => matches!(self.w(i), "'" | "’"),
            _ => true,
        };
        if !start_ok {
            return None;
        }
        if self.is(i, "between") {
            // between $10.5 billion and $11 billion: one MONEY range;
            // between 2001 and 2003, between 5% and 7%: one DATE, one PERCENT
            if let Some(first) = self.money(i + 1).filter(|f| self.is(f.end, "and")) {
                return self.money_range(&first, first.end + 1);
            }
            let first = self.core(i + 1).filter(|f| self.is(f.end, "and"))?;
            let second = self.core(first.end + 1)?;
            return span_range(&first, &second);
        }
        let mut best = self.core(i);
        // "X to Y" is one range ("two to four weeks", "3% to 3.5%", "$112
        // billion to $121 billion") unless a verb of change comes before it
        // ("rose from 3% to 4%", "fell 27c to $4.12")
        let moved = i > 0 && self.any(i - 1, MOVES);
        let range = best
            .as_ref()
            .filter(|b| !moved && self.is(b.end, "to"))
            .and_then(|b| match b.label {
                Label::Money => self.money_range(b, b.end + 1),
                _ => span_range(b, &self.core(b.end + 1)?),
            });
        best = longer(best, range);
        let (j, modifier) = self.modifier(i);
        if modifier.is_none() {
            return best;
        }
        let with = self.core(j).and_then(|mut mt| {
            mt.expr = with_mod(mt.expr, modifier?)?;
            Some(mt)
        });
        longer(best, with)
    }

    fn core(&self, i: usize) -> Option<Match> {
        let mut best = self.date(i);
        best = longer(best, self.time(i));
        best = longer(best, self.money(i));
        best = longer(best, self.percent(i));
        best = longer(best, self.quantity(i));
        best = longer(best, self.ordinal(i));
        longer(best, self.cardinal(i))
    }

    /// A qualifier before an amount ("about", "more than"): where the amount
    /// starts and the qualifier, when an amount-like token follows it.
    fn modifier(&self, i: usize) -> (usize, Option<Mod>) {
        for (ws, md) in words::NUMBER_MODS {
            if ws.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                let j = i + ws.len();
                let w = self.w(j);
                let amountish = self.kind(j) == Some(TokenKind::Number)
                    || words::cardinal_word(w).is_some()
                    || words::vague_scale(w).is_some()
                    || eq(w, "a")
                    || eq(w, "an")
                    || eq(w, "half")
                    || eq(w, "$")
                    || lookup(words::CURRENCY_SIGNS, w).is_some()
                    || (self.glued(j) && self.w(j + 1) == "$");
                if amountish {
                    return (j, Some(*md));
                }
            }
        }
        (i, None)
    }

    // ----- amounts -----

    /// A number at `i`: digits (`1,000`, `2.5bn`, `1.5 million`), words
    /// (`twenty-five`, `a dozen`, `one hundred and five`) or a vague plural
    /// (`tens of thousands`). `money` allows `m`/`k` suffixes.
    fn amount(&self, i: usize, money: bool) -> Option<(usize, Amount)> {
        if money || i >= self.toks.len() {
            return self.amount_uncached(i, money);
        }
        if let Some(known) = self.amounts.borrow().get(i).copied().flatten() {
            return known;
        }
        let found = self.amount_uncached(i, false);
        let mut amounts = self.amounts.borrow_mut();
        if amounts.is_empty() {
            amounts.resize(self.toks.len(), None);
        }
        amounts[i] = Some(found);
        found
    }

    /// [`Scan::amount`] without the memo.
    fn amount_uncached(&self, i: usize, money: bool) -> Option<(usize, Amount)> {
        let w = self.w(i);
        if self.kind(i) == Some(TokenKind::Number) {
            if let Some((a, b)) = self.range(w) {
                return Some((i + 1, Amount::range(a, b)));
            }
            let (mut v, suffix) = words::digits(w)?;
            if !suffix.is_empty() {
                v *= words::scale(suffix, money)?;
                return Some((i + 1, Amount::exact(v)));
            }
            let mut end = i + 1;
            if let Some(k) = words::scale(self.w(end), false) {
                v *= k;
                end += 1;
            }
            return Some((end, Amount::exact(v).scale(1.0)));
        }
        if (eq(w, "tens") || eq(w, "hundreds")) && self.is(i + 1, "of") {
            let base = if eq(w, "tens") { 10.0 } else { 100.0 };
            if let Some(k) = words::vague_scale(self.w(i + 2)) {
                let a = Amount::range(2.0 * base * k, 10.0 * base * k - 1.0);
                return Some((i + 3, a.with_mod(Some(Mod::Approx))));
            }
        }
        if eq(w, "minus") {
            let (e, a) = self.amount(i + 1, money)?;
            return Some((e, a.scale(-1.0)));
        }
        if let Some(k) = words::vague_scale(w) {
            // hundreds, thousands, dozens
            return Some((
                i + 1,
                Amount::range(2.0 * k, 10.0 * k - 1.0).with_mod(Some(Mod::Approx)),
            ));
        }
        self.spelled(i)
    }

    /// `a-b` number ranges within one token, `a < b`.
    fn range(&self, w: &str) -> Option<(f64, f64)> {
        let (a, b) = w.split_once('-')?;
        let (a, sa) = words::digits(a)?;
        let (b, sb) = words::digits(b)?;
        (sa.is_empty() && sb.is_empty() && a < b).then_some((a, b))
    }

    /// A spelled-out number: `three`, `twenty-five`, `a million`, `two dozen`,
    /// `one hundred and fifty`, `half a million`.
    fn spelled(&self, i: usize) -> Option<(usize, Amount)> {
        let mut j = i;
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut any = false;
        // whole words only: "bn" and "tn" follow digits, not "two"
        let big = |w: &str| words::scale(w, false).filter(|_| w.len() > 3);
        if self.is(j, "half") && self.is(j + 1, "a") && big(self.w(j + 2)).is_some() {
            cur = 0.5;
            j += 2;
            any = true;
        } else if (self.is(j, "a") || self.is(j, "an"))
            && (big(self.w(j + 1)).is_some() || self.is(j + 1, "dozen"))
        {
            cur = 1.0;
            j += 1;
            any = true;
        }
        let mut last_was_scale = false;
        while j < i + 10 {
            let w = self.w(j);
            if let Some(v) = words::cardinal_word(w) {
                if any && !last_was_scale && cur % 10.0 != 0.0 {
                    break; // "five six" is two numbers
                }
                cur += v;
                any = true;
                last_was_scale = false;
            } else if any && eq(w, "dozen") {
                cur *= 12.0;
                last_was_scale = true;
            } else if any && eq(w, "hundred") {
                cur = cur.max(1.0) * 100.0;
                last_was_scale = true;
            } else if let Some(k) = big(w).filter(|_| any) {
                total += cur.max(1.0) * k;
                cur = 0.0;
                last_was_scale = true;
            } else if any
                && last_was_scale
                && eq(w, "and")
                && words::cardinal_word(self.w(j + 1)).is_some()
            {
                last_was_scale = false;
            } else {
                break;
            }
            j += 1;
        }
        (any && j > i).then(|| (j, Amount::exact(total + cur)))
    }

    // ----- dates -----

    fn date(&self, i: usize) -> Option<Match> {
        // "early"/"mid"/"late"/"the end of" ... before a point in time.
        let edges: &[(&[&str], Option<Mod>)] = &[
            (&["the", "end", "of"], Some(Mod::End)),
            (&["the", "start", "of"], Some(Mod::Start)),
            (&["the", "beginning", "of"], Some(Mod::Start)),
            (&["the", "middle", "of"], Some(Mod::Mid)),
            (&["the", "turn", "of"], Some(Mod::Start)),
            (&["early"], Some(Mod::Start)),
            (&["late"], Some(Mod::End)),
            (&["mid"], Some(Mod::Mid)),
            (&["earlier", "in"], None),
            (&["later", "in"], None),
            (&["earlier"], None),
            (&["later"], None),
        ];
        let mut best = self.date_core(i, false);
        for (ws, md) in edges {
            if !ws.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                continue;
            }
            let j = i + ws.len();
            // "earlier"/"later" only before this/last/next: "later this month".
            if md.is_none() && ws.len() == 1 && !self.any(j, &["this", "last", "next"]) {
                continue;
            }
            let with = self.date_core(j, false).and_then(|mut mt| match mt.expr {
                Expr::Date(when, None) if mt.label == Label::Date => {
                    mt.expr = Expr::Date(when, *md);
                    Some(mt)
                }
                _ => None,
            });
            best = longer(best, with);
        }
        if self.any(i, &["the", "these"]) {
            best = longer(best, self.date_core(i + 1, true));
        }
        // June next year
        if let Some(Match {
            end,
            expr: Expr::Date(When::MonthOnly(mo), None),
            ..
        }) = best
        {
            if let Some(n) = self.year_shift(end) {
                let when = When::InYear(Box::new(When::MonthOnly(mo)), n);
                best = date(end + 2, when);
            }
        }
        best
    }

    /// A date expression at `i`; `the` says a "the" came before it.
    fn date_core(&self, i: usize, the: bool) -> Option<Match> {
        let mut best = self.relative(i, the);
        best = longer(best, self.duration(i, the));
        best = longer(best, self.calendar(i, the));
        best
    }

    /// today, last week, this month, later this year, the weekend, recent years.
    fn relative(&self, i: usize, the: bool) -> Option<Match> {
        let w = self.w(i);
        // "the Today programme": capitalised mid-sentence, a name
        let name = i > 0 && self.capitalised(i) && self.kind(i - 1) == Some(TokenKind::Word);
        if !the && !name {
            for (word, n) in [("today", 0), ("yesterday", -1), ("tomorrow", 1)] {
                if eq(w, word) {
                    return date(i + 1, When::Shift(TimeUnit::Day, n));
                }
            }
        }
        if the {
            // the seventies
            if let Some(y) = words::decade_word(w) {
                return date(i + 1, When::Decade(y));
            }
        }
        if !the && self.any(i, &["each", "every"]) {
            // each year, every week, every Sunday: a recurring date, no single value
            let x = self.w(i + 1);
            if self.weekday(i + 1).is_some() {
                return m(i + 2, Label::Date, Expr::Unknown);
            }
            let unit = lookup(words::TIME_UNITS, x)?;
            return (!unit.is_clock() && !x.ends_with('s')).then(|| Match {
                end: i + 2,
                label: Label::Date,
                expr: Expr::Unknown,
            });
        }
        if the && eq(w, "weekend") {
            return date(i + 1, When::Weekend(0, Rel::Bare));
        }
        if the && self.any(i, &["previous", "next", "following", "same"]) && self.is(i + 1, "day") {
            return m(i + 2, Label::Date, Expr::Date(When::Vague, None));
        }
        if ((!the && eq(w, "recent")) || (the && self.any(i, &["coming", "past", "next"])))
            && self.any(i + 1, &["days", "weeks", "months", "years", "decades"])
        {
            return m(i + 2, Label::Date, Expr::Date(When::Vague, None));
        }
        let n = if the {
            return None;
        } else if self.any(i, &["this", "current"]) {
            0
        } else if self.any(i, &["last", "past", "previous"]) {
            -1
        } else if self.any(i, &["next", "coming"]) {
            1
        } else {
            return None;
        };
        let x = self.w(i + 1);
        if let Some(unit) = lookup(words::TIME_UNITS, x).filter(|u| !u.is_clock()) {
            if x.ends_with('s') {
                return None;
            }
            if eq(w, "past") {
                // "past year" without "the": a duration
                return m(i + 2, Label::Date, duration(unit, 1.0, None));
            }
            return date(i + 2, When::Shift(unit, n));
        }
        if eq(x, "weekend") {
            return date(i + 2, When::Weekend(n, Rel::This));
        }
        if let Some(wd) = self.weekday(i + 1) {
            let rel = match n {
                0 => Rel::This,
                -1 => Rel::Last,
                _ => Rel::Next,
            };
            return date(i + 2, When::Weekday(wd, rel));
        }
        if let Some(mo) = self.month(i + 1) {
            return date(i + 2, When::MonthOnly(mo));
        }
        if let Some(s) = season(x) {
            return date(i + 2, When::Season(None, s));
        }
        None
    }

    /// three weeks, the past two years, two days ago, a year earlier,
    /// the six months to June 30, 35-year-old, 48 hours.
    fn duration(&self, i: usize, the: bool) -> Option<Match> {
        // A hyphenated compound in one token: five-year, 35-year-old, 24-hour.
        if let Some(mt) = self.compound_duration(i).filter(|_| !the) {
            return Some(mt);
        }
        let mut j = i;
        let mut period = false;
        if the
            && self.any(
                j,
                &[
                    "past",
                    "last",
                    "next",
                    "coming",
                    "previous",
                    "first",
                    "final",
                    "following",
                ],
            )
        {
            period = true;
            j += 1;
        }
        let (after, n) = if (self.is(j, "a") && self.is(j + 1, "few"))
            || self.any(j, &["several", "few", "many"])
        {
            (j + if self.is(j, "a") { 2 } else { 1 }, None)
        } else if self.any(j, &["a", "an"]) && !the {
            (j + 1, Some(1.0))
        } else if let Some((e, a)) = self.amount(j, false) {
            (e, a.value)
        } else if period {
            // "the past week": one unit
            let unit = lookup(words::TIME_UNITS, self.w(j))?;
            let label = if unit.is_clock() {
                Label::Time
            } else {
                Label::Date
            };
            if self.w(j).ends_with('s') {
                return m(j + 1, label, Expr::Date(When::Vague, None));
            }
            return m(j + 1, label, duration(unit, 1.0, None));
        } else {
            return None;
        };
        // two consecutive quarters, the two previous years
        let after = if self.any(
            after,
            &["consecutive", "successive", "straight", "previous"],
        ) {
            after + 1
        } else {
            after
        };
        let unit = lookup(words::TIME_UNITS, self.w(after))?;
        let label = if unit.is_clock() {
            Label::Time
        } else {
            Label::Date
        };
        let end = after + 1;
        let Some(n) = n else {
            return m(end, label, Expr::Date(When::Vague, None));
        };
        if !period {
            if self.is(end, "ago") && unit.is_clock() {
                // "30 minutes ago": the article's time of day is unknown
                return m(end + 1, label, Expr::Unknown);
            }
            if self.is(end, "ago") && n.fract() == 0.0 && n <= 10_000.0 {
                let shift = When::Shift(unit, -(n as i32));
                return m(end + 1, label, Expr::Date(shift, None));
            }
            if self.any(end, &["earlier", "later", "before", "previously"]) {
                return m(end + 1, label, Expr::Date(When::Vague, None));
            }
            if self.is(end, "old") {
                return m(end + 1, label, duration(unit, n, None));
            }
        }
        if self.any(end, &["to", "ended", "ending", "through", "until"]) {
            if let Some(Match {
                end: e,
                expr: Expr::Date(when, _),
                ..
            }) = self.date(end + 1)
            {
                return date(e, When::Ending(unit.iso(n), Box::new(when)));
            }
        }
        if period && self.is(end, "of") {
            if let Some(y) = self.year(end + 1) {
                let year = Box::new(When::Year(y));
                return date(end + 2, When::Ending(unit.iso(n), year));
            }
        }
        m(end, label, duration(unit, n, None))
    }

    /// `five-year`, `35-year-old`, `24-hour`, `10-day`.
    fn compound_duration(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        let (head, rest) = w.split_once('-')?;
        let n = match words::digits(head) {
            Some((v, "")) => v,
            _ => words::cardinal_word(head)?,
        };
        let (unit, old) = match rest.split_once('-') {
            Some((u, o)) if eq(o, "old") => (u, true),
            Some(_) => return None,
            None => (rest, false),
        };
        let unit = lookup(words::TIME_UNITS, unit).filter(|_| !unit.ends_with('s') || old)?;
        let label = if unit.is_clock() {
            Label::Time
        } else {
            Label::Date
        };
        m(i + 1, label, duration(unit, n, None))
    }

    fn weekday(&self, i: usize) -> Option<u8> {
        lookup(words::WEEKDAYS, self.w(i)).filter(|_| self.capitalised(i))
    }

    /// A month name at `i` (capitalised; `May` and `March` only in date context).
    fn month(&self, i: usize) -> Option<u8> {
        if !self.capitalised(i) {
            return None;
        }
        lookup(words::MONTHS, self.w(i))
    }

    /// A day of the month at `i`: `9`, `9th`.
    fn day(&self, i: usize) -> Option<u8> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.w(i);
        let v = match words::digits(w)? {
            (v, "") => v,
            _ => words::ordinal(w)?,
        };
        (v.fract() == 0.0 && (1.0..=31.0).contains(&v)).then_some(v as u8)
    }

    /// A four-digit year at `i`.
    fn year(&self, i: usize) -> Option<i32> {
        let w = self.w(i);
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok().filter(|y| (1000..=2200).contains(y))
    }

    /// Absolute and calendar-named dates: Friday, Aug. 9, 9 August 2020,
    /// August, 1994, the 1990s, mid-2021, Q3, the third quarter of 2020, summer.
    fn calendar(&self, i: usize, the: bool) -> Option<Match> {
        if !the {
            if let Some(mt) = self.point(i) {
                return Some(mt);
            }
        }
        self.period(i, the)
    }

    /// Days, months and years, which take no "the": Friday, Aug. 9,
    /// 9 August 2020, August, 1994, 2020-10-16.
    fn point(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        if let Some(wd) = self.weekday(i) {
            let k = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
            if k < self.toks.len() {
                if let Some(mt) = self.point(k) {
                    if let Expr::Date(When::MonthDay(..) | When::Day(..), _) = mt.expr {
                        return Some(mt);
                    }
                }
            }
            return date(i + 1, When::Weekday(wd, Rel::Bare));
        }
        if let Some(mo) = self.month(i) {
            if let Some(d) = self.day(i + 1) {
                let (end, y) = self.year_tail(i + 2);
                return self.month_day(end, y, mo, d);
            }
            if let Some(y) = self.year(i + 1) {
                return date(i + 2, When::Month(y, mo));
            }
            if self.is(i + 1, "of") {
                if let Some(y) = self.year(i + 2) {
                    return date(i + 3, When::Month(y, mo));
                }
            }
            let ambiguous = matches!(w, "May" | "March");
            let in_context = i > 0
                && self.any(
                    i - 1,
                    &[
                        "in", "since", "until", "by", "from", "of", "early", "late", "mid", "last",
                        "next", "this", "during", "before", "after", "through", "to", "on", "end",
                    ],
                );
            if ambiguous && !in_context {
                return None;
            }
            return date(i + 1, When::MonthOnly(mo));
        }
        if let Some(d) = self.day(i) {
            if let Some(mo) = self.month(i + 1) {
                let (end, y) = self.year_tail(i + 2);
                return self.month_day(end, y, mo, d);
            }
        }
        if let Some(y) = self.year(i) {
            let prev_ok =
                i == 0 || !self.any(i - 1, &["No.", "number", "route", "flight", "$", "£", "€"]);
            let next = self.w(i + 1);
            let plural_noun = next.len() > 2
                && next.starts_with(|c: char| c.is_ascii_lowercase())
                && next.ends_with('s')
                && !matches!(
                    next,
                    "was" | "is" | "has" | "as" | "this" | "his" | "its" | "always"
                );
            let after_number = i > 0 && self.kind(i - 1) == Some(TokenKind::Number);
            if prev_ok && !plural_noun && !after_number && (1800..=2100).contains(&y) {
                return date(i + 1, When::Year(y));
            }
            return None;
        }
        if self.kind(i) == Some(TokenKind::Number) {
            return self.numeric_date(i);
        }
        None
    }

    /// Periods, which may follow "the": the 1990s, mid-2021, Q3, the third
    /// quarter of 2020, the summer of 2020, fiscal 2021.
    fn period(&self, i: usize, the: bool) -> Option<Match> {
        let w = self.w(i);
        if let Some((v, "s")) = words::digits(w) {
            if w.len() == 5 && v % 10.0 == 0.0 && self.kind(i) == Some(TokenKind::Number) {
                return date(i + 1, When::Decade(v as i32));
            }
        }
        // '90s
        if matches!(w, "'" | "’") && self.glued(i) {
            let (v, s) = words::digits(self.w(i + 1))?;
            if s == "s" && self.w(i + 1).len() == 3 && v % 10.0 == 0.0 {
                let y = if v >= 30.0 { 1900 } else { 2000 } + v as i32;
                return date(i + 2, When::Decade(y));
            }
            return None;
        }
        // the 21st century, the twentieth century
        if let Some(c) = words::ordinal(w).filter(|c| (1.0..=30.0).contains(c)) {
            if self.any(i + 1, &["century", "centuries"]) {
                return date(i + 2, When::Century(c as i32));
            }
        }
        // the December quarter: the calendar quarter ending in December
        if let Some(mo) = self
            .month(i)
            .filter(|mo| mo % 3 == 0 && self.is(i + 1, "quarter"))
        {
            return date(i + 2, When::Quarter(None, mo / 3));
        }
        // July-September
        if let Some((a, b)) = w.split_once('-').filter(|_| !the) {
            if let (Some(a), Some(b)) = (lookup(words::MONTHS, a), lookup(words::MONTHS, b)) {
                let (a, b) = (Box::new(When::MonthOnly(a)), Box::new(When::MonthOnly(b)));
                return date(i + 1, When::Between(a, b));
            }
        }
        // mid-2021, mid-October, mid-1990s
        if let Some(rest) = w.strip_prefix("mid-").or_else(|| w.strip_prefix("Mid-")) {
            let when = if let Some(mo) = lookup(words::MONTHS, rest) {
                When::MonthOnly(mo)
            } else {
                match words::digits(rest)? {
                    (v, "") if rest.len() == 4 => When::Year(v as i32),
                    (v, "s") if rest.len() == 5 && v % 10.0 == 0.0 => When::Decade(v as i32),
                    _ => return None,
                }
            };
            return m(i + 1, Label::Date, Expr::Date(when, Some(Mod::Mid)));
        }
        // fiscal 2021, fiscal year 2021, FY2021, FY21
        if eq(w, "fiscal") {
            let k = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let y = self.year(k)?;
            return date(k + 1, When::Fiscal(y, None));
        }
        if let Some(rest) = w.strip_prefix("FY") {
            let y = match rest.len() {
                4 => rest.parse().ok()?,
                2 => 2000 + rest.parse::<i32>().ok()?,
                _ => return None,
            };
            return date(i + 1, When::Fiscal(y, None));
        }
        // Q3, Q3 2020, H1
        let b = w.as_bytes();
        if b.len() == 2 && matches!(b[0], b'Q' | b'H') && b[1].is_ascii_digit() {
            let n = b[1] - b'0';
            let max = if b[0] == b'Q' { 4 } else { 2 };
            if !(1..=max).contains(&n) {
                return None;
            }
            let (end, y) = match self.year(i + 1) {
                Some(y) => (i + 2, Some(y)),
                None => (i + 1, None),
            };
            let when = if b[0] == b'Q' {
                When::Quarter(y, n)
            } else {
                When::Half(y, n)
            };
            return date(end, when);
        }
        // the third quarter (of 2020 / of fiscal 2020), first-quarter, the first half
        let (q, part, end) = if let Some((a, b)) = w.split_once('-') {
            (words::ordinal(a), b, i + 1)
        } else {
            (
                words::ordinal(w).or_else(|| eq(w, "final").then_some(4.0)),
                self.w(i + 1),
                i + 2,
            )
        };
        if let Some(q) = q {
            if the && end == i + 1 {
                return None; // "the second-quarter results": the belongs to results
            }
            let is_q = eq(part, "quarter") && (1.0..=4.0).contains(&q);
            let is_h = eq(part, "half") && (1.0..=2.0).contains(&q) && (the || end == i + 1);
            if !is_q && !is_h {
                return None;
            }
            let q = q as u8;
            let mk = |y: Option<i32>| {
                if is_q {
                    When::Quarter(y, q)
                } else {
                    When::Half(y, q)
                }
            };
            if self.is(end, "of") {
                if let Some(y) = self.year(end + 1) {
                    return date(end + 2, mk(Some(y)));
                }
                if self.is(end + 1, "fiscal") && is_q {
                    if let Some(y) = self.year(end + 2) {
                        return date(end + 3, When::Fiscal(y, Some(q)));
                    }
                }
                if let Some(n) = self.year_shift(end + 1) {
                    return date(end + 3, When::InYear(Box::new(mk(None)), n));
                }
            }
            return date(end, mk(None));
        }
        // seasons: summer, summer 2020, the summer of 2020
        if let Some(s) = season(w) {
            if let Some(y) = self.year(i + 1) {
                return date(i + 2, When::Season(Some(y), s));
            }
            if self.is(i + 1, "of") {
                if let Some(y) = self.year(i + 2) {
                    return date(i + 3, When::Season(Some(y), s));
                }
            }
            if eq(w, "fall") || eq(w, "spring") && !the {
                return None;
            }
            return date(i + 1, When::Season(None, s));
        }
        None
    }

    /// `this year` (0), `last year` (-1), `next year` (1) at `i`.
    fn year_shift(&self, i: usize) -> Option<i32> {
        if !self.is(i + 1, "year") {
            return None;
        }
        let w = self.w(i);
        [("this", 0), ("last", -1), ("next", 1)]
            .into_iter()
            .find(|(k, _)| eq(w, k))
            .map(|(_, n)| n)
    }

    /// `, 2020` or `2020` after a month and day: where it ends and the year.
    fn year_tail(&self, i: usize) -> (usize, Option<i32>) {
        if self.w(i) == "," {
            if let Some(y) = self.year(i + 1) {
                return (i + 2, Some(y));
            }
        }
        match self.year(i) {
            Some(y) => (i + 1, Some(y)),
            None => (i, None),
        }
    }

    fn month_day(&self, end: usize, y: Option<i32>, mo: u8, d: u8) -> Option<Match> {
        let when = match y {
            Some(y) => {
                crate::date::Date::new(y, mo, d)?;
                When::Day(y, mo, d)
            }
            None if d <= crate::date::days_in_month(2020, mo) => When::MonthDay(mo, d),
            None => return None,
        };
        date(end, when)
    }

    /// Dates in one number token: 2020-10-16, 10/16/2020, 16.10.2020,
    /// 2020/21, 2010-2015, the 1990s.
    fn numeric_date(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        if let Some(d) = crate::date::Date::parse_iso(w) {
            return date(i + 1, When::Day(d.year(), d.month(), d.day()));
        }
        let sep = w.bytes().find(|b| matches!(b, b'/' | b'-' | b'.'))?;
        let parts: Vec<&str> = w.split(sep as char).collect();
        let num = |s: &str| -> Option<i32> {
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [a, b] if a.len() == 4 && matches!(b.len(), 1 | 2 | 4) && sep != b'.' => {
                let a = num(a)?;
                let mut b = num(b)?;
                if b < 10 {
                    // 2003-4
                    b += a / 10 * 10;
                } else if b < 100 {
                    b += a / 100 * 100;
                }
                if !(1800..=2100).contains(&a) || b <= a || b > a + 20 {
                    return None;
                }
                date(i + 1, When::Years(a, b))
            }
            [a, b, c] if c.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
                let (a, b, y) = (num(a)?, num(b)?, num(c)?);
                // Day first when the first cannot be a month or the separator is a dot
                // (16.10.2020); month first when the second cannot be one (10/16/2020).
                let (mo, d) = if a > 12 || sep == b'.' {
                    (b, a)
                } else if b > 12 {
                    (a, b)
                } else {
                    return m(i + 1, Label::Date, Expr::Unknown);
                };
                let (mo, d) = (u8::try_from(mo).ok()?, u8::try_from(d).ok()?);
                crate::date::Date::new(y, mo, d)?;
                date(i + 1, When::Day(y, mo, d))
            }
            _ => None,
        }
    }

    // ----- times -----

    fn time(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        let parts = [
            ("morning", "MO"),
            ("afternoon", "AF"),
            ("evening", "EV"),
            ("night", "NI"),
        ];
        let part = |k: usize| lookup(&parts, self.w(k));
        let clock = |day, part, end| {
            m(
                end,
                Label::Time,
                Expr::Time(Clock {
                    day,
                    hm: None,
                    part,
                    zone: None,
                    modifier: None,
                }),
            )
        };
        if eq(w, "tonight") {
            return clock(Some(When::Shift(TimeUnit::Day, 0)), Some("NI"), i + 1);
        }
        if eq(w, "overnight") {
            return clock(None, Some("NI"), i + 1);
        }
        let day = if self.any(i, &["this", "today"]) {
            Some(When::Shift(TimeUnit::Day, 0))
        } else if self.any(i, &["last", "yesterday"]) {
            Some(When::Shift(TimeUnit::Day, -1))
        } else if eq(w, "tomorrow") {
            Some(When::Shift(TimeUnit::Day, 1))
        } else {
            self.weekday(i).map(|wd| When::Weekday(wd, Rel::Bare))
        };
        if let Some(p) = part(i + 1) {
            let last_ok = !eq(w, "last") || p == "NI" || p == "EV";
            let the = eq(w, "the") && p != "NI";
            if (day.is_some() || the) && last_ok {
                return clock(day, Some(p), i + 2);
            }
        }
        // clock times
        let (hm, mut end, military) = self.clock(i)?;
        let mut zone = None;
        if let Some(&(k, off)) = words::ZONES.iter().find(|(k, _)| *k == self.w(end)) {
            zone = Some((k, off));
            end += 1;
        } else if self.is(end, "local") && self.is(end + 1, "time") {
            end += 2;
        }
        if military && zone.is_none() {
            return None; // a bare 4-digit number is no time without a zone
        }
        m(
            end,
            Label::Time,
            Expr::Time(Clock {
                day: None,
                hm: Some(hm),
                part: None,
                zone,
                modifier: None,
            }),
        )
    }

    /// A clock time at `i` and where it ends: `7 p.m.`, `7:30pm`, `10:30`,
    /// `noon`, `10 o'clock`, and where it ends; whether it is a 4-digit `1400`
    /// (a time only with a zone after it).
    fn clock(&self, i: usize) -> Option<((u8, u8), usize, bool)> {
        let w = self.w(i);
        if eq(w, "noon") || eq(w, "midday") {
            return Some(((12, 0), i + 1, false));
        }
        if eq(w, "midnight") {
            return Some(((0, 0), i + 1, false));
        }
        let ampm = |s: &str| -> Option<bool> {
            lookup(
                &[
                    ("a.m.", false),
                    ("a.m", false),
                    ("am", false),
                    ("p.m.", true),
                    ("p.m", true),
                    ("pm", true),
                ],
                s,
            )
        };
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        // Split "7:30pm" into the number and a glued am/pm.
        let split = w
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or((w, ""), |k| (&w[..k], &w[k..]));
        let (num, glued) = split;
        let mut end = i + 1;
        let pm = if glued.is_empty() {
            match ampm(self.w(i + 1)) {
                Some(p) => {
                    end += 1;
                    Some(p)
                }
                None => None,
            }
        } else {
            Some(ampm(glued)?)
        };
        let (h, mi, colon) = if let Some((h, mi)) = num.split_once([':', '.']) {
            if mi.len() != 2 || (num.contains('.') && pm.is_none()) {
                return None;
            }
            (h.parse::<u8>().ok()?, mi.parse::<u8>().ok()?, true)
        } else if num.len() == 4 && pm.is_none() && glued.is_empty() {
            let v: u16 = num.parse().ok()?;
            let (h, mi) = ((v / 100) as u8, (v % 100) as u8);
            if h > 23 || mi > 59 {
                return None;
            }
            return Some(((h, mi), end, true));
        } else {
            (num.parse::<u8>().ok()?, 0, false)
        };
        if mi > 59 {
            return None;
        }
        match pm {
            Some(p) if (1..=12).contains(&h) => {
                let h = match (p, h) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                };
                Some(((h, mi), end, false))
            }
            None if colon && h <= 23 => Some(((h, mi), end, false)),
            None if self.is(i + 1, "o'clock") && (1..=12).contains(&h) => {
                Some(((h, 0), i + 2, false))
            }
            _ => None,
        }
    }

    // ----- money, percent, quantity -----

    fn money(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        // sign first: $5, A$3 billion, £2.5bn, USD 5 million, Rs 500
        let (sign, j) = if w == "$" {
            (Some(self.dollar), i + 1)
        } else if self.glued(i) && self.w(i + 1) == "$" {
            (Some(lookup(words::DOLLAR_PREFIXES, w)?), i + 2)
        } else if let Some(c) = words::CURRENCY_SIGNS
            .iter()
            .find(|(k, _)| *k == w)
            .map(|&(_, c)| c)
        {
            let j = if self.glued(i) && self.w(i + 1) == "." {
                i + 2
            } else {
                i + 1
            };
            (Some(c), j)
        } else {
            (None, i)
        };
        if let Some(cur) = sign {
            let (end, a) = self.amount(j, true)?;
            return m(end, Label::Money, money(a, Some(cur)));
        }
        // suffix cents and pence: 27c, 50p
        if self.kind(i) == Some(TokenKind::Number) {
            if let Some((v, s)) = words::digits(w) {
                let cur = match s {
                    "c" => Some(self.dollar),
                    "p" => Some("GBP"),
                    _ => None,
                };
                if let Some(cur) = cur {
                    return m(
                        i + 1,
                        Label::Money,
                        money(Amount::exact(v).scale(0.01), Some(cur)),
                    );
                }
            }
        }
        // amount then currency word: 5 million euros, 50 cents, billions of dollars
        let (mut end, a) = self.amount(i, false)?;
        if a.value.is_none() && self.is(end, "of") {
            end += 1;
        }
        let adj = lookup(words::CURRENCY_ADJECTIVES, self.w(end));
        if adj.is_some() {
            end += 1;
        }
        let word = self.w(end);
        if eq(word, "cents") || eq(word, "cent") {
            return m(
                end + 1,
                Label::Money,
                money(a.scale(0.01), Some(adj.unwrap_or(self.dollar))),
            );
        }
        if eq(word, "pence") {
            return m(end + 1, Label::Money, money(a.scale(0.01), Some("GBP")));
        }
        if eq(word, "pounds") && self.is(end + 1, "sterling") {
            return m(end + 2, Label::Money, money(a, Some("GBP")));
        }
        let cur = lookup(words::CURRENCY_WORDS, word)?;
        let cur = match cur {
            None => Some(adj.unwrap_or(self.dollar)),
            Some("") => adj,
            Some(c) => Some(adj.unwrap_or(c)),
        };
        m(end + 1, Label::Money, money(a, cur))
    }

    /// `first` and the money at `j` as one range, when both name the same currency.
    fn money_range(&self, first: &Match, j: usize) -> Option<Match> {
        let second = self.money(j)?;
        match (&first.expr, second.expr) {
            (
                Expr::Fixed(Value::Money {
                    amount: a,
                    currency: ca,
                }),
                Expr::Fixed(Value::Money {
                    amount: b,
                    currency: cb,
                }),
            ) if *ca == cb => {
                let range = Amount::range(a.value?, b.value?);
                m(second.end, Label::Money, money(range, cb))
            }
            _ => None,
        }
    }

    fn percent(&self, i: usize) -> Option<Match> {
        if let Some((v, "pc")) = words::digits(self.w(i)) {
            return m(
                i + 1,
                Label::Percent,
                Expr::Fixed(Value::Percent(Amount::exact(v))),
            );
        }
        let (end, a) = self.amount(i, false)?;
        let len = if self.w(end) == "%" || self.any(end, &["percent", "pct"]) {
            1
        } else if (self.is(end, "per") && self.is(end + 1, "cent"))
            || (self.is(end, "percentage") && self.any(end + 1, &["point", "points"]))
        {
            2
        } else {
            return None;
        };
        m(end + len, Label::Percent, Expr::Fixed(Value::Percent(a)))
    }

    fn quantity(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        let q = |end, a, unit| {
            m(
                end,
                Label::Quantity,
                Expr::Fixed(Value::Quantity { amount: a, unit }),
            )
        };
        if self.kind(i) == Some(TokenKind::Number) {
            // 10km, 5kg, 6-foot, 10-mile
            let k = w.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(w.len());
            let (num, unit) = w.split_once('-').unwrap_or((&w[..k], &w[k..]));
            // 6-foot-tall: the unit without the adjective
            let unit = unit.split('-').next().unwrap_or(unit);
            // 3G is a phone network, not three grams
            let unit = lookup(words::QUANTITY_UNITS, unit).filter(|_| unit != "G");
            // 5m is five million, except at a race distance: the 100m, over 1500m
            let race = |v: f64| {
                words::RACE_DISTANCES.contains(&v)
                    && !self.w(i + 1).ends_with('s')
                    && !self.is(i + 1, "people")
            };
            match (words::digits(num), unit) {
                (Some((v, "")), Some("m")) if race(v) => return q(i + 1, Amount::exact(v), "m"),
                (Some((v, "")), Some(u)) if u != "m" => return q(i + 1, Amount::exact(v), u),
                _ => {}
            }
            // 1-2mbps
            if let (Some((a, "")), Some((b, u))) = (words::digits(num), words::digits(unit_of(w))) {
                if let Some(u) = lookup(words::QUANTITY_UNITS, u).filter(|u| *u != "m" && a < b) {
                    return q(i + 1, Amount::range(a, b), u);
                }
            }
        }
        let (end, a) = self.amount(i, false)?;
        let u = self.w(end);
        if self.any(end, &["square", "cubic"]) {
            let unit = words::area_unit(self.w(end + 1), self.is(end, "cubic"))?;
            return q(end + 2, a, unit);
        }
        if self.is(end, "degrees") || self.is(end, "degree") {
            let unit = match self.w(end + 1) {
                "Celsius" | "C" | "centigrade" => Some("degC"),
                "Fahrenheit" | "F" => Some("degF"),
                _ => None,
            };
            return match unit {
                Some(unit) => q(end + 2, a, unit),
                None => q(end + 1, a, "degree"),
            };
        }
        if self.is(end, "basis") && self.any(end + 1, &["point", "points"]) {
            return q(end + 2, a, "bp");
        }
        if self.is(end, "km") && self.w(end + 1) == "/" && self.any(end + 2, &["h", "hr"]) {
            return q(end + 3, a, "km/h");
        }
        if self.is(end, "miles") && self.is(end + 1, "per") && self.is(end + 2, "hour") {
            return q(end + 3, a, "mph");
        }
        if self.is(end, "barrels") && self.any(end + 1, &["per", "a"]) && self.is(end + 2, "day") {
            return q(end + 3, a, "barrel/day");
        }
        if matches!(u, "m" | "g") || eq(u, "pounds") && self.is(end + 1, "sterling") {
            return None;
        }
        let unit = lookup(words::QUANTITY_UNITS, u)?;
        // 2 megabits per second, one gigabit a second
        if let Some(rate) = words::per_second(unit) {
            if self.any(end + 1, &["per", "a"]) && self.is(end + 2, "second") {
                return q(end + 3, a, rate);
            }
        }
        q(end + 1, a, unit)
    }

    // ----- ordinals and cardinals -----

    fn ordinal(&self, i: usize) -> Option<Match> {
        let v = words::ordinal(self.w(i))?;
        if self.kind(i) == Some(TokenKind::Number) && self.month(i + 1).is_some() {
            return None;
        }
        m(
            i + 1,
            Label::Ordinal,
            Expr::Fixed(Value::Number(Amount::exact(v))),
        )
    }

    fn cardinal(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        // part of a name: FTSE 100, S&P 500, G 20
        let name = i > 0 && {
            let p = self.w(i - 1);
            p.len() >= 2 && p.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
        };
        if name {
            return None;
        }
        // part of a name: Radio 4, Channel 4, Rover 75 (not at the sentence start:
        // "Some 83")
        let titled = i > 1 && self.capitalised(i - 1) && self.kind(i - 1) == Some(TokenKind::Word);
        if titled && !w.contains('-') && self.month(i - 1).is_none() {
            return None;
        }
        if self.kind(i) == Some(TokenKind::Number) {
            // phone numbers and codes: 0800 028 9276
            let code = |k: usize| {
                let w = self.w(k);
                w.len() >= 3 && w.starts_with('0') && w.bytes().all(|b| b.is_ascii_digit())
            };
            if code(i) || (1..=2).any(|k| i >= k && code(i - k)) {
                return None;
            }
            // scores and other hyphenated pairs: 3-1
            if let Some((a, b)) = w.split_once('-') {
                let ok = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
                if ok(a) && ok(b) {
                    return match self.range(w) {
                        Some((a, b)) => m(i + 1, Label::Cardinal, number(Amount::range(a, b))),
                        None => m(i + 1, Label::Cardinal, Expr::Unknown),
                    };
                }
                return None;
            }
            // 5m people: a million
            if let Some((v, "m")) = words::digits(w) {
                return m(i + 1, Label::Cardinal, number(Amount::exact(v).scale(1e6)));
            }
        }
        if eq(w, "one") {
            let pronoun = i > 0
                && self.any(
                    i - 1,
                    &[
                        "the", "this", "that", "no", "any", "every", "each", "which", "a",
                        "another", "last", "only",
                    ],
                )
                || self.any(i + 1, &["another", "day", "'s"]);
            if pronoun {
                return None;
            }
        }
        if self.any(i, &["a", "an"]) && self.spelled(i).is_none_or(|(e, _)| e <= i + 1) {
            return None;
        }
        let (end, a) = self.amount(i, false)?;
        // 2,000 times, four times
        if self.is(end, "times") {
            return m(end + 1, Label::Cardinal, number(a));
        }
        m(end, Label::Cardinal, number(a))
    }
}

/// Words before "X to Y" that make it a change, not a range.
const MOVES: &[&str] = &[
    "from",
    "by",
    "fell",
    "rose",
    "dropped",
    "climbed",
    "jumped",
    "slipped",
    "gained",
    "lost",
    "up",
    "down",
    "increased",
    "decreased",
    "cut",
    "raised",
    "lowered",
    "slumped",
    "soared",
];

fn number(a: Amount) -> Expr {
    Expr::Fixed(Value::Number(a))
}

fn money(a: Amount, currency: Option<&'static str>) -> Expr {
    Expr::Fixed(Value::Money {
        amount: a,
        currency,
    })
}

fn duration(unit: TimeUnit, n: f64, modifier: Option<Mod>) -> Expr {
    Expr::Fixed(Value::Duration {
        iso: unit.iso(n),
        modifier,
    })
}

/// The TIMEX3 code of a season word.
fn season(w: &str) -> Option<&'static str> {
    lookup(SEASONS, w)
}

/// Season words and their TIMEX3 codes.
const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// The words a pattern can start with, apart from numbers and words with a
/// digit or a hyphen: see [`Scan::may_start`]. Adding a pattern that starts
/// with another word means adding that word here (the test
/// `filter_keeps_every_match` checks a sample of inputs).
mod starters {
    use super::{words, SEASONS};
    use crate::hash::{self, HashMap};
    use std::sync::OnceLock;

    /// Words the patterns of `scan.rs` compare a first token with.
    pub(super) const WORDS: &[&str] = &[
        // Scan::at and the qualifiers of dates
        "between",
        "the",
        "these",
        "early",
        "late",
        "mid",
        "earlier",
        "later",
        // relative dates and durations
        "each",
        "every",
        "today",
        "yesterday",
        "tomorrow",
        "recent",
        "this",
        "current",
        "last",
        "past",
        "previous",
        "next",
        "coming",
        "a",
        "an",
        "several",
        "few",
        "many",
        // amounts
        "tens",
        "hundreds",
        "minus",
        "half",
        "one",
        // periods
        "final",
        "fiscal",
        "'",
        "’",
        // times
        "tonight",
        "overnight",
        "noon",
        "midday",
        "midnight",
        // money
        "$",
    ];

    /// The longest starter in bytes; longer tokens are no starters.
    pub(super) const MAX_LEN: usize = 16;

    fn lower_hash(w: &str) -> u64 {
        w.bytes().fold(hash::start(), |h, b| {
            hash::bytes(h, &[b.to_ascii_lowercase()])
        })
    }

    /// Every starter: the first words of the word tables, then [`WORDS`].
    pub(super) fn all() -> impl Iterator<Item = &'static str> + Clone {
        words::UNITS
            .iter()
            .map(|e| e.0)
            .chain(words::ORDINALS.iter().map(|e| e.0))
            .chain(words::VAGUE_SCALES.iter().map(|e| e.0))
            .chain(words::MONTHS.iter().map(|e| e.0))
            .chain(words::WEEKDAYS.iter().map(|e| e.0))
            .chain(words::CURRENCY_SIGNS.iter().map(|e| e.0))
            .chain(words::DOLLAR_PREFIXES.iter().map(|e| e.0))
            .chain(words::NUMBER_MODS.iter().map(|e| e.0[0]))
            .chain(SEASONS.iter().map(|e| e.0))
            .chain(WORDS.iter().copied())
    }

    fn set() -> &'static HashMap<u64, ()> {
        static SET: OnceLock<HashMap<u64, ()>> = OnceLock::new();
        SET.get_or_init(|| {
            debug_assert!(all().all(|w| w.len() <= MAX_LEN));
            all().map(|w| (lower_hash(w), ())).collect()
        })
    }

    /// Whether `w` is a starter, ignoring ASCII case (as the patterns do).
    pub(super) fn contains(w: &str) -> bool {
        set().contains_key(&lower_hash(w))
    }
}

/// `expr` qualified by `md`, or `None` when it cannot take a qualifier.
fn with_mod(expr: Expr, md: Mod) -> Option<Expr> {
    let v = match expr {
        Expr::Fixed(v) => v,
        Expr::Date(w, None) => return Some(Expr::Date(w, Some(md))),
        Expr::Unknown => return Some(Expr::Unknown),
        Expr::Time(c) => {
            return Some(Expr::Time(Clock {
                modifier: Some(md),
                ..c
            }))
        }
        _ => return None,
    };
    Some(Expr::Fixed(match v {
        Value::Duration { iso, .. } => Value::Duration {
            iso,
            modifier: Some(md),
        },
        Value::Money { amount, currency } => Value::Money {
            amount: amount.with_mod(Some(md)),
            currency,
        },
        Value::Percent(a) => Value::Percent(a.with_mod(Some(md))),
        Value::Quantity { amount, unit } => Value::Quantity {
            amount: amount.with_mod(Some(md)),
            unit,
        },
        Value::Number(a) => Value::Number(a.with_mod(Some(md))),
        Value::Date { .. } | Value::Time { .. } => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{paragraphs, sentences, split_header, token_ranges, tokenize};

    /// The filter in [`Scan::at`] drops no match: on random texts made of
    /// every starter, every table word and tricky fragments, each token
    /// where an unfiltered scan matches passes the filter.
    #[test]
    fn filter_keeps_every_match() {
        let mut pieces: Vec<&str> = vec![
            "3",
            "27c",
            "2.5bn",
            "10:30",
            "1400",
            "1990s",
            "mid-2021",
            "Mid-October",
            "Q3",
            "H1",
            "FY21",
            "FY2021",
            "five-year",
            "35-year-old",
            "twenty-first",
            "first-quarter",
            "July-September",
            "3-1",
            "2020-10-16",
            "16/10/2020",
            "9th",
            "'90s",
            "’90s",
            "1,000",
            "million",
            "bn",
            "dozen",
            "quarter",
            "of",
            "year",
            "years",
            "ago",
            "week",
            "weeks",
            "night",
            "morning",
            "p.m.",
            "am",
            "GMT",
            "local",
            "time",
            "%",
            "percent",
            "per",
            "cent",
            "percentage",
            "points",
            "tonnes",
            "km",
            "degrees",
            "square",
            "century",
            "to",
            "and",
            ",",
            ".",
            "$",
            "US",
            "A",
            "C",
            "in",
            "May",
            "March",
            "no",
            "words",
            "here",
            "Reuters",
            "dollars",
            "euros",
            "cents",
            "pence",
            "pounds",
            "sterling",
            "MONTH",
            "The",
            "LAST",
            "Last",
            "ABOUT",
            "o'clock",
            "barrels",
            "day",
            "basis",
            "these",
            "Every",
            "seventies",
            "people",
            "times",
            "second",
            "Mbps",
            "100m",
            "past",
            "few",
            "months",
            "5%",
            "June",
        ];
        // every starter, and the words that follow them in patterns
        pieces.extend(starters::all());
        pieces.extend(words::NUMBER_MODS.iter().flat_map(|e| e.0.iter().copied()));
        pieces.extend(words::TIME_UNITS.iter().map(|e| e.0));
        pieces.extend(words::CURRENCY_WORDS.iter().map(|e| e.0));
        pieces.extend(words::QUANTITY_UNITS.iter().map(|e| e.0));
        let mut next = crate::testing::xorshift(0x2545_F491_4F6C_DD1D);
        let mut matches = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(next() % 8) {
                let piece = pieces[(next() % pieces.len() as u64) as usize];
                text.push_str(piece);
                if next() % 5 != 0 {
                    text.push(' ');
                }
            }
            let (_, body) = split_header(&text);
            let paras = paragraphs(&text, body);
            let mut tokens = Vec::new();
            paras.iter().for_each(|p| tokenize(&text, *p, &mut tokens));
            let spans = sentences(&text, &tokens, &paras);
            for (a, b) in token_ranges(&tokens, spans.iter().copied()) {
                let scan = Scan::new(&text, &tokens[a..b], "USD");
                for i in 0..b - a {
                    if scan.at_unfiltered(i).is_some() {
                        matches += 1;
                        assert!(scan.may_start(i), "{:?} in {text:?}", scan.w(i));
                    }
                }
            }
        }
        assert!(matches > 10_000, "{matches}");
    }
}
