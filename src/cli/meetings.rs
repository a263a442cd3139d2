//! `majlis meetings`: who met where, when, and who attended.

use super::{ERROR, OK, SOME_FAILED, Source};
use majlis::gazetteer::PartialDate;
use majlis::graph::{Graph, Node};
use majlis::query::{MeetingFilter, MeetingRow, meeting_rows};

/// List the meetings of the articles or saved graphs in INPUT...
///
/// One row per meeting: date, place (English and Arabic), status (held or
/// planned), kind, and who attended: countries (ISO3), then people, then
/// organisations. Filters combine: `--country TUR --since 2018-06` lists
/// the meetings Turkey attended or hosted from June 2018 on.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// Only meetings this country attended or hosted (ISO3, e.g. TUR).
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// Only meetings this person attended (id like person:mike-pompeo, or
    /// part of the English or Arabic name).
    #[arg(long, value_name = "NAME")]
    person: Option<String>,
    /// Only meetings this organisation attended (id or part of its name).
    #[arg(long, value_name = "NAME")]
    organisation: Option<String>,
    /// Only meetings in this place (English or Arabic name).
    #[arg(long, value_name = "PLACE")]
    place: Option<String>,
    /// Only meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD);
    /// meetings without a year are left out.
    #[arg(long, value_name = "DATE")]
    since: Option<PartialDate>,
    /// Only meetings on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<PartialDate>,
    /// Only held or only planned meetings.
    #[arg(long, value_parser = ["held", "planned"])]
    status: Option<String>,
    /// table (for reading), json (for scripts) or csv (for spreadsheets).
    #[arg(long, default_value = "table", value_parser = ["table", "json", "csv"])]
    format: String,
}

pub fn run(args: Args) -> i32 {
    let Some((graph, failed)) = args.source.load() else {
        return ERROR;
    };
    let filter = MeetingFilter {
        country: args.country.clone(),
        person: args.person.clone(),
        organisation: args.organisation.clone(),
        place: args.place.clone(),
        since: args.since,
        until: args.until,
        status: args.status.clone(),
    };
    let rows = meeting_rows(&graph, &filter);
    print!("{}", render(&graph, &rows, &args.format));
    if failed { SOME_FAILED } else { OK }
}

/// Meeting rows as a table, JSON or CSV.
pub fn render(g: &Graph, rows: &[MeetingRow], format: &str) -> String {
    match format {
        "json" => to_json(rows),
        "csv" => to_csv(rows),
        _ => to_table(g, rows),
    }
}

fn to_json(rows: &[MeetingRow]) -> String {
    let mut s = serde_json::to_string_pretty(rows).expect("rows serialise");
    s.push('\n');
    s
}

pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn to_csv(rows: &[MeetingRow]) -> String {
    let mut out = String::from(
        "id,date,place,place_ar,country,status,kind,countries,people,organisations,articles\n",
    );
    for r in rows {
        let fields = [
            r.id.clone(),
            r.date.clone().unwrap_or_default(),
            r.place.clone().unwrap_or_default(),
            r.place_ar.clone().unwrap_or_default(),
            r.country.clone().unwrap_or_default(),
            r.status.clone(),
            r.kind.clone(),
            r.countries.join(";"),
            r.people.join(";"),
            r.organisations.join(";"),
            r.articles.to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// Display width: Arabic marks take no column.
fn width(s: &str) -> usize {
    s.chars()
        .filter(|c| !matches!(*c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .count()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn to_table(g: &Graph, rows: &[MeetingRow]) -> String {
    let label = |id: &str| -> String {
        g.node(id)
            .map(|n: &Node| n.label_en.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut lines: Vec<[String; 5]> = vec![[
        "DATE".into(),
        "PLACE".into(),
        "STATUS".into(),
        "KIND".into(),
        "ATTENDED".into(),
    ]];
    for r in rows {
        let place = match (&r.place, &r.place_ar) {
            (Some(p), Some(a)) => format!("{p} {a}"),
            _ => r
                .country
                .clone()
                .map(|c| label(&format!("country:{c}")))
                .unwrap_or_default(),
        };
        let mut who: Vec<String> = r.countries.clone();
        who.extend(r.people.iter().map(|p| label(p)));
        who.extend(r.organisations.iter().map(|o| label(o)));
        lines.push([
            r.date.clone().unwrap_or_else(|| "-".into()),
            place,
            r.status.clone(),
            r.kind.clone(),
            if who.is_empty() {
                "-".into()
            } else {
                who.join(", ")
            },
        ]);
    }
    let widths: Vec<usize> = (0..4)
        .map(|i| lines.iter().map(|l| width(&l[i])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for l in &lines {
        for i in 0..4 {
            out.push_str(&pad(&l[i], widths[i]));
            out.push_str("  ");
        }
        out.push_str(&l[4]);
        out.push('\n');
    }
    out.push_str(&format!("{} meeting(s)\n", rows.len()));
    out
}
