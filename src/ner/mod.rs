//! Named-entity recognition: labels, features, the tagger and document consistency.

mod label;

pub use label::Label;
