//! `summarize_many` and `keywords_many` on a few documents cut from arbitrary bytes, with
//! arbitrary options: the summary checks of the `summarize` target, plus valid document
//! indices and spans, and a similarity matrix that is symmetric, 1 on the diagonal, in [0, 1].
#![no_main]

mod common;

use arbitrary::{Arbitrary, Unstructured};
use common::{check_sentence, expected_error, kind_name, max_sentences, OptionsIn};
use gisty::{keywords_many, summarize_many, Doc, Length, NEAR_DUPLICATE};
use libfuzzer_sys::fuzz_target;

/// At most this many documents: the interesting cases are 0, 1, 2 and a few.
const MAX_DOCS: usize = 6;

#[derive(Arbitrary, Debug)]
struct DocIn {
    text: Vec<u8>,
    title: Option<String>,
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(o) = OptionsIn::arbitrary(&mut u) else {
        return;
    };
    let keys = u.arbitrary::<u8>().unwrap_or(0) as usize % 12;
    let Ok(docs_in) = u.arbitrary::<Vec<DocIn>>() else {
        return;
    };
    let texts: Vec<(String, Option<String>)> = docs_in
        .into_iter()
        .take(MAX_DOCS)
        .map(|d| (String::from_utf8_lossy(&d.text).into_owned(), d.title))
        .collect();
    let docs: Vec<Doc> = texts
        .iter()
        .map(|(t, title)| Doc {
            text: t,
            title: title.as_deref(),
            ..Doc::default()
        })
        .collect();
    let options = o.options();

    let result = summarize_many(&docs, &options);
    match (expected_error(&options), &result) {
        (Some(want), Err(e)) => {
            assert_eq!(kind_name(e.kind()), want, "{e}");
            assert!(keywords_many(&docs, keys, &options).is_err());
            return;
        }
        (None, Ok(_)) => {}
        (want, got) => panic!("options {options:?}: expected {want:?}, got {got:?}"),
    }
    let m = result.unwrap();

    // Story order (several reports' openings first, see summarize_many) keeps each document's
    // own sentences in their order.
    let mut last: Vec<Option<usize>> = vec![None; docs.len()];
    for s in &m.sentences {
        assert!(s.doc < docs.len(), "doc {} of {}", s.doc, docs.len());
        check_sentence(docs[s.doc].text, s);
        assert!(
            last[s.doc].is_none_or(|p| p < s.index),
            "document {}'s sentences out of their order",
            s.doc
        );
        last[s.doc] = Some(s.index);
    }
    assert!(m.sentences.len() <= max_sentences(options.length, m.total_sentences));
    if let Length::Words(w) = options.length {
        assert!(m.words() <= w, "{} words over a budget of {w}", m.words());
    }
    // Captions are ranked but never chosen: documents of captions only may give nothing.
    let candidates = docs.iter().any(|d| {
        let captions = gisty::caption_lines(d.text);
        gisty::rank(d.text, &options).is_ok_and(|r| {
            r.iter()
                .any(|s| !captions.iter().any(|c| c.start < s.end && s.start < c.end))
        })
    });
    if candidates && !matches!(options.length, Length::Words(_)) {
        assert!(!m.sentences.is_empty(), "sentences, but an empty summary");
    }

    let n = docs.len();
    assert_eq!(m.similarity.len(), n);
    for (a, row) in m.similarity.iter().enumerate() {
        assert_eq!(row.len(), n);
        assert_eq!(row[a], 1.0, "diagonal");
        for (b, &v) in row.iter().enumerate() {
            assert!((0.0..=1.0).contains(&v), "similarity[{a}][{b}] = {v}");
            assert_eq!(v, m.similarity[b][a], "not symmetric at {a}, {b}");
        }
    }
    let mut last = f64::INFINITY;
    for d in &m.duplicates {
        assert!(d.a < d.b && d.b < n, "{d:?}");
        assert_eq!(d.similarity, m.similarity[d.a][d.b]);
        assert!(
            d.similarity >= NEAR_DUPLICATE && d.similarity <= last,
            "{d:?}"
        );
        last = d.similarity;
    }
    assert_eq!(
        m,
        summarize_many(&docs, &options).unwrap(),
        "not deterministic"
    );

    let k = keywords_many(&docs, keys, &options).expect("keywords_many fails");
    assert!(k.len() <= keys);
    for kw in &k {
        assert!(
            kw.score.is_finite() && kw.score > 0.0 && kw.score <= 1.0,
            "{kw:?}"
        );
    }
});
