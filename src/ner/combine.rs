//! How the tagger's numeric mentions and the numeric rules' entities combine,
//! chosen per label, so that each of the seven types can come from whichever
//! source measures better on the numeric gold (`eval/numeric/`).

use super::Label;

/// Where the mentions of one numeric label come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    /// The rules' entities with this label; the tagger's mentions with this
    /// label are dropped.
    Rules,
    /// The tagger's mentions with this label, which keep any overlapping rule
    /// entity out as names do; the rules' entities with this label are dropped.
    Tagger,
    /// The rules' entities with this label, then the tagger's mentions with
    /// this label where no rule entity overlaps them.
    RulesThenTagger,
}

/// A [`Combine`] for each of the seven numeric labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy([Combine; 7]);

impl Policy {
    /// What `analyze()` does, chosen on the numeric dev set
    /// (`evaluate-ner --sets numeric_dev`): the rules alone for every label but
    /// ORDINAL, where the tagger adds the ordinals the rules do not know
    /// ("Third-generation"). Order: DATE, TIME, PERCENT, MONEY, QUANTITY,
    /// ORDINAL, CARDINAL.
    pub const CURRENT: Policy = Policy([
        Combine::Rules,
        Combine::Rules,
        Combine::Rules,
        Combine::Rules,
        Combine::Rules,
        Combine::RulesThenTagger,
        Combine::Rules,
    ]);

    /// The same choice for every numeric label.
    #[cfg(any(test, feature = "train"))]
    pub const fn all(c: Combine) -> Policy {
        Policy([c; 7])
    }

    /// The choice for `label`; names are the tagger's alone ([`Combine::Tagger`]).
    pub(crate) fn of(&self, label: Label) -> Combine {
        match index(label) {
            Some(i) => self.0[i],
            None => Combine::Tagger,
        }
    }
}

/// The position of a numeric label in a [`Policy`]: Date .. Cardinal are the last seven codes.
fn index(label: Label) -> Option<usize> {
    label
        .is_numeric()
        .then(|| label as usize - Label::Date as usize)
}

impl Default for Policy {
    fn default() -> Self {
        Policy::CURRENT
    }
}

#[cfg(feature = "train")]
impl Combine {
    const NAMES: [(&'static str, Combine); 3] = [
        ("rules", Combine::Rules),
        ("tagger", Combine::Tagger),
        ("rules+tagger", Combine::RulesThenTagger),
    ];

    fn name(self) -> &'static str {
        Combine::NAMES
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(n, _)| n)
    }
}

#[cfg(feature = "train")]
impl Policy {
    /// Parses `LABEL=choice,...` over [`Policy::CURRENT`], where LABEL is a
    /// numeric label (`DATE`, ...) or `all` and choice is `rules`, `tagger` or
    /// `rules+tagger`; later items override earlier ones.
    pub fn parse(spec: &str) -> Result<Policy, String> {
        let mut policy = Policy::CURRENT;
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (label, choice) = item
                .split_once('=')
                .ok_or_else(|| format!("{item:?} is not LABEL=choice"))?;
            let c = Combine::NAMES
                .iter()
                .find(|(n, _)| *n == choice)
                .map(|(_, c)| *c)
                .ok_or_else(|| {
                    format!("{choice:?} is not a choice: rules, tagger or rules+tagger")
                })?;
            if label == "all" {
                policy = Policy::all(c);
                continue;
            }
            let i = Label::parse(label).and_then(index).ok_or_else(|| {
                format!(
                    "{label:?} is not a numeric label: all, DATE, TIME, PERCENT, MONEY, \
                     QUANTITY, ORDINAL or CARDINAL"
                )
            })?;
            policy.0[i] = c;
        }
        Ok(policy)
    }
}

/// `all=choice` when every label has the same choice, else `LABEL=choice` for each.
#[cfg(feature = "train")]
impl std::fmt::Display for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.iter().all(|&c| c == self.0[0]) {
            return write!(f, "all={}", self.0[0].name());
        }
        let numeric = Label::ALL.into_iter().filter(|l| l.is_numeric());
        for (i, (label, c)) in numeric.zip(self.0).enumerate() {
            let sep = if i == 0 { "" } else { "," };
            write!(f, "{sep}{label}={}", c.name())?;
        }
        Ok(())
    }
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display() {
        assert_eq!(Policy::parse("").unwrap(), Policy::CURRENT);
        assert_eq!(
            Policy::CURRENT.to_string(),
            "DATE=rules,TIME=rules,PERCENT=rules,MONEY=rules,QUANTITY=rules,\
             ORDINAL=rules+tagger,CARDINAL=rules"
        );
        assert_eq!(
            Policy::parse("all=rules+tagger").unwrap().to_string(),
            "all=rules+tagger"
        );
        let p = Policy::parse("all=tagger, DATE=rules").unwrap();
        assert_eq!(p.of(Label::Date), Combine::Rules);
        assert_eq!(p.of(Label::Cardinal), Combine::Tagger);
        assert_eq!(p.of(Label::Person), Combine::Tagger);
        assert_eq!(
            p.to_string(),
            "DATE=rules,TIME=tagger,PERCENT=tagger,MONEY=tagger,QUANTITY=tagger,\
             ORDINAL=tagger,CARDINAL=tagger"
        );
        assert_eq!(Policy::parse(&p.to_string()).unwrap(), p);
        for (bad, says) in [
            ("DATE", "not LABEL=choice"),
            ("DATE=both", "not a choice"),
            ("PERSON=rules", "not a numeric label"),
        ] {
            let e = Policy::parse(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
