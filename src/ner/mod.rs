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
use crate::hash;
use crate::numeric::{NumericEntity, Value};
use crate::text::{Span, Token, TokenKind};
use consistency::{resolve, Mention};
use features::DocFeatures;
use lexicon::{gaz, Lookup};
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
/// overlapping rule entities ("May" the person) but for those strictly inside
/// one ("GMT" of "10:30 GMT", "C" of "C$1.5 million"), and so do its mentions of a
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
                    let mut next = a + j;
                    let found =
                        name_tokens(text, tokens, a + i, a + j, b, label).map(|(first, end)| {
                            without_title(text, tokens, &model.lexicon, first, end, label)
                        });
                    if let Some((first, end)) = found {
                        mentions.push(Mention {
                            first,
                            end,
                            label,
                            group: 0,
                        });
                        // a regnal number the tagger made a name of its own is in this one
                        next = next.max(end);
                    }
                    i = next - a;
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
        // a name strictly inside the rule's span is part of it ("GMT" of "10:30 GMT")
        let inside =
            |m: &Mention| first <= m.first && m.end <= end && m.end - m.first < end - first;
        let blocked = mentions[lo..hi]
            .iter()
            .zip(&replaced[lo..hi])
            .any(|(m, &gone)| !gone && policy.of(m.label) == Combine::Tagger && !inside(m));
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

/// The tokens of a name the tagger found over `first..end` (in a sentence
/// ending at token `limit`), or `None` if nothing of it is a name: a
/// possessive is not part of it ("Bush's" -> "Bush"), nor is punctuation at
/// either edge ("- Giuseppe Garibaldi"), but for a bracket or quote it closes,
/// nor a symbol ("= Florence Masnada", "CBS $"); a person's regnal number is
/// ("Charles III", "Elizabeth I of England"), but not an article before it
/// ("an International Finance Facility") or what a person's name runs on into
/// ("Robin van Persie gave Henry", "Olivier Rochus 6-1 7-6"). A currency code
/// ("C" of "the C$ rose") is not a name, nor is a plural acronym
/// ("MPs"), nor a person, place or nationality without a capital ("jersey").
fn name_tokens(
    text: &str,
    tokens: &[Token],
    mut first: usize,
    mut end: usize,
    limit: usize,
    label: Label,
) -> Option<(usize, usize)> {
    let edge = |i: usize| matches!(tokens[i].kind, TokenKind::Punct | TokenKind::Symbol);
    let article = |i: usize| matches!(tokens[i].span.of(text), "the" | "a" | "an");
    while first < end && (edge(first) || article(first)) {
        first += 1;
    }
    if label == Label::Person {
        // a person's name does not run on into other words ("Robin van Persie
        // gave Henry") or a score ("Olivier Rochus 6-1 7-6")
        let runs_on = |k: usize| {
            let w = tokens[k].span.of(text);
            match tokens[k].kind {
                TokenKind::Word => !w.chars().any(char::is_uppercase) && !particle(w),
                TokenKind::Number => k + 1 < end,
                _ => false,
            }
        };
        if let Some(k) = (first + 1..end).find(|&k| runs_on(k)) {
            end = k;
        }
    }
    loop {
        if first == end {
            return None;
        }
        let last = tokens[end - 1];
        let closes = |open: &str| (first..end - 1).any(|k| tokens[k].span.of(text) == open);
        let kept = match (last.kind, last.span.of(text)) {
            (TokenKind::Clitic, _) => false,
            (TokenKind::Punct, ")") => closes("("),
            (TokenKind::Punct, "]") => closes("["),
            (TokenKind::Punct, "\"") => closes("\""),
            (TokenKind::Punct, "”") => closes("“"),
            (TokenKind::Punct | TokenKind::Symbol, _) => false,
            _ => true,
        };
        if kept {
            break;
        }
        end -= 1;
    }
    // a currency code ("the C$ rose"); with an amount, the rule's MONEY
    // replaces the name in `recognize` anyway ("C$1.5 million")
    let currency = tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Symbol && t.span.start == tokens[end - 1].span.end);
    if currency && end - first == 1 && short_capitals(tokens[first].span.of(text)) {
        return None;
    }
    // "MPs", "CEOs": a plural acronym names a kind, not one thing
    if end - first == 1 && plural_acronym(tokens[first].span.of(text)) {
        return None;
    }
    // people, places and nationalities are written with a capital ("jersey")
    let capital = (first..end).any(|k| tokens[k].span.of(text).chars().any(char::is_uppercase));
    if !capital && matches!(label, Label::Person | Label::Gpe | Label::Norp) {
        return None;
    }
    if label == Label::Person && end < limit && is_regnal(text, tokens, end, limit) {
        end += 1;
    }
    Some((first, end))
}

