//! Scoring extraction against gold annotations (`kg-gold/1`, see
//! `tests/fixtures/eval/README.md`): precision, recall and F1 per category,
//! micro-averaged over articles, each article built alone.

use crate::extract::{Extractor, TextDate};
use crate::graph::{Graph, Node};
use crate::input::{Item, read_inputs};
use crate::text::fold;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// True and false positives and false negatives of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Gold items found.
    pub tp: usize,
    /// Predictions the gold does not allow.
    pub fp: usize,
    /// Gold items missed.
    pub r#fn: usize,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn); 1 when nothing was required.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.r#fn)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// One miss or false hit, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The article file name.
    pub article: String,
    /// `countries`, `persons` or `organisations`.
    pub category: String,
    /// The item: an ISO3, a gold name, or a predicted node id and label.
    pub item: String,
}

/// A check on the graph of all gold articles together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusCheck {
    /// What is checked.
    pub check: String,
    /// Whether it holds.
    pub ok: bool,
    /// What was found.
    pub detail: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Counts per category.
    pub categories: BTreeMap<String, Counts>,
    /// Forbidden countries predicted (a trap fallen into).
    pub forbidden_hits: Vec<Finding>,
    /// Required items not found.
    pub misses: Vec<Finding>,
    /// Predictions outside required and optional.
    pub false_hits: Vec<Finding>,
    /// Checks on all articles together.
    pub corpus: Vec<CorpusCheck>,
    /// Gold articles that could not be read.
    pub unreadable: Vec<String>,
}

/// Scores `extractor` on the gold in `gold` for the articles in `dir`.
///
/// # Example
/// ```
/// use majlis::{eval::evaluate, extract::Extractor, gazetteer::Gazetteer};
/// let gold = std::fs::read_to_string("tests/fixtures/eval/seeds.gold.json").unwrap();
/// let x = Extractor::new(Gazetteer::builtin().unwrap());
/// let report = evaluate(&gold, "seeds".as_ref(), &x).unwrap();
/// assert!(report.categories["countries"].f1() > 0.9);
/// ```
pub fn evaluate(gold: &str, dir: &Path, extractor: &Extractor) -> Result<Report, String> {
    let gold: Value = serde_json::from_str(gold).map_err(|e| format!("not JSON: {e}"))?;
    if gold.get("schema").and_then(Value::as_str) != Some("kg-gold/1") {
        return Err("not a kg-gold/1 file (its \"schema\" must be \"kg-gold/1\")".into());
    }
    let articles = gold
        .get("articles")
        .and_then(Value::as_object)
        .ok_or("no \"articles\" object")?;
    let mut report = Report::default();
    for cat in [
        "countries",
        "persons",
        "organisations",
        "meetings",
        "attendance",
    ] {
        report.categories.insert(cat.into(), Counts::default());
    }
    let mut all = Graph::new();
    for (name, expected) in articles {
        let Some(graph) = build(&dir.join(name), extractor) else {
            report.unreadable.push(name.clone());
            continue;
        };
        score_countries(name, expected, &graph, &mut report);
        for (cat, kind) in [("persons", "person"), ("organisations", "organisation")] {
            score_items(name, cat, kind, expected, &graph, &mut report);
        }
        score_meetings(name, expected, &graph, &mut report);
        all.merge(graph);
    }
    if let Some(corpus) = gold.get("corpus") {
        corpus_checks(corpus, &all, &mut report);
    }
    Ok(report)
}

fn build(path: &Path, extractor: &Extractor) -> Option<Graph> {
    let mut graph = Graph::new();
    let mut ok = false;
    read_inputs(&[path.to_path_buf()], &mut |item| {
        if let Item::Article(mut a) = item {
            a.id = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            graph.add(extractor.extract(&a), extractor.gazetteer());
            ok = true;
        }
    });
    graph.finish();
    ok.then_some(graph)
}

