//! Properties of `summarize` and `rank` on arbitrary text and options: no panic, summaries drawn
//! from the ranking in document order within budget, the same output on every run, and invalid
//! options rejected with a message naming the option.
#![cfg(not(target_arch = "wasm32"))]

use gisty::{rank, summarize, Language, Length, Method, Options, ScoredSentence, Summary};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Pieces of sentence-like text: words, stops, line breaks, quotes, abbreviations, decimals,
/// non-Latin scripts, emoji, page furniture. Concatenated, they make text that looks enough like
/// an article to exercise segmentation, headings and cleaning, not only the empty-input paths.
const PIECES: &[&str] = &[
    "the",
    "talks",
    "Peace",
    "council",
    "said",
    "Miami",
    "Ukraine",
    "and",
    "a",
    "I",
    "on",
    "Monday",
    "2025",
    "20",
    "3.5",
    "1,000",
    "$4.2bn",
    "10:30",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    ". ",
    ".",
    "! ",
    "? ",
    "?!",
    "...",
    "\u{2026}",
    ", ",
    "; ",
    ": ",
    "\u{2014}",
    " - ",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2018}",
    "\u{2019}",
    "(",
    ")",
    "[1]",
    "Dr.",
    "Mr.",
    "U.S.",
    "e.g.",
    "i.e.",
    "No.",
    "St.",
    "Jan.",
    "a.m.",
    "J. R. R.",
    "Inc.",
    "www.example.com",
    "https://example.com/a.b?c=d",
    "na\u{ef}ve",
    "Z\u{fc}rich",
    "e\u{301}",
    "\u{6771}\u{4eac}",
    "\u{548c}\u{5e73}\u{3002}",
    "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{645}\u{631}\u{62d}\u{628}\u{627}",
    "\u{1f600}",
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "\u{1f1fa}\u{1f1e6}",
    "\u{feff}",
    "\u{200b}",
    "\u{a0}",
    "#Peace",
    "#Talks ",
    "Photo by AP",
    "via wikimedia commons",
    "Date:",
    "By Jane Smith",
    "Background",
    "Read more",
    "* ",
    "- ",
    "\u{2022} ",
    "ALL CAPS HEADLINE",
    "x",
    "0",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zA-Z]{1,12}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Text biased toward sentences, or any string at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(piece(), 0..300).prop_map(|v| v.concat()),
        // Words joined by spaces: long, well-formed sentences that give the graph methods work.
        2 => prop::collection::vec(piece(), 0..300).prop_map(|v| v.join(" ")),
        1 => any::<String>(),
    ]
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![
        Method::Gisty,
        Method::LexRank,
        Method::TextRank,
        Method::Lead,
    ])
}

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        (1usize..20).prop_map(Length::Sentences),
        prop_oneof![
            (1u32..=1000).prop_map(|k| f64::from(k) / 1000.0),
            Just(1.0),
            Just(f64::MIN_POSITIVE),
        ]
        .prop_map(Length::Ratio),
        (1usize..400).prop_map(Length::Words),
    ]
}

fn redundancy() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64]
}

/// Detection (None), or any language, whether or not this build stems it.
fn language() -> impl Strategy<Value = Option<Language>> {
    prop::option::of(prop::sample::select(Language::ALL))
}

fn options() -> impl Strategy<Value = Options> {
    (
        length(),
        method(),
        prop::option::of(text()),
        (language(), language()),
        redundancy(),
        any::<bool>(),
        prop::option::of(text()),
        any::<bool>(),
    )
        .prop_map(
            |(
                length,
                method,
                title,
                (language, language_hint),
                redundancy,
                position,
                focus,
                explain,
            )| {
                Options {
                    length,
                    method,
                    title,
                    language,
                    language_hint,
                    redundancy,
                    position,
                    focus,
                    explain,
                }
            },
        )
}

/// Words of one sentence, counted the way `Summary::words` counts them.
fn words(s: &ScoredSentence) -> usize {
    Summary {
        sentences: vec![s.clone()],
        total_sentences: 1,
        total_words: 0,
        language: Language::Undetermined,
    }
    .words()
}

