//! The WebAssembly package in headless Chromium, loaded the way a page loads it.
//!
//! Run by scripts/test-wasm.sh: `wasm-pack test --headless --chrome -- --test web`, after
//! `scripts/build.sh web` has built www/pkg. The test runner serves the crate root beside its own
//! files, so the tests import the real `web` build (glue, wasm and the Summarizer shim) and check
//! it against the core compiled into this test.

#![cfg(target_arch = "wasm32")]

use gisty::{Doc, Length, Method, Options};
use js_sys::{Array, Function, JsString, Promise, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLES: [&str; 5] = [
    include_str!("data/samples/000_046262ac0d97e98c.txt"),
    include_str!("data/samples/001_ebdf62a2ef74ddb9.txt"),
    include_str!("data/samples/002_d8367396b4d4499a.txt"),
    include_str!("data/samples/003_4074df972d331db2.txt"),
    include_str!("data/samples/004_66f075ac03bc9f79.txt"),
];

/// The longest sample (54 sentences): long enough for every budget of the Summarizer facade.
const LONG: &str = SAMPLES[3];

#[wasm_bindgen(inline_js = r#"
let loaded;
export function load() {
  loaded ??= (async () => {
    const facade = await import("/www/pkg/summarizer.js").catch((e) => {
      throw new Error(`cannot import /www/pkg/summarizer.js: run scripts/build.sh web (${e})`);
    });
    // Like a page that never calls init(): the shim loads the wasm on first use.
    (await facade.Summarizer.create()).destroy();
    const gisty = await import("/www/pkg/gisty.js");
    return { gisty, facade };
  })();
  return loaded;
}
export async function collect(stream) {
  const reader = stream.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load() -> Result<Promise, JsValue>;
    fn collect(stream: &JsValue) -> Promise;
}

/// The web build's two modules: the binding (gisty.js) and the Summarizer shim.
struct Package {
    gisty: JsValue,
    facade: JsValue,
}

async fn package() -> Package {
    let p = JsFuture::from(load().unwrap()).await.unwrap();
    Package {
        gisty: get(&p, "gisty"),
        facade: get(&p, "facade"),
    }
}

/// The languages the loaded build knows (`languages()`).
fn package_languages(pkg: &Package) -> Vec<String> {
    let list: Array = call(&pkg.gisty, "languages", &[])
        .unwrap()
        .dyn_into()
        .unwrap();
    list.iter().map(|l| l.as_string().unwrap()).collect()
}

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap()
}

/// Calls `object[name](...args)`: a JS exception is the Err.
fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(object, name).dyn_into().unwrap();
    f.apply(object, &args.iter().collect::<Array>())
}

/// Calls a method that returns a promise and awaits it: a rejection is the Err.
async fn call_async(object: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let promise: Promise = call(object, name, args)?.dyn_into().unwrap();
    JsFuture::from(promise).await
}