/// The `required` and `optional` items of one gold category.
fn gold_lists(expected: &Value, category: &str) -> (Vec<Value>, Vec<Value>) {
    let list = |k: &str| -> Vec<Value> {
        expected
            .get(category)
            .and_then(|s| s.get(k))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    (list("required"), list("optional"))
}

/// The strings of `v[key]` as a set.
fn set_of(v: Option<&Value>, key: &str) -> BTreeSet<String> {
    strings(v.and_then(|v| v.get(key))).into_iter().collect()
}

/// The nodes the article names. A country reached only through a
/// gazetteer role (a minister's country) is in the graph but not named, and
/// an official named only by office ("وزير الخارجية السعودي") is not named
/// either.
fn named(g: &Graph) -> impl Iterator<Item = &Node> {
    g.nodes()
        .filter(|n| n.evidence.iter().any(|e| e.basis.is_none()))
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

fn score_countries(article: &str, expected: &Value, g: &Graph, report: &mut Report) {
    let c = expected.get("countries");
    let required: BTreeSet<String> = set_of(c, "required");
    let optional: BTreeSet<String> = set_of(c, "optional");
    let forbidden: BTreeSet<String> = set_of(c, "forbidden");
    let predicted: BTreeSet<String> = named(g).filter_map(|n| n.iso3.clone()).collect();
    let counts = report.categories.get_mut("countries").expect("initialised");
    let finding = |item: &str| Finding {
        article: article.to_string(),
        category: "countries".into(),
        item: item.to_string(),
    };
    for r in &required {
        if predicted.contains(r) {
            counts.tp += 1;
        } else {
            counts.r#fn += 1;
            report.misses.push(finding(r));
        }
    }
    for p in &predicted {
        if !required.contains(p) && !optional.contains(p) {
            counts.fp += 1;
            report.false_hits.push(finding(p));
        }
        if forbidden.contains(p) {
            report.forbidden_hits.push(finding(p));
        }
    }
}

/// A gold person or organisation: acceptable English and Arabic names.
struct GoldItem {
    en: Vec<String>,
    ar: Vec<String>,
}

impl GoldItem {
    fn parse(v: &Value) -> GoldItem {
        GoldItem {
            en: strings(v.get("en"))
                .iter()
                .map(|s| english_key(s))
                .collect(),
            ar: strings(v.get("ar")).iter().map(|s| fold(s)).collect(),
        }
    }

    fn matches(&self, n: &Node) -> bool {
        let en = std::iter::once(&n.label_en).chain(&n.aliases_en);
        let ar = std::iter::once(&n.label_ar).chain(&n.aliases_ar);
        en.map(|s| english_key(s)).any(|k| self.en.contains(&k))
            || ar.map(|s| fold(s)).any(|k| self.ar.contains(&k))
    }

    fn name(&self, v: &Value) -> String {
        strings(v.get("en")).into_iter().next().unwrap_or_default()
    }
}

/// Compares English names ignoring case, accents, punctuation, "al-",
/// "el-" and "bin".
///
/// # Example
/// ```
/// use majlis::eval::english_key;
/// assert_eq!(english_key("Recep Tayyip Erdoğan"), english_key("recep tayyip erdogan"));
/// assert_eq!(english_key("Bashar al-Assad"), english_key("Bashar Assad"));
/// ```
pub fn english_key(s: &str) -> String {
    let plain: String = s
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .collect::<String>()
        .to_lowercase();
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "al" | "el" | "bin"))
        .collect()
}

