//! The analysis pipeline and its result.

use crate::date::Date;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::groups::{groups, Group};
use crate::ner::{default_model, recognize, Model, Policy};
use crate::offsets::Utf16Cursor;
use crate::options::{AnalyzeOptions, Settings};
use crate::summary::{summarize, Summary};
use crate::text::{paragraphs, sentences, split_header, tokenize, Span, Token};

/// The unit that offsets in an [`Analysis`] count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Offsets {
    /// Bytes of UTF-8 (the core's own unit).
    Utf8,
    /// UTF-16 code units (JavaScript strings).
    Utf16,
}

/// Where the article date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The `date YYYY-MM-DD` header at the start of the text.
    Header,
    /// The `date` option.
    Option,
}

/// A sentence: its span and the index of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Offset of the first character.
    pub start: usize,
    /// Offset one past the last character.
    pub end: usize,
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
}

/// A named or numeric entity mention.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entity {
    /// Offset of the first character.
    pub start: usize,
    /// Offset one past the last character.
    pub end: usize,
    /// One of the 18 OntoNotes labels, e.g. `PERSON`.
    pub label: crate::ner::Label,
    /// The mention as it appears in the text.
    pub text: String,
    /// Mentions of the same real-world entity share this id.
    pub group: usize,
    /// What a DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL or ORDINAL means
    /// (resolved against the article date), when the rules know it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<crate::numeric::Value>,
}

/// A token as returned when `tokens: true` is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TokenSpan {
    /// Offset of the first character.
    pub start: usize,
    /// Offset one past the last character.
    pub end: usize,
    /// What the token is.
    pub kind: crate::text::TokenKind,
}

/// Everything newslens found in one text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Analysis {
    /// The unit of every offset below.
    pub offsets: Offsets,
    /// The article date, from the options or the header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where [`Analysis::date`] came from.
    #[serde(rename = "dateSource", skip_serializing_if = "Option::is_none")]
    pub date_source: Option<DateSource>,
    /// The `date YYYY-MM-DD` header, which is not article text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<Span>,
    /// Paragraphs, separated by blank lines.
    pub paragraphs: Vec<Span>,
    /// Sentences in order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
    /// Tokens, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenSpan>>,
    /// Entity mentions in order, not overlapping.
    pub entities: Vec<Entity>,
    /// The article summary.
    pub summary: Summary,
    /// The entity summary: named entities with their mentions, most salient first.
    pub groups: Vec<Group>,
}

/// Analyses texts with fixed options and a model; cheap to reuse.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    options: AnalyzeOptions,
    model: Option<Arc<Model>>,
}

impl Analyzer {
    /// An analyzer with `options` and the embedded model; options are checked
    /// now so that errors surface early.
    pub fn new(options: AnalyzeOptions) -> Result<Analyzer> {
        options.validate()?;
        Ok(Analyzer {
            options,
            model: None,
        })
    }

    /// Uses `model` (e.g. from [`Model::from_bytes`]) instead of the embedded one.
    pub fn with_model(mut self, model: Model) -> Analyzer {
        self.model = Some(Arc::new(model));
        self
    }

    /// Analyses `text`; offsets in the result are bytes of UTF-8.
    pub fn analyze(&self, text: &str) -> Result<Analysis> {
        let model = match &self.model {
            Some(m) => m,
            None => default_model()?,
        };
        run(text, &self.options.validate()?, model, &Policy::CURRENT)
    }
}

/// Analyses `text` with `options`; offsets in the result are bytes of UTF-8.
///
/// ```
/// let a = newslens::analyze(" date 2020-10-16 Canada acted. Belarus did not.", &Default::default()).unwrap();
/// assert_eq!(a.date.unwrap().to_string(), "2020-10-16");
/// assert_eq!(a.sentences.len(), 2);
/// ```
pub fn analyze(text: &str, options: &AnalyzeOptions) -> Result<Analysis> {
    run(
        text,
        &options.validate()?,
        default_model()?,
        &Policy::CURRENT,
    )
}

