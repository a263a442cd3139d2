//! End-to-end throughput and peak memory of `majlis build` with JSON
//! output, run as a user runs it (the release binary, reading the
//! compressed corpus): on one core (`--jobs 1`, the process pinned to one
//! CPU, so reading and merging share it too), then `--jobs 1` and
//! `--jobs 2` free to use the machine.
//!
//!     cargo bench --bench end_to_end [-- CORPUS.jsonl.gz]
//!
//! The corpus defaults to `../shared/corpus/ant-news-2018.jsonl.gz`; it is
//! optional, and the bench says so and stops when it is missing. Each of
//! the three runs five times; the fastest is reported, with its CPU time,
//! and the peak resident memory of all five. The outputs of every run are
//! compared: they must be the same bytes.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it only checks
//! that a build of the seeds runs.

use majlis::input::{Item, read_inputs};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const CORPUS: &str = "../shared/corpus/ant-news-2018.jsonl.gz";
const RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let benching = args.iter().any(|a| a == "--bench");
    let out = tempfile::tempdir().expect("a temporary folder");
    let out = out.path();
    if !benching {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let (_, json) = build(&seeds, 1, true, &out.join("seeds.json"));
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
    let mut one_core = None;
    let runs = [
        ("one core", 1, true),
        ("--jobs 1", 1, false),
        ("--jobs 2", 2, false),
    ];
    for (name, jobs, pinned) in runs.into_iter().filter(|r| r.1 <= cores) {
        let mut best = Run::default();
        for run in 0..RUNS {
            let output = out.join(format!("{name}-{run}.json"));
            let (r, json) = build(&corpus, jobs, pinned, &output);
            if best.secs == 0.0 || r.secs < best.secs {
                best = Run {
                    peak: best.peak.max(r.peak),
                    ..r
                };
            } else {
                best.peak = best.peak.max(r.peak);
            }
            match &first {
                None => first = Some(json),
                Some(f) => assert!(*f == json, "{name} run {run} wrote other bytes"),
            }
        }
        let speedup = one_core.map(|s: f64| format!(", {:.2}x one core", s / best.secs));
        if pinned {
            one_core = Some(best.secs);
        }
        println!(
            "{name:>8}: {:.2} s, {:.1} MB/s, {:.0} articles/s, {:.2} CPU s, peak {:.0} MB{}",
            best.secs,
            bytes as f64 / 1e6 / best.secs,
            articles as f64 / best.secs,
            best.cpu,
            best.peak as f64 / 1024.0,
            speedup.unwrap_or_default()
        );
    }
    println!("every run wrote the same bytes");
}

/// One build: wall and CPU seconds, peak resident KiB.
#[derive(Default, Clone, Copy)]
struct Run {
    secs: f64,
    cpu: f64,
    peak: u64,
}

/// Runs `majlis build INPUT -o OUTPUT -q -j JOBS`, pinned to the first CPU
/// when `pinned`; returns the run and the bytes written.
fn build(input: &Path, jobs: usize, pinned: bool, output: &Path) -> (Run, Vec<u8>) {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_majlis"));
    command
        .arg("build")
        .arg(input)
        .arg("-o")
        .arg(output)
        .args(["-q", "-j", &jobs.to_string()]);
    if pinned {
        // SAFETY: between fork and exec the closure only calls
        // sched_setaffinity on plain data it owns.
        unsafe {
            command.pre_exec(|| {
                let mut set: libc::cpu_set_t = std::mem::zeroed();
                libc::CPU_SET(0, &mut set);
                if libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let started = Instant::now();
    // Reaped by `wait`, which also reads the child's resource use.
    #[allow(clippy::zombie_processes)]
    let child = command.spawn().expect("majlis starts");
    let (status, usage) = wait(child.id());
    let secs = started.elapsed().as_secs_f64();
    assert!(status == 0, "majlis build exited with {status}");
    let json = std::fs::read(output).expect("the output is there");
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let run = Run {
        secs,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak: usage.ru_maxrss as u64,
    };
    (run, json)
}

/// Waits for process `pid`: its exit status and resource use.
fn wait(pid: u32) -> (i32, libc::rusage) {
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; pid is our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid as i32, &mut status, 0, &mut usage) };
    assert!(got == pid as i32, "wait4 failed");
    (libc::WEXITSTATUS(status), usage)
}
