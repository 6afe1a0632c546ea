//! Scoring: every candidate sentence gets a score from one or more signals.
//!
//! Signals live one per file (centrality, position, title); this module combines them per
//! [`Method`]. The default combination is budget-aware: for a short summary of a long article
//! the writer's lede is the best bet (news is an inverted pyramid), while a long summary should
//! cover what the whole text keeps returning to, which graph centrality measures.

pub(crate) mod centrality;
pub(crate) mod concepts;
pub(crate) mod focus;
pub(crate) mod position;
pub(crate) mod similarity;
pub(crate) mod title;

use crate::document::Corpus;
use crate::error::{Error, ErrorKind, Result};
use similarity::Rows;

/// How sentences are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Method {
    /// The default. For one text: lede position, tf-idf centrality and title overlap, weighted
    /// by how much of the text the summary keeps. For several documents summarized together:
    /// concept coverage, the sentences that together carry the most of what several documents
    /// report (see [`crate::summarize_many`]).
    #[default]
    Gisty,
    /// LexRank (Erkan & Radev 2004): PageRank over tf-idf cosine similarity.
    LexRank,
    /// TextRank (Mihalcea & Tarau 2004): PageRank over word overlap normalized by log length.
    /// Favours long sentences central to the text: best for long summaries of non-news text.
    TextRank,
    /// The first sentences, in order (the classic LEAD baseline).
    Lead,
}

impl Method {
    /// The names [`Method::parse`] accepts.
    pub const NAMES: &'static [&'static str] = &["gisty", "lexrank", "textrank", "lead"];

    /// Parses a method name, case-insensitively.
    pub fn parse(s: &str) -> Result<Method> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gisty" | "default" => Ok(Method::Gisty),
            "lexrank" => Ok(Method::LexRank),
            "textrank" => Ok(Method::TextRank),
            "lead" => Ok(Method::Lead),
            _ => Err(Error::new(ErrorKind::UnknownMethod(s.to_string()))),
        }
    }

    /// The method's name, as [`Method::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Method::Gisty => "gisty",
            Method::LexRank => "lexrank",
            Method::TextRank => "textrank",
            Method::Lead => "lead",
        }
    }
}

/// What scoring needs beyond the corpus.
pub(crate) struct Context {
    pub method: Method,
    /// How many sentences the summary will hold, roughly (for word budgets, an estimate).
    pub budget: f64,
    /// Whether the lede prior may be used (off to measure content signals alone).
    pub position: bool,
    /// Terms to steer toward; empty for none.
    pub focus: Vec<u32>,
    /// With the default method on several documents: each sentence's words, stop words
    /// included (see [`concepts::word_streams`]); else empty.
    pub streams: Vec<Vec<u32>>,
    /// Whether to keep what each score was made of ([`Trace`]).
    pub explain: bool,
}

/// Scores and the vectors selection needs to spot repeats.
pub(crate) struct Scored {
    pub scores: Vec<f64>,
    /// Each sentence's L2-normalized tf-idf vector, one row each.
    pub vectors: Rows,
    /// With the default method on several documents: the concepts selection covers (see
    /// [`concepts`]); then each score is what its sentence's concepts weigh together.
    pub concepts: Option<concepts::Concepts>,
    /// With several documents: how their sentences and they themselves are alike.
    pub multi: Option<Multi>,
    /// What each score was made of, when explaining (see [`Context::explain`]).
    #[cfg(feature = "explain")]
    pub trace: Option<Trace>,
}

/// What the scorer computed on the way to each score, one entry a sentence, kept only when a
/// summary is explained: the explanation reports these numbers rather than recomputing them.
#[derive(Default)]
pub(crate) struct Trace {
    /// The default method's parts (empty for the other methods and for concept coverage).
    pub parts: Vec<Parts>,
    /// Centrality (PageRank, scaled to a mean of 1) with LexRank, TextRank and the default
    /// method on one text; empty otherwise.
    pub centrality: Vec<f64>,
    /// When the focus changed the scores: each score before it, and each sentence's relevance
    /// to it (relative to the most relevant sentence, in [0, 1]).
    pub focus: Option<(Vec<f64>, Vec<f64>)>,
}

/// One sentence's score by the default method on one text, in the parts it is made of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts {
    /// The lede prior ([`position::lede`]).
    pub lede: f64,
    /// The lede prior's weight (0 when the summary is about coverage or position is off).
    pub w_pos: f64,
    /// Centrality over the largest.
    pub centrality: f64,
    /// Title overlap ([`title::overlap`]) as computed, and over the largest.
    #[cfg_attr(not(feature = "explain"), allow(dead_code))]
    pub title_raw: f64,
    pub title: f64,
    /// Title overlap's weight in the content score (0 without a title or headings).
    pub title_w: f64,
    /// The damping of short and of long sentences.
    pub short: f64,
    pub long: f64,
}

