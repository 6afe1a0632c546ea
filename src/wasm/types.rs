//! What crosses the JS boundary, in one place: the options and documents JS passes in and the
//! results it gets back, as serde types from which tsify writes the package's TypeScript
//! declarations (doc comments included), so that the types and the behaviour cannot drift
//! apart. Results are written by serde-wasm-bindgen's serializer; options and documents are read
//! by serde's derive (camelCase, unknown options rejected) over [`Js`], a JsValue deserializer
//! of this file (see [`read_options`] for why not serde-wasm-bindgen's).
//!
//! Each field's type (`Whole`, `Number`, `Text`, ...) says what the value must be, and the map
//! of an object's properties puts the field's name in front ("sentences must be a whole number
//! of at least 1, got 2.5"); serde's own types would name only the type they expected, and
//! their error path formats floats with the standard library.

use serde::de::value::SeqDeserializer;
use serde::de::{Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Language, Length, Method, Options};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options of `summarize`, `rank` and `summarizeMany`: at most one of `sentences`, `ratio` and
 * `words` (the default is 3 sentences), and the rest. */
export type SummarizeOptions = OneOf<SummarizeOptionFields, "sentences" | "ratio" | "words">;

/** `T` with at most one of the properties `K` (each of them optional in `T`). */
export type OneOf<T, K extends keyof T> = Omit<T, K> &
  ({ [P in K]: Pick<T, P> & { [Q in Exclude<K, P>]?: never } }[K] | { [P in K]?: never });

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
"#;

/// Every option of `summarize`, `rank` and `summarizeMany`; `SummarizeOptions` allows at most
/// one of the three lengths.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SummarizeOptionFields {
    /// At most this many sentences: a whole number, at least 1.
    #[serde(default)]
    #[tsify(optional, type = "number")]
    sentences: Option<Whole>,
    /// This share of the text's sentences, above 0 and at most 1 (rounded, at least one).
    #[serde(default)]
    #[tsify(optional, type = "number")]
    ratio: Option<Number>,
    /// At most this many words: a whole number, at least 1.
    #[serde(default)]
    #[tsify(optional, type = "number")]
    words: Option<Whole>,
    /// How sentences are scored. Default: "gisty".
    #[serde(default)]
    #[tsify(optional, type = "Method")]
    method: Option<MethodName>,
    /// The text's title, when it is not the text's first line. For `summarizeMany`, the title of
    /// every document that has none of its own.
    #[serde(default)]
    #[tsify(optional, type = "string")]
    title: Option<Text>,
    /// The text's language, as an ISO 639-1 code, or "auto" (the default): detected, for each
    /// document of `summarizeMany` on its own. A language this build does not stem (see
    /// `languages()`) is summarized as "und": words unstemmed, no stop list.
    #[serde(default)]
    #[tsify(optional, type = "Language | \"und\" | \"auto\"")]
    language: Option<Text>,
    /// The language the text is declared in (an HTML page's `lang`, such as "fr-CA"): used
    /// when the language is detected and the text does not clearly say otherwise. A tag gisty
    /// does not know is ignored.
    #[serde(default)]
    #[tsify(optional, type = "string")]
    language_hint: Option<Text>,
    /// Similarity above which a sentence repeats one already picked, from 0 to 1 (1 keeps
    /// repeats). Default: 0.5.
    #[serde(default)]
    #[tsify(optional, type = "number")]
    redundancy: Option<Number>,
    /// Whether the default method may favour the lede (the first sentences). Default: true.
    #[serde(default)]
    #[tsify(optional, type = "boolean")]
    position: Option<Flag>,
    /// Words to steer the summary toward ("security guarantees"): sentences with none of them
    /// keep a quarter of their score. Default: none.
    #[serde(default)]
    #[tsify(optional, type = "string")]
    focus: Option<Text>,
    /// Whether each summary sentence says why it was chosen (`explanation`). Default: false.
    /// Only in builds with the cargo feature explain (the npm package, the page's
    /// all-languages build); elsewhere (the page's English build) an unknown option.
    #[cfg(feature = "explain")]
    #[serde(default)]
    #[tsify(optional, type = "boolean")]
    explain: Option<Flag>,
}

