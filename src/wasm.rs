//! The JavaScript binding: `summarize` and `rank` for callers in a browser, a bundler or Node.
//!
//! This is the only file that knows about JS. Options arrive as a plain object and are read into
//! the core's [`Options`] here, with an `Error` naming the option for any bad value; results
//! leave as plain camelCase objects (no class handles pinning Rust memory), with sentence
//! offsets converted from the core's UTF-8 byte offsets to the UTF-16 units JS strings index by.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Language, Length, Method, Options, ScoredSentence};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options of `summarize` and `rank`. Give at most one of `sentences`, `ratio` and `words`. */
export interface SummarizeOptions {
  /** At most this many sentences: a whole number, at least 1. The default is 3 sentences. */
  sentences?: number;
  /** This share of the text's sentences, above 0 and at most 1 (rounded, at least one). */
  ratio?: number;
  /** At most this many words: a whole number, at least 1. */
  words?: number;
  /** How sentences are scored. Default: "gisty". */
  method?: Method;
  /** The text's title, when it is not the text's first line. */
  title?: string;
  /** The text's language, as an ISO 639-1 code. Default: "en". */
  language?: Language;
  /** Similarity above which a sentence repeats one already picked, from 0 to 1 (1 keeps
   * repeats). Default: 0.5. */
  redundancy?: number;
  /** Whether the default method may favour the lede (the first sentences). Default: true. */
  position?: boolean;
}

/** A scoring method. */
export type Method = "gisty" | "lexrank" | "textrank" | "lead";

/** A language gisty knows, as an ISO 639-1 code. */
export type Language = "en" | "fr" | "de" | "es" | "it" | "pt" | "nl" | "ru";

/** A sentence of the input with its score. */
export interface ScoredSentence {
  /** The sentence, exactly as in the input: `input.slice(start, end) === text`. */
  text: string;
  /** Its index among the text's sentences (headings and boilerplate are not counted). */
  index: number;
  /** Higher is more summary-worthy; comparable within one call only. */
  score: number;
  /** Where it starts in the input, in UTF-16 code units (a JS string index). */
  start: number;
  /** Where it ends in the input (exclusive), in UTF-16 code units. */
  end: number;
}

/** A summary: the chosen sentences in document order, and what they were chosen from. */
export interface Summary {
  /** The chosen sentences, in document order. */
  sentences: ScoredSentence[];
  /** How many sentences the text has (the candidates). */
  totalSentences: number;
  /** How many words the text's sentences have. */
  totalWords: number;
}
"#;

/// The option names a JS caller may give, in the order error messages list them.
const OPTION_NAMES: &[&str] = &[
    "sentences",
    "ratio",
    "words",
    "method",
    "title",
    "language",
    "redundancy",
    "position",
];

#[wasm_bindgen(start, private)]
fn start() {
    // Once, when the module is instantiated: a Rust panic then reaches the console with its
    // message and location instead of a bare "unreachable executed".
    console_error_panic_hook::set_once();
}

/// Summarizes `text`: its best sentences within the length budget, in document order.
///
/// Text without sentences gives an empty summary. Throws an `Error` naming the option when an
/// option is invalid.
#[wasm_bindgen(unchecked_return_type = "Summary")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let text = read_text(&text)?;
    let options = read_options(&options)?;
    let summary = crate::summarize(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&JsSummary {
        sentences: js_sentences(&text, &summary.sentences),
        total_sentences: summary.total_sentences,
        total_words: summary.total_words,
    })
}

/// Every sentence of `text` with its score, in document order.
///
/// The length options are checked but do not shorten the result. Throws an `Error` naming the
/// option when an option is invalid.
#[wasm_bindgen(unchecked_return_type = "ScoredSentence[]")]
pub fn rank(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let text = read_text(&text)?;
    let options = read_options(&options)?;
    let ranked = crate::rank(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&js_sentences(&text, &ranked))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsSummary<'a> {
    sentences: Vec<JsSentence<'a>>,
    total_sentences: usize,
    total_words: usize,
}

#[derive(Serialize)]
struct JsSentence<'a> {
    text: &'a str,
    index: usize,
    score: f64,
    start: usize,
    end: usize,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The sentences with UTF-16 offsets into `text`.
fn js_sentences<'a>(text: &str, sentences: &'a [ScoredSentence]) -> Vec<JsSentence<'a>> {
    let bytes: Vec<usize> = sentences.iter().flat_map(|s| [s.start, s.end]).collect();
    let units = utf16_offsets(text, &bytes);
    sentences
        .iter()
        .zip(units.chunks_exact(2))
        .map(|(s, u)| JsSentence {
            text: &s.text,
            index: s.index,
            score: s.score,
            start: u[0],
            end: u[1],
        })
        .collect()
}

