//! The explicit engine (issue 19): what it keeps between calls is bounded and changes no result
//! (tests/golden.rs checks every dev article through one engine).

use gisty::{summarize, Engine, Length, Options};

#[path = "support/samples.rs"]
mod samples;

#[test]
fn a_fresh_engine_knows_nothing_and_a_used_one_keeps_words() {
    let mut engine = Engine::new();
    assert_eq!((engine.lexicon_words(), engine.lexicon_bytes()), (0, 0));
    let (_, text) = &samples::samples()[0];
    let first = engine.summarize(text, &Options::default()).unwrap();
    let words = engine.lexicon_words();
    assert!(words > 100, "{engine:?}");
    let again = engine.summarize(text, &Options::default()).unwrap();
    assert_eq!(first, again);
    assert_eq!(engine.lexicon_words(), words, "no new word the second time");
    assert_eq!(first, summarize(text, &Options::default()).unwrap());
    engine.clear();
    assert_eq!(engine.lexicon_words(), 0);
}

#[test]
fn an_error_leaves_the_engine_as_it_was() {
    let mut engine = Engine::new();
    let (_, text) = &samples::samples()[1];
    engine.summarize(text, &Options::default()).unwrap();
    let words = engine.lexicon_words();
    let bad = Options {
        length: Length::Sentences(0),
        ..Options::default()
    };
    assert!(engine.summarize(text, &bad).is_err());
    assert!(engine.rank(text, &bad).is_err());
    assert!(engine.keywords(text, 3, &bad).is_err());
    assert_eq!(
        engine.lexicon_words(),
        words,
        "the kept words survive an error"
    );
}

#[test]
fn a_huge_vocabulary_is_not_kept() {
    // 70 000 distinct words, each in its own sentence: more than a lexicon keeps.
    let text: String = (0..70_000)
        .map(|i| format!("Word{i} zq{} stands here. ", i * 7))
        .collect();
    let mut engine = Engine::new();
    engine.summarize(&text, &Options::default()).unwrap();
    assert_eq!(engine.lexicon_words(), 0, "{engine:?}");
    let (_, sample) = &samples::samples()[2];
    engine.summarize(sample, &Options::default()).unwrap();
    assert!(engine.lexicon_words() > 100);
    assert!(engine.lexicon_bytes() < 1 << 20, "{engine:?}");
}

#[test]
fn an_engine_moves_to_another_thread() {
    let mut engine = Engine::new();
    let (_, text) = &samples::samples()[3];
    let here = engine.summarize(text, &Options::default()).unwrap();
    let there = std::thread::spawn({
        let text = text.clone();
        move || engine.summarize(&text, &Options::default()).unwrap()
    })
    .join()
    .unwrap();
    assert_eq!(here, there);
}

// Native only: the WebAssembly build has no batch engine.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_batch_engine_makes_its_lexicon_once() {
    let mut engine = Engine::with_lexicon_room(20_000);
    let samples = samples::samples();
    engine
        .summarize(&samples[0].1, &Options::default())
        .unwrap();
    let (words, bytes) = (engine.lexicon_words(), engine.lexicon_bytes());
    // Room for 20 000 words and as many stems: four bytes of keys and values and at least
    // eight of slots each, twice.
    assert!(bytes > 20_000 * 2 * 16, "{engine:?}");
    for (_, text) in &samples {
        let alone = Engine::new().summarize(text, &Options::default()).unwrap();
        assert_eq!(engine.summarize(text, &Options::default()).unwrap(), alone);
    }
    assert!(engine.lexicon_words() > words, "{engine:?}");
    // The tables did not grow (a table that doubles adds half the bytes at least): only the
    // text of the words of eight bytes or more did.
    assert!(engine.lexicon_bytes() < bytes + bytes / 20, "{engine:?}");
    // Cleared, it keeps its room.
    engine.clear();
    assert_eq!(engine.lexicon_words(), 0);
    engine
        .summarize(&samples[0].1, &Options::default())
        .unwrap();
    assert_eq!(engine.lexicon_bytes(), bytes);
    // No room is a fresh engine.
    let mut plain = Engine::with_lexicon_room(0);
    plain.summarize(&samples[0].1, &Options::default()).unwrap();
    let mut fresh = Engine::new();
    fresh.summarize(&samples[0].1, &Options::default()).unwrap();
    assert_eq!(plain.lexicon_bytes(), fresh.lexicon_bytes());
}
