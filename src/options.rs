//! Options of [`Analyzer::analyze`](crate::Analyzer::analyze), as given by callers.
//!
//! The same struct is deserialised from the JavaScript options object and from
//! CLI input, so names are camelCase and unknown names are an error that lists
//! the valid ones.

use serde::Deserialize;

use crate::date::Date;
use crate::error::{Error, Result};

/// The default limit on text length: 16 MiB of UTF-8.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

/// What [`AnalyzeOptions::title`] may be: the limit on text length applies to it too.
pub(crate) const TITLE_ALLOWED: &str =
    "no longer than options.maxBytes bytes of UTF-8 (default 16 MiB)";

/// Options for one analysis. All fields are optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnalyzeOptions {
    /// The article date, `YYYY-MM-DD`; overrides a `date` header in the text.
    #[serde(default)]
    pub date: Option<String>,
    /// The article's headline, which is not part of the text; when given, the
    /// summary prefers sentences that share its words.
    #[serde(default)]
    pub title: Option<String>,
    /// How long the summary should be.
    #[serde(default)]
    pub summary: Option<SummaryOptions>,
    /// Whether to return the tokens too.
    #[serde(default)]
    pub tokens: bool,
    /// Refuse texts longer than this many bytes of UTF-8 (default 16 MiB).
    #[serde(default)]
    pub max_bytes: Option<usize>,
}

/// Summary length: at most one of the three.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SummaryOptions {
    /// Number of sentences.
    #[serde(default)]
    pub sentences: Option<u32>,
    /// A word budget.
    #[serde(default)]
    pub words: Option<u32>,
    /// A fraction of the article's sentences, in (0, 1].
    #[serde(default)]
    pub ratio: Option<f64>,
}

/// How long a summary should be, validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SummaryLength {
    /// This many sentences (fewer when the article is shorter).
    Sentences(usize),
    /// Sentences whose words add up to about this many.
    Words(usize),
    /// This fraction of the article's sentences, rounded up.
    Ratio(f64),
}

impl Default for SummaryLength {
    fn default() -> Self {
        SummaryLength::Sentences(3)
    }
}

/// Validated options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Settings<'a> {
    pub date: Option<Date>,
    pub title: Option<&'a str>,
    pub summary: SummaryLength,
    pub tokens: bool,
    pub max_bytes: usize,
}

impl AnalyzeOptions {
    /// Checks every value and returns the settings, or an error saying what to fix.
    pub(crate) fn validate(&self) -> Result<Settings<'_>> {
        let date = match &self.date {
            Some(d) => Some(Date::parse(d, "options.date")?),
            None => None,
        };
        let summary = match self.summary {
            None => SummaryLength::default(),
            Some(s) => s.validate()?,
        };
        let max_bytes = self.max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
        if max_bytes == 0 {
            return Err(Error::OutOfRange {
                field: "options.maxBytes",
                allowed: "a positive whole number of bytes",
            });
        }
        if self.title.as_ref().is_some_and(|t| t.len() > max_bytes) {
            return Err(Error::OutOfRange {
                field: "options.title",
                allowed: TITLE_ALLOWED,
            });
        }
        Ok(Settings {
            date,
            title: self.title.as_deref(),
            summary,
            tokens: self.tokens,
            max_bytes,
        })
    }
}

impl SummaryOptions {
    fn validate(self) -> Result<SummaryLength> {
        match (self.sentences, self.words, self.ratio) {
            (None, None, None) => Ok(SummaryLength::default()),
            (Some(n), None, None) => Ok(SummaryLength::Sentences(n as usize)),
            (None, Some(w), None) => Ok(SummaryLength::Words(w as usize)),
            (None, None, Some(r)) if r > 0.0 && r <= 1.0 => Ok(SummaryLength::Ratio(r)),
            (None, None, Some(_)) => Err(Error::OutOfRange {
                field: "options.summary.ratio",
                allowed: "a number greater than 0 and at most 1",
            }),
            _ => Err(Error::Conflict {
                message: "options.summary takes one of sentences, words or ratio, not several",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_messages() {
        let bad_ratio = AnalyzeOptions {
            summary: Some(SummaryOptions {
                ratio: Some(1.5),
                ..Default::default()
            }),
            ..Default::default()
        };
        let e = bad_ratio.validate().unwrap_err();
        assert!(e.to_string().contains("summary.ratio"), "{e}");
        let both = AnalyzeOptions {
            summary: Some(SummaryOptions {
                ratio: Some(0.5),
                words: Some(3),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(matches!(both.validate(), Err(Error::Conflict { .. })));
        let date = AnalyzeOptions {
            date: Some("2020-10-32".into()),
            ..Default::default()
        };
        assert!(date
            .validate()
            .unwrap_err()
            .to_string()
            .contains("options.date"));
        assert_eq!(
            AnalyzeOptions::default().validate().unwrap().summary,
            SummaryLength::Sentences(3)
        );
    }
}