/// A person's name without the titles before it ("Ms Hewitt" -> "Hewitt",
/// "Dr. Alastair Brydon" -> "Alastair Brydon"), as OntoNotes and CoNLL write
/// them: the tagger learnt some from teacher labels that keep BBC's dotless
/// "Mr". The last word stays, title or not ("Mr King" -> "King").
fn without_title(
    text: &str,
    tokens: &[Token],
    lexicon: &impl Lookup,
    mut first: usize,
    end: usize,
    label: Label,
) -> (usize, usize) {
    if label != Label::Person {
        return (first, end);
    }
    // "St" is a saint's or a place's ("St George", "St Pancras")
    let title = |k: usize| {
        let w = tokens[k].span.of(text);
        let w = w.strip_suffix('.').unwrap_or(w);
        matches!(tokens[k].kind, TokenKind::Word | TokenKind::Abbreviation)
            && w.starts_with(char::is_uppercase)
            && w != "St"
            && lexicon.word(hash::str(&w.to_lowercase())).gaz & gaz::HONORIFIC != 0
    };
    // the last word is the name even where it could be a title ("Mr King")
    while first + 1 < end && title(first) {
        let dot = first + 2 < end && tokens[first + 1].span.of(text) == ".";
        first += 1 + usize::from(dot);
    }
    (first, end)
}

/// Whether `w` is a particle inside a person's name ("van", "al", "wa").
fn particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "del"
            | "della"
            | "dal"
            | "di"
            | "da"
            | "das"
            | "dos"
            | "do"
            | "du"
            | "des"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "y"
            | "e"
            | "ter"
            | "ten"
            | "zu"
            | "af"
            | "wa"
            | "of"
            | "the"
    )
}

/// Whether `w` is a short word in capitals, as currency prefixes are ("US", "HK").
fn short_capitals(w: &str) -> bool {
    w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether `w` is two or more capitals and a plural "s" ("MPs", "NGOs").
fn plural_acronym(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()))
}

/// Whether token `i` (of a sentence ending at token `limit`) is a regnal
/// number after a name: a Roman numeral, but "I" only where a pronoun could
/// not stand (before "of", punctuation or the sentence's end).
fn is_regnal(text: &str, tokens: &[Token], i: usize, limit: usize) -> bool {
    let t = tokens[i];
    let w = t.span.of(text);
    if t.kind != TokenKind::Word || !roman_numeral(w) {
        return false;
    }
    w != "I"
        || match tokens.get(i + 1).filter(|_| i + 1 < limit) {
            None => true,
            Some(n) => n.kind == TokenKind::Punct || n.span.of(text) == "of",
        }
}

