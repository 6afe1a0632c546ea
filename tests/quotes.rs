#![cfg(not(target_arch = "wasm32"))]
//! No summary sentence carries half a quotation: over the samples and the dev sets, every
//! method and every length up to half the text, each summary sentence has an even number of
//! straight double quotes and as many closing curly quotes (and guillemets) as opening ones.
//! The dev sets take a while unoptimized: that test is ignored, and the test command runs it
//! optimized (`cargo test --release --test quotes -- --ignored`).

use std::fs;
use std::path::Path;

use gisty::{summarize, Length, Method, Options};

const METHODS: [Method; 4] = [
    Method::Gisty,
    Method::LexRank,
    Method::TextRank,
    Method::Lead,
];

const LENGTHS: [Length; 5] = [
    Length::Sentences(1),
    Length::Sentences(3),
    Length::Sentences(5),
    Length::Ratio(0.25),
    Length::Ratio(0.5),
];

/// Why `s` has unbalanced quotation marks, if it does (apostrophes and single quotes aside).
fn unbalanced(s: &str) -> Option<&'static str> {
    let count = |c: char| s.chars().filter(|&x| x == c).count();
    if count('"') % 2 == 1 {
        Some("an odd number of straight double quotes")
    } else if count('\u{201c}') != count('\u{201d}') {
        Some("unmatched curly double quotes")
    } else if count('\u{ab}') != count('\u{bb}') {
        Some("unmatched guillemets")
    } else {
        None
    }
}

/// Checks every summary of `text`; returns how many sentences were checked.
fn check(name: &str, text: &str) -> usize {
    let mut checked = 0;
    for method in METHODS {
        for length in LENGTHS {
            let o = Options {
                method,
                length,
                ..Options::default()
            };
            for s in summarize(text, &o).unwrap().sentences {
                if let Some(why) = unbalanced(&s.text) {
                    panic!("{name} {method:?} {length:?}: {why}: {:?}", s.text);
                }
                checked += 1;
            }
        }
    }
    checked
}

fn texts_of(jsonl: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(jsonl);
    let data = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let id = v["id"].as_str().unwrap_or("?").to_string();
            let text = v["text"].as_str().expect("a text").to_string();
            (id, text)
        })
        .collect()
}

#[test]
fn the_check_counts_what_it_should() {
    assert!(unbalanced("\"Em 2012 eu errei.").is_some());
    assert!(unbalanced("Makes my skin crawl even being here.\"").is_some());
    assert!(unbalanced("\u{201c}It began.").is_some());
    assert!(unbalanced("\u{ab} Nous partons.").is_some());
    assert!(unbalanced("\"We won,\" he said, \"and we will again.\"").is_none());
    assert!(unbalanced("It's the players' night, 'a great one'.").is_none());
}

#[test]
fn quotations_are_never_split_in_summaries_of_the_samples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/samples");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    let mut checked = 0;
    for p in names {
        let text = fs::read_to_string(&p).unwrap();
        checked += check(&p.display().to_string(), &text);
    }
    assert!(checked > 100, "only {checked} sentences checked");
}

#[test]
fn a_text_of_quotation_pieces_still_has_a_summary() {
    let text = "\u{201c}We came. We won,\u{201d} she said.";
    let s = summarize(text, &Options::default()).unwrap();
    assert!(!s.sentences.is_empty());
}

#[test]
#[ignore = "slow unoptimized: scripts/test.sh runs it with --release"]
fn quotations_are_never_split_in_summaries_of_the_dev_sets() {
    let mut checked = 0;
    for set in [
        "tests/data/eval/cnndm-dev.jsonl",
        "tests/data/eval/bbc-dev.jsonl",
    ] {
        let texts = texts_of(set);
        assert!(texts.len() >= 100, "{set}: only {} texts", texts.len());
        for (id, text) in texts {
            checked += check(&format!("{set} {id}"), &text);
        }
    }
    assert!(checked > 10_000, "only {checked} sentences checked");
}
