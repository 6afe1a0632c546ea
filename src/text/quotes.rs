//! Quotations that run over several sentences.
//!
//! The segmenter ends sentences inside quotations, as a reader does: `"We lost. We will be
//! back," he said.` is two sentences. Out of their context, the pieces read as fragments, each
//! with a quotation mark that is never closed or never opened. So for a summary, a quotation
//! that opens in one sentence and closes in a later one of the same paragraph becomes one unit
//! (the pieces' ranges merged), and a piece whose quotation cannot be closed that way (it runs
//! on into the next paragraph, as news quotes of several paragraphs do, or it closes a
//! quotation opened before the paragraph) is marked, so that a summary does not choose it.
//!
//! Double quotes only: straight `"`, curly `“ ”`, low `„` (closed by `“` or `”`), guillemets
//! `« »` either way round, and the corner brackets `「 」` `『 』`. Single quotes are also
//! apostrophes and are left alone.

use std::ops::Range;

use crate::text::bytes::{HIGH, ONES};
use crate::work::{self, Counter};

/// A unit of summary: a sentence, or a quotation's sentences merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub range: Range<usize>,
    /// Whether its quotation marks pair up. An unpaired unit is a fragment of a longer
    /// quotation.
    pub paired: bool,
}

/// A quotation longer than this many sentences is not merged: a unit that long is a passage,
/// not a sentence. Its pieces stay fragments.
const MAX_SENTENCES: usize = 4;

/// Where a sentence leaves the quotation marks: how many it opens that it does not close
/// (`open`), and how many it closes that it did not open (`closed`, a quotation opened before).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    open: u32,
    closed: u32,
    /// Whether a German `„` was seen: then `“` closes.
    low: bool,
}

impl Marks {
    fn close(&mut self) {
        if self.open > 0 {
            self.open -= 1;
        } else {
            self.closed += 1;
        }
    }

    fn paired(&self) -> bool {
        self.open == 0 && self.closed == 0
    }
}

/// The high bit of each byte of `w` that may start a mark: a `"` or a byte from 0x80 up (the
/// lowest flag is exact; those above it may be false).
#[inline(always)]
fn mark_flags(w: u64) -> u64 {
    let q = w ^ (ONES * u64::from(b'"'));
    (w | (q.wrapping_sub(ONES) & !q)) & HIGH
}

/// The quotation marks of `s`, read left to right. A straight `"` opens when it starts `s` or
/// follows a space, an opening bracket, a dash or `=` (markup: `href="..."`), and closes
/// otherwise; every other mark says its side, but `“`, which closes a German `„` (`low`: one
/// was seen, here or earlier in the unit).
fn marks(s: &str, low: bool) -> Marks {
    work::add(Counter::DocumentBytes, s.len());
    let b = s.as_bytes();
    let mut m = Marks {
        low,
        ..Marks::default()
    };
    let mut i = 0;
    loop {
        // Every mark but `"` is non-ASCII: eight bytes with neither are skipped at once (a
        // word test for a high bit and for a `"` byte), and in a word with one, the scan goes
        // on at the first such byte (the test's lowest flag is exact). Sixteen bytes a step
        // while there are (one test for both words), then eight, which find the byte.
        while let Some(chunk) = b.get(i..i + 16) {
            let (x, y) = chunk.split_at(8);
            let x = u64::from_le_bytes(x.try_into().unwrap_or([0; 8]));
            let y = u64::from_le_bytes(y.try_into().unwrap_or([0; 8]));
            if mark_flags(x) | mark_flags(y) != 0 {
                break;
            }
            i += 16;
        }
        while let Some(chunk) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let flags = mark_flags(w);
            if flags != 0 {
                i += flags.trailing_zeros() as usize / 8;
                break;
            }
            i += 8;
        }
        let Some(&byte) = b.get(i) else {
            break;
        };
        if byte != b'"' && byte < 0xC2 {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        match c {
            '"' | '＂' => {
                let opens = s[..i].chars().next_back().is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '=')
                });
                if opens {
                    m.open += 1;
                } else {
                    m.close();
                }
            }
            '“' if m.low => m.close(),
            '„' => {
                m.low = true;
                m.open += 1;
            }
            '“' | '«' | '「' | '『' => m.open += 1,
            '”' | '»' | '」' | '』' => m.close(),
            _ => {}
        }
        i += c.len_utf8();
    }
    m
}

