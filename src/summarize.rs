//! The public entry points: options, results, `summarize` and `rank`.

use serde::Serialize;

use crate::document::{Buffers, Corpus, Kind};
use crate::error::{Error, ErrorKind, Result};
#[cfg(feature = "explain")]
use crate::explain;
use crate::explain::Explanation;
use crate::keywords::{self, Keyword};
use crate::score::concepts::{self, Concepts};
use crate::score::similarity::{self, Rows};
use crate::score::{self, Method};
use crate::select::{self, Budget};
use crate::text::detect::{self, Certainty};
use crate::text::token::{Language, Lexicons, Tokenizer};

/// How long the summary is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// At most this many sentences.
    Sentences(usize),
    /// This share of the text's sentences, in (0, 1], rounded, at least one.
    Ratio(f64),
    /// At most this many words: sentences that would overrun it are passed over.
    Words(usize),
}

impl Default for Length {
    fn default() -> Self {
        Length::Sentences(3)
    }
}

impl Length {
    /// Parses "3" (sentences), "30%" or "0.3" (a ratio) and "120w" (words).
    pub fn parse(s: &str) -> Result<Length> {
        let t = s.trim();
        let bad = || Error::new(ErrorKind::BadLength(s.to_string()));
        let len = if let Some(p) = t.strip_suffix('%') {
            let v: f64 = p.trim().parse().map_err(|_| bad())?;
            Length::Ratio(v / 100.0)
        } else if let Some(w) = t.strip_suffix(['w', 'W']) {
            Length::Words(w.trim().parse().map_err(|_| bad())?)
        } else if t.contains('.') {
            Length::Ratio(t.parse().map_err(|_| bad())?)
        } else {
            Length::Sentences(t.parse().map_err(|_| bad())?)
        };
        len.validate()?;
        Ok(len)
    }

    fn validate(&self) -> Result<()> {
        match *self {
            Length::Sentences(0) | Length::Words(0) => Err(Error::new(ErrorKind::ZeroLength)),
            Length::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(Error::new(ErrorKind::BadRatio(crate::error::number(r))))
            }
            _ => Ok(()),
        }
    }
}

/// What to summarize and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// How long the summary is. Default: 3 sentences.
    pub length: Length,
    /// How sentences are scored. Default: [`Method::Gisty`].
    pub method: Method,
    /// The text's title, when it is not the text's first line.
    pub title: Option<String>,
    /// The text's language; `None` (the default) detects it, for each document of a set on its
    /// own ([`detect_language`]). A language this build cannot stem ([`Language::is_available`])
    /// is summarized as [`Language::Undetermined`]: words unstemmed, no stop list.
    pub language: Option<Language>,
    /// The language the text is declared to be in (an HTML page's `lang`), used when the
    /// language is detected and the text does not clearly say otherwise (a short text, a
    /// close call between related languages). Default: none.
    pub language_hint: Option<Language>,
    /// Cosine similarity above which a sentence repeats one already picked and is passed over,
    /// in [0, 1]; 1 keeps repeats. Default: 0.5.
    pub redundancy: f64,
    /// Whether the default method may use the lede prior. Default: true.
    pub position: bool,
    /// Words to steer the summary toward ("security guarantees"): sentences that share none of
    /// them keep a quarter of their score. Default: none.
    pub focus: Option<String>,
    /// Whether each chosen sentence of [`summarize`] and [`summarize_many`] says why it was
    /// chosen ([`ScoredSentence::explanation`]). Default: false (then nothing is kept for it).
    /// Needs the cargo feature `explain` (a default one): without it, true is an error.
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            length: Length::default(),
            method: Method::default(),
            title: None,
            language: None,
            language_hint: None,
            redundancy: 0.5,
            position: true,
            focus: None,
            explain: false,
        }
    }
}

impl Options {
    /// Checks every option, naming the first that is out of range.
    pub fn validate(&self) -> Result<()> {
        self.length.validate()?;
        if !(0.0..=1.0).contains(&self.redundancy) {
            return Err(Error::new(ErrorKind::BadRedundancy(crate::error::number(
                self.redundancy,
            ))));
        }
        if self.explain && !cfg!(feature = "explain") {
            return Err(Error::new(ErrorKind::NoExplain));
        }
        Ok(())
    }
}

