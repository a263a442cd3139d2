//! Extraction: one article in, its mentions and relations out, each with
//! evidence in the article's own characters.

mod boilerplate;
mod dates;
mod discover;
mod meetings;
mod mentions;
mod relations;
mod titles;

use crate::evidence::Evidence;
use crate::gazetteer::{AliasForm, EntityKind, Gazetteer, Matcher, PartialDate};
use crate::input::{Article, ArticleMeta};
use crate::text::{Normalized, fold, sentence_ends_codes, tokenize_codes};
use rustc_hash::FxHashSet;
use std::sync::Arc;

pub use boilerplate::boilerplate_lines;
pub use dates::{DateHit, TextDate, find_dates};
pub use discover::{Discovered, latin_label, transliterate};
pub use meetings::{Meeting, Status};
pub use relations::{Relation, RelationKind};

/// An entity named in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into the gazetteer's entities.
    pub entity: usize,
    /// The quote, without clitics (و، ب، …) but with the article of a
    /// nisba (الأميركية).
    pub evidence: Evidence,
    /// The surface form to record as an alias: the quote, or the alias
    /// itself where the quote lost its alef (للأمم); none for an official
    /// named by office (the quote is a title, not a name).
    pub surface: Option<String>,
    /// How the entity was named.
    pub form: AliasForm,
}

/// What one article yields.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The article id.
    pub article: String,
    /// Its publication date, when known.
    pub published: Option<PartialDate>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Relations in text order.
    pub relations: Vec<Relation>,
    /// Meetings in order of first mention.
    pub meetings: Vec<Meeting>,
    /// Officials the gazetteer does not know, found by their title.
    pub discovered: Vec<Discovered>,
    /// What the graph records of the article (source, address, encoding).
    pub meta: ArticleMeta,
}

/// Extracts entities and relations with one gazetteer.
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: Gazetteer,
    matcher: Matcher,
    /// First words of people's full names (folded), to tell another
    /// person's surname from a short form.
    first_names: FxHashSet<String>,
}

