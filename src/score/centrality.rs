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
    // The iterations walk every edge dozens of times. Each pass pulls into a sentence what its
    // neighbours send it, from a list of the edges into each sentence (by source, ascending):
    // the sums are the ones pushing along the rows would take, in the same order, while the
    // sentence's new score, its change and what it sends next come out of the same step.
    let mut out_weight: Vec<f64> = Vec::with_capacity(n);
    let mut dangling: Vec<usize> = Vec::new();
    let mut degrees = vec![0u32; n];
    for (i, row) in graph.iter().enumerate() {
        let out: f64 = row.iter().map(|x| f64::from(x.1)).sum();
        if out == 0.0 {
            // Sends nothing along its edges (as if its weight out were infinite): walkers
            // there jump anywhere.
            dangling.push(i);
            out_weight.push(f64::INFINITY);
            continue;
        }
        for &(j, _) in row {
            degrees[j as usize] += 1;
        }
        out_weight.push(out);
    }
    // Filled from the back of each list, rows last to first, so that each list is in source
    // order.
    let mut fill: Vec<u32> = degrees
        .iter()
        .scan(0, |end, &d| {
            *end += d;
            Some(*end)
        })
        .collect();
    let mut incoming = vec![(0u32, 0.0f64); fill[n - 1] as usize];
    for i in (0..n).rev() {
        if out_weight[i] == f64::INFINITY {
            continue;
        }
        for &(j, w) in graph.row(i) {
            let f = &mut fill[j as usize];
            *f -= 1;
            incoming[*f as usize] = (i as u32, f64::from(w));
        }
    }
    drop(graph);
    let first = 1.0 / n as f64;
    let mut p = vec![first; n];
    // What each sentence sends along a unit of edge weight.
    let mut share: Vec<f64> = out_weight
        .iter()
        .map(|&out| DAMPING * first / out)
        .collect();
    let mut next = vec![0.0; n];
    // The walkers on sentences with no edges out, spread evenly over the next pass.
    let mut lost: f64 = dangling.iter().map(|_| first).sum();
    for _ in 0..MAX_ITER {
        work::add(Counter::PagerankWork, n + incoming.len());
        let base = (1.0 - DAMPING) / n as f64 + DAMPING * lost / n as f64;
        let mut diff = 0.0;
        let mut rest = &incoming[..];
        for ((pj, &degree), (sj, &out)) in p
            .iter_mut()
            .zip(&degrees)
            .zip(next.iter_mut().zip(&out_weight))
        {
            let (edges, tail) = rest.split_at(degree as usize);
            rest = tail;
            let mut x = base;
            for &(i, w) in edges {
                x += share[i as usize] * w;
            }
            diff += (*pj - x).abs();
            *pj = x;
            *sj = DAMPING * x / out;
        }
        std::mem::swap(&mut share, &mut next);
        lost = dangling.iter().map(|&i| p[i]).sum();
        if diff < TOLERANCE {
            break;
        }
    }
    p.iter().map(|x| x * n as f64).collect()
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

    #[test]
    fn empty_and_edgeless_graphs() {
        assert!(pagerank(Graph::default()).is_empty());
        let p = pagerank(Graph::from_rows(&[[], []]));
        assert!((p[0] - 1.0).abs() < 1e-9 && (p[1] - 1.0).abs() < 1e-9);
    }

    /// PageRank as it was first written, pushing each sentence's share along its row into a
    /// vector of next scores: the oracle for the property test below, to the bit.
    #[cfg(not(target_arch = "wasm32"))]
    fn pagerank_by_rows(graph: &Graph) -> Vec<f64> {
        let n = graph.len();
        let out: Vec<f64> = graph
            .iter()
            .map(|row| row.iter().map(|x| f64::from(x.1)).sum())
            .collect();
        let mut p = vec![1.0 / n as f64; n];
        let mut next = vec![0.0; n];
        for _ in 0..MAX_ITER {
            let dangling: f64 = (0..n).filter(|&i| out[i] == 0.0).map(|i| p[i]).sum();
            let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
            next.iter_mut().for_each(|x| *x = base);
            for (i, row) in graph.iter().enumerate() {
                if out[i] != 0.0 {
                    let share = DAMPING * p[i] / out[i];
                    for &(j, w) in row {
                        next[j as usize] += share * f64::from(w);
                    }
                }
            }
            let diff: f64 = p.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut p, &mut next);
            if diff < TOLERANCE {
                break;
            }
        }
        p.iter().map(|x| x * n as f64).collect()
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn pulling_gives_the_scores_pushing_gives_to_the_bit(
            rows in proptest::collection::vec(
                proptest::collection::btree_map(0u32..40, 0.0f32..1.0, 0..12), 1..40),
        ) {
            let n = rows.len() as u32;
            let rows: Vec<Vec<(u32, f32)>> = rows
                .iter()
                .map(|r| r.iter().filter(|e| *e.0 < n).map(|(&j, &w)| (j, w)).collect())
                .collect();
            let g = Graph::from_rows(&rows);
            let bits = |p: Vec<f64>| p.into_iter().map(f64::to_bits).collect::<Vec<_>>();
            proptest::prop_assert_eq!(bits(pagerank(g.clone())), bits(pagerank_by_rows(&g)));
        }
    }
}
