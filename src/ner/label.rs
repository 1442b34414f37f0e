//! The 18 OntoNotes entity labels.

/// An OntoNotes 5 entity label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Label {
    /// People, including fictional.
    Person,
    /// Nationalities or religious or political groups.
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: mountain ranges, bodies of water.
    Loc,
    /// Objects, vehicles, foods (not services).
    Product,
    /// Named hurricanes, battles, wars, sports events.
    Event,
    /// Titles of books, songs, works.
    WorkOfArt,
    /// Named documents made into laws.
    Law,
    /// Any named language.
    Language,
    /// Absolute or relative dates or periods.
    Date,
    /// Times smaller than a day.
    Time,
    /// Percentage, including "%".
    Percent,
    /// Monetary values, including unit.
    Money,
    /// Measurements, as of weight or distance.
    Quantity,
    /// "first", "second".
    Ordinal,
    /// Numerals that do not fall under another type.
    Cardinal,
}

impl Label {
    /// All labels, in the order of their `u8` codes.
    pub const ALL: [Label; 18] = [
        Label::Person,
        Label::Norp,
        Label::Fac,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Product,
        Label::Event,
        Label::WorkOfArt,
        Label::Law,
        Label::Language,
        Label::Date,
        Label::Time,
        Label::Percent,
        Label::Money,
        Label::Quantity,
        Label::Ordinal,
        Label::Cardinal,
    ];

    /// The OntoNotes name, e.g. `"PERSON"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
        }
    }

    /// The label named `name` (`"PERSON"`, ...), if any.
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }

    /// The label with code `code`, if any.
    pub fn from_code(code: u8) -> Option<Label> {
        Label::ALL.get(usize::from(code)).copied()
    }

    /// Whether this is one of the seven numeric and time types.
    pub const fn is_numeric(self) -> bool {
        matches!(
            self,
            Label::Date
                | Label::Time
                | Label::Percent
                | Label::Money
                | Label::Quantity
                | Label::Ordinal
                | Label::Cardinal
        )
    }

    /// The CoNLL coarse type (`PER`, `LOC`, `ORG`, `MISC`) of a name label, as the
    /// evaluation notes define the mapping; `None` for numeric types.
    pub const fn coarse(self) -> Option<&'static str> {
        match self {
            Label::Person => Some("PER"),
            Label::Gpe | Label::Loc | Label::Fac => Some("LOC"),
            Label::Org => Some("ORG"),
            Label::Norp
            | Label::Event
            | Label::WorkOfArt
            | Label::Law
            | Label::Product
            | Label::Language => Some("MISC"),
            _ => None,
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (i, l) in Label::ALL.into_iter().enumerate() {
            assert_eq!(Label::parse(l.as_str()), Some(l));
            assert_eq!(Label::from_code(i as u8), Some(l));
        }
        assert_eq!(Label::parse("PER"), None);
        assert_eq!(Label::Fac.coarse(), Some("LOC"));
        assert_eq!(Label::Money.coarse(), None);
    }
}
