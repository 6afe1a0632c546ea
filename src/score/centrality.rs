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
    let mut out_weight: Vec<f64> = Vec::with_capacity(n);
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
    let mut p = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITER {
        work::add(Counter::PagerankWork, n + edges.len());
        // Walkers on a sentence with no edges jump anywhere: spread their mass evenly.
        let dangling: f64 = dangling.iter().map(|&i| p[i]).sum();
        let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
        next.iter_mut().for_each(|x| *x = base);
        let mut start = 0;
        for ((&end, &out), &pi) in ends.iter().zip(&out_weight).zip(&p) {
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
}