/// A scoring method's name: one per method of the core (`Method` takes each in upper or lower
/// case).
// The conversions below match every variant both ways, so that neither list can gain a method
// the other lacks; tests/web.rs checks that the core's names are these.
#[derive(Clone, Copy, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum MethodName {
    Gisty,
    LexRank,
    TextRank,
    Lead,
}

impl From<Method> for MethodName {
    fn from(m: Method) -> Self {
        match m {
            Method::Gisty => MethodName::Gisty,
            Method::LexRank => MethodName::LexRank,
            Method::TextRank => MethodName::TextRank,
            Method::Lead => MethodName::Lead,
        }
    }
}

impl From<MethodName> for Method {
    fn from(m: MethodName) -> Self {
        match m {
            MethodName::Gisty => Method::Gisty,
            MethodName::LexRank => Method::LexRank,
            MethodName::TextRank => Method::TextRank,
            MethodName::Lead => Method::Lead,
        }
    }
}

impl SummarizeOptionFields {
    /// The core's options, with the checks no single field can make (one length at most, the
    /// ranges the core checks in its own words).
    pub fn into_options(self) -> Result<Options, JsError> {
        let mut options = Options::default();
        let lengths = [
            ("sentences", self.sentences.map(|n| Length::Sentences(n.0))),
            ("ratio", self.ratio.map(|r| Length::Ratio(r.0))),
            ("words", self.words.map(|n| Length::Words(n.0))),
        ];
        let mut given = lengths.iter().filter_map(|(n, l)| l.map(|l| (*n, l)));
        if let Some((first, length)) = given.next() {
            if let Some((second, _)) = given.next() {
                return Err(JsError::new(&format!(
                    "{first} and {second} cannot be used together: give one of sentences, ratio, words"
                )));
            }
            options.length = length;
        }
        if let Some(m) = self.method {
            options.method = m.into();
        }
        options.title = self.title.map(|t| t.0);
        options.focus = self.focus.map(|t| t.0);
        if let Some(l) = self.language {
            options.language = parse_language(&l.0)?;
        }
        options.language_hint = self.language_hint.and_then(|h| h.0.parse().ok());
        if let Some(r) = self.redundancy {
            options.redundancy = r.0;
        }
        if let Some(p) = self.position {
            options.position = p.0;
        }
        #[cfg(feature = "explain")]
        if let Some(e) = self.explain {
            options.explain = e.0;
        }
        options.validate().map_err(core_error)?;
        Ok(options)
    }
}

/// Options of `keywords`.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeywordOptions {
    /// At most this many phrases: a whole number, at least 1. Default: 10.
    #[serde(default)]
    #[tsify(optional, type = "number")]
    count: Option<Whole>,
    /// As in `SummarizeOptions`: a code or "auto" (the default).
    #[serde(default)]
    #[tsify(optional, type = "Language | \"und\" | \"auto\"")]
    language: Option<Text>,
    /// As in `SummarizeOptions`.
    #[serde(default)]
    #[tsify(optional, type = "string")]
    language_hint: Option<Text>,
}

/// Key phrases `keywords` returns when no count is given.
const DEFAULT_KEYWORDS: usize = 10;

impl KeywordOptions {
    /// The defaults, for no options object.
    pub fn default_options() -> (usize, Options) {
        (DEFAULT_KEYWORDS, Options::default())
    }

    /// How many phrases, and the core's options (the language).
    pub fn into_options(self) -> Result<(usize, Options), JsError> {
        let mut options = Options::default();
        if let Some(l) = self.language {
            options.language = parse_language(&l.0)?;
        }
        options.language_hint = self.language_hint.and_then(|h| h.0.parse().ok());
        let count = self.count.map_or(DEFAULT_KEYWORDS, |n| n.0);
        Ok((count, options))
    }
}

/// "auto" (detect: `None`) or a language code.
fn parse_language(s: &str) -> Result<Option<Language>, JsError> {
    if s.trim().eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    s.parse::<Language>().map(Some).map_err(core_error)
}