/// Whether `w` is a Roman numeral from I to XXXIX, as regnal numbers are.
pub(crate) fn roman_numeral(w: &str) -> bool {
    // tens, then units
    let units = w.trim_start_matches('X');
    let tens = w.len() - units.len();
    let unit = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    !w.is_empty() && tens <= 3 && unit.contains(&units)
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
    fn a_persons_name_starts_after_the_titles_before_it() {
        let text = "Ms Hewitt met Dr. Alastair Brydon , Mr King , St George and Ms .";
        let paras = paragraphs(text, Span::new(0, text.len()));
        let mut tokens = Vec::new();
        paras.iter().for_each(|p| tokenize(text, *p, &mut tokens));
        let lexicon = &default_model().unwrap().lexicon;
        let at = |w: &str| tokens.iter().position(|t| t.span.of(text) == w).unwrap();
        let name = |first: &str, end: usize, label: Label| {
            let (a, b) = without_title(text, &tokens, lexicon, at(first), end, label);
            Span::new(tokens[a].span.start, tokens[b - 1].span.end)
                .of(text)
                .to_string()
        };
        let person = Label::Person;
        assert_eq!(name("Ms", at("Hewitt") + 1, person), "Hewitt");
        assert_eq!(name("Dr.", at("Brydon") + 1, person), "Alastair Brydon");
        assert_eq!(name("Mr", at("King") + 1, person), "King");
        assert_eq!(name("St", at("George") + 1, person), "St George");
        assert_eq!(name("Ms", at("Hewitt") + 1, Label::Org), "Ms Hewitt");
        let last = tokens.len() - 1;
        assert_eq!(name("and", last, person), "and Ms", "a title alone stays");
    }

    #[test]
    fn names_lose_edge_punctuation_and_possessives_and_keep_regnal_numbers() {
        let text = "- Giuseppe Garibaldi ( GG ) met Charles III , Bush's aide and \
                    Elizabeth I of England ; then Henry I think . = Masnada paid C$ 5 to CBS $ 5 . MPs Group said so . Robin van Persie gave \
                    Henry an International Finance Facility jersey ; Olivier Rochus 6-1 7-6 .";
        let paras = paragraphs(text, Span::new(0, text.len()));
        let mut tokens = Vec::new();
        paras.iter().for_each(|p| tokenize(text, *p, &mut tokens));
        let at = |w: &str| tokens.iter().position(|t| t.span.of(text) == w).unwrap();
        let n = tokens.len();
        let name = |first: usize, end: usize, label: Label| {
            name_tokens(text, &tokens, first, end, n, label).map(|(a, b)| {
                Span::new(tokens[a].span.start, tokens[b - 1].span.end)
                    .of(text)
                    .to_string()
            })
        };
        let person = Label::Person;
        let garibaldi = at("Garibaldi") + 1;
        assert_eq!(name(0, garibaldi, person).unwrap(), "Giuseppe Garibaldi");
        assert_eq!(
            name(1, garibaldi + 1, person).unwrap(),
            "Giuseppe Garibaldi"
        );
        assert_eq!(
            name(1, at(")") + 1, person).unwrap(),
            "Giuseppe Garibaldi ( GG )"
        );
        assert_eq!(name(0, 1, person), None, "nothing but punctuation");
        assert_eq!(name(at("Bush"), at("'s") + 1, person).unwrap(), "Bush");
        let charles = at("Charles");
        assert_eq!(name(charles, charles + 1, person).unwrap(), "Charles III");
        assert_eq!(name(charles, charles + 1, Label::Org).unwrap(), "Charles");
        let elizabeth = at("Elizabeth");
        assert_eq!(
            name(elizabeth, elizabeth + 1, person).unwrap(),
            "Elizabeth I"
        );
        let henry = at("Henry");
        assert_eq!(
            name(henry, henry + 1, person).unwrap(),
            "Henry",
            "the pronoun I"
        );
        let masnada = at("Masnada");
        assert_eq!(name(masnada - 1, masnada + 1, person).unwrap(), "Masnada");
        let cbs = at("CBS");
        assert_eq!(name(cbs, cbs + 2, Label::Org).unwrap(), "CBS");
        assert_eq!(name(at("C"), at("C") + 2, Label::Norp), None, "C$ is money");
        assert_eq!(name(at("MPs"), at("MPs") + 1, person), None);
        assert_eq!(
            name(at("MPs"), at("MPs") + 2, Label::Org).unwrap(),
            "MPs Group"
        );
        let robin = at("Robin");
        assert_eq!(name(robin, robin + 5, person).unwrap(), "Robin van Persie");
        let facility = at("Facility") + 1;
        let org = name(at("an"), facility, Label::Org).unwrap();
        assert_eq!(org, "International Finance Facility");
        assert_eq!(name(at("jersey"), at("jersey") + 1, Label::Gpe), None);
        let olivier = at("Olivier");
        assert_eq!(
            name(olivier, olivier + 4, person).unwrap(),
            "Olivier Rochus"
        );
        assert!(["II", "IV", "IX", "XIV", "XXXIX", "V", "X"]
            .iter()
            .all(|w| roman_numeral(w)));
        assert!(!["", "IIII", "XL", "VX", "Ivy", "IC"]
            .iter()
            .any(|w| roman_numeral(w)));
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
