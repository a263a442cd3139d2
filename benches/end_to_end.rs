//! End-to-end throughput and peak memory of `majlis build` with JSON
//! output, run as a user runs it (the release binary, reading the
//! compressed corpus), at `--jobs 1` and `--jobs 2`.
//!
//!     cargo bench --bench end_to_end [-- CORPUS.jsonl.gz]
//!
//! The corpus defaults to `../shared/corpus/ant-news-2018.jsonl.gz`; it is
//! optional, and the bench says so and stops when it is missing. Each
//! thread count runs three times; the fastest run is reported, with the
//! peak resident memory of the process. The outputs of every run are
//! compared: they must be the same bytes.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it only checks
//! that a build of the seeds runs.

use majlis::input::{Item, read_inputs};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const CORPUS: &str = "../shared/corpus/ant-news-2018.jsonl.gz";
const RUNS: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let benching = args.iter().any(|a| a == "--bench");
    let out = tempfile::tempdir().expect("a temporary folder");
    let out = out.path();
    if !benching {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let (_, _, json) = build(&seeds, 1, &out.join("seeds.json"));
        assert!(json.starts_with(b"{"), "the seeds build to a JSON graph");
        return;
    }
    let corpus = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS));
    if !corpus.exists() {
        println!(
            "end_to_end: {} is not there; skipped (pass a corpus path after --)",
            corpus.display()
        );
        return;
    }
    let (mut articles, mut bytes) = (0usize, 0usize);
    read_inputs(std::slice::from_ref(&corpus), &mut |item| {
        if let Item::Article(a) = item {
            articles += 1;
            bytes += a.text.len();
        }
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{}: {articles} articles, {:.1} MB of article text; {cores} cores",
        corpus.display(),
        bytes as f64 / 1e6
    );
    let mut first: Option<Vec<u8>> = None;
    let mut single = None;
    for jobs in [1, 2].into_iter().filter(|&j| j <= cores.max(1)) {
        let mut best = f64::MAX;
        let mut peak = 0u64;
        for run in 0..RUNS {
            let (secs, rss, json) = build(&corpus, jobs, &out.join(format!("j{jobs}-{run}.json")));
            best = best.min(secs);
            peak = peak.max(rss);
            match &first {
                None => first = Some(json),
                Some(f) => assert!(*f == json, "--jobs {jobs} run {run} wrote other bytes"),
            }
        }
        let speedup = single.map(|s: f64| format!(", {:.2}x --jobs 1", s / best));
        single.get_or_insert(best);
        println!(
            "--jobs {jobs}: {best:.2} s, {:.1} MB/s, {:.0} articles/s, peak {:.0} MB{}",
            bytes as f64 / 1e6 / best,
            articles as f64 / best,
            peak as f64 / 1024.0,
            speedup.unwrap_or_default()
        );
    }
    println!("every run wrote the same bytes");
}

/// Runs `majlis build INPUT -o OUTPUT -q -j JOBS`: wall seconds, peak
/// resident KiB, and the bytes written.
fn build(input: &Path, jobs: usize, output: &Path) -> (f64, u64, Vec<u8>) {
    let started = Instant::now();
    // Reaped by `wait`, which also reads the child's peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_majlis"))
        .arg("build")
        .arg(input)
        .arg("-o")
        .arg(output)
        .args(["-q", "-j", &jobs.to_string()])
        .spawn()
        .expect("majlis starts");
    let (status, rss) = wait(child.id());
    let secs = started.elapsed().as_secs_f64();
    assert!(status == 0, "majlis build exited with {status}");
    let json = std::fs::read(output).expect("the output is there");
    (secs, rss, json)
}

/// Waits for process `pid`: its exit status and peak resident KiB.
fn wait(pid: u32) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; pid is our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid as i32, &mut status, 0, &mut usage) };
    assert!(got == pid as i32, "wait4 failed");
    (libc::WEXITSTATUS(status), usage.ru_maxrss as u64)
}
