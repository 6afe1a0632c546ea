//! The JavaScript binding: `summarize`, `rank`, `summarizeMany` and `keywords` for callers in a
//! browser, a bundler or Node.
//!
//! This is the only file that knows about JS. Options arrive as a plain object and are read into
//! the core's [`Options`] here, with an `Error` naming the option for any bad value (and the item
//! for a bad document); results leave as plain camelCase objects (no class handles pinning Rust
//! memory), with sentence offsets converted from the core's UTF-8 byte offsets to the UTF-16
//! units JS strings index by, into the sentence's own document.
//!
//! The results are built property by property (`Object`) rather than by serde-wasm-bindgen's
//! generic serializer: as fast, and 2.5 kB less of the gzipped wasm, whose size is budgeted.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Doc, Language, Length, Method, MultiSummary, Options, ScoredSentence};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options of `summarize`, `rank` and `summarizeMany`: at most one of `sentences`, `ratio` and
 * `words` (the default is 3 sentences), and the rest. */
export type SummarizeOptions = SummaryLength & SummarizeOptionsBase;

/** How long a summary is: one of these or none (3 sentences). */
export type SummaryLength =
  | {
      /** At most this many sentences: a whole number, at least 1. */
      sentences?: number;
      ratio?: never;
      words?: never;
    }
  | {
      /** This share of the text's sentences, above 0 and at most 1 (rounded, at least one). */
      ratio: number;
      sentences?: never;
      words?: never;
    }
  | {
      /** At most this many words: a whole number, at least 1. */
      words: number;
      sentences?: never;
      ratio?: never;
    };

/** The options of `SummarizeOptions` other than its length. */
export interface SummarizeOptionsBase {
  /** How sentences are scored. Default: "gisty". */
  method?: Method;
  /** The text's title, when it is not the text's first line. For `summarizeMany`, the title of
   * every document that has none of its own. */
  title?: string;
  /** Words to steer the summary toward ("security guarantees"): sentences with none of them
   * keep a quarter of their score. Default: none. */
  focus?: string;
  /** The text's language, as an ISO 639-1 code, or "auto" (the default): detected, for each
   * document of `summarizeMany` on its own. A language this build does not stem (see
   * `languages()`) is summarized as "und": words unstemmed, no stop list. */
  language?: Language | "und" | "auto";
  /** The language the text is declared in (an HTML page's `lang`, such as "fr-CA"): used when
   * the language is detected and the text does not clearly say otherwise. A tag gisty does
   * not know is ignored. */
  languageHint?: string;
  /** Similarity above which a sentence repeats one already picked, from 0 to 1 (1 keeps
   * repeats). Default: 0.5. */
  redundancy?: number;
  /** Whether the default method may favour the lede (the first sentences). Default: true. */
  position?: boolean;
}

/** A scoring method's name. */
export type MethodName = "gisty" | "lexrank" | "textrank" | "lead";

/** A scoring method, its letters in upper or lower case ("lexrank", "LexRank"), as the binding
 * reads it. */
export type Method = AnyCase<MethodName>;

