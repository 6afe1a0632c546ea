//! The dev sets of `tests/data/eval` and the four methods, for the tests that summarize every
//! article of them (tests/golden.rs, tests/quotes.rs).

use gisty::Method;

/// Every scoring method.
pub const METHODS: [Method; 4] = [
    Method::Gisty,
    Method::LexRank,
    Method::TextRank,
    Method::Lead,
];

/// Texts and titles of a dev set (JSON lines with "text" and an optional "title").
pub fn dev_set(name: &str) -> Vec<(String, Option<String>)> {
    let path = format!("{}/tests/data/eval/{name}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    data.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let text = v["text"].as_str().expect("a text").to_string();
            (text, v["title"].as_str().map(str::to_string))
        })
        .collect()
}
