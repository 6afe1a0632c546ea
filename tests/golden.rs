//! Golden summaries: every article of the dev sets and every sample, in every method at three
//! lengths (and the samples summarized together), compared with `tests/data/golden.txt`, which
//! was written before the speed work of issue 19. A change that makes gisty faster must leave
//! every summary as it was; a change meant to alter summaries regenerates the file
//! (`GISTY_BLESS=1 cargo test --test golden`) and says why each line changed.
//!
//! A line per item and method: `set/index method | starts | starts | starts`, the chosen
//! sentences' byte starts at each length (`doc:start` for a combined summary), then the
//! sentence count, word count and language; and a line per item with its top five key phrases.

use std::fmt::Write;
use std::fs;

use gisty::{keywords, summarize, summarize_many, Doc, Engine, Length, Method, Options};

#[path = "support/samples.rs"]
mod samples;

#[path = "support/dev_sets.rs"]
mod dev_sets;
use dev_sets::{dev_set, METHODS};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

const LENGTHS: [Length; 3] = [Length::Sentences(3), Length::Ratio(0.4), Length::Words(120)];

fn options(method: Method, length: Length, title: Option<&str>) -> Options {
    Options {
        method,
        length,
        title: title.map(str::to_string),
        ..Options::default()
    }
}

/// The golden lines of one text, through `engine` when there is one, else the functions (a
/// fresh engine each call).
fn item(
    out: &mut String,
    engine: &mut Option<Engine>,
    name: &str,
    text: &str,
    title: Option<&str>,
) {
    for method in METHODS {
        write!(out, "{name} {}", method.name()).unwrap();
        let mut last = None;
        for length in LENGTHS {
            let o = options(method, length, title);
            let s = match engine {
                Some(e) => e.summarize(text, &o),
                None => summarize(text, &o),
            }
            .expect("a summary");
            out.push_str(" |");
            for x in &s.sentences {
                write!(out, " {}", x.start).unwrap();
            }
            last = Some((s.total_sentences, s.total_words, s.language));
        }
        let (n, w, l) = last.unwrap();
        writeln!(out, " | {n} {w} {l}").unwrap();
    }
    let o = options(Method::Gisty, Length::Sentences(3), title);
    let keys = match engine {
        Some(e) => e.keywords(text, 5, &o),
        None => keywords(text, 5, &o),
    }
    .expect("key phrases");
    let keys: Vec<&str> = keys.iter().map(|k| k.text.as_str()).collect();
    writeln!(out, "{name} keywords | {}", keys.join("; ")).unwrap();
}

/// Every golden line, in a fixed order.
fn golden(engine: &mut Option<Engine>) -> String {
    let mut out = String::new();
    for (set, file) in [("cnndm", "cnndm-dev.jsonl"), ("bbc", "bbc-dev.jsonl")] {
        for (i, (text, title)) in dev_set(file).iter().enumerate() {
            item(
                &mut out,
                engine,
                &format!("{set}/{i}"),
                text,
                title.as_deref(),
            );
        }
    }
    let texts: Vec<String> = samples::samples().into_iter().map(|(_, t)| t).collect();
    for (i, text) in texts.iter().enumerate() {
        item(&mut out, engine, &format!("sample/{i}"), text, None);
    }
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::from(t.as_str())).collect();
    for method in METHODS {
        write!(out, "samples {}", method.name()).unwrap();
        for length in LENGTHS {
            let o = options(method, length, None);
            let m = match engine {
                Some(e) => e.summarize_many(&docs, &o),
                None => summarize_many(&docs, &o),
            }
            .expect("a summary");
            out.push_str(" |");
            for s in &m.sentences {
                write!(out, " {}:{}", s.doc, s.start).unwrap();
            }
        }
        out.push('\n');
    }
    out
}

/// Asserts that `now` is the golden file's text, listing the first lines that differ.
fn assert_golden(now: &str) {
    let path = format!("{DATA}/golden.txt");
    let want = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let changed: Vec<(&str, &str)> = want
        .lines()
        .zip(now.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert!(
        changed.is_empty() && want.lines().count() == now.lines().count(),
        "{} of {} golden lines changed (want, now), e.g. {:#?}",
        changed.len(),
        want.lines().count(),
        &changed[..changed.len().min(8)]
    );
}

#[test]
fn summaries_are_as_golden() {
    let now = golden(&mut None);
    if std::env::var_os("GISTY_BLESS").is_some() {
        fs::write(format!("{DATA}/golden.txt"), &now).unwrap();
        return;
    }
    assert_golden(&now);
}

/// One engine through every text, each call finding the words of all the calls before it:
/// what it keeps changes no summary.
#[test]
fn one_engine_gives_the_golden_summaries() {
    let mut engine = Some(Engine::new());
    assert_golden(&golden(&mut engine));
    let engine = engine.unwrap();
    assert!(engine.lexicon_words() > 10_000, "{engine:?}");
    eprintln!("after the dev sets and samples: {engine:?}");
}

/// A batch engine, whose lexicon is made with room for all the words it may keep, through every
/// text: the room changes no summary.
// Native only: the WebAssembly build has no batch engine.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_batch_engine_gives_the_golden_summaries() {
    let mut engine = Some(Engine::with_lexicon_room(1 << 16));
    assert_golden(&golden(&mut engine));
}
