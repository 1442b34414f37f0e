//! Named-entity recognition: labels, features, the tagger and document consistency.

mod combine;
mod consistency;
mod features;

mod label;
mod lexicon;
mod model;
mod row;
mod table;
#[cfg(feature = "train")]
pub mod train;

use std::sync::OnceLock;

pub use combine::{Combine, Policy};
pub use label::Label;
pub use model::Model;

use crate::error::Result;
use crate::numeric::{NumericEntity, Value};
use crate::text::{Span, Token, TokenKind};
use consistency::{resolve, Mention};
use features::DocFeatures;
use model::{class_label, Scratch};

/// The model shipped inside the package (see `model/README.md`).
static MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin");

/// The embedded model, parsed on first use.
pub fn default_model() -> Result<&'static Model> {
    static MODEL: OnceLock<Result<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(MODEL_BYTES))
        .as_ref()
        .map_err(Clone::clone)
}

/// An entity found by the tagger or the numeric rules: byte span, label, group and value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub span: Span,
    pub label: Label,
    pub group: usize,
    pub value: Option<Value>,
}

/// The tagger alone (features, scores, Viterbi) over every sentence, for the
/// criterion benchmarks (feature `bench`); gives the number of tokens tagged.
#[cfg(feature = "bench")]
pub(crate) fn tag_all(model: &Model, text: &str, tokens: &[Token], sentences: &[Span]) -> usize {
    let doc = DocFeatures::new(text, tokens, sentences, &model.lexicon);
    let mut scratch = Scratch::new(&doc);
    doc.sentences
        .iter()
        .filter(|(a, b)| a < b)
        .map(|&(a, b)| model.tag(&doc, a, b, &mut scratch).len())
        .sum()
}

