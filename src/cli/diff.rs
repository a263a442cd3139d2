//! `majlis diff OLD NEW`: what changed between two article sets.

use super::{ERROR, Reading, write_graph};
use majlis::diff::{Diff, diff, union};
use majlis::export::Format;
use majlis::graph::Graph;
use std::path::PathBuf;

/// Compare two article sets (files, folders, JSON Lines) or saved graphs.
///
/// Reports nodes and edges added and removed (attendance first: "Syria
/// attended the Amman meeting: new") and attributes that changed (status
/// planned → held, a date made more precise, weights). A meeting reported
/// on both sides is the same meeting even if one side knows only the month.
/// Exit status: 0 when the two agree, 1 when they differ, 2 on error.
#[derive(clap::Args)]
pub struct Args {
    /// The old side.
    old: PathBuf,
    /// The new side.
    new: PathBuf,
    /// text (a readable summary) or json (for scripts).
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    format: String,
    /// Also write the union graph, each node and edge marked added,
    /// removed, changed or same (.json, .graphml, .gexf, .dot, .svg, .png).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    reading: Reading,
}

pub fn run(args: Args) -> i32 {
    let (Some(old), Some(new)) = (
        args.reading.load(std::slice::from_ref(&args.old)),
        args.reading.load(std::slice::from_ref(&args.new)),
    ) else {
        return ERROR;
    };
    let d = diff(&old.graph, &new.graph);
    if let Some(path) = &args.output {
        let Some(format) = Format::from_path(path) else {
            eprintln!(
                "majlis: cannot tell the format of '{}'; use .json, .graphml, .gexf, .dot, .svg or .png",
                path.display()
            );
            return ERROR;
        };
        let g = union(&old.graph, &new.graph, &d);
        if let Err(e) = write_graph(&g, format, Some(path)) {
            eprintln!("majlis: {e}");
            return ERROR;
        }
    }
    if args.format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(&d).expect("diff serialises")
        );
    } else {
        print!("{}", summary(&d, &old.graph, &new.graph));
    }
    if d.is_empty() { 0 } else { 1 }
}

/// The diff as sentences a reader can scan.
fn summary(d: &Diff, old: &Graph, new: &Graph) -> String {
    let label = |id: &str| {
        new.node(id)
            .or_else(|| old.node(id))
            .map(|n| n.label_en.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut out = String::new();
    let edge_line = |e: &majlis::diff::EdgeKey, what: &str| {
        format!(
            "  {} {} {}: {what}   ({} -> {})\n",
            label(&e.source),
            e.kind,
            label(&e.target),
            e.source,
            e.target
        )
    };
    for e in &d.edges_added {
        out.push_str(&edge_line(e, "new"));
    }
    for e in &d.edges_removed {
        out.push_str(&edge_line(e, "gone"));
    }
    for n in &d.nodes_added {
        out.push_str(&format!("  {}: new   ({n})\n", label(n)));
    }
    for n in &d.nodes_removed {
        out.push_str(&format!("  {}: gone   ({n})\n", label(n)));
    }
    for c in &d.changes {
        out.push_str(&format!(
            "  {} {}: {} -> {}\n",
            c.item, c.field, c.old, c.new
        ));
    }
    out.push_str(&format!(
        "{} node(s) added, {} removed; {} edge(s) added, {} removed; {} change(s)\n",
        d.nodes_added.len(),
        d.nodes_removed.len(),
        d.edges_added.len(),
        d.edges_removed.len(),
        d.changes.len()
    ));
    out
}
