//! Title overlap: sentences that share words with the title and headings say what the piece is
//! about.

/// Fraction of the distinct title terms that `set` (a sorted term set) contains, plus half the
/// fraction of heading terms, so a heading counts but less than the title.
pub(crate) fn overlap(set: &[u32], title: &[u32], headings: &[u32]) -> f64 {
    frac(set, title) + 0.5 * frac(set, headings)
}

/// `reference` need not be sorted or distinct.
fn frac(set: &[u32], reference: &[u32]) -> f64 {
    let mut r = reference.to_vec();
    r.sort_unstable();
    r.dedup();
    if r.is_empty() {
        return 0.0;
    }
    let hit = r.iter().filter(|t| set.binary_search(t).is_ok()).count();
    hit as f64 / r.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_distinct_title_terms() {
        assert_eq!(overlap(&[1, 2, 3], &[1, 1, 4], &[]), 0.5);
        assert_eq!(overlap(&[1, 2, 3], &[], &[]), 0.0);
        assert_eq!(overlap(&[1], &[1], &[1, 2]), 1.25);
    }
}
