//! Sentence vectors and the similarity graph between sentences.
//!
//! The graph is built from an inverted index (term -> sentences that contain it), so the work is
//! the sum over terms of (sentences sharing the term)², never a dense all-pairs loop. Terms found
//! in more than [`MAX_POSTINGS`] sentences are left out of the graph: on a book they would make
//! the cost quadratic, and the rarer terms two sentences share say more about their likeness.

use crate::work::{self, Counter};

/// A weight in a sentence vector or on a graph edge. Vectors and edges are most of the memory
/// on a long text, and ranking needs their order, not their last digits: f32 halves them, and
/// sums of them are taken in f64.
pub(crate) type Weight = f32;

/// A sparse vector: (term id, weight) sorted by term id.
pub(crate) type Sparse = [(u32, Weight)];

/// Rows of (index, weight) pairs stored one after another in a few large blocks: the sentence
/// vectors, the postings of each term, the edges of each sentence. One row a vector would cost a
/// header, the allocator's slack and an allocation per row (slow in WebAssembly). One vector for
/// all rows, grown by doubling, would cost more still in WebAssembly, whose allocator cannot
/// grow a block in place past the end of its memory: each doubling takes a new block and leaves
/// the old one as a hole, so a graph of 3.4 MB made the memory grow by 8 MB. Blocks of a fixed
/// size are taken once each and never copied.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Rows {
    /// Each row: its block, and its start and end there.
    spans: Vec<(u32, u32, u32)>,
    blocks: Vec<Vec<(u32, Weight)>>,
    /// The number of entries in all rows.
    entries: usize,
}

/// Entries in a block when the total is not known in advance (256 kB).
const BLOCK: usize = 1 << 15;

impl Rows {
    /// Room for `rows` rows and `entries` entries: a count known in advance gives one block
    /// of exactly that size.
    pub fn with_capacity(rows: usize, entries: usize) -> Self {
        Rows {
            spans: Vec::with_capacity(rows),
            blocks: if entries > 0 {
                vec![Vec::with_capacity(entries)]
            } else {
                Vec::new()
            },
            entries: 0,
        }
    }

    /// Rows made from one vector each (for tests and small inputs).
    #[cfg(test)]
    pub fn from_rows<R: AsRef<[(u32, Weight)]>>(rows: &[R]) -> Self {
        let mut out = Rows::default();
        for r in rows {
            out.push_row(r.as_ref().iter().copied());
        }
        out
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The number of entries in all rows.
    pub fn entries(&self) -> usize {
        self.entries
    }

    pub fn row(&self, i: usize) -> &Sparse {
        let (b, start, end) = self.spans[i];
        &self.blocks[b as usize][start as usize..end as usize]
    }

    pub fn row_mut(&mut self, i: usize) -> &mut Sparse {
        let (b, start, end) = self.spans[i];
        &mut self.blocks[b as usize][start as usize..end as usize]
    }

    /// Every row, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Sparse> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Appends a row.
    pub fn push_row<I>(&mut self, row: I)
    where
        I: IntoIterator<Item = (u32, Weight)>,
        I::IntoIter: ExactSizeIterator,
    {
        let row = row.into_iter();
        let len = row.len();
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.capacity() - b.len() >= len);
        if !fits {
            self.blocks.push(Vec::with_capacity(len.max(BLOCK)));
        }
        let b = self.blocks.len() - 1;
        let block = &mut self.blocks[b];
        let start = block.len();
        block.extend(row);
        // A block holds at most max(BLOCK, a row, the count given to `with_capacity`)
        // entries: a row's length, and the rows' total, are bounded by the input's 50 MiB.
        self.spans
            .push((b as u32, start as u32, block.len() as u32));
        self.entries += len;
    }

    /// The rows as one list of entries, row after row, with the end of each row in it. The
    /// first block becomes the list and the others are moved in and freed one at a time, so
    /// that no more than a block is held twice (a graph of one block, an article's, is not
    /// copied at all).
    pub fn into_flat(self) -> (Vec<u32>, Vec<(u32, Weight)>) {
        let mut blocks = self.blocks.into_iter();
        let mut flat = blocks.next().unwrap_or_default();
        let mut offsets = vec![0u32];
        if blocks.len() > 0 {
            flat.reserve_exact(self.entries - flat.len());
        }
        for b in blocks {
            offsets.push(flat.len() as u32);
            flat.extend_from_slice(&b);
        }
        let ends = self
            .spans
            .iter()
            .map(|&(b, _, end)| offsets[b as usize] + end)
            .collect();
        (ends, flat)
    }
}

