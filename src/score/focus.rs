//! Focus: steering a summary toward a reader's words ("security guarantees").

use crate::work::{self, Counter};

/// Share of its score a sentence keeps when it has none of the focus words.
const FLOOR: f64 = 0.25;
/// Share of the relevance part that does not depend on the sentence's own score, so a sentence
/// with every focus word outranks any sentence with none.
const RELEVANCE_BASE: f64 = 0.5;

/// Blends `scores` with relevance to `focus`: a sentence's relevance r is the idf-weighted share
/// of the focus terms it contains, relative to the most relevant sentence, and with s its score
/// divided by the largest, the result is FLOOR·s + (1 − FLOOR)·r·(BASE + (1 − BASE)·s), in
/// [0, 1]: a sentence with no focus word keeps at most FLOOR, one with all of them gets at least
/// (1 − FLOOR)·BASE. Without focus terms, or when no sentence
/// has any of them, the scores are returned unchanged. When the scores change and `trace` is
/// given, it receives each sentence's relevance r over the largest (for the explanation).
pub(crate) fn steer(
    scores: Vec<f64>,
    bags: &[&[u32]],
    focus: &[u32],
    idf: &[f64],
    trace: Option<&mut Vec<f64>>,
) -> Vec<f64> {
    let mut terms: Vec<u32> = focus.to_vec();
    crate::sort::sort(&mut terms);
    terms.dedup();
    let weight = |t: u32| idf.get(t as usize).copied().unwrap_or(0.0);
    let total: f64 = terms.iter().map(|&t| weight(t)).sum();
    if total <= 0.0 {
        return scores;
    }
    // A focus may be as long as the text (it counts toward the input limit): each sentence
    // looks its terms up in a table of the focus terms, rather than each focus term being
    // searched for in each sentence, which would be quadratic. The terms found are summed in
    // ascending order, as the focus terms are sorted.
    let mut is_focus = vec![false; terms.last().map_or(0, |&t| t as usize + 1)];
    for &t in &terms {
        is_focus[t as usize] = true;
    }
    let mut found: Vec<u32> = Vec::new();
    let relevance: Vec<f64> = bags
        .iter()
        .map(|bag| {
            work::add(Counter::FocusChecks, bag.len());
            found.clear();
            found.extend(
                bag.iter()
                    .filter(|&&t| is_focus.get(t as usize).copied().unwrap_or(false)),
            );
            crate::sort::sort(&mut found);
            found.dedup();
            found.iter().map(|&t| weight(t)).sum::<f64>() / total
        })
        .collect();
    let max_r = relevance.iter().cloned().fold(0.0, f64::max);
    let max_s = scores.iter().cloned().fold(0.0, f64::max);
    if max_r <= 0.0 || max_s <= 0.0 {
        return scores;
    }
    if let Some(t) = trace {
        t.extend(relevance.iter().map(|r| r / max_r));
    }
    scores
        .iter()
        .zip(&relevance)
        .map(|(s, r)| {
            let s = s / max_s;
            FLOOR * s + (1.0 - FLOOR) * (r / max_r) * (RELEVANCE_BASE + (1.0 - RELEVANCE_BASE) * s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relevant_sentences_move_up() {
        let bags: Vec<&[u32]> = vec![&[0, 1], &[2, 3], &[3]];
        let idf = vec![1.0; 4];
        let out = steer(vec![1.0, 0.5, 0.5], &bags, &[3], &idf, None);
        assert!(out[1] > out[0] && out[2] > out[0]);
        assert!((out[0] - FLOOR).abs() < 1e-12);
    }

    #[test]
    fn no_focus_or_no_match_changes_nothing() {
        let bags: Vec<&[u32]> = vec![&[0], &[1]];
        let idf = vec![1.0, 1.0, 0.0];
        assert_eq!(steer(vec![0.3, 0.7], &bags, &[], &idf, None), [0.3, 0.7]);
        assert_eq!(steer(vec![0.3, 0.7], &bags, &[2], &idf, None), [0.3, 0.7]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The focus table gives exactly the scores of searching each sentence for each focus
        /// term (the way it was done before, quadratic on a long focus).
        #[test]
        fn the_focus_table_equals_searching_each_sentence(
            sents in proptest::collection::vec(proptest::collection::vec(0u32..12, 0..8), 1..14),
            focus in proptest::collection::vec(0u32..14, 0..6),
            idf in proptest::collection::vec(0.0f64..3.0, 12),
            scores in proptest::collection::vec(0.0f64..1.0, 14),
        ) {
            let bags: Vec<&[u32]> = sents.iter().map(|s| s.as_slice()).collect();
            let scores = scores[..bags.len()].to_vec();
            let mut terms = focus.clone();
            crate::sort::sort(&mut terms);
            terms.dedup();
            let weight = |t: u32| idf.get(t as usize).copied().unwrap_or(0.0);
            let total: f64 = terms.iter().map(|&t| weight(t)).sum();
            let got = steer(scores.clone(), &bags, &focus, &idf, None);
            let relevance: Vec<f64> = bags
                .iter()
                .map(|bag| {
                    terms.iter().filter(|t| bag.contains(t)).map(|&t| weight(t)).sum::<f64>()
                        / total
                })
                .collect();
            let max_r = relevance.iter().cloned().fold(0.0, f64::max);
            let max_s = scores.iter().cloned().fold(0.0, f64::max);
            if total <= 0.0 || max_r <= 0.0 || max_s <= 0.0 {
                proptest::prop_assert_eq!(got, scores);
            } else {
                let want: Vec<f64> = scores
                    .iter()
                    .zip(&relevance)
                    .map(|(s, r)| {
                        let s = s / max_s;
                        FLOOR * s
                            + (1.0 - FLOOR) * (r / max_r) * (RELEVANCE_BASE + (1.0 - RELEVANCE_BASE) * s)
                    })
                    .collect();
                proptest::prop_assert_eq!(got, want);
            }
        }
    }
}
