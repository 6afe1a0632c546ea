//! Concepts: the facts several documents report, as content-word pairs, and which sentences
//! carry them. The default method summarizes several documents together by covering the
//! heaviest concepts (Gillick & Favre 2009's concept coverage; see [`crate::select::cover`]).
//!
//! A concept is a pair of consecutive words of a sentence, stemmed, that are not both stop
//! words ("envoy Kirill", "Kirill Dmitriev", "of Ukraine", but not "of the"), or one content
//! term. Its weight grows with the number of documents that mention it: a fact that several
//! reports carry is the story, while a pair found in one document is that writer's phrasing.
//! Near-duplicate documents count as two: on DUC 2007, where wire copies of one story are
//! common, counting them as one source lost ROUGE (what several outlets carry matters).
//! Unigrams weigh far less than pairs, since a single word ("talks", "Russia") is topical but
//! says little.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::document::Corpus;
use crate::score::similarity::Graph;
use crate::text::intern::Interner;
use crate::work::{self, Counter};

/// A unigram counts this much of a pair with the same documents: alone, a word is topical but
/// rarely a fact; with no weight at all, a set of one-word sentences would have nothing to
/// cover.
const UNIGRAM_WEIGHT: f64 = 0.05;
/// A concept found in one document only keeps this much of the weight it would have in two:
/// nearly nothing, as it is one writer's wording, but not zero, so that documents with nothing
/// in common still get a summary.
const SINGLE_DOC_WEIGHT: f64 = 0.05;
/// A concept that holds a focus term weighs this many times more.
const FOCUS_BOOST: f64 = 3.0;
/// With the lede prior on, a concept first mentioned at the very start of a document weighs up
/// to this much more than one first told at its end: reporters put the news first.
const POSITION_BOOST: f64 = 0.5;

/// A document supports a sentence when it mentions more than this share of the sentence's
/// concept weight: most of what the sentence says, in its words or close to them.
pub(crate) const SUPPORT_SHARE: f64 = 0.5;
/// A document also supports a sentence when one of its sentences is at least this close to it
/// (tf-idf cosine): a restatement in other sentence structure, whose word pairs differ.
pub(crate) const PARAPHRASE: f64 = 0.5;

/// What the summary of several documents covers.
pub(crate) struct Concepts {
    /// Each concept's weight in the objective (focus and position included).
    pub weights: Vec<f64>,
    /// Each concept's weight from its documents alone: what support is judged by, so that the
    /// reader's focus does not change which documents report a sentence.
    pub base: Vec<f64>,
    /// Sentence i's distinct concepts are `ids[offsets[i]..offsets[i + 1]]`, ascending.
    ids: Vec<u32>,
    offsets: Vec<u32>,
    /// The documents that mention concept c are `docs[doc_offsets[c]..doc_offsets[c + 1]]`,
    /// ascending.
    docs: Vec<u32>,
    doc_offsets: Vec<u32>,
    /// Each concept's key ([`Concepts::words`]), when explaining; else empty.
    #[cfg_attr(not(feature = "explain"), allow(dead_code))]
    keys: Vec<u64>,
}

/// How concepts are weighed beyond their documents.
pub(crate) struct Weighting<'a> {
    /// Focus terms, sorted and distinct; empty for none.
    pub focus: &'a [u32],
    /// Whether an early first mention raises a concept's weight.
    pub position: bool,
    /// Each sentence's words, stop words included (see [`word_streams`]); empty: pairs of
    /// content terms only.
    pub streams: &'a [Vec<u32>],
    /// Whether to keep what each concept is, to name it in an explanation.
    pub explain: bool,
}

/// Stop words get ids from here up in [`word_streams`], above every term id.
const STOP_BASE: u32 = 1 << 31;

