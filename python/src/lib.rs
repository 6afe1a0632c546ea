//! The Python binding: `summarize`, `summarize_many`, `rank`, `keywords` and friends, for callers
//! in CPython 3.9 and later (the native module `gisty._gisty`, re-exported by `gisty`).
//!
//! This is the only code that knows about Python, as src/wasm.rs is the only code that knows
//! about JS: keyword arguments are read into the core's [`Options`] here, with a `ValueError`
//! naming the keyword and its allowed values for any bad value; results leave as small frozen
//! classes, with sentence offsets converted from the core's UTF-8 byte offsets to code points,
//! which Python strings index by (`text[s.start:s.end] == s.text`). The GIL is released while
//! the core works, so threads (and Spark's or Dask's thread pools) summarize in parallel.

use std::ops::Range;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};

use gisty::{Doc, Language, Length, Method, Options};

/// Key phrases `keywords` returns when no count is given.
const DEFAULT_KEYWORDS: usize = 10;

/// A sentence of the input with its score and where it is.
#[pyclass(frozen, eq, get_all, module = "gisty")]
#[derive(Clone, PartialEq)]
struct ScoredSentence {
    /// The sentence, exactly as in the input.
    text: String,
    /// Its index among its document's sentences (headings and boilerplate are not counted).
    index: usize,
    /// Higher is more summary-worthy; comparable within one call only.
    score: f64,
    /// Where it starts in its document, in code points (a Python string index).
    start: usize,
    /// Where it ends in its document (exclusive), in code points.
    end: usize,
    /// Which document it is from: 0 for one text, the index into `docs` for `summarize_many`.
    doc: usize,
    /// `summarize_many` only: the documents that report the same content, ascending, `doc`
    /// among them; empty otherwise.
    support: Vec<usize>,
}

#[pymethods]
impl ScoredSentence {
    fn __repr__(&self) -> String {
        format!(
            "ScoredSentence(index={}, doc={}, start={}, end={}, score={:.4}, text={:?})",
            self.index,
            self.doc,
            self.start,
            self.end,
            self.score,
            shorten(&self.text)
        )
    }
}

/// A summary: the chosen sentences in document order, and what they were chosen from.
#[pyclass(frozen, module = "gisty")]
struct Summary {
    sentences: Vec<Py<ScoredSentence>>,
    #[pyo3(get)]
    total_sentences: usize,
    #[pyo3(get)]
    total_words: usize,
    /// An ISO 639-1 code, or "und".
    #[pyo3(get)]
    language: &'static str,
    words: usize,
}

#[pymethods]
impl Summary {
    /// The chosen sentences, in document order (a new list at each access).
    #[getter]
    fn sentences(&self, py: Python<'_>) -> Vec<Py<ScoredSentence>> {
        self.sentences.iter().map(|s| s.clone_ref(py)).collect()
    }

    /// Words in the summary.
    fn words(&self) -> usize {
        self.words
    }

    fn __len__(&self) -> usize {
        self.sentences.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Summary({} of {} sentences, language={:?})",
            self.sentences.len(),
            self.total_sentences,
            self.language
        )
    }
}

/// Two documents that say nearly the same thing (a rewrite, a syndicated copy).
#[pyclass(frozen, eq, get_all, module = "gisty")]
#[derive(Clone, PartialEq)]
struct Duplicate {
    a: usize,
    b: usize,
    similarity: f64,
}

#[pymethods]
impl Duplicate {
    fn __repr__(&self) -> String {
        format!(
            "Duplicate(a={}, b={}, similarity={:.4})",
            self.a, self.b, self.similarity
        )
    }
}

/// A summary of several documents.
#[pyclass(frozen, module = "gisty")]
struct MultiSummary {
    sentences: Vec<Py<ScoredSentence>>,
    duplicates: Vec<Py<Duplicate>>,
    #[pyo3(get)]
    similarity: Vec<Vec<f64>>,
    #[pyo3(get)]
    total_sentences: usize,
    #[pyo3(get)]
    total_words: usize,
    #[pyo3(get)]
    languages: Vec<&'static str>,
    words: usize,
}

