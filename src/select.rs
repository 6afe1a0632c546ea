//! Selection: the best sentences that fit the budget, without saying the same thing twice,
//! returned in document order.

use crate::score::similarity::{dot, SparseVec};

/// A budget in the unit selection counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Budget {
    Sentences(usize),
    Words(usize),
}

/// Picks sentences greedily by score (ties: the earlier sentence), skipping any whose cosine
/// similarity with an already picked one exceeds `redundancy`, and any that would overrun a word
/// budget. Returns corpus indices in ascending order.
pub(crate) fn select(
    scores: &[f64],
    vectors: &[SparseVec],
    words: &[usize],
    budget: Budget,
    redundancy: f64,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut picked: Vec<usize> = Vec::new();
    let mut used_words = 0usize;
    for i in order {
        match budget {
            Budget::Sentences(k) if picked.len() >= k => break,
            Budget::Words(w) if words[i] + used_words > w => continue,
            _ => {}
        }
        if picked.iter().any(|&p| dot(&vectors[p], &vectors[i]) > redundancy) {
            continue;
        }
        used_words += words[i];
        picked.push(i);
    }
    picked.sort_unstable();
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(t: u32) -> SparseVec {
        vec![(t, 1.0)]
    }

    #[test]
    fn best_first_then_document_order() {
        let v = vec![unit(0), unit(1), unit(2)];
        let got = select(&[0.1, 0.9, 0.5], &v, &[5, 5, 5], Budget::Sentences(2), 0.5);
        assert_eq!(got, [1, 2]);
    }

    #[test]
    fn repeats_are_skipped() {
        let v = vec![unit(0), unit(0), unit(1)];
        let got = select(&[0.9, 0.8, 0.1], &v, &[5, 5, 5], Budget::Sentences(2), 0.5);
        assert_eq!(got, [0, 2]);
    }

    #[test]
    fn word_budget_is_never_exceeded_and_shorter_ones_fill_it() {
        let v = vec![unit(0), unit(1), unit(2)];
        let got = select(&[0.9, 0.8, 0.1], &v, &[6, 6, 3], Budget::Words(10), 0.5);
        assert_eq!(got, [0, 2]);
        assert!(select(&[1.0], &[unit(0)], &[20], Budget::Words(10), 0.5).is_empty());
    }

    #[test]
    fn ties_go_to_the_earlier_sentence() {
        let v = vec![unit(0), unit(1), unit(2)];
        assert_eq!(select(&[0.5, 0.5, 0.5], &v, &[1, 1, 1], Budget::Sentences(1), 0.5), [0]);
    }
}
