//! Selection: the best sentences that fit the budget, without saying the same thing twice,
//! returned in document order.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::score::concepts::Concepts;
use crate::score::similarity::{dot, Rows, Sparse, MAX_POSTINGS};
use crate::work::{self, Counter};

/// A budget in the unit selection counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Budget {
    Sentences(usize),
    Words(usize),
}

/// The candidates selection picks from, one entry per sentence.
#[derive(Clone, Copy)]
pub(crate) struct Pool<'a> {
    pub scores: &'a [f64],
    pub vectors: &'a Rows,
    /// Each sentence's document.
    pub docs: &'a [usize],
    /// How alike documents are (empty for one document).
    pub doc_similarity: &'a [Vec<f64>],
    /// Each sentence's word count.
    pub words: &'a [usize],
}

impl Pool<'_> {
    /// The repeat threshold between sentences a and b: None within one document (cosine alone,
    /// against `redundancy`), else `redundancy` lowered by how alike their documents are.
    fn threshold(&self, a: usize, b: usize, redundancy: f64) -> Option<f64> {
        let docs = self.docs;
        (docs[a] != docs[b]).then(|| {
            let alike = self
                .doc_similarity
                .get(docs[a])
                .and_then(|row| row.get(docs[b]))
                .copied()
                .unwrap_or(0.0);
            redundancy * (1.0 - alike)
        })
    }

    /// One past the largest term id.
    fn vocab(&self) -> usize {
        // A vector is sorted by term: its last entry holds its largest.
        self.vectors
            .iter()
            .filter_map(|v| v.last().map(|e| e.0 as usize + 1))
            .max()
            .unwrap_or(0)
    }

    /// Sentence i's gain: its score, times (with `novelty`) the share of its tf-idf mass in
    /// terms not yet `covered`.
    fn gain(&self, i: usize, covered: &[bool], novelty: bool) -> f64 {
        if !novelty {
            return self.scores[i];
        }
        work::add(Counter::SelectScans, self.vectors.row(i).len());
        let fresh: f64 = self
            .vectors
            .row(i)
            .iter()
            .filter(|(t, _)| !covered[*t as usize])
            .map(|(_, w)| f64::from(*w).powi(2))
            .sum();
        self.scores[i] * fresh
    }

    /// Every sentence in a max-heap by gain (ties: the earlier sentence).
    fn heap(&self, covered: &[bool], novelty: bool) -> BinaryHeap<Entry> {
        (0..self.scores.len())
            .map(|i| Entry {
                gain: self.gain(i, covered, novelty),
                index: i,
            })
            .collect()
    }
}

/// Picks sentences greedily, skipping any that repeats an already picked one (see [`repeats`])
/// and any that would overrun a word budget. The cost is about linear in the sentences, however
/// many are picked. `docs[i]` is sentence i's document, and `doc_similarity[a][b]` how alike
/// documents a and b are (empty for a single document). Returns corpus indices in ascending
/// order.
///
/// Without `novelty`, the order is by score (ties: the earlier sentence). With it, a sentence's
/// gain is its score times the share of its tf-idf mass (its squared weights) in terms that no
/// picked sentence has used yet, so a fact told again in other words loses to a new one; the
/// gains only fall as sentences are picked, so a lazy greedy over a heap finds the same order as
/// recomputing every gain each step.
///
/// `trace`, when given (one entry a sentence of the pool), notes each sentence passed over as a
/// repeat.
pub(crate) fn select(
    pool: &Pool<'_>,
    budget: Budget,
    redundancy: f64,
    novelty: bool,
    mut trace: Option<&mut Repeats>,
) -> Vec<usize> {
    let Pool { scores, words, .. } = *pool;
    let vocab = pool.vocab();
    let mut covered = vec![false; if novelty { vocab } else { 0 }];
    let gain = |i: usize, covered: &[bool]| pool.gain(i, covered, novelty);
    let mut heap = pool.heap(&covered, novelty);
    let mut picked: Vec<usize> = Vec::new();
    let mut guard = Guard::new(scores.len(), vocab);
    let mut used_words = 0usize;
    while let Some(top) = heap.pop() {
        work::add(Counter::SelectScans, 1);
        let i = top.index;
        match budget {
            Budget::Sentences(k) if picked.len() >= k => break,
            Budget::Words(w) if words[i] + used_words > w => continue,
            _ => {}
        }
        if novelty {
            let now = gain(i, &covered);
            if now < top.gain && heap.peek().is_some_and(|next| now < next.gain) {
                heap.push(Entry {
                    gain: now,
                    index: i,
                });
                continue;
            }
        }
        if let Some(r) = guard.repeats(pool, i, redundancy) {
            note(&mut trace, i, r);
            continue;
        }
        used_words += words[i];
        guard.add(pool, i);
        picked.push(i);
        if novelty {
            for &(t, _) in pool.vectors.row(i) {
                covered[t as usize] = true;
            }
        }
    }
    crate::sort::sort(&mut picked);
    picked
}