impl Parts {
    /// The score: the one formula the scorer and the explanation share.
    pub fn score(&self) -> f64 {
        let content = (1.0 - self.title_w) * self.centrality + self.title_w * self.title;
        (self.w_pos * self.lede + (1.0 - self.w_pos) * content) * self.short * self.long
    }

    /// The score as a sum: what the lede, centrality and title overlap each bring, in that
    /// order (a sum that equals [`Parts::score`] up to rounding).
    #[cfg_attr(not(feature = "explain"), allow(dead_code))]
    pub fn split(&self) -> [f64; 3] {
        let damp = self.short * self.long;
        let content = 1.0 - self.w_pos;
        [
            self.w_pos * self.lede * damp,
            content * (1.0 - self.title_w) * self.centrality * damp,
            content * self.title_w * self.title * damp,
        ]
    }
}

/// How the sentences and documents of several documents are alike.
pub(crate) struct Multi {
    /// Every sentence's most similar sentences, by tf-idf cosine.
    pub graph: similarity::Graph,
    /// See [`similarity::document_similarity`].
    pub similarity: Vec<Vec<f64>>,
}

/// Whether to keep a trace: a constant false without the cargo feature `explain`, so that the
/// tracing code is left out of such a build.
fn explaining(ctx: &Context) -> bool {
    cfg!(feature = "explain") && ctx.explain
}

/// LexRank's similarity threshold: weaker links are noise.
const LEXRANK_THRESHOLD: f64 = 0.1;

pub(crate) fn score(corpus: &Corpus, ctx: &Context) -> Scored {
    let sents = &corpus.sentences;
    let vocab = corpus.tokenizer.vocab_len();
    let bags: Vec<&[u32]> = (0..sents.len()).map(|i| corpus.terms(i)).collect();
    let idf = similarity::idf(&bags, vocab);
    let vectors = similarity::tfidf(&bags, &idf);
    let n = sents.len();
    let multi = (corpus.docs.len() > 1).then(|| {
        let graph = similarity::cosine_graph(&vectors, vocab, 0.0);
        let doc_of: Vec<usize> = sents.iter().map(|s| s.doc).collect();
        let similarity = similarity::document_similarity(&graph, &doc_of, corpus.docs.len());
        Multi { graph, similarity }
    });
    if ctx.method == Method::Gisty && multi.is_some() {
        let mut focus = ctx.focus.clone();
        crate::sort::sort(&mut focus);
        focus.dedup();
        let c = concepts::Concepts::new(
            corpus,
            &concepts::Weighting {
                focus: &focus,
                position: ctx.position,
                streams: &ctx.streams,
                explain: explaining(ctx),
            },
        );
        return Scored {
            scores: (0..n).map(|i| c.value(i)).collect(),
            vectors,
            concepts: Some(c),
            multi,
            #[cfg(feature = "explain")]
            trace: explaining(ctx).then(Trace::default),
        };
    }
    let mut trace = explaining(ctx).then(Trace::default);
    let scores = match ctx.method {
        Method::Lead => sents.iter().map(|s| 1.0 / (1.0 + s.index as f64)).collect(),
        Method::LexRank => graph_rank(
            corpus,
            similarity::cosine_graph(&vectors, vocab, LEXRANK_THRESHOLD),
        ),
        Method::TextRank => {
            // A sentence's vector holds its distinct terms, sorted: its term set.
            let mut sets = Rows::with_capacity(n, vectors.entries());
            for v in vectors.iter() {
                sets.push_row(v.iter().map(|&(t, _)| (t, 1.0)));
            }
            graph_rank(corpus, similarity::overlap_graph(&sets, vocab))
        }
        Method::Gisty => gisty(corpus, ctx, &vectors, vocab, n, trace.as_mut()),
    };
    if let Some(t) = trace.as_mut() {
        if matches!(ctx.method, Method::LexRank | Method::TextRank) {
            t.centrality = scores.clone();
        }
        t.focus = Some((scores.clone(), Vec::new()));
    }
    let mut relevance = Vec::new();
    let steered = focus::steer(
        scores,
        &bags,
        &ctx.focus,
        &idf,
        trace.is_some().then_some(&mut relevance),
    );
    if let Some(t) = trace.as_mut() {
        // Kept only when the focus changed the scores.
        match &mut t.focus {
            Some((_, r)) if !relevance.is_empty() => *r = relevance,
            _ => t.focus = None,
        }
    }
    Scored {
        scores: steered,
        vectors,
        concepts: None,
        multi,
        #[cfg(feature = "explain")]
        trace,
    }
}

/// Weight of an edge between two sentences of the same document, when several documents are
/// summarized together: what other sources confirm is the story, while a text that keeps
/// repeating its own phrases (as search-engine-minded copy does) should not make itself central.
const SAME_DOC_WEIGHT: f64 = 0.3;

