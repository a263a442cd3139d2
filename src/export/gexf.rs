//! GEXF 1.3 for Gephi: dynamic, so the timeline plays meetings in order,
//! with plain date attributes too for Gephi Lite, which ignores time.

use super::{NodeStyle, clean_xml};
use crate::extract::TextDate;
use crate::graph::{Edge, Graph, Node};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use std::io::Cursor;

const NODE_ATTRIBUTES: [(&str, &str); 13] = [
    ("type", "string"),
    ("label_ar", "string"),
    ("label_en", "string"),
    ("iso3", "string"),
    ("place", "string"),
    ("country", "string"),
    ("date", "string"),
    ("status", "string"),
    ("kind", "string"),
    ("mentions", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("diff", "string"),
];
const EDGE_ATTRIBUTES: [(&str, &str); 5] = [
    ("type", "string"),
    ("role", "string"),
    ("date", "string"),
    ("articles", "integer"),
    ("diff", "string"),
];

/// Writes the graph as GEXF 1.3.
///
/// # Example
/// ```
/// let xml = majlis::export::to_gexf(&majlis::graph::Graph::new());
/// assert!(xml.contains("<gexf xmlns=\"http://gexf.net/1.3\""));
/// ```
pub fn to_gexf(g: &Graph) -> String {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    let ok = |r: std::io::Result<()>| r.expect("writing to memory cannot fail");
    ok(w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))));
    let mut root = BytesStart::new("gexf");
    root.push_attribute(("xmlns", "http://gexf.net/1.3"));
    root.push_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"));
    root.push_attribute(("version", "1.3"));
    ok(w.write_event(Event::Start(root)));
    let mut meta = BytesStart::new("meta");
    meta.push_attribute(("lastmodifieddate", "2000-01-01"));
    ok(w.write_event(Event::Start(meta)));
    w.create_element("creator")
        .write_text_content(quick_xml::events::BytesText::new(&format!(
            "majlis {}",
            env!("CARGO_PKG_VERSION")
        )))
        .expect("writing to memory cannot fail");
    ok(w.write_event(Event::End(BytesEnd::new("meta"))));
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("mode", "dynamic"));
    graph.push_attribute(("defaultedgetype", "directed"));
    graph.push_attribute(("timeformat", "date"));
    ok(w.write_event(Event::Start(graph)));
    for (class, attrs) in [
        ("node", &NODE_ATTRIBUTES[..]),
        ("edge", &EDGE_ATTRIBUTES[..]),
    ] {
        let mut a = BytesStart::new("attributes");
        a.push_attribute(("class", class));
        ok(w.write_event(Event::Start(a)));
        for (id, ty) in attrs {
            let mut at = BytesStart::new("attribute");
            at.push_attribute(("id", *id));
            at.push_attribute(("title", *id));
            at.push_attribute(("type", *ty));
            ok(w.write_event(Event::Empty(at)));
        }
        ok(w.write_event(Event::End(BytesEnd::new("attributes"))));
    }
    ok(w.write_event(Event::Start(BytesStart::new("nodes"))));
    for n in g.nodes() {
        node(&mut w, n);
    }
    ok(w.write_event(Event::End(BytesEnd::new("nodes"))));
    ok(w.write_event(Event::Start(BytesStart::new("edges"))));
    for (i, e) in g.edges().enumerate() {
        edge(&mut w, g, i, e);
    }
    ok(w.write_event(Event::End(BytesEnd::new("edges"))));
    ok(w.write_event(Event::End(BytesEnd::new("graph"))));
    ok(w.write_event(Event::End(BytesEnd::new("gexf"))));
    let mut s = String::from_utf8(w.into_inner().into_inner()).expect("quick-xml writes UTF-8");
    s.push('\n');
    s
}

/// The days a partial date covers, as GEXF dates; none without a year.
fn span(date: &str) -> Option<(String, String)> {
    let d = TextDate::parse_iso(date)?;
    let y = d.year?;
    let (m1, m2) = d.month.map_or((1, 12), |m| (m, m));
    let last = |m: u8| match m {
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    };
    let (d1, d2) = d.day.map_or((1, last(m2)), |x| (x, x));
    Some((
        format!("{y:04}-{m1:02}-{d1:02}"),
        format!("{y:04}-{m2:02}-{d2:02}"),
    ))
}