/// Which picked sentence each candidate was passed over for repeating, and how alike the two
/// are: `repeats[i] = Some((p, similarity))`. Kept only when a summary is explained.
pub(crate) type Repeats = Vec<Option<(usize, f64)>>;

/// Spots a candidate that repeats a picked sentence (see [`repeats`]) without comparing it with
/// every picked one: a repeat shares at least one term with what it repeats (cosine and overlap
/// are 0 otherwise), so a candidate is compared only with the picked sentences listed under its
/// terms. On a long summary of a long text (30% of 100 000 sentences) comparing with all would
/// be quadratic. A term used by more than `MAX_POSTINGS` picked sentences is skipped, as in the
/// similarity graph: then a repeat that shares only such common terms can slip into a summary
/// already that long.
struct Guard {
    /// Each term's list of picked sentences, in the order picked, as a chain through `links`:
    /// its first and last link (1-based, 0 for none) and its length. One flat array rather
    /// than a vector a term, so that a guard costs one zeroed allocation, not one a term.
    terms: Vec<Chain>,
    /// (picked sentence, next link of the same term, 1-based, 0 at the end).
    links: Vec<(u32, u32)>,
    /// `checked[p] == i + 1`: picked sentence p was already compared with candidate i (0:
    /// with none, so that the array starts zeroed).
    checked: Vec<usize>,
}

/// A term's chain of picked sentences in a [`Guard`].
#[derive(Clone, Copy, Default)]
struct Chain {
    first: u32,
    last: u32,
    len: u32,
}

impl Guard {
    fn new(sentences: usize, vocab: usize) -> Self {
        Guard {
            terms: vec![Chain::default(); vocab],
            // Room for a few sentences' terms, rather than grown by doubling from one.
            links: Vec::with_capacity(64),
            checked: vec![0; sentences],
        }
    }

    /// The picked sentence that candidate i repeats, if any, with their similarity.
    fn repeats(&mut self, pool: &Pool<'_>, i: usize, redundancy: f64) -> Option<(usize, f64)> {
        let vectors = pool.vectors;
        for &(t, _) in vectors.row(i) {
            let t = t as usize;
            work::add(Counter::SelectScans, 1);
            let chain = self.terms[t];
            if chain.len as usize > MAX_POSTINGS {
                continue;
            }
            let mut link = chain.first;
            while link != 0 {
                let (p, next) = self.links[link as usize - 1];
                link = next;
                work::add(Counter::SelectScans, 1);
                let p = p as usize;
                if self.checked[p] != i + 1 {
                    self.checked[p] = i + 1;
                    work::add(Counter::SelectComparisons, 1);
                    let across = pool.threshold(p, i, redundancy);
                    if let Some(x) = repeat(vectors.row(p), vectors.row(i), redundancy, across) {
                        return Some((p, x));
                    }
                }
            }
        }
        None
    }

    fn add(&mut self, pool: &Pool<'_>, i: usize) {
        for &(t, _) in pool.vectors.row(i) {
            let t = t as usize;
            self.links.push((i as u32, 0));
            let link = self.links.len() as u32;
            let chain = &mut self.terms[t];
            match chain.last {
                0 => chain.first = link,
                prev => self.links[prev as usize - 1].1 = link,
            }
            chain.last = link;
            chain.len += 1;
        }
    }
}

