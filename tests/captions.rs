#![cfg(not(target_arch = "wasm32"))]
//! Captions: marked by the caller ([`Doc::captions`]) or found in plain text
//! ([`caption_lines`]), they are ranked and shown, and never chosen for a summary.

use std::ops::Range;

use gisty::{caption_lines, rank_doc, summarize_doc, summarize_many, Doc, Length, Method, Options};

const METHODS: [Method; 4] = [
    Method::Gisty,
    Method::LexRank,
    Method::TextRank,
    Method::Lead,
];

const LENGTHS: [Length; 8] = [
    Length::Sentences(1),
    Length::Sentences(3),
    Length::Sentences(5),
    Length::Sentences(50),
    Length::Ratio(0.25),
    Length::Ratio(0.5),
    Length::Ratio(1.0),
    Length::Words(400),
];

/// A news story whose caption, the first thing after the headline, shares the story's words (so
/// that every method would like it) and has no credit line to give it away.
const STORY: &str = "Peacekeepers Return to Darfur\n\
United Nations peacekeepers at a refugee camp in Darfur, Sudan, on Monday.\n\
United Nations peacekeepers returned to the refugee camp in Darfur on Monday after a week of fighting. \
The peacekeepers found the camp short of water and food. Aid groups said the refugee camp needs more \
peacekeepers. The United Nations promised to send supplies to Darfur by Friday. Refugees in the camp \
said they felt safer with the peacekeepers back.\n\
Sudan's government welcomed the return of the United Nations peacekeepers. The fighting in Darfur \
has forced thousands from their homes this year.";

fn line(text: &str, line: &str) -> Range<usize> {
    let start = text.find(line).expect("the line is in the text");
    start..start + line.len()
}

fn options(method: Method, length: Length) -> Options {
    Options {
        method,
        length,
        ..Options::default()
    }
}

fn overlaps(a: &Range<usize>, start: usize, end: usize) -> bool {
    start < a.end && a.start < end
}

#[test]
fn a_marked_caption_is_ranked_but_never_summarized() {
    let caption = line(
        STORY,
        "United Nations peacekeepers at a refugee camp in Darfur, Sudan, on Monday.",
    );
    let captions = [caption.clone()];
    let doc = Doc {
        text: STORY,
        title: None,
        captions: &captions,
        ..Doc::default()
    };
    for method in METHODS {
        // Unmarked, the caption is a candidate like any sentence: the test means something.
        let all = Options {
            redundancy: 1.0,
            ..options(method, Length::Ratio(1.0))
        };
        let plain = summarize_doc(Doc::from(STORY), &all).unwrap();
        assert!(
            plain
                .sentences
                .iter()
                .any(|s| overlaps(&caption, s.start, s.end)),
            "{method:?}: unmarked, the caption is a candidate"
        );
        for length in LENGTHS {
            let summary = summarize_doc(doc, &options(method, length)).unwrap();
            assert!(
                !summary.sentences.is_empty(),
                "{method:?} {length:?}: empty"
            );
            for s in &summary.sentences {
                assert!(
                    !overlaps(&caption, s.start, s.end),
                    "{method:?} {length:?}: the caption is in the summary: {:?}",
                    s.text
                );
            }
        }
        let ranked = rank_doc(doc, &options(method, Length::Sentences(3))).unwrap();
        let shown: Vec<&str> = ranked
            .iter()
            .filter(|s| overlaps(&caption, s.start, s.end))
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(
            shown,
            [&STORY[caption.clone()]],
            "{method:?}: rank shows the caption as one sentence"
        );
    }
}