impl Extractor {
    /// Compiles the gazetteer for matching.
    ///
    /// # Example
    /// ```
    /// use majlis::{extract::Extractor, gazetteer::Gazetteer, input::Article};
    /// let x = Extractor::new(Gazetteer::builtin().unwrap());
    /// let out = x.extract(&Article::new("a", "زار وزير الخارجية التركي بغداد"));
    /// let ids: Vec<String> = out.mentions.iter().map(|m| x.gazetteer().entities()[m.entity].node_id()).collect();
    /// assert!(ids.contains(&"country:TUR".to_string()));
    /// ```
    pub fn new(gazetteer: Gazetteer) -> Extractor {
        let matcher = Matcher::new(&gazetteer);
        let first_names = first_names(&gazetteer);
        Extractor {
            gazetteer,
            matcher,
            first_names,
        }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts one article. Never panics, whatever the text.
    pub fn extract(&self, article: &Article) -> Extraction {
        let (norm, original) = Normalized::with_chars(&article.text);
        // Every quote names the article: one shared id, not one copy each.
        let id: Arc<str> = article.id.as_str().into();
        // Every stage reads the same sentences and words.
        let sentences = sentence_ends_codes(norm.codes());
        let tokens = tokenize_codes(norm.codes());
        let furniture = boilerplate_lines(&norm);
        let mut candidates = self.matcher.find(&norm);
        candidates.retain(|c| !furniture.iter().any(|&(s, e)| s <= c.start && c.end <= e));
        let mut resolved = mentions::resolve(
            &self.gazetteer,
            &norm,
            &original,
            &candidates,
            article.published,
            &self.first_names,
            &sentences,
        );
        let titles = self.matcher.find_titles(&norm);
        for c in titles::holders(
            &self.gazetteer,
            &candidates,
            &resolved,
            &titles,
            article.published,
        ) {
            resolved.push(mentions::Resolved {
                entity: c.targets[0].entity,
                candidate: candidates.len(),
                form: AliasForm::Name,
                after_lam: false,
                by_title: true,
            });
            candidates.push(c);
        }
        resolved.sort_by_key(|r| (candidates[r.candidate].start, candidates[r.candidate].end));
        let mut mentions = Vec::with_capacity(resolved.len());
        for r in &resolved {
            let c = &candidates[r.candidate];
            // After لل the hit starts at the second lam; quote the whole word.
            let first = if r.after_lam {
                c.start.saturating_sub(1)
            } else {
                c.start
            };
            let (start, end) = extend_over_marks(&original, norm.original_span(first, c.end));
            let quote: String = original[start..end].iter().collect();
            let entity = &self.gazetteer.entities()[r.entity];
            let surface = if r.by_title {
                None
            } else if r.after_lam {
                Some(entity.aliases[target_alias(c, r.entity)].text.clone())
            } else {
                Some(quote.clone())
            };
            mentions.push(Mention {
                entity: r.entity,
                evidence: Evidence {
                    article: id.clone(),
                    start,
                    end,
                    text: quote,
                    basis: r.by_title.then(|| "title".to_string()),
                },
                surface,
                form: r.form,
            });
        }
        let relations = relations::represents(
            &self.gazetteer,
            &norm,
            &original,
            &id,
            &candidates,
            &resolved,
            &titles,
            article.published,
            &sentences,
        );
        let dates = dates::find_dates_in(&norm, &tokens, article.published);
        // Meetings look relations up by person: one copy per (person,
        // country), sorted by person.
        let mut by_person: Vec<Relation> = relations.clone();
        by_person.sort_by_key(|r| (r.source, r.target));
        by_person.dedup_by_key(|r| (r.source, r.target));
        let meetings = meetings::find(&meetings::Context {
            g: &self.gazetteer,
            text: &norm,
            original: &original,
            article: &id,
            candidates: &candidates,
            resolved: &resolved,
            relations: &by_person,
            titles: &titles,
            dates: &dates,
            tokens: &tokens,
            sentences: &sentences,
            published: article.published,
        });
        let discovered = discover::discover(
            &self.gazetteer,
            &norm,
            &original,
            &id,
            &tokens,
            &candidates,
            &resolved,
            &titles,
            &self.first_names,
        );
        Extraction {
            article: article.id.clone(),
            published: article.published,
            mentions,
            relations,
            meetings,
            discovered,
            meta: article.meta(),
        }
    }

    /// The mentions of one kind, for tests and tools.
    pub fn mentions_of<'a>(
        &'a self,
        extraction: &'a Extraction,
        kind: EntityKind,
    ) -> impl Iterator<Item = &'a Mention> + 'a {
        extraction
            .mentions
            .iter()
            .filter(move |m| self.gazetteer.entities()[m.entity].kind == kind)
    }
}

/// Given names that open a person's name (data/given_names.txt).
const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");

/// The first words of people's multi-word names, leaving out particles
/// and titles (عبد, أبو, الملك …), and the given names of
/// data/given_names.txt.
fn first_names(g: &Gazetteer) -> FxHashSet<String> {
    let listed = GIVEN_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.contains(' '))
        .map(fold);
    g.entities()
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.aliases.iter().filter(|a| a.form == AliasForm::Name))
        .filter_map(|a| {
            let folded = fold(&a.text);
            let mut words = folded.split(' ');
            let first = words.next()?.to_string();
            words.next()?;
            let particle = first.starts_with("ال")
                || ["عبد", "ابو", "ام", "بن", "ابن", "بنت", "ولد"].contains(&first.as_str())
                || first.chars().count() < 3;
            (!particle).then_some(first)
        })
        .chain(listed)
        .collect()
}

fn target_alias(c: &crate::gazetteer::Candidate, entity: usize) -> usize {
    c.targets
        .iter()
        .find(|t| t.entity == entity)
        .map(|t| t.alias)
        .unwrap_or(0)
}

/// Takes trailing diacritics and tatweel into the span: they belong to its
/// last letter.
fn extend_over_marks(original: &[char], (start, mut end): (usize, usize)) -> (usize, usize) {
    while end < original.len()
        && matches!(
            original[end],
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
        )
    {
        end += 1;
    }
    (start, end)
}
