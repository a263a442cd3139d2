//! Argument parsing and dispatch; one file per subcommand.

mod ask;
mod build;
mod diff;
mod eval;
mod gazetteer;
mod meetings;

use clap::{Parser, Subcommand};
use majlis::export::Format;
use majlis::extract::{Extraction, Extractor};
use majlis::gazetteer::{Gazetteer, PartialDate};
use majlis::graph::{Graph, from_json};
use majlis::input::{Article, Item, Reason};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Exit status: everything went well.
pub const OK: i32 = 0;
/// Exit status: the job ran but some input failed (or, for `eval` and
/// `gazetteer check`, the check found problems).
pub const SOME_FAILED: i32 = 1;
/// Exit status: the job could not run.
pub const ERROR: i32 = 2;

#[derive(Parser)]
#[command(
    name = "majlis",
    version,
    about = "Arabic news articles in, one knowledge graph of countries, people and organisations out",
    long_about = "majlis reads Arabic news articles (text files, JSON Lines, folders of them), finds the \
countries, people and organisations they name with curated gazetteers, and merges everything into one \
graph with evidence (article, offsets, quote) for every node and edge.\n\n\
Start with:\n  majlis build seeds -o graph.graphml      open graph.graphml in Gephi\n  \
majlis build articles.jsonl.gz -o g.json  node-link JSON for scripts and NetworkX\n  \
majlis eval --gold gold.json articles/    precision and recall against annotations",
    after_help = "Exit status: 0 when all went well, 1 when some input was skipped (the rest is still \
processed) or a check failed, 2 when the command could not run."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Build(build::Args),
    Eval(eval::Args),
    Meetings(meetings::Args),
    Attendance(ask::AttendanceArgs),
    Met(ask::MetArgs),
    Show(ask::ShowArgs),
    Explain(ask::ExplainArgs),
    Diff(diff::Args),
    #[command(subcommand)]
    Gazetteer(gazetteer::Command),
}

/// Parses the command line and runs it; returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { ERROR } else { OK };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Build(a) => build::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Meetings(a) => meetings::run(a),
        Command::Attendance(a) => ask::attendance(a),
        Command::Met(a) => ask::met_cmd(a),
        Command::Show(a) => ask::show(a),
        Command::Explain(a) => ask::explain(a),
        Command::Diff(a) => diff::run(a),
        Command::Gazetteer(c) => gazetteer::run(c),
    }
}

/// How articles are read: the gazetteer to match with and the date of
/// undated text files. Shared by every command that reads articles.
#[derive(clap::Args)]
pub struct Reading {
    /// Extra gazetteer folder, as for `build`.
    #[arg(long, value_name = "DIR")]
    gazetteer: Option<PathBuf>,
    /// Publication date for text files that carry none.
    #[arg(long, value_name = "DATE")]
    date: Option<PartialDate>,
}

impl Reading {
    /// Reads `inputs` into one graph; `None` (after saying why) when the
    /// gazetteer is bad or nothing was read.
    pub fn load(&self, inputs: &[PathBuf]) -> Option<Loaded> {
        let gazetteer = load_gazetteer(self.gazetteer.as_deref())?;
        let loaded = load_inputs(inputs, &Extractor::new(gazetteer), self.date);
        if loaded.articles == 0 {
            eprintln!(
                "majlis: nothing was read from {}",
                inputs
                    .iter()
                    .map(|p| format!("'{}'", p.display()))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return None;
        }
        Some(loaded)
    }
}

/// Where a graph comes from: articles or saved graphs, as for `build`.
#[derive(clap::Args)]
pub struct Source {
    /// Article files, folders, JSON Lines, or graphs saved with `build -o X.json`.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    reading: Reading,
}

impl Source {
    /// The graph and whether any input was skipped; `None` after saying
    /// why when nothing could be read.
    pub fn load(&self) -> Option<(Graph, bool)> {
        let loaded = self.reading.load(&self.inputs)?;
        let problems = loaded.had_problems();
        Some((loaded.graph, problems))
    }
}

/// Loads the built-in gazetteer, plus the user's folder when given;
/// prints every problem and returns `None` if there were any.
pub fn load_gazetteer(dir: Option<&Path>) -> Option<Gazetteer> {
    let loaded = match dir {
        Some(d) => Gazetteer::with_dir(d),
        None => Gazetteer::builtin(),
    };
    match loaded {
        Ok(g) => Some(g),
        Err(errors) => {
            for e in &errors {
                eprintln!("majlis: gazetteer: {e}");
            }
            eprintln!("majlis: fix the gazetteer (see `majlis gazetteer check`) and run again");
            None
        }
    }
}

/// What reading the inputs gave.
pub struct Loaded {
    /// The merged graph, finished.
    pub graph: Graph,
    /// Articles read (from article files; a saved graph counts its own).
    pub articles: usize,
    /// Files or lines skipped or read with a warning, counted by reason.
    pub reasons: BTreeMap<Reason, usize>,
}

impl Loaded {
    /// Whether any file or line was skipped or read with a warning.
    pub fn had_problems(&self) -> bool {
        !self.reasons.is_empty()
    }

