//! The graph: model (on petgraph), merging, and the JSON contract.

mod json;
mod model;

pub use json::{SCHEMA_VERSION, from_json, to_json, write_json};
pub use model::{Edge, Graph, Node};
