//! The node-link JSON contract, readable by NetworkX 3.6 with
//! `node_link_graph(data, edges="edges")`.

use super::model::{Edge, Graph, Node};
use crate::input::ArticleMeta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The version of the JSON contract written in `graph.schema`. Additions
/// that older readers can ignore (the `articles` list) keep the version;
/// only a change they would misread bumps it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Document {
    directed: bool,
    multigraph: bool,
    graph: Header,
    nodes: Vec<Node>,
    edges: Vec<KeyedEdge>,
    /// Absent from graphs written before articles kept their metadata;
    /// `graph.article_ids` still names them.
    #[serde(default)]
    articles: Vec<ArticleMeta>,
}

/// An edge with its multigraph key: a country may both host and attend a
/// meeting, two edges between one pair, told apart by their type.
#[derive(Serialize, Deserialize)]
struct KeyedEdge {
    #[serde(flatten)]
    edge: Edge,
    key: String,
}

#[derive(Serialize, Deserialize)]
struct Header {
    generator: String,
    schema: u32,
    articles: usize,
    nodes: usize,
    edges: usize,
    #[serde(default)]
    article_ids: BTreeSet<String>,
}

/// The start of the document as written; the three long lists follow it,
/// written element by element.
#[derive(Serialize)]
struct HeadRef {
    directed: bool,
    multigraph: bool,
    graph: Header,
}

#[derive(Serialize)]
struct KeyedEdgeRef<'g> {
    #[serde(flatten)]
    edge: &'g Edge,
    key: &'g str,
}

/// Writes the graph as pretty-printed node-link JSON (nodes sorted by id,
/// edges by source, target and type, then `articles`, each article's id,
/// date, source, address and encoding, sorted by id), ending with a
/// newline, to `w`.
pub fn write_json(g: &Graph, mut w: impl std::io::Write) -> std::io::Result<()> {
    let head = head(g);
    // The same bytes as serde_json's pretty printer gives the whole
    // document, but the lists (nearly all of it) are printed in parallel.
    let head = serde_json::to_vec_pretty(&head)?;
    w.write_all(&head[..head.len() - 2])?;
    let nodes: Vec<&Node> = g.nodes().collect();
    write_list(&mut w, "nodes", &nodes, |n| {
        n.evidence.len() + n.articles.len()
    })?;
    let edges: Vec<KeyedEdgeRef> = g
        .edges()
        .map(|e| KeyedEdgeRef {
            key: &e.kind,
            edge: e,
        })
        .collect();
    write_list(&mut w, "edges", &edges, |e| {
        e.edge.evidence.len() + e.edge.articles.len()
    })?;
    let articles: Vec<&ArticleMeta> = g.articles().values().collect();
    write_list(&mut w, "articles", &articles, |_| 0)?;
    w.write_all(b"\n}\n")
}

/// What the document says before its lists.
fn head(g: &Graph) -> HeadRef {
    HeadRef {
        directed: true,
        multigraph: true,
        graph: Header {
            generator: format!("majlis {}", env!("CARGO_PKG_VERSION")),
            schema: SCHEMA_VERSION,
            articles: g.articles().len(),
            nodes: g.nodes().count(),
            edges: g.edges().count(),
            article_ids: g.articles().keys().cloned().collect(),
        },
    }
}

/// Writes `,\n  "name": [...]` as the pretty printer would at the second
/// level: each element printed alone, its lines indented by four spaces
/// (strings hold no raw line breaks in JSON, so every one is layout).
/// `weight` tells roughly how long an element prints (a country node
/// carries tens of thousands of quotes, a person node a few): the list is
/// cut into pieces of about equal weight, printed in parallel a few at a
/// time.
fn write_list<T: Serialize + Sync>(
    w: &mut impl std::io::Write,
    name: &str,
    items: &[T],
    weight: impl Fn(&T) -> usize,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    // About 0.4 MB of JSON a piece; a few dozen at once keep memory flat.
    const PIECE: usize = 4_000;
    const AT_ONCE: usize = 16;
    write!(w, ",\n  \"{name}\": ")?;
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[\n")?;
    let mut pieces: Vec<&[T]> = Vec::new();
    let (mut from, mut load) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        load += 1 + weight(item);
        if load >= PIECE || i + 1 == items.len() {
            pieces.push(&items[from..=i]);
            (from, load) = (i + 1, 0);
        }
    }
    for (i, group) in pieces.chunks(AT_ONCE).enumerate() {
        let printed: Vec<Result<Vec<u8>, serde_json::Error>> = group
            .par_iter()
            .map(|piece| {
                let mut out = Vec::with_capacity(1 << 16);
                let mut one = Vec::with_capacity(1 << 12);
                for (k, item) in piece.iter().enumerate() {
                    if k > 0 {
                        out.extend_from_slice(b",\n");
                    }
                    out.extend_from_slice(b"    ");
                    one.clear();
                    serde_json::to_writer_pretty(&mut one, item)?;
                    for line in one.split_inclusive(|&b| b == b'\n') {
                        out.extend_from_slice(line);
                        if line.ends_with(b"\n") {
                            out.extend_from_slice(b"    ");
                        }
                    }
                }
                Ok(out)
            })
            .collect();
        for (k, p) in printed.into_iter().enumerate() {
            if i > 0 || k > 0 {
                w.write_all(b",\n")?;
            }
            w.write_all(&p?)?;
        }
    }
    w.write_all(b"\n  ]")
}