/// Terms in more sentences than this do not make edges. No news article has that many
/// sentences, so its graph is exact (ROUGE on both dev sets is the same with 256); on long texts
/// the graph costs up to 128² pairs a term instead of 256²: 1 MB of news in 0.06 s instead of
/// 0.09 s natively, with the same summary.
pub(crate) const MAX_POSTINGS: usize = 128;

/// Each sentence keeps its strongest this many edges. A news article has few sentences, and
/// its graph is exact or nearly: with 64 or 32, every summary of the 100 cnndm-dev articles is
/// the same, and ROUGE on bbc-dev moves by 0.01. On a book, weak links to far-away sentences add
/// cost and little signal, and 32 edges (256 bytes) a sentence keep the graph about twice the
/// size of the text.
pub(crate) const MAX_NEIGHBOURS: usize = 32;

/// The edges of the whole graph, at most about this many (8 bytes each: 128 MB). Past
/// 524 288 sentences each keeps fewer than [`MAX_NEIGHBOURS`]: 50 MB of one-word sentences
/// (7 million, each sharing its word with 200 others) made a graph of 3.5 GB (7 GB with f64
/// weights), which no browser tab holds.
const MAX_EDGES: usize = 1 << 24;

/// However many sentences, each keeps at least this many edges.
const MIN_NEIGHBOURS: usize = 4;

/// How many edges each sentence of an `n`-sentence graph keeps.
fn neighbours(n: usize) -> usize {
    (MAX_EDGES / n.max(1)).clamp(MIN_NEIGHBOURS, MAX_NEIGHBOURS)
}

/// Appends to `graph` the row of one sentence from the edges found for it, in any order (in
/// index order when `in_order`): its `cap` heaviest (ties: the lower index), sorted by index.
fn finish_row(graph: &mut Rows, scratch: &mut Vec<(u32, f64)>, cap: usize, in_order: bool) {
    work::add(Counter::EdgesBuilt, scratch.len());
    let cut = scratch.len() > cap;
    if cut {
        // The heaviest (ties: the lower index) by a heap of `cap`, not a sort of the whole row:
        // a sentence of a long text has thousands of edges and keeps 32.
        // (Every weight here is above a threshold of at least 0, so positive and finite, and
        // positive floats order as their bits do: the order of `total_cmp`, in fewer steps.)
        debug_assert!(scratch.iter().all(|e| e.1 > 0.0 && e.1.is_finite()));
        crate::sort::keep_least(scratch, cap, |a, b| {
            (b.1.to_bits(), a.0).cmp(&(a.1.to_bits(), b.0))
        });
    }
    if cut || !in_order {
        crate::sort::sort_by_key(scratch, |e| e.0);
    }
    graph.push_row(scratch.iter().map(|&(j, w)| (j, w as Weight)));
    scratch.clear();
}

/// Inverse sentence frequency of each term: ln(1 + N / df).
pub(crate) fn idf(sentences: &[&[u32]], vocab: usize) -> Vec<f64> {
    let mut df = vec![0u32; vocab];
    // `seen[t] == i + 1`: sentence i was counted for term t (0: none, so that it starts zeroed).
    let mut seen = vec![0u32; vocab];
    for (i, terms) in (1..).zip(sentences) {
        for &t in terms.iter() {
            if seen[t as usize] != i {
                seen[t as usize] = i;
                df[t as usize] += 1;
            }
        }
    }
    let n = sentences.len().max(1) as f64;
    // Most terms share a few frequencies (most are in one sentence): each logarithm is taken
    // once a frequency, the same value each time.
    let mut by_df: Vec<f64> = Vec::with_capacity(BY_DF_ROOM);
    df.iter()
        .map(|&d| {
            if d == 0 {
                return 0.0;
            }
            let d = d as usize;
            if by_df.len() <= d {
                by_df.resize(d + 1, f64::NAN);
            }
            if by_df[d].is_nan() {
                by_df[d] = (1.0 + n / d as f64).ln();
            }
            by_df[d]
        })
        .collect()
}

