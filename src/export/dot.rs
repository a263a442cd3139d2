//! DOT for Graphviz, written with dot-writer behind our own quoting:
//! dot-writer writes ids and attribute values as given, so every one goes
//! through [`quote`] first.

use super::NodeStyle;
use crate::graph::Graph;
use dot_writer::{Attributes, DotWriter};

/// Quotes and escapes a DOT id or attribute value.
///
/// # Example
/// ```
/// assert_eq!(majlis::export::dot_quote("a \"b\"\\"), "\"a \\\"b\\\"\\\\\"");
/// ```
pub fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

/// Escapes text for the inside of a quoted DOT string.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Wraps runs of Latin letters and digits in Unicode isolates so that a
/// date inside an Arabic label is not reordered.
fn isolate_ltr(label: &str) -> String {
    let mut out = String::with_capacity(label.len() + 8);
    let mut in_run = false;
    for c in label.chars() {
        let ltr = c.is_ascii_alphanumeric();
        if ltr && !in_run {
            out.push('\u{2066}');
            in_run = true;
        } else if !ltr && in_run && c != '-' && c != ' ' {
            out.push('\u{2069}');
            in_run = false;
        }
        out.push(c);
    }
    if in_run {
        out.push('\u{2069}');
    }
    out
}

/// Writes the graph as DOT: one cluster per node type, shapes and colours
/// per type, Arabic labels with the English name below.
///
/// # Example
/// ```
/// let dot = majlis::export::to_dot(&majlis::graph::Graph::new());
/// assert!(dot.starts_with("digraph"));
/// ```
pub fn to_dot(g: &Graph) -> String {
    let mut out = Vec::new();
    {
        let mut writer = DotWriter::from(&mut out);
        writer.set_pretty_print(true);
        let mut graph = writer.digraph();
        graph.graph_attributes().set("rankdir", "LR", false).set(
            "fontname",
            &quote("Noto Naskh Arabic"),
            false,
        );
        graph
            .node_attributes()
            .set("fontname", &quote("Noto Naskh Arabic"), false)
            .set("style", "filled", false);
        let mut kinds: Vec<&str> = g.nodes().map(|n| n.kind.as_str()).collect();
        kinds.dedup();
        for kind in kinds {
            let mut cluster = graph.cluster();
            cluster.set("label", &quote(kind), false);
            for n in g.nodes().filter(|n| n.kind == kind) {
                let style = NodeStyle::of(&n.kind).with_diff(n.diff.as_deref());
                // `\n` is DOT's own line break, so it goes in after escaping.
                let label = format!(
                    "\"{}\\n{}\"",
                    escape(&isolate_ltr(&n.label_ar)),
                    escape(&n.label_en)
                );
                cluster
                    .node_named(quote(&n.id))
                    .set("label", &label, false)
                    .set("shape", style.shape, false)
                    .set("fillcolor", &quote(&style.hex()), false);
            }
        }
        for e in g.edges() {
            let label = match &e.role {
                Some(role) => format!("{} ({role})", e.kind),
                None => e.kind.clone(),
            };
            let colour = NodeStyle::of("edge").with_diff(e.diff.as_deref()).hex();
            graph
                .edge(quote(&e.source), quote(&e.target))
                .attributes()
                .set("label", &quote(&label), false)
                .set("color", &quote(&colour), false)
                .set("weight", &e.weight.to_string(), false);
        }
    }
    String::from_utf8(out).expect("dot-writer writes UTF-8")
}
