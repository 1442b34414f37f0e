//! The DOM layer on fixtures in headless Chromium, after mark.js's specs: text
//! across nested inline elements, skipped `<script>`, emoji offsets, and
//! `clear()` restoring the page exactly. Run by
//! `cargo test --target wasm32-unknown-unknown --features dom --test dom_browser`.
#![cfg(all(target_arch = "wasm32", feature = "dom"))]

use js_sys::{Array, Reflect};
use newslens::dom::{js_highlight, text_of, JsHighlightOptions};
use newslens::wasm::js_analyze;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<div>` in the page with `html` inside (test fixtures only: the library never parses HTML).
fn fixture(html: &str) -> Element {
    let doc = document();
    let root = doc.create_element("div").unwrap();
    root.set_inner_html(html);
    doc.query_selector("body")
        .unwrap()
        .unwrap()
        .append_child(&root)
        .unwrap();
    root
}

fn options(json: &str) -> Option<JsHighlightOptions> {
    Some(js_sys::JSON::parse(json).unwrap().unchecked_into())
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

/// Entities of an analysis as (text, label, group).
fn entities(analysis: &JsValue) -> Vec<(String, String, u32)> {
    Array::from(&get(analysis, "entities"))
        .iter()
        .map(|e| {
            (
                get(&e, "text").as_string().unwrap(),
                get(&e, "label").as_string().unwrap(),
                get(&e, "group").as_f64().unwrap() as u32,
            )
        })
        .collect()
}

/// The text of each mention shown by the `<mark>`s matching `selector`: marks of one
/// group with no text between them are pieces of one mention.
fn marked(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<Element> = None;
    for i in 0..list.length() {
        let el: Element = list.item(i).unwrap().unchecked_into();
        let text = el.text_content().unwrap_or_default();
        let joined = last.as_ref().is_some_and(|prev| {
            let between = document().create_range().unwrap();
            between.set_start_after(prev).unwrap();
            between.set_end_before(&el).unwrap();
            prev.get_attribute("data-group") == el.get_attribute("data-group")
                && String::from(between.to_string()).is_empty()
        });
        match out.last_mut() {
            Some(t) if joined => t.push_str(&text),
            _ => out.push(text),
        }
        last = Some(el);
    }
    out
}

/// The text of every range in the highlight named `name` in `CSS.highlights`.
fn highlighted(name: &str) -> Vec<String> {
    let registry = get(&get(&js_sys::global(), "CSS"), "highlights");
    let highlight = get(&registry, "get")
        .unchecked_into::<js_sys::Function>()
        .call1(&registry, &name.into())
        .unwrap();
    if highlight.is_undefined() {
        return Vec::new();
    }
    let mut out: Vec<String> = js_sys::try_iter(&highlight)
        .unwrap()
        .unwrap()
        .map(|r| {
            let r: web_sys::AbstractRange = r.unwrap().unchecked_into();
            let live = document().create_range().unwrap();
            live.set_start(&r.start_container(), r.start_offset())
                .unwrap();
            live.set_end(&r.end_container(), r.end_offset()).unwrap();
            String::from(live.to_string())
        })
        .collect();
    out.sort();
    out
}

fn registry_size() -> u32 {
    get(&get(&get(&js_sys::global(), "CSS"), "highlights"), "size")
        .as_f64()
        .unwrap() as u32
}

const NESTED: &str = "<p>Foreign Affairs Minister <a href=\"#x\"><em>Francois-Philippe</em> Champagne</a> \
said <span>Can</span>ada would act with the <b>European <i>Union</i></b>.</p>\n<p>Champagne spoke in \
Ottawa on Friday.</p>";

#[wasm_bindgen_test]
fn text_across_nested_inline_elements_and_blocks() {
    let root = fixture(NESTED);
    let text = text_of(&root);
    assert!(text.starts_with("Foreign Affairs Minister Francois-Philippe Champagne said Canada would act with the European Union.\n\n"), "{text:?}");
    assert!(text.contains("Champagne spoke in Ottawa on Friday."));
    let before = root.inner_html();
    let h = js_highlight(&root, options(r#"{"mode":"mark"}"#)).unwrap();
    let found = entities(&h.analysis());
    assert!(found.contains(&(
        "Canada".into(),
        "GPE".into(),
        found.iter().find(|e| e.0 == "Canada").unwrap().2
    )));
    let champagne: Vec<_> = found
        .iter()
        .filter(|e| e.0.ends_with("Champagne"))
        .collect();
    assert_eq!(champagne.len(), 2);
    assert_eq!(
        champagne[0].2, champagne[1].2,
        "one group for both mentions"
    );
    // a mention across elements is marked piecewise, one <mark> per text node
    assert_eq!(marked(&root, "mark[data-label=GPE]"), ["Canada", "Ottawa"]);
    assert_eq!(
        root.query_selector_all("mark[data-label=GPE]")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(
        marked(&root, "mark[data-label=PERSON]"),
        ["Francois-Philippe Champagne", "Champagne"]
    );
    assert_eq!(marked(&root, "mark[data-label=ORG]"), ["European Union"]);
    assert_eq!(
        root.query_selector("em > mark[data-label=PERSON]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Francois-Philippe"
    );
    assert_ne!(root.inner_html(), before);
    assert_eq!(h.mode(), "mark");
    let mut h = h;
    h.clear();
    assert_eq!(root.inner_html(), before);
    assert_eq!(h.mode(), "cleared");
    root.remove();
}

#[wasm_bindgen_test]
fn clear_restores_the_dom_node_for_node_in_mark_mode() {
    let root = fixture(NESTED);
    let before = root.inner_html();
    let nodes = |root: &Element| {
        let walker = document().create_tree_walker(root).unwrap();
        let mut out = Vec::new();
        while let Some(n) = walker.next_node().unwrap() {
            out.push(n);
        }
        out
    };
    let old = nodes(&root);
    let mut h = js_highlight(&root, options(r#"{"mode":"mark","summary":true}"#)).unwrap();
    assert!(
        root.query_selector("mark[data-newslens=summary] > mark[data-label]")
            .unwrap()
            .is_some(),
        "entity marks nest in summary marks"
    );
    h.focus(0);
    h.set_visible("PERSON", false).unwrap();
    h.clear();
    h.clear(); // twice is harmless
    assert_eq!(root.inner_html(), before);
    let new = nodes(&root);
    assert_eq!(old.len(), new.len());
    assert!(
        old.iter().zip(&new).all(|(a, b)| a.is_same_node(Some(b))),
        "the very same nodes"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn emoji_and_euro_offsets_count_utf16() {
    let root = fixture("<p>Svetlana Tikhanovskaya 😀 met <b>Champagne</b> in Vilnius. The talks cost €5 million.</p>");
    let text = text_of(&root);
    let h = js_highlight(&root, options(r#"{"mode":"mark"}"#)).unwrap();
    let js_text = js_sys::JsString::from(text.as_str());
    for e in Array::from(&get(&h.analysis(), "entities")).iter() {
        let (s, t) = (
            get(&e, "start").as_f64().unwrap() as u32,
            get(&e, "end").as_f64().unwrap() as u32,
        );
        assert_eq!(js_text.slice(s, t), get(&e, "text").as_string().unwrap());
    }
    assert_eq!(marked(&root, "mark[data-label=GPE]"), ["Vilnius"]);
    assert_eq!(marked(&root, "mark[data-label=MONEY]"), ["€5 million"]);
    assert_eq!(
        marked(&root, "mark[data-label=PERSON]"),
        ["Svetlana Tikhanovskaya", "Champagne"]
    );
    root.remove();
}

#[wasm_bindgen_test]
fn highlight_mode_paints_ranges_and_clear_empties_the_registry() {
    let root = fixture("<p>Svetlana Tikhanovskaya 😀 met <b>Champagne</b> in <i>Vil</i>nius.</p>");
    let before = root.inner_html();
    assert_eq!(registry_size(), 0);
    let mut h = js_highlight(&root, options(r#"{"summary":true}"#)).unwrap();
    assert_eq!(h.mode(), "highlight");
    assert_eq!(root.inner_html(), before, "no DOM change");
    assert_eq!(
        highlighted("newslens-PERSON"),
        ["Champagne", "Svetlana Tikhanovskaya"]
    );
    assert_eq!(highlighted("newslens-GPE"), ["Vilnius"]);
    assert_eq!(highlighted("newslens-summary").len(), 1);
    h.set_visible("PERSON", false).unwrap();
    assert!(highlighted("newslens-PERSON").is_empty());
    h.set_visible("PERSON", true).unwrap();
    assert_eq!(highlighted("newslens-PERSON").len(), 2);
    assert_eq!(h.focus(999), 0);
    let champagne = entities(&h.analysis())
        .into_iter()
        .find(|e| e.0 == "Champagne")
        .unwrap()
        .2;
    assert_eq!(h.focus(champagne), 1);
    assert_eq!(highlighted("newslens-focus"), ["Champagne"]);
    // a second highlighting shares the names; clearing one leaves the other
    let other = fixture("<p>Champagne spoke in Ottawa.</p>");
    let mut h2 = js_highlight(&other, None).unwrap();
    assert_eq!(highlighted("newslens-PERSON").len(), 3);
    h.clear();
    assert_eq!(highlighted("newslens-PERSON"), ["Champagne"]);
    h2.clear();
    assert_eq!(registry_size(), 0, "the registry is empty again");
    assert!(h.set_visible("NOPE", true).is_err());
    root.remove();
    other.remove();
}

#[wasm_bindgen_test]
fn script_style_form_fields_and_hidden_text_are_untouched() {
    let root = fixture(
        "<p>Champagne <script>var Ottawa = 'Canada';</script>spoke.<style>.Ottawa{}</style></p>\
         <textarea>Canada and Ottawa</textarea><input value=\"Ottawa\"><select><option>Ottawa</option></select>\
         <p hidden>Ottawa</p><p style=\"display:none\">Ottawa</p><noscript>Ottawa</noscript>\
         <template><p>Ottawa</p></template><p>Svetlana Tikhanovskaya met him in Vilnius.</p>",
    );
    let text = text_of(&root);
    assert!(
        !text.contains("Ottawa") && !text.contains("var") && !text.contains("Canada"),
        "{text:?}"
    );
    let script_before = root
        .query_selector("script")
        .unwrap()
        .unwrap()
        .text_content();
    let mut h = js_highlight(&root, options(r#"{"mode":"mark"}"#)).unwrap();
    assert!(root
        .query_selector("script mark, style mark, textarea mark, [hidden] mark")
        .unwrap()
        .is_none());
    assert_eq!(
        root.query_selector("script")
            .unwrap()
            .unwrap()
            .text_content(),
        script_before
    );
    // the visible names are marked, nothing inside the untouched elements is
    // (which label a lone surname gets is the tagger's business, not this test's)
    let all = marked(&root, "mark");
    assert!(
        all.iter()
            .all(|m| !m.contains("Ottawa") && !m.contains("Canada")),
        "{all:?}"
    );
    assert!(
        all.contains(&"Svetlana Tikhanovskaya".to_string()),
        "{all:?}"
    );
    assert_eq!(
        marked(&root, "mark[data-label=GPE]")
            .last()
            .map(String::as_str),
        Some("Vilnius")
    );
    h.clear();
    root.remove();
}

#[wasm_bindgen_test]
fn hostile_text_stays_text() {
    let doc = document();
    let root = doc.create_element("div").unwrap();
    let p = doc.create_element("p").unwrap();
    let hostile = "Champagne said <img src=x onerror=\"window.pwned=1\"> in Ottawa. <script>window.pwned=2</script> Bye.";
    p.set_text_content(Some(hostile));
    root.append_child(&p).unwrap();
    doc.query_selector("body")
        .unwrap()
        .unwrap()
        .append_child(&root)
        .unwrap();
    for mode in [
        r#"{"mode":"mark","summary":true}"#,
        r#"{"mode":"highlight","summary":true}"#,
    ] {
        let mut h = js_highlight(&root, options(mode)).unwrap();
        assert!(root.query_selector("img, script").unwrap().is_none());
        assert_eq!(root.text_content().unwrap(), hostile);
        h.clear();
    }
    assert!(get(&js_sys::global(), "pwned").is_undefined());
    root.remove();
}

#[wasm_bindgen_test]
fn a_given_analysis_is_rendered_and_checked() {
    let root = fixture("<p>Champagne spoke in <em>Ottawa</em> on Friday.</p>");
    let analysis = js_analyze(text_of(&root).into(), None).unwrap();
    let opts = js_sys::Object::new();
    Reflect::set(&opts, &"analysis".into(), &analysis).unwrap();
    Reflect::set(&opts, &"mode".into(), &"mark".into()).unwrap();
    let mut h = js_highlight(&root, Some(opts.unchecked_into())).unwrap();
    assert_eq!(marked(&root, "mark[data-label=GPE]"), ["Ottawa"]);
    h.clear();
    // an analysis of another text does not fit
    let long = js_analyze(
        "Champagne spoke in Ottawa on Friday and again on Saturday in Vilnius.".into(),
        None,
    )
    .unwrap();
    let opts = js_sys::Object::new();
    Reflect::set(&opts, &"analysis".into(), &long).unwrap();
    let err = js_highlight(&root, Some(opts.unchecked_into()))
        .err()
        .unwrap();
    assert!(err.is_instance_of::<js_sys::RangeError>());
    root.remove();
}

#[wasm_bindgen_test]
fn unknown_options_are_named() {
    let root = fixture("<p>Champagne.</p>");
    let err = js_highlight(&root, options(r#"{"colour":"red"}"#))
        .err()
        .unwrap();
    let message = get(&err, "message").as_string().unwrap();
    assert!(
        message.contains("options.colour") && message.contains("mode, summary"),
        "{message}"
    );
    let err = js_highlight(&root, options(r#"{"analyze":{"date":"yesterday"}}"#))
        .err()
        .unwrap();
    assert!(err.is_instance_of::<js_sys::RangeError>());
    root.remove();
}
