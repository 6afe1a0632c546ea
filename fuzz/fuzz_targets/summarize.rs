//! `summarize`, `rank` and `keywords` on arbitrary bytes with arbitrary options: a summary or a
//! typed error for invalid options only; the summary is drawn from the ranking, in document
//! order, within budget, each sentence found at its span.
#![no_main]

mod common;

use arbitrary::{Arbitrary, Unstructured};
use common::{check_sentence, expected_error, kind_name, max_sentences, OptionsIn};
use gisty::{keywords, rank, summarize, Length};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(o) = OptionsIn::arbitrary(&mut u) else {
        return;
    };
    let keys = u.arbitrary::<u8>().unwrap_or(0) as usize % 12;
    let text = String::from_utf8_lossy(u.take_rest());
    let text = text.as_ref();
    let options = o.options();

    let result = summarize(text, &options);
    match (expected_error(&options), &result) {
        (Some(want), Err(e)) => {
            assert_eq!(kind_name(e.kind()), want, "{e}");
            assert!(rank(text, &options).is_err());
            assert!(keywords(text, keys, &options).is_err());
            return;
        }
        (None, Ok(_)) => {}
        (want, got) => panic!("options {options:?}: expected {want:?}, got {got:?}"),
    }
    let summary = result.unwrap();
    let ranked = rank(text, &options).expect("rank fails where summarize did not");
    assert_eq!(summary.total_sentences, ranked.len());

    let mut prev: Option<usize> = None;
    for s in &summary.sentences {
        check_sentence(text, s);
        assert_eq!(s.doc, 0);
        assert!(prev.is_none_or(|p| p < s.index), "not in document order");
        prev = Some(s.index);
        let r = ranked
            .iter()
            .find(|r| r.index == s.index)
            .expect("a summary sentence the ranking does not have");
        assert_eq!(r, s, "summary sentence differs from its ranking");
    }
    let mut prev_end = 0;
    for (i, r) in ranked.iter().enumerate() {
        check_sentence(text, r);
        assert_eq!(r.index, i);
        assert!(r.start >= prev_end, "ranked sentences overlap");
        prev_end = r.end;
    }
    assert!(summary.sentences.len() <= max_sentences(options.length, ranked.len()));
    if let Length::Words(w) = options.length {
        assert!(
            summary.words() <= w,
            "{} words over a budget of {w}",
            summary.words()
        );
    }
    // Captions (a line beside or carrying a credit) are ranked but never chosen: a text of
    // captions only may have an empty summary, as tests/properties.rs says too.
    let captions = gisty::caption_lines(text);
    let candidates = ranked
        .iter()
        .filter(|s| !captions.iter().any(|c| c.start < s.end && s.start < c.end))
        .count();
    if candidates > 0 && !matches!(options.length, Length::Words(_)) {
        assert!(
            !summary.sentences.is_empty(),
            "sentences, but an empty summary"
        );
    }
    assert_eq!(
        summary,
        summarize(text, &options).unwrap(),
        "not deterministic"
    );

    let k = keywords(text, keys, &options).expect("keywords fails where summarize did not");
    assert!(k.len() <= keys);
    for kw in &k {
        assert!(
            kw.score.is_finite() && kw.score > 0.0 && kw.score <= 1.0,
            "{kw:?}"
        );
        assert!(kw.count > 0 && !kw.text.is_empty(), "{kw:?}");
    }
});
