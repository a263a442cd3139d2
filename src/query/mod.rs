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
