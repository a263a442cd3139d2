//! Questions to the graph: `attendance`, `met`, `show`, `explain`.

use super::meetings::csv_field;
use super::{ERROR, OK, SOME_FAILED, Source};
use majlis::gazetteer::PartialDate;
use majlis::graph::Graph;
use majlis::query::{MeetingFilter, attendance_csv, between, met, resolve};

/// The country × meeting matrix: one row per meeting (with date, place and
/// host), one column per country, 1 where it attended. CSV opens in a
/// spreadsheet.
#[derive(clap::Args)]
pub struct AttendanceArgs {
    #[command(flatten)]
    source: Source,
    /// Only meetings on or after this date.
    #[arg(long, value_name = "DATE")]
    since: Option<PartialDate>,
    /// Only meetings on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<PartialDate>,
    /// csv (the matrix), table (the matrix, aligned for reading) or json
    /// (one object per meeting with its countries).
    #[arg(long, default_value = "csv", value_parser = ["csv", "table", "json"])]
    format: String,
}

/// Meetings that both A and B attended (countries or people, by ISO3,
/// id, or English or Arabic name), e.g. `majlis met TUR IRQ seeds`.
#[derive(clap::Args)]
pub struct MetArgs {
    /// The first country or person.
    a: String,
    /// The second.
    b: String,
    #[command(flatten)]
    source: Source,
    /// table, json or csv.
    #[arg(long, default_value = "table", value_parser = ["table", "json", "csv"])]
    format: String,
}

/// Everything about one node: names, roles, meetings, neighbours,
/// articles, e.g. `majlis show بومبيو seeds`.
#[derive(clap::Args)]
pub struct ShowArgs {
    /// An id, ISO3 code, or English or Arabic name.
    node: String,
    #[command(flatten)]
    source: Source,
    /// text, json, or csv (one row per edge: source, type, target, role,
    /// weight).
    #[arg(long, default_value = "text", value_parser = ["text", "json", "csv"])]
    format: String,
}

/// The edges between two nodes, with every evidence quote, its article
/// and offsets: why the graph says Lebanon attended the Amman meeting.
#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The first node (id, ISO3 or name).
    a: String,
    /// The second node.
    b: String,
    #[command(flatten)]
    source: Source,
    /// text or json.
    #[arg(long, default_value = "text", value_parser = ["text", "json", "csv"])]
    format: String,
}

fn named(g: &Graph, name: &str) -> Option<String> {
    match resolve(g, name) {
        Ok(id) => Some(id),
        Err(e) => {
            eprintln!("majlis: {e}");
            None
        }
    }
}

fn status(failed: bool) -> i32 {
    if failed { SOME_FAILED } else { OK }
}

pub fn attendance(args: AttendanceArgs) -> i32 {
    let Some((g, failed)) = args.source.load() else {
        return ERROR;
    };
    let filter = MeetingFilter {
        since: args.since,
        until: args.until,
        ..MeetingFilter::default()
    };
    if args.format == "json" {
        let rows = majlis::query::meeting_rows(&g, &filter);
        let doc: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({"meeting": r.id, "date": r.date, "place": r.place,
                    "host": r.country, "countries": r.countries})
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&doc).expect("serialises")
        );
    } else if args.format == "table" {
        print!("{}", align(&attendance_csv(&g, &filter)));
    } else {
        print!("{}", attendance_csv(&g, &filter));
    }
    status(failed)
}

/// A CSV without quoted fields, as aligned columns.
fn align(csv: &str) -> String {
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|v| v.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in &rows {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, v)| format!("{v:<w$}", w = widths[c]))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub fn met_cmd(args: MetArgs) -> i32 {
    let Some((g, failed)) = args.source.load() else {
        return ERROR;
    };
    let (Some(a), Some(b)) = (named(&g, &args.a), named(&g, &args.b)) else {
        return ERROR;
    };
    let rows = met(&g, &[a, b]);
    print!("{}", super::meetings::render(&g, &rows, &args.format));
    status(failed)
}

