//! What crosses the JS boundary, in one place: the options JS passes in and the results it gets
//! back, as serde types that serde-wasm-bindgen reads and writes, and from which tsify writes
//! the package's TypeScript declarations (doc comments included), so that the types and the
//! behaviour cannot drift apart.
//!
//! Option fields are read by `deserialize_with` helpers that name the option in their errors
//! ("sentences must be a whole number of at least 1, got 2.5"); serde's derive would name only
//! the type it expected.

use serde::de::value::{MapDeserializer, SeqDeserializer};
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
    #[serde(default, deserialize_with = "sentences")]
    #[tsify(optional)]
    sentences: Option<u32>,
    /// This share of the text's sentences, above 0 and at most 1 (rounded, at least one).
    #[serde(default, deserialize_with = "ratio")]
    #[tsify(optional)]
    ratio: Option<f64>,
    /// At most this many words: a whole number, at least 1.
    #[serde(default, deserialize_with = "words")]
    #[tsify(optional)]
    words: Option<u32>,
    /// How sentences are scored. Default: "gisty".
    #[serde(default, deserialize_with = "method")]
    #[tsify(optional, type = "Method")]
    method: Option<MethodName>,
    /// The text's title, when it is not the text's first line. For `summarizeMany`, the title of
    /// every document that has none of its own.
    #[serde(default, deserialize_with = "title")]
    #[tsify(optional)]
    title: Option<String>,
    /// The text's language, as an ISO 639-1 code, or "auto" (the default): detected, for each
    /// document of `summarizeMany` on its own. A language this build does not stem (see
    /// `languages()`) is summarized as "und": words unstemmed, no stop list.
    #[serde(default, deserialize_with = "language")]
    #[tsify(optional, type = "Language | \"und\" | \"auto\"")]
    language: Option<String>,
    /// The language the text is declared in (an HTML page's `lang`, such as "fr-CA"): used
    /// when the language is detected and the text does not clearly say otherwise. A tag gisty
    /// does not know is ignored.
    #[serde(default, deserialize_with = "language_hint")]
    #[tsify(optional)]
    language_hint: Option<String>,
    /// Similarity above which a sentence repeats one already picked, from 0 to 1 (1 keeps
    /// repeats). Default: 0.5.
    #[serde(default, deserialize_with = "redundancy")]
    #[tsify(optional)]
    redundancy: Option<f64>,
    /// Whether the default method may favour the lede (the first sentences). Default: true.
    #[serde(default, deserialize_with = "position")]
    #[tsify(optional)]
    position: Option<bool>,
    /// Words to steer the summary toward ("security guarantees"): sentences with none of them
    /// keep a quarter of their score. Default: none.
    #[serde(default, deserialize_with = "focus")]
    #[tsify(optional)]
    focus: Option<String>,
}

/// A scoring method's name: one per method of the core (the conversions below match every
/// variant both ways, so neither list can gain a method the other lacks).
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
            (
                "sentences",
                self.sentences.map(|n| Length::Sentences(n as usize)),
            ),
            ("ratio", self.ratio.map(Length::Ratio)),
            ("words", self.words.map(|n| Length::Words(n as usize))),
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
        options.title = self.title;
        options.focus = self.focus;
        if let Some(l) = self.language {
            options.language = parse_language(&l)?;
        }
        options.language_hint = self.language_hint.and_then(|h| h.parse().ok());
        if let Some(r) = self.redundancy {
            options.redundancy = r;
        }
        if let Some(p) = self.position {
            options.position = p;
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
    #[serde(default, deserialize_with = "count")]
    #[tsify(optional)]
    count: Option<u32>,
    /// As in `SummarizeOptions`: a code or "auto" (the default).
    #[serde(default, deserialize_with = "language")]
    #[tsify(optional, type = "Language | \"und\" | \"auto\"")]
    language: Option<String>,
    /// As in `SummarizeOptions`.
    #[serde(default, deserialize_with = "language_hint")]
    #[tsify(optional)]
    language_hint: Option<String>,
}