/// A document's fields: its text, its title when that is not its first line, and its
/// captions. Other properties are ignored.
#[derive(Deserialize, Tsify)]
#[tsify(rename = "Doc")]
pub struct DocFields {
    /// The document's text. (Required: a missing one is reported by the caller, which knows
    /// the document's place.)
    #[tsify(type = "string")]
    pub text: Option<Text>,
    /// Its title, when that is not its first line.
    #[serde(default)]
    #[tsify(optional, type = "string")]
    pub title: Option<Text>,
    /// Parts of `text` that are captions (an HTML page's `<figcaption>` and `<caption>`), as
    /// `[start, end]` UTF-16 ranges: shown and ranked like other sentences, never chosen for a
    /// summary. Plain-text captions beside a credit line are found without them.
    #[serde(default)]
    #[tsify(optional, type = "ReadonlyArray<readonly [number, number]>")]
    pub captions: Option<Captions>,
    /// When it was published: a `Date`, milliseconds since 1970, or a string `Date.parse`
    /// reads. When every document of `summarizeMany` has one, the combined summary tells the
    /// story in their order, earlier reports first.
    #[serde(default)]
    #[tsify(optional, type = "Date | number | string")]
    pub date: Option<Date>,
}

/// A sentence of the input with its score.
#[derive(Serialize, Tsify)]
pub struct ScoredSentence<'a> {
    /// The sentence, exactly as in the input: `input.slice(start, end) === text`.
    #[tsify(type = "string")]
    pub text: SentenceText<'a>,
    /// Its index among the text's sentences (headings and boilerplate are not counted).
    pub index: usize,
    /// Higher is more summary-worthy; comparable within one call only.
    pub score: f64,
    /// Where it starts in the input, in UTF-16 code units (a JS string index).
    pub start: usize,
    /// Where it ends in the input (exclusive), in UTF-16 code units.
    pub end: usize,
    /// Which document it is from: its index in `summarizeMany`'s `docs`; 0 for one text. Its
    /// offsets are into that document: `docs[doc].slice(start, end) === text`.
    pub doc: usize,
    /// `summarizeMany` only: the documents that report the same content, as indices into
    /// `docs`, ascending, `doc` among them. A document supports a sentence when it mentions
    /// more than half of the weight of the sentence's concepts (word pairs, weighted by how
    /// many documents use them), or has a sentence that nearly paraphrases it.
    #[serde(skip_serializing_if = "<[usize]>::is_empty")]
    #[tsify(optional)]
    pub support: &'a [usize],
    /// With `explain: true`, on a summary's sentences: why it was chosen.
    #[cfg(feature = "explain")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub explanation: Option<Explanation<'a>>,
}

/// A sentence's text: a slice of the caller's own string when the document was one (no copy out
/// of wasm memory and no decoding, which took a few percent of a summary's time in Chromium),
/// else the core's copy.
pub enum SentenceText<'a> {
    Js(js_sys::JsString),
    Rust(&'a str),
}

impl Serialize for SentenceText<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SentenceText::Js(string) => serde_wasm_bindgen::preserve::serialize(string, s),
            SentenceText::Rust(text) => s.serialize_str(text),
        }
    }
}

/// Why a sentence is in a summary (`gisty::Explanation`): the parts of its score as its method
/// computed them (a part the method did not use is absent), and the sentences it was preferred
/// over.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Explanation<'a> {
    /// Its score (the sentence's `score`).
    pub score: f64,
    /// Its rank by score among every sentence, from 1, of `of`.
    pub rank: usize,
    /// How many sentences were ranked.
    pub of: usize,
    /// Default method (when the lede counts) and "lead": where it is and what that brought.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub position: Option<Position>,
    /// Default method on one text, "lexrank", "textrank": PageRank (mean 1), its rank among
    /// every sentence (from 1) of `of`, and what it brought to the score.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub centrality: Option<Centrality>,
    /// Default method with a title or headings: the words it shares with them (as it writes
    /// them), the share of the title's terms it holds (plus half the headings' share), its part.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub title: Option<Title<'a>>,
    /// Default method on one text: the damping of a too short or too long sentence, in (0, 1].
    /// The parts above include it: they add up to the score before the focus.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub length: Option<f64>,
    /// When the focus changed the scores: the focus words it holds, its relevance (0 to 1, 1 for
    /// the most relevant sentence), its score before the focus, and score / before.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub focus: Option<Focus<'a>>,
    /// `summarizeMany` by the default method: its heaviest concepts; its supporting documents
    /// are the sentence's `support`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub concepts: Option<Concepts<'a>>,
    /// The best-scored sentences not chosen that it was preferred over (at most 3): those passed
    /// over for repeating it, then those scored no higher.
    pub preferred_over: Vec<PassedOver>,
}

