#![no_main]
//! Any text read as a saved graph is a graph or an error; never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(g) = majlis::graph::from_json(s) {
        let _ = majlis::graph::to_json(&g);
    }
});