/// Merges the sentences of one block (`ranges`, in order, into `text`) into summary units. Only
/// sentences of one line are merged, and a sentence that starts a line with an opening mark
/// while a quotation is open shows the convention of quotations over several paragraphs (no
/// closing mark at a paragraph's end): then the open piece is a fragment.
#[cfg(test)]
pub(crate) fn units(text: &str, ranges: &[Range<usize>]) -> Vec<Unit> {
    let mut out = Vec::new();
    units_into(text, ranges, &mut out);
    out
}

/// [`units`] into `out`, cleared first: a buffer the caller keeps from block to block.
#[inline(never)]
pub(crate) fn units_into(text: &str, ranges: &[Range<usize>], out: &mut Vec<Unit>) {
    out.clear();
    // At most a unit a sentence: one allocation, not a chain of them.
    out.reserve(ranges.len());
    let mut i = 0;
    while i < ranges.len() {
        let first = marks(&text[ranges[i].clone()], false);
        if first.closed > 0 || first.open == 0 {
            out.push(Unit {
                range: ranges[i].clone(),
                paired: first.paired(),
            });
            i += 1;
            continue;
        }
        // `first` opens a quotation: look for the sentence that closes it.
        let mut open = first.open;
        let mut end = None;
        for (j, r) in ranges
            .iter()
            .enumerate()
            .skip(i + 1)
            .take(MAX_SENTENCES - 1)
        {
            if text[ranges[j - 1].end..r.start].contains(['\n', '\r']) {
                break;
            }
            let m = marks(&text[r.clone()], first.low);
            if m.closed >= open {
                if m.closed == open && m.open == 0 {
                    end = Some(j);
                }
                break;
            }
            open = open - m.closed + m.open;
        }
        match end {
            Some(j) => {
                out.push(Unit {
                    range: ranges[i].start..ranges[j].end,
                    paired: true,
                });
                i = j + 1;
            }
            None => {
                out.push(Unit {
                    range: ranges[i].clone(),
                    paired: false,
                });
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_units(text: &str) -> Vec<(&str, bool)> {
        let ranges = crate::text::sentence::split(text);
        units(text, &ranges)
            .into_iter()
            .map(|u| (&text[u.range], u.paired))
            .collect()
    }

    #[test]
    fn a_quotation_over_sentences_is_one_unit() {
        let t = "He spoke. \"We lost. We will be back,\" he said. Then he left.";
        assert_eq!(
            split_units(t),
            [
                ("He spoke.", true),
                ("\"We lost. We will be back,\" he said.", true),
                ("Then he left.", true)
            ]
        );
        let t = "Sie sagte: „Wir kommen. Wir bleiben.“ Dann ging sie.";
        assert_eq!(
            split_units(t),
            [
                ("Sie sagte: „Wir kommen. Wir bleiben.“", true),
                ("Dann ging sie.", true)
            ]
        );
        let t = "Il a dit : « Nous partons. Nous reviendrons. » Puis il est parti.";
        assert!(split_units(t)[0].1);
        assert_eq!(split_units(t).len(), 2);
    }

    #[test]
    fn a_quotation_into_the_next_paragraph_leaves_fragments() {
        let t = "\"We lost. We will be back.\n\"And we will win,\" he said.";
        assert_eq!(
            split_units(t),
            [
                ("\"We lost.", false),
                ("We will be back.", true),
                ("\"And we will win,\" he said.", true)
            ]
        );
        // Closing a quotation opened before: a fragment.
        let t = "we will win,\" he said. He left.";
        assert_eq!(
            split_units(t),
            [("we will win,\" he said.", false), ("He left.", true)]
        );
    }

    #[test]
    fn balanced_sentences_are_left_alone() {
        let t = "\"Yes,\" she said. He said \"no\". (\"Why?\") Fine.";
        let u = split_units(t);
        assert_eq!(u.len(), 4);
        assert!(u.iter().all(|u| u.1));
    }

    #[test]
    fn marks_are_seen_at_any_offset() {
        // The word-at-a-time skip must not step over a mark, whatever its place in the word.
        for pad in 0..40 {
            let lead = "x".repeat(pad);
            for (mark, open, closed) in [(" \"", 1, 0), ("x\"", 0, 1), ("«", 1, 0), ("」", 0, 1)]
            {
                let m = marks(&format!("{lead}{mark}{lead}"), false);
                assert_eq!((m.open, m.closed), (open, closed), "{pad} {mark}");
            }
        }
    }

    #[test]
    fn a_long_quotation_is_not_merged() {
        let t = "\"One. Two. Three. Four. Five,\" he said.";
        let u = split_units(t);
        assert_eq!(u.len(), 5);
        assert!(!u[0].1);
    }
}
