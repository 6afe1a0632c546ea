//! Why a sentence is in a summary: the parts of its score as the scorer computed them (kept in
//! a [`Trace`] when [`Options::explain`](crate::Options::explain) is on), and the sentences
//! selection passed over for it. Nothing here is computed again: the numbers are the scorer's
//! and selection's own.

#[cfg(feature = "explain")]
use std::ops::Range;

use serde::Serialize;

#[cfg(feature = "explain")]
use crate::document::Corpus;
#[cfg(feature = "explain")]
use crate::score::{Method, Scored, Trace};
#[cfg(feature = "explain")]
use crate::select::Repeats;

/// Why a sentence is in a summary, in the parts its method really used: a part the method did
/// not use is `None` (LEAD has no centrality, the combined summary of several documents no
/// lede part, since concept coverage weighs a concept's first mention instead).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Its score (the sentence's `score`).
    pub score: f64,
    /// Its rank by score among every sentence of the call, from 1 (ties: the earlier one).
    pub rank: usize,
    /// How many sentences were ranked.
    pub of: usize,
    /// Its position, with the default method when the lede counts, and with LEAD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Its centrality, with LexRank, TextRank and the default method on one text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub centrality: Option<Centrality>,
    /// Its overlap with the title and headings, with the default method when there are some.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Title>,
    /// With the default method on one text: the factor, in (0, 1], by which a sentence too
    /// short to stand alone or too long for a tight budget is damped. The parts above
    /// (`position.part + centrality.part + title.part`) include it and add up to the score
    /// before the focus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<f64>,
    /// Its match with the focus, when the focus changed the scores (not with concept
    /// coverage, where a focus word raises the weight of the concepts that hold it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<Focus>,
    /// The concepts it covers, with the default method on several documents (its supporting
    /// documents are the sentence's `support`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concepts: Option<Covered>,
    /// The best-scored sentences not chosen that this one was preferred over: those passed over
    /// for repeating it, then those scored no higher, best first; at most [`PREFERRED`].
    pub preferred_over: Vec<PassedOver>,
}

/// Where a sentence is, and what that brought.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    /// Its index among its document's sentences, from 0.
    pub index: usize,
    /// The rank of its lede prior among its document's sentences, from 1 (the first sentence
    /// of a paragraph counts a little more than its place).
    pub lede_rank: usize,
    /// The lede prior, in (0, 1]: halves every three sentences (LEAD: 1 / (1 + index)).
    pub prior: f64,
    /// The prior's weight in the score: higher for short summaries of long texts (LEAD: 1).
    pub weight: f64,
    /// What it brought to the score.
    pub part: f64,
}

/// How central a sentence is: how much the sentences like it are like the rest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Centrality {
    /// PageRank over the similarity graph, scaled so that the mean sentence has 1.
    pub value: f64,
    /// Its rank among every sentence of the call, from 1.
    pub rank: usize,
    /// How many sentences were ranked.
    pub of: usize,
    /// What it brought to the score.
    pub part: f64,
}

/// The title's words a sentence shares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Title {
    /// The words it shares with the title or headings, as the sentence writes them (first
    /// use), in its order.
    pub terms: Vec<String>,
    /// The share of the title's distinct terms it holds, plus half the share of the headings'.
    pub overlap: f64,
    /// What it brought to the score.
    pub part: f64,
}

/// A sentence's match with the focus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Focus {
    /// The focus words it holds, as the sentence writes them, in its order.
    pub terms: Vec<String>,
    /// Its idf-weighted share of the focus terms over the best sentence's, in [0, 1].
    pub relevance: f64,
    /// Its score before the focus.
    pub before: f64,
    /// The score over the score before the focus (0 when that was 0).
    pub factor: f64,
}

/// The concepts a sentence of a combined summary covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Covered {
    /// Its heaviest concepts that several documents mention, heaviest first; at most
    /// [`CONCEPTS`].
    pub top: Vec<Concept>,
    /// How many distinct concepts it holds.
    pub count: usize,
    /// Their weight together: the score.
    pub weight: f64,
}

/// A concept: a pair of consecutive words, or a word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concept {
    /// The words, as the sentence writes them.
    pub words: String,
    /// Its weight: grows with the documents that mention it (and its first mention's place,
    /// and the focus).
    pub weight: f64,
    /// How many documents mention it.
    pub documents: usize,
}

/// A sentence not chosen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassedOver {
    /// Its document.
    pub doc: usize,
    /// Its index among its document's sentences.
    pub index: usize,
    /// Its score.
    pub score: f64,
    /// Why it was not chosen.
    pub why: Why,
}