#[pymethods]
impl MultiSummary {
    /// The chosen sentences in story order, each with its `doc` and `support`.
    #[getter]
    fn sentences(&self, py: Python<'_>) -> Vec<Py<ScoredSentence>> {
        self.sentences.iter().map(|s| s.clone_ref(py)).collect()
    }

    /// The pairs of near-duplicate documents, most similar first.
    #[getter]
    fn duplicates(&self, py: Python<'_>) -> Vec<Py<Duplicate>> {
        self.duplicates.iter().map(|d| d.clone_ref(py)).collect()
    }

    /// Words in the summary.
    fn words(&self) -> usize {
        self.words
    }

    fn __len__(&self) -> usize {
        self.sentences.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "MultiSummary({} of {} sentences from {} documents)",
            self.sentences.len(),
            self.total_sentences,
            self.languages.len()
        )
    }
}

/// A key phrase: a term the text keeps returning to, one word or several.
#[pyclass(frozen, eq, get_all, module = "gisty")]
#[derive(Clone, PartialEq)]
struct Keyword {
    text: String,
    score: f64,
    count: usize,
}

#[pymethods]
impl Keyword {
    fn __repr__(&self) -> String {
        format!(
            "Keyword(text={:?}, score={:.4}, count={})",
            self.text, self.score, self.count
        )
    }
}

/// A file read into text by `read_file`.
#[pyclass(frozen, get_all, module = "gisty")]
struct ReadFile {
    text: String,
    format: &'static str,
    encoding: Option<&'static str>,
    warnings: Vec<String>,
}

#[pymethods]
impl ReadFile {
    fn __repr__(&self) -> String {
        format!(
            "ReadFile(format={:?}, encoding={:?}, {} characters, {} warnings)",
            self.format,
            self.encoding,
            self.text.chars().count(),
            self.warnings.len()
        )
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_string(),
    }
}

/// The keyword arguments shared by `summarize`, `summarize_many` and `rank`, as given.
struct Given<'a, 'py> {
    sentences: Option<&'a Bound<'py, PyAny>>,
    ratio: Option<&'a Bound<'py, PyAny>>,
    words: Option<&'a Bound<'py, PyAny>>,
    method: Option<&'a Bound<'py, PyAny>>,
    language: Option<&'a Bound<'py, PyAny>>,
    language_hint: Option<&'a Bound<'py, PyAny>>,
    focus: Option<&'a Bound<'py, PyAny>>,
    title: Option<&'a Bound<'py, PyAny>>,
    redundancy: Option<&'a Bound<'py, PyAny>>,
    position: Option<&'a Bound<'py, PyAny>>,
}

/// `"name must be EXPECTED, got REPR"`, as a ValueError.
fn bad(name: &str, expected: &str, value: &Bound<'_, PyAny>) -> PyErr {
    let got = value
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| "an unprintable value".to_string());
    PyValueError::new_err(format!("{name} must be {expected}, got {got}"))
}

fn whole(v: &Bound<'_, PyAny>, name: &str) -> PyResult<usize> {
    // bool is a subclass of int in Python: `sentences=True` is a mistake, not 1.
    if !v.is_instance_of::<PyBool>() {
        if let Ok(n) = v.extract::<u64>() {
            if n >= 1 && n <= u32::MAX as u64 {
                return Ok(n as usize);
            }
        }
    }
    Err(bad(name, "a whole number of at least 1", v))
}

fn number(v: &Bound<'_, PyAny>, name: &str, expected: &str) -> PyResult<f64> {
    if v.is_instance_of::<PyBool>() {
        return Err(bad(name, expected, v));
    }
    v.extract::<f64>().map_err(|_| bad(name, expected, v))
}

