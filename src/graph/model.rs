//! The merged graph: one node per real-world entity, one edge per
//! (source, target, type), each carrying its evidence.

use crate::evidence::Evidence;
use crate::extract::{Discovered, Extraction, Meeting, Status, TextDate, latin_label};
use crate::gazetteer::{Entity, EntityKind, Gazetteer};
use crate::input::ArticleMeta;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A node of the graph, as written in the JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Stable id: `country:TUR`, `person:<slug>`, `organisation:<slug>`.
    pub id: String,
    /// `country`, `person` or `organisation`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The display label (Arabic).
    pub label: String,
    /// Arabic name.
    pub label_ar: String,
    /// English name.
    pub label_en: String,
    /// ISO3, for countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    /// Surface forms seen in the articles.
    pub aliases_ar: BTreeSet<String>,
    /// English names and acronyms from the gazetteer.
    #[serde(default)]
    pub aliases_en: Vec<String>,
    /// Ids of the articles that mention it.
    pub articles: BTreeSet<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Meetings: English name of the city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Meetings: Arabic name of the city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_ar: Option<String>,
    /// Meetings: ISO3 of the country where it takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Meetings: ISO 8601, partial where the text is (`--03-09`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Meetings: `held` or `planned`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Meetings: summit, foreign ministers, talks, …
    #[serde(default, rename = "kind", skip_serializing_if = "Option::is_none")]
    pub kind_of_meeting: Option<String>,
    /// Earliest publication date among its articles, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    /// Latest publication date among its articles, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// Every mention, sorted by article and offset.
    pub evidence: Vec<Evidence>,
    /// In a diff graph: `added`, `removed`, `changed` or `same`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// `title` for a person the gazetteer does not know, found by title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Node {
    /// A node with its id, type and names, and nothing seen yet.
    pub fn new(id: String, kind: &str, label_ar: String, label_en: String) -> Node {
        Node {
            id,
            kind: kind.to_string(),
            label: label_ar.clone(),
            label_ar,
            label_en,
            iso3: None,
            aliases_ar: BTreeSet::new(),
            aliases_en: Vec::new(),
            articles: BTreeSet::new(),
            mentions: 0,
            place: None,
            place_ar: None,
            country: None,
            date: None,
            status: None,
            kind_of_meeting: None,
            first_seen: None,
            last_seen: None,
            evidence: Vec::new(),
            diff: None,
            source: None,
        }
    }
}

/// An edge of the graph, as written in the JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// `represents`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// The role most often given (for `represents`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Every role given, with how many quotes give it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<String, usize>,
    /// Number of supporting articles.
    pub weight: usize,
    /// Ids of the supporting articles.
    pub articles: BTreeSet<String>,
    /// Supporting quotes, sorted by article and offset.
    pub evidence: Vec<Evidence>,
    /// In a diff graph: `added`, `removed`, `changed` or `same`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
}

