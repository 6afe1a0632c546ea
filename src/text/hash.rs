//! A fast hash for words, for the maps and sets keyed by the text's own words.
//!
//! Its functions are `const`, so that tables of fixed words (the English stop list) are hashed
//! when the crate is compiled, by the same code that hashes the text's words.

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
        self.0 = absorb(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `state` with `bytes` added: eight bytes a step, then the last 0 to 7 bytes as one more step
/// (most words are shorter than 8 bytes, and a step a byte was most of their cost).
const fn absorb(mut state: u64, bytes: &[u8]) -> u64 {
    let mut rest = bytes;
    while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
        state = step(state, u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]));
        rest = tail;
    }
    if !rest.is_empty() {
        // The length in the top byte tells "a" from "a\0".
        state = step(state, short(rest) | ((rest.len() as u64 * 8) << 56));
    }
    state
}

/// `state` with the next eight bytes `word` added (or the last 1 to 7, with 8 times their
/// number in the top byte): one step of [`absorb`], for a scan that has the bytes in a
/// register.
#[inline(always)]
pub(crate) const fn step(state: u64, word: u64) -> u64 {
    (state.rotate_left(5) ^ word).wrapping_mul(K)
}

/// Up to 7 bytes as one number, read little-endian in at most three pieces (not a step a byte).
#[inline(always)]
pub(crate) const fn short(mut r: &[u8]) -> u64 {
    let mut x = 0u64;
    let mut shift = 0;
    if let [a, b, c, d, rest @ ..] = r {
        x = u32::from_le_bytes([*a, *b, *c, *d]) as u64;
        shift = 32;
        r = rest;
    }
    if let [a, b, rest @ ..] = r {
        x |= (u16::from_le_bytes([*a, *b]) as u64) << shift;
        shift += 16;
        r = rest;
    }
    if let [a] = r {
        x |= (*a as u64) << shift;
    }
    x
}

/// The hash of a word's bytes for tables that use its low bits: [`WordHasher`]'s, whose best
/// bits are high, folded down.
pub(crate) const fn word_hash(bytes: &[u8]) -> u64 {
    fold(absorb(0, bytes))
}

/// [`word_hash`] of a word of 1 to 7 bytes from its `packed` form (its bytes as [`short`]
/// reads them, with 8 times its length in the top byte): one step, no loop.
#[inline(always)]
pub(crate) const fn mix(packed: u64) -> u64 {
    fold(packed.wrapping_mul(K))
}

/// The hash of a table of low bits from [`absorb`]'s state: its best bits folded down.
#[inline(always)]
pub(crate) const fn fold(x: u64) -> u64 {
    x ^ (x >> 29) ^ (x >> 47)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_words_hash_is_its_packed_forms() {
        for w in [
            "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "a\0", "\0",
        ] {
            let b = w.as_bytes();
            let packed = short(b) | ((b.len() as u64 * 8) << 56);
            assert_eq!(word_hash(b), mix(packed), "{w:?}");
        }
        assert_ne!(word_hash(b"a"), word_hash(b"a\0"));
        assert_ne!(word_hash(b"abcdefgh"), word_hash(b"abcdefgh\0"));
    }
}