fn string(v: &Bound<'_, PyAny>, name: &str, expected: &str) -> PyResult<String> {
    let s = v
        .downcast::<PyString>()
        .map_err(|_| bad(name, expected, v))?;
    Ok(s.to_cow()?.into_owned())
}

/// None or "auto" (detect: `None`), or a language gisty knows.
fn read_language(v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Language>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let expected = || {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        format!(
            "None, \"auto\" or a language code (one of {}, und)",
            codes.join(", ")
        )
    };
    let s = string(v, "language", &expected())?;
    if s.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    s.parse::<Language>()
        .map(Some)
        .map_err(|_| bad("language", &expected(), v))
}

/// A declared language tag: one gisty does not know is no hint (pages declare all sorts).
fn read_hint(v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Language>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let s = string(
        v,
        "language_hint",
        "None or a language tag such as \"fr\" or \"pt-BR\"",
    )?;
    Ok(s.parse::<Language>().ok())
}

/// Reads the keyword arguments into the core's options (None means the default).
fn read_options(g: &Given<'_, '_>) -> PyResult<Options> {
    let mut options = Options::default();
    let some = |v: Option<&Bound<'_, PyAny>>| v.is_some_and(|v| !v.is_none());
    let mut length: Option<&str> = None;
    for (name, value) in [
        ("sentences", g.sentences),
        ("ratio", g.ratio),
        ("words", g.words),
    ] {
        let Some(v) = value.filter(|v| some(Some(v))) else {
            continue;
        };
        if let Some(first) = length {
            return Err(PyValueError::new_err(format!(
                "{first} and {name} cannot be used together: give one of sentences, ratio, words"
            )));
        }
        length = Some(name);
        options.length = match name {
            "ratio" => {
                let expected = "a number above 0 and at most 1";
                let r = number(v, name, expected)?;
                if !(r > 0.0 && r <= 1.0) {
                    return Err(bad(name, expected, v));
                }
                Length::Ratio(r)
            }
            "words" => Length::Words(whole(v, name)?),
            _ => Length::Sentences(whole(v, name)?),
        };
    }
    if let Some(v) = g.method.filter(|v| !v.is_none()) {
        let expected = format!("one of {}", Method::NAMES.join(", "));
        let s = string(v, "method", &expected)?;
        options.method = Method::parse(&s).map_err(|_| bad("method", &expected, v))?;
    }
    if let Some(v) = g.title.filter(|v| !v.is_none()) {
        options.title = Some(string(v, "title", "None or a str")?);
    }
    if let Some(v) = g.focus.filter(|v| !v.is_none()) {
        options.focus = Some(string(v, "focus", "None or a str")?);
    }
    options.language = read_language(g.language)?;
    options.language_hint = read_hint(g.language_hint)?;
    if let Some(v) = g.redundancy.filter(|v| !v.is_none()) {
        let expected = "a number from 0 to 1";
        let r = number(v, "redundancy", expected)?;
        if !(0.0..=1.0).contains(&r) {
            return Err(bad("redundancy", expected, v));
        }
        options.redundancy = r;
    }
    if let Some(v) = g.position.filter(|v| !v.is_none()) {
        let b = v
            .downcast::<PyBool>()
            .map_err(|_| bad("position", "True or False", v))?;
        options.position = b.is_true();
    }
    // Every range is checked above, each under its keyword; this is the core's own word on it.
    options.validate().map_err(core_error)?;
    Ok(options)
}

thread_local! {
    /// One engine a thread (the stems of the words it has seen, kept between calls: bounded
    /// memory, no effect on any result), so that a loop of `summarize` calls, or a Spark or Dask
    /// worker's partition, does not stem every word anew for each article.
    static ENGINE: std::cell::RefCell<gisty::Engine> = std::cell::RefCell::new(gisty::Engine::new());
}

/// Runs `f` with this thread's engine (the core calls nothing back: no re-entry).
fn with_engine<T>(f: impl FnOnce(&mut gisty::Engine) -> T) -> T {
    ENGINE.with(|e| f(&mut e.borrow_mut()))
}