/// Frequencies [`idf`] has room for at first: a news article's terms are in a few sentences
/// each, and growing the table by doubling from nothing cost more than its logarithms.
const BY_DF_ROOM: usize = 32;

/// The L2-normalized tf-idf vector of each bag of terms, one row each.
pub(crate) fn tfidf(bags: &[&[u32]], idf: &[f64]) -> Rows {
    // A vector has at most one entry per term of its bag: reserving that much once means the
    // entries never grow by doubling (which would hold the old and the new block at once).
    let total = bags.iter().map(|b| b.len()).sum();
    let mut out = Rows::with_capacity(bags.len(), total);
    // Room for the longest bag from the start, rather than grown by doubling in the first few.
    let longest = bags.iter().map(|b| b.len()).max().unwrap_or(0);
    let mut sorted: Vec<u32> = Vec::with_capacity(longest);
    let mut v: Vec<(u32, f64)> = Vec::with_capacity(longest);
    for bag in bags {
        sorted.clear();
        sorted.extend_from_slice(bag);
        // Term ids, whose order is total: any sort gives the same order. Natively the standard
        // library's, whose small-slice sorts take 0.31 M fewer instructions on the 100 dev
        // articles than the crate's; in WebAssembly the crate's, a fraction of the code size
        // (see crate::sort).
        #[cfg(not(target_arch = "wasm32"))]
        sorted.sort_unstable();
        #[cfg(target_arch = "wasm32")]
        crate::sort::sort(&mut sorted);
        v.clear();
        for &t in &sorted {
            match v.last_mut() {
                Some((last, w)) if *last == t => *w += 1.0,
                _ => v.push((t, 1.0)),
            }
        }
        // Weighed and squared in one pass: the same sum, in the same order.
        let mut squares = 0.0;
        for (t, w) in v.iter_mut() {
            *w *= idf.get(*t as usize).copied().unwrap_or(0.0);
            squares += *w * *w;
        }
        let norm = f64::sqrt(squares);
        let scale = if norm > 0.0 { 1.0 / norm } else { 1.0 };
        out.push_row(v.iter().map(|&(t, w)| (t, (w * scale) as Weight)));
    }
    out
}

/// Scales `v` to unit length (left alone when it is zero). For the property tests, which do not
/// run in WebAssembly.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn normalize(v: &mut [(u32, Weight)]) {
    let norm = v
        .iter()
        .map(|(_, w)| f64::from(*w).powi(2))
        .sum::<f64>()
        .sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w = (f64::from(*w) / norm) as Weight;
        }
    }
}

/// Dot product of two sorted sparse vectors (the cosine, when both are normalized).
pub(crate) fn dot(a: &Sparse, b: &Sparse) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// A weighted graph as adjacency rows: row i holds (j, weight) with j != i, sorted by j.
/// Symmetric up to [`MAX_NEIGHBOURS`] (fewer on a text of very many sentences, see
/// [`MAX_EDGES`]): past it, a sentence keeps only its strongest links.
pub(crate) type Graph = Rows;

/// The cosine-similarity graph of normalized vectors (each sorted by term, a term once): an
/// edge where the cosine exceeds `threshold` (at least 0).
pub(crate) fn cosine_graph(vecs: &Rows, vocab: usize, threshold: f64) -> Graph {
    let postings = postings(vecs, vocab);
    let n = vecs.len();
    let cap = neighbours(n);
    // In WebAssembly too since issue 19's tenth pass, when powers without `powf` (crate::math)
    // made room for it (0.4 kB) in the web build's budget: 2 % of a first-sight article's
    // instructions there (scripts/wasm-instructions.sh).
    if n <= DENSE {
        return dense_cosine_graph(vecs, &postings, threshold, cap);
    }
    let mut graph = Rows::with_capacity(n, 0);
    let mut acc = vec![0.0f64; n];
    // Room for a short text's rows from the start, rather than grown by doubling in each.
    let mut touched: Vec<u32> = Vec::with_capacity(n.min(ROOM));
    let mut row: Vec<(u32, f64)> = Vec::with_capacity(n.min(ROOM));
    for (i, v) in vecs.iter().enumerate() {
        for &(t, w) in v {
            let list = postings.list(t as usize);
            work::add(Counter::PostingsVisited, 1);
            if list.len() > MAX_POSTINGS {
                continue;
            }
            work::add(Counter::PostingsVisited, list.len());
            for &(j, wj) in list {
                if j as usize == i {
                    continue;
                }
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += f64::from(w) * f64::from(wj);
            }
        }
        for &j in &touched {
            let s = acc[j as usize];
            if s > threshold {
                row.push((j, s));
            }
            acc[j as usize] = 0.0;
        }
        touched.clear();
        finish_row(&mut graph, &mut row, cap, false);
    }
    graph
}