/// Picks sentences for a summary of several documents by concept coverage (Gillick & Favre
/// 2009, as a budgeted submodular maximization after Lin & Bilmes 2010): the summary's value is
/// the total weight of the distinct concepts its sentences hold, so a concept told twice counts
/// once and redundancy costs by itself. Each step takes the sentence with the most weight of
/// concepts not yet covered per word^`length_exponent` that fits the budget and repeats no
/// picked sentence (see [`repeats`]); sentences under `min_words` words are never picked, as
/// fragments (datelines, captions, a lone quote) rarely stand alone. A gain only falls as
/// concepts are covered, so a lazy greedy over a heap finds the same picks as recomputing every
/// gain each step, at about linear cost. Greedy by ratio can lose to one heavy sentence that
/// fills the budget; the better of the two is returned (Khuller, Moss & Naor 1999), which
/// keeps a constant-factor guarantee. Returns corpus indices in the order picked.
///
/// `trace`, when given (one entry a sentence), notes each sentence passed over as a repeat.
pub(crate) fn cover(
    pool: &Pool<'_>,
    concepts: &Concepts,
    budget: Budget,
    redundancy: f64,
    shape: Shape,
    allowed: Option<&[bool]>,
    mut trace: Option<&mut Repeats>,
) -> Vec<usize> {
    let words = pool.words;
    let allowed = |i: usize| allowed.is_none_or(|a| a[i]);
    let n = words.len();
    let cost = |i: usize| crate::math::pow(words[i].max(1) as f64, shape.length_exponent);
    let gain = |i: usize, covered: &[bool]| -> f64 {
        work::add(Counter::ConceptWork, concepts.of(i).len());
        concepts
            .of(i)
            .iter()
            .filter(|&&c| !covered[c as usize])
            .map(|&c| concepts.weights[c as usize])
            .sum()
    };
    let fits = |i: usize, used: usize| match budget {
        Budget::Words(w) => words[i] + used <= w,
        Budget::Sentences(_) => true,
    };
    // When no sentence is that long, every one may be picked rather than none.
    let min_words = shape
        .min_words
        .min(words.iter().copied().max().unwrap_or(0));
    let eligible = |i: usize| words[i] >= min_words && allowed(i);
    let mut covered = vec![false; concepts.weights.len()];
    let mut heap: BinaryHeap<Entry> = (0..n)
        .filter(|&i| eligible(i) && fits(i, 0))
        .map(|i| Entry {
            gain: gain(i, &covered) / cost(i),
            index: i,
        })
        .collect();
    let mut guard = Guard::new(n, pool.vocab());
    let mut picked: Vec<usize> = Vec::new();
    let mut used_words = 0usize;
    let mut total = 0.0;
    while let Some(top) = heap.pop() {
        work::add(Counter::SelectScans, 1);
        let i = top.index;
        if let Budget::Sentences(k) = budget {
            if picked.len() >= k {
                break;
            }
        }
        if !fits(i, used_words) {
            continue;
        }
        let g = gain(i, &covered);
        let now = g / cost(i);
        if now < top.gain && heap.peek().is_some_and(|next| now < next.gain) {
            heap.push(Entry {
                gain: now,
                index: i,
            });
            continue;
        }
        if g <= 0.0 {
            break;
        }
        if let Some(r) = guard.repeats(pool, i, redundancy) {
            note(&mut trace, i, r);
            continue;
        }
        guard.add(pool, i);
        used_words += words[i];
        total += g;
        for &c in concepts.of(i) {
            covered[c as usize] = true;
        }
        picked.push(i);
    }
    let best = (0..n)
        .filter(|&i| eligible(i) && fits(i, 0))
        .map(|i| (concepts.value(i), i))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    if let Some((v, i)) = best {
        if v > total {
            picked = vec![i];
            guard = Guard::new(n, pool.vocab());
            guard.add(pool, i);
            used_words = words[i];
        }
    }
    // Budget left once no sentence adds a concept (or only fragments remain): a reader who asks
    // for more, up to every sentence, gets it, by value, fragments included, repeats still not.
    let mut chosen = vec![false; n];
    for &i in &picked {
        chosen[i] = true;
    }
    let full = match budget {
        Budget::Sentences(k) => picked.len() >= k,
        Budget::Words(w) => used_words >= w,
    };
    let mut rest: Vec<(f64, usize)> = if full {
        Vec::new()
    } else {
        (0..n)
            .filter(|&i| !chosen[i] && allowed(i))
            .map(|i| (concepts.value(i), i))
            .collect()
    };
    crate::sort::sort_by(&mut rest, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in rest {
        work::add(Counter::SelectScans, 1);
        if let Budget::Sentences(k) = budget {
            if picked.len() >= k {
                break;
            }
        }
        if !fits(i, used_words) {
            continue;
        }
        if let Some(r) = guard.repeats(pool, i, redundancy) {
            note(&mut trace, i, r);
            continue;
        }
        guard.add(pool, i);
        used_words += words[i];
        picked.push(i);
    }
    picked
}

/// The sentence shapes [`cover`] prefers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    /// Gains are divided by the sentence's words to this power: 1 is gain per word, 0 ignores
    /// length.
    pub length_exponent: f64,
    /// Sentences under this many words are never picked (0: any).
    pub min_words: usize,
}

