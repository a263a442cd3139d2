//! Writing the graph: node-link JSON, GraphML and DOT. Every format reads
//! the same [`Graph`] and writes deterministic bytes.

mod dot;
mod filter;
mod gexf;
mod graphml;
mod neo4j;

pub use dot::{quote as dot_quote, to_dot};
pub use filter::Filter;
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use neo4j::{import_command, to_neo4j};

use crate::graph::{Graph, to_json};
use std::path::Path;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Node-link JSON (the contract; NetworkX `node_link_graph`).
    Json,
    /// GraphML (Gephi, yEd, NetworkX `read_graphml`).
    Graphml,
    /// Graphviz DOT.
    Dot,
    /// GEXF 1.3 (Gephi, with a timeline).
    Gexf,
    /// CSV files for neo4j-admin import (`-o` names a folder).
    Neo4j,
    /// A picture, SVG, drawn by Graphviz.
    Svg,
    /// A picture, PNG, drawn by Graphviz.
    Png,
}

impl Format {
    /// The format a file name asks for, by its extension.
    ///
    /// # Example
    /// ```
    /// use majlis::export::Format;
    /// assert_eq!(Format::from_path("g.graphml".as_ref()), Some(Format::Graphml));
    /// assert_eq!(Format::from_path("g.txt".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "graphml" => Some(Format::Graphml),
            "dot" | "gv" => Some(Format::Dot),
            "gexf" => Some(Format::Gexf),
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    /// Renders the graph in a text format; `None` for the formats that are
    /// files of another kind (pictures, Neo4j folders): see [`render_picture`]
    /// and [`to_neo4j`].
    pub fn render(self, g: &Graph) -> Option<String> {
        Some(match self {
            Format::Json => to_json(g),
            Format::Graphml => to_graphml(g),
            Format::Dot => to_dot(g),
            Format::Gexf => to_gexf(g),
            Format::Neo4j | Format::Svg | Format::Png => return None,
        })
    }
}

/// Draws the graph with Graphviz's `dot` (cairo renderer, which shapes
/// Arabic) as SVG or PNG bytes. Says what to install when `dot` is missing.
pub fn render_picture(g: &Graph, format: Format) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let kind = match format {
        Format::Png => "-Tpng:cairo",
        _ => "-Tsvg",
    };
    let mut child = std::process::Command::new("dot")
        .arg(kind)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|_| {
            "drawing needs Graphviz's `dot`: install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or write .dot and render it elsewhere".to_string()
        })?;
    let dot = to_dot(g);
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(dot.as_bytes())
        .map_err(|e| format!("dot: {e}"))?;
    let out = child.wait_with_output().map_err(|e| format!("dot: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "dot failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

/// How a node type is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeStyle {
    /// Colour as red, green, blue.
    pub rgb: (u8, u8, u8),
    /// Graphviz shape.
    pub shape: &'static str,
}

impl NodeStyle {
    /// The style of a node type (`country`, `person`, …).
    pub fn of(kind: &str) -> NodeStyle {
        let (rgb, shape) = match kind {
            "country" => ((70, 130, 180), "box"),
            "person" => ((240, 170, 60), "ellipse"),
            "organisation" => ((120, 190, 120), "hexagon"),
            "meeting" => ((200, 80, 80), "doubleoctagon"),
            _ => ((170, 170, 170), "plain"),
        };
        NodeStyle { rgb, shape }
    }

    /// The style with its colour replaced by a diff's: added green,
    /// removed red, changed orange, same grey.
    pub fn with_diff(self, diff: Option<&str>) -> NodeStyle {
        let rgb = match diff {
            Some("added") => (60, 170, 80),
            Some("removed") => (210, 60, 60),
            Some("changed") => (240, 150, 30),
            Some(_) => (190, 190, 190),
            None => return self,
        };
        NodeStyle { rgb, ..self }
    }

    /// The colour as `#rrggbb`.
    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.rgb.0, self.rgb.1, self.rgb.2)
    }
}

/// Removes characters XML 1.0 forbids (most C0 controls).
pub(crate) fn clean_xml(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}
