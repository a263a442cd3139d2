//! `majlis build`: articles in, one graph out.

use super::{ERROR, OK, Run, SOME_FAILED, load_gazetteer, load_inputs_with, write_graph};
use majlis::export::{Filter, Format};
use majlis::extract::Extractor;
use majlis::gazetteer::PartialDate;
use majlis::input::EXTENSIONS;
use std::path::PathBuf;
use std::time::Instant;

/// Build the graph of the articles in INPUT... and write it.
///
/// Inputs are text files (.txt, one article each; its id is the path
/// relative to the argument; UTF-8, UTF-16 or Windows-1256), HTML pages
/// (.html, .htm: the article text, without scripts, menus and footers), JSON Lines (.jsonl, .jsonl.gz; one article per
/// line with "id", "text" and optional "title", "published", "source",
/// "url"), folders of them, walked recursively in sorted order, and graphs
/// saved by an earlier `majlis build -o X.json`, merged in. A file
/// or line that cannot be read is reported on stderr with its name (and
/// line) and skipped; the rest is still processed and the exit status is 1.
#[derive(clap::Args)]
pub struct Args {
    /// Article files and folders.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output file; the format follows its extension (.json, .graphml,
    /// .gexf, .dot, .svg, .png; a folder with --format neo4j). Without it,
    /// JSON goes to stdout. Files are written whole or not at all.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format, when the extension does not say or to override it.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// A folder of extra gazetteer files (countries.tsv, people.tsv, …, same
    /// columns as data/); its entries are added to the built-in ones.
    #[arg(long, value_name = "DIR")]
    gazetteer: Option<PathBuf>,
    /// Publication date for articles that do not carry one (text files),
    /// as YYYY-MM-DD; resolves names like الشرع to who held office then.
    #[arg(long, value_name = "DATE")]
    date: Option<PartialDate>,
    /// Print nothing on stderr but errors (no progress bar, no summary).
    #[arg(short, long)]
    quiet: bool,
    /// Threads for extraction and for printing the graph (0 = all cores);
    /// reading and merging run beside them on a thread each. The output is
    /// the same for any number.
    #[arg(short, long, default_value_t = 0, value_name = "N")]
    jobs: usize,
    /// Read bytes that do not decode as U+FFFD instead of skipping the
    /// file.
    #[arg(long)]
    lossy: bool,
    /// Keep only these node types (comma-separated: country, person,
    /// organisation, meeting).
    #[arg(long, value_delimiter = ',', value_name = "TYPES")]
    types: Option<Vec<String>>,
    /// Keep only meetings on or after this date (YYYY[-MM[-DD]]).
    #[arg(long, value_name = "DATE")]
    since: Option<PartialDate>,
    /// Keep only meetings on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<PartialDate>,
    /// Keep only edges supported by at least N articles.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_weight: usize,
    /// Drop nodes left without edges.
    #[arg(long)]
    without_isolated: bool,
}

impl Args {
    fn filter(&self) -> Filter {
        Filter {
            types: self.types.clone(),
            since: self.since,
            until: self.until,
            min_weight: self.min_weight,
            without_isolated: self.without_isolated,
        }
    }
}

pub fn run(args: Args) -> i32 {
    let format = match (args.format, &args.output) {
        (Some(f), _) => f,
        (None, None) => Format::Json,
        (None, Some(path)) => match Format::from_path(path) {
            Some(f) => f,
            None => {
                eprintln!(
                    "majlis: cannot tell the format of '{}' from its extension; use .json, .graphml, .gexf, .dot, .svg or .png, or --format",
                    path.display()
                );
                return ERROR;
            }
        },
    };
    let Some(gazetteer) = load_gazetteer(args.gazetteer.as_deref()) else {
        return ERROR;
    };
    let started = Instant::now();
    let extractor = Extractor::new(gazetteer);
    let loaded = load_inputs_with(
        &args.inputs,
        &extractor,
        args.date,
        &Run {
            jobs: args.jobs,
            progress: !args.quiet,
            lossy: args.lossy,
        },
    );
    let read = loaded.articles;
    if read == 0 {
        eprintln!(
            "majlis: no article was read; majlis reads {EXTENSIONS} files and folders of them"
        );
        return ERROR;
    }
    // Filtering copies the graph: only when there is something to cut.
    let filter = args.filter();
    let filtered;
    let graph = if filter.is_empty() {
        &loaded.graph
    } else {
        filtered = filter.apply(&loaded.graph);
        &filtered
    };
    if let Err(e) = write_graph(graph, format, args.output.as_deref()) {
        eprintln!("majlis: {e}");
        return ERROR;
    }
    if !args.quiet {
        let mut by_type = std::collections::BTreeMap::<&str, usize>::new();
        for n in graph.nodes() {
            *by_type.entry(n.kind.as_str()).or_default() += 1;
        }
        let counts: Vec<String> = by_type.iter().map(|(k, v)| format!("{v} {k}")).collect();
        eprintln!(
            "majlis: {read} article(s) read, {}; {} nodes ({}), {} edges; {:.1}s{}",
            loaded.problems_summary(),
            graph.nodes().count(),
            counts.join(", "),
            graph.edges().count(),
            started.elapsed().as_secs_f64(),
            args.output
                .as_ref()
                .map(|p| format!("; wrote {}", p.display()))
                .unwrap_or_default()
        );
    }
    if loaded.had_problems() {
        SOME_FAILED
    } else {
        OK
    }
}