fn score_items(
    article: &str,
    category: &str,
    kind: &str,
    expected: &Value,
    g: &Graph,
    report: &mut Report,
) {
    let (required, optional) = gold_lists(expected, category);
    let req: Vec<GoldItem> = required.iter().map(GoldItem::parse).collect();
    let opt: Vec<GoldItem> = optional.iter().map(GoldItem::parse).collect();
    let predicted: Vec<&Node> = named(g).filter(|n| n.kind == kind).collect();
    let counts = report.categories.get_mut(category).expect("initialised");
    for (item, raw) in req.iter().zip(&required) {
        if predicted.iter().any(|n| item.matches(n)) {
            counts.tp += 1;
        } else {
            counts.r#fn += 1;
            report.misses.push(Finding {
                article: article.into(),
                category: category.into(),
                item: item.name(raw),
            });
        }
    }
    for n in predicted {
        if !req.iter().chain(&opt).any(|i| i.matches(n)) {
            counts.fp += 1;
            report.false_hits.push(Finding {
                article: article.into(),
                category: category.into(),
                item: format!("{} ({})", n.id, n.label_ar),
            });
        }
    }
}

/// A predicted meeting and the countries that attended it.
struct Predicted<'g> {
    node: &'g Node,
    attendees: BTreeSet<String>,
}

fn meeting_matches(gold: &Value, m: &Node) -> bool {
    let places: Vec<String> = strings(gold.get("place"))
        .iter()
        .map(|p| english_key(p))
        .collect();
    // By place where both name one, else by host country.
    let host_ok = || {
        gold.get("host")
            .and_then(Value::as_str)
            .is_some_and(|h| m.country.as_deref() == Some(h))
    };
    let place_ok = match m.place.as_deref() {
        Some(p) if !places.is_empty() => places.contains(&english_key(p)),
        _ => host_ok(),
    };
    let date_ok = match (gold.get("date").and_then(Value::as_str), m.date.as_deref()) {
        (Some(g), Some(p)) => match (TextDate::parse_iso(g), TextDate::parse_iso(p)) {
            (Some(g), Some(p)) => g.compatible(&p),
            _ => false,
        },
        _ => true,
    };
    place_ok && date_ok
}

fn score_meetings(article: &str, expected: &Value, g: &Graph, report: &mut Report) {
    let (required, optional) = gold_lists(expected, "meetings");
    let predicted: Vec<Predicted> = g
        .nodes()
        .filter(|n| n.kind == "meeting")
        .map(|n| Predicted {
            node: n,
            attendees: g
                .edges()
                .filter(|e| {
                    e.target == n.id && e.kind == "attended" && e.source.starts_with("country:")
                })
                .map(|e| e.source["country:".len()..].to_string())
                .collect(),
        })
        .collect();
    let mut used = vec![false; predicted.len()];
    let finding = |category: &str, item: String| Finding {
        article: article.to_string(),
        category: category.into(),
        item,
    };
    for (gi, gold) in required.iter().chain(&optional).enumerate() {
        let is_required = gi < required.len();
        let key = gold
            .get("key")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        let found =
            (0..predicted.len()).find(|&i| !used[i] && meeting_matches(gold, predicted[i].node));
        let counts = report.categories.get_mut("meetings").expect("initialised");
        match found {
            Some(i) => {
                used[i] = true;
                if is_required {
                    counts.tp += 1;
                }
                let att = gold.get("attendees");
                let req: BTreeSet<String> = set_of(att, "required");
                let opt: BTreeSet<String> = set_of(att, "optional");
                let not = set_of(Some(gold), "not_attendees");
                let a = report
                    .categories
                    .get_mut("attendance")
                    .expect("initialised");
                let got = &predicted[i].attendees;
                for r in &req {
                    if got.contains(r) {
                        a.tp += 1;
                    } else {
                        a.r#fn += 1;
                        report
                            .misses
                            .push(finding("attendance", format!("{r} at {key}")));
                    }
                }
                for p in got {
                    if !req.contains(p) && !opt.contains(p) {
                        a.fp += 1;
                        report
                            .false_hits
                            .push(finding("attendance", format!("{p} at {key}")));
                    }
                    if not.contains(p) {
                        report.forbidden_hits.push(finding(
                            "attendance",
                            format!("{p} at {key} (named as not attending)"),
                        ));
                    }
                }
            }
            None if is_required => {
                counts.r#fn += 1;
                report.misses.push(finding("meetings", key));
            }
            None => {}
        }
    }
    for (i, p) in predicted.iter().enumerate() {
        if !used[i] {
            report
                .categories
                .get_mut("meetings")
                .expect("initialised")
                .fp += 1;
            report.false_hits.push(finding(
                "meetings",
                format!("{} ({})", p.node.id, p.node.label_en),
            ));
        }
    }
}