fn json(s: &str) -> JsValue {
    js_sys::JSON::parse(s).unwrap()
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsSummary {
    sentences: Vec<JsSentence>,
    total_sentences: usize,
    total_words: usize,
    language: String,
}

#[derive(Debug, Deserialize)]
struct JsSentence {
    text: String,
    index: usize,
    score: f64,
    start: usize,
    end: usize,
    doc: usize,
    /// Several documents only.
    #[serde(default)]
    support: Vec<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsMultiSummary {
    sentences: Vec<JsSentence>,
    duplicates: Vec<JsDuplicate>,
    similarity: Vec<Vec<f64>>,
    total_sentences: usize,
    total_words: usize,
}

#[derive(Debug, Deserialize)]
struct JsDuplicate {
    a: usize,
    b: usize,
    similarity: f64,
}

#[derive(Debug, Deserialize)]
struct JsKeyword {
    text: String,
    score: f64,
    count: usize,
}

fn summarize(pkg: &Package, text: &str, options: &JsValue) -> Result<JsSummary, JsValue> {
    let v = call(&pkg.gisty, "summarize", &[text.into(), options.clone()])?;
    Ok(serde_wasm_bindgen::from_value(v).unwrap())
}

fn rank(pkg: &Package, text: &str, options: &JsValue) -> Result<Vec<JsSentence>, JsValue> {
    let v = call(&pkg.gisty, "rank", &[text.into(), options.clone()])?;
    Ok(serde_wasm_bindgen::from_value(v).unwrap())
}

/// `summarizeMany(docs, options)`; `docs` is any JS value, to test bad ones too.
fn summarize_many(
    pkg: &Package,
    docs: &JsValue,
    options: &JsValue,
) -> Result<JsMultiSummary, JsValue> {
    let v = call(
        &pkg.gisty,
        "summarizeMany",
        &[docs.clone(), options.clone()],
    )?;
    Ok(serde_wasm_bindgen::from_value(v).unwrap())
}

fn keywords(pkg: &Package, input: &JsValue, options: &JsValue) -> Result<Vec<JsKeyword>, JsValue> {
    let v = call(&pkg.gisty, "keywords", &[input.clone(), options.clone()])?;
    Ok(serde_wasm_bindgen::from_value(v).unwrap())
}

/// A JS array of strings.
fn strings(texts: &[&str]) -> JsValue {
    texts
        .iter()
        .map(|t| JsValue::from(*t))
        .collect::<Array>()
        .into()
}

/// `input.slice(start, end)` in JS's own string indexing.
fn slice(input: &str, start: usize, end: usize) -> String {
    JsString::from(input).slice(start as u32, end as u32).into()
}

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-9 * want.abs().max(1.0)
}

/// The naive oracle for an offset: UTF-16 units before byte `at`.
fn utf16_at(text: &str, at: usize) -> usize {
    text[..at].encode_utf16().count()
}

#[wasm_bindgen_test]
async fn summarizes_the_samples_like_the_core() {
    let pkg = package().await;
    let cases = [
        (r#"{}"#, Options::default()),
        (
            r#"{"ratio": 0.3, "method": "lexrank"}"#,
            Options {
                length: Length::Ratio(0.3),
                method: Method::LexRank,
                ..Options::default()
            },
        ),
        (
            r#"{"words": 80, "method": "textrank", "language": "en"}"#,
            Options {
                length: Length::Words(80),
                method: Method::TextRank,
                ..Options::default()
            },
        ),
        (
            r#"{"sentences": 4, "title": "peace talks", "redundancy": 0.3, "position": false}"#,
            Options {
                length: Length::Sentences(4),
                title: Some("peace talks".into()),
                redundancy: 0.3,
                position: false,
                ..Options::default()
            },
        ),
        (
            r#"{"sentences": 2, "method": "lead"}"#,
            Options {
                length: Length::Sentences(2),
                method: Method::Lead,
                ..Options::default()
            },
        ),
    ];
    for (k, text) in SAMPLES.iter().enumerate() {
        for (js_options, options) in &cases {
            let got = summarize(&pkg, text, &json(js_options)).unwrap();
            let want = gisty::summarize(text, options).unwrap();
            let what = format!("sample {k}, {js_options}");
            assert!(!got.sentences.is_empty(), "{what}");
            assert_eq!(got.total_sentences, want.total_sentences, "{what}");
            assert_eq!(got.total_words, want.total_words, "{what}");
            assert_eq!(got.sentences.len(), want.sentences.len(), "{what}");
            for (g, w) in got.sentences.iter().zip(&want.sentences) {
                assert_eq!(g.text, w.text, "{what}");
                assert_eq!(g.index, w.index, "{what}");
                assert_eq!(g.doc, 0, "{what}");
                assert!(close(g.score, w.score), "{what}");
                assert_eq!(g.start, utf16_at(text, w.start), "{what}");
                assert_eq!(g.end, utf16_at(text, w.end), "{what}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn offsets_are_utf16_and_slice_the_input() {
    let pkg = package().await;
    let special = [
        "Le café était plein. Les élèves ont mangé des crêpes à midi. \
         Une e\u{301}toile filante est passée.",
        "The party was 🎉 great! Everyone 👩‍👩‍👧 came. The cake 🍰🍰 was gone by nine. \
         Then the 🇫🇷 band played.",
        "東京は日本の首都です。大阪は食べ物で有名です。京都には古い寺がたくさんあります。",
        "Mixed text: 北京 and 😀 then Zürich. Next line has 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters.\n\nLast one — fin.",
    ];
    for text in SAMPLES.iter().chain(&special) {
        let input = JsString::from(*text);
        let ranked = rank(&pkg, text, &JsValue::UNDEFINED).unwrap();
        assert!(!ranked.is_empty(), "{text}");
        for s in &ranked {
            // input.slice(start, end) === text, in JS's own string indexing.
            assert_eq!(
                String::from(input.slice(s.start as u32, s.end as u32)),
                s.text,
                "{text}"
            );
        }
        for s in summarize(&pkg, text, &json(r#"{"sentences": 2}"#))
            .unwrap()
            .sentences
        {
            assert_eq!(
                String::from(input.slice(s.start as u32, s.end as u32)),
                s.text
            );
        }
    }
    // Not vacuous: past the first emoji, UTF-16 and byte offsets differ.
    let ranked = rank(&pkg, special[1], &JsValue::UNDEFINED).unwrap();
    let last = ranked.last().unwrap();
    assert!(last.start < special[1].find("Then").unwrap());
}

/// A sentence of a string input is that string's own slice, even where it holds what a Rust
/// string cannot (a lone surrogate, which the core reads as U+FFFD, one UTF-16 unit as well).
#[wasm_bindgen_test]
async fn a_string_input_is_sliced_exactly_even_with_a_lone_surrogate() {
    let pkg = package().await;
    let input = JsString::from("The harbour reopened on Monday after the long storm. A lone ")
        .concat(&JsString::from_char_code1(0xD800))
        .concat(&JsValue::from(
            " mark sits in this second sentence about the harbour storm. The third sentence \
             says that the harbour storm was the longest in years.",
        ));
    let ranked: Array = call(&pkg.gisty, "rank", &[input.clone().into()])
        .unwrap()
        .unchecked_into();
    assert_eq!(ranked.length(), 3);
    let summary = call(&pkg.gisty, "summarize", &[input.clone().into()]).unwrap();
    let sentences: Array = get(&summary, "sentences").unchecked_into();
    for s in ranked.iter().chain(sentences.iter()) {
        let (start, end) = (
            get(&s, "start").as_f64().unwrap(),
            get(&s, "end").as_f64().unwrap(),
        );
        // === in JS: the same UTF-16 units, the lone surrogate among them.
        assert_eq!(
            get(&s, "text"),
            JsValue::from(input.slice(start as u32, end as u32))
        );
    }
    let second = get(&ranked.get(1), "text");
    assert_eq!(JsString::from(second).char_code_at(7), f64::from(0xD800));
}

#[wasm_bindgen_test]
async fn every_method_and_language_of_the_core_is_accepted() {
    let pkg = package().await;
    let class = get(&pkg.facade, "Summarizer");
    for method in gisty::Method::NAMES {
        let options = json(&format!(r#"{{"method": "{method}"}}"#));
        assert!(summarize(&pkg, SAMPLES[0], &options).is_ok(), "{method}");
    }
    // The page's build knows English only; the crate compiled into this test knows every
    // language: the package says which it has.
    let languages = package_languages(&pkg);
    assert!(languages.iter().any(|l| l == "en"));
    assert!(languages
        .iter()
        .all(|l| gisty::Language::NAMES.contains(&l.as_str())));
    for language in &languages {
        let options = json(&format!(r#"{{"language": "{language}"}}"#));
        assert!(summarize(&pkg, SAMPLES[0], &options).is_ok(), "{language}");
        // The shim keeps its own list of the core's languages.
        let options = json(&format!(r#"{{"expectedInputLanguages": ["{language}"]}}"#));
        let availability = call_async(&class, "availability", &[options])
            .await
            .unwrap();
        assert_eq!(availability.as_string().unwrap(), "available", "{language}");
    }
}

#[wasm_bindgen_test]
async fn languages_are_detected_given_and_hinted() {
    let pkg = package().await;
    let french = "Le conseil municipal a voté lundi le nouveau plan de circulation. Les travaux \
                  commenceront au printemps dans le centre de la ville. Selon la mairie, le \
                  projet coûtera près de douze millions d'euros.";
    // Detection names the language in every build, stemmed here or not.
    let detect = |t: &str| {
        call(&pkg.gisty, "detectLanguage", &[t.into()])
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(detect(french), "fr");
    assert_eq!(detect(SAMPLES[0]), "en");
    assert_eq!(detect("12 34"), "und");
    let thrown = call(&pkg.gisty, "detectLanguage", &[5.into()]).unwrap_err();
    assert_error(
        thrown,
        &["text must be a string, got 5"],
        "detectLanguage(5)",
    );
    let has_french = package_languages(&pkg).iter().any(|l| l == "fr");
    let s = summarize(&pkg, french, &JsValue::UNDEFINED).unwrap();
    assert_eq!(s.language, if has_french { "fr" } else { "und" });
    let auto = summarize(&pkg, french, &json(r#"{"language": "auto"}"#)).unwrap();
    assert_eq!(auto.language, s.language);
    // A given language wins; a hint decides a text too short to tell.
    let given = summarize(&pkg, french, &json(r#"{"language": "en"}"#)).unwrap();
    assert_eq!(given.language, "en");
    let short = "Bruno Garnier, Lyon.";
    let hinted = summarize(&pkg, short, &json(r#"{"languageHint": "en-GB"}"#)).unwrap();
    assert_eq!(hinted.language, "en");
    let unknown_hint = summarize(&pkg, short, &json(r#"{"languageHint": "x-klingon"}"#));
    assert_eq!(
        unknown_hint.unwrap().language,
        "und",
        "an unknown tag is no hint"
    );
    // Several documents: each its own language.
    let docs: Array = [french, SAMPLES[0]]
        .iter()
        .map(|&t| JsValue::from(t))
        .collect();
    let m = call(&pkg.gisty, "summarizeMany", &[docs.into()]).unwrap();
    let languages: Vec<String> = serde_wasm_bindgen::from_value(get(&m, "languages")).unwrap();
    assert_eq!(languages, [s.language.as_str(), "en"]);
}

#[wasm_bindgen_test]
async fn empty_text_is_an_empty_summary() {
    let pkg = package().await;
    for text in ["", "   \n\n  "] {
        let s = summarize(&pkg, text, &JsValue::UNDEFINED).unwrap();
        assert!(s.sentences.is_empty());
        assert_eq!(s.total_sentences, 0);
        assert!(rank(&pkg, text, &JsValue::NULL).unwrap().is_empty());
    }
}

/// The thrown value is an `Error` (not a string) whose message has every `needle`.
fn assert_error(thrown: JsValue, needles: &[&str], what: &str) {
    let error = thrown
        .dyn_ref::<js_sys::Error>()
        .unwrap_or_else(|| panic!("{what}: threw {thrown:?}, not an Error"));
    let message = String::from(error.message());
    for n in needles {
        assert!(message.contains(n), "{what}: {message:?} lacks {n:?}");
    }
}

#[wasm_bindgen_test]
async fn bad_options_throw_errors_naming_the_option() {
    let pkg = package().await;
    let cases: &[(&str, &[&str])] = &[
        (r#"{"sentences": 0}"#, &["sentences", "whole number"]),
        (
            r#"{"sentences": 2.5}"#,
            &["sentences", "whole number", "2.5"],
        ),
        (r#"{"words": -3}"#, &["words", "whole number"]),
        (
            r#"{"sentnces": 3}"#,
            &[
                "unknown field `sentnces`",
                "`sentences`, `ratio`, `words`, `method`, `title`, `language`",
            ],
        ),
        // null and undefined are the defaults, as an absent option is.
        (
            r#"{"words": 2.5, "title": null}"#,
            &["words", "whole number", "2.5"],
        ),
        (r#"{"sentences": 3, "words": 50}"#, &["sentences", "words"]),
        (r#"{"ratio": 1.5}"#, &["ratio", "at most 1"]),
        (r#"{"ratio": "30%"}"#, &["ratio", "number"]),
        (
            r#"{"method": "pagerank"}"#,
            &["method", "pagerank", "gisty, lexrank, textrank, lead"],
        ),
        (r#"{"method": 1}"#, &["method", "gisty, lexrank"]),
        (
            r#"{"language": "klingon"}"#,
            &["language", "klingon", "expected one of ar, da, de"],
        ),
        (r#"{"redundancy": 2}"#, &["redundancy", "0 to 1"]),
        (r#"{"position": "yes"}"#, &["position", "true or false"]),
        (r#"{"title": 7}"#, &["title", "string"]),
        (r#"{"focus": ["assets"]}"#, &["focus", "string", "an array"]),
        (r#""3 sentences""#, &["options", "object"]),
        (r#"[3]"#, &["options", "object"]),
    ];
    for (options, needles) in cases {
        let thrown = summarize(&pkg, SAMPLES[0], &json(options)).unwrap_err();
        assert_error(thrown, needles, options);
        let thrown = rank(&pkg, SAMPLES[0], &json(options)).unwrap_err();
        assert_error(thrown, needles, options);
        let thrown = summarize_many(&pkg, &strings(&SAMPLES), &json(options)).unwrap_err();
        assert_error(thrown, needles, options);
    }
    let thrown = call(&pkg.gisty, "summarize", &[JsValue::from(42)]).unwrap_err();
    assert_error(thrown, &["text", "string", "42"], "summarize(42)");
}

/// Sentences per type and length, as documented in js/summarizer.js.
const BUDGETS: [(&str, [usize; 3]); 4] = [
    ("key-points", [3, 5, 7]),
    ("tldr", [1, 3, 5]),
    ("teaser", [1, 3, 5]),
    ("headline", [1, 1, 1]),
];
const LENGTHS: [&str; 3] = ["short", "medium", "long"];

/// What the facade must return, built from the core: the sentences chosen with the type's
/// budget (teasers without the lede prior), laid out for the type and format.
fn expected(text: &str, kind: &str, n: usize, markdown: bool, focus: Option<&str>) -> String {
    let options = Options {
        length: Length::Sentences(n),
        position: kind != "teaser",
        focus: focus.map(str::to_string),
        ..Options::default()
    };
    let sentences: Vec<String> = gisty::summarize(text, &options)
        .unwrap()
        .sentences
        .iter()
        .map(|s| {
            let one_line = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !markdown {
                return one_line;
            }
            let mut escaped = String::new();
            for c in one_line.chars() {
                if "\\`*_[]<>".contains(c) {
                    escaped.push('\\');
                }
                escaped.push(c);
            }
            escaped
        })
        .collect();
    match (kind, markdown) {
        ("key-points", true) => sentences
            .iter()
            .map(|s| format!("- {s}"))
            .collect::<Vec<_>>()
            .join("\n"),
        ("key-points", false) => sentences.join("\n"),
        _ => sentences.join(" "),
    }
}

async fn create(pkg: &Package, options: &str) -> Result<JsValue, JsValue> {
    let class = get(&pkg.facade, "Summarizer");
    call_async(&class, "create", &[json(options)]).await
}

#[wasm_bindgen_test]
async fn summarizer_facade_types_and_lengths() {
    let pkg = package().await;
    let class = get(&pkg.facade, "Summarizer");
    let availability = call_async(&class, "availability", &[]).await.unwrap();
    assert_eq!(availability.as_string().as_deref(), Some("available"));

    // The shim's exported table is the one documented.
    let table = get(&pkg.facade, "BUDGETS");
    for (kind, budgets) in BUDGETS {
        for (length, n) in LENGTHS.iter().zip(budgets) {
            let got = get(&get(&table, kind), length).as_f64();
            assert_eq!(got, Some(n as f64), "BUDGETS[{kind}][{length}]");
        }
    }

    for (kind, budgets) in BUDGETS {
        for (length, n) in LENGTHS.iter().zip(budgets) {
            for format in ["markdown", "plain-text"] {
                let what = format!("{kind} {length} {format}");
                let options =
                    format!(r#"{{"type": "{kind}", "length": "{length}", "format": "{format}"}}"#);
                let summarizer = create(&pkg, &options).await.unwrap();
                assert_eq!(get(&summarizer, "type").as_string().unwrap(), kind);
                assert_eq!(get(&summarizer, "length").as_string().unwrap(), *length);
                assert_eq!(get(&summarizer, "format").as_string().unwrap(), format);
                let got = call_async(&summarizer, "summarize", &[LONG.into()])
                    .await
                    .unwrap()
                    .as_string()
                    .unwrap();
                if kind == "headline" {
                    // The spec's word limits (12, 17, 22): a title or sentence that fits, else
                    // the best sentence cut at a word and ended with "…", never a rewording.
                    let limit = match *length {
                        "short" => 12,
                        "medium" => 17,
                        _ => 22,
                    };
                    assert!(got.split_whitespace().count() <= limit, "{what}: {got}");
                    let flat = LONG.split_whitespace().collect::<Vec<_>>().join(" ");
                    let body = got.trim_end_matches('…').replace('\\', "");
                    assert!(flat.contains(body.trim()), "{what}: {got}");
                    continue;
                }
                let want = expected(LONG, kind, n, format == "markdown", None);
                assert_eq!(got, want, "{what}");
                match kind {
                    "key-points" => {
                        assert_eq!(got.lines().count(), n, "{what}");
                        let bullets = got.lines().all(|l| l.starts_with("- "));
                        assert_eq!(bullets, format == "markdown", "{what}");
                    }
                    _ => assert!(!got.contains('\n'), "{what}"),
                }
                call(&summarizer, "destroy", &[]).unwrap();
            }
        }
    }

    // The defaults are Chrome's: key-points, markdown, short.
    let summarizer = create(&pkg, "{}").await.unwrap();
    let got = call_async(&summarizer, "summarize", &[LONG.into()]).await;
    let want = expected(LONG, "key-points", 3, true, None);
    assert_eq!(got.unwrap().as_string().unwrap(), want);
}

#[wasm_bindgen_test]
async fn streaming_chunks_are_the_summary_sentence_by_sentence() {
    let pkg = package().await;
    for (options, n) in [
        (r#"{"type": "key-points", "length": "medium"}"#, 5),
        (r#"{"type": "tldr", "length": "long"}"#, 5),
        (r#"{"type": "headline"}"#, 1),
    ] {
        let summarizer = create(&pkg, options).await.unwrap();
        let stream = call(&summarizer, "summarizeStreaming", &[LONG.into()]).unwrap();
        let chunks: Array = JsFuture::from(collect(&stream)).await.unwrap().into();
        let whole = call_async(&summarizer, "summarize", &[LONG.into()])
            .await
            .unwrap();
        assert_eq!(chunks.length() as usize, n, "{options}");
        assert_eq!(chunks.join(""), JsString::from(whole), "{options}");
    }
}

#[wasm_bindgen_test]
async fn context_steers_the_summary_as_its_focus() {
    let pkg = package().await;
    // A sentence deep in the text, which the lede and centrality leave out of a short summary
    // until the context names what it is about.
    let frozen = "However, agreements on using frozen Russian assets faced hurdles";
    let plain = create(&pkg, r#"{"type": "key-points"}"#).await.unwrap();
    let got = call_async(&plain, "summarize", &[LONG.into()])
        .await
        .unwrap();
    assert!(!got.as_string().unwrap().contains(frozen), "{got:?}");

    let steered = create(
        &pkg,
        r#"{"type": "key-points", "sharedContext": "frozen assets"}"#,
    )
    .await
    .unwrap();
    let got = call_async(&steered, "summarize", &[LONG.into()])
        .await
        .unwrap();
    let got = got.as_string().unwrap();
    assert!(got.contains(frozen), "{got}");
    assert_eq!(
        got,
        expected(LONG, "key-points", 3, true, Some("frozen assets"))
    );
    // `context` of one call does the same, and adds to the shared context.
    let context = json(r#"{"context": "frozen assets"}"#);
    let got = call_async(&plain, "summarize", &[LONG.into(), context])
        .await
        .unwrap();
    assert!(got.as_string().unwrap().contains(frozen), "{got:?}");

    let summarizer = create(
        &pkg,
        r#"{"type": "teaser", "length": "medium", "sharedContext": "European security"}"#,
    )
    .await
    .unwrap();
    let context = json(r#"{"context": "sanctions on Moscow"}"#);
    let got = call_async(&summarizer, "summarize", &[SAMPLES[0].into(), context])
        .await
        .unwrap();
    let focus = "European security\nsanctions on Moscow";
    let want = expected(SAMPLES[0], "teaser", 3, true, Some(focus));
    assert_eq!(got.as_string().unwrap(), want);
}

#[wasm_bindgen_test]
async fn summarizer_facade_errors_are_errors() {
    let pkg = package().await;
    let cases: &[(&str, &[&str])] = &[
        (
            r#"{"type": "bullets"}"#,
            &["type", "key-points", "headline"],
        ),
        (
            r#"{"length": "tiny"}"#,
            &["length", "short", "medium", "long"],
        ),
        (
            r#"{"format": "html"}"#,
            &["format", "markdown", "plain-text"],
        ),
    ];
    for (options, needles) in cases {
        let thrown = create(&pkg, options).await.unwrap_err();
        assert_error(thrown.clone(), needles, options);
        assert_eq!(get(&thrown, "name").as_string().unwrap(), "TypeError");
    }
    let class = get(&pkg.facade, "Summarizer");
    let options = json(r#"{"expectedInputLanguages": ["ja"]}"#);
    let availability = call_async(&class, "availability", &[options])
        .await
        .unwrap();
    assert_eq!(availability.as_string().unwrap(), "unavailable");
    let thrown = create(&pkg, r#"{"expectedInputLanguages": ["ja"]}"#)
        .await
        .unwrap_err();
    assert_error(thrown.clone(), &["summarizes en"], "language ja");
    assert_eq!(
        get(&thrown, "name").as_string().unwrap(),
        "NotSupportedError"
    );

    let tag = if package_languages(&pkg).iter().any(|l| l == "de") {
        r#"{"expectedInputLanguages": ["de-DE"]}"#
    } else {
        r#"{"expectedInputLanguages": ["en-GB"]}"#
    };
    let summarizer = create(&pkg, tag).await.unwrap();
    call(&summarizer, "destroy", &[]).unwrap();
    let thrown = call_async(&summarizer, "summarize", &[LONG.into()])
        .await
        .unwrap_err();
    assert_error(thrown.clone(), &["destroyed"], "after destroy()");
    // The Writing Assistance APIs spec: a destroyed summarizer rejects with AbortError.
    assert_eq!(get(&thrown, "name").as_string().unwrap(), "AbortError");
}

/// Checks a combined summary against the core's for the same documents and options: the same
/// sentences, scores and document similarity, with UTF-16 offsets that slice each sentence out
/// of its own document.
fn assert_like_the_core(got: &JsMultiSummary, docs: &[Doc], options: &Options, what: &str) {
    let want = gisty::summarize_many(docs, options).unwrap();
    assert_eq!(got.total_sentences, want.total_sentences, "{what}");
    assert_eq!(got.total_words, want.total_words, "{what}");
    assert_eq!(got.sentences.len(), want.sentences.len(), "{what}");
    for (g, w) in got.sentences.iter().zip(&want.sentences) {
        assert_eq!(
            (g.doc, g.index, &g.text, &g.support),
            (w.doc, w.index, &w.text, &w.support),
            "{what}"
        );
        assert!(
            g.support.contains(&g.doc),
            "{what}: a sentence supports itself"
        );
        assert!(close(g.score, w.score), "{what}");
        let text = docs[g.doc].text;
        assert_eq!(g.start, utf16_at(text, w.start), "{what}");
        assert_eq!(g.end, utf16_at(text, w.end), "{what}");
        assert_eq!(slice(text, g.start, g.end), g.text, "{what}");
    }
    assert_eq!(got.similarity.len(), want.similarity.len(), "{what}");
    for (g, w) in got
        .similarity
        .iter()
        .flatten()
        .zip(want.similarity.iter().flatten())
    {
        assert!(close(*g, *w), "{what}");
    }
    let got_pairs: Vec<_> = got
        .duplicates
        .iter()
        .map(|d| (d.a, d.b, d.similarity))
        .collect();
    let want_pairs: Vec<_> = want
        .duplicates
        .iter()
        .map(|d| (d.a, d.b, d.similarity))
        .collect();
    assert_eq!(got_pairs.len(), want_pairs.len(), "{what}");
    for (g, w) in got_pairs.iter().zip(&want_pairs) {
        assert_eq!((g.0, g.1), (w.0, w.1), "{what}");
        assert!(close(g.2, w.2), "{what}");
    }
}

#[wasm_bindgen_test]
async fn summarizes_several_documents_like_the_core() {
    let pkg = package().await;
    let docs: Vec<Doc> = SAMPLES.iter().map(|t| Doc::from(*t)).collect();
    let six = Options {
        length: Length::Sentences(6),
        ..Options::default()
    };
    let got = summarize_many(&pkg, &strings(&SAMPLES), &json(r#"{"sentences": 6}"#)).unwrap();
    assert_like_the_core(&got, &docs, &six, "five samples, 6 sentences");
    assert_eq!(got.sentences.len(), 6);
    // Several reports tell the story's main facts: some sentence has three of them behind it.
    assert!(
        got.sentences.iter().any(|s| s.support.len() >= 3),
        "{:?}",
        got.sentences
    );
    // A single text's sentences carry no support.
    let one = summarize(&pkg, SAMPLES[2], &JsValue::UNDEFINED).unwrap();
    assert!(one.sentences.iter().all(|s| s.support.is_empty()));
    for s in &got.sentences {
        assert_eq!(slice(SAMPLES[s.doc], s.start, s.end), s.text);
    }
    // Samples 0 and 1 are rewrites of one article; the others are separate reports.
    let pairs: Vec<(usize, usize)> = got.duplicates.iter().map(|d| (d.a, d.b)).collect();
    assert_eq!(pairs, [(0, 1)]);
    assert!(got.duplicates[0].similarity >= gisty::NEAR_DUPLICATE);
    assert_eq!(got.similarity.len(), 5);
    assert!(got.similarity.iter().all(|row| row.len() == 5));

    // Items may be { text, title? } objects, mixed with strings; a set title applies to the
    // documents without one of their own.
    let js_docs = Array::new();
    js_docs.push(&SAMPLES[0].into());
    js_docs.push(&json(&format!(
        r#"{{"text": {}, "title": "Talks in Florida"}}"#,
        serde_json_string(SAMPLES[1])
    )));
    js_docs.push(&json(&format!(
        r#"{{"text": {}}}"#,
        serde_json_string(SAMPLES[2])
    )));
    let options = json(r#"{"ratio": 0.1, "title": "Ukraine peace talks", "method": "lexrank"}"#);
    let got = summarize_many(&pkg, &js_docs, &options).unwrap();
    let docs = [
        Doc::from(SAMPLES[0]),
        Doc {
            text: SAMPLES[1],
            title: Some("Talks in Florida"),
            ..Doc::default()
        },
        Doc::from(SAMPLES[2]),
    ];
    let options = Options {
        length: Length::Ratio(0.1),
        title: Some("Ukraine peace talks".into()),
        method: Method::LexRank,
        ..Options::default()
    };
    assert_like_the_core(&got, &docs, &options, "objects and strings");

    // No documents, or documents without sentences: an empty summary.
    let got = summarize_many(&pkg, &json("[]"), &JsValue::UNDEFINED).unwrap();
    assert!(got.sentences.is_empty() && got.similarity.is_empty() && got.duplicates.is_empty());
    let got = summarize_many(&pkg, &json(r#"["", {"text": "  "}]"#), &JsValue::NULL).unwrap();
    assert!(got.sentences.is_empty());
    assert_eq!(got.total_sentences, 0);
}

/// A JSON string literal of `s`, for building JS values with JSON.parse.
fn serde_json_string(s: &str) -> String {
    String::from(js_sys::JSON::stringify(&JsValue::from(s)).unwrap())
}

#[wasm_bindgen_test]
async fn combined_offsets_are_utf16_in_each_document() {
    let pkg = package().await;
    let docs = [
        "東京は日本の首都です。大阪は食べ物で有名です。京都には古い寺がたくさんあります。",
        "The party was 🎉 great! Everyone 👩‍👩‍👧 came. The cake 🍰🍰 was gone by nine. \
         Then the 🇫🇷 band played.",
        "Mixed text: 北京 and 😀 then Zürich. Next line has 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters.\n\nLast one — fin.",
        "Le café était plein. Les élèves ont mangé des crêpes à midi. \
         Une e\u{301}toile filante est passée.",
    ];
    let got = summarize_many(
        &pkg,
        &strings(&docs),
        // One language given: the web build stems English only, while this test's core has
        // every language (a detected French document would be stemmed here, not there). The
        // offsets are the point.
        &json(r#"{"ratio": 1, "redundancy": 1, "language": "en"}"#),
    )
    .unwrap();
    let options = Options {
        length: Length::Ratio(1.0),
        redundancy: 1.0,
        language: Some(gisty::Language::English),
        ..Options::default()
    };
    let core: Vec<Doc> = docs.iter().map(|t| Doc::from(*t)).collect();
    assert_like_the_core(&got, &core, &options, "emoji, CJK, accents");
    let from: std::collections::BTreeSet<usize> = got.sentences.iter().map(|s| s.doc).collect();
    assert_eq!(
        from.len(),
        docs.len(),
        "every document has sentences in the summary"
    );
    // Not vacuous: past the first emoji, UTF-16 and byte offsets differ, and offsets restart
    // at each document.
    let last = got.sentences.iter().rfind(|s| s.doc == 1).unwrap();
    assert!(last.start < docs[1].find("Then").unwrap());
    assert_eq!(slice(docs[1], last.start, last.end), last.text);
    assert!(got
        .sentences
        .iter()
        .filter(|s| s.index == 0)
        .all(|s| s.start == 0));
}

#[wasm_bindgen_test]
async fn focus_steers_the_combined_summary() {
    let pkg = package().await;
    let best = |summary: &JsMultiSummary| {
        let top = summary
            .sentences
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .unwrap();
        top.text.clone()
    };
    let plain = summarize_many(&pkg, &strings(&SAMPLES), &json(r#"{"sentences": 6}"#)).unwrap();
    assert!(!best(&plain).contains("assets"), "{}", best(&plain));
    let options = r#"{"sentences": 6, "focus": "frozen Russian assets"}"#;
    let steered = summarize_many(&pkg, &strings(&SAMPLES), &json(options)).unwrap();
    assert!(best(&steered).contains("assets"), "{}", best(&steered));
    let docs: Vec<Doc> = SAMPLES.iter().map(|t| Doc::from(*t)).collect();
    let focus = Options {
        length: Length::Sentences(6),
        focus: Some("frozen Russian assets".into()),
        ..Options::default()
    };
    assert_like_the_core(&steered, &docs, &focus, options);

    // One text too.
    let got = summarize(
        &pkg,
        LONG,
        &json(r#"{"sentences": 3, "focus": "frozen assets"}"#),
    )
    .unwrap();
    assert!(got.sentences.iter().any(|s| s.text.contains("frozen")));
}

#[wasm_bindgen_test]
async fn keywords_are_phrases_best_first_like_the_core() {
    let pkg = package().await;
    let docs: Vec<Doc> = SAMPLES.iter().map(|t| Doc::from(*t)).collect();
    let got = keywords(&pkg, &strings(&SAMPLES), &JsValue::UNDEFINED).unwrap();
    let want = gisty::keywords_many(&docs, 10, &Options::default()).unwrap();
    assert_eq!(got.len(), 10, "the default count");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!((&g.text, g.count), (&w.text, w.count));
        assert!(close(g.score, w.score));
    }
    assert!(close(got[0].score, 1.0));
    assert!(got.windows(2).all(|w| w[0].score >= w[1].score), "{got:?}");
    let phrases: Vec<&str> = got
        .iter()
        .map(|k| k.text.as_str())
        .filter(|t| t.contains(' '))
        .collect();
    assert!(phrases.len() >= 3, "multi-word phrases: {got:?}");
    assert!(got.iter().all(|k| k.count >= 1));

    // One text, a count, a language; objects as documents.
    let got = keywords(
        &pkg,
        &LONG.into(),
        &json(r#"{"count": 4, "language": "en"}"#),
    )
    .unwrap();
    let want = gisty::keywords(LONG, 4, &Options::default()).unwrap();
    let texts: Vec<&str> = got.iter().map(|k| k.text.as_str()).collect();
    assert_eq!(
        texts,
        want.iter().map(|k| k.text.as_str()).collect::<Vec<_>>()
    );
    let one = json(&format!(r#"[{{"text": {}}}]"#, serde_json_string(LONG)));
    let again = keywords(&pkg, &one, &json(r#"{"count": 4}"#)).unwrap();
    assert_eq!(
        again.iter().map(|k| k.text.as_str()).collect::<Vec<_>>(),
        texts
    );
    assert!(keywords(&pkg, &"".into(), &JsValue::NULL)
        .unwrap()
        .is_empty());
}

#[wasm_bindgen_test]
async fn bad_documents_throw_errors_naming_the_item() {
    let pkg = package().await;
    let cases: &[(&str, &[&str])] = &[
        (
            r#"["a text", 42]"#,
            &["docs[1]", "string", "text, title", "42"],
        ),
        (r#"[null]"#, &["docs[0]", "null"]),
        (r#"[["nested"]]"#, &["docs[0]", "an array"]),
        (
            r#"[{"title": "no text"}]"#,
            &["docs[0].text", "string", "undefined"],
        ),
        (r#"["", {"text": 5}]"#, &["docs[1].text", "string", "5"]),
        (
            r#"[{"text": "x", "title": 7}]"#,
            &["docs[0].title", "string", "7"],
        ),
        (r#""one string""#, &["docs", "array", "\"one string\""]),
        (r#"{"text": "x"}"#, &["docs", "array", "an object"]),
    ];
    for (docs, needles) in cases {
        let thrown = summarize_many(&pkg, &json(docs), &JsValue::UNDEFINED).unwrap_err();
        assert_error(thrown, needles, docs);
    }
    let thrown = summarize_many(&pkg, &JsValue::UNDEFINED, &JsValue::UNDEFINED).unwrap_err();
    assert_error(thrown, &["docs", "undefined"], "summarizeMany()");
    // keywords takes a string or the same documents.
    for (docs, needles) in &cases[..6] {
        let thrown = keywords(&pkg, &json(docs), &JsValue::UNDEFINED).unwrap_err();
        assert_error(thrown, needles, docs);
    }
    let thrown = keywords(&pkg, &JsValue::from(42), &JsValue::UNDEFINED).unwrap_err();
    assert_error(
        thrown,
        &["keywords", "string", "array", "42"],
        "keywords(42)",
    );
    let bad_options: &[(&str, &[&str])] = &[
        (r#"{"count": 0}"#, &["count", "whole number", "0"]),
        (r#"{"count": 2.5}"#, &["count", "whole number"]),
        (r#"{"count": "5"}"#, &["count", "whole number", "\"5\""]),
        (
            r#"{"sentences": 3}"#,
            &["`sentences`", "`count`, `language`, `languageHint`"],
        ),
        (
            r#"{"language": "tlh"}"#,
            &["language", "tlh", "expected one of ar, da, de"],
        ),
        (r#"5"#, &["options", "object", "count"]),
    ];
    for (options, needles) in bad_options {
        let thrown = keywords(&pkg, &SAMPLES[0].into(), &json(options)).unwrap_err();
        assert_error(thrown, needles, options);
    }
}

#[wasm_bindgen_test]
async fn captions_are_ranked_but_never_chosen() {
    let pkg = package().await;
    // The caption repeats the story's words, so every method would pick it unmarked; the 🎉
    // before it makes its UTF-16 and byte offsets differ.
    let caption = "Envoys meet in Miami 🎉 for talks on the peace plan for Ukraine on Sunday.";
    let text = format!(
        "Envoys met in Miami for talks on a peace plan for Ukraine.\n\n{caption}\n\n\
         The talks on the plan went on for hours, the envoys said.\n\n\
         Ukraine and the envoys will meet again for talks next week."
    );
    let start = JsString::from(text.as_str()).index_of(caption, 0).max(0) as usize;
    let units = caption.encode_utf16().count();
    let doc = js_sys::Object::new();
    js_sys::Reflect::set(&doc, &"text".into(), &text.as_str().into()).unwrap();
    js_sys::Reflect::set(
        &doc,
        &"captions".into(),
        &json(&format!("[[{start}, {}]]", start + units)),
    )
    .unwrap();
    for method in ["gisty", "lexrank", "textrank", "lead"] {
        for n in [1, 2, 3] {
            let options = json(&format!(r#"{{"sentences": {n}, "method": "{method}"}}"#));
            let got = call(
                &pkg.gisty,
                "summarize",
                &[doc.clone().into(), options.clone()],
            )
            .map(|v| serde_wasm_bindgen::from_value::<JsSummary>(v).unwrap())
            .unwrap();
            assert!(!got.sentences.is_empty());
            assert!(
                got.sentences.iter().all(|s| s.text != caption),
                "{method} {n}"
            );
            let ranked: Vec<JsSentence> = call(&pkg.gisty, "rank", &[doc.clone().into(), options])
                .map(|v| serde_wasm_bindgen::from_value(v).unwrap())
                .unwrap();
            assert!(
                ranked.iter().any(|s| s.text == caption),
                "rank shows the caption"
            );
        }
    }
    // Unmarked, the caption is the best sentence for the default method's one-sentence summary
    // or among the others' picks: the marking is what keeps it out.
    let plain = summarize(&pkg, &text, &json(r#"{"sentences": 3}"#)).unwrap();
    assert!(plain.sentences.iter().any(|s| s.text == caption));
    for bad in [
        "[[5, 2]]",
        "[[0, 100000]]",
        "[[-1, 2]]",
        "[[0.5, 2]]",
        "[3]",
        "\"0-3\"",
    ] {
        js_sys::Reflect::set(&doc, &"captions".into(), &json(bad)).unwrap();
        let thrown = call(&pkg.gisty, "summarize", &[doc.clone().into()]).unwrap_err();
        assert_error(thrown, &["text.captions", "[start, end]"], bad);
    }
}

#[wasm_bindgen_test]
async fn dated_documents_come_in_their_order() {
    let pkg = package().await;
    // Newest first in the input; each a date form the binding reads.
    let docs = Array::new();
    for (text, date) in SAMPLES[2..].iter().zip([
        JsValue::from("2025-12-03T10:00:00Z"),
        JsValue::from(js_sys::Date::new(&JsValue::from("2025-12-02T10:00:00Z"))),
        JsValue::from(js_sys::Date::parse("2025-12-01T10:00:00Z")),
    ]) {
        let doc = js_sys::Object::new();
        Reflect::set(&doc, &"text".into(), &(*text).into()).unwrap();
        Reflect::set(&doc, &"date".into(), &date).unwrap();
        docs.push(&doc);
    }
    let got = summarize_many(&pkg, &docs, &json(r#"{"sentences": 5}"#)).unwrap();
    let order: Vec<usize> = got.sentences.iter().map(|s| s.doc).collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "{order:?}");
    let core: Vec<Doc> = SAMPLES[2..]
        .iter()
        .zip([3, 2, 1])
        .map(|(t, d)| Doc {
            text: t,
            date: Some(d),
            ..Doc::default()
        })
        .collect();
    let five = Options {
        length: Length::Sentences(5),
        ..Options::default()
    };
    assert_like_the_core(&got, &core, &five, "dated documents");
    let doc = docs.get(0);
    Reflect::set(&doc, &"date".into(), &"not a date".into()).unwrap();
    let thrown = summarize_many(&pkg, &docs, &JsValue::UNDEFINED).unwrap_err();
    assert_error(thrown, &["docs[0].date", "date string"], "a bad date");
}

#[wasm_bindgen(inline_js = r#"
let files;
export function loadFiles() {
  files ??= (async () => {
    const reader = await import("/www/pkg-files/gisty.js").catch((e) => {
      throw new Error(`cannot import /www/pkg-files/gisty.js: run scripts/build.sh web-files (${e})`);
    });
    await reader.default();
    return reader;
  })();
  return files;
}
export function blob(bytes, name) {
  return name === undefined ? new Blob([bytes]) : new File([bytes], name);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadFiles)]
    fn load_files() -> Result<Promise, JsValue>;
    fn blob(bytes: &[u8], name: Option<&str>) -> JsValue;
}

/// `readFile(file)` of the web-files build: reads a `Blob`'s bytes through `Blob.arrayBuffer()`
/// and gives what the core's reader gives for them.
#[wasm_bindgen_test]
async fn read_file_reads_a_blob_as_the_core_reads_its_bytes() {
    let reader = JsFuture::from(load_files().unwrap()).await.unwrap();
    #[derive(Debug, Deserialize)]
    struct JsRead {
        text: String,
        format: String,
        encoding: Option<String>,
        warnings: Vec<String>,
    }
    let cases: [(&str, &[u8]); 3] = [
        (
            "article-1252.txt",
            include_bytes!("data/files/article-1252.txt"),
        ),
        ("article.docx", include_bytes!("data/files/article.docx")),
        (
            "docx-named.txt",
            include_bytes!("data/files/docx-named.txt"),
        ),
    ];
    for (name, bytes) in cases {
        let core = gisty::read(bytes, name).unwrap();
        // A File says its name; a bare Blob is given one.
        for (file, given) in [
            (blob(bytes, Some(name)), None),
            (blob(bytes, None), Some(name)),
        ] {
            let args = [file, given.map_or(JsValue::UNDEFINED, JsValue::from)];
            let got = call_async(&reader, "readFile", &args).await.unwrap();
            let got: JsRead = serde_wasm_bindgen::from_value(got).unwrap();
            assert_eq!(got.text, core.text, "{name}");
            assert_eq!(got.format, core.format.name(), "{name}");
            assert_eq!(
                got.encoding.as_deref(),
                core.encoding.map(|e| e.name()),
                "{name}"
            );
            assert_eq!(got.warnings, core.warnings, "{name}");
        }
    }
    // Not vacuous: the windows-1252 file warns, and is text only through the fallback.
    let core = gisty::read(include_bytes!("data/files/article-1252.txt"), "a.txt").unwrap();
    assert!(core.warnings.iter().any(|w| w.contains("windows-1252")));
    // Damaged or binary files reject with an Error saying so, as the core does.
    let truncated: &[u8] = include_bytes!("data/files/truncated.docx");
    let core = gisty::read(truncated, "truncated.docx")
        .unwrap_err()
        .to_string();
    let args = [blob(truncated, Some("truncated.docx"))];
    let thrown = call_async(&reader, "readFile", &args).await.unwrap_err();
    assert_error(thrown, &[core.as_str()], "truncated.docx");
    let binary: &[u8] = &[0, 1, 2, 0, 255, 0, 7, 0];
    let core = gisty::read(binary, "binary.txt").unwrap_err().to_string();
    let args = [blob(binary, Some("binary.txt"))];
    let thrown = call_async(&reader, "readFile", &args).await.unwrap_err();
    assert_error(thrown, &[core.as_str()], "a binary file");
}
