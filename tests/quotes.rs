//! No summary holds a piece of a quotation (issue 13): on the dev sets and the samples, in
//! every method and at lengths up to half the text, every summary sentence's double quotation
//! marks pair up. A quotation over several sentences of one paragraph is one unit; a piece of
//! one that runs on into the next paragraph is never chosen.

use gisty::{summarize, summarize_many, Doc, Length, Options};

#[path = "support/samples.rs"]
mod samples;

#[path = "support/dev_sets.rs"]
mod dev_sets;
use dev_sets::{dev_set, METHODS};

/// The test: an odd number of straight double quotes, or unequal numbers of opening and
/// closing curly double quotes, or of guillemets. Apostrophes and single quotes do not count.
fn unbalanced(s: &str) -> bool {
    let count = |c: char| s.chars().filter(|&x| x == c).count();
    count('"') % 2 == 1 || count('“') != count('”') || count('«') != count('»')
}

/// Every summary sentence of `text` with an unbalanced quotation, over methods and lengths.
fn fragments(text: &str, title: Option<&str>, lengths: &[Length]) -> Vec<String> {
    let mut out = Vec::new();
    for method in METHODS {
        for &length in lengths {
            let o = Options {
                method,
                length,
                title: title.map(str::to_string),
                ..Options::default()
            };
            let s = summarize(text, &o).expect("a summary");
            out.extend(
                s.sentences
                    .iter()
                    .filter(|s| unbalanced(&s.text))
                    .map(|s| format!("{method:?} {length:?}: {}", s.text)),
            );
        }
    }
    out
}

fn assert_none(set: &str, found: Vec<String>) {
    assert!(
        found.is_empty(),
        "{set}: {} summary sentences with unpaired quotation marks, e.g. {:#?}",
        found.len(),
        &found[..found.len().min(5)]
    );
}

#[test]
fn the_quotation_test_counts_double_quotes_only() {
    assert!(unbalanced("\"We lost."));
    assert!(unbalanced("“We lost.” he said ”"));
    assert!(unbalanced("« Nous partons."));
    assert!(!unbalanced(
        "\"We lost,\" he said, 'we will be back' and it's over."
    ));
    assert!(!unbalanced("« Oui », dit-il, “no” and \"yes\"."));
}

/// Asserts no summary of dev set `name`, in any method at `lengths`, has an unbalanced quotation.
fn assert_no_fragment_in(name: &str, lengths: &[Length]) {
    let mut found = Vec::new();
    for (text, title) in dev_set(name) {
        found.extend(fragments(&text, title.as_deref(), lengths));
    }
    assert_none(name, found);
}

#[test]
fn no_quotation_fragment_in_cnndm_summaries() {
    assert_no_fragment_in(
        "cnndm-dev.jsonl",
        &[Length::Sentences(3), Length::Ratio(0.5)],
    );
}

#[test]
fn no_quotation_fragment_in_bbc_summaries() {
    assert_no_fragment_in("bbc-dev.jsonl", &[Length::Sentences(1), Length::Ratio(0.5)]);
}

#[test]
fn no_quotation_fragment_in_sample_summaries() {
    let texts: Vec<String> = samples::samples().into_iter().map(|(_, t)| t).collect();
    let lengths = [
        Length::Sentences(1),
        Length::Sentences(3),
        Length::Sentences(10),
        Length::Ratio(0.25),
        Length::Ratio(0.5),
        Length::Words(100),
    ];
    let mut found = Vec::new();
    for t in &texts {
        found.extend(fragments(t, None, &lengths));
    }
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::from(t.as_str())).collect();
    for method in METHODS {
        for length in lengths {
            let o = Options {
                method,
                length,
                ..Options::default()
            };
            let s = summarize_many(&docs, &o).expect("a summary");
            found.extend(
                s.sentences
                    .iter()
                    .filter(|s| unbalanced(&s.text))
                    .map(|s| format!("combined {method:?} {length:?}: {}", s.text)),
            );
        }
    }
    assert_none("samples", found);
}

#[test]
fn a_quotation_over_sentences_is_chosen_whole_and_an_open_one_only_as_a_last_resort() {
    let text = "The minister resigned on Monday after a week of protests in the capital.\n\n\
                \"I made mistakes. I take full responsibility for them,\" she told reporters.\n\n\
                \"We will rebuild the trust we lost. It will take years.\n\n\
                \"But we will do it,\" she added.";
    let o = Options {
        length: Length::Ratio(1.0),
        ..Options::default()
    };
    let s = summarize(text, &o).unwrap();
    let texts: Vec<&str> = s.sentences.iter().map(|s| s.text.as_str()).collect();
    assert!(
        texts.contains(
            &"\"I made mistakes. I take full responsibility for them,\" she told reporters."
        ),
        "{texts:#?}"
    );
    assert!(texts.iter().all(|t| !unbalanced(t)), "{texts:#?}");
    // Every sentence is a piece of an open quotation: a summary still says something.
    let s = summarize(
        "\"We will rebuild the trust we lost. It will take years.",
        &o,
    )
    .unwrap();
    assert!(!s.sentences.is_empty());
}