/// Edges a row is given room for at first (a row of a longer text grows as needed).
const ROOM: usize = 256;

/// Texts of at most this many sentences (a news article) get their graph from a table of
/// every pair's cosine, 16 kB at most: each pair is summed once rather than from both ends,
/// and the rows come out in index order, with no list of the sentences touched to sort.
const DENSE: usize = 64;

/// [`cosine_graph`] through the table of cosines. The cosine of i and j is summed once, when
/// row i (the lower) meets j in the postings of their shared terms: the same products, in the
/// same order (the shared terms ascending), as row j would sum for i, so the graph is the
/// sparse walk's to the bit. The table holds each pair once (the upper triangle, row by row),
/// half the zeroed memory of a square matrix (which callgrind counts an instruction a byte,
/// glibc zeroing it with `rep stosb`), and no pass to mirror it: 0.44 M fewer instructions on
/// the 100 dev articles.
fn dense_cosine_graph(vecs: &Rows, postings: &Postings, threshold: f64, cap: usize) -> Graph {
    let n = vecs.len();
    // Where row i's pairs (i, j) for j > i start: the pairs of the rows before it.
    let first = |i: usize| i * n - i * (i + 1) / 2;
    // Zeroed a row at a time as the rows come: at most 63 cosines (504 bytes) a time, which
    // glibc clears with vector stores, where the whole table at once (up to 16 kB) is cleared
    // with `rep stosb`, an instruction a byte to callgrind.
    let mut cos: Vec<f64> = Vec::with_capacity(first(n));
    // Where each term's list is at: rows are taken in order, and a row holds a term once, so
    // the list's next entry is the current row itself, and the rows after it follow.
    let mut at = postings.starts.clone();
    for (i, v) in vecs.iter().enumerate() {
        cos.resize(first(i + 1), 0.0);
        let pairs = &mut cos[first(i)..];
        for &(t, w) in v {
            let t = t as usize;
            let end = postings.starts[t + 1] as usize;
            let from = (at[t] as usize + 1).min(end);
            at[t] = from as u32;
            work::add(Counter::PostingsVisited, 1 + end - from);
            for &(j, wj) in &postings.entries[from..end] {
                pairs[j as usize - i - 1] += f64::from(w) * f64::from(wj);
            }
        }
    }
    // Room for every pair from both ends (at most 64 * 63 entries, 32 kB): one block of the
    // graph's size, not the 256 kB block a graph of unknown size starts with.
    let mut graph = Rows::with_capacity(n, n * n.saturating_sub(1));
    let mut row: Vec<(u32, f64)> = Vec::with_capacity(n);
    for i in 0..n {
        // The lower sentences' pairs with i (a step down each row: from (j, i) to (j + 1, i) is
        // the n - j - 2 pairs after it in row j), then i's own with the higher ones.
        let mut at = i.wrapping_sub(1);
        for j in 0..i {
            let s = cos[at];
            if s > threshold {
                row.push((j as u32, s));
            }
            at += n - j - 2;
        }
        for (j, &s) in (i + 1..).zip(&cos[first(i)..first(i + 1)]) {
            if s > threshold {
                row.push((j as u32, s));
            }
        }
        finish_row(&mut graph, &mut row, cap, true);
    }
    graph
}

