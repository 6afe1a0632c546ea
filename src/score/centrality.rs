//! Graph centrality: PageRank over a weighted sentence-similarity graph (the LexRank and
//! TextRank family). A sentence is central when sentences like it are central too.

use super::similarity::Graph;
use crate::work::{self, Counter};

/// Damping factor: the chance of following an edge rather than jumping anywhere.
const DAMPING: f64 = 0.85;
const MAX_ITER: usize = 100;
const TOLERANCE: f64 = 1e-6;

/// The stationary distribution of a random walk on `graph` with uniform teleports, scaled so
/// that the mean score is 1. Isolated sentences get only the teleport share.
pub(crate) fn pagerank(graph: Graph) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    // The iterations walk every edge dozens of times: as one flat list with each row's end,
    // a pass is a plain walk over it. The sums are taken in the same order as over the rows.
    let (ends, edges) = graph.into_flat();
    if n <= SMALL {
        return small_pagerank(&ends, &edges);
    }
    let (out_weight, dangling) = row_weights(&ends, &edges);
    iterate(&ends, &edges, &out_weight, &dangling)
}

/// Each row's weight, the sum of its edges' (in order), and the rows that weigh nothing.
fn row_weights(ends: &[u32], edges: &[(u32, super::similarity::Weight)]) -> (Vec<f64>, Vec<usize>) {
    let mut out_weight: Vec<f64> = Vec::with_capacity(ends.len());
    let mut dangling: Vec<usize> = Vec::new();
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        let out: f64 = edges[start..end as usize]
            .iter()
            .map(|x| f64::from(x.1))
            .sum();
        if out == 0.0 {
            dangling.push(i);
        }
        out_weight.push(out);
        start = end as usize;
    }
    (out_weight, dangling)
}

/// The power iterations over the flat graph (`ends`, `edges`) whose rows weigh `out_weight`
/// (`dangling`: the rows that weigh nothing), to [`TOLERANCE`]; the scores scaled to a mean of 1.
fn iterate(
    ends: &[u32],
    edges: &[(u32, super::similarity::Weight)],
    out_weight: &[f64],
    dangling: &[usize],
) -> Vec<f64> {
    let n = ends.len();
    let mut p = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITER {
        work::add(Counter::PagerankWork, n + edges.len());
        // Walkers on a sentence with no edges jump anywhere: spread their mass evenly.
        let dangling: f64 = dangling.iter().map(|&i| p[i]).sum();
        let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
        next.iter_mut().for_each(|x| *x = base);
        let mut start = 0;
        for ((&end, &out), &pi) in ends.iter().zip(out_weight).zip(&p) {
            let end = end as usize;
            if out != 0.0 {
                let share = DAMPING * pi / out;
                for &(j, w) in &edges[start..end] {
                    next[j as usize] += share * f64::from(w);
                }
            }
            start = end;
        }
        let diff: f64 = p.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut p, &mut next);
        if diff < TOLERANCE {
            break;
        }
    }
    p.iter().map(|x| x * n as f64).collect()
}

/// An edge of [`small_pagerank`]'s graph: the sentence it leads to and its weight, widened.
type Edge = (usize, f64);

/// Graphs of at most this many sentences (every news article's) take [`small_pagerank`].
const SMALL: usize = 128;

