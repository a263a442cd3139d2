//! Diffs of article sets, built in-process from the seeds.

use majlis::diff::{Change, diff};
use majlis::extract::Extractor;
use majlis::gazetteer::Gazetteer;
use majlis::graph::Graph;
use majlis::input::{Item, read_inputs};

/// One graph per seed article, so that any subset can be merged cheaply.
fn per_article() -> Vec<Graph> {
    let x = Extractor::new(Gazetteer::builtin().unwrap());
    let mut graphs = Vec::new();
    read_inputs(&["seeds".into()], &mut |item| {
        if let Item::Article(a) = item {
            let mut g = Graph::new();
            g.add(x.extract(&a), x.gazetteer());
            graphs.push(g);
        }
    });
    assert_eq!(graphs.len(), 5);
    graphs
}

fn subset(parts: &[Graph], mask: u32) -> Graph {
    let mut g = Graph::new();
    for (i, p) in parts.iter().enumerate() {
        if mask & (1 << i) != 0 {
            g.merge(p.clone());
        }
    }
    g.finish();
    g
}

#[test]
fn a_set_against_itself_is_empty() {
    let parts = per_article();
    for mask in [0b00001, 0b10101, 0b11111] {
        let g = subset(&parts, mask);
        assert!(diff(&g, &g).is_empty(), "mask {mask:b}");
    }
}

#[test]
fn diff_one_way_mirrors_the_other() {
    let parts = per_article();
    let masks: Vec<u32> = (0..32).step_by(3).collect();
    for &a in &masks {
        for &b in &masks {
            let (ga, gb) = (subset(&parts, a), subset(&parts, b));
            let (ab, ba) = (diff(&ga, &gb), diff(&gb, &ga));
            assert_eq!(ab.nodes_added, ba.nodes_removed, "{a:b} -> {b:b}");
            assert_eq!(ab.nodes_removed, ba.nodes_added, "{a:b} -> {b:b}");
            assert_eq!(ab.edges_added, ba.edges_removed, "{a:b} -> {b:b}");
            assert_eq!(ab.edges_removed, ba.edges_added, "{a:b} -> {b:b}");
            let mut swapped: Vec<Change> = ba
                .changes
                .iter()
                .map(|c| Change {
                    old: c.new.clone(),
                    new: c.old.clone(),
                    ..c.clone()
                })
                .collect();
            swapped.sort();
            assert_eq!(ab.changes, swapped, "{a:b} -> {b:b}");
        }
    }
}

#[test]
fn a_month_and_a_day_of_the_same_meeting_are_one_meeting() {
    let x = Extractor::new(Gazetteer::builtin().unwrap());
    let build = |text: &str| {
        let mut g = Graph::new();
        g.add(
            x.extract(&majlis::input::Article::new("a", text)),
            x.gazetteer(),
        );
        g.finish();
        g
    };
    let month = build("عقد اجتماع في مراكش في مايو 2022");
    let day = build("عقد اجتماع في مراكش في 11 مايو 2022");
    let d = diff(&month, &day);
    assert!(
        d.nodes_added.is_empty() && d.nodes_removed.is_empty(),
        "{d:?}"
    );
    assert_eq!(d.changes.len(), 1);
    assert_eq!(
        (d.changes[0].old.as_str(), d.changes[0].new.as_str()),
        ("2022-05", "2022-05-11")
    );
}
