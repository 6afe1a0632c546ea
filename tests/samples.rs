//! The public API on the five real web articles in `tests/data/samples`: page furniture and
//! headings never reach a summary, spans point into the original, budgets hold, and the output is
//! the same on every run.

use std::fs;
use std::path::Path;

use gisty::{rank, summarize, Length, Method, Options, Summary};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples");

const METHODS: [Method; 4] = [
    Method::Gisty,
    Method::LexRank,
    Method::TextRank,
    Method::Lead,
];

const LENGTHS: [Length; 7] = [
    Length::Sentences(1),
    Length::Sentences(3),
    Length::Sentences(5),
    Length::Sentences(10),
    Length::Ratio(0.3),
    Length::Ratio(1.0),
    Length::Words(60),
];

/// Lines of each sample that are titles, headings or page furniture, keyed by file name prefix.
/// Each must be a whole line of its sample (checked), so the list cannot silently go stale.
const NOT_PROSE: &[(&str, &[&str])] = &[
    ("000_", &[]),
    (
        "001_",
        &[
            "Photo by Ministry of Internal Affairs of Ukraine, via wikimedia commons",
            "Peace Mediation Effort Gains Traction Through Multi-Stakeholder Coordination",
            "Date:",
        ],
    ),
    (
        "002_",
        &[
            "High-Stakes Diplomacy in Florida: US\u{2013}Russia Talks Intensify as Efforts to End \
             Ukraine War Continue",
            "Background",
            "#UkraineWar #USRussiaTalks #PeaceNegotiations #UkraineConflict #GlobalDiplomacy \
             #TrumpAdministration #Putin #Zelenskyy #CeasefireEfforts",
        ],
    ),
    (
        "003_",
        &[
            "US, Ukraine, Europe Hold \u{2018}Constructive\u{2019} Miami Talks for Peace, But Key \
             Hurdles Remain",
            "Key Players Convene in Florida for Ukraine Peace Talks",
            "Objectives for a Stable Future: Ukraine Peace Talks",
            "Russia\u{2019}s Position and Demands in Ukraine Peace Talks",
            "Broader Diplomatic Landscape Surrounding Ukraine Peace Talks",
            "The Role of Key Negotiators in Ukraine Peace Talks",
            "An Ongoing Pursuit of Peace Through Ukraine Peace Talks",
        ],
    ),
    (
        "004_",
        &[
            "Key Participants and Agenda of the Florida Meetings",
            "Ukrainian Stance and Diplomatic Progress",
            "Russian Position and Ongoing Challenges",
        ],
    ),
];

/// Fragments that only page furniture carries in these samples.
const FURNITURE_MARKS: &[&str] = &["#UkraineWar", "Photo by", "wikimedia", "Date:"];

struct Sample {
    name: String,
    text: String,
    /// Byte ranges of the lines in `NOT_PROSE` for this sample.
    not_prose: Vec<(usize, usize)>,
}

fn samples() -> Vec<Sample> {
    let dir = Path::new(SAMPLES);
    assert!(
        dir.is_dir(),
        "sample directory {} is missing: the tests need tests/data/samples in the repository",
        dir.display()
    );
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        5,
        "expected five samples in {}, got {names:?}",
        dir.display()
    );
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let lines = NOT_PROSE
                .iter()
                .find(|(prefix, _)| name.starts_with(prefix))
                .unwrap_or_else(|| panic!("no NOT_PROSE entry for sample {name}"))
                .1;
            let not_prose = lines
                .iter()
                .map(|line| {
                    line_range(&text, line)
                        .unwrap_or_else(|| panic!("{name}: {line:?} is not a line of the sample"))
                })
                .collect();
            Sample {
                name,
                text,
                not_prose,
            }
        })
        .collect()
}

/// The byte range of the line of `text` that is exactly `line` (surrounding white space aside).
fn line_range(text: &str, line: &str) -> Option<(usize, usize)> {
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        let trimmed = l.trim();
        if trimmed == line {
            let lead = l.len() - l.trim_start().len();
            return Some((start + lead, start + lead + trimmed.len()));
        }
        start += l.len();
    }
    None
}

fn options(method: Method, length: Length) -> Options {
    Options {
        method,
        length,
        ..Options::default()
    }
}