/// The graph as node-link JSON text; see [`write_json`].
///
/// # Example
/// ```
/// let g = majlis::graph::Graph::new();
/// let json = majlis::graph::to_json(&g);
/// assert!(json.starts_with("{\n  \"directed\": true"));
/// ```
pub fn to_json(g: &Graph) -> String {
    let mut out = Vec::new();
    write_json(g, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Reads a graph written by [`to_json`]. A file of another schema version
/// is refused with a message saying which.
pub fn from_json(s: &str) -> Result<Graph, String> {
    let v: serde_json::Value = serde_json::from_str(s).map_err(|e| format!("not JSON: {e}"))?;
    let schema = v
        .get("graph")
        .and_then(|g| g.get("schema"))
        .and_then(|s| s.as_u64());
    match schema {
        Some(n) if n == u64::from(SCHEMA_VERSION) => {}
        Some(n) => {
            return Err(format!(
                "graph schema version {n}, but this majlis reads version {SCHEMA_VERSION}; rebuild the graph with this version"
            ));
        }
        None => return Err("not a majlis graph (no graph.schema field)".into()),
    }
    let doc: Document =
        serde_json::from_value(v).map_err(|e| format!("not a majlis graph: {e}"))?;
    let articles = doc
        .articles
        .into_iter()
        .chain(doc.graph.article_ids.into_iter().map(ArticleMeta::new));
    Graph::from_parts(
        doc.nodes,
        doc.edges.into_iter().map(|k| k.edge).collect(),
        articles,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> Graph {
        let meta = |id: &str, encoding: Option<&str>| ArticleMeta {
            encoding: encoding.map(str::to_string),
            ..ArticleMeta::new(id)
        };
        let jsonl = ArticleMeta {
            published: Some("2018-02-19".into()),
            source: Some("ANT".into()),
            url: Some("https://example.org/1".into()),
            ..ArticleMeta::new("7")
        };
        Graph::from_parts(
            Vec::new(),
            Vec::new(),
            [
                meta("b.txt", Some("windows-1256")),
                jsonl,
                meta("a.txt", Some("UTF-16LE")),
            ],
        )
        .unwrap()
    }

    #[test]
    fn the_lists_printed_in_pieces_are_what_the_pretty_printer_gives() {
        #[derive(Serialize)]
        struct Whole<'g> {
            #[serde(flatten)]
            head: HeadRef,
            nodes: Vec<&'g Node>,
            edges: Vec<KeyedEdgeRef<'g>>,
            articles: Vec<&'g ArticleMeta>,
        }
        // Nodes heavy enough to fill more pieces than one parallel group
        // holds, and a quote with a line break and a quote mark.
        let nodes: Vec<Node> = (0..300)
            .map(|i| {
                let mut n = Node::new(format!("person:p{i:03}"), "person", "س".into(), "S".into());
                n.aliases_ar.insert(format!("اسم\n\"{i}\""));
                n.articles = (0..300).map(|a| format!("a{a}")).collect();
                n
            })
            .collect();
        let edges: Vec<Edge> = (1..300)
            .map(|i| Edge {
                source: format!("person:p{:03}", i - 1),
                target: format!("person:p{i:03}"),
                kind: "met".into(),
                role: None,
                roles: Default::default(),
                weight: 1,
                articles: ["a".to_string()].into(),
                evidence: Vec::new(),
                diff: None,
            })
            .collect();
        let g = Graph::from_parts(nodes, edges, graph().articles().values().cloned()).unwrap();
        let whole = Whole {
            head: head(&g),
            nodes: g.nodes().collect(),
            edges: g
                .edges()
                .map(|e| KeyedEdgeRef {
                    key: &e.kind,
                    edge: e,
                })
                .collect(),
            articles: g.articles().values().collect(),
        };
        let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        assert_eq!(to_json(&g), expected);
        let empty = Graph::new();
        assert!(to_json(&empty).contains("\"nodes\": [],\n  \"edges\": []"));
        from_json(&to_json(&empty)).unwrap();
    }

    #[test]
    fn articles_are_written_sorted_with_absent_fields_left_out() {
        let v: serde_json::Value = serde_json::from_str(&to_json(&graph())).unwrap();
        assert_eq!(
            v["articles"],
            serde_json::json!([
                {"id": "7", "published": "2018-02-19", "source": "ANT", "url": "https://example.org/1"},
                {"id": "a.txt", "encoding": "UTF-16LE"},
                {"id": "b.txt", "encoding": "windows-1256"},
            ])
        );
        assert_eq!(
            v["graph"]["article_ids"],
            serde_json::json!(["7", "a.txt", "b.txt"])
        );
    }

    #[test]
    fn articles_read_back_to_the_same_bytes() {
        let json = to_json(&graph());
        assert_eq!(to_json(&from_json(&json).unwrap()), json);
    }

    #[test]
    fn a_graph_written_before_articles_had_metadata_still_loads() {
        let mut v: serde_json::Value = serde_json::from_str(&to_json(&graph())).unwrap();
        v.as_object_mut().unwrap().remove("articles");
        let g = from_json(&v.to_string()).unwrap();
        let ids: Vec<&str> = g.articles().keys().map(String::as_str).collect();
        assert_eq!(ids, ["7", "a.txt", "b.txt"]);
        assert!(g.articles().values().all(|a| *a == ArticleMeta::new(&a.id)));
    }
}
