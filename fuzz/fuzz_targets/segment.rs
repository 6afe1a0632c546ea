//! Segmentation of arbitrary bytes (decoded lossily, as the CLI and the page do): the ranges
//! must keep their contract whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let ranges = gisty::split_sentences(text);
    let mut last_end = 0;
    for r in &ranges {
        assert!(r.start < r.end, "empty range {r:?}");
        assert!(
            r.start >= last_end,
            "range {r:?} overlaps or precedes the one before"
        );
        assert!(r.end <= text.len(), "range {r:?} past the end");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "range {r:?} off char boundaries"
        );
        let s = &text[r.clone()];
        assert_eq!(s, s.trim(), "range {r:?} not trimmed: {s:?}");
        assert!(
            s.chars().any(char::is_alphanumeric),
            "range {r:?} has no letter or digit: {s:?}"
        );
        last_end = r.end;
    }
    assert_eq!(ranges, gisty::split_sentences(text), "not deterministic");
});
