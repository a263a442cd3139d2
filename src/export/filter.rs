//! Cutting a graph down before export: by node type, meeting date, edge
//! weight, and without isolated nodes.

use crate::extract::TextDate;
use crate::gazetteer::PartialDate;
use crate::graph::Graph;
use std::collections::BTreeSet;

/// What to keep; the default keeps everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Node types to keep (`country`, `person`, `organisation`, `meeting`).
    pub types: Option<Vec<String>>,
    /// Meetings on or after this date (meetings without a year go).
    pub since: Option<PartialDate>,
    /// Meetings on or before this date.
    pub until: Option<PartialDate>,
    /// Edges supported by at least this many articles.
    pub min_weight: usize,
    /// Drop nodes left without any edge.
    pub without_isolated: bool,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.types.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.min_weight <= 1
            && !self.without_isolated
    }

    /// The part of `g` the filter keeps.
    ///
    /// # Example
    /// ```
    /// use majlis::export::Filter;
    /// let f = Filter { types: Some(vec!["country".into()]), ..Filter::default() };
    /// assert_eq!(f.apply(&majlis::graph::Graph::new()).nodes().count(), 0);
    /// ```
    pub fn apply(&self, g: &Graph) -> Graph {
        let in_range = |date: Option<&str>| -> bool {
            if self.since.is_none() && self.until.is_none() {
                return true;
            }
            let Some(d) = date
                .and_then(TextDate::parse_iso)
                .filter(|d| d.year.is_some())
            else {
                return false;
            };
            let first = (
                d.year.unwrap_or(0),
                d.month.unwrap_or(1),
                d.day.unwrap_or(1),
            );
            let last = (
                d.year.unwrap_or(0),
                d.month.unwrap_or(12),
                d.day.unwrap_or(31),
            );
            self.since.is_none_or(|s| last >= s.first_day())
                && self.until.is_none_or(|u| first <= u.last_day())
        };
        let kept: BTreeSet<&str> = g
            .nodes()
            .filter(|n| self.types.as_ref().is_none_or(|t| t.contains(&n.kind)))
            .filter(|n| n.kind != "meeting" || in_range(n.date.as_deref()))
            .map(|n| n.id.as_str())
            .collect();
        let edges: Vec<_> = g
            .edges()
            .filter(|e| kept.contains(e.source.as_str()) && kept.contains(e.target.as_str()))
            .filter(|e| e.weight >= self.min_weight)
            .cloned()
            .collect();
        let linked: BTreeSet<&str> = edges
            .iter()
            .flat_map(|e| [e.source.as_str(), e.target.as_str()])
            .collect();
        let nodes = g
            .nodes()
            .filter(|n| kept.contains(n.id.as_str()))
            .filter(|n| !self.without_isolated || linked.contains(n.id.as_str()))
            .cloned()
            .collect();
        Graph::from_parts(nodes, edges, g.articles().values().cloned())
            .expect("kept edges join kept nodes")
    }
}
