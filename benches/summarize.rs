//! Throughput of `summarize` with default options, on tiered inputs: the five sample articles
//! alone and together, the 100 CNN/DailyMail dev articles, and 100 KB and 1 MB of news text;
//! and of `summarize_many` (250 words) on 5, 25 and 1000 articles.
//!
//! Every benchmark's parameter is the number of articles in its input, so `scripts/bench.sh`
//! can report the time per article next to the time per byte. Inputs are read outside the timed
//! loop.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gisty::{summarize, summarize_many, Doc, Length, Options};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The sample articles, by file stem, in name order.
fn samples() -> Vec<(String, String)> {
    let dir = Path::new(DATA).join("samples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                read(p),
            )
        })
        .collect()
}

/// The article texts of the CNN/DailyMail dev set.
fn cnndm() -> Vec<String> {
    let path = Path::new(DATA).join("eval/cnndm-dev.jsonl");
    read(&path)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{}: bad line: {e}", path.display()));
            v["text"]
                .as_str()
                .expect("an item without text")
                .to_string()
        })
        .collect()
}

/// Whole articles, cycled, joined as paragraphs until the text reaches `bytes`; and how many.
fn at_least(articles: &[String], bytes: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes + 16 * 1024);
    let mut n = 0;
    for a in articles.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(a);
        text.push_str("\n\n");
        n += 1;
    }
    (text, n)
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let samples = samples();
    let articles = cnndm();

    let mut g = c.benchmark_group("samples");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    g.warm_up_time(Duration::from_millis(500));
    for (name, text) in &samples {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new(name, 1), text, |b, t| {
            b.iter(|| summarize(black_box(t), &options).unwrap())
        });
    }
    let together: Vec<&str> = samples.iter().map(|(_, t)| t.as_str()).collect();
    let together = together.join("\n\n");
    g.throughput(Throughput::Bytes(together.len() as u64));
    g.bench_with_input(
        BenchmarkId::new("all-five", samples.len()),
        &together,
        |b, t| b.iter(|| summarize(black_box(t), &options).unwrap()),
    );
    g.finish();

    let mut g = c.benchmark_group("cnndm");
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    g.warm_up_time(Duration::from_millis(500));
    let bytes: usize = articles.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_with_input(
        BenchmarkId::new("dev", articles.len()),
        &articles,
        |b, all| {
            b.iter(|| {
                for t in all {
                    black_box(summarize(black_box(t), &options).unwrap());
                }
            })
        },
    );
    g.finish();

    let mut g = c.benchmark_group("scaling");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.warm_up_time(Duration::from_millis(500));
    for (label, size) in [("100KB", 100 * 1024), ("1MB", 1024 * 1024)] {
        let (text, n) = at_least(&articles, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new(label, n), &text, |b, t| {
            b.iter(|| summarize(black_box(t), &options).unwrap())
        });
    }
    g.finish();

    // Combined summaries (concept coverage): the five samples, a DUC-sized cluster of 25
    // articles (about 100 KB), and the most documents taken at once, 1000 (about 3.4 MB).
    let mut g = c.benchmark_group("multi");
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    g.warm_up_time(Duration::from_millis(500));
    let words = Options {
        length: Length::Words(250),
        ..Options::default()
    };
    let five: Vec<Doc> = samples.iter().map(|(_, t)| Doc::from(t.as_str())).collect();
    let cluster: Vec<Doc> = articles
        .iter()
        .take(25)
        .map(|t| Doc::from(t.as_str()))
        .collect();
    let thousand: Vec<Doc> = articles
        .iter()
        .cycle()
        .take(1000)
        .map(|t| Doc::from(t.as_str()))
        .collect();
    for (label, docs) in [("samples", &five), ("25", &cluster), ("1000", &thousand)] {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new(label, docs.len()), docs, |b, d| {
            b.iter(|| summarize_many(black_box(d), &words).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