#[test]
fn a_caption_range_inside_a_line_is_a_sentence_of_its_own() {
    // An HTML reader may join a figure's caption to the paragraph after it on one line.
    let text =
        "Rescue crews at the scene Rescue crews worked through the night at the scene of the \
                crash. The road reopened on Tuesday.";
    let caption = 0.."Rescue crews at the scene".len();
    let captions = vec![caption];
    let doc = Doc {
        text,
        title: None,
        captions: &captions,
        ..Doc::default()
    };
    let ranked = rank_doc(doc, &Options::default()).unwrap();
    let texts: Vec<&str> = ranked.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Rescue crews at the scene",
            "Rescue crews worked through the night at the scene of the crash.",
            "The road reopened on Tuesday."
        ]
    );
    for method in METHODS {
        for length in LENGTHS {
            let summary = summarize_doc(doc, &options(method, length)).unwrap();
            assert!(summary.sentences.iter().all(|s| s.start >= captions[0].end));
        }
    }
}

#[test]
fn marked_ranges_out_of_order_overlapping_or_out_of_bounds_are_fine() {
    let text = "One caption here. The story starts. It goes on. Another caption here.";
    let a = 0.."One caption here.".len();
    let b = line(text, "Another caption here.");
    let captions = [b.clone(), 3..5, a.clone(), b.start..text.len() + 100, 7..7];
    let doc = Doc {
        text,
        title: None,
        captions: &captions,
        ..Doc::default()
    };
    for method in METHODS {
        let s = summarize_doc(doc, &options(method, Length::Ratio(1.0))).unwrap();
        let got: Vec<&str> = s.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(got, ["The story starts.", "It goes on."], "{method:?}");
    }
}

#[test]
fn plain_text_captions_beside_credits_are_found_and_never_summarized() {
    let text = "Talks Resume in Geneva\n\n\
Delegates arrive for the talks in Geneva on Monday.\n\
Photo: Anna Berg/Reuters\n\n\
Delegates from both sides arrived in Geneva on Monday for a new round of talks on the ceasefire. \
The talks are expected to last a week, officials said.\n\
Negotiators shake hands after the first session. (AP Photo/Tom Hale)\n\
The first session ended with a handshake between the chief negotiators, and both said the talks \
in Geneva had begun well.";
    let found: Vec<&str> = caption_lines(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        found,
        [
            "Delegates arrive for the talks in Geneva on Monday.",
            "Negotiators shake hands after the first session. (AP Photo/Tom Hale)"
        ]
    );
    for method in METHODS {
        for length in LENGTHS {
            let s = summarize_doc(Doc::from(text), &options(method, length)).unwrap();
            for s in &s.sentences {
                assert!(
                    !s.text.starts_with("Delegates arrive") && !s.text.starts_with("Negotiators"),
                    "{method:?} {length:?}: caption summarized: {:?}",
                    s.text
                );
                assert!(!s.text.contains("AP Photo"));
            }
        }
        let ranked = rank_doc(Doc::from(text), &Options::default()).unwrap();
        assert!(ranked
            .iter()
            .any(|s| s.text.starts_with("Delegates arrive")));
        assert!(ranked
            .iter()
            .any(|s| s.text.starts_with("Negotiators shake")));
    }
}

#[test]
fn prose_beside_a_credit_stays_prose() {
    // A long paragraph and a heading next to a credit are not captions.
    let text = "The negotiating environment remains difficult, with both governments holding to \
positions that leave little room for a deal before the winter, diplomats in Geneva said on Monday.\n\
Photo by the Ministry of Foreign Affairs, via wikimedia commons\n\
Mediation Effort Gains Traction\n\
The mediators will meet again next week.";
    assert!(caption_lines(text).is_empty());
}

#[test]
fn captions_of_several_documents_are_never_summarized() {
    let cap = [line(
        STORY,
        "United Nations peacekeepers at a refugee camp in Darfur, Sudan, on Monday.",
    )];
    let docs = [
        Doc {
            text: STORY,
            title: None,
            captions: &cap,
            ..Doc::default()
        },
        Doc::from("Peacekeepers are back in Darfur. The camp lacks water and food."),
    ];
    for method in METHODS {
        let m = summarize_many(&docs, &options(method, Length::Ratio(1.0))).unwrap();
        assert!(m
            .sentences
            .iter()
            .all(|s| s.doc != 0 || !overlaps(&cap[0], s.start, s.end)));
    }
}