/// Where a sentence is, and what that brought.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    /// Its index in its document, from 0.
    pub index: usize,
    /// The rank of its lede prior in its document, from 1.
    pub lede_rank: usize,
    /// The prior, from 0 to 1.
    pub prior: f64,
    /// The prior's weight in the score.
    pub weight: f64,
    /// What it brought to the score.
    pub part: f64,
}

/// A sentence's centrality.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
pub struct Centrality {
    /// PageRank, mean 1.
    pub value: f64,
    /// Its rank among every sentence, from 1, of `of`.
    pub rank: usize,
    /// How many sentences were ranked.
    pub of: usize,
    /// What it brought to the score.
    pub part: f64,
}

/// A sentence's overlap with the title and headings.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
pub struct Title<'a> {
    /// The words it shares with them, as it writes them.
    pub terms: &'a [String],
    /// The share of the title's terms it holds (plus half the headings' share).
    pub overlap: f64,
    /// What it brought to the score.
    pub part: f64,
}

/// A sentence's match with the focus.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
pub struct Focus<'a> {
    /// The focus words it holds.
    pub terms: &'a [String],
    /// Its relevance, 0 to 1 (1 for the most relevant sentence).
    pub relevance: f64,
    /// Its score before the focus.
    pub before: f64,
    /// score / before.
    pub factor: f64,
}

/// The concepts a sentence of a combined summary covers.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
pub struct Concepts<'a> {
    /// Its heaviest concepts several documents mention.
    pub top: Vec<Concept<'a>>,
    /// How many concepts it holds.
    pub count: usize,
    /// Their weight together (its score).
    pub weight: f64,
}

/// A concept: a word pair or a word.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
pub struct Concept<'a> {
    /// The words, as the sentence writes them.
    pub words: &'a str,
    /// Its weight.
    pub weight: f64,
    /// How many documents mention it.
    pub documents: usize,
}

/// A sentence not chosen, and why.
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
pub struct PassedOver {
    /// Its document.
    pub doc: usize,
    /// Its index in its document.
    pub index: usize,
    /// Its score.
    pub score: f64,
    /// Why it was not chosen.
    pub why: Why,
}

/// Why a sentence was not chosen: "repeats" (it says what the chosen sentence `doc`, `index`
/// says: their similarity, 0 to 1, is above `redundancy`) or "budget" (the summary's length was
/// reached).
#[cfg(feature = "explain")]
#[derive(Serialize, Tsify)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Why {
    /// It repeats a chosen sentence.
    Repeats {
        /// The chosen sentence's document.
        doc: usize,
        /// The chosen sentence's index in its document.
        index: usize,
        /// How alike they are, 0 to 1.
        similarity: f64,
    },
    /// The summary's length was reached.
    Budget,
}

#[cfg(feature = "explain")]
impl<'a> From<&'a crate::Explanation> for Explanation<'a> {
    fn from(e: &'a crate::Explanation) -> Self {
        Explanation {
            score: e.score,
            rank: e.rank,
            of: e.of,
            position: e.position.as_ref().map(|p| Position {
                index: p.index,
                lede_rank: p.lede_rank,
                prior: p.prior,
                weight: p.weight,
                part: p.part,
            }),
            centrality: e.centrality.as_ref().map(|c| Centrality {
                value: c.value,
                rank: c.rank,
                of: c.of,
                part: c.part,
            }),
            title: e.title.as_ref().map(|t| Title {
                terms: &t.terms,
                overlap: t.overlap,
                part: t.part,
            }),
            length: e.length,
            focus: e.focus.as_ref().map(|f| Focus {
                terms: &f.terms,
                relevance: f.relevance,
                before: f.before,
                factor: f.factor,
            }),
            concepts: e.concepts.as_ref().map(|c| Concepts {
                top: c
                    .top
                    .iter()
                    .map(|k| Concept {
                        words: &k.words,
                        weight: k.weight,
                        documents: k.documents,
                    })
                    .collect(),
                count: c.count,
                weight: c.weight,
            }),
            preferred_over: e
                .preferred_over
                .iter()
                .map(|p| PassedOver {
                    doc: p.doc,
                    index: p.index,
                    score: p.score,
                    why: match p.why {
                        crate::Why::Repeats {
                            doc,
                            index,
                            similarity,
                        } => Why::Repeats {
                            doc,
                            index,
                            similarity,
                        },
                        crate::Why::Budget => Why::Budget,
                    },
                })
                .collect(),
        }
    }
}

