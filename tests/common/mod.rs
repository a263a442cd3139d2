//! What the integration test binaries share: running the `majlis` binary.

// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs `majlis` with `args` from the repository root.
pub fn majlis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_majlis"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("majlis runs")
}

/// Its standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// Its standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 errors")
}

/// Runs a tool (xmllint, dot, python3 …) and asserts it succeeded; its
/// standard error is the failure message.
pub fn run_ok(command: &mut Command) -> Output {
    let out = command.output().expect("the tool runs");
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