/// A sentence with its score and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredSentence {
    /// The sentence, exactly as in the input.
    pub text: String,
    /// Its index among its document's sentences (headings and boilerplate are not counted).
    pub index: usize,
    /// Its score: higher is more summary-worthy; comparable within one call only. In a combined
    /// summary by the default method, the weight of its concepts.
    pub score: f64,
    /// Byte offset of its start in its document.
    pub start: usize,
    /// Byte offset just past its end in its document.
    pub end: usize,
    /// Which document it is from: always 0 for a single text, the input's index for
    /// [`summarize_many`].
    pub doc: usize,
    /// For a sentence of [`summarize_many`]: the documents that report the same content,
    /// ascending, its own `doc` included (see [`MultiSummary::sentences`] for the rule). Empty
    /// for a single text's [`summarize`] and [`rank`], and then left out of JSON.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<usize>,
    /// Why it was chosen, when [`Options::explain`] is on (for a summary's sentences only; left
    /// out of JSON otherwise). Boxed: [`rank`] returns every sentence, and none carries one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Box<Explanation>>,
}

/// A summary: the chosen sentences in document order, and what they were chosen from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The chosen sentences, in document order.
    pub sentences: Vec<ScoredSentence>,
    /// How many sentences the text has (the candidates).
    pub total_sentences: usize,
    /// How many words the text's sentences have.
    pub total_words: usize,
    /// The language the text was summarized in: the one given, or detected;
    /// [`Language::Undetermined`] when it was neither known nor available in this build.
    pub language: Language,
}

impl Summary {
    /// Words in the summary.
    pub fn words(&self) -> usize {
        count_words(&self.sentences)
    }
}

fn count_words(sentences: &[ScoredSentence]) -> usize {
    sentences
        .iter()
        .map(|s| Tokenizer::count_words(&s.text))
        .sum()
}

/// A document: one text of several summarized together, or one text with its captions marked
/// ([`summarize_doc`], [`rank_doc`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Doc<'a> {
    /// Its text.
    pub text: &'a str,
    /// Its title, when it is not the text's first line. Without one, [`Options::title`] (a
    /// title for the whole set) is used.
    pub title: Option<&'a str>,
    /// Byte ranges of `text` that are picture captions, credits or table captions (an HTML
    /// reader's `<figcaption>` and `<caption>`), in any order, possibly overlapping. A sentence
    /// that overlaps one is a caption: it is scored and returned by [`rank`] like any other (the
    /// source view shows it), but never chosen for a summary. No sentence runs across a range's
    /// ends. Lines that read as captions in plain text ([`caption_lines`](crate::caption_lines))
    /// are captions without being marked.
    pub captions: &'a [std::ops::Range<usize>],
    /// When it was published, as any number that sorts by time (milliseconds since 1970, as
    /// JavaScript's `Date.getTime()` gives, is what the CLI and the wasm binding pass). When
    /// every document of a [`summarize_many`] call has one, the combined summary tells the
    /// story in their order: earlier reports first.
    pub date: Option<i64>,
}

impl<'a> From<&'a str> for Doc<'a> {
    fn from(text: &'a str) -> Self {
        Doc {
            text,
            ..Doc::default()
        }
    }
}

/// Two documents that say nearly the same thing (a rewrite, a syndicated copy).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    /// The earlier document's index.
    pub a: usize,
    /// The later document's index.
    pub b: usize,
    /// Their similarity, as in [`MultiSummary::similarity`].
    pub similarity: f64,
}

/// A summary of several documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MultiSummary {
    /// The chosen sentences in story order: by relative position in their document (index
    /// over the document's sentence count), then by document, then by index; so the openings
    /// of several reports come before their background, whatever document each is from. Each
    /// names its document in `doc` and its support in `support`: the documents that report the
    /// same content, its own included, ascending. A document supports a sentence when it
    /// mentions more than half of the sentence's concept weight (its word pairs and words,
    /// each weighed by how many documents mention it; see [`Method::Gisty`]), or when one of
    /// its sentences is a near paraphrase (tf-idf cosine 0.5 or more).
    pub sentences: Vec<ScoredSentence>,
    /// Pairs of documents at or above [`NEAR_DUPLICATE`] similarity, most similar first.
    pub duplicates: Vec<Duplicate>,
    /// Document similarity matrix: entry (a, b) is the mean, over both directions, of how well
    /// each sentence of one is matched by its most similar sentence of the other (tf-idf
    /// cosine), in [0, 1]. A rewrite matches sentence by sentence; two reports of one event
    /// share words but not sentences.
    pub similarity: Vec<Vec<f64>>,
    /// How many sentences the documents have (the candidates).
    pub total_sentences: usize,
    /// How many words the documents' sentences have.
    pub total_words: usize,
    /// The language each document was summarized in, by document (see [`Summary::language`]).
    pub languages: Vec<Language>,
}