/// A summary: the chosen sentences in document order, and what they were chosen from.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Summary<'a> {
    /// The chosen sentences, in document order.
    pub sentences: Vec<ScoredSentence<'a>>,
    /// How many sentences the text has (the candidates).
    pub total_sentences: usize,
    /// How many words the text's sentences have.
    pub total_words: usize,
    /// The language the text was summarized in: an ISO 639-1 code, or "und" when it was not
    /// known (or not stemmed by this build).
    #[tsify(type = "Language | \"und\"")]
    pub language: &'static str,
}

/// Two documents that say nearly the same thing (a rewrite, a syndicated copy).
#[derive(Serialize, Tsify)]
pub struct Duplicate {
    /// The earlier document's index in `docs`.
    pub a: usize,
    /// The later document's index in `docs`.
    pub b: usize,
    /// Their entry in `MultiSummary.similarity`: at least 0.35.
    pub similarity: f64,
}

/// A summary of several documents.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MultiSummary<'a> {
    /// The chosen sentences in story order (by where each stands in its document, the ledes of
    /// every document first); `doc` names its document and `support` every document that
    /// reports it.
    #[tsify(type = "(ScoredSentence & { support: number[] })[]")]
    pub sentences: Vec<ScoredSentence<'a>>,
    /// The pairs of near-duplicate documents, most similar first.
    pub duplicates: Vec<Duplicate>,
    /// Document similarity: `similarity[a][b]`, from 0 to 1, is how well the sentences of each
    /// of the two are matched by sentences of the other (1 on the diagonal).
    pub similarity: &'a [Vec<f64>],
    /// How many sentences the documents have (the candidates).
    pub total_sentences: usize,
    /// How many words the documents' sentences have.
    pub total_words: usize,
    /// The language each document was summarized in, by index into `docs` (see
    /// `Summary.language`).
    #[tsify(type = "(Language | \"und\")[]")]
    pub languages: Vec<&'static str>,
}

/// A key phrase: a term the text keeps returning to, one word or several.
#[derive(Serialize, Tsify)]
pub struct Keyword<'a> {
    /// The phrase as the text writes it most often.
    pub text: &'a str,
    /// Relative weight: the best phrase scores 1.
    pub score: f64,
    /// How many times it occurs.
    pub count: usize,
}

/// A file read by `readFile`.
#[cfg(feature = "files")]
#[derive(Serialize, Tsify)]
pub struct ReadFile<'a> {
    /// Its text: for Word, OpenDocument and EPUB files, a paragraph per paragraph (a blank line
    /// between them); for Markdown and HTML, the source with its markup.
    pub text: &'a str,
    /// What it was read as.
    #[tsify(type = "\"text\" | \"markdown\" | \"html\" | \"docx\" | \"odt\" | \"epub\"")]
    pub format: &'static str,
    /// The encoding a text, Markdown or HTML file was decoded from ("UTF-8", "UTF-16LE",
    /// "UTF-16BE", "windows-1252"); absent for the zip formats.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(
        optional,
        type = "\"UTF-8\" | \"UTF-16LE\" | \"UTF-16BE\" | \"windows-1252\""
    )]
    pub encoding: Option<&'static str>,
    /// What the reader should know (a fallback encoding, a misleading name, skipped chapters).
    pub warnings: &'a [String],
}

/// Writes a result as a plain JS object (structs as objects, not `Map`s).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| {
            let value = JsValue::from(e);
            match value.dyn_ref::<js_sys::Error>() {
                Some(error) => JsError::new(&String::from(error.message())),
                None => JsError::new("a result could not be converted to JS"),
            }
        })
}

/// The error of reading JS values into the types above: a message.
type ReadError = serde::de::value::Error;

/// Reads an options object, every key of it (so that `deny_unknown_fields` rejects a mistyped
/// name, which would otherwise leave the default in force). Undefined and null are `None` (the
/// defaults).
///
/// Read through serde's derive over [`Js`], not serde-wasm-bindgen's deserializer: that one
/// reads a struct by looking up each of its fields, never seeing an unknown key, and its error
/// path formats floats with the standard library (serde's `Unexpected::Float`), which the page's
/// wasm leaves out (see `crate::error::number`).
pub fn read_options<T: for<'de> Deserialize<'de>>(value: &JsValue) -> Result<Option<T>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    T::deserialize(Js {
        value: value.clone(),
        every_key: true,
    })
    .map(Some)
    .map_err(|e| JsError::new(&e.to_string()))
}

