//! Gazetteers: the curated data in `data/`, embedded at build time and
//! extendable with a user's folder, and the matcher that finds their
//! entries in text.

mod check;
mod load;
mod matcher;
mod model;

pub use check::{Finding, Severity, check};
pub use load::{DataError, FILES, parse_file};
pub use matcher::{Candidate, Matcher, Target, TitleHit, title_ends_before};
pub use model::{Alias, AliasForm, Entity, EntityKind, Origin, PartialDate, Role, Title};

use rustc_hash::FxHashMap;
use std::path::Path;

/// The built-in data files, embedded in the binary.
const BUILTIN: [(&str, &str); 5] = [
    ("countries.tsv", include_str!("../../data/countries.tsv")),
    (
        "organisations.tsv",
        include_str!("../../data/organisations.tsv"),
    ),
    ("people.tsv", include_str!("../../data/people.tsv")),
    ("places.tsv", include_str!("../../data/places.tsv")),
    ("titles.tsv", include_str!("../../data/titles.tsv")),
];

/// All entities and titles, indexed by kind and id.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    titles: Vec<Title>,
    /// Per kind, entity id to position: looked up by `&str`, without
    /// building a key.
    index: FxHashMap<EntityKind, FxHashMap<String, usize>>,
    /// Graph node id of each entity, computed once: the graph asks for
    /// one per mention.
    node_ids: Vec<String>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary.
    ///
    /// # Example
    /// ```
    /// use majlis::gazetteer::{EntityKind, Gazetteer};
    /// let g = Gazetteer::builtin().unwrap();
    /// assert_eq!(g.get(EntityKind::Country, "JOR").unwrap().name_en, "Jordan");
    /// ```
    pub fn builtin() -> Result<Gazetteer, Vec<DataError>> {
        let mut g = Gazetteer::default();
        let mut errors = Vec::new();
        for (name, content) in BUILTIN {
            errors.extend(g.add_file(name, &format!("data/{name}"), content));
        }
        if errors.is_empty() {
            Ok(g)
        } else {
            Err(errors)
        }
    }

    /// The built-in gazetteer plus the data files found in `dir` (any of
    /// the names in [`FILES`]); a user's record with an existing id
    /// replaces the built-in one.
    pub fn with_dir(dir: &Path) -> Result<Gazetteer, Vec<DataError>> {
        let mut g = Gazetteer::builtin()?;
        let errors = g.add_dir(dir);
        if errors.is_empty() {
            Ok(g)
        } else {
            Err(errors)
        }
    }

    /// Adds the data files of `dir`; returns the problems found.
    pub fn add_dir(&mut self, dir: &Path) -> Vec<DataError> {
        let mut errors = Vec::new();
        let shown = dir.display().to_string();
        if !dir.is_dir() {
            errors.push(DataError {
                file: shown,
                line: 0,
                message: "not a folder; --gazetteer takes a folder holding countries.tsv, people.tsv, … (see data/README.md)".into(),
            });
            return errors;
        }
        let mut found = false;
        for (name, _) in FILES {
            let path = dir.join(name);
            if !path.exists() {
                continue;
            }
            found = true;
            match std::fs::read_to_string(&path) {
                Ok(content) => {
                    errors.extend(self.add_file(name, &path.display().to_string(), &content))
                }
                Err(e) => errors.push(DataError {
                    file: path.display().to_string(),
                    line: 0,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
        if !found {
            errors.push(DataError {
                file: shown,
                line: 0,
                message: format!(
                    "holds none of the gazetteer files ({})",
                    FILES.map(|f| f.0).join(", ")
                ),
            });
        }
        errors
    }

    /// Parses and adds one data file's content; returns its problems.
    pub fn add_file(&mut self, name: &str, shown: &str, content: &str) -> Vec<DataError> {
        let (parsed, errors) = parse_file(name, shown, content);
        for e in parsed.entities {
            match self.position(e.kind, &e.id) {
                Some(i) => {
                    self.node_ids[i] = e.node_id();
                    self.entities[i] = e;
                }
                None => {
                    let ids = self.index.entry(e.kind).or_default();
                    ids.insert(e.id.clone(), self.entities.len());
                    self.node_ids.push(e.node_id());
                    self.entities.push(e);
                }
            }
        }
        for t in parsed.titles {
            match self.titles.iter_mut().find(|old| old.code == t.code) {
                Some(old) => *old = t,
                None => self.titles.push(t),
            }
        }
        errors
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The graph node id of entity `i` (see [`Entity::node_id`]).
    ///
    /// # Example
    /// ```
    /// use majlis::gazetteer::{EntityKind, Gazetteer};
    /// let g = Gazetteer::builtin().unwrap();
    /// let jordan = g.position(EntityKind::Country, "JOR").unwrap();
    /// assert_eq!(g.node_id(jordan), "country:JOR");
    /// ```
    pub fn node_id(&self, i: usize) -> &str {
        &self.node_ids[i]
    }

    /// All titles.
    pub fn titles(&self) -> &[Title] {
        &self.titles
    }

    /// One entity by kind and id (ISO3 for countries).
    pub fn get(&self, kind: EntityKind, id: &str) -> Option<&Entity> {
        self.position(kind, id).map(|i| &self.entities[i])
    }

    /// The position of an entity in [`entities`](Self::entities).
    pub fn position(&self, kind: EntityKind, id: &str) -> Option<usize> {
        self.index.get(&kind)?.get(id).copied()
    }

    /// Removes every entity of `kind` (used to measure what extraction
    /// finds without, say, the people list).
    pub fn without(mut self, kind: EntityKind) -> Gazetteer {
        self.entities.retain(|e| e.kind != kind);
        self.node_ids = self.entities.iter().map(Entity::node_id).collect();
        self.index.clear();
        for (i, e) in self.entities.iter().enumerate() {
            self.index
                .entry(e.kind)
                .or_default()
                .insert(e.id.clone(), i);
        }
        self
    }
}