fn core_error(e: gisty::Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The text argument: a str (a lone surrogate, which UTF-8 cannot hold, is a UnicodeEncodeError,
/// a ValueError).
fn read_text(v: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    let s = v.downcast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{name} must be a str, got {}",
            v.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    Ok(s.to_cow()?.into_owned())
}

/// Converts byte offsets into `text` (char boundaries, in any order) to code point offsets, in
/// one pass over the text however many offsets there are.
fn char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let (mut at, mut chars) = (0, 0);
    for i in order {
        let to = offsets[i];
        // Every byte but a continuation byte (10xxxxxx) starts a code point.
        chars += bytes[at..to].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        at = to;
        out[i] = chars;
    }
    out
}

/// The core's sentences as Python objects with code point offsets into `texts[s.doc]`.
fn py_sentences(
    py: Python<'_>,
    texts: &[&str],
    sentences: Vec<gisty::ScoredSentence>,
) -> PyResult<Vec<Py<ScoredSentence>>> {
    let mut bytes: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for s in &sentences {
        bytes[s.doc].extend([s.start, s.end]);
    }
    // Each document's offsets come back in the order they went in: the sentences' order.
    let mut chars: Vec<std::vec::IntoIter<usize>> = texts
        .iter()
        .zip(&bytes)
        .map(|(text, offsets)| char_offsets(text, offsets).into_iter())
        .collect();
    sentences
        .into_iter()
        .map(|s| {
            let c = &mut chars[s.doc];
            let (start, end) = (c.next().unwrap_or(0), c.next().unwrap_or(0));
            Py::new(
                py,
                ScoredSentence {
                    text: s.text,
                    index: s.index,
                    score: s.score,
                    start,
                    end,
                    doc: s.doc,
                    support: s.support,
                },
            )
        })
        .collect()
}

/// A document of `summarize_many`, owning its strings.
struct OwnedDoc {
    text: String,
    title: Option<String>,
    date: Option<i64>,
}

impl OwnedDoc {
    fn as_doc(&self) -> Doc<'_> {
        Doc {
            text: &self.text,
            title: self.title.as_deref(),
            captions: &[] as &[Range<usize>],
            date: self.date,
        }
    }
}

const DOC_KEYS: &[&str] = &["text", "title", "date"];

/// One item of `docs`: a str, or a dict with "text" and optionally "title" and "date".
fn read_doc(item: &Bound<'_, PyAny>, name: &str) -> PyResult<OwnedDoc> {
    if item.is_instance_of::<PyString>() {
        return Ok(OwnedDoc {
            text: read_text(item, name)?,
            title: None,
            date: None,
        });
    }
    let shape = "a str or a dict with \"text\" (and optionally \"title\", \"date\")";
    let dict = item
        .downcast::<PyDict>()
        .map_err(|_| bad(name, shape, item))?;
    for key in dict.keys() {
        let known = key
            .extract::<String>()
            .is_ok_and(|k| DOC_KEYS.contains(&k.as_str()));
        if !known {
            return Err(PyValueError::new_err(format!(
                "{name} has an unknown key {}: expected {}",
                key.repr()?,
                DOC_KEYS.join(", ")
            )));
        }
    }
    let text = match dict.get_item("text")? {
        Some(t) => string(&t, &format!("{name}[\"text\"]"), "a str")?,
        None => return Err(bad(name, shape, item)),
    };
    let title = match dict.get_item("title")?.filter(|t| !t.is_none()) {
        Some(t) => Some(string(&t, &format!("{name}[\"title\"]"), "None or a str")?),
        None => None,
    };
    let date = match dict.get_item("date")?.filter(|d| !d.is_none()) {
        Some(d) => Some(read_date(&d, &format!("{name}[\"date\"]"))?),
        None => None,
    };
    Ok(OwnedDoc { text, title, date })
}