/// A heap entry: the highest gain first, then the earliest sentence.
struct Entry {
    gain: f64,
    index: usize,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.gain
            .total_cmp(&other.gain)
            .then(other.index.cmp(&self.index))
    }
}

/// Whether two sentences say the same thing. Within one document: their tf-idf cosine exceeds
/// `redundancy`. Across documents, `across` is the threshold, lowered from `redundancy` by how
/// alike the two documents are (a rewrite restates sentence by sentence), and it applies to the
/// cosine and to the overlap coefficient of their content words: another article restates a
/// fact in its own words, which cosine scores low. Within one article, sentences that share
/// words elaborate on each other rather than repeat (measured: the overlap test within one
/// article costs 0.85 ROUGE-1 on bbc-dev).
#[cfg(test)]
pub(crate) fn repeats(a: &Sparse, b: &Sparse, redundancy: f64, across: Option<f64>) -> bool {
    repeat(a, b, redundancy, across).is_some()
}

/// [`repeats`], with the measure that crossed its threshold: the cosine, else (across
/// documents) the overlap.
fn repeat(a: &Sparse, b: &Sparse, redundancy: f64, across: Option<f64>) -> Option<f64> {
    let cosine = dot(a, b);
    match across {
        None => (cosine > redundancy).then_some(cosine),
        Some(t) if cosine > t => Some(cosine),
        Some(t) => Some(overlap(a, b)).filter(|&o| o > t),
    }
}

/// Notes in `trace` that sentence i was passed over for repeating a picked one.
fn note(trace: &mut Option<&mut Repeats>, i: usize, repeat: (usize, f64)) {
    if let Some(t) = trace {
        t[i] = Some(repeat);
    }
}