/// Reads a document's fields from an object (other properties are not read).
pub fn read_doc_fields(value: &JsValue) -> Result<DocFields, String> {
    DocFields::deserialize(Js {
        value: value.clone(),
        every_key: false,
    })
    .map_err(|e| e.to_string())
}

/// A JS value as serde's data model sees it: undefined is none, null unit, a `Date` its time
/// in milliseconds (as `+date` is), an array a sequence, another object a map of its own
/// enumerable properties.
struct Js {
    value: JsValue,
    /// Whether a struct is read from every key of the object (options, which reject unknown
    /// ones), or from its fields only (documents, whose other properties are ignored).
    every_key: bool,
}

impl Js {
    fn new(value: JsValue) -> Self {
        Js {
            value,
            every_key: false,
        }
    }

    /// The object's own enumerable properties.
    fn entries(&self) -> Vec<(String, JsValue)> {
        js_sys::Object::entries(self.value.unchecked_ref())
            .iter()
            .map(|pair| {
                let pair: js_sys::Array = pair.unchecked_into();
                (
                    super::string_of(&pair.get(0)).unwrap_or_default(),
                    pair.get(1),
                )
            })
            .collect()
    }
}

/// An object's properties as a serde map; an error in a value is prefixed with its key
/// ("sentences must be a whole number of at least 1, got 2.5").
struct Entries {
    pairs: std::vec::IntoIter<(String, JsValue)>,
    key: String,
    value: Option<JsValue>,
}

impl Entries {
    fn new(pairs: Vec<(String, JsValue)>) -> Self {
        Entries {
            pairs: pairs.into_iter(),
            key: String::new(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = ReadError;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some((key, value)) = self.pairs.next() else {
            return Ok(None);
        };
        self.key = key;
        self.value = Some(value);
        seed.deserialize(serde::de::value::StrDeserializer::new(&self.key))
            .map(Some)
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ReadError> {
        let value = self.value.take().unwrap_or(JsValue::UNDEFINED);
        seed.deserialize(Js::new(value))
            .map_err(|e| ReadError::custom(format_args!("{} {e}", self.key)))
    }
}

impl<'de> serde::de::IntoDeserializer<'de, ReadError> for Js {
    type Deserializer = Js;

    fn into_deserializer(self) -> Js {
        self
    }
}

impl<'de> Deserializer<'de> for Js {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        let x = &self.value;
        if x.is_undefined() {
            v.visit_none()
        } else if x.is_null() {
            v.visit_unit()
        } else if let Some(b) = x.as_bool() {
            v.visit_bool(b)
        } else if let Some(n) = x.as_f64() {
            v.visit_f64(n)
        } else if let Some(s) = super::string_of(x) {
            v.visit_string(s)
        } else if let Some(date) = x.dyn_ref::<js_sys::Date>() {
            v.visit_f64(date.get_time())
        } else if let Some(array) = x.dyn_ref::<js_sys::Array>() {
            let items: Vec<Js> = array.iter().map(Js::new).collect();
            v.visit_seq(SeqDeserializer::new(items.into_iter()))
        } else {
            // An object, a bigint, a symbol, a function: no field is one; not read further.
            v.visit_map(Entries::new(Vec::new()))
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, ReadError> {
        // Undefined and null: the default.
        if self.value.is_undefined() || self.value.is_null() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, ReadError> {
        // An array would be read as a sequence of the fields in order, a string not at all.
        if !self.value.is_object() || js_sys::Array::is_array(&self.value) {
            return Err(ReadError::custom(format_args!(
                "options must be an object such as {{ {}: 3 }}, got {}",
                fields[0],
                describe(&self.value)
            )));
        }
        if self.every_key {
            return v.visit_map(Entries::new(self.entries()));
        }
        let object = self.value;
        let present = fields
            .iter()
            .filter_map(|&name| {
                let value = js_sys::Reflect::get(&object, &JsValue::from_str(name)).ok()?;
                (!value.is_undefined()).then(|| (name.to_string(), value))
            })
            .collect();
        v.visit_map(Entries::new(present))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A value as [`Js`] reads it, for the field types below, which say what is wrong with it.
enum Value {
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    /// Null, or an object (whose contents no field reads).
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JS value")
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Other("undefined"))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Other("null"))
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Text(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Text(s.to_string()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<Value, A::Error> {
        Ok(Value::Other("an object"))
    }
}

impl Value {
    /// Reads a field's value: what `get` makes of it, or an error saying what it must be (to
    /// which [`Entries`] adds the field's name).
    fn read<'de, D: Deserializer<'de>, T>(
        d: D,
        expected: &str,
        get: impl FnOnce(Value) -> Option<T>,
    ) -> Result<T, D::Error> {
        let value = Value::deserialize(d)?;
        let described = value.describe();
        get(value).ok_or_else(|| D::Error::custom(must_be(expected, &described)))
    }

    fn number(self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A short rendering for an error message: `"abc"`, `2.5`, `true`, `an array`.
    fn describe(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => describe(&JsValue::from(*n)),
            Value::Text(s) => crate::error::Quoted(s).to_string(),
            Value::List(_) => "an array".to_string(),
            Value::Other(what) => what.to_string(),
        }
    }
}

/// The message of every field type.
fn must_be(expected: &str, got: &str) -> String {
    format!("must be {expected}, got {got}")
}

/// A whole number, at least 1 (a count of sentences, words or key phrases).
struct Whole(usize);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::read(d, "a whole number of at least 1", |v| {
            v.number()
                .filter(|n| *n >= 1.0 && n.fract() == 0.0 && *n <= u32::MAX as f64)
                .map(|n| Whole(n as usize))
        })
    }
}

/// A number (its range is the core's to check, in its words).
struct Number(f64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::read(d, "a number", |v| v.number().map(Number))
    }
}

pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::read(d, "a string", |v| match v {
            Value::Text(s) => Some(Text(s)),
            _ => None,
        })
    }
}

struct Flag(bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::read(d, "true or false", |v| match v {
            Value::Bool(b) => Some(Flag(b)),
            _ => None,
        })
    }
}

impl<'de> Deserialize<'de> for MethodName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let expected = format!("one of {}", Method::NAMES.join(", "));
        let name = Value::read(d, &expected, |v| match v {
            Value::Text(s) => Some(s),
            _ => None,
        })?;
        // The core's parser: any case, and its message for an unknown name.
        Method::parse(&name)
            .map(MethodName::from)
            .map_err(D::Error::custom)
    }
}

