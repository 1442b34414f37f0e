//! The exported API in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use newslens::wasm::js_analyze;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn sample_article_in_the_browser() {
    let text = include_str!("data/belarus-2020-10-16.txt");
    let a = js_analyze(text.into(), None).expect("analyze");
    let sentences = js_sys::Array::from(&Reflect::get(&a, &"sentences".into()).unwrap());
    assert_eq!(sentences.length(), 13);
    let date = Reflect::get(&a, &"date".into()).unwrap();
    assert_eq!(date.as_string().as_deref(), Some("2020-10-16"));
}