/// |A ∩ B| / min(|A|, |B|) over the distinct terms of two sparse vectors; 0 when one is empty.
pub(crate) fn overlap(a: &Sparse, b: &Sparse) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / small as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit vector a sentence, along term `t` for each `t` given.
    fn units(terms: &[u32]) -> Rows {
        let mut rows = Rows::default();
        for &t in terms {
            rows.push_row([(t, 1.0)]);
        }
        rows
    }

    #[test]
    fn best_first_then_document_order() {
        let v = units(&[0, 1, 2]);
        let got = select(
            &Pool {
                scores: &[0.1, 0.9, 0.5],
                vectors: &v,
                docs: &[0; 3],
                doc_similarity: &[],
                words: &[5, 5, 5],
            },
            Budget::Sentences(2),
            0.5,
            false,
            None,
        );
        assert_eq!(got, [1, 2]);
    }

    #[test]
    fn repeats_are_skipped() {
        let v = units(&[0, 0, 1]);
        let got = select(
            &Pool {
                scores: &[0.9, 0.8, 0.1],
                vectors: &v,
                docs: &[0; 3],
                doc_similarity: &[],
                words: &[5, 5, 5],
            },
            Budget::Sentences(2),
            0.5,
            false,
            None,
        );
        assert_eq!(got, [0, 2]);
    }

    #[test]
    fn word_budget_is_never_exceeded_and_shorter_ones_fill_it() {
        let v = units(&[0, 1, 2]);
        let got = select(
            &Pool {
                scores: &[0.9, 0.8, 0.1],
                vectors: &v,
                docs: &[0; 3],
                doc_similarity: &[],
                words: &[6, 6, 3],
            },
            Budget::Words(10),
            0.5,
            false,
            None,
        );
        assert_eq!(got, [0, 2]);
        assert!(select(
            &Pool {
                scores: &[1.0],
                vectors: &units(&[0]),
                docs: &[0],
                doc_similarity: &[],
                words: &[20]
            },
            Budget::Words(10),
            0.5,
            false,
            None
        )
        .is_empty());
    }

    #[test]
    fn ties_go_to_the_earlier_sentence() {
        let v = units(&[0, 1, 2]);
        assert_eq!(
            select(
                &Pool {
                    scores: &[0.5, 0.5, 0.5],
                    vectors: &v,
                    docs: &[0; 3],
                    doc_similarity: &[],
                    words: &[1, 1, 1]
                },
                Budget::Sentences(1),
                0.5,
                false,
                None
            ),
            [0]
        );
    }

    /// The selection as it was before the term index: every candidate compared with every
    /// picked sentence. The oracle for the property test below (not run in WebAssembly).
    #[cfg(not(target_arch = "wasm32"))]
    fn select_all_pairs(
        pool: &Pool<'_>,
        budget: Budget,
        redundancy: f64,
        novelty: bool,
    ) -> Vec<usize> {
        let Pool { vectors, words, .. } = *pool;
        let threshold = |a: usize, b: usize| pool.threshold(a, b, redundancy);
        let mut covered = vec![false; if novelty { pool.vocab() } else { 0 }];
        let gain = |i: usize, covered: &[bool]| pool.gain(i, covered, novelty);
        let mut heap = pool.heap(&covered, novelty);
        let mut picked: Vec<usize> = Vec::new();
        let mut used_words = 0usize;
        while let Some(top) = heap.pop() {
            let i = top.index;
            match budget {
                Budget::Sentences(k) if picked.len() >= k => break,
                Budget::Words(w) if words[i] + used_words > w => continue,
                _ => {}
            }
            if novelty {
                let now = gain(i, &covered);
                if now < top.gain && heap.peek().is_some_and(|next| now < next.gain) {
                    heap.push(Entry {
                        gain: now,
                        index: i,
                    });
                    continue;
                }
            }
            if picked
                .iter()
                .any(|&p| repeats(vectors.row(p), vectors.row(i), redundancy, threshold(p, i)))
            {
                continue;
            }
            used_words += words[i];
            picked.push(i);
            if novelty {
                for &(t, _) in vectors.row(i) {
                    covered[t as usize] = true;
                }
            }
        }
        crate::sort::sort(&mut picked);
        picked
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_term_index_finds_every_repeat_all_pairs_would(
            bags in proptest::collection::vec(
                proptest::collection::vec((0u32..10, 0.05f64..1.0), 0..5), 1..60),
            scores in proptest::collection::vec(0.0f64..1.0, 60),
            docs in proptest::collection::vec(0usize..3, 60),
            alike in 0.0f64..1.0,
            redundancy in 0.0f64..=1.0,
            k in 1usize..80,
            novelty in proptest::bool::ANY,
            words in proptest::bool::ANY,
        ) {
            let n = bags.len();
            let mut vectors = Rows::default();
            for b in &bags {
                let mut v: Vec<(u32, f32)> = b.iter().map(|&(t, w)| (t, w as f32)).collect();
                v.sort_by_key(|e| e.0);
                v.dedup_by_key(|e| e.0);
                crate::score::similarity::normalize(&mut v);
                vectors.push_row(v);
            }
            let doc_similarity = vec![
                vec![1.0, alike, 0.0],
                vec![alike, 1.0, alike / 2.0],
                vec![0.0, alike / 2.0, 1.0],
            ];
            let lens: Vec<usize> = (0..n).map(|i| 1 + i % 7).collect();
            let pool = Pool {
                scores: &scores[..n],
                vectors: &vectors,
                docs: &docs[..n],
                doc_similarity: if novelty { &doc_similarity } else { &[] },
                words: &lens,
            };
            let budget = if words { Budget::Words(k * 3) } else { Budget::Sentences(k) };
            proptest::prop_assert_eq!(
                select(&pool, budget, redundancy, novelty, None),
                select_all_pairs(&pool, budget, redundancy, novelty)
            );
        }
    }
}
