//! Comparing two graphs: what one article set reports that the other does
//! not.
//!
//! Nodes are the same when their ids are (countries by ISO3, people and
//! organisations by gazetteer id). Meetings are also the same when they
//! have the same place and compatible dates ("2018-06" and "2018-06-12"):
//! both sides then use the id of the more precise one.

use crate::extract::TextDate;
use crate::graph::{Edge, Graph, Node};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// An attribute that differs between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    /// The node id, or `source type target` for an edge.
    pub item: String,
    /// `status`, `date`, `kind`, `weight` or `role`.
    pub field: String,
    /// Value on the old side (empty when absent).
    pub old: String,
    /// Value on the new side.
    pub new: String,
}

/// An edge named by its ends and type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EdgeKey {
    /// Source node id.
    pub source: String,
    /// Edge type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Target node id.
    pub target: String,
}

/// The difference between an old and a new graph.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Nodes only in the new graph.
    pub nodes_added: Vec<String>,
    /// Nodes only in the old graph.
    pub nodes_removed: Vec<String>,
    /// Edges only in the new graph (attendance first).
    pub edges_added: Vec<EdgeKey>,
    /// Edges only in the old graph (attendance first).
    pub edges_removed: Vec<EdgeKey>,
    /// Attributes that changed on nodes and edges in both.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether the two graphs report the same things.
    pub fn is_empty(&self) -> bool {
        self.nodes_added.is_empty()
            && self.nodes_removed.is_empty()
            && self.edges_added.is_empty()
            && self.edges_removed.is_empty()
            && self.changes.is_empty()
    }
}

/// Compares `old` with `new`.
///
/// # Example
/// ```
/// use majlis::{diff::diff, graph::Graph};
/// assert!(diff(&Graph::new(), &Graph::new()).is_empty());
/// ```
pub fn diff(old: &Graph, new: &Graph) -> Diff {
    let rename = meeting_identity(old, new);
    let id = |s: &str| rename.get(s).cloned().unwrap_or_else(|| s.to_string());
    let nodes = |g: &Graph| -> BTreeMap<String, Node> {
        g.nodes().map(|n| (id(&n.id), n.clone())).collect()
    };
    let edges = |g: &Graph| -> BTreeMap<EdgeKey, Edge> {
        g.edges()
            .map(|e| {
                (
                    EdgeKey {
                        source: id(&e.source),
                        kind: e.kind.clone(),
                        target: id(&e.target),
                    },
                    e.clone(),
                )
            })
            .collect()
    };
    let (on, nn) = (nodes(old), nodes(new));
    let (oe, ne) = (edges(old), edges(new));
    let mut d = Diff {
        nodes_added: nn
            .keys()
            .filter(|k| !on.contains_key(*k))
            .cloned()
            .collect(),
        nodes_removed: on
            .keys()
            .filter(|k| !nn.contains_key(*k))
            .cloned()
            .collect(),
        edges_added: ne
            .keys()
            .filter(|k| !oe.contains_key(*k))
            .cloned()
            .collect(),
        edges_removed: oe
            .keys()
            .filter(|k| !ne.contains_key(*k))
            .cloned()
            .collect(),
        changes: Vec::new(),
    };
    let attendance_first =
        |e: &EdgeKey| (!matches!(e.kind.as_str(), "attended" | "hosted"), e.clone());
    d.edges_added.sort_by_key(attendance_first);
    d.edges_removed.sort_by_key(attendance_first);
    for (k, o) in &on {
        let Some(n) = nn.get(k) else { continue };
        for (field, a, b) in [
            ("status", &o.status, &n.status),
            ("date", &o.date, &n.date),
            ("kind", &o.kind_of_meeting, &n.kind_of_meeting),
        ] {
            if a != b {
                d.changes.push(Change {
                    item: k.clone(),
                    field: field.into(),
                    old: a.clone().unwrap_or_default(),
                    new: b.clone().unwrap_or_default(),
                });
            }
        }
    }
    for (k, o) in &oe {
        let Some(n) = ne.get(k) else { continue };
        let item = format!("{} {} {}", k.source, k.kind, k.target);
        if o.weight != n.weight {
            d.changes.push(Change {
                item: item.clone(),
                field: "weight".into(),
                old: o.weight.to_string(),
                new: n.weight.to_string(),
            });
        }
        if o.role != n.role {
            d.changes.push(Change {
                item,
                field: "role".into(),
                old: o.role.clone().unwrap_or_default(),
                new: n.role.clone().unwrap_or_default(),
            });
        }
    }
    d.changes.sort();
    d
}

