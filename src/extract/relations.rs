//! Relations between entities. For now: a person `represents` a country,
//! read from the title before the name (وزير الخارجية القطري سلطان بن سعد
//! المريخي) or, when the text gives none, from the gazetteer's roles.

use super::mentions::Resolved;
use crate::evidence::Evidence;
use crate::gazetteer::{AliasForm, Candidate, EntityKind, Gazetteer, PartialDate, Role, TitleHit};
use crate::text::Normalized;
use std::sync::Arc;

/// The kinds of relation extraction produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelationKind {
    /// Person → country, with the role.
    Represents,
}

impl RelationKind {
    /// The edge `type` written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Represents => "represents",
        }
    }
}

/// A relation between two gazetteer entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// What relation.
    pub kind: RelationKind,
    /// Source entity (gazetteer index).
    pub source: usize,
    /// Target entity (gazetteer index).
    pub target: usize,
    /// The role in English (foreign minister).
    pub role: Option<String>,
    /// The quote that supports it.
    pub evidence: Evidence,
}

/// How far before a name a title may stand (folded chars).
const TITLE_REACH: usize = 60;

/// `represents` relations for every person mention.
#[allow(clippy::too_many_arguments)]
pub fn represents(
    g: &Gazetteer,
    text: &Normalized,
    original: &[char],
    article: &Arc<str>,
    candidates: &[Candidate],
    resolved: &[Resolved],
    titles: &[TitleHit],
    date: Option<PartialDate>,
    ends: &[usize],
) -> Vec<Relation> {
    let entities = g.entities();
    let sentence_of = |i: usize| ends.partition_point(|&e| e <= i);
    let quote = |s: usize, e: usize| -> Evidence {
        let (os, oe) = text.original_span(s, e);
        Evidence {
            article: article.clone(),
            start: os,
            end: oe,
            text: original[os..oe.min(original.len())].iter().collect(),
            basis: None,
        }
    };
    let mut out = Vec::new();
    for (ri, r) in resolved.iter().enumerate() {
        if entities[r.entity].kind != EntityKind::Person {
            continue;
        }
        let person = &candidates[r.candidate];
        // Titles do not overlap, so their ends are sorted: the nearest one
        // before the person is found by bisection, and only the mentions
        // between it and the person are looked at.
        let before = titles.partition_point(|t| t.end <= person.start);
        let title = before.checked_sub(1).map(|i| &titles[i]).filter(|t| {
            person.start - t.end <= TITLE_REACH && sentence_of(t.start) == sentence_of(person.start)
        });
        let between = |t: &TitleHit| {
            let from = t.end;
            resolved[..ri]
                .iter()
                .rev()
                .take_while(move |o| candidates[o.candidate].start >= from)
        };
        // No other person between the title and this one.
        let title =
            title.filter(|t| !between(t).any(|o| entities[o.entity].kind == EntityKind::Person));
        if let Some(t) = title {
            let country = between(t).find(|o| {
                let c = &candidates[o.candidate];
                entities[o.entity].kind == EntityKind::Country
                    && (matches!(o.form, AliasForm::Adjective | AliasForm::People)
                        || c.word_start <= t.end + 1)
            });
            if let Some(c) = country {
                let title = &g.titles()[t.title];
                out.push(Relation {
                    kind: RelationKind::Represents,
                    source: r.entity,
                    target: c.entity,
                    role: Some(title.name_en.clone()),
                    evidence: quote(t.start, person.end),
                });
                continue;
            }
        }
        for (country, role) in gazetteer_roles(g, &entities[r.entity].roles, date) {
            let mut evidence = quote(person.start, person.end);
            evidence.basis = Some("gazetteer".into());
            out.push(Relation {
                kind: RelationKind::Represents,
                source: r.entity,
                target: country,
                role: Some(role),
                evidence,
            });
        }
    }
    out
}

/// The countries a person represents by the gazetteer: the roles held on
/// `date` when known, else every country role; per country the latest
/// role's title.
fn gazetteer_roles(
    g: &Gazetteer,
    roles: &[Role],
    date: Option<PartialDate>,
) -> Vec<(usize, String)> {
    let mut best: Vec<(usize, &Role)> = Vec::new();
    for role in roles.iter().filter(|r| r.targets_country()) {
        if date.is_some_and(|d| !role.active_on(&d)) {
            continue;
        }
        let Some(country) = g.position(EntityKind::Country, &role.target) else {
            continue;
        };
        match best.iter_mut().find(|(c, _)| *c == country) {
            Some(slot) if slot.1.from < role.from => slot.1 = role,
            Some(_) => {}
            None => best.push((country, role)),
        }
    }
    best.into_iter()
        .map(|(c, r)| {
            let name = g
                .titles()
                .iter()
                .find(|t| t.code == r.title)
                .map(|t| t.name_en.clone())
                .unwrap_or_else(|| r.title.replace('_', " "));
            (c, name)
        })
        .collect()
}