/// `[[start, end], ...]` of whole numbers, 0 <= start <= end (the end is checked against the
/// text's length where the text is at hand).
pub struct Captions(pub Vec<[u32; 2]>);

/// What `captions` must be.
pub const CAPTIONS: &str = "an array of [start, end] pairs of whole numbers, \
                            0 <= start <= end <= the text's length";

impl<'de> Deserialize<'de> for Captions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::read(d, CAPTIONS, |v| {
            let Value::List(pairs) = v else { return None };
            let whole = |x: Option<f64>| x.filter(|x| *x >= 0.0 && x.fract() == 0.0);
            pairs
                .into_iter()
                .map(|pair| match pair {
                    Value::List(p) if p.len() == 2 => {
                        let mut p = p.into_iter().map(|x| whole(x.number()));
                        let (a, b) = (p.next()??, p.next()??);
                        (a <= b && b <= u32::MAX as f64).then_some([a as u32, b as u32])
                    }
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .map(Captions)
        })
    }
}

/// A date as a `Date`, a number of milliseconds since 1970 or a string `Date.parse` reads, in
/// milliseconds.
pub struct Date(pub i64);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let expected = "a Date, a number of milliseconds or a date string";
        Value::read(d, expected, |v| {
            let ms = match v {
                Value::Number(n) => n,
                Value::Text(s) => js_sys::Date::parse(&s),
                _ => f64::NAN,
            };
            ms.is_finite().then_some(Date(ms as i64))
        })
    }
}

pub fn core_error(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// A short rendering of a JS value for an error message: `"abc"`, `2.5`, `true`, `an object`.
pub fn describe(v: &JsValue) -> String {
    if let Some(s) = super::string_of(v) {
        crate::error::Quoted(&s).to_string()
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
        let kind = super::string_of(&v.js_typeof()).unwrap_or_default();
        match kind.as_str() {
            "object" => "an object".to_string(),
            _ => format!("a {kind}"),
        }
    }
}
