//! End-to-end throughput of extraction and merging, on one thread and on
//! all of them, over a JSON Lines corpus (by default the project's
//! development corpus beside the repository; it is optional and not needed
//! by the tests).
//!
//!     cargo run --release --example bench [-- CORPUS.jsonl.gz]
//!
//! Prints MB/s and articles/s for each thread count. Peak memory of a full
//! build is measured with `/usr/bin/time -v target/release/majlis build …`.

use majlis::extract::Extractor;
use majlis::gazetteer::Gazetteer;
use majlis::graph::Graph;
use majlis::input::{Article, Item, read_inputs};
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/ant-news-2018.jsonl.gz".into());
    let mut articles: Vec<Article> = Vec::new();
    read_inputs(&[path.clone().into()], &mut |item| {
        if let Item::Article(a) = item {
            articles.push(a);
        }
    });
    if articles.is_empty() {
        eprintln!("bench: no article read from {path}");
        std::process::exit(2);
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let extractor = Extractor::new(Gazetteer::builtin().expect("the built-in gazetteer loads"));
    println!(
        "{} articles, {:.1} MB of text, {} cores",
        articles.len(),
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut threads = vec![1];
    if cores > 1 {
        threads.push(cores);
    }
    for n in threads {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("a pool");
        let started = Instant::now();
        let mut graph = Graph::new();
        for batch in articles.chunks(512) {
            let done: Vec<_> =
                pool.install(|| batch.par_iter().map(|a| extractor.extract(a)).collect());
            for x in done {
                graph.add(x, extractor.gazetteer());
            }
        }
        graph.finish();
        let secs = started.elapsed().as_secs_f64();
        println!(
            "{n} thread(s): {:.2} s, {:.1} MB/s, {:.0} articles/s, {} nodes",
            secs,
            bytes as f64 / 1e6 / secs,
            articles.len() as f64 / secs,
            graph.nodes().count()
        );
    }
}
