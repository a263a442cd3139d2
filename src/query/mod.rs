//! Questions to a built graph. For now: which meetings, and who attended.

use crate::extract::TextDate;
use crate::gazetteer::PartialDate;
use crate::graph::Graph;
use serde::Serialize;

/// One meeting with its attendees, as `majlis meetings` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRow {
    /// Node id (`meeting:amman-03-09`).
    pub id: String,
    /// English label.
    pub label_en: String,
    /// Arabic label.
    pub label_ar: String,
    /// ISO 8601, partial where the text is.
    pub date: Option<String>,
    /// City, English.
    pub place: Option<String>,
    /// City, Arabic.
    pub place_ar: Option<String>,
    /// Host country, ISO3.
    pub country: Option<String>,
    /// `held` or `planned`.
    pub status: String,
    /// summit, foreign ministers, talks, …
    pub kind: String,
    /// ISO3 codes of the countries that attended, sorted.
    pub countries: Vec<String>,
    /// Ids of the people who attended, sorted.
    pub people: Vec<String>,
    /// Ids of the organisations that attended, sorted.
    pub organisations: Vec<String>,
    /// How many articles report it.
    pub articles: usize,
}

/// Which meetings to list; every field left `None` lets all through.
#[derive(Debug, Clone, Default)]
pub struct MeetingFilter {
    /// ISO3 of a country that attended or hosted.
    pub country: Option<String>,
    /// A person who attended: id, or part of a name.
    pub person: Option<String>,
    /// An organisation that attended: id, or part of a name.
    pub organisation: Option<String>,
    /// Place, English or Arabic.
    pub place: Option<String>,
    /// On or after.
    pub since: Option<PartialDate>,
    /// On or before.
    pub until: Option<PartialDate>,
    /// `held` or `planned`.
    pub status: Option<String>,
}

/// The meetings of `g` that pass `filter`, sorted by date (undated last),
/// then place.
///
/// # Example
/// ```
/// use majlis::query::{MeetingFilter, meeting_rows};
/// let g = majlis::graph::Graph::new();
/// assert!(meeting_rows(&g, &MeetingFilter::default()).is_empty());
/// ```
pub fn meeting_rows(g: &Graph, filter: &MeetingFilter) -> Vec<MeetingRow> {
    let names_match = |id: &str, needle: &str| -> bool {
        if id == needle {
            return true;
        }
        let needle_folded = crate::text::fold(needle).to_lowercase();
        g.node(id).is_some_and(|n| {
            n.label_en.to_lowercase().contains(&needle_folded)
                || crate::text::fold(&n.label_ar).contains(&needle_folded)
                || n.aliases_ar
                    .iter()
                    .any(|a| crate::text::fold(a).contains(&needle_folded))
        })
    };
    let mut rows: Vec<MeetingRow> = g
        .nodes()
        .filter(|n| n.kind == "meeting")
        .map(|n| {
            let attended: Vec<&str> = g
                .edges()
                .filter(|e| e.target == n.id && e.kind == "attended")
                .map(|e| e.source.as_str())
                .collect();
            let of = |prefix: &str| -> Vec<String> {
                attended
                    .iter()
                    .filter(|s| s.starts_with(prefix))
                    .map(|s| s.to_string())
                    .collect()
            };
            MeetingRow {
                id: n.id.clone(),
                label_en: n.label_en.clone(),
                label_ar: n.label_ar.clone(),
                date: n.date.clone(),
                place: n.place.clone(),
                place_ar: n.place_ar.clone(),
                country: n.country.clone(),
                status: n.status.clone().unwrap_or_default(),
                kind: n.kind_of_meeting.clone().unwrap_or_default(),
                countries: of("country:")
                    .into_iter()
                    .map(|c| c["country:".len()..].to_string())
                    .collect(),
                people: of("person:"),
                organisations: of("organisation:"),
                articles: n.articles.len(),
            }
        })
        .filter(|r| {
            let country_ok = filter.country.as_ref().is_none_or(|c| {
                let c = c.to_ascii_uppercase();
                r.countries.contains(&c) || r.country.as_deref() == Some(c.as_str())
            });
            let person_ok = filter
                .person
                .as_ref()
                .is_none_or(|p| r.people.iter().any(|id| names_match(id, p)));
            let org_ok = filter
                .organisation
                .as_ref()
                .is_none_or(|o| r.organisations.iter().any(|id| names_match(id, o)));
            let place_ok = filter.place.as_ref().is_none_or(|p| {
                let p = crate::text::fold(p).to_lowercase();
                r.place.as_deref().is_some_and(|x| x.to_lowercase() == p)
                    || r.place_ar
                        .as_deref()
                        .is_some_and(|x| crate::text::fold(x) == p)
            });
            let date = r.date.as_deref().and_then(TextDate::parse_iso);
            let since_ok = filter.since.is_none_or(|s| {
                date.is_some_and(|d| d.year.is_some() && last_day(&d) >= s.first_day())
            });
            let until_ok = filter.until.is_none_or(|u| {
                date.is_some_and(|d| d.year.is_some() && first_day(&d) <= u.last_day())
            });
            let status_ok = filter.status.as_ref().is_none_or(|s| &r.status == s);
            country_ok && person_ok && org_ok && place_ok && since_ok && until_ok && status_ok
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.place, &a.id).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.place,
            &b.id,
        ))
    });
    rows
}