    /// The problems for a summary: "2 skipped (1 not a JSON article, 1
    /// undecodable bytes)", then the articles read with a warning when
    /// there are any ("1 with a warning (1 bad published date)").
    pub fn problems_summary(&self) -> String {
        let mut out = self.counted(true, "skipped");
        if self.reasons.keys().any(|r| !r.skips()) {
            out = format!("{out}, {}", self.counted(false, "with a warning"));
        }
        out
    }

    /// How many problems do (or do not) skip their input, and why, most
    /// frequent reason first.
    fn counted(&self, skips: bool, word: &str) -> String {
        let mut counts: Vec<(Reason, usize)> = self
            .reasons
            .iter()
            .filter(|(r, _)| r.skips() == skips)
            .map(|(&r, &n)| (r, n))
            .collect();
        counts.sort_by_key(|&(r, n)| (std::cmp::Reverse(n), r));
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        if total == 0 {
            return format!("0 {word}");
        }
        let each: Vec<String> = counts.iter().map(|(r, n)| format!("{n} {r}")).collect();
        format!("{total} {word} ({})", each.join(", "))
    }
}

/// Reads articles (files, folders, JSON Lines) and saved graphs (`.json`
/// written by `majlis build`) into one graph, reporting every problem on
/// stderr. `date` dates articles that carry none.
pub fn load_inputs(inputs: &[PathBuf], extractor: &Extractor, date: Option<PartialDate>) -> Loaded {
    load_inputs_with(inputs, extractor, date, &Run::default())
}

/// How to run a long read.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// Worker threads for extraction; 0 = all cores.
    pub jobs: usize,
    /// Show a progress bar on stderr (only when it is a terminal).
    pub progress: bool,
    /// Decode undecodable bytes with replacement characters.
    pub lossy: bool,
}

/// How many articles are extracted in parallel before their results are
/// merged, in input order, into the graph: memory stays bounded and the
/// output does not depend on the number of threads.
const BATCH: usize = 512;