/// [`analyze`] with a given model and a given way of combining the tagger
/// with the numeric rules.
#[cfg(feature = "train")]
pub(crate) fn analyze_with(
    text: &str,
    options: &AnalyzeOptions,
    model: &Model,
    policy: &Policy,
) -> Result<Analysis> {
    run(text, &options.validate()?, model, policy)
}

fn run(text: &str, settings: &Settings<'_>, model: &Model, policy: &Policy) -> Result<Analysis> {
    if text.len() > settings.max_bytes {
        return Err(Error::TextTooLong {
            len: text.len(),
            max: settings.max_bytes,
        });
    }
    let (header, body) = split_header(text);
    let paras = paragraphs(text, body);
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    for p in &paras {
        tokenize(text, *p, &mut tokens);
    }
    let spans = sentences(text, &tokens, &paras);
    let mut sents = Vec::with_capacity(spans.len());
    let mut p = 0;
    for s in &spans {
        while paras[p].end < s.start {
            p += 1;
        }
        sents.push(Sentence {
            start: s.start,
            end: s.end,
            paragraph: p,
        });
    }
    let summary = summarize(text, &sents, &tokens, settings.summary, settings.title);
    let (date, date_source) = match (settings.date, header) {
        (Some(d), _) => (Some(d), Some(DateSource::Option)),
        (None, Some(h)) => (Some(h.date), Some(DateSource::Header)),
        (None, None) => (None, None),
    };
    let rules = crate::numeric::recognize(text, &tokens, &spans, date);
    let entities = recognize(model, text, &tokens, &spans, rules, policy)
        .into_iter()
        .map(|f| Entity {
            start: f.span.start,
            end: f.span.end,
            label: f.label,
            text: f.span.of(text).to_string(),
            group: f.group,
            value: f.value,
        })
        .collect::<Vec<_>>();
    let body_len = body.end - body.start;
    let lead_end = sents.first().map_or(0, |s| s.end);
    let groups = groups(&entities, body_len, lead_end);
    Ok(Analysis {
        offsets: Offsets::Utf8,
        date,
        date_source,
        header: header.map(|h| h.span),
        paragraphs: paras,
        sentences: sents,
        tokens: settings.tokens.then(|| {
            tokens
                .iter()
                .map(|t| TokenSpan {
                    start: t.span.start,
                    end: t.span.end,
                    kind: t.kind,
                })
                .collect()
        }),
        entities,
        summary,
        groups,
    })
}

impl Analysis {
    /// Converts every offset from bytes of UTF-8 to UTF-16 code units of `text`,
    /// the string this analysis was made from. Does nothing if already UTF-16.
    pub fn into_utf16(mut self, text: &str) -> Analysis {
        if self.offsets == Offsets::Utf16 {
            return self;
        }
        let mut cur = Utf16Cursor::new(text);
        let mut span = |s: &mut usize, e: &mut usize| {
            *s = cur.convert(*s);
            *e = cur.convert(*e);
        };
        if let Some(h) = &mut self.header {
            span(&mut h.start, &mut h.end);
        }
        self.paragraphs
            .iter_mut()
            .for_each(|p| span(&mut p.start, &mut p.end));
        self.sentences
            .iter_mut()
            .for_each(|p| span(&mut p.start, &mut p.end));
        if let Some(t) = &mut self.tokens {
            t.iter_mut().for_each(|p| span(&mut p.start, &mut p.end));
        }
        self.entities
            .iter_mut()
            .for_each(|p| span(&mut p.start, &mut p.end));
        for g in &mut self.groups {
            if let Some(e) = g.mentions.first().and_then(|&i| self.entities.get(i)) {
                g.first = e.start;
            }
        }
        self.offsets = Offsets::Utf16;
        self
    }
}