/** `S` with each letter in either case. */
export type AnyCase<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${Uppercase<C> | Lowercase<C>}${AnyCase<Rest>}`
  : S;

/** A language gisty knows, as an ISO 639-1 code. */
export type Language =
  | "ar" | "da" | "de" | "el" | "en" | "es" | "fi" | "fr" | "hu" | "it" | "ja" | "ko" | "nl"
  | "no" | "pt" | "ro" | "ru" | "sv" | "ta" | "tr" | "zh";

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
  /** Which document it is from: its index in `summarizeMany`'s `docs`; 0 for one text. Its
   * offsets are into that document: `docs[doc].slice(start, end) === text`. */
  doc: number;
  /** `summarizeMany` only: the documents that report the same content, as indices into `docs`,
   * ascending, `doc` among them. A document supports a sentence when it mentions more than half
   * of the weight of the sentence's concepts (word pairs, weighted by how many documents use
   * them), or has a sentence that nearly paraphrases it. */
  support?: number[];
}

/** A summary: the chosen sentences in document order, and what they were chosen from. */
export interface Summary {
  /** The chosen sentences, in document order. */
  sentences: ScoredSentence[];
  /** How many sentences the text has (the candidates). */
  totalSentences: number;
  /** How many words the text's sentences have. */
  totalWords: number;
  /** The language the text was summarized in: an ISO 639-1 code, or "und" when it was not
   * known (or not stemmed by this build). */
  language: Language | "und";
}

/** A document: its text, its title when that is not its first line, and its captions. Other
 * properties are ignored. */
export interface Doc {
  text: string;
  title?: string;
  /** Parts of `text` that are captions (an HTML page's `<figcaption>` and `<caption>`), as
   * `[start, end]` UTF-16 ranges: shown and ranked like other sentences, never chosen for a
   * summary. Plain-text captions beside a credit line are found without them. */
  captions?: ReadonlyArray<readonly [number, number]>;
  /** When it was published: a `Date`, milliseconds since 1970, or a string `Date.parse` reads.
   * When every document of `summarizeMany` has one, the combined summary tells the story in
   * their order, earlier reports first. */
  date?: Date | number | string;
}

/** Two documents that say nearly the same thing (a rewrite, a syndicated copy). */
export interface Duplicate {
  /** The earlier document's index in `docs`. */
  a: number;
  /** The later document's index in `docs`. */
  b: number;
  /** Their entry in `MultiSummary.similarity`: at least 0.35. */
  similarity: number;
}

/** A summary of several documents. */
export interface MultiSummary {
  /** The chosen sentences in story order (by where each stands in its document, the ledes of
   * every document first); `doc` names its document and `support` every document that reports
   * it. */
  sentences: (ScoredSentence & { support: number[] })[];
  /** The pairs of near-duplicate documents, most similar first. */
  duplicates: Duplicate[];
  /** Document similarity: `similarity[a][b]`, from 0 to 1, is how well the sentences of each of
   * the two are matched by sentences of the other (1 on the diagonal). */
  similarity: number[][];
  /** How many sentences the documents have (the candidates). */
  totalSentences: number;
  /** How many words the documents' sentences have. */
  totalWords: number;
  /** The language each document was summarized in, by index into `docs` (see
   * `Summary.language`). */
  languages: (Language | "und")[];
}

/** Options of `keywords`. */
export interface KeywordOptions {
  /** At most this many phrases: a whole number, at least 1. Default: 10. */
  count?: number;
  /** As in `SummarizeOptions`: a code or "auto" (the default). */
  language?: Language | "und" | "auto";
  /** As in `SummarizeOptions`. */
  languageHint?: string;
}

/** A key phrase: a term the text keeps returning to, one word or several. */
export interface Keyword {
  /** The phrase as the text writes it most often. */
  text: string;
  /** Relative weight: the best phrase scores 1. */
  score: number;
  /** How many times it occurs. */
  count: number;
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
    "languageHint",
    "redundancy",
    "position",
    "focus",
];

/// The option names of `keywords`.
const KEYWORD_OPTION_NAMES: &[&str] = &["count", "language", "languageHint"];

/// Key phrases `keywords` returns when no count is given.
const DEFAULT_KEYWORDS: usize = 10;

#[wasm_bindgen(start, private)]
fn start() {
    // Once, when the module is instantiated: a Rust panic then reaches the console with its
    // message and location instead of a bare "unreachable executed".
    console_error_panic_hook::set_once();
}

/// Panics, for the page tests only (the `test-hooks` feature, which release builds leave off):
/// they check that a panic in the wasm is reported for its document and that the page's worker
/// is replaced.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __testPanic)]
pub fn test_panic() {
    panic!("test-only panic");
}

/// The languages this build summarizes in their own terms (stemmer, stop words), as ISO 639-1
/// codes: the page's build has English only, the npm package every language.
#[wasm_bindgen(unchecked_return_type = "Language[]")]
pub fn languages() -> JsValue {
    crate::Language::NAMES
        .iter()
        .map(|&n| JsValue::from(n))
        .collect::<js_sys::Array>()
        .into()
}

/// The language of `text` as an ISO 639-1 code, or "und" when unsure or not one gisty knows:
/// what it is, even when this build does not stem it (see `languages()`). Reads a bounded part
/// of the start of the text.
#[wasm_bindgen(js_name = detectLanguage, unchecked_return_type = "Language | \"und\"")]
pub fn detect_language(text: &str) -> String {
    crate::detect_language(text).code().to_string()
}

/// Summarizes `text`: its best sentences within the length budget, in document order.
///
/// Text without sentences gives an empty summary. Throws an `Error` naming the option when an
/// option is invalid.
#[wasm_bindgen(unchecked_return_type = "Summary")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "string | Doc")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    summarize_in(&mut crate::Engine::new(), &text, &options)
}

fn summarize_in(
    engine: &mut crate::Engine,
    text: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsError> {
    let doc = read_input(text)?;
    let options = read_options(options)?;
    let summary = engine
        .summarize_doc(doc.as_doc(), &options)
        .map_err(core_error)?;
    Ok(Object::new()
        .set("sentences", js_sentences(&[&doc.text], &summary.sentences))
        .set("totalSentences", summary.total_sentences as f64)
        .set("totalWords", summary.total_words as f64)
        .set("language", summary.language.code())
        .into())
}

/// Every sentence of `text` with its score, in document order.
///
/// The length options are checked but do not shorten the result. Throws an `Error` naming the
/// option when an option is invalid.
#[wasm_bindgen(unchecked_return_type = "ScoredSentence[]")]
pub fn rank(
    #[wasm_bindgen(unchecked_param_type = "string | Doc")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    rank_in(&mut crate::Engine::new(), &text, &options)
}

fn rank_in(
    engine: &mut crate::Engine,
    text: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsError> {
    let doc = read_input(text)?;
    let options = read_options(options)?;
    let ranked = engine
        .rank_doc(doc.as_doc(), &options)
        .map_err(core_error)?;
    Ok(js_sentences(&[&doc.text], &ranked).into())
}

/// The text of `summarize` and `rank`: a string, or a `Doc` with captions.
fn read_input(value: &JsValue) -> Result<JsDoc, JsError> {
    if value.is_object() && !js_sys::Array::is_array(value) {
        return read_doc(value, "text");
    }
    Ok(JsDoc {
        text: read_text(value)?,
        title: None,
        captions: Vec::new(),
        date: None,
    })
}

/// Summarizes several documents about one subject together: a fact several of them tell
/// appears once, and the length options apply to the whole summary. Each sentence names its
/// document (`doc`, an index into `docs`) and has offsets into it.
///
/// Throws an `Error` naming the item when an item of `docs` is neither a string nor
/// `{ text, title? }`, and naming the option when an option is invalid.
#[wasm_bindgen(js_name = summarizeMany, unchecked_return_type = "MultiSummary")]
pub fn summarize_many(
    #[wasm_bindgen(unchecked_param_type = "ReadonlyArray<string | Doc>")] docs: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    summarize_many_in(&mut crate::Engine::new(), &docs, &options)
}

fn summarize_many_in(
    engine: &mut crate::Engine,
    docs: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsError> {
    let docs = read_docs(docs, "docs")?;
    let options = read_options(options)?;
    let docs: Vec<Doc> = docs.iter().map(JsDoc::as_doc).collect();
    let summary = engine.summarize_many(&docs, &options).map_err(core_error)?;
    let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
    Ok(js_multi_summary(&texts, &summary))
}

/// The key phrases of a text, or of several documents together (an array, as for
/// `summarizeMany`), best first.
///
/// Throws an `Error` for a bad item or option, as `summarizeMany` does.
#[wasm_bindgen(unchecked_return_type = "Keyword[]")]
pub fn keywords(
    #[wasm_bindgen(unchecked_param_type = "string | ReadonlyArray<string | Doc>")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "KeywordOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    keywords_in(&mut crate::Engine::new(), &input, &options)
}

fn keywords_in(
    engine: &mut crate::Engine,
    input: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsError> {
    let docs = match input.as_string() {
        Some(text) => vec![JsDoc {
            text,
            title: None,
            captions: Vec::new(),
            date: None,
        }],
        None if js_sys::Array::is_array(input) => read_docs(input, "docs")?,
        None => {
            return Err(JsError::new(&format!(
                "keywords takes a string or an array of documents, got {}",
                describe(input)
            )))
        }
    };
    let (count, options) = read_keyword_options(options)?;
    let docs: Vec<Doc> = docs.iter().map(JsDoc::as_doc).collect();
    let keywords = engine
        .keywords_many(&docs, count, &options)
        .map_err(core_error)?;
    let array: js_sys::Array = keywords
        .iter()
        .map(|k| {
            JsValue::from(
                Object::new()
                    .set("text", k.text.as_str())
                    .set("score", k.score)
                    .set("count", k.count as f64),
            )
        })
        .collect();
    Ok(array.into())
}

// The Engine class (issue 19): what the functions above do (each with a fresh engine, through
// the same `*_in` helpers), with the stems of the words seen kept from one call to the next in
// a value the caller holds.

/// A summarizer that keeps the stems of the words it has seen between calls, so that a second
/// article (or the same text at another length) costs less than the first; what it keeps
/// changes no result. The functions `summarize`, `rank`, `summarizeMany` and `keywords` use a
/// fresh one each call. Its memory is bounded (a few MB at most); `free()` releases it. (No
/// `clear()` or size getter: the English build's 125 kB budget had no room for them.)
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine(crate::Engine);

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// An engine that knows no word yet.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> JsEngine {
        JsEngine(crate::Engine::new())
    }

    /// As the function `summarize`.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summarize(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Doc")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        summarize_in(&mut self.0, &text, &options)
    }

    /// As the function `rank`.
    #[wasm_bindgen(unchecked_return_type = "ScoredSentence[]")]
    pub fn rank(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Doc")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        rank_in(&mut self.0, &text, &options)
    }

    /// As the function `summarizeMany`.
    #[wasm_bindgen(js_name = summarizeMany, unchecked_return_type = "MultiSummary")]
    pub fn summarize_many(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReadonlyArray<string | Doc>")] docs: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        summarize_many_in(&mut self.0, &docs, &options)
    }

    /// As the function `keywords`.
    #[wasm_bindgen(unchecked_return_type = "Keyword[]")]
    pub fn keywords(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | ReadonlyArray<string | Doc>")]
        input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "KeywordOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        keywords_in(&mut self.0, &input, &options)
    }
}

/// A plain JS object under construction: `Object::new().set("a", 1.0).into()` is `{ a: 1 }`.
struct Object(js_sys::Object);

impl Object {
    fn new() -> Self {
        Object(js_sys::Object::new())
    }

    fn set(self, name: &str, value: impl Into<JsValue>) -> Self {
        // Cannot fail: the object is a fresh plain object, with no setters and not frozen.
        let _ = js_sys::Reflect::set(&self.0, &JsValue::from_str(name), &value.into());
        self
    }
}

impl From<Object> for JsValue {
    fn from(object: Object) -> JsValue {
        object.0.into()
    }
}

fn js_multi_summary(texts: &[&str], summary: &MultiSummary) -> JsValue {
    let duplicates: js_sys::Array = summary
        .duplicates
        .iter()
        .map(|d| {
            JsValue::from(
                Object::new()
                    .set("a", d.a as f64)
                    .set("b", d.b as f64)
                    .set("similarity", d.similarity),
            )
        })
        .collect();
    let similarity: js_sys::Array = summary
        .similarity
        .iter()
        .map(|row| {
            row.iter()
                .map(|&x| JsValue::from(x))
                .collect::<js_sys::Array>()
        })
        .collect();
    let languages: js_sys::Array = summary
        .languages
        .iter()
        .map(|l| JsValue::from(l.code()))
        .collect();
    Object::new()
        .set("sentences", js_sentences(texts, &summary.sentences))
        .set("duplicates", duplicates)
        .set("similarity", similarity)
        .set("totalSentences", summary.total_sentences as f64)
        .set("totalWords", summary.total_words as f64)
        .set("languages", languages)
        .into()
}

/// A document read from JS, owning its strings (a JS string is copied into wasm memory).
struct JsDoc {
    text: String,
    title: Option<String>,
    /// Byte ranges of `text` that are captions, from the UTF-16 ranges JS gave.
    captions: Vec<std::ops::Range<usize>>,
    /// Milliseconds since 1970.
    date: Option<i64>,
}

impl JsDoc {
    fn as_doc(&self) -> Doc<'_> {
        Doc {
            text: &self.text,
            title: self.title.as_deref(),
            captions: &self.captions,
            date: self.date,
        }
    }
}

fn core_error(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// The sentences with UTF-16 offsets into their documents, `texts[s.doc]`: one pass over each
/// document (up to its last offset), however many sentences there are.
fn js_sentences(texts: &[&str], sentences: &[ScoredSentence]) -> js_sys::Array {
    let mut bytes: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for s in sentences {
        bytes[s.doc].extend([s.start, s.end]);
    }
    // Each document's offsets come back in the order they went in: the sentences' order.
    let mut units: Vec<std::vec::IntoIter<usize>> = texts
        .iter()
        .zip(&bytes)
        .map(|(text, offsets)| utf16_offsets(text, offsets).into_iter())
        .collect();
    sentences
        .iter()
        .map(|s| {
            let u = &mut units[s.doc];
            let (start, end) = (u.next().unwrap_or(0), u.next().unwrap_or(0));
            let o = Object::new()
                .set("text", s.text.as_str())
                .set("index", s.index as f64)
                .set("score", s.score)
                .set("start", start as f64)
                .set("end", end as f64)
                .set("doc", s.doc as f64);
            // Only several documents have support: a single text's sentences carry none.
            let o = if s.support.is_empty() {
                o
            } else {
                let support: js_sys::Array =
                    s.support.iter().map(|&d| JsValue::from(d as f64)).collect();
                o.set("support", support)
            };
            JsValue::from(o)
        })
        .collect()
}

/// Converts byte offsets into `text` (char boundaries, in any order) to UTF-16 offsets, in one
/// pass over the text however many offsets there are.
fn utf16_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| offsets[i]);
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

/// Converts UTF-16 offsets into `text` (in any order) to byte offsets, in one pass over the
/// text however many offsets there are. An offset inside a surrogate pair goes to the start of
/// its character.
fn byte_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| offsets[i]);
    let mut out = vec![text.len(); offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    for i in order {
        while let Some(&(_, c)) = chars.peek() {
            if units + c.len_utf16() > offsets[i] {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out[i] = chars.peek().map_or(text.len(), |&(at, _)| at);
    }
    out
}

/// Reads one document: a string, or `{ text, title?, captions? }` where `captions` lists
/// `[start, end]` UTF-16 ranges of `text`; `name` names it in error messages.
fn read_doc(item: &JsValue, name: &str) -> Result<JsDoc, JsError> {
    if let Some(text) = item.as_string() {
        return Ok(JsDoc {
            text,
            title: None,
            captions: Vec::new(),
            date: None,
        });
    }
    if !item.is_object() || js_sys::Array::is_array(item) {
        return Err(JsError::new(&format!(
            "{name} must be a string or a {{ text, title?, captions? }} object, got {}",
            describe(item)
        )));
    }
    let text = property(item, "text").unwrap_or(JsValue::UNDEFINED);
    let text = text.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "{name}.text must be a string, got {}",
            describe(&text)
        ))
    })?;
    let title = match property(item, "title") {
        Some(t) => Some(string(&t, &format!("{name}.title"), "a string")?),
        None => None,
    };
    let captions = match property(item, "captions") {
        Some(c) => read_captions(&c, &text, &format!("{name}.captions"))?,
        None => Vec::new(),
    };
    let date = match property(item, "date") {
        Some(d) => Some(read_date(&d, &format!("{name}.date"))?),
        None => None,
    };
    Ok(JsDoc {
        text,
        title,
        captions,
        date,
    })
}

/// A date as a `Date`, a number of milliseconds since 1970 or a string `Date.parse` reads.
fn read_date(value: &JsValue, name: &str) -> Result<i64, JsError> {
    let ms = if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        date.get_time()
    } else if let Some(s) = value.as_string() {
        js_sys::Date::parse(&s)
    } else {
        value.as_f64().unwrap_or(f64::NAN)
    };
    if !ms.is_finite() {
        return Err(JsError::new(&format!(
            "{name} must be a Date, a number of milliseconds or a date string, got {}",
            describe(value)
        )));
    }
    Ok(ms as i64)
}

/// `[[start, end], ...]`, UTF-16 ranges of `text` with 0 <= start <= end <= text.length, as
/// byte ranges.
fn read_captions(
    value: &JsValue,
    text: &str,
    name: &str,
) -> Result<Vec<std::ops::Range<usize>>, JsError> {
    let bad = || {
        JsError::new(&format!(
            "{name} must be an array of [start, end] pairs of whole numbers, \
             0 <= start <= end <= the text's length, got {}",
            describe(value)
        ))
    };
    let array = value.dyn_ref::<js_sys::Array>().ok_or_else(bad)?;
    let length = text.encode_utf16().count();
    let mut units = Vec::with_capacity(2 * array.length() as usize);
    for pair in array.iter() {
        let pair = pair.dyn_into::<js_sys::Array>().map_err(|_| bad())?;
        if pair.length() != 2 {
            return Err(bad());
        }
        let (a, b) = (pair.get(0).as_f64(), pair.get(1).as_f64());
        let whole = |x: Option<f64>| x.filter(|x| x.fract() == 0.0 && *x >= 0.0);
        let (Some(a), Some(b)) = (whole(a), whole(b)) else {
            return Err(bad());
        };
        if a > b || b > length as f64 {
            return Err(bad());
        }
        units.extend([a as usize, b as usize]);
    }
    let bytes = byte_offsets(text, &units);
    Ok(bytes.chunks(2).map(|p| p[0]..p[1]).collect())
}

/// Reads an array of documents, each a string or `{ text, title?, captions? }`; `name` is the
/// parameter's name in error messages.
fn read_docs(value: &JsValue, name: &str) -> Result<Vec<JsDoc>, JsError> {
    let Some(array) = value.dyn_ref::<js_sys::Array>() else {
        return Err(JsError::new(&format!(
            "{name} must be an array of strings or {{ text, title? }} objects, got {}",
            describe(value)
        )));
    };
    let mut docs = Vec::with_capacity(array.length() as usize);
    for (i, item) in array.iter().enumerate() {
        docs.push(read_doc(&item, &format!("{name}[{i}]"))?);
    }
    Ok(docs)
}

/// `object[name]`, None when it is undefined or null (or reading it threw).
fn property(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn read_text(text: &JsValue) -> Result<String, JsError> {
    text.as_string()
        .ok_or_else(|| JsError::new(&format!("text must be a string, got {}", describe(text))))
}

/// Checks that `value` is an options object with only the names in `names`: None for undefined
/// and null, which mean the defaults.
fn options_object(value: &JsValue, names: &[&str]) -> Result<Option<js_sys::Object>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new(&format!(
            "options must be an object such as {{ {}: 3 }}, got {}",
            names[0],
            describe(value)
        )));
    }
    let object: js_sys::Object = value.clone().unchecked_into();
    // A mistyped name would otherwise be ignored silently, leaving the default in force.
    for key in js_sys::Object::keys(&object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !names.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "unknown option {key:?}: expected one of {}",
                names.join(", ")
            )));
        }
    }
    Ok(Some(object))
}

/// Reads a JS options object (undefined and null mean the defaults) into the core's options.
fn read_options(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    let Some(object) = options_object(value, OPTION_NAMES)? else {
        return Ok(options);
    };
    let get = |name: &str| property(&object, name);
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
        options.method =
            Method::parse(&string(&v, "method", &one_of(Method::NAMES))?).map_err(core_error)?;
    }
    if let Some(v) = get("title") {
        options.title = Some(string(&v, "title", "a string")?);
    }
    if let Some(v) = get("focus") {
        options.focus = Some(string(&v, "focus", "a string")?);
    }
    if let Some(v) = get("language") {
        options.language = read_language(&v)?;
    }
    if let Some(v) = get("languageHint") {
        options.language_hint = read_hint(&v)?;
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
    options.validate().map_err(core_error)?;
    Ok(options)
}

/// Reads the options of `keywords`: how many phrases, and the core's options (the language).
fn read_keyword_options(value: &JsValue) -> Result<(usize, Options), JsError> {
    let mut options = Options::default();
    let mut count = DEFAULT_KEYWORDS;
    if let Some(object) = options_object(value, KEYWORD_OPTION_NAMES)? {
        if let Some(v) = property(&object, "count") {
            count = whole(&v, "count")?;
        }
        if let Some(v) = property(&object, "language") {
            options.language = read_language(&v)?;
        }
        if let Some(v) = property(&object, "languageHint") {
            options.language_hint = read_hint(&v)?;
        }
    }
    Ok((count, options))
}

/// "auto" (detect: `None`) or a language code.
fn read_language(v: &JsValue) -> Result<Option<Language>, JsError> {
    let s = string(v, "language", "\"auto\" or an ISO 639-1 code")?;
    if s.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    s.parse::<Language>().map(Some).map_err(core_error)
}

/// A declared language tag: one gisty does not know is no hint (pages declare all sorts).
fn read_hint(v: &JsValue) -> Result<Option<Language>, JsError> {
    let s = string(
        v,
        "languageHint",
        "a language tag such as \"fr\" or \"pt-BR\"",
    )?;
    Ok(s.parse::<Language>().ok())
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
        // JavaScript's own rendering ("2.5", "NaN", "Infinity"), as the caller wrote it.
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_else(|_| crate::error::number(n))
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

#[cfg(feature = "files")]
#[wasm_bindgen(typescript_custom_section)]
const TS_READ_TYPES: &str = r#"
/** A file read by `readFile`. */
export interface ReadFile {
  /** Its text: for Word, OpenDocument and EPUB files, a paragraph per paragraph (a blank line
   * between them); for Markdown and HTML, the source with its markup. */
  text: string;
  /** What it was read as. */
  format: "text" | "markdown" | "html" | "docx" | "odt" | "epub";
  /** The encoding a text, Markdown or HTML file was decoded from ("UTF-8", "UTF-16LE",
   * "UTF-16BE", "windows-1252"); absent for the zip formats. */
  encoding?: "UTF-8" | "UTF-16LE" | "UTF-16BE" | "windows-1252";
  /** What the reader should know (a fallback encoding, a misleading name, skipped chapters). */
  warnings: string[];
}
"#;

/// Reads a file's bytes into text, as the CLI does (`gisty::read`): text in UTF-8, UTF-16 or
/// windows-1252, Word (.docx), OpenDocument (.odt) and EPUB (.epub) files. `name` is the file's
/// name, whose extension says what it should be. Throws an `Error` saying what is wrong with a
/// binary, damaged, encrypted or oversized file, or a zip bomb. (Only in the builds with the
/// `files` feature: the page's "web-files" build and the npm packages.)
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = readFile, unchecked_return_type = "ReadFile")]
pub fn read_file(bytes: &[u8], name: &str) -> Result<JsValue, JsError> {
    let file = crate::read(bytes, name).map_err(core_error)?;
    let warnings: js_sys::Array = file.warnings.iter().map(|w| JsValue::from_str(w)).collect();
    let mut out = Object::new()
        .set("text", file.text.as_str())
        .set("format", file.format.name())
        .set("warnings", warnings);
    if let Some(e) = file.encoding {
        out = out.set("encoding", e.name());
    }
    Ok(out.into())
}