/// As [`load_inputs`], with the threads, progress bar and decoding policy
/// of `run`.
pub fn load_inputs_with(
    inputs: &[PathBuf],
    extractor: &Extractor,
    date: Option<PartialDate>,
    run: &Run,
) -> Loaded {
    use rayon::prelude::*;
    let mut graph = Graph::new();
    let mut articles = 0usize;
    let mut reasons = BTreeMap::<Reason, usize>::new();
    let mut texts = Vec::new();
    for path in inputs {
        let is_graph = path.is_file()
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if !is_graph {
            texts.push(path.clone());
            continue;
        }
        match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|s| from_json(&s))
        {
            Ok(g) => {
                articles += g.articles().len();
                graph.merge(g);
            }
            Err(e) => {
                eprintln!("majlis: {}: {e}", path.display());
                *reasons.entry(Reason::BadGraph).or_default() += 1;
            }
        }
    }
    // One pool for the whole run, so writing the graph keeps to --jobs too.
    // A command that reads twice (diff) asks twice with the same number;
    // the first call sets it and the second's refusal changes nothing.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(run.jobs)
        .build_global();
    // The bar measures input bytes read (known in advance, so it has an
    // ETA) and says how many articles went through, and how fast.
    let bytes_read = Arc::new(AtomicU64::new(0));
    let bar = (run.progress && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(majlis::input::input_bytes(&texts));
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes}  {msg}  {elapsed} (ETA {eta})",
            )
            .expect("a valid template"),
        );
        b
    });
    // Three stages run at once: reading and decoding, extraction on the
    // pool, and merging into the graph, which is serial and would
    // otherwise leave the pool idle. Batches travel in input order.
    let options = majlis::input::ReadOptions {
        lossy: run.lossy,
        bytes_read: bar.is_some().then(|| bytes_read.clone()),
    };
    let (graph, (read, failed)) = std::thread::scope(|scope| {
        let (to_extract, batches) = std::sync::mpsc::sync_channel::<Vec<Article>>(2);
        let (to_merge, extracted) = std::sync::mpsc::sync_channel::<Vec<Extraction>>(2);
        let bar = &bar;
        let reader = scope.spawn(move || {
            let mut articles = 0usize;
            let mut reasons = BTreeMap::<Reason, usize>::new();
            let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
            majlis::input::read_inputs_with(&texts, &options, &mut |item| match item {
                Item::Article(mut article) => {
                    if article.published.is_none() {
                        article.published = date;
                    }
                    articles += 1;
                    batch.push(article);
                    if batch.len() == BATCH {
                        // The receiver only goes away if extraction died.
                        let _ = to_extract.send(std::mem::take(&mut batch));
                    }
                }
                Item::Problem(p) => {
                    if let Some(b) = bar {
                        b.suspend(|| eprintln!("majlis: {p}"));
                    } else {
                        eprintln!("majlis: {p}");
                    }
                    *reasons.entry(p.reason).or_default() += 1;
                }
            });
            if !batch.is_empty() {
                let _ = to_extract.send(batch);
            }
            (articles, reasons)
        });
        let bytes_read = &bytes_read;
        let merger = scope.spawn(move || {
            let mut merged = 0usize;
            for done in extracted {
                merged += done.len();
                for x in done {
                    graph.add(x, extractor.gazetteer());
                }
                if let Some(b) = bar {
                    b.set_position(bytes_read.load(Ordering::Relaxed));
                    let rate = merged as f64 / b.elapsed().as_secs_f64().max(1e-3);
                    b.set_message(format!("{merged} articles, {rate:.0}/s"));
                }
            }
            graph
        });
        for batch in batches {
            let done: Vec<Extraction> = batch.par_iter().map(|a| extractor.extract(a)).collect();
            if to_merge.send(done).is_err() {
                break;
            }
        }
        drop(to_merge);
        let counts = reader.join().expect("the reader does not panic");
        (merger.join().expect("merging does not panic"), counts)
    });
    let mut graph = graph;
    articles += read;
    for (reason, n) in failed {
        *reasons.entry(reason).or_default() += n;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    graph.finish();
    Loaded {
        graph,
        articles,
        reasons,
    }
}

/// Writes the graph in `format` to `path`, or to stdout without one. A
/// Neo4j export is a folder of CSV files; the import command is printed.
pub fn write_graph(g: &Graph, format: Format, path: Option<&Path>) -> Result<(), String> {
    let cannot = |p: &Path, e: std::io::Error| format!("cannot write '{}': {e}", p.display());
    match format {
        Format::Neo4j => {
            let dir = path.ok_or("--format neo4j needs -o DIR, the folder for the CSV files")?;
            std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
            let files = majlis::export::to_neo4j(g);
            for (name, content) in &files {
                let p = dir.join(name);
                write_atomically(&p, content).map_err(|e| cannot(&p, e))?;
            }
            eprintln!(
                "majlis: import with (from {}): {}",
                dir.display(),
                majlis::export::import_command(&files)
            );
            Ok(())
        }
        Format::Svg | Format::Png => {
            let bytes = majlis::export::render_picture(g, format)?;
            match path {
                Some(p) => write_atomically(p, &bytes).map_err(|e| cannot(p, e)),
                None => {
                    use std::io::Write;
                    std::io::stdout()
                        .write_all(&bytes)
                        .map_err(|e| e.to_string())
                }
            }
        }
        Format::Json if path.is_some() => {
            let p = path.expect("checked");
            write_atomically_with(p, |w| majlis::graph::write_json(g, w)).map_err(|e| cannot(p, e))
        }
        _ => {
            let text = format.render(g).expect("text formats render to text");
            match path {
                Some(p) => write_atomically(p, &text).map_err(|e| cannot(p, e)),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
    }
}

/// Like [`write_atomically`], for content produced by a writer (large
/// graphs are streamed, not built in memory first).
pub fn write_atomically_with(
    path: &Path,
    produce: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = temp_path(path);
    let result = (|| {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        produce(&mut w)?;
        std::io::Write::flush(&mut w)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    dir.join(format!(".{name}.majlis-tmp"))
}

/// Writes `content` to `path` through a temporary file in the same folder
/// and a rename, so an interrupted run never leaves half a file.
pub fn write_atomically(path: &Path, content: impl AsRef<[u8]>) -> std::io::Result<()> {
    let tmp = temp_path(path);
    std::fs::write(&tmp, content)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
