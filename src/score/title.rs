//! Title overlap: sentences that share words with the title and headings say what the piece is
//! about.

/// Fraction of the distinct title terms that `set` contains, plus half the fraction of heading
/// terms, so a heading counts but less than the title. All three are sorted distinct term sets
/// (made once per document: a document with thousands of headings must not cost thousands of
/// sorts per sentence).
pub(crate) fn overlap(set: &[u32], title: &[u32], headings: &[u32]) -> f64 {
    frac(set, title) + 0.5 * frac(set, headings)
}

/// |set ∩ reference| / |reference|, both sorted and distinct: the smaller is walked and looked up
/// in the larger, so a long reference costs a logarithm per sentence term, not a scan.
fn frac(set: &[u32], reference: &[u32]) -> f64 {
    if reference.is_empty() {
        return 0.0;
    }
    let (small, large) = if set.len() <= reference.len() {
        (set, reference)
    } else {
        (reference, set)
    };
    let hit = small
        .iter()
        .filter(|t| large.binary_search(t).is_ok())
        .count();
    hit as f64 / reference.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_distinct_title_terms() {
        assert_eq!(overlap(&[1, 2, 3], &[1, 4], &[]), 0.5);
        assert_eq!(overlap(&[1, 2, 3], &[], &[]), 0.0);
        assert_eq!(overlap(&[1], &[1], &[1, 2]), 1.25);
        assert_eq!(overlap(&[2, 5, 9], &[1, 2, 3, 4, 5, 6, 7, 8], &[]), 0.25);
    }
}