/// A date: an int of milliseconds since 1970, or a datetime (its `timestamp()`).
fn read_date(v: &Bound<'_, PyAny>, name: &str) -> PyResult<i64> {
    let expected = "None, an int of milliseconds since 1970 or a datetime.datetime";
    if v.is_instance_of::<PyBool>() {
        return Err(bad(name, expected, v));
    }
    if let Ok(ms) = v.extract::<i64>() {
        return Ok(ms);
    }
    let seconds = v
        .call_method0("timestamp")
        .and_then(|t| t.extract::<f64>())
        .map_err(|_| bad(name, expected, v))?;
    Ok((seconds * 1000.0).round() as i64)
}

/// Summarizes `text`: its best sentences within the length, in document order.
///
/// The length is one of `sentences` (the default, 3), `ratio` (a share of the sentences, in
/// (0, 1]) and `words`. `method` is one of gisty, lexrank, textrank, lead; `language` None or
/// "auto" (detected) or a code of gisty.LANGUAGES; `focus` steers toward its words; `title` is
/// the title when it is not the first line; `redundancy` (0 to 1) is the similarity above which
/// a sentence repeats one already picked; `position=False` leaves out the lede prior;
/// `language_hint` is a declared language used when detection is unsure. A bad value raises
/// ValueError naming the keyword. A text without sentences gives an empty summary.
#[pyfunction]
#[pyo3(signature = (text, *, sentences=None, ratio=None, words=None, method=None, language=None,
    focus=None, title=None, redundancy=None, position=None, language_hint=None),
    text_signature = "(text, *, sentences=None, ratio=None, words=None, method='gisty', \
    language=None, focus=None, title=None, redundancy=0.5, position=True, language_hint=None)")]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    sentences: Option<&Bound<'_, PyAny>>,
    ratio: Option<&Bound<'_, PyAny>>,
    words: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    language: Option<&Bound<'_, PyAny>>,
    focus: Option<&Bound<'_, PyAny>>,
    title: Option<&Bound<'_, PyAny>>,
    redundancy: Option<&Bound<'_, PyAny>>,
    position: Option<&Bound<'_, PyAny>>,
    language_hint: Option<&Bound<'_, PyAny>>,
) -> PyResult<Summary> {
    let options = read_options(&Given {
        sentences,
        ratio,
        words,
        method,
        language,
        language_hint,
        focus,
        title,
        redundancy,
        position,
    })?;
    let text = read_text(text, "text")?;
    let summary = py
        .allow_threads(|| with_engine(|e| e.summarize(&text, &options)))
        .map_err(core_error)?;
    let words = summary.words();
    Ok(Summary {
        sentences: py_sentences(py, &[&text], summary.sentences)?,
        total_sentences: summary.total_sentences,
        total_words: summary.total_words,
        language: summary.language.code(),
        words,
    })
}

/// Every sentence of `text` with its score, in document order. The keywords are summarize's;
/// the length is checked but does not shorten the result.
#[pyfunction]
#[pyo3(signature = (text, *, sentences=None, ratio=None, words=None, method=None, language=None,
    focus=None, title=None, redundancy=None, position=None, language_hint=None),
    text_signature = "(text, *, sentences=None, ratio=None, words=None, method='gisty', \
    language=None, focus=None, title=None, redundancy=0.5, position=True, language_hint=None)")]