fn config() -> Config {
    // Modest by default so the file runs in a few seconds in debug; PROPTEST_CASES raises it.
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        // No regressions file beside the test: a failure prints its minimal input, which
        // becomes a named test below.
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn summaries_come_from_the_ranking_in_order_within_budget(
        text in text(),
        o in options(),
    ) {
        let ranked = rank(&text, &o).unwrap();
        let summary = summarize(&text, &o).unwrap();

        for (i, s) in ranked.iter().enumerate() {
            prop_assert_eq!(s.index, i, "rank() is not in document order");
            prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
            prop_assert!(!s.text.is_empty() && s.text.trim() == s.text, "untrimmed: {:?}", s.text);
            prop_assert!(s.score.is_finite(), "score {} of {:?}", s.score, s.text);
        }
        for pair in ranked.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "overlapping sentences {:?}", pair);
        }

        prop_assert_eq!(summary.total_sentences, ranked.len());
        for s in &summary.sentences {
            let bare = ScoredSentence { explanation: None, ..s.clone() };
            prop_assert_eq!(Some(&bare), ranked.get(s.index), "not a ranked sentence");
            // Explained when asked, with the score it explains.
            prop_assert_eq!(s.explanation.as_ref().map(|e| e.score), o.explain.then_some(s.score));
        }
        for pair in summary.sentences.windows(2) {
            prop_assert!(pair[0].index < pair[1].index, "not in document order");
        }

        let n = summary.sentences.len();
        match o.length {
            Length::Sentences(k) => prop_assert!(n <= k, "{} sentences, budget {}", n, k),
            Length::Ratio(r) => {
                let k = ((r * ranked.len() as f64).round() as usize).max(1);
                prop_assert!(n <= k, "{} sentences, ratio {} of {}", n, r, ranked.len());
            }
            Length::Words(w) => {
                let used: usize = summary.sentences.iter().map(words).sum();
                prop_assert_eq!(used, summary.words());
                prop_assert!(used <= w, "{} words, budget {}", used, w);
            }
        }
        // A sentence budget always has room for the best sentence, unless every sentence is a
        // caption (a line beside a credit), which is ranked but never chosen.
        let captions = gisty::caption_lines(&text);
        let is_caption =
            |s: &ScoredSentence| captions.iter().any(|c| c.start < s.end && s.start < c.end);
        let candidates = ranked.iter().filter(|s| !is_caption(s)).count();
        if candidates > 0 && !matches!(o.length, Length::Words(_)) {
            prop_assert!(n >= 1, "empty summary of {} sentences", ranked.len());
        }
        prop_assert!(
            summary.sentences.iter().all(|s| !is_caption(s)),
            "a caption was chosen"
        );

        prop_assert_eq!(&summarize(&text, &o).unwrap(), &summary, "summarize is not deterministic");
        prop_assert_eq!(&rank(&text, &o).unwrap(), &ranked, "rank is not deterministic");
    }

    #[test]
    fn invalid_options_are_errors_naming_the_option(
        text in text(),
        o in options(),
        bad_ratio in prop_oneof![
            Just(0.0), Just(-0.0), Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY),
            -1e9..=0.0f64, 1.0000001..1e9f64,
        ],
        bad_redundancy in prop_oneof![
            Just(f64::NAN), Just(-f64::MIN_POSITIVE), Just(1.0 + f64::EPSILON),
            -1e9..-1e-9f64, 1.000001..1e9f64,
        ],
    ) {
        let cases = [
            (Options { length: Length::Sentences(0), ..o.clone() }, "sentence"),
            (Options { length: Length::Words(0), ..o.clone() }, "word"),
            (Options { length: Length::Ratio(bad_ratio), ..o.clone() }, "ratio"),
            (Options { redundancy: bad_redundancy, ..o.clone() }, "redundancy"),
        ];
        for (bad, name) in cases {
            let e = summarize(&text, &bad).expect_err("summarize accepted an invalid option");
            prop_assert!(e.to_string().contains(name), "{:?}: {}", bad, e);
            let e = rank(&text, &bad).expect_err("rank accepted an invalid option");
            prop_assert!(e.to_string().contains(name), "{:?}: {}", bad, e);
            prop_assert!(bad.validate().is_err());
        }
    }
}

#[test]
fn invalid_options_on_empty_text_are_still_errors() {
    let o = Options {
        length: Length::Ratio(f64::NAN),
        ..Options::default()
    };
    let e = summarize("", &o).unwrap_err();
    assert!(e.to_string().contains("ratio"), "{e}");
}

/// Found by the properties above: lower-casing "Ⱥ" (2 bytes) gives "ⱥ" (3 bytes), and the
/// cleaner indexed the lower-cased line with a byte offset found in the original.
#[test]
fn a_label_whose_lower_case_is_longer_does_not_panic() {
    for text in [
        "\u{23a}:",
        "\u{23a}\u{23a}: value",
        "\u{1e9e}\u{1e9e}:",
        "The talks.\n\u{23a}:\nThey ended.",
    ] {
        let summary = summarize(text, &Options::default()).unwrap();
        for s in &summary.sentences {
            assert_eq!(&text[s.start..s.end], s.text);
        }
    }
}