/// TextRank's similarity graph (Mihalcea & Tarau 2004): shared distinct terms divided by
/// ln|Si| + ln|Sj|, which favours long sentences that share many words with the rest.
pub(crate) fn overlap_graph(sets: &Rows, vocab: usize) -> Graph {
    let postings = postings(sets, vocab);
    let n = sets.len();
    let mut graph = Rows::with_capacity(n, 0);
    let cap = neighbours(n);
    let mut acc = vec![0u32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut row: Vec<(u32, f64)> = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        for &(t, _) in set {
            let list = postings.list(t as usize);
            work::add(Counter::PostingsVisited, 1);
            if list.len() > MAX_POSTINGS {
                continue;
            }
            work::add(Counter::PostingsVisited, list.len());
            for &(j, _) in list {
                if j as usize == i {
                    continue;
                }
                if acc[j as usize] == 0 {
                    touched.push(j);
                }
                acc[j as usize] += 1;
            }
        }
        for &j in &touched {
            let (a, b) = (set.len() as f64, sets.row(j as usize).len() as f64);
            let denom = a.ln() + b.ln();
            if denom > 0.0 {
                row.push((j, acc[j as usize] as f64 / denom));
            }
            acc[j as usize] = 0;
        }
        touched.clear();
        finish_row(&mut graph, &mut row, cap, false);
    }
    graph
}

/// How alike documents are, from a sentence graph: for each ordered pair (a, b), the mean over
/// a's sentences of the weight of their best edge into b; the matrix holds the mean of the two
/// directions, with 1 on the diagonal. `doc_of[i]` is sentence i's document.
pub(crate) fn document_similarity(graph: &Graph, doc_of: &[usize], docs: usize) -> Vec<Vec<f64>> {
    let mut sums = vec![vec![0.0f64; docs]; docs];
    let mut count = vec![0usize; docs];
    let mut best: Vec<(usize, f64)> = Vec::new();
    work::add(Counter::DocumentPairs, docs * docs);
    for (i, edges) in graph.iter().enumerate() {
        let a = doc_of[i];
        count[a] += 1;
        best.clear();
        for &(j, w) in edges {
            // With `best`, at most the row's length again: a row has at most MAX_NEIGHBOURS.
            work::add(Counter::EdgesBuilt, 1 + best.len());
            let b = doc_of[j as usize];
            if b == a {
                continue;
            }
            let w = f64::from(w);
            match best.iter_mut().find(|x| x.0 == b) {
                Some(x) => x.1 = x.1.max(w),
                None => best.push((b, w)),
            }
        }
        for &(b, w) in &best {
            sums[a][b] += w;
        }
    }
    let mut m = vec![vec![0.0f64; docs]; docs];
    for a in 0..docs {
        m[a][a] = 1.0;
        for b in 0..a {
            let ab = if count[a] > 0 {
                sums[a][b] / count[a] as f64
            } else {
                0.0
            };
            let ba = if count[b] > 0 {
                sums[b][a] / count[b] as f64
            } else {
                0.0
            };
            let v = ((ab + ba) / 2.0).min(1.0);
            m[a][b] = v;
            m[b][a] = v;
        }
    }
    m
}

/// Sorted distinct terms of a bag.
pub(crate) fn term_set(terms: &[u32]) -> Vec<u32> {
    let mut s = terms.to_vec();
    crate::sort::sort(&mut s);
    s.dedup();
    s
}

/// Each term's postings, one list after another: the rows it appears in, with its weight
/// there, in row order.
struct Postings {
    /// Where each term's list starts in `entries`, and (last) where the last one ends.
    starts: Vec<u32>,
    entries: Vec<(u32, Weight)>,
}

impl Postings {
    /// The number of terms.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Term t's list.
    #[inline]
    fn list(&self, t: usize) -> &Sparse {
        &self.entries[self.starts[t] as usize..self.starts[t + 1] as usize]
    }
}

