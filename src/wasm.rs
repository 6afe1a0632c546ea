//! The JavaScript binding: `summarize`, `rank`, `summarizeMany` and `keywords` for callers in a
//! browser, a bundler or Node.
//!
//! This is the only file that knows about JS. Options arrive as a plain object and are read into
//! the core's [`Options`] here, with an `Error` naming the option for any bad value (and the item
//! for a bad document); results leave as plain camelCase objects (no class handles pinning Rust
//! memory), with sentence offsets converted from the core's UTF-8 byte offsets to the UTF-16
//! units JS strings index by, into the sentence's own document.
//!
//! Options and results are serde types, in [`types`], whose TypeScript declarations tsify
//! writes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Doc, MultiSummary, ScoredSentence};

mod types;

use types::{core_error, describe, read_options, to_js, KeywordOptions, SummarizeOptionFields};

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
///
/// Throws an `Error` when `text` is not a string.
#[wasm_bindgen(js_name = detectLanguage, unchecked_return_type = "Language | \"und\"")]
pub fn detect_language(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<String, JsError> {
    Ok(crate::detect_language(&read_text(&text)?)
        .code()
        .to_string())
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
    let options = summarize_options(options)?;
    let summary = engine
        .summarize_doc(doc.as_doc(), &options)
        .map_err(core_error)?;
    to_js(&types::Summary {
        sentences: js_sentences(std::slice::from_ref(&doc), &summary.sentences),
        total_sentences: summary.total_sentences,
        total_words: summary.total_words,
        language: summary.language.code(),
    })
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
    let options = summarize_options(options)?;
    let ranked = engine
        .rank_doc(doc.as_doc(), &options)
        .map_err(core_error)?;
    to_js(&js_sentences(std::slice::from_ref(&doc), &ranked))
}

/// The text of `summarize` and `rank`: a string, or a `Doc` with captions.
fn read_input(value: &JsValue) -> Result<JsDoc, JsError> {
    if value.is_object() && !js_sys::Array::is_array(value) {
        return read_doc(value, "text");
    }
    JsDoc::of_string(value).ok_or_else(|| not_text(value))
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
    let read = read_docs(docs, "docs")?;
    let options = summarize_options(options)?;
    let docs: Vec<Doc> = read.iter().map(JsDoc::as_doc).collect();
    let summary = engine.summarize_many(&docs, &options).map_err(core_error)?;
    js_multi_summary(&read, &summary)
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
    let docs = match JsDoc::of_string(input) {
        Some(doc) => vec![doc],
        None if js_sys::Array::is_array(input) => read_docs(input, "docs")?,
        None => {
            return Err(JsError::new(&format!(
                "keywords takes a string or an array of documents, got {}",
                describe(input)
            )))
        }
    };
    let (count, options) = match read_options::<KeywordOptions>(options)? {
        Some(o) => o.into_options()?,
        None => KeywordOptions::default_options(),
    };
    let docs: Vec<Doc> = docs.iter().map(JsDoc::as_doc).collect();
    let keywords = engine
        .keywords_many(&docs, count, &options)
        .map_err(core_error)?;
    let keywords: Vec<types::Keyword> = keywords
        .iter()
        .map(|k| types::Keyword {
            text: &k.text,
            score: k.score,
            count: k.count,
        })
        .collect();
    to_js(&keywords)
}

/// The core's options from a JS options object (undefined and null mean the defaults).
fn summarize_options(value: &JsValue) -> Result<crate::Options, JsError> {
    match read_options::<SummarizeOptionFields>(value)? {
        Some(fields) => fields.into_options(),
        None => Ok(crate::Options::default()),
    }
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

fn js_multi_summary(docs: &[JsDoc], summary: &MultiSummary) -> Result<JsValue, JsError> {
    to_js(&types::MultiSummary {
        sentences: js_sentences(docs, &summary.sentences),
        duplicates: summary
            .duplicates
            .iter()
            .map(|d| types::Duplicate {
                a: d.a,
                b: d.b,
                similarity: d.similarity,
            })
            .collect(),
        similarity: &summary.similarity,
        total_sentences: summary.total_sentences,
        total_words: summary.total_words,
        languages: summary.languages.iter().map(|l| l.code()).collect(),
    })
}

/// A document read from JS, owning its strings (a JS string is copied into wasm memory).
struct JsDoc {
    text: String,
    /// The caller's string, when the document was one: the sentences given back are slices of
    /// it (no copy out of wasm memory, no decoding), equal to `text`'s.
    string: Option<js_sys::JsString>,
    title: Option<String>,
    /// Byte ranges of `text` that are captions, from the UTF-16 ranges JS gave.
    captions: Vec<std::ops::Range<usize>>,
    /// Milliseconds since 1970.
    date: Option<i64>,
}

impl JsDoc {
    /// A document that is a JS string, or `None` when `value` is not one.
    fn of_string(value: &JsValue) -> Option<JsDoc> {
        Some(JsDoc {
            text: string_of(value)?,
            string: Some(value.clone().unchecked_into()),
            title: None,
            captions: Vec::new(),
            date: None,
        })
    }

    fn as_doc(&self) -> Doc<'_> {
        Doc {
            text: &self.text,
            title: self.title.as_deref(),
            captions: &self.captions,
            date: self.date,
        }
    }
}

/// The sentences with UTF-16 offsets into their documents, `docs[s.doc]`: one pass over each
/// document (up to its last offset), however many sentences there are.
fn js_sentences<'a>(
    docs: &[JsDoc],
    sentences: &'a [ScoredSentence],
) -> Vec<types::ScoredSentence<'a>> {
    let mut bytes: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for s in sentences {
        bytes[s.doc].extend([s.start, s.end]);
    }
    // Each document's offsets come back in the order they went in: the sentences' order.
    let mut units: Vec<std::vec::IntoIter<usize>> = docs
        .iter()
        .zip(&bytes)
        .map(|(doc, offsets)| utf16_offsets(&doc.text, offsets).into_iter())
        .collect();
    sentences
        .iter()
        .map(|s| {
            let u = &mut units[s.doc];
            let (start, end) = (u.next().unwrap_or(0), u.next().unwrap_or(0));
            types::ScoredSentence {
                text: match &docs[s.doc].string {
                    Some(string) => types::SentenceText::Js(string.slice(start as u32, end as u32)),
                    None => types::SentenceText::Rust(&s.text),
                },
                index: s.index,
                score: s.score,
                start,
                end,
                doc: s.doc,
                // Only several documents have support: a single text's sentences carry none.
                support: &s.support,
                #[cfg(feature = "explain")]
                explanation: s.explanation.as_deref().map(Into::into),
            }
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
        units += crate::text::bytes::utf16_len(&bytes[at..to]);
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
    if let Some(doc) = JsDoc::of_string(item) {
        return Ok(doc);
    }
    if !item.is_object() || js_sys::Array::is_array(item) {
        return Err(JsError::new(&format!(
            "{name} must be a string or a {{ text, title?, captions? }} object, got {}",
            describe(item)
        )));
    }
    let at = |m: String| JsError::new(&format!("{name}.{m}"));
    let fields = types::read_doc_fields(item).map_err(at)?;
    let text = fields
        .text
        .ok_or_else(|| at("text must be a string, got undefined".into()))?
        .0;
    let captions = match fields.captions {
        Some(c) => read_captions(&c.0, &text, &format!("{name}.captions"))?,
        None => Vec::new(),
    };
    Ok(JsDoc {
        text,
        // Not the object's `text` read again: a getter could give another string.
        string: None,
        title: fields.title.map(|t| t.0),
        captions,
        date: fields.date.map(|d| d.0),
    })
}

/// Caption ranges in UTF-16 units (`[start, end]`, start <= end, read by [`types`]) as byte
/// ranges of `text`, each end at most the text's length.
fn read_captions(
    pairs: &[[u32; 2]],
    text: &str,
    name: &str,
) -> Result<Vec<std::ops::Range<usize>>, JsError> {
    let length = crate::text::bytes::utf16_len(text.as_bytes());
    if pairs.iter().any(|&[_, b]| b as usize > length) {
        return Err(JsError::new(&format!(
            "{name} must be {}, got an array",
            types::CAPTIONS
        )));
    }
    let units: Vec<usize> = pairs.iter().flatten().map(|&x| x as usize).collect();
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

fn read_text(text: &JsValue) -> Result<String, JsError> {
    string_of(text).ok_or_else(|| not_text(text))
}

fn not_text(text: &JsValue) -> JsError {
    JsError::new(&format!("text must be a string, got {}", describe(text)))
}

#[wasm_bindgen]
extern "C" {
    /// The runtime's `TextEncoder` (every browser, worker, Node, Deno and Bun has one; the glue
    /// wasm-bindgen writes uses it too).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// As much of `source` as fits in `into`, in UTF-8 (a lone surrogate as U+FFFD), whole
    /// characters only.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &js_sys::JsString, into: &mut [u8]) -> Encoded;
    /// `encodeInto`'s result.
    type Encoded;
    /// How many UTF-16 units of the source were encoded.
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    /// How many bytes were written.
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// A JS string as a Rust one, as `JsValue::as_string` reads it (a lone surrogate becomes U+FFFD,
/// which has as many UTF-16 units), or `None` when `value` is not a string. Faster: the glue's
/// `as_string` copies the string's leading ASCII one character at a time in JS before it calls
/// `encodeInto` on the rest; this calls `encodeInto` on the whole string, into a buffer of one
/// byte a UTF-16 unit (all an ASCII text needs), then once more for what did not fit, at most
/// three bytes a unit.
#[inline(never)]
fn string_of(value: &JsValue) -> Option<String> {
    let s: &js_sys::JsString = value.dyn_ref()?;
    let units = s.length();
    let encoder = TextEncoder::new();
    let mut bytes = vec![0; units as usize];
    let done = encoder.encode_into(s, &mut bytes);
    let (read, mut written) = (done.read(), done.written() as usize);
    if read < units {
        let rest = s.slice(read, units);
        bytes.resize(written + 3 * (units - read) as usize, 0);
        written += encoder.encode_into(&rest, &mut bytes[written..]).written() as usize;
        bytes.truncate(written);
        // Not three bytes a unit kept for the whole call: a 10 MB text with one accent.
        bytes.shrink_to_fit();
    }
    bytes.truncate(written);
    // SAFETY: encodeInto writes UTF-8, whole characters only (a lone surrogate as U+FFFD), and
    // stops before a character that does not fit (the Encoding Standard): the two calls wrote
    // one valid UTF-8 text, in order, and nothing else is in `bytes`. wasm-bindgen's own glue
    // relies on the same to hand a string to Rust. Checking it again was 1 % of a first-sight
    // article's instructions (scripts/wasm-instructions.sh).
    Some(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Reads a file into text, as the CLI does (`gisty::read`): text in UTF-8, UTF-16 or
/// windows-1252, Word (.docx), OpenDocument (.odt) and EPUB (.epub) files. `file` is a `Blob`
/// (a dropped `File`, or `new Blob([bytes])` in Node); `name`, or else the `File`'s own name,
/// has the extension that says what it should be. The warnings (a fallback encoding, a
/// misleading name, skipped chapters) are also written to the console. Rejects with an `Error`
/// saying what is wrong with a binary, damaged, encrypted or oversized file, or a zip bomb.
/// (Only in the builds with the `files` feature: the page's "web-files" build and the npm
/// package.)
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = readFile, unchecked_return_type = "Promise<ReadFile>")]
pub fn read_file(
    file: web_sys::Blob,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] name: Option<String>,
) -> js_sys::Promise {
    let name = name
        .or_else(|| file.dyn_ref::<web_sys::File>().map(web_sys::File::name))
        .unwrap_or_default();
    // Checked before the bytes are read: a file of gigabytes never enters wasm memory.
    let size = file.size();
    if size > crate::MAX_FILE_BYTES as f64 {
        let too_large = crate::error::ErrorKind::FileTooLarge {
            bytes: size as usize,
            limit: crate::MAX_FILE_BYTES,
        };
        return js_sys::Promise::reject(&core_error(crate::Error::new(too_large)).into());
    }
    // One callback for both outcomes of Blob.arrayBuffer(), so that it is called exactly once
    // (a once-closure never called would stay allocated); it tells them apart by the value, an
    // ArrayBuffer or the reason. A plain then() instead of wasm-bindgen-futures' executor,
    // which cost the package more than the rest of readFile's binding.
    let done = Closure::once_into_js(move |value: JsValue| read_bytes(&value, &name));
    let promise: Thenable = file.array_buffer().unchecked_into();
    promise.then(&done, &done)
}

#[cfg(feature = "files")]
#[wasm_bindgen]
extern "C" {
    /// A promise whose `then` takes plain functions (js-sys's takes closure handles).
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, resolve: &JsValue, reject: &JsValue) -> js_sys::Promise;
}

/// The second half of `readFile`: the bytes Blob.arrayBuffer() gave (or why it failed) read by
/// the core's reader; an `Err` rejects readFile's promise.
#[cfg(feature = "files")]
fn read_bytes(value: &JsValue, name: &str) -> Result<JsValue, JsError> {
    let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() else {
        let why = value
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "Blob.arrayBuffer() failed".into(), |e| e.message());
        return Err(JsError::new(&format!(
            "{name}: the file could not be read ({why})"
        )));
    };
    let bytes = js_sys::Uint8Array::new(buffer).to_vec();
    let read = crate::read(&bytes, name).map_err(core_error)?;
    for warning in &read.warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!("gisty: {name}: {warning}")));
    }
    to_js(&types::ReadFile {
        text: &read.text,
        format: read.format.name(),
        encoding: read.encoding.map(|e| e.name()),
        warnings: &read.warnings,
    })
}
