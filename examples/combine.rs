//! Summarizes the five sample articles of tests/data/samples together and prints the combined
//! summary with each sentence's source, the document similarity matrix, the near duplicates and
//! the key phrases of the set.
//!
//! `cargo run --release --example combine [FOCUS]`

use std::time::Instant;

use gisty::{keywords_many, summarize_many, Doc, Length, Options};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data/samples in the repository")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a UTF-8 sample"))
        .collect();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::from(t.as_str())).collect();
    let options = Options {
        length: Length::Sentences(6),
        focus: std::env::args().nth(1),
        ..Options::default()
    };
    let start = Instant::now();
    let summary = summarize_many(&docs, &options).expect("valid options");
    let took = start.elapsed();
    for s in &summary.sentences {
        let name = paths[s.doc]
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        println!("[{name}] {}", s.text);
    }
    println!("\nsimilarity:");
    for row in &summary.similarity {
        let cells: Vec<String> = row.iter().map(|x| format!("{x:.2}")).collect();
        println!("  {}", cells.join(" "));
    }
    for d in &summary.duplicates {
        println!("near duplicates: {} and {} ({:.2})", d.a, d.b, d.similarity);
    }
    let keys = keywords_many(&docs, 12, &options).expect("valid options");
    let keys: Vec<&str> = keys.iter().map(|k| k.text.as_str()).collect();
    println!("keywords: {}", keys.join("; "));
    println!("summarize_many took {took:?}");
}
