#![no_main]
//! Folding is idempotent and every folded span maps inside the original.
use libfuzzer_sys::fuzz_target;
use majlis::text::{Normalized, fold};

fuzz_target!(|s: &str| {
    let once = fold(s);
    assert_eq!(fold(&once), once);
    let n = Normalized::new(s);
    let len = s.chars().count();
    for i in 0..=n.char_len() {
        let (a, b) = n.original_span(0, i);
        assert!(a <= b && b <= len);
    }
});