/// A dated meeting: id, (place, host), date.
type Dated = (String, (Option<String>, Option<String>), TextDate);

/// Meetings of the two sides that are one meeting under different ids:
/// same place and host, compatible dates, one candidate only. Both map to
/// the id of the more precise date (ties: the smaller id), so the result
/// does not depend on which side is old.
fn meeting_identity(old: &Graph, new: &Graph) -> BTreeMap<String, String> {
    let dated = |g: &Graph| -> Vec<Dated> {
        g.nodes()
            .filter(|n| n.kind == "meeting" && !n.id.contains("-undated-"))
            .filter_map(|n| {
                let d = TextDate::parse_iso(n.date.as_deref()?)?;
                Some((n.id.clone(), (n.place.clone(), n.country.clone()), d))
            })
            .collect()
    };
    let (a, b) = (dated(old), dated(new));
    let ids_b: BTreeSet<&String> = b.iter().map(|m| &m.0).collect();
    let ids_a: BTreeSet<&String> = a.iter().map(|m| &m.0).collect();
    let mut map = BTreeMap::new();
    for (ia, pa, da) in a.iter().filter(|m| !ids_b.contains(&m.0)) {
        let fits: Vec<&Dated> = b
            .iter()
            .filter(|(ib, pb, db)| !ids_a.contains(ib) && pb == pa && db.compatible(da))
            .collect();
        if let [(ib, _, db)] = fits[..] {
            let keep = match da.precision().cmp(&db.precision()) {
                std::cmp::Ordering::Greater => ia.clone(),
                std::cmp::Ordering::Less => ib.clone(),
                std::cmp::Ordering::Equal => ia.min(ib).clone(),
            };
            map.insert(ia.clone(), keep.clone());
            map.insert(ib.clone(), keep);
        }
    }
    map
}

/// The `diff` mark of a node or edge of the union graph.
fn mark(added: bool, removed: bool, changed: bool) -> String {
    match (added, removed, changed) {
        (true, _, _) => "added",
        (_, true, _) => "removed",
        (_, _, true) => "changed",
        _ => "same",
    }
    .into()
}

/// The union of both graphs, every node and edge marked `added`,
/// `removed`, `changed` or `same` in its `diff` field, for drawing.
pub fn union(old: &Graph, new: &Graph, d: &Diff) -> Graph {
    let added: BTreeSet<&String> = d.nodes_added.iter().collect();
    let removed: BTreeSet<&String> = d.nodes_removed.iter().collect();
    let changed: BTreeSet<&str> = d.changes.iter().map(|c| c.item.as_str()).collect();
    let rename = meeting_identity(old, new);
    let id = |s: &str| rename.get(s).cloned().unwrap_or_else(|| s.to_string());
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for (g, side_only) in [(new, &added), (old, &removed)] {
        for n in g.nodes() {
            let key = id(&n.id);
            if nodes.contains_key(&key) {
                continue;
            }
            let mut n = n.clone();
            n.id = key.clone();
            let only_here = side_only.contains(&key);
            n.diff = Some(mark(
                only_here && std::ptr::eq(g, new),
                only_here && !std::ptr::eq(g, new),
                changed.contains(key.as_str()),
            ));
            nodes.insert(key, n);
        }
    }
    let ea: BTreeSet<&EdgeKey> = d.edges_added.iter().collect();
    let er: BTreeSet<&EdgeKey> = d.edges_removed.iter().collect();
    let mut edges: BTreeMap<EdgeKey, Edge> = BTreeMap::new();
    for g in [new, old] {
        for e in g.edges() {
            let key = EdgeKey {
                source: id(&e.source),
                kind: e.kind.clone(),
                target: id(&e.target),
            };
            if edges.contains_key(&key) {
                continue;
            }
            let item = format!("{} {} {}", key.source, key.kind, key.target);
            let mut e = e.clone();
            e.source = key.source.clone();
            e.target = key.target.clone();
            e.diff = Some(mark(
                ea.contains(&key),
                er.contains(&key),
                changed.contains(item.as_str()),
            ));
            edges.insert(key, e);
        }
    }
    let articles = old
        .articles()
        .values()
        .chain(new.articles().values())
        .cloned();
    Graph::from_parts(
        nodes.into_values().collect(),
        edges.into_values().collect(),
        articles,
    )
    .expect("every edge's ends are in the union")
}