impl MultiSummary {
    /// Words in the summary.
    pub fn words(&self) -> usize {
        count_words(&self.sentences)
    }
}

/// The most input summarized at once: 50 MiB (52 428 800 bytes) of text, counting every
/// document of a [`summarize_many`] call together, with their titles and the focus. Above it,
/// [`summarize`], [`summarize_many`], [`rank`], [`keywords`] and [`keywords_many`] return
/// [`ErrorKind::TooLong`] before doing any work.
///
/// Why a limit: the work is about linear in the text, but the sentence, term and graph tables
/// take several times the text's size in memory, and a browser tab (a 32-bit WebAssembly heap
/// of at most 4 GiB, often much less on phones) must not run out of memory mid-summary. On 50 MB
/// of news the native CLI peaks at 0.4 GB (3 s); on 50 MB of one-word sentences, the worst
/// case measured, at 2 GB (24 s).
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// The most documents [`summarize_many`] and [`keywords_many`] take together; more give
/// [`ErrorKind::TooManyDocuments`]. The document similarity matrix has an entry for every pair:
/// at this limit it takes 8 MB, at 20 000 documents it would take 3.2 GB.
pub const MAX_DOCUMENTS: usize = 1000;

/// Checks the options and the input's size, before any work is done.
fn check(docs: &[Doc<'_>], options: &Options) -> Result<()> {
    options.validate()?;
    if docs.len() > MAX_DOCUMENTS {
        return Err(Error::new(ErrorKind::TooManyDocuments {
            docs: docs.len(),
            limit: MAX_DOCUMENTS,
        }));
    }
    let extra = options.title.as_ref().map_or(0, String::len)
        + options.focus.as_ref().map_or(0, String::len);
    let bytes = docs
        .iter()
        .map(|d| d.text.len() + d.title.map_or(0, str::len))
        .fold(extra, usize::saturating_add);
    if bytes > MAX_INPUT_BYTES {
        return Err(Error::new(ErrorKind::TooLong {
            bytes,
            limit: MAX_INPUT_BYTES,
        }));
    }
    Ok(())
}

/// Document similarity at or above which two documents are reported as near duplicates. On the
/// five sample articles about one event, two rewrites of each other score about 0.47 and every
/// other pair at most 0.22.
pub const NEAR_DUPLICATE: f64 = 0.35;

/// The language of `text`, as [`Summary::language`] reports it: from a bounded sample of its
/// start (see the README's Languages section for the cost), [`Language::Undetermined`] when
/// unsure or when gisty does not know the language. This build may not stem what it detects
/// ([`Language::is_available`]): summaries then use [`Language::Undetermined`].
pub fn detect_language(text: &str) -> Language {
    detect::detect(text).language
}

/// The language one document is summarized in: the given one, else the detected one (a hint
/// wins over a detection that is not clear), as this build has it.
fn language_of(text: &str, options: &Options) -> Language {
    let chosen = match options.language {
        Some(l) => l,
        None => {
            let found = detect::detect(text);
            match options.language_hint {
                Some(hint)
                    if hint != Language::Undetermined && found.certainty < Certainty::Clear =>
                {
                    hint
                }
                _ => found.language,
            }
        }
    };
    chosen.in_this_build()
}

/// A corpus of `docs`, each in its own language; `title` is the title of documents without
/// their own. The corpus takes what `engine` keeps: give it back when done ([`Engine::keep`]).
fn corpus_of(
    docs: &[Doc<'_>],
    options: &Options,
    title: Option<&str>,
    engine: &mut Engine,
) -> Corpus {
    let languages: Vec<Language> = docs.iter().map(|d| language_of(d.text, options)).collect();
    let first = languages.first().copied().unwrap_or(Language::English);
    let tokenizer = Tokenizer::with_lexicons(first, std::mem::take(&mut engine.lexicons));
    let mut corpus = Corpus::new(tokenizer, std::mem::take(&mut engine.buffers));
    for (d, &language) in docs.iter().zip(&languages) {
        corpus.add(d.text, d.title.or(title), d.captions, language);
    }
    // The focus and the title of the set are read in the first document's language.
    corpus.tokenizer.set_language(first);
    corpus
}

struct Ranked {
    corpus: Corpus,
    scored: score::Scored,
    budget: Budget,
    /// When explaining: each sentence's words as concepts were cut from them; else empty.
    #[cfg(feature = "explain")]
    streams: Vec<Vec<u32>>,
    /// When explaining: the focus terms; else empty.
    #[cfg(feature = "explain")]
    focus: Vec<u32>,
    #[cfg(feature = "explain")]
    method: Method,
}

fn rank_docs(docs: &[Doc<'_>], options: &Options, engine: &mut Engine) -> Result<Ranked> {
    check(docs, options)?;
    let mut corpus = corpus_of(docs, options, options.title.as_deref(), engine);
    let focus = match &options.focus {
        Some(f) => corpus.tokenizer.terms(f),
        None => Vec::new(),
    };
    let n = corpus.sentences.len();
    let (budget, expected) = match options.length {
        Length::Sentences(k) => (Budget::Sentences(k), k as f64),
        Length::Ratio(r) => {
            let k = ((r * n as f64).round() as usize).max(1);
            (Budget::Sentences(k), k as f64)
        }
        Length::Words(w) => {
            let total: usize = corpus.sentences.iter().map(|s| s.words).sum();
            let avg = total as f64 / n.max(1) as f64;
            (Budget::Words(w), w as f64 / avg.max(1.0))
        }
    };
    let streams = if options.method == Method::Gisty && docs.len() > 1 {
        let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
        concepts::word_streams(&mut corpus, &texts)
    } else {
        Vec::new()
    };
    let ctx = score::Context {
        method: options.method,
        budget: expected,
        position: options.position,
        focus,
        streams,
        explain: options.explain,
    };
    let scored = score::score(&corpus, &ctx);
    #[cfg(feature = "explain")]
    let (streams, focus) = if options.explain {
        (ctx.streams, ctx.focus)
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(Ranked {
        corpus,
        scored,
        budget,
        #[cfg(feature = "explain")]
        streams,
        #[cfg(feature = "explain")]
        focus,
        #[cfg(feature = "explain")]
        method: options.method,
    })
}

impl Ranked {
    fn sentence(&self, docs: &[Doc<'_>], i: usize) -> ScoredSentence {
        let s = &self.corpus.sentences[i];
        ScoredSentence {
            text: docs[s.doc].text[s.span.clone()].to_string(),
            index: s.index,
            score: self.scored.scores[i],
            start: s.span.start,
            end: s.span.end,
            doc: s.doc,
            support: Vec::new(),
            explanation: None,
        }
    }

    fn words(&self) -> Vec<usize> {
        self.corpus.sentences.iter().map(|s| s.words).collect()
    }

    /// The chosen sentences: by concept coverage in story order (see
    /// [`MultiSummary::sentences`]) with the default method on several documents, else in
    /// corpus order (by document, then position). `doc_similarity` is empty for a single
    /// document; with several, selection also looks for facts told again in other words (see
    /// [`select::select`]).
    fn select(
        &mut self,
        docs: &[Doc<'_>],
        redundancy: f64,
        doc_similarity: &[Vec<f64>],
    ) -> Vec<ScoredSentence> {
        // A constant false without the feature: the explaining code is then left out.
        #[cfg(feature = "explain")]
        let explaining = self.scored.trace.is_some();
        #[cfg(not(feature = "explain"))]
        let explaining = false;
        let mut repeats: select::Repeats = if explaining {
            vec![None; self.corpus.sentences.len()]
        } else {
            Vec::new()
        };
        let trace = explaining.then_some(&mut repeats);
        let doc_of: Vec<usize> = self.corpus.sentences.iter().map(|s| s.doc).collect();
        let pool = select::Pool {
            scores: &self.scored.scores,
            vectors: &self.scored.vectors,
            docs: &doc_of,
            doc_similarity,
            words: &self.words(),
        };
        let novelty = docs.len() > 1;
        let candidates = self.candidates();
        let picked = match (&self.scored.concepts, candidates) {
            (Some(concepts), keep) => {
                let allowed = keep.map(|keep| {
                    let mut allowed = vec![false; self.corpus.sentences.len()];
                    for i in keep {
                        allowed[i] = true;
                    }
                    allowed
                });
                let mut picked = select::cover(
                    &pool,
                    concepts,
                    self.budget,
                    redundancy,
                    shape(),
                    allowed.as_deref(),
                    trace,
                );
                story_order(&mut picked, &self.corpus, docs);
                picked
            }
            (None, None) => select::select(&pool, self.budget, redundancy, novelty, trace),
            (None, Some(keep)) => {
                let scores: Vec<f64> = keep.iter().map(|&i| pool.scores[i]).collect();
                let rows = keep.iter().map(|&i| pool.vectors.row(i));
                let mut vectors =
                    Rows::with_capacity(keep.len(), rows.clone().map(<[_]>::len).sum());
                for row in rows {
                    vectors.push_row(row.iter().copied());
                }
                let docs_of: Vec<usize> = keep.iter().map(|&i| pool.docs[i]).collect();
                let words: Vec<usize> = keep.iter().map(|&i| pool.words[i]).collect();
                let sub = select::Pool {
                    scores: &scores,
                    vectors: &vectors,
                    docs: &docs_of,
                    words: &words,
                    ..pool
                };
                let mut sub_repeats: select::Repeats = if explaining {
                    vec![None; keep.len()]
                } else {
                    Vec::new()
                };
                let picked = select::select(
                    &sub,
                    self.budget,
                    redundancy,
                    novelty,
                    trace.is_some().then_some(&mut sub_repeats),
                );
                if let Some(t) = trace {
                    for (k, r) in sub_repeats.into_iter().enumerate() {
                        t[keep[k]] = r.map(|(p, x)| (keep[p], x));
                    }
                }
                picked.iter().map(|&k| keep[k]).collect()
            }
        };
        #[cfg_attr(not(feature = "explain"), allow(unused_mut))]
        let mut out: Vec<ScoredSentence> = picked.iter().map(|&i| self.sentence(docs, i)).collect();
        #[cfg(feature = "explain")]
        if explaining {
            let allowed = match self.candidates() {
                Some(keep) => {
                    let mut a = vec![false; self.corpus.sentences.len()];
                    keep.into_iter().for_each(|i| a[i] = true);
                    a
                }
                None => vec![true; self.corpus.sentences.len()],
            };
            let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
            let explained = explain::explain(explain::Made {
                corpus: &mut self.corpus,
                scored: &self.scored,
                method: self.method,
                streams: &self.streams,
                texts: &texts,
                focus: &self.focus,
                picked: &picked,
                repeats: &repeats,
                candidate: &|i| allowed[i],
            });
            for (s, e) in out.iter_mut().zip(explained) {
                s.explanation = Some(Box::new(e));
            }
        }
        out
    }

    /// The sentences a summary may choose, when not all: prose, never captions, and quotation
    /// fragments only when there is no prose (see [`Kind`]).
    fn candidates(&self) -> Option<Vec<usize>> {
        let sents = &self.corpus.sentences;
        if sents.iter().all(|s| s.kind == Kind::Prose) {
            return None;
        }
        let prose = sents.iter().any(|s| s.kind == Kind::Prose);
        let allowed = |k: Kind| k == Kind::Prose || (!prose && k == Kind::Fragment);
        Some(
            (0..sents.len())
                .filter(|&i| allowed(sents[i].kind))
                .collect(),
        )
    }
}

/// Concept coverage divides a sentence's gain by its words to this power. Per word (1) favours
/// short sentences that each hold one shared phrase; ignoring length (0) favours long ones
/// that hold many. In between, sentences of middling length win, which is how reports tell
/// their facts.
const LENGTH_EXPONENT: f64 = 0.3;
/// Concept coverage never picks a sentence under this many words (unless none is longer):
/// datelines, captions and lone quotes hold shared phrases but tell no fact.
const MIN_WORDS: usize = 10;

/// What sentences concept coverage prefers.
fn shape() -> select::Shape {
    select::Shape {
        length_exponent: LENGTH_EXPONENT,
        min_words: MIN_WORDS,
    }
}

/// Sorts corpus indices into story order: by relative position in their documents (index over
/// the document's sentence count), then by document, then by index. Each report opens with
/// what happened and ends with background or reaction, so sentences from the openings of
/// several reports come first whatever document they are from, rather than one document's
/// whole share, then the next's.
///
/// When every document has a date, the reports come in their order in time first (documents of
/// one date interleaved as above): a story told as it unfolded. A date missing anywhere leaves
/// dates out, since an undated report has no place in time.
fn story_order(picked: &mut [usize], corpus: &Corpus, docs: &[Doc<'_>]) {
    let dated = docs.iter().all(|d| d.date.is_some());
    let date = |doc: usize| if dated { docs[doc].date } else { None };
    let key = |i: usize| {
        let s = &corpus.sentences[i];
        let len = corpus.docs[s.doc].sentences.len().max(1) as u128;
        (date(s.doc), s.index as u128, len, s.doc, s.index)
    };
    crate::sort::sort_by(picked, |&a, &b| {
        let (ta, ia, la, da, xa) = key(a);
        let (tb, ib, lb, db, xb) = key(b);
        ta.cmp(&tb)
            .then((ia * lb).cmp(&(ib * la)))
            .then(da.cmp(&db))
            .then(xa.cmp(&xb))
    });
}

/// A summarizer that keeps what it learns about words from one call to the next: each word's
/// stem, or that it is a stop word, by language. Stemming is most of the cost of reading a text,
/// and the words of one news article are mostly those of the last, so a reader's second article
/// (or the same text at another length) costs less than the first. What is kept changes no
/// result: a summary is the same from a fresh engine, a used one, or the functions
/// [`summarize`], [`summarize_many`], [`rank`] and [`keywords`], which use a fresh engine each
/// call (no state is kept anywhere but in an engine).
///
/// Memory is bounded: an engine keeps at most four languages' lexicons, the most recently used,
/// and a lexicon that grew past 65 536 words in one call (a book, a word list) is dropped after
/// it. [`Engine::lexicon_bytes`] says what the lexicons hold: after every article of the dev
/// sets and the samples (16 K English words), under 1 MB. Beside them it keeps the segmenter's
/// buffers of its last call, if that call's text was at most 1 MB (they grow with the text). An
/// engine is `Send`: one per thread for work in parallel.
///
/// ```
/// use gisty::{Engine, Options};
///
/// let mut engine = Engine::new();
/// let text = "The talks ended in Miami. Both sides called them useful. A new round is set.";
/// let first = engine.summarize(text, &Options::default()).unwrap();
/// let again = engine.summarize(text, &Options::default()).unwrap();
/// assert_eq!(first, again);
/// assert!(engine.lexicon_words() > 0);
/// ```
#[derive(Default)]
pub struct Engine {
    lexicons: Lexicons,
    buffers: Buffers,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("lexicon_words", &self.lexicon_words())
            .field("lexicon_bytes", &self.lexicon_bytes())
            .finish()
    }
}

impl Engine {
    /// An engine that knows no word yet.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// An engine for batch work: a lexicon it makes has room for `words` distinct words (at
    /// most 65 536, the most a lexicon is kept with) before its tables grow. A batch's lexicon
    /// grows to thousands of words (8 655 after the 100 CNN/DailyMail dev articles); from the
    /// few a table starts with, it would double its tables a dozen times on the way, placing
    /// every word again and copying its lists each time. The room costs about 48 bytes a
    /// word, taken when the lexicon is made. Native builds only: the WebAssembly build has no
    /// batch engine, and is held to a size budget.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_lexicon_room(words: usize) -> Engine {
        Engine {
            lexicons: Lexicons::with_room(words),
            buffers: Buffers::default(),
        }
    }

    /// How many words the engine's lexicons hold.
    pub fn lexicon_words(&self) -> usize {
        self.lexicons.words()
    }

    /// The heap bytes the engine's lexicons hold between calls.
    pub fn lexicon_bytes(&self) -> usize {
        self.lexicons.bytes()
    }

    /// Forgets every word: the next call costs what a fresh engine's first does.
    pub fn clear(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            *self = Engine::with_lexicon_room(self.lexicons.room());
        }
        #[cfg(target_arch = "wasm32")]
        {
            *self = Engine::default();
        }
    }

    /// Takes back from `corpus`, made of `docs`, what the engine keeps between calls (out of
    /// line: one copy for every kind of call).
    #[inline(never)]
    fn keep(&mut self, corpus: &mut Corpus, docs: &[Doc<'_>]) {
        self.lexicons = corpus.tokenizer.give_back();
        if docs.iter().map(|d| d.text.len()).sum::<usize>() <= Buffers::KEPT_AFTER_BYTES {
            self.buffers = std::mem::take(&mut corpus.buffers);
        }
    }

    /// As [`summarize`].
    pub fn summarize(&mut self, text: &str, options: &Options) -> Result<Summary> {
        self.summarize_doc(Doc::from(text), options)
    }

    /// As [`summarize_doc`].
    pub fn summarize_doc(&mut self, doc: Doc<'_>, options: &Options) -> Result<Summary> {
        let docs = [doc];
        let mut r = rank_docs(&docs, options, self)?;
        let summary = Summary {
            sentences: r.select(&docs, options.redundancy, &[]),
            total_sentences: r.corpus.sentences.len(),
            total_words: r.words().iter().sum(),
            language: r.corpus.docs[0].language,
        };
        self.keep(&mut r.corpus, &docs);
        Ok(summary)
    }

    /// As [`summarize_many`].
    pub fn summarize_many(&mut self, docs: &[Doc<'_>], options: &Options) -> Result<MultiSummary> {
        let mut r = rank_docs(docs, options, self)?;
        let summary = combined(&mut r, docs, options);
        self.keep(&mut r.corpus, docs);
        Ok(summary)
    }

    /// As [`rank`].
    pub fn rank(&mut self, text: &str, options: &Options) -> Result<Vec<ScoredSentence>> {
        self.rank_doc(Doc::from(text), options)
    }

    /// As [`rank_doc`].
    pub fn rank_doc(&mut self, doc: Doc<'_>, options: &Options) -> Result<Vec<ScoredSentence>> {
        let docs = [doc];
        let mut r = rank_docs(&docs, options, self)?;
        let ranked = (0..r.corpus.sentences.len())
            .map(|i| r.sentence(&docs, i))
            .collect();
        self.keep(&mut r.corpus, &docs);
        Ok(ranked)
    }

    /// As [`keywords`].
    pub fn keywords(&mut self, text: &str, n: usize, options: &Options) -> Result<Vec<Keyword>> {
        self.keywords_many(&[Doc::from(text)], n, options)
    }

    /// As [`keywords_many`].
    pub fn keywords_many(
        &mut self,
        docs: &[Doc<'_>],
        n: usize,
        options: &Options,
    ) -> Result<Vec<Keyword>> {
        check(docs, options)?;
        let mut corpus = corpus_of(docs, options, None, self);
        let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
        let keys = keywords::extract(&mut corpus, &texts, n);
        self.keep(&mut corpus, docs);
        Ok(keys)
    }
}

/// Summarizes `text`: the best sentences within `options.length`, in document order.
///
/// Text without sentences gives an empty summary; only invalid options and a text above
/// [`MAX_INPUT_BYTES`] are errors. A fresh [`Engine`] each call: to summarize many texts, hold
/// one.
pub fn summarize(text: &str, options: &Options) -> Result<Summary> {
    Engine::new().summarize(text, options)
}

/// Summarizes several documents about one subject together. With the default method (and two
/// or more documents), by concept coverage: the summary is the set of sentences, within the
/// length, that together mention the most weight of concepts (pairs of consecutive words, and
/// words), each weighed by how many documents mention it, so what several reports agree on wins
/// and a fact told twice counts once; the focus raises the weight of concepts with its words.
/// With the other methods, centrality is computed over all the sentences, and a repeat across
/// documents is passed over. `options.length` applies to the whole summary (a ratio, to all
/// sentences together). The sentences come in story order, each with its support (see
/// [`MultiSummary::sentences`]).
///
/// More than [`MAX_DOCUMENTS`] documents, or more than [`MAX_INPUT_BYTES`] of text in all, are
/// errors.
pub fn summarize_many(docs: &[Doc<'_>], options: &Options) -> Result<MultiSummary> {
    Engine::new().summarize_many(docs, options)
}

/// The combined summary of several ranked documents.
fn combined(r: &mut Ranked, docs: &[Doc<'_>], options: &Options) -> MultiSummary {
    let doc_of: Vec<usize> = r.corpus.sentences.iter().map(|s| s.doc).collect();
    let (graph, similarity) = match r.scored.multi.take() {
        Some(m) => (m.graph, m.similarity),
        // One document (or none): no pair to compare.
        None => (
            similarity::cosine_graph(&r.scored.vectors, r.corpus.tokenizer.vocab_len(), 0.0),
            vec![vec![1.0]; docs.len()],
        ),
    };
    let mut duplicates = Vec::new();
    for (a, row) in similarity.iter().enumerate() {
        for (b, &sim) in row.iter().enumerate().skip(a + 1) {
            if sim >= NEAR_DUPLICATE {
                duplicates.push(Duplicate {
                    a,
                    b,
                    similarity: sim,
                });
            }
        }
    }
    crate::sort::sort_by(&mut duplicates, |x, y| {
        y.similarity.total_cmp(&x.similarity)
    });
    let mut sentences = r.select(docs, options.redundancy, &similarity);
    let own;
    let concepts = match &r.scored.concepts {
        Some(c) => c,
        None => {
            own = Concepts::new(
                &r.corpus,
                &concepts::Weighting {
                    focus: &[],
                    position: false,
                    streams: &[],
                    explain: false,
                },
            );
            &own
        }
    };
    let mut held = vec![0.0f64; docs.len()];
    for s in &mut sentences {
        let i = r.corpus.docs[s.doc].sentences.start + s.index;
        s.support = concepts.support(i, &graph, &doc_of, &mut held);
    }
    MultiSummary {
        sentences,
        duplicates,
        similarity,
        total_sentences: r.corpus.sentences.len(),
        total_words: r.words().iter().sum(),
        languages: r.corpus.docs.iter().map(|d| d.language).collect(),
    }
}

/// Summarizes one document with its captions marked ([`Doc::captions`]): as [`summarize`], which
/// is this with no captions marked.
pub fn summarize_doc(doc: Doc<'_>, options: &Options) -> Result<Summary> {
    Engine::new().summarize_doc(doc, options)
}

/// Every sentence of `text` with its score, in document order; captions included (they are
/// shown, never chosen).
pub fn rank(text: &str, options: &Options) -> Result<Vec<ScoredSentence>> {
    rank_doc(Doc::from(text), options)
}

/// Every sentence of one document with its captions marked ([`Doc::captions`]), as [`rank`].
pub fn rank_doc(doc: Doc<'_>, options: &Options) -> Result<Vec<ScoredSentence>> {
    Engine::new().rank_doc(doc, options)
}

/// The top `n` key phrases of `text` (see [`Keyword`]); `options` gives the language (or the
/// hint), as for [`summarize`].
pub fn keywords(text: &str, n: usize, options: &Options) -> Result<Vec<Keyword>> {
    keywords_many(&[Doc::from(text)], n, options)
}

/// The top `n` key phrases of several documents together; phrases used by several documents
/// rank higher.
pub fn keywords_many(docs: &[Doc<'_>], n: usize, options: &Options) -> Result<Vec<Keyword>> {
    Engine::new().keywords_many(docs, n, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_parsing() {
        assert_eq!(Length::parse("3").unwrap(), Length::Sentences(3));
        assert_eq!(Length::parse("30%").unwrap(), Length::Ratio(0.3));
        assert_eq!(Length::parse("0.25").unwrap(), Length::Ratio(0.25));
        assert_eq!(Length::parse("120w").unwrap(), Length::Words(120));
        for bad in ["0", "0w", "0%", "150%", "1.5", "abc", "", "-3", "NaN"] {
            assert!(Length::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_text_is_an_empty_summary() {
        let s = summarize("", &Options::default()).unwrap();
        assert!(s.sentences.is_empty());
        assert_eq!(s.total_sentences, 0);
        assert!(summarize("  \n\n #tag #tag2 \n", &Options::default())
            .unwrap()
            .sentences
            .is_empty());
    }

    #[test]
    fn explaining_needs_the_feature() {
        let o = Options {
            explain: true,
            ..Options::default()
        };
        let got = summarize("One sentence here. And another one.", &o);
        if cfg!(feature = "explain") {
            assert!(got.unwrap().sentences[0].explanation.is_some());
        } else {
            let e = got.unwrap_err();
            assert_eq!(e.kind(), &ErrorKind::NoExplain, "{e}");
        }
    }

    #[test]
    fn invalid_options_are_errors() {
        let o = Options {
            length: Length::Ratio(0.0),
            ..Options::default()
        };
        let e = summarize("A sentence.", &o).unwrap_err();
        assert!(e.to_string().contains("ratio"), "{e}");
        let o = Options {
            redundancy: 2.0,
            ..Options::default()
        };
        assert!(summarize("A sentence.", &o).is_err());
    }
}
