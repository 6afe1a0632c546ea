//! Position: news is written as an inverted pyramid, so the first sentences carry the story.

use crate::document::Sentence;

/// A prior in (0, 1] that halves every `half_life` sentences into the document, with a bonus
/// for the first sentence of a paragraph (where writers put a paragraph's point).
pub(crate) fn lede(s: &Sentence, half_life: f64) -> f64 {
    let decay = 0.5f64.powf(s.index as f64 / half_life.max(1e-9));
    let para_start = if s.in_para == 0 { 1.0 } else { 0.85 };
    decay * para_start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(index: usize, in_para: usize) -> Sentence {
        Sentence {
            doc: 0,
            span: 0..0,
            terms: 0..0,
            words: 10,
            index,
            in_para,
            kind: crate::document::Kind::Prose,
        }
    }

    #[test]
    fn earlier_is_higher_and_halves() {
        assert_eq!(lede(&sent(0, 0), 3.0), 1.0);
        assert!((lede(&sent(3, 0), 3.0) - 0.5).abs() < 1e-12);
        assert!(lede(&sent(3, 1), 3.0) < lede(&sent(3, 0), 3.0));
    }
}
