//! Key phrases: the multi-word terms a text keeps returning to ("security guarantees",
//! "Kirill Dmitriev"), not just frequent stems.
//!
//! Candidates are runs of up to [`MAX_PHRASE_WORDS`] content words with nothing but spaces or
//! hyphens between them (stop words and punctuation cut a run). A phrase scores by how often it
//! occurs times the summed inverse sentence frequency of its words (tf-idf, so a longer phrase
//! of specific words beats a frequent generic word), and by how many documents use it; a phrase
//! inside a better one ("Kirill" inside "Kirill Dmitriev") is left out. Only phrases seen at least twice are kept
//! when there are enough of them, so one-off word pairs do not crowd out the topic.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use serde::Serialize;

use crate::document::Corpus;
use crate::text::hash::WordHasher;
use crate::work::{self, Counter};

/// Longest phrase considered, in words.
const MAX_PHRASE_WORDS: usize = 4;

/// Distinct written forms kept per phrase ("Peace talks", "peace talks", "PEACE TALKS"): real
/// text has a few; a text made of thousands of case variants of one word would otherwise make
/// each occurrence scan all of them, a quadratic cost.
const MAX_FORMS: usize = 16;

/// A key phrase with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    /// The phrase as the text writes it (its most frequent form).
    pub text: String,
    /// Relative weight: the best phrase scores 1.
    pub score: f64,
    /// How many times the phrase occurs.
    pub count: usize,
}

struct Candidate {
    count: usize,
    docs: Vec<usize>,
    forms: Vec<(String, usize)>,
    first: usize,
}