/// Checks one summary of one sample; `what` names the case in failure messages.
fn check_summary(sample: &Sample, summary: &Summary, length: Length, what: &str) {
    let text = &sample.text;
    for s in &summary.sentences {
        assert_eq!(
            &text[s.start..s.end],
            s.text,
            "{what}: sentence {} is not the text at its span",
            s.index
        );
        for mark in FURNITURE_MARKS {
            assert!(
                !s.text.contains(mark),
                "{what}: sentence {} carries page furniture {mark:?}: {:?}",
                s.index,
                s.text
            );
        }
        for &(a, b) in &sample.not_prose {
            assert!(
                s.end <= a || s.start >= b,
                "{what}: sentence {} overlaps the heading or furniture line {:?}: {:?}",
                s.index,
                &text[a..b],
                s.text
            );
            assert!(
                !s.text.contains(&text[a..b]),
                "{what}: sentence {} contains the line {:?}",
                s.index,
                &text[a..b]
            );
        }
    }
    for pair in summary.sentences.windows(2) {
        assert!(
            pair[0].index < pair[1].index && pair[0].end <= pair[1].start,
            "{what}: sentences {} and {} are not in document order",
            pair[0].index,
            pair[1].index
        );
    }
    let n = summary.sentences.len();
    match length {
        Length::Sentences(k) => assert!(n <= k, "{what}: {n} sentences for a budget of {k}"),
        Length::Ratio(r) => {
            let k = ((r * summary.total_sentences as f64).round() as usize).max(1);
            assert!(
                n <= k,
                "{what}: {n} sentences for a ratio {r} of {}",
                summary.total_sentences
            );
        }
        Length::Words(w) => {
            assert!(
                summary.words() <= w,
                "{what}: {} words for a budget of {w}",
                summary.words()
            )
        }
    }
    if !matches!(length, Length::Words(_)) {
        assert!(n > 0, "{what}: empty summary of a real article");
    }
}

#[test]
fn summaries_are_clean_spans_in_order_within_budget_and_deterministic() {
    for sample in samples() {
        for method in METHODS {
            for length in LENGTHS {
                let what = format!("{} {method:?} {length:?}", sample.name);
                let o = options(method, length);
                let first = summarize(&sample.text, &o).unwrap();
                check_summary(&sample, &first, length, &what);
                let again = summarize(&sample.text, &o).unwrap();
                assert_eq!(first, again, "{what}: two runs differ");
            }
        }
    }
}

#[test]
fn ranked_sentences_exclude_headings_and_furniture() {
    for sample in samples() {
        for method in METHODS {
            let what = format!("{} {method:?} rank", sample.name);
            let ranked = rank(&sample.text, &options(method, Length::Sentences(3))).unwrap();
            assert!(!ranked.is_empty(), "{what}: no sentences");
            let all = Summary {
                total_sentences: ranked.len(),
                total_words: 0,
                sentences: ranked,
                language: gisty::Language::English,
            };
            // Every candidate is checked: what `rank` yields, some summary may pick.
            check_summary(&sample, &all, Length::Ratio(1.0), &what);
            for (i, s) in all.sentences.iter().enumerate() {
                assert_eq!(s.index, i, "{what}: rank() is not in document order");
            }
        }
    }
}

#[test]
fn a_sentence_wrapped_over_two_lines_is_one_sentence() {
    let sample = samples()
        .into_iter()
        .find(|s| s.name.starts_with("002_"))
        .unwrap();
    let ranked = rank(&sample.text, &Options::default()).unwrap();
    let head = "In Kyiv, Ukrainian President Volodymyr Zelenskyy said on Saturday";
    let tail = "Russia and Ukraine\u{2014}provided such a format helped expand prisoner exchanges \
                and cleared the way for direct meetings between national leaders.";
    let got: Vec<&str> = ranked
        .iter()
        .map(|s| s.text.as_str())
        .filter(|t| t.contains("trilateral talks involving") || t.contains("provided such"))
        .collect();
    assert_eq!(
        got.len(),
        1,
        "the sentence wrapped after \"involving the United States,\" is split: {got:#?}"
    );
    assert!(got[0].starts_with(head), "{:?}", got[0]);
    assert!(got[0].ends_with(tail), "{:?}", got[0]);
    assert!(
        got[0].contains("the United States,\nRussia"),
        "{:?}",
        got[0]
    );
}