#[allow(clippy::too_many_arguments)]
fn rank(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    sentences: Option<&Bound<'_, PyAny>>,
    ratio: Option<&Bound<'_, PyAny>>,
    words: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    language: Option<&Bound<'_, PyAny>>,
    focus: Option<&Bound<'_, PyAny>>,
    title: Option<&Bound<'_, PyAny>>,
    redundancy: Option<&Bound<'_, PyAny>>,
    position: Option<&Bound<'_, PyAny>>,
    language_hint: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Py<ScoredSentence>>> {
    let options = read_options(&Given {
        sentences,
        ratio,
        words,
        method,
        language,
        language_hint,
        focus,
        title,
        redundancy,
        position,
    })?;
    let text = read_text(text, "text")?;
    let ranked = py
        .allow_threads(|| with_engine(|e| e.rank(&text, &options)))
        .map_err(core_error)?;
    py_sentences(py, &[&text], ranked)
}

/// Summarizes several documents about one subject together: a fact several of them tell
/// appears once, and the length applies to the whole summary. Each of `docs` is a str or a dict
/// with "text" and optionally "title" and "date" (an int of milliseconds since 1970, or a
/// datetime). The sentences come in story order, each with `doc` and `support`. The keywords
/// are summarize's; `title` is the title of every document without its own.
#[pyfunction]
#[pyo3(signature = (docs, *, sentences=None, ratio=None, words=None, method=None, language=None,
    focus=None, title=None, redundancy=None, position=None, language_hint=None),
    text_signature = "(docs, *, sentences=None, ratio=None, words=None, method='gisty', \
    language=None, focus=None, title=None, redundancy=0.5, position=True, language_hint=None)")]
#[allow(clippy::too_many_arguments)]
fn summarize_many(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    sentences: Option<&Bound<'_, PyAny>>,
    ratio: Option<&Bound<'_, PyAny>>,
    words: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    language: Option<&Bound<'_, PyAny>>,
    focus: Option<&Bound<'_, PyAny>>,
    title: Option<&Bound<'_, PyAny>>,
    redundancy: Option<&Bound<'_, PyAny>>,
    position: Option<&Bound<'_, PyAny>>,
    language_hint: Option<&Bound<'_, PyAny>>,
) -> PyResult<MultiSummary> {
    let options = read_options(&Given {
        sentences,
        ratio,
        words,
        method,
        language,
        language_hint,
        focus,
        title,
        redundancy,
        position,
    })?;
    let owned = read_docs(docs)?;
    let docs: Vec<Doc<'_>> = owned.iter().map(OwnedDoc::as_doc).collect();
    let summary = py
        .allow_threads(|| with_engine(|e| e.summarize_many(&docs, &options)))
        .map_err(core_error)?;
    let texts: Vec<&str> = owned.iter().map(|d| d.text.as_str()).collect();
    let words = summary.words();
    let duplicates = summary
        .duplicates
        .iter()
        .map(|d| {
            Py::new(
                py,
                Duplicate {
                    a: d.a,
                    b: d.b,
                    similarity: d.similarity,
                },
            )
        })
        .collect::<PyResult<_>>()?;
    Ok(MultiSummary {
        sentences: py_sentences(py, &texts, summary.sentences)?,
        duplicates,
        similarity: summary.similarity,
        total_sentences: summary.total_sentences,
        total_words: summary.total_words,
        languages: summary.languages.iter().map(|l| l.code()).collect(),
        words,
    })
}

/// A list (or any iterable but a str) of documents.
fn read_docs(docs: &Bound<'_, PyAny>) -> PyResult<Vec<OwnedDoc>> {
    let shape = "a list of str or of dicts with \"text\"";
    if docs.is_instance_of::<PyString>() || docs.is_instance_of::<PyDict>() {
        return Err(bad("docs", shape, docs));
    }
    let items = docs.try_iter().map_err(|_| bad("docs", shape, docs))?;
    let mut out = Vec::new();
    for (i, item) in items.enumerate() {
        out.push(read_doc(&item?, &format!("docs[{i}]"))?);
    }
    Ok(out)
}

/// The top `n` key phrases of `text`.
#[pyfunction]
#[pyo3(signature = (text, n=None, *, language=None, language_hint=None),
    text_signature = "(text, n=10, *, language=None, language_hint=None)")]
