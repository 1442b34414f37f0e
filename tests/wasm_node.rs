//! The exported API run as wasm under Node (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect};
use newslens::wasm::js_analyze;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

/// The sentences of `text` as JavaScript would slice them.
fn js_sentences(text: &JsString) -> Vec<String> {
    let a = js_analyze(text.into(), None).expect("analyze");
    js_sys::Array::from(&get(&a, "sentences"))
        .iter()
        .map(|s| {
            let start = get(&s, "start").as_f64().unwrap() as u32;
            let end = get(&s, "end").as_f64().unwrap() as u32;
            String::from(text.slice(start, end))
        })
        .collect()
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_exactly() {
    let text = JsString::from("Prices hit €5 😀 in Tokyo 東京. مرحبا بكم في القاهرة. Shalom שלום!");
    assert_eq!(
        js_sentences(&text),
        [
            "Prices hit €5 😀 in Tokyo 東京.",
            "مرحبا بكم في القاهرة.",
            "Shalom שלום!"
        ]
    );
}

#[wasm_bindgen_test]
fn lone_surrogate_keeps_offsets() {
    let text = JsString::from("One ")
        .concat(&JsString::from_char_code1(0xD800))
        .concat(&"x. Two.".into());
    let s = js_sentences(&text);
    assert_eq!(s.len(), 2);
    assert_eq!(s[1], "Two.");
}

#[wasm_bindgen_test]
fn wrong_types_throw_type_error() {
    let err = js_analyze(JsValue::from_f64(1.0), None).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let err = js_analyze("x".into(), Some(JsValue::from_f64(2.0).unchecked_into())).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let opts = js_sys::Object::new();
    Reflect::set(&opts, &"date".into(), &"2020-02-30".into()).unwrap();
    let err = js_analyze("x".into(), Some(JsValue::from(opts).unchecked_into())).unwrap_err();
    assert!(err.is_instance_of::<js_sys::RangeError>());
}
