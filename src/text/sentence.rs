//! Sentence segmentation: byte ranges of the sentences of a text.
//!
//! PLACEHOLDER: a naive splitter until the real one lands.

use std::ops::Range;

/// Splits `text` into sentences, returned as byte ranges into `text`, in order, trimmed of
/// surrounding white space, never empty, never overlapping.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        let end_here = matches!(c, '.' | '!' | '?') && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
            || c == '\n';
        if let (true, Some(s)) = (end_here, start) {
            let e = if c == '\n' { i } else { i + 1 };
            let t = text[s..e].trim_end();
            if !t.is_empty() {
                out.push(s..s + t.len());
            }
            start = None;
        }
    }
    if let Some(s) = start {
        let t = text[s..].trim_end();
        if !t.is_empty() {
            out.push(s..s + t.len());
        }
    }
    out
}
