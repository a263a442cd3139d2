#![no_main]
//! Any bytes decode or fail with a message; never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = majlis::input::decode(data, false);
    let _ = majlis::input::decode(data, true);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = majlis::input::html_text(s);
    }
});