/// Converts byte offsets into `text` (char boundaries, in any order) to UTF-16 offsets, in one
/// pass over the text however many offsets there are.
fn utf16_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let (mut at, mut units) = (0, 0);
    for i in order {
        let to = offsets[i];
        // A UTF-8 sequence is one UTF-16 unit, or two when it is four bytes long: count the
        // bytes that start a character, plus the lead bytes of four-byte sequences.
        units += bytes[at..to]
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum::<usize>();
        at = to;
        out[i] = units;
    }
    out
}

fn read_text(text: &JsValue) -> Result<String, JsError> {
    text.as_string()
        .ok_or_else(|| JsError::new(&format!("text must be a string, got {}", describe(text))))
}

/// Reads a JS options object (undefined and null mean the defaults) into the core's options.
fn read_options(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new(&format!(
            "options must be an object such as {{ sentences: 3 }}, got {}",
            describe(value)
        )));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    // A mistyped name would otherwise be ignored silently, leaving the default in force.
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "unknown option {key:?}: expected one of {}",
                OPTION_NAMES.join(", ")
            )));
        }
    }
    let get = |name: &str| {
        js_sys::Reflect::get(object, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let mut length: Option<&str> = None;
    for name in ["sentences", "ratio", "words"] {
        let Some(v) = get(name) else { continue };
        if let Some(first) = length {
            return Err(JsError::new(&format!(
                "{first} and {name} cannot be used together: give one of sentences, ratio, words"
            )));
        }
        length = Some(name);
        options.length = match name {
            "ratio" => Length::Ratio(number(&v, name, "a number above 0 and at most 1")?),
            _ => {
                let n = whole(&v, name)?;
                if name == "words" {
                    Length::Words(n)
                } else {
                    Length::Sentences(n)
                }
            }
        };
    }
    if let Some(v) = get("method") {
        options.method = Method::parse(&string(&v, "method", &one_of(Method::NAMES))?)
            .map_err(|e| JsError::new(&e.to_string()))?;
    }
    if let Some(v) = get("title") {
        options.title = Some(string(&v, "title", "a string")?);
    }
    if let Some(v) = get("language") {
        options.language = Language::parse(&string(&v, "language", &one_of(Language::NAMES))?)
            .map_err(|e| JsError::new(&e.to_string()))?;
    }
    if let Some(v) = get("redundancy") {
        options.redundancy = number(&v, "redundancy", "a number from 0 to 1")?;
    }
    if let Some(v) = get("position") {
        options.position = v.as_bool().ok_or_else(|| {
            JsError::new(&format!(
                "position must be true or false, got {}",
                describe(&v)
            ))
        })?;
    }
    // Ranges (a ratio above 1, redundancy below 0) are the core's to check, in its words.
    options
        .validate()
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(options)
}

fn one_of(names: &[&str]) -> String {
    format!("one of {}", names.join(", "))
}

fn number(v: &JsValue, name: &str, expected: &str) -> Result<f64, JsError> {
    v.as_f64()
        .ok_or_else(|| JsError::new(&format!("{name} must be {expected}, got {}", describe(v))))
}

fn whole(v: &JsValue, name: &str) -> Result<usize, JsError> {
    match v.as_f64() {
        Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Ok(n as usize),
        _ => Err(JsError::new(&format!(
            "{name} must be a whole number of at least 1, got {}",
            describe(v)
        ))),
    }
}

fn string(v: &JsValue, name: &str, expected: &str) -> Result<String, JsError> {
    v.as_string()
        .ok_or_else(|| JsError::new(&format!("{name} must be {expected}, got {}", describe(v))))
}

/// A short rendering of a JS value for an error message: `"abc"`, `2.5`, `true`, `an object`.
fn describe(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        format!("{s:?}")
    } else if let Some(n) = v.as_f64() {
        match n {
            f64::INFINITY => "Infinity".to_string(),
            f64::NEG_INFINITY => "-Infinity".to_string(),
            _ => n.to_string(),
        }
    } else if let Some(b) = v.as_bool() {
        b.to_string()
    } else if v.is_null() {
        "null".to_string()
    } else if v.is_undefined() {
        "undefined".to_string()
    } else if js_sys::Array::is_array(v) {
        "an array".to_string()
    } else {
        let kind = v.js_typeof().as_string().unwrap_or_default();
        match kind.as_str() {
            "object" => "an object".to_string(),
            _ => format!("a {kind}"),
        }
    }
}