pub fn show(args: ShowArgs) -> i32 {
    let Some((g, failed)) = args.source.load() else {
        return ERROR;
    };
    let Some(id) = named(&g, &args.node) else {
        return ERROR;
    };
    let node = g.node(&id).expect("resolved ids exist");
    let edges: Vec<&majlis::graph::Edge> = g
        .edges()
        .filter(|e| e.source == id || e.target == id)
        .collect();
    if args.format == "json" {
        let doc = serde_json::json!({"node": node, "edges": edges});
        println!(
            "{}",
            serde_json::to_string_pretty(&doc).expect("serialises")
        );
        return status(failed);
    }
    let label = |id: &str| {
        g.node(id)
            .map(|n| format!("{} ({})", n.label_en, n.label_ar))
            .unwrap_or_else(|| id.to_string())
    };
    println!("{}  {}", node.id, node.kind);
    println!("  names:     {} / {}", node.label_en, node.label_ar);
    if !node.aliases_ar.is_empty() {
        let seen: Vec<&str> = node.aliases_ar.iter().map(String::as_str).collect();
        println!("  seen as:   {}", seen.join("، "));
    }
    for (k, v) in [
        ("date", &node.date),
        ("place", &node.place),
        ("host", &node.country),
        ("status", &node.status),
        ("kind", &node.kind_of_meeting),
    ] {
        if let Some(v) = v {
            println!("  {k}:{}{v}", " ".repeat(10 - k.len()));
        }
    }
    for e in edges
        .iter()
        .filter(|e| e.kind == "represents" && e.source == id)
    {
        println!(
            "  role:      {} of {}",
            e.role.as_deref().unwrap_or("official"),
            label(&e.target)
        );
    }
    let meetings: Vec<String> = edges
        .iter()
        .filter(|e| e.source == id && (e.kind == "attended" || e.kind == "hosted"))
        .map(|e| format!("{} {}", e.kind, label(&e.target)))
        .collect();
    if !meetings.is_empty() {
        println!("  meetings:");
        for m in meetings {
            println!("    {m}");
        }
    }
    let others: Vec<String> = edges
        .iter()
        .filter(|e| !(e.source == id && (e.kind == "attended" || e.kind == "hosted")))
        .filter(|e| !(e.kind == "represents" && e.source == id))
        .map(|e| {
            if e.source == id {
                format!("{} -> {}", e.kind, label(&e.target))
            } else {
                format!("{} <- {}", e.kind, label(&e.source))
            }
        })
        .collect();
    if !others.is_empty() {
        println!("  neighbours:");
        for o in others {
            println!("    {o}");
        }
    }
    println!(
        "  articles ({}): {}",
        node.articles.len(),
        node.articles.iter().cloned().collect::<Vec<_>>().join(", ")
    );
    status(failed)
}

pub fn explain(args: ExplainArgs) -> i32 {
    let Some((g, failed)) = args.source.load() else {
        return ERROR;
    };
    let (Some(a), Some(b)) = (named(&g, &args.a), named(&g, &args.b)) else {
        return ERROR;
    };
    let edges = between(&g, &a, &b);
    if args.format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(&edges).expect("serialises")
        );
        return status(failed);
    }
    if args.format == "csv" {
        println!("source,type,target,article,start,end,basis,text");
        for e in &edges {
            for ev in &e.evidence {
                println!(
                    "{},{},{},{},{},{},{},{}",
                    csv_field(&e.source),
                    e.kind,
                    csv_field(&e.target),
                    csv_field(&ev.article),
                    ev.start,
                    ev.end,
                    ev.basis.as_deref().unwrap_or(""),
                    csv_field(&ev.text)
                );
            }
        }
        return status(failed);
    }
    if edges.is_empty() {
        println!("no edge between {a} and {b}");
        return status(failed);
    }
    for e in edges {
        println!(
            "{} {} {}{}  (weight {})",
            e.source,
            e.kind,
            e.target,
            e.role
                .as_ref()
                .map(|r| format!(" as {r}"))
                .unwrap_or_default(),
            e.weight
        );
        for ev in &e.evidence {
            let basis = ev
                .basis
                .as_ref()
                .map(|b| format!(" [{b}]"))
                .unwrap_or_default();
            println!("  {}:{}-{}{basis}", ev.article, ev.start, ev.end);
            println!("    {}", ev.text.replace('\n', " "));
        }
    }
    status(failed)
}
