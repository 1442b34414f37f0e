//! newslens reads an English news article, finds its entities and summarises it.
//!
//! The pipeline: an optional `date YYYY-MM-DD` header is split off; the body is
//! cut into paragraphs (blank lines), tokens and sentences, all as byte spans of
//! the text the caller passed; a summary picks key sentences. Results convert
//! to UTF-16 offsets once, at the JavaScript or JSON boundary
//! ([`Analysis::into_utf16`]).
//!
//! ```
//! use newslens::{analyze, AnalyzeOptions};
//!
//! let text = "date 2020-10-16 Canada acted with the EU and the U.S. The new sanctions came later.";
//! let analysis = analyze(text, &AnalyzeOptions::default()).unwrap();
//! let sentences: Vec<&str> = analysis.sentences.iter().map(|s| &text[s.start..s.end]).collect();
//! assert_eq!(sentences, ["Canada acted with the EU and the U.S.", "The new sanctions came later."]);
//! ```
//!
//! | feature | what it adds |
//! |---|---|
//! | (none) | the core, native and wasm32; on wasm32 the JavaScript API in `pkg/` |
//! | `cli` | the `newslens` command-line tool over JSONL |
//! | `dom` | on wasm32, `highlight(root)`: entity highlights inside a live page |
//! | `eval` | `summary-features`, which feeds the summary training and evaluation tools |
#![warn(missing_docs)]

mod analysis;
mod date;
mod error;
mod groups;
mod hash;
mod ner;
mod numeric;
mod offsets;
mod options;
mod summary;
#[cfg(any(test, feature = "train"))]
mod testing;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(all(target_arch = "wasm32", feature = "dom"))]
pub mod dom;

pub use analysis::{analyze, Analysis, Analyzer, DateSource, Entity, Offsets, Sentence, TokenSpan};
pub use date::Date;
pub use error::{Error, ErrorKind, Result};
pub use groups::Group;
/// Training and evaluation of the tagger (`--features train`; not in the wasm build).
#[cfg(feature = "train")]
#[doc(hidden)]
pub use ner::train;
pub use ner::{default_model, Label, Model};
#[doc(hidden)]
pub use numeric::numeric_entities_for_test;
pub use numeric::{Amount, Mod, Value};
pub use options::{AnalyzeOptions, SummaryLength, SummaryOptions, DEFAULT_MAX_BYTES};
pub use summary::Summary;

#[cfg(feature = "eval")]
#[doc(hidden)]
pub use summary::{sentence_features, time_summary};

/// Entry points to single stages for the criterion benchmarks in `benches/`
/// (feature `bench`; not part of the API).
#[cfg(feature = "bench")]
#[doc(hidden)]
pub mod bench {
    use crate::text::{paragraphs, sentences, split_header, tokenize, Span, Token};
    use crate::{Date, Model, Sentence};

    /// A text cut into tokens and sentences, the input of the later stages.
    pub struct Prepared {
        tokens: Vec<Token>,
        spans: Vec<Span>,
        sentences: Vec<Sentence>,
        date: Option<Date>,
    }

    impl Prepared {
        /// Tokens and sentences of `text`, as `analyze` makes them.
        pub fn new(text: &str) -> Prepared {
            let (header, body) = split_header(text);
            let paras = paragraphs(text, body);
            let mut tokens = Vec::new();
            paras.iter().for_each(|p| tokenize(text, *p, &mut tokens));
            let spans = sentences(text, &tokens, &paras);
            let mut p = 0;
            let sentences = spans
                .iter()
                .map(|s| {
                    while paras[p].end < s.start {
                        p += 1;
                    }
                    Sentence {
                        start: s.start,
                        end: s.end,
                        paragraph: p,
                    }
                })
                .collect();
            let date = header.map(|h| h.date);
            Prepared {
                tokens,
                spans,
                sentences,
                date,
            }
        }

        /// How many tokens there are.
        pub fn tokens(&self) -> usize {
            self.tokens.len()
        }

        /// The tagger alone (features, scores, Viterbi); gives the tokens tagged.
        pub fn tag(&self, model: &Model, text: &str) -> usize {
            crate::ner::tag_all(model, text, &self.tokens, &self.spans)
        }

        /// The numeric rules; gives the entities found.
        pub fn numeric(&self, text: &str) -> usize {
            crate::numeric::recognize(text, &self.tokens, &self.spans, self.date).len()
        }

        /// The extractive summary with default options; gives the sentences chosen.
        pub fn summary(&self, text: &str) -> usize {
            let length = crate::SummaryLength::default();
            crate::summary::summarize(text, &self.sentences, &self.tokens, length, None)
                .sentences
                .len()
        }
    }
}