fn attvalues(w: &mut Writer<Cursor<Vec<u8>>>, values: &[(&str, String)]) {
    let ok = |r: std::io::Result<()>| r.expect("writing to memory cannot fail");
    ok(w.write_event(Event::Start(BytesStart::new("attvalues"))));
    for (k, v) in values.iter().filter(|(_, v)| !v.is_empty()) {
        let mut a = BytesStart::new("attvalue");
        a.push_attribute(("for", *k));
        a.push_attribute(("value", clean_xml(v).as_str()));
        ok(w.write_event(Event::Empty(a)));
    }
    ok(w.write_event(Event::End(BytesEnd::new("attvalues"))));
}

fn spells(w: &mut Writer<Cursor<Vec<u8>>>, s: &(String, String)) {
    let ok = |r: std::io::Result<()>| r.expect("writing to memory cannot fail");
    ok(w.write_event(Event::Start(BytesStart::new("spells"))));
    let mut sp = BytesStart::new("spell");
    sp.push_attribute(("start", s.0.as_str()));
    sp.push_attribute(("end", s.1.as_str()));
    ok(w.write_event(Event::Empty(sp)));
    ok(w.write_event(Event::End(BytesEnd::new("spells"))));
}

fn node(w: &mut Writer<Cursor<Vec<u8>>>, n: &Node) {
    let ok = |r: std::io::Result<()>| r.expect("writing to memory cannot fail");
    let mut el = BytesStart::new("node");
    el.push_attribute(("id", n.id.as_str()));
    el.push_attribute(("label", clean_xml(&n.label).as_str()));
    // Meetings live on their own dates (spells); other nodes from their
    // first to their last appearance.
    let meeting_span = n.date.as_deref().and_then(span);
    if meeting_span.is_none()
        && let (Some(f), Some(l)) = (&n.first_seen, &n.last_seen)
    {
        el.push_attribute(("start", f.as_str()));
        el.push_attribute(("end", l.as_str()));
    }
    ok(w.write_event(Event::Start(el)));
    attvalues(
        w,
        &[
            ("type", n.kind.clone()),
            ("label_ar", n.label_ar.clone()),
            ("label_en", n.label_en.clone()),
            ("iso3", n.iso3.clone().unwrap_or_default()),
            ("place", n.place.clone().unwrap_or_default()),
            ("country", n.country.clone().unwrap_or_default()),
            ("date", n.date.clone().unwrap_or_default()),
            ("status", n.status.clone().unwrap_or_default()),
            ("kind", n.kind_of_meeting.clone().unwrap_or_default()),
            ("mentions", n.mentions.to_string()),
            ("first_seen", n.first_seen.clone().unwrap_or_default()),
            ("last_seen", n.last_seen.clone().unwrap_or_default()),
            ("diff", n.diff.clone().unwrap_or_default()),
        ],
    );
    if let Some(s) = &meeting_span {
        spells(w, s);
    }
    let (r, gr, b) = NodeStyle::of(&n.kind).with_diff(n.diff.as_deref()).rgb;
    let mut c = BytesStart::new("viz:color");
    c.push_attribute(("r", r.to_string().as_str()));
    c.push_attribute(("g", gr.to_string().as_str()));
    c.push_attribute(("b", b.to_string().as_str()));
    ok(w.write_event(Event::Empty(c)));
    ok(w.write_event(Event::End(BytesEnd::new("node"))));
}

fn edge(w: &mut Writer<Cursor<Vec<u8>>>, g: &Graph, i: usize, e: &Edge) {
    let ok = |r: std::io::Result<()>| r.expect("writing to memory cannot fail");
    let mut el = BytesStart::new("edge");
    el.push_attribute(("id", i.to_string().as_str()));
    el.push_attribute(("source", e.source.as_str()));
    el.push_attribute(("target", e.target.as_str()));
    el.push_attribute(("label", e.kind.as_str()));
    el.push_attribute(("weight", format!("{:.1}", e.weight as f64).as_str()));
    ok(w.write_event(Event::Start(el)));
    let date = g
        .node(&e.target)
        .filter(|n| n.kind == "meeting")
        .and_then(|n| n.date.clone());
    attvalues(
        w,
        &[
            ("type", e.kind.clone()),
            ("role", e.role.clone().unwrap_or_default()),
            ("date", date.clone().unwrap_or_default()),
            ("articles", e.articles.len().to_string()),
            ("diff", e.diff.clone().unwrap_or_default()),
        ],
    );
    if let Some(s) = date.as_deref().and_then(span) {
        spells(w, &s);
    }
    ok(w.write_event(Event::End(BytesEnd::new("edge"))));
}
