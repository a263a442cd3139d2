//! From gazetteer hits to mentions: deciding which entity each hit names.
//!
//! Strong hits (a full name, a country's name or nisba) are taken as they
//! are. The others need the article's support:
//! - a weak country alias (مالي, عمان) counts when the same country is named
//!   strongly elsewhere, when it stands in a list with other countries, or
//!   after a locative word when no place shares the string;
//! - a weak place (عمان) counts when its country is named, or when the
//!   original spelling carries a shadda the country's name lacks (عمّان);
//! - a person's short form goes to the person whose full name is nearest in
//!   the article, else to the one in office on the article's date, else to
//!   its only non-weak owner.

use crate::gazetteer::{AliasForm, Candidate, EntityKind, Gazetteer, PartialDate, Target};
use crate::text::Normalized;
use rustc_hash::{FxHashMap, FxHashSet};

/// A hit resolved to one entity, in folded chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// Index into the gazetteer's entities.
    pub entity: usize,
    /// The candidate it came from.
    pub candidate: usize,
    /// The alias form that matched.
    pub form: AliasForm,
    /// Whether the hit used the ال-less variant after ل.
    pub after_lam: bool,
    /// Whether the person was named by an office held on the article's
    /// date rather than by name.
    pub by_title: bool,
}

/// Words after which a weak country name is read as the country.
const LOCATIVE: [&str; 18] = [
    "في",
    "الي",
    "من",
    "عن",
    "دوله",
    "جمهوريه",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "حكومه",
    "عاصمه",
    "حدود",
    "داخل",
    "اراضي",
    "بلد",
    "مع",
];

/// Resolves every candidate; returns one entry per accepted (candidate,
/// entity) pair, in text order.
pub fn resolve(
    g: &Gazetteer,
    text: &Normalized,
    original: &[char],
    candidates: &[Candidate],
    date: Option<PartialDate>,
    first_names: &FxHashSet<String>,
    sentences: &[usize],
) -> Vec<Resolved> {
    let entities = g.entities();
    let kind = |t: &Target| entities[t.entity].kind;
    // Pass 1: what stands on its own.
    let mut strong_at: FxHashMap<usize, Vec<usize>> = FxHashMap::default(); // entity -> candidate starts
    let mut full_person_at: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut decided: Vec<Vec<Resolved>> = vec![Vec::new(); candidates.len()];
    let mut pending: Vec<usize> = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        // اليمنى ("the right one") folds to اليمني (Yemeni): a nisba
        // spelled with a final ى needs support like a weak alias.
        let alif_maqsura = ends_with_alif_maqsura(text, original, c);
        let is_strong = |t: &Target| {
            !t.weak
                && t.form != AliasForm::Short
                && !(alif_maqsura && t.form == AliasForm::Adjective)
        };
        // Most hits name one entity: decided without grouping.
        if let [t] = c.targets.as_slice() {
            if is_strong(t) {
                decided[ci].push(resolved(t, ci));
                strong_at.entry(t.entity).or_default().push(c.start);
                if kind(t) == EntityKind::Person {
                    full_person_at.entry(t.entity).or_default().push(c.start);
                }
            } else {
                pending.push(ci);
            }
            continue;
        }
        let strong: Vec<&Target> = c.targets.iter().filter(|t| is_strong(t)).collect();
        let mut by_kind: FxHashMap<EntityKind, Vec<&Target>> = FxHashMap::default();
        for t in &strong {
            by_kind.entry(kind(t)).or_default().push(t);
        }
        let mut unresolved = strong.len() < c.targets.len();
        for (k, ts) in by_kind {
            let distinct = distinct_entities(&ts);
            if distinct.len() == 1 {
                let t = ts[0];
                decided[ci].push(resolved(t, ci));
                strong_at.entry(t.entity).or_default().push(c.start);
                if k == EntityKind::Person {
                    full_person_at.entry(t.entity).or_default().push(c.start);
                }
            } else {
                unresolved = true;
            }
        }
        if unresolved && decided[ci].is_empty() {
            pending.push(ci);
        }
    }
    // Pass 2: what needs the article.
    for ci in pending {
        let c = &candidates[ci];
        let has_place = c.targets.iter().any(|t| kind(t) == EntityKind::Place);
        let marked = has_shadda(text, original, c);
        let mut chosen: Vec<Resolved> = Vec::new();
        let countries = distinct_entities(
            &c.targets
                .iter()
                .filter(|t| kind(t) == EntityKind::Country)
                .collect::<Vec<_>>(),
        );
        for &e in &countries {
            let t = target_for(c, e);
            // A name a place shares (عمان) is not told by a list or a
            // preposition: "عمان، الأردن" is a dateline for Amman.
            let supported = strong_at.contains_key(&e)
                || (!has_place
                    && (coordinated(text, candidates, &decided, ci, entities)
                        || after_locative(text, c)));
            if supported && !(has_place && marked && !strong_at.contains_key(&e)) {
                chosen.push(resolved(t, ci));
            }
        }
        if chosen.is_empty() {
            for t in c.targets.iter().filter(|t| kind(t) == EntityKind::Place) {
                let country_named = entities[t.entity]
                    .country
                    .as_ref()
                    .and_then(|iso| g.position(EntityKind::Country, iso))
                    .is_some_and(|p| strong_at.contains_key(&p));
                if (!t.weak || country_named || marked)
                    && !chosen.iter().any(|r| r.entity == t.entity)
                {
                    chosen.push(resolved(t, ci));
                }
            }
        }
        for t in c
            .targets
            .iter()
            .filter(|t| kind(t) == EntityKind::Organisation && t.weak)
        {
            if strong_at.contains_key(&t.entity) {
                chosen.push(resolved(t, ci));
            }
        }
        // A surname after a name particle belongs to another name: هنية in
        // حسن أبو هنية is not Ismail Haniyeh.
        // So does one after another person's first name: أوباما in ميشيل
        // أوباما, ترامب in ميلانيا ترامب.
        let prev = previous_word(text, c);
        let in_other_name = NAME_PARTICLES.contains(&prev)
            || (first_names.contains(prev) && !prev_ends_with_alif_maqsura(text, original, c));
        let people: Vec<&Target> = c
            .targets
            .iter()
            .filter(|t| kind(t) == EntityKind::Person)
            .filter(|t| !(in_other_name && t.form == AliasForm::Short))
            .collect();
        let org_chosen = chosen
            .iter()
            .any(|r| entities[r.entity].kind == EntityKind::Organisation);
        if !people.is_empty()
            && let Some(e) = pick_person(
                g,
                &people,
                &full_person_at,
                &strong_at,
                c.start,
                sentence_start(sentences, c.start),
                date,
            )
        {
            // A string that names both a movement and its leader (الحوثي)
            // is the movement unless the leader was just named in full.
            let named_here = full_person_at.get(&e).is_some_and(|ps| {
                ps.iter()
                    .any(|&p| p >= sentence_start(sentences, c.start) && p <= c.start)
            });
            if !org_chosen || named_here {
                chosen
                    .retain(|r| entities[r.entity].kind != EntityKind::Organisation || !named_here);
                chosen.push(resolved(target_for(c, e), ci));
            }
        }
        decided[ci] = chosen;
    }
    decided.into_iter().flatten().collect()
}