/// The postings of each term of `docs`. Counted first, so that the lists are filled in place
/// in one exact-size block.
fn postings(docs: &Rows, vocab: usize) -> Postings {
    work::add(Counter::PostingsVisited, vocab + docs.entries());
    // One past the terms: the last list's end, there from the start rather than pushed.
    let mut ends = vec![0u32; vocab + 1];
    // Rows fill each block from its start, one after another: the blocks' entries are the rows'
    // entries, read here block by block rather than row by row.
    for block in &docs.blocks {
        for &(t, _) in block {
            ends[t as usize] += 1;
        }
    }
    let mut total = 0u32;
    for e in ends.iter_mut() {
        total += *e;
        *e = total;
    }
    let mut entries = vec![(0u32, 0.0 as Weight); total as usize];
    // Filled from the back of each list, so that the rows come out in order and each list's
    // fill point ends at its start. Each row's span read in place, with no call a row.
    let mut fill = ends;
    for (i, &(b, start, end)) in docs.spans.iter().enumerate().rev() {
        for &(t, w) in &docs.blocks[b as usize][start as usize..end as usize] {
            let f = &mut fill[t as usize];
            *f -= 1;
            entries[*f as usize] = (i as u32, w);
        }
    }
    Postings {
        starts: fill,
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tfidf_is_normalized_and_sorted() {
        let idf = vec![1.0, 2.0, 0.5];
        let rows = tfidf(&[&[2, 0, 2, 1], &[], &[1]], &idf);
        let v = rows.row(0);
        assert_eq!(v.iter().map(|x| x.0).collect::<Vec<_>>(), [0, 1, 2]);
        // Weights are f32: unit length within its rounding.
        let n: f64 = v.iter().map(|x| f64::from(x.1).powi(2)).sum();
        assert!((n - 1.0).abs() < 1e-6);
        assert!((dot(v, v) - 1.0).abs() < 1e-6);
        assert!(rows.row(1).is_empty());
        assert_eq!(rows.row(2), [(1, 1.0)]);
    }

    #[test]
    fn flat_rows_are_the_rows_one_after_another() {
        // Rows longer than half a block: each starts a block of its own.
        let long = |t: u32| vec![(t, 0.5); BLOCK / 2 + 1];
        let rows = [long(0), vec![], long(1), vec![(7, 1.0)], long(2)];
        let r = Rows::from_rows(&rows);
        assert!(r.blocks.len() >= 3);
        let (ends, flat) = r.clone().into_flat();
        assert_eq!(flat, rows.concat());
        let mut start = 0;
        for (i, &end) in ends.iter().enumerate() {
            assert_eq!(&flat[start..end as usize], r.row(i));
            start = end as usize;
        }
        assert_eq!(Rows::default().into_flat(), (vec![], vec![]));
    }

    #[test]
    fn postings_list_each_terms_rows_in_order() {
        let docs = Rows::from_rows(&[vec![(0, 0.5), (2, 0.5)], vec![], vec![(2, 1.0)]]);
        let p = postings(&docs, 4);
        assert_eq!(p.len(), 4);
        assert_eq!(p.list(0), [(0, 0.5)]);
        assert!(p.list(1).is_empty() && p.list(3).is_empty());
        assert_eq!(p.list(2), [(0, 0.5), (2, 1.0)]);
    }

    #[test]
    fn graph_is_symmetric_without_self_loops() {
        let sents: Vec<&[u32]> = vec![&[0, 1], &[1, 2], &[3], &[0, 1, 2]];
        let idf = idf(&sents, 4);
        let vecs = tfidf(&sents, &idf);
        let g = cosine_graph(&vecs, 4, 0.0);
        for (i, row) in g.iter().enumerate() {
            for &(j, w) in row {
                assert_ne!(i, j as usize);
                let back = g
                    .row(j as usize)
                    .iter()
                    .find(|e| e.0 as usize == i)
                    .unwrap();
                assert!((back.1 - w).abs() < 1e-12);
            }
        }
        assert!(g.row(2).is_empty(), "sentence 2 shares no term");
    }

    #[test]
    fn a_graph_of_very_many_sentences_keeps_fewer_edges_each() {
        assert_eq!(neighbours(1_000), MAX_NEIGHBOURS);
        assert_eq!(neighbours(7_000_000), MIN_NEIGHBOURS);
        // 600 000 sentences in groups of 100 alike: 99 links each, kept to 27.
        let n = 600_000;
        let mut vecs = Rows::default();
        for i in 0..n {
            vecs.push_row([((i / 100) as u32, 1.0)]);
        }
        let g = cosine_graph(&vecs, n / 100, 0.0);
        assert_eq!(neighbours(n), 27);
        assert!(g.iter().all(|row| row.len() == 27));
        assert!(g.entries() <= MAX_EDGES);
    }

    /// [`cosine_graph`] as plainly as it can be written (every row's cosines summed, kept,
    /// capped): the oracle for the property test below, to the bit.
    #[cfg(not(target_arch = "wasm32"))]
    fn cosine_graph_by_rows(vecs: &Rows, vocab: usize, threshold: f64) -> Graph {
        let postings = postings(vecs, vocab);
        let n = vecs.len();
        let mut graph = Rows::default();
        let mut acc = vec![0.0f64; n];
        for (i, v) in vecs.iter().enumerate() {
            for &(t, w) in v {
                for &(j, wj) in postings.list(t as usize) {
                    if j as usize != i {
                        acc[j as usize] += f64::from(w) * f64::from(wj);
                    }
                }
            }
            let mut row: Vec<(u32, f64)> = (0..n)
                .filter(|&j| acc[j] > threshold)
                .map(|j| (j as u32, acc[j]))
                .collect();
            acc.iter_mut().for_each(|a| *a = 0.0);
            if row.len() > MAX_NEIGHBOURS {
                row.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                row.truncate(MAX_NEIGHBOURS);
                row.sort_by_key(|e| e.0);
            }
            graph.push_row(row.into_iter().map(|(j, w)| (j, w as Weight)));
        }
        graph
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_graph_is_its_plain_rows_to_the_bit(
            sents in proptest::collection::vec(proptest::collection::vec(0u32..20, 0..12), 0..129),
            few in proptest::bool::ANY,
            threshold in 0.0f64..0.3,
        ) {
            // With few terms, many sentences link to more than MAX_NEIGHBOURS others.
            let sents: Vec<Vec<u32>> = sents
                .into_iter()
                .map(|s| s.into_iter().map(|t| if few { t % 4 } else { t }).collect())
                .collect();
            let refs: Vec<&[u32]> = sents.iter().map(|s| s.as_slice()).collect();
            let idf = idf(&refs, 20);
            let vecs = tfidf(&refs, &idf);
            let bits = |g: &Graph| -> Vec<Vec<(u32, u32)>> {
                g.iter().map(|r| r.iter().map(|&(j, w)| (j, w.to_bits())).collect()).collect()
            };
            proptest::prop_assert_eq!(
                bits(&cosine_graph(&vecs, 20, threshold)),
                bits(&cosine_graph_by_rows(&vecs, 20, threshold))
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// The naive oracle: dense vectors over the whole vocabulary, cosine for every pair.
    fn dense_cosine(a: &[u32], b: &[u32], idf: &[f64]) -> f64 {
        let dense = |bag: &[u32]| {
            let mut v = vec![0.0; idf.len()];
            for &t in bag {
                v[t as usize] += idf[t as usize];
            }
            v
        };
        let (x, y) = (dense(a), dense(b));
        let dot: f64 = x.iter().zip(&y).map(|(p, q)| p * q).sum();
        let nx = x.iter().map(|p| p * p).sum::<f64>().sqrt();
        let ny = y.iter().map(|q| q * q).sum::<f64>().sqrt();
        if nx == 0.0 || ny == 0.0 {
            0.0
        } else {
            dot / (nx * ny)
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn sparse_graph_equals_dense_cosine(
            sents in proptest::collection::vec(proptest::collection::vec(0u32..12, 0..8), 0..14),
            threshold in 0.0f64..0.6,
        ) {
            let vocab = 12;
            let refs: Vec<&[u32]> = sents.iter().map(|s| s.as_slice()).collect();
            let idf = idf(&refs, vocab);
            let vecs = tfidf(&refs, &idf);
            let g = cosine_graph(&vecs, vocab, threshold);
            // Vector weights and edges are f32: a cosine is within a few of its roundings
            // (2^-24 relative) of the exact one, far inside this margin.
            let margin = 1e-6;
            for i in 0..sents.len() {
                for j in 0..sents.len() {
                    let want = dense_cosine(&sents[i], &sents[j], &idf);
                    let got = g.row(i).iter().find(|e| e.0 as usize == j).map(|e| e.1);
                    if i == j {
                        proptest::prop_assert!(got.is_none());
                    } else if want > threshold + margin {
                        proptest::prop_assert!((got.map_or(-1.0, f64::from) - want).abs() < margin,
                            "edge {i}-{j}: sparse {got:?}, dense {want}");
                    } else if want < threshold - margin {
                        proptest::prop_assert!(got.is_none());
                    }
                    proptest::prop_assert!((dot(vecs.row(i), vecs.row(j)) - want).abs() < margin);
                }
            }
        }
    }
}