/// Why a sentence was not chosen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Why {
    /// It repeats a chosen sentence: their tf-idf cosine (or, across documents, the overlap
    /// of their words, when that crossed the threshold) is above the redundancy threshold.
    Repeats {
        /// The chosen sentence's document.
        doc: usize,
        /// The chosen sentence's index in its document.
        index: usize,
        /// How alike they are, in [0, 1].
        similarity: f64,
    },
    /// The summary's length was reached (or it would have overrun a word budget).
    Budget,
}

/// At most this many sentences are listed as passed over for each chosen one.
pub const PREFERRED: usize = 3;
/// At most this many concepts are listed for each sentence.
pub const CONCEPTS: usize = 6;

#[cfg(feature = "explain")]
/// What explaining needs from a summary just made.
pub(crate) struct Made<'a> {
    pub corpus: &'a mut Corpus,
    pub scored: &'a Scored,
    pub method: Method,
    /// Each sentence's words, as concepts were cut from them (empty without concepts).
    pub streams: &'a [Vec<u32>],
    /// The documents' texts.
    pub texts: &'a [&'a str],
    /// The focus terms (empty for none).
    pub focus: &'a [u32],
    /// The chosen sentences (corpus indices).
    pub picked: &'a [usize],
    /// Which sentences selection passed over as repeats.
    pub repeats: &'a Repeats,
    /// Which sentences selection could choose.
    pub candidate: &'a dyn Fn(usize) -> bool,
}

#[cfg(feature = "explain")]
/// Indices 0..keys.len() by key, highest first, ties to the lower index: the one sort
/// explaining uses (each sort call site compiles its own copy, and the page's wasm is budgeted).
fn order(keys: &[f64]) -> Vec<usize> {
    let mut o: Vec<usize> = (0..keys.len()).collect();
    crate::sort::sort_by(&mut o, |&a, &b| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)));
    o
}

#[cfg(feature = "explain")]
/// Each index's rank by `keys` (as [`order`] has them), from 1.
fn ranks(keys: &[f64]) -> Vec<usize> {
    let mut rank = vec![0; keys.len()];
    for (r, i) in order(keys).into_iter().enumerate() {
        rank[i] = r + 1;
    }
    rank
}

#[cfg(feature = "explain")]
/// The words of `words` (a sentence's, with their terms) whose terms are in `set` (sorted), as
/// `text` writes them at their first use, in order. `seen` is scratch space, all false (and
/// left so).
fn named(
    words: &[(Range<usize>, Option<u32>)],
    text: &str,
    set: &[u32],
    seen: &mut Vec<bool>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut marked = Vec::new();
    for (r, id) in words {
        let Some(t) = *id else { continue };
        let k = t as usize;
        if k >= seen.len() {
            seen.resize(k + 1, false);
        }
        if !seen[k] && set.binary_search(&t).is_ok() {
            seen[k] = true;
            marked.push(k);
            out.push(text[r.clone()].to_string());
        }
    }
    for k in marked {
        seen[k] = false;
    }
    out
}