fn resolved(t: &Target, candidate: usize) -> Resolved {
    Resolved {
        entity: t.entity,
        candidate,
        form: t.form,
        after_lam: t.after_lam,
        by_title: false,
    }
}

fn distinct_entities(ts: &[&Target]) -> Vec<usize> {
    let mut out: Vec<usize> = ts.iter().map(|t| t.entity).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn target_for(c: &Candidate, entity: usize) -> &Target {
    c.targets
        .iter()
        .find(|t| t.entity == entity)
        .expect("entity comes from this candidate")
}

/// The person a short or shared name refers to, if the article says.
fn pick_person(
    g: &Gazetteer,
    people: &[&Target],
    full_at: &FxHashMap<usize, Vec<usize>>,
    strong_at: &FxHashMap<usize, Vec<usize>>,
    at: usize,
    sentence_start: usize,
    date: Option<PartialDate>,
) -> Option<usize> {
    let ids = distinct_entities(people);
    // A full name earlier in the same sentence decides ("فاروق الشرع، وقال
    // الشرع"); past the sentence the article's main subject, the one named
    // in full most often, is the better bet; ties go to the nearest.
    // Positions are pushed in text order: bisect rather than scan.
    let same_sentence = ids
        .iter()
        .filter_map(|&e| {
            let ps = full_at.get(&e)?;
            let i = ps.partition_point(|&p| p <= at);
            let p = *ps.get(i.checked_sub(1)?)?;
            (p >= sentence_start).then_some((p, e))
        })
        .max();
    if let Some((_, e)) = same_sentence {
        return Some(e);
    }
    let mut best: Option<(usize, bool, std::cmp::Reverse<usize>, usize)> = None;
    for &e in &ids {
        let positions = full_at.get(&e).map(Vec::as_slice).unwrap_or(&[]);
        // Only the nearest before and the nearest after can win.
        let i = positions.partition_point(|&p| p <= at);
        let near = [i.checked_sub(1), Some(i)];
        for &p in near.into_iter().flatten().filter_map(|j| positions.get(j)) {
            let key = (
                positions.len(),
                p <= at,
                std::cmp::Reverse(at.abs_diff(p)),
                e,
            );
            if best.is_none_or(|b| key > b) {
                best = Some(key);
            }
        }
    }
    if let Some((_, _, _, e)) = best {
        return Some(e);
    }
    // On a known date, a surname alone is the namesake then in office for a
    // country the article names (الأسد in a 2018 article about Syria; الشرع
    // in 2025 or in 2010). An office alone is not enough: الشرع الإسلامي is
    // "Islamic law".
    if let Some(d) = date {
        let in_office: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&e| {
                g.entities()[e].roles.iter().any(|r| {
                    r.active_on(&d)
                        && r.targets_country()
                        && g.position(EntityKind::Country, &r.target)
                            .is_some_and(|c| strong_at.contains_key(&c))
                })
            })
            .collect();
        if in_office.len() == 1 {
            return Some(in_office[0]);
        }
    }
    let strong: Vec<usize> = distinct_entities(
        &people
            .iter()
            .copied()
            .filter(|t| !t.weak)
            .collect::<Vec<_>>(),
    );
    (strong.len() == 1).then(|| strong[0])
}

