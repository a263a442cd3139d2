//! `majlis eval`: scores against gold annotations.

use super::{ERROR, OK, load_gazetteer};
use majlis::eval::evaluate;
use majlis::extract::Extractor;
use std::path::PathBuf;

/// Score extraction against a gold file (kg-gold/1).
///
/// Builds each gold article alone from ARTICLES_DIR and prints precision,
/// recall and F1 per category (countries, persons, organisations), then
/// every forbidden hit, miss and false hit, then the checks on all articles
/// together. See tests/fixtures/eval/README.md for the gold format.
#[derive(clap::Args)]
pub struct Args {
    /// The gold file (kg-gold/1 JSON).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// The folder holding the gold's article files.
    #[arg(value_name = "ARTICLES_DIR")]
    articles: PathBuf,
    /// text (a table and lists) or json (for scripts and tests).
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    format: String,
    /// Extra gazetteer folder, as for `build`.
    #[arg(long, value_name = "DIR")]
    gazetteer: Option<PathBuf>,
    /// Score without the built-in people list (titles and countries left),
    /// to measure what extraction finds on its own.
    #[arg(long, hide = true)]
    without_people: bool,
}

pub fn run(args: Args) -> i32 {
    let gold = match std::fs::read_to_string(&args.gold) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("majlis: cannot read '{}': {e}", args.gold.display());
            return ERROR;
        }
    };
    let Some(mut gazetteer) = load_gazetteer(args.gazetteer.as_deref()) else {
        return ERROR;
    };
    if args.without_people {
        gazetteer = gazetteer.without(majlis::gazetteer::EntityKind::Person);
    }
    let extractor = Extractor::new(gazetteer);
    match evaluate(&gold, &args.articles, &extractor) {
        Ok(report) => {
            if args.format == "json" {
                print!("{}", report.to_json());
            } else {
                print!("{}", report.to_text());
            }
            for u in &report.unreadable {
                eprintln!(
                    "majlis: {}: gold article not readable",
                    args.articles.join(u).display()
                );
            }
            if report.unreadable.is_empty() {
                OK
            } else {
                super::SOME_FAILED
            }
        }
        Err(e) => {
            eprintln!("majlis: {}: {e}", args.gold.display());
            ERROR
        }
    }
}
