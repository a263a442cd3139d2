//! The node-link JSON contract, readable by NetworkX 3.6 with
//! `node_link_graph(data, edges="edges")`.

use super::model::{Edge, Graph, Node};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The version of the JSON contract written in `graph.schema`.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Document {
    directed: bool,
    multigraph: bool,
    graph: Header,
    nodes: Vec<Node>,
    edges: Vec<KeyedEdge>,
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

/// The document as written: borrowed, so writing does not copy the graph.
#[derive(Serialize)]
struct DocumentRef<'g> {
    directed: bool,
    multigraph: bool,
    graph: Header,
    nodes: Vec<&'g Node>,
    edges: Vec<KeyedEdgeRef<'g>>,
}

#[derive(Serialize)]
struct KeyedEdgeRef<'g> {
    #[serde(flatten)]
    edge: &'g Edge,
    key: &'g str,
}

/// Writes the graph as pretty-printed node-link JSON (nodes sorted by id,
/// edges by source, target and type), ending with a newline, to `w`.
pub fn write_json(g: &Graph, mut w: impl std::io::Write) -> std::io::Result<()> {
    let doc = DocumentRef {
        directed: true,
        multigraph: true,
        graph: Header {
            generator: format!("majlis {}", env!("CARGO_PKG_VERSION")),
            schema: SCHEMA_VERSION,
            articles: g.articles().len(),
            nodes: g.nodes().count(),
            edges: g.edges().count(),
            article_ids: g.articles().clone(),
        },
        nodes: g.nodes().collect(),
        edges: g
            .edges()
            .map(|e| KeyedEdgeRef {
                key: &e.kind,
                edge: e,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut w, &doc)?;
    w.write_all(b"\n")
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
    Graph::from_parts(
        doc.nodes,
        doc.edges.into_iter().map(|k| k.edge).collect(),
        doc.graph.article_ids,
    )
}
