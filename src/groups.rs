//! The entity summary: one row per real-world entity, ranked by salience.

use crate::analysis::Entity;
use crate::ner::Label;

/// A real-world entity mentioned in the article: all mentions that share a
/// `group` id. Only names are listed (PERSON, ORG, GPE, ...); numbers and
/// dates have group ids but no row here.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Group {
    /// The group id its mentions carry in [`Entity::group`].
    pub id: usize,
    /// The canonical name: the longest mention ("Francois-Philippe Champagne").
    pub name: String,
    /// The label its mentions carry.
    pub label: Label,
    /// Number of mentions.
    pub count: usize,
    /// Offset of the first mention (same unit as every other offset).
    pub first: usize,
    /// Indices into [`Analysis::entities`](crate::Analysis::entities), in order.
    pub mentions: Vec<usize>,
    /// The other ways the article writes it ("Champagne", "EU"), in order of appearance.
    pub aliases: Vec<String>,
    /// How central the entity is to the article; the list is sorted by it.
    pub salience: f32,
}

/// How much a mention of each kind of name counts towards salience.
/// Nationalities and groups are mostly modifiers ("Belarusian officials"),
/// so they count half.
fn label_weight(label: Label) -> f32 {
    match label {
        Label::Norp | Label::Language => 0.5,
        _ => 1.0,
    }
}

/// Groups the named entities and ranks them: salience is the mention count,
/// plus up to 0.5 for an early first mention and 0.5 for a mention in the
/// first sentence, times the label's weight. `text_len` and `first_sentence_end`
/// are in the same unit as the entity offsets.
pub(crate) fn groups(
    entities: &[Entity],
    text_len: usize,
    first_sentence_end: usize,
) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut index: Vec<Option<usize>> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if e.label.is_numeric() {
            continue;
        }
        if index.len() <= e.group {
            index.resize(e.group + 1, None);
        }
        let g = match index[e.group] {
            Some(g) => g,
            None => {
                index[e.group] = Some(out.len());
                out.push(Group {
                    id: e.group,
                    name: e.text.clone(),
                    label: e.label,
                    count: 0,
                    first: e.start,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    salience: 0.0,
                });
                out.len() - 1
            }
        };
        let group = &mut out[g];
        group.count += 1;
        group.mentions.push(i);
        if e.text.chars().count() > group.name.chars().count() {
            group.name = e.text.clone();
        }
        if !group.aliases.contains(&e.text) {
            group.aliases.push(e.text.clone());
        }
    }
    let len = text_len.max(1) as f32;
    for g in &mut out {
        let name = g.name.clone();
        g.aliases.retain(|a| *a != name);
        let early = 0.5 * (1.0 - g.first as f32 / len);
        let lead = if g.first < first_sentence_end {
            0.5
        } else {
            0.0
        };
        g.salience = label_weight(g.label) * (g.count as f32 + early + lead);
    }
    out.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then(a.first.cmp(&b.first))
    });
    out
}