/// [`iterate`] for a graph of at most [`SMALL`] sentences, to the bit the same
/// sums in the same order, in fewer instructions: the scores are arrays of [`SMALL`], which an
/// index masked to under [`SMALL`] cannot overrun (a mask for each edge instead of a bounds test,
/// and the arrays are small enough to be zeroed by a few wide stores), and the weights are
/// widened once rather than in every pass. In WebAssembly too since issue 19's eighth pass, when
/// one copy of the trimming code each (`text::trim`) made room in the web build's budget: 2.5 %
/// of a first-sight article's instructions there (`scripts/wasm-instructions.sh`).
fn small_pagerank(ends: &[u32], edges: &[(u32, super::similarity::Weight)]) -> Vec<f64> {
    let n = ends.len();
    let edges: Vec<Edge> = edges
        .iter()
        .map(|&(j, w)| (j as usize, f64::from(w)))
        .collect();
    // The rows that weigh something, in order, each with its sentence, edges and weight (as
    // [`row_weights`] sums it): a pass takes them as they are, with no test of the weight or
    // of the row's bounds. The others are dangling.
    let mut rows: Vec<(usize, &[Edge], f64)> = Vec::with_capacity(n);
    let mut dangling: Vec<usize> = Vec::new();
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        let row = &edges[start..end as usize];
        let out: f64 = row.iter().map(|e| e.1).sum();
        if out != 0.0 {
            rows.push((i, row, out));
        } else {
            dangling.push(i);
        }
        start = end as usize;
    }
    let (mut a, mut b) = ([1.0 / n as f64; SMALL], [0.0; SMALL]);
    let (mut p, mut next) = (&mut a, &mut b);
    for _ in 0..MAX_ITER {
        work::add(Counter::PagerankWork, n + edges.len());
        let dangling: f64 = dangling.iter().map(|&i| p[i]).sum();
        let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
        next[..n].fill(base);
        for &(i, row, out) in &rows {
            let share = DAMPING * p[i & (SMALL - 1)] / out;
            // Two edges a step, in order, then the odd one.
            let mut pairs = row.chunks_exact(2);
            for pair in &mut pairs {
                let [(j, w), (k, v)] = [pair[0], pair[1]];
                next[j & (SMALL - 1)] += share * w;
                next[k & (SMALL - 1)] += share * v;
            }
            if let [(j, w)] = *pairs.remainder() {
                next[j & (SMALL - 1)] += share * w;
            }
        }
        let diff: f64 = p[..n]
            .iter()
            .zip(&next[..n])
            .map(|(a, b)| (a - b).abs())
            .sum();
        std::mem::swap(&mut p, &mut next);
        if diff < TOLERANCE {
            break;
        }
    }
    p[..n].iter().map(|x| x * n as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_outranks_leaves() {
        // 0 is linked to 1, 2, 3; they are not linked to each other.
        let g = Graph::from_rows(&[
            vec![(1, 1.0), (2, 1.0), (3, 1.0)],
            vec![(0, 1.0)],
            vec![(0, 1.0)],
            vec![(0, 1.0)],
        ]);
        let p = pagerank(g);
        assert!(p[0] > p[1] && (p[1] - p[2]).abs() < 1e-9);
        let mean: f64 = p.iter().sum::<f64>() / 4.0;
        assert!((mean - 1.0).abs() < 1e-9);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn small_graphs_rank_as_any_to_the_bit(
            rows in proptest::collection::vec(
                proptest::collection::btree_map(0u32..128, 0.0f32..1.0, 0..12),
                1..=SMALL,
            ),
        ) {
            // Random rows (an edge to a sentence past the last is dropped), some of them empty
            // and some weights zero: dangling rows and rows that weigh nothing.
            let n = rows.len() as u32;
            let rows: Vec<Vec<(u32, f32)>> = rows
                .into_iter()
                .map(|r| r.into_iter().filter(|&(j, _)| j < n).collect())
                .collect();
            let (ends, edges) = Graph::from_rows(&rows).into_flat();
            let (out_weight, dangling) = row_weights(&ends, &edges);
            let bits = |p: Vec<f64>| p.into_iter().map(f64::to_bits).collect::<Vec<_>>();
            proptest::prop_assert_eq!(
                bits(small_pagerank(&ends, &edges)),
                bits(iterate(&ends, &edges, &out_weight, &dangling))
            );
        }
    }

    #[test]
    fn empty_and_edgeless_graphs() {
        assert!(pagerank(Graph::default()).is_empty());
        let p = pagerank(Graph::from_rows(&[[], []]));
        assert!((p[0] - 1.0).abs() < 1e-9 && (p[1] - 1.0).abs() < 1e-9);
    }
}
