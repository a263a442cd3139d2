//! The library in a dozen lines: extract one article and print its graph.
//!
//!     cargo run --example quickstart

use majlis::{extract::Extractor, gazetteer::Gazetteer, graph::Graph, input::Article};

fn main() {
    let extractor = Extractor::new(Gazetteer::builtin().expect("the built-in gazetteer loads"));
    let article = Article::new(
        "example",
        "استضافت مدينة مراكش المغربية، 11 مايو 2022، اجتماعاً لوزراء خارجية الدول المشاركة في \
         التحالف الدولي. وقال وزير الخارجية المغربي ناصر بوريطة إن اللقاء ركّز على أفريقيا.",
    );
    let mut graph = Graph::new();
    graph.add(extractor.extract(&article), extractor.gazetteer());
    graph.finish();
    for node in graph.nodes() {
        println!("{:<40} {} / {}", node.id, node.label_en, node.label_ar);
    }
    for edge in graph.edges() {
        println!("{} -{}-> {}", edge.source, edge.kind, edge.target);
    }
}
