//! Officials named by their office alone: "وزير الخارجية السعودي" on a known
//! date is whoever held that office then. Such mentions carry
//! `basis: "title"` in their evidence so a user can tell them from names.

use super::mentions::Resolved;
use crate::gazetteer::{
    AliasForm, Candidate, EntityKind, Gazetteer, PartialDate, Target, TitleHit,
};

/// Offices with one holder per country at a time; "وزير" or "مسؤول"
/// alone could be anyone.
const SINGLE_HOLDER: [&str; 13] = [
    "president",
    "king",
    "emir",
    "sultan",
    "crown_prince",
    "vice_president",
    "prime_minister",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "intelligence_chief",
    "security_council_secretary",
    "army_chief",
];

/// How close after the country a name would have to follow for the title
/// to be that name's (folded chars).
const NAME_REACH: usize = 25;

/// Candidates for offices named without a name, each naming its holder on
/// `date`; none without a date.
pub fn holders(
    g: &Gazetteer,
    candidates: &[Candidate],
    resolved: &[Resolved],
    titles: &[TitleHit],
    date: Option<PartialDate>,
) -> Vec<Candidate> {
    let Some(date) = date else {
        return Vec::new();
    };
    let entities = g.entities();
    let mut out = Vec::new();
    for t in titles {
        let code = &g.titles()[t.title].code;
        if !SINGLE_HOLDER.contains(&code.as_str()) {
            continue;
        }
        // The country right after the title: وزير الخارجية السعودي.
        let Some(country) = resolved.iter().find(|r| {
            let c = &candidates[r.candidate];
            entities[r.entity].kind == EntityKind::Country
                && c.word_start >= t.end
                && c.word_start - t.end <= 1
                && matches!(r.form, AliasForm::Adjective | AliasForm::Name)
        }) else {
            continue;
        };
        let after = candidates[country.candidate].end;
        let named = resolved.iter().any(|r| {
            let c = &candidates[r.candidate];
            entities[r.entity].kind == EntityKind::Person
                && c.start >= after
                && c.start - after <= NAME_REACH
        });
        if named {
            continue;
        }
        let iso = &entities[country.entity].id;
        let holders: Vec<usize> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .filter(|(_, e)| {
                e.roles
                    .iter()
                    .any(|r| &r.title == code && &r.target == iso && r.active_on(&date))
            })
            .map(|(i, _)| i)
            .collect();
        if let [holder] = holders[..] {
            out.push(Candidate {
                start: t.start,
                end: after,
                word_start: t.start,
                targets: vec![Target {
                    entity: holder,
                    alias: 0,
                    form: AliasForm::Name,
                    weak: false,
                    after_lam: false,
                    definite: false,
                }],
            });
        }
    }
    out
}