/// The graph of everything read so far.
///
/// # Example
/// ```
/// use majlis::{extract::Extractor, gazetteer::Gazetteer, graph::Graph, input::Article};
/// let x = Extractor::new(Gazetteer::builtin().unwrap());
/// let mut g = Graph::new();
/// g.add(x.extract(&Article::new("a", "زار أردوغان العراق")), x.gazetteer());
/// g.add(x.extract(&Article::new("b", "الرئيس التركي رجب طيب أردوغان")), x.gazetteer());
/// let erdogan = g.node("person:recep-tayyip-erdogan").unwrap();
/// assert_eq!(erdogan.articles.len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Graph {
    inner: StableDiGraph<Node, Edge>,
    nodes: BTreeMap<String, NodeIndex>,
    edges: BTreeMap<(String, String, String), EdgeIndex>,
    /// The edges between two nodes, to find one without building its key.
    between: FxHashMap<(NodeIndex, NodeIndex), Vec<EdgeIndex>>,
    articles: BTreeMap<String, ArticleMeta>,
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds one article's extraction. Places are kept out until meetings
    /// use them.
    pub fn add(&mut self, x: Extraction, g: &Gazetteer) {
        let article = x.article;
        self.record(ArticleMeta {
            id: article.clone(),
            ..x.meta
        });
        let date = x.published.map(|d| d.to_string());
        // An entity is named many times in one article: find its node and
        // credit the article once.
        let mut seen: FxHashMap<usize, NodeIndex> = FxHashMap::default();
        for m in x.mentions {
            if g.entities()[m.entity].kind == EntityKind::Place {
                continue;
            }
            let idx = match seen.get(&m.entity) {
                Some(&idx) => idx,
                None => {
                    let idx = self.entity_node(g, m.entity);
                    seen.insert(m.entity, idx);
                    let node = &mut self.inner[idx];
                    insert_article(&mut node.articles, &article);
                    if let Some(d) = &date {
                        widen(&mut node.first_seen, &mut node.last_seen, d);
                    }
                    idx
                }
            };
            let node = &mut self.inner[idx];
            if let Some(surface) = m.surface
                && !node.aliases_ar.contains(&surface)
            {
                node.aliases_ar.insert(surface);
            }
            node.mentions += 1;
            node.evidence.push(m.evidence);
        }
        for m in x.meetings {
            self.add_meeting(m, &article, g, date.as_deref());
        }
        for d in x.discovered {
            self.add_discovered(d, &article, g, date.as_deref());
        }
        for r in x.relations {
            let source = self.entity_node(g, r.source);
            let target = self.entity_node(g, r.target);
            let edge = self.edge_between(source, target, r.kind.as_str());
            insert_article(&mut edge.articles, &article);
            edge.weight = edge.articles.len();
            if let Some(role) = r.role {
                *edge.roles.entry(role).or_default() += 1;
            }
            edge.evidence.push(r.evidence);
        }
    }

    /// Adds every node and edge of `other` (merging is associative, so
    /// graphs built in parallel merge to the same result).
    pub fn merge(&mut self, other: Graph) {
        for meta in other.articles.into_values() {
            self.record(meta);
        }
        for (_, i) in other.nodes {
            let n = other.inner[i].clone();
            let idx = match self.nodes.get(&n.id) {
                Some(&idx) => idx,
                None => {
                    let mut empty = n.clone();
                    empty.aliases_ar.clear();
                    empty.articles.clear();
                    empty.mentions = 0;
                    empty.evidence.clear();
                    empty.first_seen = None;
                    empty.last_seen = None;
                    let idx = self.inner.add_node(empty);
                    self.nodes.insert(n.id.clone(), idx);
                    idx
                }
            };
            let node = &mut self.inner[idx];
            node.aliases_ar.extend(n.aliases_ar);
            node.articles.extend(n.articles);
            node.mentions += n.mentions;
            node.evidence.extend(n.evidence);
            for d in [n.first_seen, n.last_seen].into_iter().flatten() {
                widen(&mut node.first_seen, &mut node.last_seen, &d);
            }
        }
        for (_, i) in other.edges {
            let e = other.inner[i].clone();
            let edge = self.edge_for(&e.source, &e.target, &e.kind);
            edge.articles.extend(e.articles);
            edge.weight = edge.articles.len();
            for (role, n) in e.roles {
                *edge.roles.entry(role).or_default() += n;
            }
            edge.evidence.extend(e.evidence);
        }
    }

    /// Records an article; a second record of the same id only fills in
    /// what the first lacked.
    fn record(&mut self, meta: ArticleMeta) {
        match self.articles.get_mut(&meta.id) {
            Some(known) => known.fill_from(&meta),
            None => {
                self.articles.insert(meta.id.clone(), meta);
            }
        }
    }

    fn add_meeting(&mut self, m: Meeting, article: &str, g: &Gazetteer, published: Option<&str>) {
        let entities = g.entities();
        let place = m.place.map(|p| &entities[p]);
        let Some(anchor) = place.or(m.host.map(|h| &entities[h])) else {
            return;
        };
        let id = meeting_id(anchor, &m, article);
        let date = m.date.map(|d| d.iso());
        let idx = match self.nodes.get(&id) {
            Some(&i) => i,
            None => {
                let name_en = format!(
                    "{} {}{}",
                    anchor.name_en,
                    m.kind,
                    date.as_ref().map(|d| format!(", {d}")).unwrap_or_default()
                );
                let name_ar = format!("{} {}", meeting_word(m.kind), anchor.name_ar);
                let i = self.inner.add_node(Node {
                    place: place.map(|p| p.name_en.clone()),
                    place_ar: place.map(|p| p.name_ar.clone()),
                    country: m.host.map(|h| entities[h].id.clone()),
                    date: date.clone(),
                    status: Some(m.status.as_str().into()),
                    kind_of_meeting: Some(m.kind.into()),
                    ..Node::new(id.clone(), "meeting", name_ar, name_en)
                });
                self.nodes.insert(id, i);
                i
            }
        };
        let node = &mut self.inner[idx];
        insert_article(&mut node.articles, article);
        node.mentions += m.evidence.len();
        node.evidence.extend(m.evidence.iter().cloned());
        if m.status == Status::Held {
            node.status = Some("held".into());
        }
        if let Some(d) = published {
            widen(&mut node.first_seen, &mut node.last_seen, d);
        }
        if let Some(h) = m.host {
            let host = self.entity_node(g, h);
            let edge = self.edge_between(host, idx, "hosted");
            insert_article(&mut edge.articles, article);
            edge.weight = edge.articles.len();
            edge.evidence.extend(m.evidence.first().cloned());
        }
        for (who, ev) in m.attendees {
            let attendee = self.entity_node(g, who);
            let edge = self.edge_between(attendee, idx, "attended");
            insert_article(&mut edge.articles, article);
            edge.weight = edge.articles.len();
            edge.evidence.push(ev);
        }
    }

    fn add_discovered(
        &mut self,
        d: Discovered,
        article: &str,
        g: &Gazetteer,
        published: Option<&str>,
    ) {
        let slug: String = d.latin.split_whitespace().collect::<Vec<_>>().join("-");
        if slug.is_empty() {
            return;
        }
        let id = format!("person:x-{slug}");
        let idx = match self.nodes.get(&id) {
            Some(&i) => i,
            None => {
                let i = self.inner.add_node(Node {
                    source: Some("title".into()),
                    ..Node::new(
                        id.clone(),
                        "person",
                        d.name_ar.clone(),
                        latin_label(&d.latin),
                    )
                });
                self.nodes.insert(id, i);
                i
            }
        };
        let node = &mut self.inner[idx];
        node.aliases_ar.insert(d.name_ar);
        insert_article(&mut node.articles, article);
        node.mentions += d.evidence.len();
        let first = d.evidence.first().cloned();
        node.evidence.extend(d.evidence);
        if let Some(p) = published {
            widen(&mut node.first_seen, &mut node.last_seen, p);
        }
        if let (Some(c), Some(first)) = (d.country.filter(|_| !d.role.is_empty()), first) {
            let country = self.entity_node(g, c);
            let edge = self.edge_between(idx, country, "represents");
            insert_article(&mut edge.articles, article);
            edge.weight = edge.articles.len();
            *edge.roles.entry(d.role).or_default() += 1;
            edge.evidence.push(first);
        }
    }

    /// The node of gazetteer entity `i`, added on first use.
    fn entity_node(&mut self, g: &Gazetteer, i: usize) -> NodeIndex {
        let id = g.node_id(i);
        if let Some(&idx) = self.nodes.get(id) {
            return idx;
        }
        let entity = &g.entities()[i];
        let idx = self.inner.add_node(Node {
            iso3: (entity.kind == EntityKind::Country).then(|| entity.id.clone()),
            aliases_en: entity.aliases_en.clone(),
            ..Node::new(
                id.to_string(),
                entity.kind.as_str(),
                entity.name_ar.clone(),
                entity.name_en.clone(),
            )
        });
        self.nodes.insert(id.to_string(), idx);
        idx
    }

    /// The edge of type `kind` from node `s` to node `t`, added on first use.
    fn edge_between(&mut self, s: NodeIndex, t: NodeIndex, kind: &str) -> &mut Edge {
        let found = self
            .between
            .get(&(s, t))
            .and_then(|es| es.iter().copied().find(|&e| self.inner[e].kind == kind));
        let idx = match found {
            Some(i) => i,
            None => {
                let (source, target) = (self.inner[s].id.clone(), self.inner[t].id.clone());
                let i = self.inner.add_edge(
                    s,
                    t,
                    Edge {
                        source: source.clone(),
                        target: target.clone(),
                        kind: kind.to_string(),
                        role: None,
                        roles: BTreeMap::new(),
                        weight: 0,
                        articles: BTreeSet::new(),
                        evidence: Vec::new(),
                        diff: None,
                    },
                );
                self.edges.insert((source, target, kind.to_string()), i);
                self.between.entry((s, t)).or_default().push(i);
                i
            }
        };
        &mut self.inner[idx]
    }

    fn edge_for(&mut self, source: &str, target: &str, kind: &str) -> &mut Edge {
        let (s, t) = (self.nodes[source], self.nodes[target]);
        self.edge_between(s, t, kind)
    }

    /// Sorts evidence and settles derived fields so that output is the same
    /// whatever order articles were added in.
    pub fn finish(&mut self) {
        self.merge_compatible_meetings();
        for i in self.nodes.values() {
            let n = &mut self.inner[*i];
            n.evidence.sort();
            n.evidence.dedup();
        }
        for i in self.edges.values() {
            let e = &mut self.inner[*i];
            e.evidence.sort();
            e.evidence.dedup();
            e.role = e
                .roles
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(r, _)| r.clone());
        }
    }

    /// Two reports of one meeting may date it differently: "2018-06" in
    /// one, "2018-06-12" in another. A dated meeting merges into the one
    /// more precise meeting at the same place whose date it fits; when
    /// several different days fit ("2018-06" and both the 5th and the 12th),
    /// nothing tells which, and it stays apart. Undated meetings never merge.
    fn merge_compatible_meetings(&mut self) {
        let dated: Vec<DatedMeeting> = self
            .nodes()
            .filter(|n| n.kind == "meeting")
            .filter_map(|n| {
                let date = TextDate::parse_iso(n.date.as_deref()?)?;
                Some((n.id.clone(), (n.place.clone(), n.country.clone()), date))
            })
            .collect();
        let mut into: BTreeMap<String, String> = BTreeMap::new();
        for (id, anchor, date) in &dated {
            let fits: Vec<&DatedMeeting> = dated
                .iter()
                .filter(|(o, a, d)| {
                    o != id && a == anchor && d.precision() > date.precision() && d.compatible(date)
                })
                .collect();
            let best = fits.iter().map(|(_, _, d)| d.precision()).max();
            let top: Vec<&&DatedMeeting> = fits
                .iter()
                .filter(|(_, _, d)| Some(d.precision()) == best)
                .collect();
            let distinct: BTreeSet<TextDate> = top.iter().map(|(_, _, d)| *d).collect();
            if distinct.len() == 1 {
                into.insert(id.clone(), top[0].0.clone());
            }
        }
        // Follow chains ("2018" -> "2018-06" -> "2018-06-12") to the end.
        let resolve = |mut id: String| {
            while let Some(next) = into.get(&id) {
                id = next.clone();
            }
            id
        };
        let moves: Vec<(String, String)> = into
            .keys()
            .map(|k| (k.clone(), resolve(k.clone())))
            .collect();
        for (from, to) in moves {
            self.absorb(&from, &to);
        }
    }

    /// Moves node `from` into node `to`: articles, mentions, evidence and
    /// every edge.
    fn absorb(&mut self, from: &str, to: &str) {
        let (Some(&fi), Some(&ti)) = (self.nodes.get(from), self.nodes.get(to)) else {
            return;
        };
        let old = self.inner[fi].clone();
        let node = &mut self.inner[ti];
        node.articles.extend(old.articles);
        node.aliases_ar.extend(old.aliases_ar);
        node.mentions += old.mentions;
        node.evidence.extend(old.evidence);
        if old.status.as_deref() == Some("held") {
            node.status = Some("held".into());
        }
        for d in [old.first_seen, old.last_seen].into_iter().flatten() {
            widen(&mut node.first_seen, &mut node.last_seen, &d);
        }
        let keys: Vec<(String, String, String)> = self
            .edges
            .keys()
            .filter(|(s, t, _)| s == from || t == from)
            .cloned()
            .collect();
        for key in keys {
            let Some(ei) = self.edges.remove(&key) else {
                continue;
            };
            let Some(e) = self.inner.remove_edge(ei) else {
                continue;
            };
            if let (Some(&s), Some(&t)) = (self.nodes.get(&e.source), self.nodes.get(&e.target))
                && let Some(es) = self.between.get_mut(&(s, t))
            {
                es.retain(|&x| x != ei);
            }
            let source = if e.source == from {
                to
            } else {
                e.source.as_str()
            }
            .to_string();
            let target = if e.target == from {
                to
            } else {
                e.target.as_str()
            }
            .to_string();
            let merged = self.edge_for(&source, &target, &e.kind);
            merged.articles.extend(e.articles);
            merged.weight = merged.articles.len();
            for (role, n) in e.roles {
                *merged.roles.entry(role).or_default() += n;
            }
            merged.evidence.extend(e.evidence);
        }
        self.inner.remove_node(fi);
        self.nodes.remove(from);
    }

    /// One node by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id).map(|&i| &self.inner[i])
    }

    /// Nodes sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.values().map(|&i| &self.inner[i])
    }

    /// Edges sorted by (source, target, type).
    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.edges.values().map(|&i| &self.inner[i])
    }

    /// Every article added, by id (sorted), with its date, source, address
    /// and encoding where known.
    ///
    /// # Example
    /// ```
    /// use majlis::{extract::Extractor, gazetteer::Gazetteer, graph::Graph, input::Article};
    /// let x = Extractor::new(Gazetteer::builtin().unwrap());
    /// let mut a = Article::new("a", "زار أردوغان العراق");
    /// a.encoding = Some("windows-1256");
    /// let mut g = Graph::new();
    /// g.add(x.extract(&a), x.gazetteer());
    /// assert_eq!(g.articles()["a"].encoding.as_deref(), Some("windows-1256"));
    /// ```
    pub fn articles(&self) -> &BTreeMap<String, ArticleMeta> {
        &self.articles
    }

    /// The petgraph graph, for graph algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.inner
    }

    /// Builds a graph from nodes, edges and articles (as read from a
    /// file); records of one article are combined as in [`Graph::merge`].
    /// Edges whose ends are missing are returned as errors.
    ///
    /// # Example
    /// ```
    /// use majlis::{graph::Graph, input::ArticleMeta};
    /// let g = Graph::from_parts(Vec::new(), Vec::new(), [ArticleMeta::new("a")]).unwrap();
    /// assert_eq!(g.articles().len(), 1);
    /// ```
    pub fn from_parts(
        nodes: Vec<Node>,
        edges: Vec<Edge>,
        articles: impl IntoIterator<Item = ArticleMeta>,
    ) -> Result<Graph, String> {
        let mut g = Graph::default();
        for meta in articles {
            g.record(meta);
        }
        for n in nodes {
            if g.nodes.contains_key(&n.id) {
                return Err(format!("node '{}' appears twice", n.id));
            }
            let id = n.id.clone();
            let i = g.inner.add_node(n);
            g.nodes.insert(id, i);
        }
        for e in edges {
            let (Some(&s), Some(&t)) = (g.nodes.get(&e.source), g.nodes.get(&e.target)) else {
                return Err(format!(
                    "edge {} -> {} names a node that is not in the graph",
                    e.source, e.target
                ));
            };
            let key = (e.source.clone(), e.target.clone(), e.kind.clone());
            let i = g.inner.add_edge(s, t, e);
            g.edges.insert(key, i);
            g.between.entry((s, t)).or_default().push(i);
        }
        Ok(g)
    }
}

