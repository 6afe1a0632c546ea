#![cfg(not(target_arch = "wasm32"))]
//! Sentence segmentation against the hand-written gold file `tests/data/sentences.json`, plus
//! the range contract (char boundaries, trimmed, non-empty, increasing) on every gold text and
//! on hostile inputs.

use std::ops::Range;

use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
}

fn gold() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sentences.json");
    let json = std::fs::read_to_string(path).expect("gold file is readable");
    serde_json::from_str(&json).expect("gold file is valid")
}

fn slices<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
    ranges.iter().map(|r| &text[r.clone()]).collect()
}

/// Panics with a description of the first way `ranges` break the contract of `split_sentences`.
fn check_contract(text: &str, ranges: &[Range<usize>]) {
    let mut last_end = 0;
    for r in ranges {
        assert!(r.start < r.end, "empty range {r:?}");
        assert!(
            r.start >= last_end,
            "range {r:?} overlaps or precedes the one before"
        );
        assert!(
            r.end <= text.len(),
            "range {r:?} past the end ({})",
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "range {r:?} splits a char"
        );
        let s = &text[r.clone()];
        assert_eq!(s, s.trim(), "range {r:?} is not trimmed: {s:?}");
        assert!(
            s.chars().any(char::is_alphanumeric),
            "range {r:?} has no letter or digit: {s:?}"
        );
        last_end = r.end;
    }
}

#[test]
fn gold_file_is_big_and_well_formed() {
    let cases = gold();
    assert!(cases.len() >= 150, "only {} gold cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "gold case names are unique");
}

#[test]
fn gold_sentences() {
    let cases = gold();
    let mut failures = 0;
    for case in &cases {
        let got = slices(&case.text, &gisty::split_sentences(&case.text));
        if got != case.sentences {
            failures += 1;
            eprintln!("FAIL {}\n  text:     {:?}", case.name, case.text);
            eprintln!("  expected: {:#?}\n  actual:   {:#?}", case.sentences, got);
        }
    }
    eprintln!(
        "{} of {} gold cases pass",
        cases.len() - failures,
        cases.len()
    );
    assert_eq!(failures, 0, "{failures} gold cases fail (listed above)");
}

#[test]
fn contract_holds_on_gold_texts() {
    for case in gold() {
        check_contract(&case.text, &gisty::split_sentences(&case.text));
    }
}

#[test]
fn contract_holds_on_nasty_inputs() {
    let long_word = "a".repeat(1 << 20);
    let long_prose = "word ".repeat(200_000);
    let many_sentences = "Hi. ".repeat(100_000);
    let many_dots = ".".repeat(100_000);
    let dotted_token = "a.".repeat(50_000);
    let glued = "ab.Cd".repeat(20_000);
    let cjk = "字。".repeat(50_000);
    let lines = "line\n".repeat(50_000);
    let quotes = "\"'“”‘’«»".repeat(10_000);
    let nasty: Vec<&str> = vec![
        "",
        " ",
        "\n\n\n",
        "\0",
        "\0.\0. \0",
        ".",
        "...",
        "?!",
        "- ",
        "-\n-\n-",
        "1.",
        "1.\n2.",
        "(a)",
        "\r",
        "\r\r\n\n\r",
        "\u{2028}\u{2029}\u{85}\u{b}\u{c}",
        "\u{feff}",
        "\u{200b}x\u{200b}",
        "é. É. ß. ǅ.",
        "a\u{301}. b\u{301}.",
        "👩‍👩‍👧. 🇺🇦! 🎉?",
        "Mr.",
        "U.S.",
        "e.g.",
        "x. y. z.",
        "A. B. C. D.",
        "。。。！！？？",
        "「」『』",
        "»« .",
        "\" . \" . \"",
        "a\u{0}b\u{7}c. d\u{1b}[0m e.",
        "\u{10FFFF}. \u{E000}.",
        "Tab\tseparated.\tWords.",
        &long_word,
        &long_prose,
        &many_sentences,
        &many_dots,
        &dotted_token,
        &glued,
        &cjk,
        &lines,
        &quotes,
    ];
    for text in nasty {
        let ranges = gisty::split_sentences(text);
        check_contract(text, &ranges);
        assert_eq!(ranges, gisty::split_sentences(text), "deterministic");
    }
    assert_eq!(gisty::split_sentences(&many_sentences).len(), 100_000);
    assert_eq!(gisty::split_sentences(&cjk).len(), 50_000);
    assert_eq!(gisty::split_sentences(&long_word).len(), 1);
}

#[test]
fn contract_holds_on_every_prefix_of_a_mixed_text() {
    // Cutting a text anywhere (on a char boundary) must never break the contract: this walks
    // through every partial quote, abbreviation, URL and line break in the sample.
    let text =
        "Key Points:\n- Mr. Smith met “U.S. officials.” Then…\n1) see https://x.org/a.b?c=1.\n\
                He paused... Then 3.7% rose (approx.) 今天。明天！ Was it over?Yes\r\nThe end";
    for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let prefix = &text[..i];
        check_contract(prefix, &gisty::split_sentences(prefix));
    }
}