/// Whether a hit stands in a list with another country: only spaces,
/// commas and و between them.
fn coordinated(
    text: &Normalized,
    candidates: &[Candidate],
    decided: &[Vec<Resolved>],
    ci: usize,
    entities: &[crate::gazetteer::Entity],
) -> bool {
    let is_country = |i: usize| {
        decided[i]
            .iter()
            .any(|r| entities[r.entity].kind == EntityKind::Country)
            || candidates[i]
                .targets
                .iter()
                .any(|t| !t.weak && entities[t.entity].kind == EntityKind::Country)
    };
    let joins = |from: usize, to: usize| {
        if to < from || to - from > 4 {
            return false;
        }
        let gap = &text.as_str()[text.byte_of_char(from)..text.byte_of_char(to)];
        gap.chars().all(|ch| matches!(ch, ' ' | '،' | ',' | 'و'))
    };
    let c = &candidates[ci];
    (ci > 0 && is_country(ci - 1) && joins(candidates[ci - 1].end, c.start))
        || (ci + 1 < candidates.len()
            && is_country(ci + 1)
            && joins(c.end, candidates[ci + 1].start))
}

/// The start of the sentence holding char `at`.
fn sentence_start(ends: &[usize], at: usize) -> usize {
    let i = ends.partition_point(|&e| e <= at);
    if i == 0 { 0 } else { ends[i - 1] }
}

/// Words that open a compound Arabic name (kunya, patronym, family).
const NAME_PARTICLES: [&str; 8] = ["ابو", "ام", "بن", "ابن", "بنت", "عبد", "ال", "ولد"];

/// Whether the original spelling of the hit ends in ى.
fn ends_with_alif_maqsura(text: &Normalized, original: &[char], c: &Candidate) -> bool {
    let (_, e) = text.original_span(c.start, c.end);
    e > 0 && original.get(e - 1) == Some(&'ى')
}

/// Whether the word before the hit ends in ى in the original (على, إلى:
/// prepositions that fold to the name علي).
fn prev_ends_with_alif_maqsura(text: &Normalized, original: &[char], c: &Candidate) -> bool {
    let mut i = c.word_start;
    while i > 0 && !text.char_at(i - 1).is_some_and(char::is_alphanumeric) {
        i -= 1;
    }
    i > 0 && {
        let (_, e) = text.original_span(i - 1, i);
        e > 0 && original.get(e - 1) == Some(&'ى')
    }
}

/// The folded word before the hit's word, without punctuation.
fn previous_word<'t>(text: &'t Normalized, c: &Candidate) -> &'t str {
    let before = &text.as_str()[..text.byte_of_char(c.word_start)];
    before
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_matches(|ch: char| !ch.is_alphanumeric())
}

fn after_locative(text: &Normalized, c: &Candidate) -> bool {
    let prev = previous_word(text, c);
    LOCATIVE.contains(&prev) || LOCATIVE.contains(&prev.strip_prefix('و').unwrap_or(prev))
}

/// Whether the original spelling of the hit carries a shadda that folding
/// removed: عمّان (Amman) is spelled so to be told from عمان (Oman).
fn has_shadda(text: &Normalized, original: &[char], c: &Candidate) -> bool {
    let (s, e) = text.original_span(c.start, c.end);
    original
        .get(s..e.min(original.len()))
        .is_some_and(|span| span.contains(&'\u{0651}'))
}
