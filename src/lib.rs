//! majlis reads Arabic news articles and builds one knowledge graph of the
//! countries, people and organisations they name.
//!
//! The pipeline, one module per stage, each usable alone:
//!
//! ```text
//! input      files, folders, JSON Lines -> Article
//! text       folding for matching, with offsets back to the original
//! gazetteer  curated data (data/), loading, checking, matching
//! extract    one article -> mentions and relations, with evidence
//! graph      merge into one graph (petgraph); the JSON contract
//! export     JSON, GraphML, DOT
//! eval       scores against gold annotations
//! ```
//!
//! # Example
//! ```
//! use majlis::{extract::Extractor, gazetteer::Gazetteer, graph::Graph, input::Article};
//!
//! let extractor = Extractor::new(Gazetteer::builtin().unwrap());
//! let article = Article::new("a1", "ضمت قائمة الدول المشاركة كلًا من العراق، ولبنان، والأردن");
//! let mut graph = Graph::new();
//! graph.add(extractor.extract(&article), extractor.gazetteer());
//! graph.finish();
//! let ids: Vec<&str> = graph.nodes().map(|n| n.id.as_str()).collect();
//! assert_eq!(ids, ["country:IRQ", "country:JOR", "country:LBN"]);
//! ```

#![warn(missing_docs)]

pub mod curate;
pub mod diff;
pub mod eval;
pub mod evidence;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod input;
pub mod query;
pub mod text;
