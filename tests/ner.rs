//! The embedded tagger on the sample article: labels, document consistency and groups.

use newslens::{analyze, AnalyzeOptions, Label, Model};

const SAMPLE: &str = include_str!("data/belarus-2020-10-16.txt");

fn entities() -> Vec<newslens::Entity> {
    analyze(SAMPLE, &AnalyzeOptions::default())
        .unwrap()
        .entities
}

#[test]
fn entities_are_ordered_disjoint_and_match_their_text() {
    let ents = entities();
    assert!(ents.len() > 30, "{}", ents.len());
    for pair in ents.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{:?} overlaps {:?}",
            pair[0],
            pair[1]
        );
    }
    for e in &ents {
        assert_eq!(&SAMPLE[e.start..e.end], e.text);
    }
}

/// Every mention of `name` (as a whole entity) has `label` and one group.
fn consistent(ents: &[newslens::Entity], names: &[&str], label: Label) -> usize {
    let found: Vec<_> = ents
        .iter()
        .filter(|e| names.contains(&e.text.as_str()))
        .collect();
    assert!(!found.is_empty(), "{names:?} not found");
    for e in &found {
        assert_eq!(e.label, label, "{e:?}");
        assert_eq!(
            e.group, found[0].group,
            "{e:?} is not in the group of {:?}",
            found[0]
        );
    }
    found.len()
}

#[test]
fn short_forms_inherit_from_full_names() {
    let ents = entities();
    // spaCy md labels "Champagne" ORG and "Tikhanovskaya" GPE here; all must be PERSON
    let champagne = consistent(
        &ents,
        &["Francois-Philippe Champagne", "Champagne"],
        Label::Person,
    );
    assert_eq!(champagne, 6, "every Champagne mention is found");
    let tikhanovskaya = consistent(
        &ents,
        &["Svetlana Tikhanovskaya", "Tikhanovskaya"],
        Label::Person,
    );
    assert_eq!(tikhanovskaya, 6);
    assert_eq!(
        consistent(
            &ents,
            &["Alexander Lukashenko", "Lukashenko"],
            Label::Person
        ),
        3
    );
    consistent(&ents, &["Canada"], Label::Gpe);
    consistent(&ents, &["Belarus"], Label::Gpe);
    consistent(&ents, &["Belarusian"], Label::Norp);
}

#[test]
fn rules_where_rules_win() {
    let ents = entities();
    let act = ents
        .iter()
        .find(|e| e.text == "Magnitsky Act")
        .expect("Magnitsky Act");
    assert_eq!(act.label, Label::Law);
}

#[test]
fn bad_model_bytes_are_errors_not_panics() {
    for bytes in [&b""[..], b"NLNER\0", b"not a model at all", &[0u8; 64]] {
        assert!(Model::from_bytes(bytes).is_err());
    }
    let good = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/ner.bin")).unwrap();
    assert!(Model::from_bytes(&good).is_ok());
    for cut in [10, 100, good.len() / 2, good.len() - 1] {
        let e = Model::from_bytes(&good[..cut]).unwrap_err();
        assert!(e.to_string().contains("not a newslens model"), "{e}");
    }
}

#[test]
fn numeric_entities_carry_values_resolved_against_the_header_date() {
    let ents = entities();
    let value = |text: &str| {
        let e = ents
            .iter()
            .find(|e| e.text == text)
            .unwrap_or_else(|| panic!("{text} not found"));
        serde_json::to_value(&e.value).unwrap()
    };
    assert_eq!(value("Thursday")["iso"], "2020-10-15");
    assert_eq!(value("Aug. 9")["iso"], "2020-08-09");
    assert_eq!(value("later this month")["iso"], "2020-10");
    assert_eq!(value("31")["value"], 31.0);
    assert_eq!(
        ents.iter().find(|e| e.text == "Aug. 9").unwrap().label,
        Label::Date
    );
}

#[test]
fn entity_summary_ranks_the_people_and_places_of_the_article() {
    let a = analyze(SAMPLE, &AnalyzeOptions::default()).unwrap();
    let top: Vec<&str> = a.groups.iter().take(5).map(|g| g.name.as_str()).collect();
    for name in [
        "Francois-Philippe Champagne",
        "Svetlana Tikhanovskaya",
        "Alexander Lukashenko",
        "Belarus",
        "Canada",
    ] {
        assert!(top.contains(&name), "{name} not in the top five {top:?}");
    }
    for g in &a.groups {
        assert!(!g.label.is_numeric());
        assert_eq!(g.count, g.mentions.len());
        assert_eq!(a.entities[g.mentions[0]].start, g.first);
        for &m in &g.mentions {
            assert_eq!(a.entities[m].group, g.id, "{g:?}");
            assert_eq!(a.entities[m].label, g.label);
        }
        assert!(!g.aliases.contains(&g.name));
    }
    let champagne = a
        .groups
        .iter()
        .find(|g| g.name == "Francois-Philippe Champagne")
        .unwrap();
    assert_eq!(champagne.aliases, ["Champagne"]);
    assert_eq!(champagne.count, 6);
    assert!(a.groups.windows(2).all(|w| w[0].salience >= w[1].salience));
}

#[test]
fn acronyms_and_possessives_join_their_entity() {
    let text = "The European Union said on Monday it would act. EU ministers met in Brussels. \
                The EU's foreign policy chief spoke later.";
    let a = analyze(text, &AnalyzeOptions::default()).unwrap();
    let eu = a
        .groups
        .iter()
        .find(|g| g.name.ends_with("European Union"))
        .expect("European Union group");
    assert!(eu.aliases.contains(&"EU".to_string()), "{eu:?}");
    assert_eq!(eu.count, 3, "{:?}", a.entities);
}

#[test]
fn possessives_stay_outside_names() {
    let text =
        "George W Bush's plan failed. Microsoft's sales rose, and Tikhanovskaya's aides left.";
    let a = analyze(text, &AnalyzeOptions::default()).unwrap();
    let names: Vec<&str> = a.entities.iter().map(|e| e.text.as_str()).collect();
    for name in ["George W Bush", "Microsoft", "Tikhanovskaya"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
}
