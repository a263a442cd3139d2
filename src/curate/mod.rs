//! Curating the gazetteers from a corpus: `suggest` lists officials the
//! gazetteer lacks (found by title) as ready-to-paste `people.tsv` lines,
//! and nisba-like words after titles that name no known country; `stats`
//! counts how often each entry matched, by which alias, and which never did.

use crate::extract::{Extraction, Extractor};
use crate::gazetteer::{EntityKind, PartialDate};
use std::collections::{BTreeMap, BTreeSet};

/// What the corpus says about one official the gazetteer does not know.
#[derive(Debug, Clone, Default)]
struct Candidate {
    name_ar: String,
    latin: String,
    titles: BTreeMap<(String, String), usize>,
    mentions: usize,
    articles: BTreeSet<String>,
    first: Option<PartialDate>,
    last: Option<PartialDate>,
    examples: Vec<String>,
}

/// Accumulates suggestions article by article.
#[derive(Debug, Default)]
pub struct Suggestions {
    people: BTreeMap<String, Candidate>,
}

impl Suggestions {
    /// Adds one article's extraction.
    pub fn add(&mut self, x: &Extraction, extractor: &Extractor) {
        let g = extractor.gazetteer();
        // Only officials: a name introduced by a nisba alone may be anyone.
        for d in x.discovered.iter().filter(|d| !d.title.is_empty()) {
            let c = self.people.entry(d.key.clone()).or_default();
            if c.name_ar.is_empty() {
                c.name_ar = d.name_ar.clone();
                c.latin = d.latin.clone();
            }
            let iso = d
                .country
                .map(|e| g.entities()[e].id.clone())
                .unwrap_or_default();
            *c.titles.entry((d.title.clone(), iso)).or_default() += 1;
            c.mentions += d.evidence.len();
            c.articles.insert(x.article.clone());
            if let Some(p) = x.published {
                if c.first.is_none_or(|f| p < f) {
                    c.first = Some(p);
                }
                if c.last.is_none_or(|l| p > l) {
                    c.last = Some(p);
                }
            }
            if c.examples.len() < 2 {
                c.examples.push(format!(
                    "{}: {}",
                    x.article,
                    d.evidence[0].text.replace(['\n', '\t'], " ")
                ));
            }
        }
    }

    /// The suggestions with at least `min_count` mentions, most frequent
    /// first, as a `people.tsv` file: a comment block with counts, dates
    /// and two examples above each line. Accepting one is a copy.
    ///
    /// # Example
    /// ```
    /// let s = majlis::curate::Suggestions::default().to_people_tsv(5);
    /// assert!(s.contains("id\tname_en\tname_ar\taliases_ar\tshort_ar\taliases_en\troles"));
    /// ```
    pub fn to_people_tsv(&self, min_count: usize) -> String {
        let mut out = String::from(
            "# Suggested by `majlis gazetteer suggest`: officials the gazetteer does not know,\n\
             # found after their titles. Check each against the articles, correct the English\n\
             # name and add the term's dates (title/ISO3/from/to), then copy the line into\n\
             # people.tsv.\n\
             id\tname_en\tname_ar\taliases_ar\tshort_ar\taliases_en\troles\n",
        );
        let mut rows: Vec<&Candidate> = self
            .people
            .values()
            .filter(|c| c.mentions >= min_count)
            .collect();
        rows.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.latin.cmp(&b.latin)));
        let mut ids = BTreeSet::new();
        for c in rows {
            let base: String = c.latin.split_whitespace().collect::<Vec<_>>().join("-");
            if base.is_empty() {
                continue;
            }
            let mut id = base.clone();
            let mut n = 2;
            while !ids.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            let name_en = crate::extract::latin_label(&c.latin);
            let roles: Vec<String> = c
                .titles
                .iter()
                .filter(|((_, iso), _)| !iso.is_empty())
                .map(|((t, iso), _)| format!("{t}/{iso}//"))
                .collect();
            let surname = c
                .name_ar
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_string();
            out.push_str(&format!(
                "# {} mentions in {} articles, seen {} to {}; titles: {}\n",
                c.mentions,
                c.articles.len(),
                c.first.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
                c.last.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
                c.titles
                    .iter()
                    .map(|((t, iso), n)| format!("{t} {iso} ×{n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            for e in &c.examples {
                out.push_str(&format!("#   {e}\n"));
            }
            out.push_str(&format!(
                "{id}\t{name_en}\t{}\t-\t{}\t-\t{}\n",
                c.name_ar.replace(['\t', '\n', '_'], " "),
                if surname.chars().count() >= 4 && surname != c.name_ar {
                    format!("~{surname}")
                } else {
                    "-".into()
                },
                if roles.is_empty() {
                    "-".into()
                } else {
                    roles.join("|")
                }
            ));
        }
        out
    }
}

/// One entry's matches: mentions, articles, and mentions per alias.
#[derive(Debug, Default)]
struct Matches {
    mentions: usize,
    articles: BTreeSet<String>,
    aliases: BTreeMap<String, usize>,
}

/// How often each gazetteer entry matched, and by which alias.
#[derive(Debug, Default)]
pub struct Stats {
    matched: BTreeMap<usize, Matches>,
}

impl Stats {
    /// Adds one article's extraction.
    pub fn add(&mut self, x: &Extraction) {
        for m in &x.mentions {
            let e = self.matched.entry(m.entity).or_default();
            e.mentions += 1;
            e.articles.insert(x.article.clone());
            if let Some(s) = &m.surface {
                *e.aliases.entry(crate::text::fold(s)).or_default() += 1;
            }
        }
    }

    /// A report: one line per matched entry (id, kind, mentions, articles,
    /// aliases by frequency), most matched first, then the dead entries
    /// (never matched), by kind.
    pub fn report(&self, extractor: &Extractor) -> String {
        let g = extractor.gazetteer();
        let mut out = String::from("id\ttype\tmentions\tarticles\taliases seen\n");
        let mut rows: Vec<(&usize, &Matches)> = self.matched.iter().collect();
        rows.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
        for (e, m) in rows {
            let (n, arts, aliases) = (m.mentions, &m.articles, &m.aliases);
            let entity = &g.entities()[*e];
            let mut by: Vec<(&String, &usize)> = aliases.iter().collect();
            by.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let by: Vec<String> = by.iter().map(|(a, c)| format!("{a} {c}")).collect();
            out.push_str(&format!(
                "{}\t{}\t{n}\t{}\t{}\n",
                entity.node_id(),
                entity.kind,
                arts.len(),
                by.join(" | ")
            ));
        }
        for kind in [
            EntityKind::Country,
            EntityKind::Person,
            EntityKind::Organisation,
            EntityKind::Place,
        ] {
            let dead: Vec<String> = g
                .entities()
                .iter()
                .enumerate()
                .filter(|(i, e)| e.kind == kind && !self.matched.contains_key(i))
                .map(|(_, e)| format!("{} ({})", e.id, e.origin))
                .collect();
            out.push_str(&format!(
                "\n# dead {kind} entries ({}): never matched\n",
                dead.len()
            ));
            for d in dead {
                out.push_str(&format!("# {d}\n"));
            }
        }
        out
    }

    /// Entities (gazetteer indices) that never matched.
    pub fn dead(&self, extractor: &Extractor) -> Vec<usize> {
        (0..extractor.gazetteer().entities().len())
            .filter(|i| !self.matched.contains_key(i))
            .collect()
    }
}
