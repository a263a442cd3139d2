//! `majlis gazetteer …`: the curation tools.

use super::{ERROR, OK, SOME_FAILED, load_gazetteer, write_atomically};
use majlis::curate::{Stats, Suggestions};
use majlis::extract::Extractor;
use majlis::gazetteer::{Severity, check};
use majlis::input::{Item, read_inputs};
use std::path::PathBuf;

/// Inspect the gazetteers.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Validate the built-in data and, when given, a user's folder:
    /// duplicate ids, aliases shared between entities (and how each is
    /// resolved), unknown country codes and titles, bad dates. Every
    /// problem names its file and line; the exit status is 1 on errors.
    Check {
        /// A folder of gazetteer files (countries.tsv, people.tsv, …).
        dir: Option<PathBuf>,
        /// Show warnings (shared aliases) too, not only errors.
        #[arg(long)]
        warnings: bool,
    },
    /// Scan articles for officials the gazetteer does not know (found after
    /// their titles) and print them as people.tsv lines, each with its
    /// counts, dates and two example quotes in comments: accepting one is a
    /// copy. Also lists nisba-like words after titles that name no known
    /// country.
    Suggest {
        /// Article files, folders, JSON Lines.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Only officials mentioned at least N times.
        #[arg(long, default_value_t = 5, value_name = "N")]
        min_count: usize,
        /// Write to FILE instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Extra gazetteer folder, as for `build`.
        #[arg(long, value_name = "DIR")]
        gazetteer: Option<PathBuf>,
    },
    /// Per gazetteer entry: how often it matched, in how many articles, by
    /// which alias; then the entries that never matched (dead entries).
    Stats {
        /// Article files, folders, JSON Lines.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Extra gazetteer folder, as for `build`.
        #[arg(long, value_name = "DIR")]
        gazetteer: Option<PathBuf>,
    },
}

/// Runs `each` on the extraction of every article in `inputs`; returns
/// (articles, problems).
fn scan(
    inputs: &[PathBuf],
    extractor: &Extractor,
    each: &mut dyn FnMut(&majlis::extract::Extraction),
) -> (usize, usize) {
    let (mut read, mut problems) = (0, 0);
    read_inputs(inputs, &mut |item| match item {
        Item::Article(a) => {
            each(&extractor.extract(&a));
            read += 1;
        }
        Item::Problem(p) => {
            eprintln!("majlis: {p}");
            problems += 1;
        }
    });
    (read, problems)
}

pub fn run(command: Command) -> i32 {
    match command {
        Command::Suggest {
            inputs,
            min_count,
            output,
            gazetteer,
        } => {
            let Some(g) = load_gazetteer(gazetteer.as_deref()) else {
                return ERROR;
            };
            let extractor = Extractor::new(g);
            let mut s = Suggestions::default();
            let (read, problems) = scan(&inputs, &extractor, &mut |x| s.add(x, &extractor));
            if read == 0 {
                eprintln!("majlis: no article was read");
                return ERROR;
            }
            let text = s.to_people_tsv(min_count);
            match output {
                Some(p) => {
                    if let Err(e) = write_atomically(&p, &text) {
                        eprintln!("majlis: cannot write '{}': {e}", p.display());
                        return ERROR;
                    }
                }
                None => print!("{text}"),
            }
            if problems > 0 { SOME_FAILED } else { OK }
        }
        Command::Stats { inputs, gazetteer } => {
            let Some(g) = load_gazetteer(gazetteer.as_deref()) else {
                return ERROR;
            };
            let extractor = Extractor::new(g);
            let mut st = Stats::default();
            let (read, problems) = scan(&inputs, &extractor, &mut |x| st.add(x));
            if read == 0 {
                eprintln!("majlis: no article was read");
                return ERROR;
            }
            print!("{}", st.report(&extractor));
            if problems > 0 { SOME_FAILED } else { OK }
        }
        Command::Check { dir, warnings } => {
            let findings = check(dir.as_deref());
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let warned = findings.len() - errors;
            for f in &findings {
                if warnings || f.severity == Severity::Error {
                    println!("{f}");
                }
            }
            eprintln!(
                "majlis: gazetteer check: {errors} error(s), {warned} warning(s){}",
                if warnings || warned == 0 {
                    ""
                } else {
                    " (show them with --warnings)"
                }
            );
            if errors > 0 { SOME_FAILED } else { OK }
        }
    }
}