fn first_day(d: &TextDate) -> (u16, u8, u8) {
    (
        d.year.unwrap_or(0),
        d.month.unwrap_or(1),
        d.day.unwrap_or(1),
    )
}

fn last_day(d: &TextDate) -> (u16, u8, u8) {
    (
        d.year.unwrap_or(0),
        d.month.unwrap_or(12),
        d.day.unwrap_or(31),
    )
}

/// Why a name could not be resolved to one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// Nothing in the graph goes by that name.
    NotFound(String),
    /// Several nodes do; their ids and English labels.
    Ambiguous(String, Vec<(String, String)>),
}

impl std::fmt::Display for Unresolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unresolved::NotFound(n) => write!(
                f,
                "nothing in the graph is called '{n}'; try an id (country:TUR, person:mike-pompeo), an ISO3 code, or an English or Arabic name"
            ),
            Unresolved::Ambiguous(n, c) => {
                write!(f, "'{n}' could be any of:")?;
                for (id, label) in c {
                    write!(f, "\n  {id}  {label}")?;
                }
                write!(f, "\nname one by its id")
            }
        }
    }
}

/// Finds the node a user means: an id (`person:mike-pompeo`), an ISO3
/// code (`TUR`), or an English or Arabic name or alias (`Turkey`, `تركيا`,
/// `بومبيو`). Exact matches win over partial ones; several partial matches
/// are reported as ambiguous.
///
/// # Example
/// ```
/// use majlis::{extract::Extractor, gazetteer::Gazetteer, graph::Graph, input::Article};
/// let x = Extractor::new(Gazetteer::builtin().unwrap());
/// let mut g = Graph::new();
/// g.add(x.extract(&Article::new("a", "زار أردوغان العراق")), x.gazetteer());
/// assert_eq!(majlis::query::resolve(&g, "IRQ").unwrap(), "country:IRQ");
/// assert_eq!(majlis::query::resolve(&g, "العراق").unwrap(), "country:IRQ");
/// assert_eq!(majlis::query::resolve(&g, "erdogan").unwrap(), "person:recep-tayyip-erdogan");
/// ```
pub fn resolve(g: &Graph, name: &str) -> Result<String, Unresolved> {
    let name = name.trim();
    if g.node(name).is_some() {
        return Ok(name.to_string());
    }
    let iso = format!("country:{}", name.to_ascii_uppercase());
    if name.len() == 3 && g.node(&iso).is_some() {
        return Ok(iso);
    }
    let en = crate::eval::english_key(name);
    let ar = crate::text::fold(name);
    let exact: Vec<&crate::graph::Node> = g
        .nodes()
        .filter(|n| {
            std::iter::once(&n.label_en)
                .chain(&n.aliases_en)
                .any(|s| !en.is_empty() && crate::eval::english_key(s) == en)
                || std::iter::once(&n.label_ar)
                    .chain(&n.aliases_ar)
                    .any(|s| !ar.is_empty() && crate::text::fold(s) == ar)
        })
        .collect();
    let found = if exact.is_empty() {
        g.nodes()
            .filter(|n| {
                (!en.is_empty() && crate::eval::english_key(&n.label_en).contains(&en))
                    || (!ar.is_empty() && crate::text::fold(&n.label_ar).contains(&ar))
            })
            .collect()
    } else {
        exact
    };
    match found[..] {
        [one] => Ok(one.id.clone()),
        [] => Err(Unresolved::NotFound(name.to_string())),
        _ => Err(Unresolved::Ambiguous(
            name.to_string(),
            found
                .iter()
                .map(|n| (n.id.clone(), n.label_en.clone()))
                .collect(),
        )),
    }
}

/// The meetings that every node in `ids` attended (or, for a country,
/// hosted), sorted as [`meeting_rows`] sorts.
pub fn met(g: &Graph, ids: &[String]) -> Vec<MeetingRow> {
    meeting_rows(g, &MeetingFilter::default())
        .into_iter()
        .filter(|r| {
            ids.iter().all(|id| {
                g.edges().any(|e| {
                    e.source == *id
                        && e.target == r.id
                        && (e.kind == "attended" || e.kind == "hosted")
                })
            })
        })
        .collect()
}

/// The country × meeting attendance matrix as CSV: one row per meeting
/// (id, date, place, host), one column per country that attended any
/// meeting (ISO3), `1` where it attended.
pub fn attendance_csv(g: &Graph, filter: &MeetingFilter) -> String {
    let rows = meeting_rows(g, filter);
    let mut countries: Vec<String> = rows.iter().flat_map(|r| r.countries.clone()).collect();
    countries.sort();
    countries.dedup();
    let mut out = String::from("meeting,date,place,host");
    for c in &countries {
        out.push(',');
        out.push_str(c);
    }
    out.push('\n');
    for r in &rows {
        let cells = [
            r.id.clone(),
            r.date.clone().unwrap_or_default(),
            r.place.clone().unwrap_or_default(),
            r.country.clone().unwrap_or_default(),
        ];
        out.push_str(&cells.join(","));
        for c in &countries {
            out.push(',');
            if r.countries.contains(c) {
                out.push('1');
            }
        }
        out.push('\n');
    }
    out
}

/// Every edge between `a` and `b`, both directions, with its evidence.
pub fn between<'g>(g: &'g Graph, a: &str, b: &str) -> Vec<&'g crate::graph::Edge> {
    g.edges()
        .filter(|e| (e.source == a && e.target == b) || (e.source == b && e.target == a))
        .collect()
}