/// The top `n` key phrases of the corpus; `texts[d]` is document d's text.
pub(crate) fn extract(corpus: &mut Corpus, texts: &[&str], n: usize) -> Vec<Keyword> {
    // The crate's word hash, not std's keyed one: no order of the map reaches the result (the
    // phrases are sorted by score, then by first use), and std's hasher is code for every
    // download.
    let mut cands: HashMap<Vec<u32>, Candidate, BuildHasherDefault<WordHasher>> =
        HashMap::default();
    let mut order = 0usize;
    for si in 0..corpus.sentences.len() {
        let (doc, span) = {
            let s = &corpus.sentences[si];
            (s.doc, s.span.clone())
        };
        let text = texts[doc];
        let sentence = &text[span.clone()];
        corpus.use_language_of(doc);
        let words = corpus.tokenizer.words(sentence);
        let mut run: Vec<(std::ops::Range<usize>, u32)> = Vec::new();
        let mut flush = |run: &mut Vec<(std::ops::Range<usize>, u32)>| {
            for i in 0..run.len() {
                for len in 1..=MAX_PHRASE_WORDS.min(run.len() - i) {
                    let part = &run[i..i + len];
                    work::add(Counter::KeywordCandidates, len);
                    if part
                        .iter()
                        .all(|(r, _)| sentence[r.clone()].chars().all(|c| c.is_ascii_digit()))
                    {
                        continue;
                    }
                    let key: Vec<u32> = part.iter().map(|x| x.1).collect();
                    let form = &sentence[part[0].0.start..part[len - 1].0.end];
                    let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
                    let c = cands.entry(key).or_insert_with(|| Candidate {
                        count: 0,
                        docs: Vec::new(),
                        forms: Vec::new(),
                        first: order,
                    });
                    order += 1;
                    c.count += 1;
                    if c.docs.last() != Some(&doc) {
                        c.docs.push(doc);
                    }
                    // A capital that only opens the sentence is not part of the phrase's form.
                    let at_start = part[0].0.start == 0;
                    let weight = if at_start { 1 } else { 2 };
                    work::add(Counter::KeywordCandidates, c.forms.len());
                    if let Some(f) = c.forms.iter_mut().find(|f| f.0 == form) {
                        f.1 += weight;
                    } else if c.forms.len() < MAX_FORMS {
                        c.forms.push((form, weight));
                    }
                }
            }
            run.clear();
        };
        let mut prev_end = 0usize;
        for (r, id) in words {
            // Words may overlap (the character pairs of Chinese): then they are joined.
            let gap = sentence.get(prev_end..r.start).unwrap_or("");
            let joined = gap.chars().all(|c| c.is_whitespace() || c == '-');
            if !joined || id.is_none() {
                flush(&mut run);
            }
            if let Some(id) = id {
                run.push((r.clone(), id));
            }
            prev_end = r.end;
        }
        flush(&mut run);
    }
    // Sentence frequency of each term: a word in every sentence ("Ukraine" in a set about
    // Ukraine) names the subject but tells little apart, so it weighs less per use.
    let nsent = corpus.sentences.len().max(1) as f64;
    let mut df = vec![0usize; corpus.tokenizer.vocab_len()];
    for i in 0..corpus.sentences.len() {
        for t in crate::score::similarity::term_set(corpus.terms(i)) {
            df[t as usize] += 1;
        }
    }
    let idf = |t: u32| (1.0 + nsent / df[t as usize].max(1) as f64).ln();
    let repeated = cands.values().filter(|c| c.count >= 2).count();
    let min_count = if repeated >= n { 2 } else { 1 };
    let mut scored: Vec<(Vec<u32>, f64, &Candidate)> = cands
        .iter()
        .filter(|(_, c)| c.count >= min_count)
        .map(|(k, c)| {
            let weight: f64 = k.iter().map(|&t| idf(t)).sum();
            let spread = c.docs.len() as f64;
            (
                k.clone(),
                crate::math::pow(c.count as f64, 0.75) * weight * spread.sqrt(),
                c,
            )
        })
        .collect();
    crate::sort::sort_by(&mut scored, |a, b| {
        b.1.total_cmp(&a.1).then(a.2.first.cmp(&b.2.first))
    });
    let mut picked: Vec<(Vec<u32>, f64, &Candidate)> = Vec::new();
    for cand in scored {
        if picked.len() >= n {
            break;
        }
        // A longer phrase that accounts for 3/4 of the uses of a picked shorter one replaces it
        // ("Ukraine Peace Talks" over "Ukraine Peace"); otherwise both stay (a word used in many
        // phrases is a keyword of its own). A shorter one inside a picked phrase stays out unless
        // it is used widely on its own, and so does a phrase that overlaps a picked one by two
        // words or more ("Russian Special Envoy Kirill" beside "Special Envoy Kirill Dmitriev").
        let mut keep = true;
        work::add(Counter::KeywordCandidates, 1 + picked.len());
        for p in picked.iter_mut() {
            if contains(&cand.0, &p.0) {
                if cand.2.count * 4 >= p.2.count * 3 {
                    *p = cand.clone();
                    keep = false;
                    break;
                }
            } else if contains(&p.0, &cand.0) {
                if cand.2.count < 2 * p.2.count {
                    keep = false;
                    break;
                }
            } else if cand.0.iter().filter(|t| p.0.contains(t)).count() >= 2 {
                keep = false;
                break;
            }
        }
        if keep {
            picked.push(cand);
        }
    }
    // A replacement can leave two entries naming the same phrase.
    let mut seen: Vec<Vec<u32>> = Vec::new();
    picked.retain(|p| {
        work::add(Counter::KeywordCandidates, 1 + seen.len());
        let fresh = !seen.contains(&p.0);
        seen.push(p.0.clone());
        fresh
    });
    crate::sort::sort_by(&mut picked, |a, b| {
        b.1.total_cmp(&a.1).then(a.2.first.cmp(&b.2.first))
    });
    let top = picked.first().map_or(1.0, |p| p.1);
    picked
        .into_iter()
        .map(|(_, s, c)| Keyword {
            text: best_form(&c.forms),
            score: s / top,
            count: c.count,
        })
        .collect()
}

/// Whether `inner` occurs as a contiguous part of `outer`.
fn contains(outer: &[u32], inner: &[u32]) -> bool {
    inner.len() <= outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}

fn best_form(forms: &[(String, usize)]) -> String {
    let mut best = &forms[0];
    for f in forms {
        if f.1 > best.1 {
            best = f;
        }
    }
    best.0.clone()
}
