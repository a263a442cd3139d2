#![no_main]
//! Extraction of any text never panics, and every quote is where it says.
use libfuzzer_sys::fuzz_target;
use majlis::{extract::Extractor, gazetteer::Gazetteer, input::Article, text::char_slice};
use std::sync::OnceLock;

static X: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|s: &str| {
    let x = X.get_or_init(|| Extractor::new(Gazetteer::builtin().unwrap()));
    let out = x.extract(&Article::new("f", s));
    for m in &out.mentions {
        assert_eq!(char_slice(s, m.evidence.start, m.evidence.end), m.evidence.text);
    }
});