/// Centrality over `graph`, with same-document edges damped when the corpus has several
/// documents.
fn graph_rank(corpus: &Corpus, mut graph: similarity::Graph) -> Vec<f64> {
    if corpus.docs.len() > 1 {
        let sents = &corpus.sentences;
        for i in 0..graph.len() {
            for (j, w) in graph.row_mut(i) {
                if sents[*j as usize].doc == sents[i].doc {
                    *w *= SAME_DOC_WEIGHT as similarity::Weight;
                }
            }
        }
    }
    centrality::pagerank(graph)
}

/// Cosine below which two sentences are not linked in the default method's graph, on the
/// tightest budget: lower than LexRank's, since the default also weighs position and title. The
/// threshold falls with the tightness (see [`gisty`]) to none once the summary is about coverage:
/// the weak links are what a long summary's coverage rests on (a 40% summary of a BBC article
/// keeps a sentence that shares a few words with many others).
const GISTY_THRESHOLD: f64 = 0.05;
/// Weight of title overlap in the content score, when the text has a title or headings.
const TITLE_WEIGHT: f64 = 0.3;
/// The lede prior halves every this many sentences.
const LEDE_HALF_LIFE: f64 = 3.0;
/// From this share of the text kept on, the summary is about coverage and the lede no longer
/// counts.
const COVERAGE_FRACTION: f64 = 0.5;
/// Sentences shorter than this many words are damped: fragments rarely stand alone.
const SHORT_WORDS: f64 = 8.0;
/// Sentences longer than this many words are damped on tight budgets, where every word spent
/// on one sentence is a word not spent on another.
const LONG_WORDS: f64 = 30.0;
/// How hard long sentences are damped on the tightest budget.
const LONG_EXPONENT: f64 = 1.5;

/// The default method. Tightness t = 1 - (share of the text kept) / COVERAGE_FRACTION, clamped
/// to [0, 1], sets the mix: score = (t * lede + (1 - t) * content) * short * long^(1.5 t), where
/// content is normalized centrality (over a graph that keeps links above GISTY_THRESHOLD * t)
/// blended with title overlap. A three-sentence summary of a
/// thirty-sentence article (t = 0.8) leans on the lede and on concise sentences; keeping 40% of
/// the text (t = 0.2) leans on centrality.
fn gisty(
    corpus: &Corpus,
    ctx: &Context,
    vectors: &Rows,
    vocab: usize,
    n: usize,
    trace: Option<&mut Trace>,
) -> Vec<f64> {
    let sents = &corpus.sentences;
    let kept = (ctx.budget / n.max(1) as f64).clamp(0.0, 1.0);
    let tight = (1.0 - kept / COVERAGE_FRACTION).max(0.0);
    let cent = graph_rank(
        corpus,
        similarity::cosine_graph(vectors, vocab, GISTY_THRESHOLD * tight),
    );
    let references: Vec<(Vec<u32>, Vec<u32>)> = corpus
        .docs
        .iter()
        .map(|d| {
            (
                similarity::term_set(&d.title),
                similarity::term_set(&d.headings),
            )
        })
        .collect();
    // A sentence's vector holds its distinct terms, sorted: its term set, already made.
    let longest = vectors.iter().map(|v| v.len()).max().unwrap_or(0);
    let mut set: Vec<u32> = Vec::with_capacity(longest);
    let titles: Vec<f64> = sents
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (title, headings) = &references[s.doc];
            // No title and no headings (most articles given as bare text): no overlap, and no
            // term set to make for it.
            if title.is_empty() && headings.is_empty() {
                return 0.0;
            }
            set.clear();
            set.extend(vectors.row(i).iter().map(|e| e.0));
            title::overlap(&set, title, headings)
        })
        .collect();
    let max_c = cent.iter().cloned().fold(0.0, f64::max);
    let max_t = titles.iter().cloned().fold(0.0, f64::max);
    let title_w = if max_t > 0.0 { TITLE_WEIGHT } else { 0.0 };
    let sources = corpus.docs.len().max(1) as f64;
    // Several sources bring several ledes for the same few places, and what the sources agree
    // on says more than any one lede: the lede counts less, by the square root of their number.
    let w_pos = if ctx.position {
        tight / sources.sqrt()
    } else {
        0.0
    };
    let parts = sents.iter().enumerate().map(|(i, s)| {
        let words = s.words as f64;
        Parts {
            lede: position::lede(s, LEDE_HALF_LIFE),
            w_pos,
            centrality: if max_c > 0.0 { cent[i] / max_c } else { 0.0 },
            title_raw: titles[i],
            title: if max_t > 0.0 { titles[i] / max_t } else { 0.0 },
            title_w,
            short: (words / SHORT_WORDS).min(1.0).sqrt(),
            // 1 to any power is 1: most sentences are not long, and skip the power.
            long: match LONG_WORDS / words.max(LONG_WORDS) {
                1.0 => 1.0,
                base => crate::math::pow(base, LONG_EXPONENT * tight),
            },
        }
    });
    match trace {
        None => parts.map(|p| p.score()).collect(),
        Some(t) => {
            t.parts = parts.collect();
            t.centrality = cent;
            t.parts.iter().map(Parts::score).collect()
        }
    }
}