/// A dated meeting: id, (place, host), date.
type DatedMeeting = (String, (Option<String>, Option<String>), TextDate);

/// A meeting's id: its place (or host) and date, which identify it across
/// articles; an undated meeting cannot be told from others in the same
/// city, so its id also carries the article.
fn meeting_id(anchor: &Entity, m: &Meeting, article: &str) -> String {
    let place = anchor.id.to_ascii_lowercase();
    match m.date {
        Some(d) => format!("meeting:{place}-{}", d.iso().trim_start_matches('-')),
        None => format!("meeting:{place}-undated-{:08x}", fnv1a(article) as u32),
    }
}

/// FNV-1a: a hash that is the same on every machine and run.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

fn meeting_word(kind: &str) -> &'static str {
    match kind {
        "summit" => "قمة",
        "conference" => "مؤتمر",
        "talks" => "محادثات",
        "visit" => "زيارة",
        _ => "اجتماع",
    }
}

/// Adds an article id to a set, allocating only when it is new (an
/// entity is usually named many times in one article).
fn insert_article(set: &mut BTreeSet<String>, article: &str) {
    if !set.contains(article) {
        set.insert(article.to_string());
    }
}

fn widen(first: &mut Option<String>, last: &mut Option<String>, d: &str) {
    if first.as_deref().is_none_or(|f| d < f) {
        *first = Some(d.to_string());
    }
    if last.as_deref().is_none_or(|l| d > l) {
        *last = Some(d.to_string());
    }
}