fn corpus_checks(corpus: &Value, g: &Graph, report: &mut Report) {
    let nodes_named = |name: &str| -> Vec<&Node> {
        let key = english_key(name);
        g.nodes()
            .filter(|n| {
                std::iter::once(&n.label_en)
                    .chain(&n.aliases_en)
                    .any(|s| english_key(s) == key)
            })
            .collect()
    };
    for name in strings(corpus.get("one_node_each")) {
        let found = nodes_named(&name);
        report.corpus.push(CorpusCheck {
            check: format!("one node for {name}"),
            ok: found.len() == 1,
            detail: format!(
                "{} node(s): {}",
                found.len(),
                found
                    .iter()
                    .map(|n| n.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    for pair in corpus
        .get("distinct_persons")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let names = strings(Some(pair));
        let found: Vec<Vec<&Node>> = names.iter().map(|n| nodes_named(n)).collect();
        let ids: BTreeSet<&str> = found.iter().flatten().map(|n| n.id.as_str()).collect();
        let ok = found.iter().all(|f| f.len() == 1) && ids.len() == names.len();
        report.corpus.push(CorpusCheck {
            check: format!("distinct people: {}", names.join(" / ")),
            ok,
            detail: ids.into_iter().collect::<Vec<_>>().join(", "),
        });
    }
}

impl Report {
    /// The report as text: a table of scores, then every forbidden hit,
    /// miss and false hit, then the corpus checks.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str("category        tp   fp   fn  precision  recall     f1\n");
        for (cat, c) in &self.categories {
            s.push_str(&format!(
                "{cat:<14} {:>4} {:>4} {:>4}  {:>9.3}  {:>6.3}  {:>5.3}\n",
                c.tp,
                c.fp,
                c.r#fn,
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
        let mut section = |title: &str, items: &[Finding]| {
            if !items.is_empty() {
                s.push_str(&format!("\n{title} ({}):\n", items.len()));
                for f in items {
                    s.push_str(&format!("  {}  {:<13} {}\n", f.article, f.category, f.item));
                }
            }
        };
        section("FORBIDDEN hits", &self.forbidden_hits);
        section("misses", &self.misses);
        section("false hits", &self.false_hits);
        if !self.corpus.is_empty() {
            s.push_str("\nall articles together:\n");
            for c in &self.corpus {
                let mark = if c.ok { "ok  " } else { "FAIL" };
                s.push_str(&format!("  {mark} {}: {}\n", c.check, c.detail));
            }
        }
        for u in &self.unreadable {
            s.push_str(&format!("\nunreadable gold article: {u}\n"));
        }
        s
    }

    /// The report as JSON, with precision, recall and F1 per category.
    pub fn to_json(&self) -> String {
        let scores: BTreeMap<&String, Value> = self
            .categories
            .iter()
            .map(|(k, c)| {
                (
                    k,
                    serde_json::json!({
                        "tp": c.tp, "fp": c.fp, "fn": c.r#fn,
                        "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
                    }),
                )
            })
            .collect();
        let doc = serde_json::json!({
            "scores": scores,
            "forbidden_hits": self.forbidden_hits,
            "misses": self.misses,
            "false_hits": self.false_hits,
            "corpus": self.corpus,
            "unreadable": self.unreadable,
        });
        let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
        s.push('\n');
        s
    }
}