/// Each sentence's words as ids, stop words included: a content word as its term id, a stop
/// word (or a word too short to be a term) as [`STOP_BASE`] plus its index among the distinct
/// such words. Word pairs with a stop word ("envoy of", "of Ukraine") are how reports word the
/// same fact; on DUC 2007 they cover the references' bigrams better than pairs of content terms
/// with the stop words between them skipped.
pub(crate) fn word_streams(corpus: &mut Corpus, texts: &[&str]) -> Vec<Vec<u32>> {
    let mut stops = Interner::default();
    let mut lower = String::new();
    let mut out = Vec::with_capacity(corpus.sentences.len());
    for i in 0..corpus.sentences.len() {
        let (doc, span) = (corpus.sentences[i].doc, corpus.sentences[i].span.clone());
        let text = &texts[doc][span];
        corpus.use_language_of(doc);
        let words = corpus.tokenizer.words(text);
        let ids = words
            .into_iter()
            .map(|(r, id)| {
                id.unwrap_or_else(|| {
                    lower.clear();
                    // The crate's lower-casing: std's char::to_lowercase links its conversion
                    // table, which the page's wasm otherwise leaves out (src/text/case.rs).
                    lower.extend(text[r].chars().flat_map(crate::text::case::lower));
                    STOP_BASE
                        + stops.get(&lower).unwrap_or_else(|| {
                            let next = stops.len() as u32;
                            stops.insert(&lower, next);
                            next
                        })
                })
            })
            .collect();
        out.push(ids);
    }
    out
}

/// A hash for concept keys: splitmix64's finalizer, which spreads every bit of the key over
/// the low bits the table indexes by (a unigram key's low half is constant). SipHash, which
/// resists crafted keys, cost a large share of the time; the keys come from the text itself, so
/// a crafted text could at worst slow down its own summary.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, k: u64) {
        let mut z = (self.0 ^ k).wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        self.0 = z ^ (z >> 31);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The key of a unigram: its term in the high half, and an id no term has in the low half.
fn unigram(t: u32) -> u64 {
    (u64::from(t) << 32) | u64::from(u32::MAX)
}

