//! A fast hash for words, for the maps and sets keyed by the text's own words.

use std::hash::Hasher;

/// A fast multiplicative hash for short words. Maps and sets keyed by every word of a text
/// spent a third of their time in SipHash; the keys come from the text itself, so a crafted
/// text could at worst slow down its own summary. None of these maps is iterated into output.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

/// The multiplier of [`WordHasher`].
const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        // The last 0 to 7 bytes as one more word: most words are shorter than 8 bytes, and a
        // step a byte was most of their cost.
        let r = chunks.remainder();
        if !r.is_empty() {
            // The length in the top byte tells "a" from "a\0".
            let x = short(r) | ((r.len() as u64 * 8) << 56);
            self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Up to 7 bytes as one number, read little-endian in at most three pieces (not a step a byte).
#[inline(always)]
pub(crate) fn short(mut r: &[u8]) -> u64 {
    let mut x = 0u64;
    let mut shift = 0;
    if let [a, b, c, d, rest @ ..] = r {
        x = u64::from(u32::from_le_bytes([*a, *b, *c, *d]));
        shift = 32;
        r = rest;
    }
    if let [a, b, rest @ ..] = r {
        x |= u64::from(u16::from_le_bytes([*a, *b])) << shift;
        shift += 16;
        r = rest;
    }
    if let [a] = r {
        x |= u64::from(*a) << shift;
    }
    x
}

/// The hash of a word's bytes for tables that use its low bits: [`WordHasher`]'s, whose best
/// bits are high, folded down.
pub(crate) fn word_hash(bytes: &[u8]) -> u64 {
    let mut h = WordHasher::default();
    h.write(bytes);
    fold(h.finish())
}

/// [`word_hash`] of a word of 1 to 7 bytes from its `packed` form (its bytes as [`short`]
/// reads them, with 8 times its length in the top byte): one step, no loop.
#[inline(always)]
pub(crate) fn mix(packed: u64) -> u64 {
    fold(packed.wrapping_mul(K))
}

#[inline(always)]
fn fold(x: u64) -> u64 {
    x ^ (x >> 29) ^ (x >> 47)
}
