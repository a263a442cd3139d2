//! `majlis gazetteer …`: the curation tools.

use super::{OK, SOME_FAILED};
use majlis::gazetteer::{Severity, check};
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
}

pub fn run(command: Command) -> i32 {
    match command {
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