#[cfg(feature = "explain")]
/// The explanation of each chosen sentence, in the order of `m.picked`.
pub(crate) fn explain(m: Made<'_>) -> Vec<Explanation> {
    let corpus = m.corpus;
    let empty = Trace::default();
    let trace = m.scored.trace.as_ref().unwrap_or(&empty);
    let n = corpus.sentences.len();
    let scores = &m.scored.scores[..];
    let rank = ranks(scores);
    let central = if trace.centrality.is_empty() {
        Vec::new()
    } else {
        ranks(&trace.centrality)
    };
    let mut chosen = vec![false; n];
    for &i in m.picked {
        chosen[i] = true;
    }
    // The sentences not chosen, best first.
    let mut passed = Vec::new();
    for i in order(scores) {
        if !chosen[i] && (m.candidate)(i) {
            passed.push(i);
        }
    }
    // The sentences passed over as repeats of each chosen one, best first.
    let mut repeats_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &j in &passed {
        if let Some((p, _)) = m.repeats[j] {
            if repeats_of[p].len() < PREFERRED {
                repeats_of[p].push(j);
            }
        }
    }
    // Each sentence's lede rank within its document, when the lede counts.
    let mut lede_rank = Vec::new();
    if trace.parts.iter().any(|p| p.w_pos > 0.0) {
        let ledes: Vec<f64> = trace.parts.iter().map(|p| p.lede).collect();
        for d in &corpus.docs {
            lede_rank.extend(ranks(&ledes[d.sentences.clone()]));
        }
    }
    // Each document's title and heading terms, when title overlap counts.
    let mut title_sets: Vec<Vec<u32>> = Vec::new();
    if trace.parts.iter().any(|p| p.title_w > 0.0) {
        for d in &corpus.docs {
            let mut set = d.title.clone();
            set.extend(&d.headings);
            crate::sort::sort(&mut set);
            set.dedup();
            title_sets.push(set);
        }
    }
    let mut focus = m.focus.to_vec();
    crate::sort::sort(&mut focus);
    focus.dedup();
    let mut seen = Vec::new();
    let place = |i: usize| (corpus.sentences[i].doc, corpus.sentences[i].index);
    let places: Vec<(usize, usize)> = (0..n).map(place).collect();
    let mut out = Vec::with_capacity(m.picked.len());
    for &i in m.picked {
        let (doc, index) = places[i];
        let text = &m.texts[doc][corpus.sentences[i].span.clone()];
        corpus.use_language_of(doc);
        let words = corpus.tokenizer.words(text);
        let mut e = Explanation {
            score: scores[i],
            rank: rank[i],
            of: n,
            position: None,
            centrality: None,
            title: None,
            length: None,
            focus: None,
            concepts: None,
            preferred_over: Vec::new(),
        };
        let centrality = |part: f64| Centrality {
            value: trace.centrality[i],
            rank: central[i],
            of: n,
            part,
        };
        if let Some(p) = trace.parts.get(i) {
            let [lede, cent, title] = p.split();
            if p.w_pos > 0.0 {
                e.position = Some(Position {
                    index,
                    lede_rank: lede_rank[i],
                    prior: p.lede,
                    weight: p.w_pos,
                    part: lede,
                });
            }
            e.centrality = Some(centrality(cent));
            if p.title_w > 0.0 {
                e.title = Some(Title {
                    terms: named(&words, text, &title_sets[doc], &mut seen),
                    overlap: p.title_raw,
                    part: title,
                });
            }
            e.length = Some(p.short * p.long);
        } else if !central.is_empty() {
            e.centrality = Some(centrality(trace.centrality[i]));
        } else if m.method == Method::Lead {
            let prior = 1.0 / (1.0 + index as f64);
            e.position = Some(Position {
                index,
                lede_rank: index + 1,
                prior,
                weight: 1.0,
                part: prior,
            });
        }
        if let Some((before, relevance)) = &trace.focus {
            let b = before[i];
            e.focus = Some(Focus {
                terms: named(&words, text, &focus, &mut seen),
                relevance: relevance[i],
                before: b,
                factor: if b > 0.0 { scores[i] / b } else { 0.0 },
            });
        }
        if let Some(c) = &m.scored.concepts {
            // The stream and the words are one to one (see `word_streams`).
            let stream = m.streams.get(i).map_or(corpus.terms(i), Vec::as_slice);
            let mut ids = Vec::new();
            let mut weights = Vec::new();
            for &k in c.of(i) {
                if c.docs(k).len() > 1 {
                    ids.push(k);
                    weights.push(c.weights[k as usize]);
                }
            }
            let mut top = Vec::new();
            for j in order(&weights) {
                let k = ids[j];
                let Some(r) = c.find(k, stream) else { continue };
                let (Some(a), Some(b)) = (words.get(r.start), words.get(r.end - 1)) else {
                    continue;
                };
                top.push(Concept {
                    words: text[a.0.start..b.0.end].to_string(),
                    weight: weights[j],
                    documents: c.docs(k).len(),
                });
                if top.len() == CONCEPTS {
                    break;
                }
            }
            e.concepts = Some(Covered {
                top,
                count: c.of(i).len(),
                weight: scores[i],
            });
        }
        // Those that repeat it, then the best of those it outscored.
        let mut over = repeats_of[i].clone();
        for &j in &passed[passed.partition_point(|&j| scores[j] > scores[i])..] {
            if over.len() == PREFERRED {
                break;
            }
            if !over.contains(&j) {
                over.push(j);
            }
        }
        for j in over {
            let (doc, index) = places[j];
            let why = match m.repeats[j] {
                Some((p, similarity)) => Why::Repeats {
                    doc: places[p].0,
                    index: places[p].1,
                    similarity,
                },
                None => Why::Budget,
            };
            e.preferred_over.push(PassedOver {
                doc,
                index,
                score: scores[j],
                why,
            });
        }
        out.push(e);
    }
    out
}
