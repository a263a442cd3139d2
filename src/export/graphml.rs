//! GraphML for Gephi, yEd, NetworkX and Cytoscape.

use super::{NodeStyle, clean_xml};
use crate::graph::Graph;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::io::Cursor;

/// One GraphML attribute: key id (also its name), domain, type.
const NODE_KEYS: [(&str, &str); 18] = [
    ("type", "string"),
    ("label", "string"),
    ("label_ar", "string"),
    ("label_en", "string"),
    ("iso3", "string"),
    ("place", "string"),
    ("country", "string"),
    ("date", "string"),
    ("status", "string"),
    ("kind", "string"),
    ("mentions", "int"),
    ("articles", "int"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("r", "int"),
    ("g", "int"),
    ("b", "int"),
    ("diff", "string"),
];
const EDGE_KEYS: [(&str, &str); 6] = [
    ("edge_type", "string"),
    ("edge_date", "string"),
    ("weight", "double"),
    ("role", "string"),
    ("edge_articles", "int"),
    ("edge_diff", "string"),
];

/// Writes the graph as GraphML: typed keys declared before the graph,
/// named key ids, directed edges.
///
/// # Example
/// ```
/// let xml = majlis::export::to_graphml(&majlis::graph::Graph::new());
/// assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
/// ```
pub fn to_graphml(g: &Graph) -> String {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    let io = |r: std::io::Result<()>| r.expect("writing to memory cannot fail");
    io(w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))));
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute((
        "xsi:schemaLocation",
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    ));
    io(w.write_event(Event::Start(root)));
    for (domain, keys) in [("node", &NODE_KEYS[..]), ("edge", &EDGE_KEYS[..])] {
        for (id, ty) in keys {
            let name = id.strip_prefix("edge_").unwrap_or(id);
            let mut key = BytesStart::new("key");
            key.push_attribute(("id", *id));
            key.push_attribute(("for", domain));
            key.push_attribute(("attr.name", name));
            key.push_attribute(("attr.type", *ty));
            io(w.write_event(Event::Empty(key)));
        }
    }
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "majlis"));
    graph.push_attribute(("edgedefault", "directed"));
    io(w.write_event(Event::Start(graph)));
    for n in g.nodes() {
        let mut node = BytesStart::new("node");
        node.push_attribute(("id", n.id.as_str()));
        io(w.write_event(Event::Start(node)));
        let (r, gr, b) = NodeStyle::of(&n.kind).with_diff(n.diff.as_deref()).rgb;
        let values = [
            ("type", n.kind.clone()),
            ("label", n.label.clone()),
            ("label_ar", n.label_ar.clone()),
            ("label_en", n.label_en.clone()),
            ("iso3", n.iso3.clone().unwrap_or_default()),
            ("place", n.place.clone().unwrap_or_default()),
            ("country", n.country.clone().unwrap_or_default()),
            ("date", n.date.clone().unwrap_or_default()),
            ("status", n.status.clone().unwrap_or_default()),
            ("kind", n.kind_of_meeting.clone().unwrap_or_default()),
            ("mentions", n.mentions.to_string()),
            ("articles", n.articles.len().to_string()),
            ("first_seen", n.first_seen.clone().unwrap_or_default()),
            ("last_seen", n.last_seen.clone().unwrap_or_default()),
            ("r", r.to_string()),
            ("g", gr.to_string()),
            ("b", b.to_string()),
            ("diff", n.diff.clone().unwrap_or_default()),
        ];
        for (key, value) in values {
            if !value.is_empty() {
                data(&mut w, key, &value);
            }
        }
        io(w.write_event(Event::End(BytesEnd::new("node"))));
    }
    for e in g.edges() {
        let mut edge = BytesStart::new("edge");
        edge.push_attribute(("source", e.source.as_str()));
        edge.push_attribute(("target", e.target.as_str()));
        io(w.write_event(Event::Start(edge)));
        data(&mut w, "edge_type", &e.kind);
        if let Some(d) = g.node(&e.target).and_then(|n| n.date.as_deref()) {
            data(&mut w, "edge_date", d);
        }
        data(&mut w, "weight", &format!("{:.1}", e.weight as f64));
        if let Some(role) = &e.role {
            data(&mut w, "role", role);
        }
        data(&mut w, "edge_articles", &e.articles.len().to_string());
        if let Some(d) = &e.diff {
            data(&mut w, "edge_diff", d);
        }
        io(w.write_event(Event::End(BytesEnd::new("edge"))));
    }
    io(w.write_event(Event::End(BytesEnd::new("graph"))));
    io(w.write_event(Event::End(BytesEnd::new("graphml"))));
    let mut s = String::from_utf8(w.into_inner().into_inner()).expect("quick-xml writes UTF-8");
    s.push('\n');
    s
}

fn data(w: &mut Writer<Cursor<Vec<u8>>>, key: &str, value: &str) {
    let clean = clean_xml(value);
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&clean))
        .expect("writing to memory cannot fail");
}