/// Key phrases `keywords` returns when no count is given.
const DEFAULT_KEYWORDS: usize = 10;

impl KeywordOptions {
    /// How many phrases, and the core's options (the language).
    /// The defaults, for no options object.
    pub fn default_options() -> (usize, Options) {
        (DEFAULT_KEYWORDS, Options::default())
    }

    pub fn into_options(self) -> Result<(usize, Options), JsError> {
        let mut options = Options::default();
        if let Some(l) = self.language {
            options.language = parse_language(&l)?;
        }
        options.language_hint = self.language_hint.and_then(|h| h.parse().ok());
        let count = self.count.map_or(DEFAULT_KEYWORDS, |n| n as usize);
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
    #[serde(default, deserialize_with = "text")]
    #[tsify(type = "string")]
    pub text: Option<String>,
    #[serde(default, deserialize_with = "title")]
    #[tsify(optional)]
    pub title: Option<String>,
    /// Parts of `text` that are captions (an HTML page's `<figcaption>` and `<caption>`), as
    /// `[start, end]` UTF-16 ranges: shown and ranked like other sentences, never chosen for a
    /// summary. Plain-text captions beside a credit line are found without them.
    #[serde(default, deserialize_with = "captions")]
    #[tsify(optional, type = "ReadonlyArray<readonly [number, number]>")]
    pub captions: Option<Vec<[u32; 2]>>,
    /// When it was published: a `Date`, milliseconds since 1970, or a string `Date.parse`
    /// reads. When every document of `summarizeMany` has one, the combined summary tells the
    /// story in their order, earlier reports first.
    #[serde(default, deserialize_with = "date")]
    #[tsify(optional, type = "Date | number | string")]
    pub date: Option<i64>,
}

/// A sentence of the input with its score.
#[derive(Serialize, Tsify)]
pub struct ScoredSentence<'a> {
    /// The sentence, exactly as in the input: `input.slice(start, end) === text`.
    pub text: &'a str,
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

    fn entries(&self) -> std::vec::IntoIter<(String, Js)> {
        let entries = js_sys::Object::entries(self.value.unchecked_ref());
        let pairs: Vec<(String, Js)> = entries
            .iter()
            .map(|pair| {
                let pair: js_sys::Array = pair.unchecked_into();
                (
                    pair.get(0).as_string().unwrap_or_default(),
                    Js::new(pair.get(1)),
                )
            })
            .collect();
        pairs.into_iter()
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
        } else if let Some(s) = x.as_string() {
            v.visit_string(s)
        } else if let Some(date) = x.dyn_ref::<js_sys::Date>() {
            v.visit_f64(date.get_time())
        } else if let Some(array) = x.dyn_ref::<js_sys::Array>() {
            v.visit_seq(SeqDeserializer::new(array.iter().map(Js::new)))
        } else if x.is_object() {
            v.visit_map(MapDeserializer::new(self.entries()))
        } else {
            // A bigint, a symbol, a function: nothing an option or a document field can be.
            v.visit_map(MapDeserializer::new(std::iter::empty::<(String, Js)>()))
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
            return v.visit_map(MapDeserializer::new(self.entries()));
        }
        let object = self.value;
        let present = fields.iter().filter_map(move |&name| {
            let value = js_sys::Reflect::get(&object, &JsValue::from_str(name)).ok()?;
            (!value.is_undefined()).then(|| (name, Js::new(value)))
        });
        v.visit_map(MapDeserializer::new(present))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A value as [`Js`] reads it, for the field readers below, which say what is wrong with it.
enum Value {
    /// Undefined or null: the default.
    Missing,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Object,
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
        Ok(Value::Missing)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Missing)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Text(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Text(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<Value, A::Error> {
        // No field of these types is an object of its own: its contents are not read.
        Ok(Value::Object)
    }
}

/// A field's value: None for undefined and null (the default), else what `get` makes of it, or
/// an error naming the field and what it must be.
fn field<'de, D: Deserializer<'de>, T>(
    d: D,
    name: &str,
    expected: &str,
    get: impl FnOnce(&Value) -> Option<T>,
) -> Result<Option<T>, D::Error> {
    let value = Value::deserialize(d)?;
    if let Value::Missing = value {
        return Ok(None);
    }
    match get(&value) {
        Some(v) => Ok(Some(v)),
        None => Err(D::Error::custom(format_args!(
            "{name} must be {expected}, got {}",
            value.describe()
        ))),
    }
}

impl Value {
    fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn string(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }

    fn bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A short rendering for an error message: `"abc"`, `2.5`, `true`, `an array`.
    fn describe(&self) -> String {
        match self {
            Value::Missing => "undefined".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => describe(&JsValue::from(*n)),
            Value::Text(s) => format!("{s:?}"),
            Value::List(_) => "an array".to_string(),
            Value::Object => "an object".to_string(),
        }
    }
}

const WHOLE: &str = "a whole number of at least 1";

fn whole(v: &Value) -> Option<u32> {
    v.number()
        .filter(|n| *n >= 1.0 && n.fract() == 0.0 && *n <= u32::MAX as f64)
        .map(|n| n as u32)
}

fn sentences<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    field(d, "sentences", WHOLE, whole)
}

fn words<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    field(d, "words", WHOLE, whole)
}

fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    field(d, "count", WHOLE, whole)
}

fn ratio<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    field(d, "ratio", "a number above 0 and at most 1", Value::number)
}

fn redundancy<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    field(d, "redundancy", "a number from 0 to 1", Value::number)
}

fn position<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    field(d, "position", "true or false", Value::bool)
}

fn method<'de, D: Deserializer<'de>>(d: D) -> Result<Option<MethodName>, D::Error> {
    let expected = format!("one of {}", Method::NAMES.join(", "));
    let Some(name) = field(d, "method", &expected, Value::string)? else {
        return Ok(None);
    };
    Method::parse(&name)
        .map(|m| Some(m.into()))
        .map_err(D::Error::custom)
}

fn title<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    field(d, "title", "a string", Value::string)
}

fn focus<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    field(d, "focus", "a string", Value::string)
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    field(d, "text", "a string", Value::string)
}

fn language<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    field(
        d,
        "language",
        "\"auto\" or an ISO 639-1 code",
        Value::string,
    )
}

fn language_hint<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    field(
        d,
        "languageHint",
        "a language tag such as \"fr\" or \"pt-BR\"",
        Value::string,
    )
}

/// `[[start, end], ...]` of whole numbers, 0 <= start <= end (the end is checked against the
/// text's length where the text is at hand).
fn captions<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<[u32; 2]>>, D::Error> {
    let pairs = |v: &Value| {
        let Value::List(pairs) = v else { return None };
        pairs
            .iter()
            .map(|pair| match pair {
                Value::List(p) if p.len() == 2 => {
                    let (a, b) = (p[0].number()?, p[1].number()?);
                    let ok = |x: f64| x >= 0.0 && x.fract() == 0.0 && x <= u32::MAX as f64;
                    (ok(a) && ok(b) && a <= b).then_some([a as u32, b as u32])
                }
                _ => None,
            })
            .collect()
    };
    field(d, "captions", CAPTIONS, pairs)
}

/// What `captions` must be.
pub const CAPTIONS: &str = "an array of [start, end] pairs of whole numbers, \
                            0 <= start <= end <= the text's length";

/// A date as a `Date`, a number of milliseconds since 1970 or a string `Date.parse` reads.
fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let read = |value: &Value| {
        let ms = match value {
            Value::Number(n) => *n,
            Value::Text(s) => js_sys::Date::parse(s),
            _ => f64::NAN,
        };
        ms.is_finite().then_some(ms as i64)
    };
    field(
        d,
        "date",
        "a Date, a number of milliseconds or a date string",
        read,
    )
}

pub fn core_error(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// A short rendering of a JS value for an error message: `"abc"`, `2.5`, `true`, `an object`.
pub fn describe(v: &JsValue) -> String {
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