fn keywords(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    n: Option<&Bound<'_, PyAny>>,
    language: Option<&Bound<'_, PyAny>>,
    language_hint: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Py<Keyword>>> {
    let (n, options) = keyword_options(n, language, language_hint)?;
    let text = read_text(text, "text")?;
    let found = py
        .allow_threads(|| with_engine(|e| e.keywords(&text, n, &options)))
        .map_err(core_error)?;
    py_keywords(py, found)
}

/// The top `n` key phrases of several documents together.
#[pyfunction]
#[pyo3(signature = (docs, n=None, *, language=None, language_hint=None),
    text_signature = "(docs, n=10, *, language=None, language_hint=None)")]
fn keywords_many(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    n: Option<&Bound<'_, PyAny>>,
    language: Option<&Bound<'_, PyAny>>,
    language_hint: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Py<Keyword>>> {
    let (n, options) = keyword_options(n, language, language_hint)?;
    let owned = read_docs(docs)?;
    let docs: Vec<Doc<'_>> = owned.iter().map(OwnedDoc::as_doc).collect();
    let found = py
        .allow_threads(|| with_engine(|e| e.keywords_many(&docs, n, &options)))
        .map_err(core_error)?;
    py_keywords(py, found)
}

fn keyword_options(
    n: Option<&Bound<'_, PyAny>>,
    language: Option<&Bound<'_, PyAny>>,
    language_hint: Option<&Bound<'_, PyAny>>,
) -> PyResult<(usize, Options)> {
    let n = match n.filter(|v| !v.is_none()) {
        Some(v) => whole(v, "n")?,
        None => DEFAULT_KEYWORDS,
    };
    let options = Options {
        language: read_language(language)?,
        language_hint: read_hint(language_hint)?,
        ..Options::default()
    };
    Ok((n, options))
}

fn py_keywords(py: Python<'_>, found: Vec<gisty::Keyword>) -> PyResult<Vec<Py<Keyword>>> {
    found
        .into_iter()
        .map(|k| {
            Py::new(
                py,
                Keyword {
                    text: k.text,
                    score: k.score,
                    count: k.count,
                },
            )
        })
        .collect()
}

/// The language of `text` as an ISO 639-1 code, or "und" when unsure or not one gisty knows.
#[pyfunction]
fn detect_language(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let text = read_text(text, "text")?;
    Ok(py.allow_threads(|| gisty::detect_language(&text).code()))
}

/// Reads a file's bytes into text, as the CLI does: text in UTF-8, UTF-16 or windows-1252,
/// Word (.docx), OpenDocument (.odt) and EPUB (.epub). `name`'s extension says what it should
/// be. A binary, damaged, encrypted or oversized file, or a zip bomb, is a ValueError.
#[pyfunction]
fn read_file(py: Python<'_>, data: &[u8], name: &str) -> PyResult<ReadFile> {
    let file = py
        .allow_threads(|| gisty::read(data, name))
        .map_err(core_error)?;
    Ok(ReadFile {
        text: file.text,
        format: file.format.name(),
        encoding: file.encoding.map(|e| e.name()),
        warnings: file.warnings,
    })
}

#[pymodule]
fn _gisty(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_many, m)?)?;
    m.add_function(wrap_pyfunction!(rank, m)?)?;
    m.add_function(wrap_pyfunction!(keywords, m)?)?;
    m.add_function(wrap_pyfunction!(keywords_many, m)?)?;
    m.add_function(wrap_pyfunction!(detect_language, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_class::<ScoredSentence>()?;
    m.add_class::<Summary>()?;
    m.add_class::<MultiSummary>()?;
    m.add_class::<Duplicate>()?;
    m.add_class::<Keyword>()?;
    m.add_class::<ReadFile>()?;
    m.add("LANGUAGES", Language::NAMES.to_vec())?;
    m.add("METHODS", Method::NAMES.to_vec())?;
    m.add("MAX_INPUT_BYTES", gisty::MAX_INPUT_BYTES)?;
    m.add("MAX_DOCUMENTS", gisty::MAX_DOCUMENTS)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