fn bigram(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Concepts {
    /// Finds every sentence's concepts and weighs them. Concept ids are given in order of
    /// first appearance; the map from keys to ids is only looked up, never iterated, so no
    /// hash order reaches the result.
    pub fn new(corpus: &Corpus, weighting: &Weighting<'_>) -> Concepts {
        let n = corpus.sentences.len();
        let mut id_of: HashMap<u64, u32, BuildHasherDefault<KeyHasher>> =
            HashMap::with_capacity_and_hasher(corpus.terms.len(), Default::default());
        // Per concept: the last document that mentioned it, the earliest relative position of
        // a mention, and whether it holds a focus term.
        let mut last_doc: Vec<u32> = Vec::new();
        let mut first: Vec<f64> = Vec::new();
        let mut focused: Vec<bool> = Vec::new();
        let mut is_unigram: Vec<bool> = Vec::new();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut concept_keys: Vec<u64> = Vec::new();
        let mut ids: Vec<u32> = Vec::with_capacity(corpus.terms.len() * 2);
        let mut offsets: Vec<u32> = Vec::with_capacity(n + 1);
        offsets.push(0);
        let in_focus = |t: u32| weighting.focus.binary_search(&t).is_ok();
        for (i, s) in corpus.sentences.iter().enumerate() {
            let terms = corpus.terms(i);
            let stream: &[u32] = weighting.streams.get(i).map_or(terms, |v| v.as_slice());
            let doc = s.doc as u32;
            let len = corpus.docs[s.doc].sentences.len().max(1);
            let at = s.index as f64 / len as f64;
            let start = ids.len();
            let keys = terms.iter().map(|&t| (unigram(t), in_focus(t))).chain(
                stream
                    .windows(2)
                    .filter(|w| w[0] < STOP_BASE || w[1] < STOP_BASE)
                    .map(|w| (bigram(w[0], w[1]), in_focus(w[0]) || in_focus(w[1]))),
            );
            for (key, focus) in keys {
                work::add(Counter::ConceptWork, 1);
                let next = id_of.len() as u32;
                let c = *id_of.entry(key).or_insert(next);
                if c == next {
                    if cfg!(feature = "explain") && weighting.explain {
                        concept_keys.push(key);
                    }
                    last_doc.push(u32::MAX);
                    first.push(at);
                    focused.push(focus);
                    is_unigram.push(key as u32 == u32::MAX);
                }
                let c_ = c as usize;
                if last_doc[c_] != doc {
                    last_doc[c_] = doc;
                    pairs.push((c, doc));
                }
                first[c_] = first[c_].min(at);
                ids.push(c);
            }
            crate::sort::sort(&mut ids[start..]);
            let mut w = start;
            for r in start..ids.len() {
                if r == start || ids[r] != ids[w - 1] {
                    ids[w] = ids[r];
                    w += 1;
                }
            }
            ids.truncate(w);
            offsets.push(ids.len() as u32);
        }
        let concepts = last_doc.len();
        // Documents sentences were added in order, so each concept's documents come ascending;
        // a counting sort by concept keeps that order.
        let mut doc_offsets = vec![0u32; concepts + 1];
        for &(c, _) in &pairs {
            doc_offsets[c as usize + 1] += 1;
        }
        for c in 0..concepts {
            doc_offsets[c + 1] += doc_offsets[c];
        }
        let mut fill = doc_offsets.clone();
        let mut docs = vec![0u32; pairs.len()];
        for &(c, d) in &pairs {
            docs[fill[c as usize] as usize] = d;
            fill[c as usize] += 1;
        }
        let base: Vec<f64> = (0..concepts)
            .map(|c| {
                let w = match doc_offsets[c + 1] - doc_offsets[c] {
                    0 | 1 => SINGLE_DOC_WEIGHT * 2.0,
                    n => n as f64,
                };
                if is_unigram[c] {
                    UNIGRAM_WEIGHT * w
                } else {
                    w
                }
            })
            .collect();
        let weights = (0..concepts)
            .map(|c| {
                let mut w = base[c];
                if focused[c] {
                    w *= 1.0 + FOCUS_BOOST;
                }
                if weighting.position {
                    w *= 1.0 + POSITION_BOOST * (1.0 - first[c]);
                }
                w
            })
            .collect();
        Concepts {
            weights,
            base,
            ids,
            offsets,
            docs,
            doc_offsets,
            keys: concept_keys,
        }
    }

    /// Where concept c is in sentence i, as a range of indices into `stream` (the sentence's
    /// words, as [`word_streams`] gives them, or its terms without streams): its first
    /// mention. None when concepts were weighed without explaining, or c is not in i.
    #[cfg(feature = "explain")]
    pub fn find(&self, c: u32, stream: &[u32]) -> Option<std::ops::Range<usize>> {
        let key = *self.keys.get(c as usize)?;
        let (a, b) = ((key >> 32) as u32, key as u32);
        if b == u32::MAX {
            stream.iter().position(|&t| t == a).map(|k| k..k + 1)
        } else {
            stream
                .windows(2)
                .position(|w| w[0] == a && w[1] == b)
                .map(|k| k..k + 2)
        }
    }

    /// Sentence i's distinct concepts, ascending.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.ids[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The documents that mention concept c, ascending.
    pub fn docs(&self, c: u32) -> &[u32] {
        let c = c as usize;
        &self.docs[self.doc_offsets[c] as usize..self.doc_offsets[c + 1] as usize]
    }

    /// The documents that report what sentence i says, ascending, its own included: those that
    /// mention more than [`SUPPORT_SHARE`] of the base weight of its concepts, and those with
    /// a sentence at [`PARAPHRASE`] cosine or more to it. `held` is scratch space, one entry a
    /// document, all zero (and left so).
    pub fn support(
        &self,
        i: usize,
        graph: &Graph,
        doc_of: &[usize],
        held: &mut [f64],
    ) -> Vec<usize> {
        let mut out: Vec<usize> = vec![doc_of[i]];
        let mut total = 0.0;
        for &c in self.of(i) {
            let w = self.base[c as usize];
            total += w;
            work::add(Counter::SupportWork, 2 * self.docs(c).len());
            for &d in self.docs(c) {
                held[d as usize] += w;
            }
        }
        for &c in self.of(i) {
            for &d in self.docs(c) {
                let d = d as usize;
                if held[d] > SUPPORT_SHARE * total {
                    out.push(d);
                }
                held[d] = 0.0;
            }
        }
        for &(j, w) in graph.row(i) {
            if f64::from(w) >= PARAPHRASE {
                out.push(doc_of[j as usize]);
            }
        }
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }

    /// What sentence i is worth alone: the weight of its concepts.
    pub fn value(&self, i: usize) -> f64 {
        work::add(Counter::ConceptWork, self.of(i).len());
        self.of(i).iter().map(|&c| self.weights[c as usize]).sum()
    }
}
