//! CSV files for `neo4j-admin database import full`: one node file per
//! label with its own id space, one relationship file per type and pair of
//! labels, typed columns, `;` between array items.

use crate::graph::Graph;
use std::collections::BTreeMap;

/// The Neo4j label of a node type.
fn label(kind: &str) -> &'static str {
    match kind {
        "country" => "Country",
        "person" => "Person",
        "organisation" => "Organisation",
        "meeting" => "Meeting",
        _ => "Entity",
    }
}

fn field(s: &str) -> String {
    // Neo4j reads "" inside quotes as one quote; line breaks stay inside quotes.
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The CSV files, by file name, sorted.
///
/// # Example
/// ```
/// let files = majlis::export::to_neo4j(&majlis::graph::Graph::new());
/// assert!(files.is_empty());
/// ```
pub fn to_neo4j(g: &Graph) -> BTreeMap<String, String> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for n in g.nodes() {
        let l = label(&n.kind);
        let file = files.entry(format!("nodes_{}.csv", l.to_lowercase())).or_insert_with(|| {
            format!(
                "id:ID({l}),label_ar,label_en,iso3,place,country,date,status,kind,mentions:int,articles:string[],:LABEL\n"
            )
        });
        let row = [
            field(&n.id),
            field(&n.label_ar),
            field(&n.label_en),
            field(n.iso3.as_deref().unwrap_or("")),
            field(n.place.as_deref().unwrap_or("")),
            field(n.country.as_deref().unwrap_or("")),
            field(n.date.as_deref().unwrap_or("")),
            field(n.status.as_deref().unwrap_or("")),
            field(n.kind_of_meeting.as_deref().unwrap_or("")),
            n.mentions.to_string(),
            field(&n.articles.iter().cloned().collect::<Vec<_>>().join(";")),
            l.to_string(),
        ];
        file.push_str(&row.join(","));
        file.push('\n');
    }
    let kind_of = |id: &str| g.node(id).map(|n| label(&n.kind)).unwrap_or("Entity");
    for e in g.edges() {
        let (sl, tl) = (kind_of(&e.source), kind_of(&e.target));
        let ty = e.kind.to_uppercase();
        let name = format!(
            "rels_{}_{}_{}.csv",
            e.kind,
            sl.to_lowercase(),
            tl.to_lowercase()
        );
        let file = files.entry(name).or_insert_with(|| {
            format!(":START_ID({sl}),:END_ID({tl}),role,weight:int,articles:string[],:TYPE\n")
        });
        let row = [
            field(&e.source),
            field(&e.target),
            field(e.role.as_deref().unwrap_or("")),
            e.weight.to_string(),
            field(&e.articles.iter().cloned().collect::<Vec<_>>().join(";")),
            ty,
        ];
        file.push_str(&row.join(","));
        file.push('\n');
    }
    files
}

/// The `neo4j-admin` command that imports the files in `dir`.
pub fn import_command(files: &BTreeMap<String, String>) -> String {
    let mut cmd = String::from("neo4j-admin database import full neo4j --overwrite-destination");
    for name in files.keys() {
        let flag = if name.starts_with("nodes_") {
            "--nodes"
        } else {
            "--relationships"
        };
        cmd.push_str(&format!(" {flag}={name}"));
    }
    cmd
}
