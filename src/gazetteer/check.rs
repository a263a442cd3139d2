//! `majlis gazetteer check`: what is wrong or doubtful in the data.

use super::load::{DataError, FILES, parse_file};
use super::model::{AliasForm, Entity, EntityKind};
use super::{BUILTIN, Gazetteer};
use crate::text::fold;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data is wrong and must be fixed.
    Error,
    /// Probably wrong, or resolved by a rule the curator should know.
    Warning,
}

/// One finding, with the place it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// `file:line` of the record.
    pub place: String,
    /// What and how it is resolved.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {s}: {}", self.place, self.message)
    }
}

/// Checks the built-in data, plus `dir` when given: parse errors, duplicate
/// ids, aliases shared between entities (and how the matcher resolves
/// them), unknown country codes and titles, and roles with bad dates.
///
/// # Example
/// ```
/// use majlis::gazetteer::{Severity, check};
/// let findings = check(None);
/// assert!(findings.iter().all(|f| f.severity != Severity::Error));
/// ```
pub fn check(dir: Option<&Path>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut records: Vec<Entity> = Vec::new();
    let mut data_errors: Vec<DataError> = Vec::new();
    let mut seen: HashMap<(EntityKind, String), String> = HashMap::new();
    let mut sources: Vec<(String, String, String, bool)> = BUILTIN
        .iter()
        .map(|(n, c)| (n.to_string(), format!("data/{n}"), c.to_string(), true))
        .collect();
    if let Some(dir) = dir {
        let mut g = Gazetteer::default();
        data_errors.extend(g.add_dir(dir).into_iter().filter(|e| e.line == 0));
        for (name, _) in FILES {
            let path = dir.join(name);
            if let Ok(c) = std::fs::read_to_string(&path) {
                sources.push((name.to_string(), path.display().to_string(), c, false));
            }
        }
    }
    let mut titles = HashSet::new();
    for (name, shown, content, builtin) in &sources {
        let (parsed, errors) = parse_file(name, shown, content);
        data_errors.extend(errors);
        for t in parsed.titles {
            titles.insert(t.code);
        }
        for e in parsed.entities {
            let key = (e.kind, e.id.clone());
            if let Some(first) = seen.get(&key) {
                let replaces_builtin = !builtin && first.starts_with("data/");
                if !replaces_builtin {
                    findings.push(Finding {
                        severity: Severity::Error,
                        place: e.origin.to_string(),
                        message: format!(
                            "duplicate id '{}' (first at {first}); give each entity one record",
                            e.id
                        ),
                    });
                }
            } else {
                seen.insert(key, e.origin.to_string());
            }
            records.push(e);
        }
    }
    for e in data_errors {
        findings.push(Finding {
            severity: Severity::Error,
            place: if e.line == 0 {
                e.file.clone()
            } else {
                format!("{}:{}", e.file, e.line)
            },
            message: e.message,
        });
    }
    let countries: HashSet<&str> = records
        .iter()
        .filter(|e| e.kind == EntityKind::Country)
        .map(|e| e.id.as_str())
        .collect();
    let organisations: HashSet<&str> = records
        .iter()
        .filter(|e| e.kind == EntityKind::Organisation)
        .map(|e| e.id.as_str())
        .collect();
    for e in &records {
        if let Some(c) = &e.country
            && !countries.contains(c.as_str())
        {
            findings.push(Finding {
                severity: Severity::Error,
                place: e.origin.to_string(),
                message: format!("unknown country code '{c}' (not in countries.tsv)"),
            });
        }
        for r in &e.roles {
            if !titles.contains(&r.title) {
                findings.push(Finding {
                    severity: Severity::Error,
                    place: e.origin.to_string(),
                    message: format!("role title '{}' is not in titles.tsv", r.title),
                });
            }
            let known = if r.targets_country() {
                countries.contains(r.target.as_str())
            } else {
                organisations.contains(r.target.as_str())
            };
            if !known {
                findings.push(Finding {
                    severity: Severity::Error,
                    place: e.origin.to_string(),
                    message: format!(
                        "role target '{}' is neither a country in countries.tsv nor an organisation id",
                        r.target
                    ),
                });
            }
        }
    }
    findings.extend(collisions(&records));
    findings.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.place.cmp(&b.place)));
    findings
}

/// Aliases that fold to the same string for different entities.
fn collisions(records: &[Entity]) -> Vec<Finding> {
    let mut by_alias: BTreeMap<String, Vec<(usize, AliasForm, bool)>> = BTreeMap::new();
    for (i, e) in records.iter().enumerate() {
        for a in &e.aliases {
            let slot = by_alias.entry(fold(&a.text)).or_default();
            if !slot
                .iter()
                .any(|(j, _, _)| records[*j].node_id() == e.node_id())
            {
                slot.push((i, a.form, a.weak));
            }
        }
    }
    let mut out = Vec::new();
    for (alias, owners) in by_alias {
        if owners.len() < 2 {
            continue;
        }
        let names: Vec<String> = owners
            .iter()
            .map(|(i, _, weak)| {
                format!(
                    "{}{} ({})",
                    records[*i].node_id(),
                    if *weak { " weak" } else { "" },
                    records[*i].origin
                )
            })
            .collect();
        let kinds: HashSet<EntityKind> = owners.iter().map(|(i, _, _)| records[*i].kind).collect();
        let all_short = owners.iter().all(|(_, f, w)| *w || *f == AliasForm::Short);
        let resolution = if kinds.len() > 1 {
            "kinds differ: both are kept as mentions; weak ones need support from the article"
        } else if all_short {
            "resolved per article: the nearest full mention, else the role held on the article's date"
        } else {
            "ambiguous: the matcher keeps the hit only when the article resolves it; mark the alias weak (~) or remove one"
        };
        out.push(Finding {
            severity: Severity::Warning,
            place: records[owners[0].0].origin.to_string(),
            message: format!(
                "alias '{alias}' is shared by {}: {resolution}",
                names.join(", ")
            ),
        });
    }
    out
}
