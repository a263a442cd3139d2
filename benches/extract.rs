//! Throughput of the extraction stages, in bytes of article text per
//! second: folding (`Normalized::new`), gazetteer matching
//! (`Matcher::find`) and the whole of `Extractor::extract`, on the five
//! seed articles; and `extract` on the first 500 articles of the
//! development corpus when it is beside the repository
//! (`../shared/corpus/ant-news-2018.jsonl.gz`; skipped otherwise).
//!
//!     cargo bench --bench extract
//!
//! Runs are kept short (10 samples, a few seconds each) so the whole bench
//! takes well under two minutes; `benches/end_to_end.rs` measures a full
//! corpus build.

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use majlis::extract::Extractor;
use majlis::gazetteer::{Gazetteer, Matcher};
use majlis::input::{Article, Item, read_inputs, read_jsonl};
use majlis::text::Normalized;
use std::hint::black_box;
use std::io::BufRead;
use std::path::Path;
use std::time::Duration;

const CORPUS: &str = "../shared/corpus/ant-news-2018.jsonl.gz";
const CORPUS_ARTICLES: usize = 500;

fn seeds() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut articles = Vec::new();
    read_inputs(&[dir], &mut |item| match item {
        Item::Article(a) => articles.push(a),
        Item::Problem(p) => panic!("the seeds read cleanly: {p}"),
    });
    assert_eq!(articles.len(), 5, "the five seed articles");
    articles
}

/// The first articles of the corpus, when it is there: only the lines
/// needed are decompressed.
fn corpus() -> Option<Vec<Article>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let file = std::fs::File::open(path).ok()?;
    let lines = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)).lines();
    let mut head = String::new();
    for line in lines.take(CORPUS_ARTICLES) {
        head.push_str(&line.ok()?);
        head.push('\n');
    }
    let mut articles = Vec::new();
    read_jsonl(head.as_bytes(), CORPUS, &mut |item| {
        if let Item::Article(a) = item {
            articles.push(a);
        }
    });
    (!articles.is_empty()).then_some(articles)
}

fn bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let extractor = Extractor::new(Gazetteer::builtin().expect("the built-in gazetteer loads"));
    // The extractor keeps its matcher private; this one is built the same way.
    let matcher = Matcher::new(extractor.gazetteer());
    let articles = seeds();
    let normalized: Vec<Normalized> = articles.iter().map(|a| Normalized::new(&a.text)).collect();

    let mut group = c.benchmark_group("seeds");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(bytes(&articles)));
    group.bench_function("normalize", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(Normalized::new(black_box(&a.text)));
            }
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            for n in &normalized {
                black_box(matcher.find(black_box(n)));
            }
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extractor.extract(black_box(a)));
            }
        })
    });
    group.finish();

    let Some(corpus) = corpus() else {
        eprintln!("extract bench: {CORPUS} not found; corpus group skipped");
        return;
    };
    let mut group = c.benchmark_group(format!("ant-2018-first-{}", corpus.len()));
    // One pass takes a good part of a second: a fixed number of passes
    // per sample instead of criterion's growing ones.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes(&corpus)));
    group.bench_function("extract", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(extractor.extract(black_box(a)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