/// Tags every sentence, combines the tagger's mentions with the numeric rules'
/// (`rules`: sorted, on token boundaries) label by label as `policy` says, then
/// makes labels consistent across the document. The tagger's names win over
/// overlapping rule entities ("May" the person), and so do its mentions of a
/// label chosen as [`Combine::Tagger`]; a rule entity replaces the overlapping
/// tagger mentions of [`Combine::RulesThenTagger`] labels. With
/// [`Policy::CURRENT`] numbers come from the rules alone, but for ordinals,
/// where the tagger's mentions fill in where the rules found nothing.
pub(crate) fn recognize(
    model: &Model,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    rules: Vec<NumericEntity>,
    policy: &Policy,
) -> Vec<Found> {
    let doc = DocFeatures::new(text, tokens, sentences, &model.lexicon);
    let mut scratch = Scratch::new(&doc);
    let mut mentions = Vec::new();
    for &(a, b) in &doc.sentences {
        if a == b {
            continue;
        }
        let classes = model.tag(&doc, a, b, &mut scratch);
        let mut i = 0;
        while i < classes.len() {
            match class_label(classes[i]) {
                Some((label, _)) => {
                    let mut j = i + 1;
                    while j < classes.len() && class_label(classes[j]) == Some((label, true)) {
                        j += 1;
                    }
                    // a possessive is not part of the name: "Bush's" -> "Bush"
                    let mut end = a + j;
                    while end > a + i + 1 && tokens[end - 1].kind == TokenKind::Clitic {
                        end -= 1;
                    }
                    mentions.push(Mention {
                        first: a + i,
                        end,
                        label,
                        group: 0,
                    });
                    i = j;
                }
                None => i += 1,
            }
        }
    }
    // `mentions` are sorted and disjoint, so the ones a rule overlaps are a
    // run found by binary search: merging costs O((m + r) log m), not O(m * r).
    let token_at = |byte: usize| tokens.partition_point(|t| t.span.start < byte);
    let mut replaced: Vec<bool> = mentions
        .iter()
        .map(|m| policy.of(m.label) == Combine::Rules)
        .collect();
    let mut values = Vec::new();
    let mut ruled = Vec::new();
    for r in rules {
        if policy.of(r.label) == Combine::Tagger {
            continue;
        }
        let first = token_at(r.span.start);
        let end = token_at(r.span.end);
        if first >= end || end > tokens.len() {
            continue;
        }
        let lo = mentions.partition_point(|m| m.end <= first);
        let hi = lo + mentions[lo..].partition_point(|m| m.first < end);
        let blocked = mentions[lo..hi]
            .iter()
            .zip(&replaced[lo..hi])
            .any(|(m, &gone)| !gone && policy.of(m.label) == Combine::Tagger);
        if blocked {
            continue;
        }
        replaced[lo..hi].fill(true);
        ruled.push(Mention {
            first,
            end,
            label: r.label,
            group: 0,
        });
        values.push(((first, end), r.value));
    }
    let mut mentions: Vec<Mention> = mentions
        .into_iter()
        .zip(replaced)
        .filter_map(|(m, replaced)| (!replaced).then_some(m))
        .chain(ruled)
        .collect();
    mentions.sort_unstable_by_key(|m| m.first);
    // `values` are in rule order: sorted by token range
    resolve(text, tokens, &doc.sentences, mentions)
        .into_iter()
        .map(|m| Found {
            span: Span::new(tokens[m.first].span.start, tokens[m.end - 1].span.end),
            label: m.label,
            group: m.group,
            value: values
                .binary_search_by_key(&(m.first, m.end), |(k, _)| *k)
                .ok()
                .and_then(|i| values[i].1.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{paragraphs, sentences, tokenize};

    const TEXT: &str = "Acme Corp said on Friday that it would cut 1,200 jobs, or 5% of its \
        staff, by 2026. It was the second round of cuts in three years and will cost $40m. \
        Theresa May said 300 more could follow next week.";

    /// The tagger with the numeric rules of `TEXT` combined as `policy` says.
    fn found(policy: Policy, with_rules: bool) -> (Vec<Found>, Vec<NumericEntity>) {
        let paras = paragraphs(TEXT, Span::new(0, TEXT.len()));
        let mut tokens = Vec::new();
        paras.iter().for_each(|p| tokenize(TEXT, *p, &mut tokens));
        let spans = sentences(TEXT, &tokens, &paras);
        let rules = crate::numeric::recognize(TEXT, &tokens, &spans, None);
        let model = default_model().unwrap();
        let given = if with_rules {
            rules.clone()
        } else {
            Vec::new()
        };
        (
            recognize(model, TEXT, &tokens, &spans, given, &policy),
            rules,
        )
    }

    #[test]
    fn tagger_policy_is_the_tagger_without_rules() {
        let (tagger, rules) = found(Policy::all(Combine::Tagger), true);
        assert!(!rules.is_empty());
        let both = Policy::all(Combine::RulesThenTagger);
        assert_eq!(tagger, found(both, false).0);
    }

    #[test]
    fn rules_policy_keeps_only_rule_numbers() {
        let (out, rules) = found(Policy::all(Combine::Rules), true);
        for f in out.iter().filter(|f| f.label.is_numeric()) {
            assert!(
                rules.iter().any(|r| r.span == f.span && r.label == f.label),
                "{:?} {} is not a rule entity",
                f.label,
                f.span.of(TEXT)
            );
        }
    }

    #[test]
    fn current_policy_keeps_every_rule_entity_clear_of_names() {
        let (out, rules) = found(Policy::CURRENT, true);
        assert!(Label::ALL
            .iter()
            .filter(|l| l.is_numeric() && **l != Label::Ordinal)
            .all(|l| Policy::CURRENT.of(*l) == Combine::Rules));
        for r in &rules {
            let under_name = out.iter().any(|f| {
                !f.label.is_numeric() && f.span.start < r.span.end && r.span.start < f.span.end
            });
            let kept = out.iter().any(|f| f.span == r.span && f.label == r.label);
            assert!(kept || under_name, "{:?} {} lost", r.label, r.span.of(TEXT));
        }
    }
}
