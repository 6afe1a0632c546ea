//! A string interner: each distinct word stored once, in one buffer, with a small value.
//!
//! The tokenizer looks up every word of a text twice (the word, then its stem). A map keyed by
//! `Box<str>` made one allocation per distinct word and per distinct stem and freed them all at
//! the end: a fifth of the time on a news article, more in WebAssembly, whose allocator is
//! slower. Here keys live in one `String` and the table is open addressing over `u32`s, so a
//! document costs a handful of allocations, however many words it has.

use std::hash::Hasher;

use super::hash::WordHasher;
use crate::work::{self, Counter};

/// Interned keys with a `u32` value each; keys are never removed.
#[derive(Default)]
pub(crate) struct Interner {
    /// Every key, one after another.
    text: String,
    /// Entry i: its key's end in `text` (it starts where entry i - 1 ends), and its value.
    entries: Vec<(u32, u32)>,
    /// Open addressing with linear probing: 0 is an empty slot, else the low 32 bits of the
    /// key's hash (above) and its entry index plus one (below). A probe compares keys only when
    /// their hashes agree, and growing never hashes a key again. The length is a power of two
    /// (at most 2^32, so the low bits hold every position), at least twice the entries.
    slots: Vec<u64>,
}

/// A key's hash, for [`Interner::get_hashed`] and [`Interner::insert_hashed`]: a caller that
/// looks a key up and then inserts it hashes it once.
pub(crate) fn hash(key: &str) -> u64 {
    let mut h = WordHasher::default();
    h.write(key.as_bytes());
    // The multiplicative hash leaves its best bits high; the table uses the low ones.
    let x = h.finish();
    x ^ (x >> 29) ^ (x >> 47)
}

/// Whether two keys are equal, compared in line: keys are words of a few bytes, for which a
/// call to the C library's memcmp costs more than the comparison.
#[inline]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl Interner {
    /// The number of keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The heap bytes the table holds (capacity, not length).
    pub fn bytes(&self) -> usize {
        self.text.capacity()
            + self.entries.capacity() * std::mem::size_of::<(u32, u32)>()
            + self.slots.capacity() * std::mem::size_of::<u64>()
    }

    fn key(&self, entry: usize) -> &str {
        let start = if entry == 0 {
            0
        } else {
            self.entries[entry - 1].0 as usize
        };
        &self.text[start..self.entries[entry].0 as usize]
    }

    /// The slot where `key` is, or the empty slot where it would go.
    fn slot(&self, key: &str, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let tag = h & 0xFFFF_FFFF;
        let mut i = h as usize & mask;
        loop {
            work::add(Counter::InternProbes, 1);
            let x = self.slots[i];
            if x == 0 || (x >> 32 == tag && same(self.key((x & 0xFFFF_FFFF) as usize - 1), key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`, if it was inserted.
    pub fn get(&self, key: &str) -> Option<u32> {
        self.get_hashed(key, hash(key))
    }

    /// The value of `key`, whose [`hash`] is `h`, if it was inserted.
    pub fn get_hashed(&self, key: &str, h: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.slot(key, h)] {
            0 => None,
            x => Some(self.entries[(x & 0xFFFF_FFFF) as usize - 1].1),
        }
    }

    /// Sets the value of `key`, adding the key if it is new.
    pub fn insert(&mut self, key: &str, value: u32) {
        self.insert_hashed(key, hash(key), value);
    }

    /// Sets the value of `key`, whose [`hash`] is `h`, adding the key if it is new.
    pub fn insert_hashed(&mut self, key: &str, h: u64, value: u32) {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.slot(key, h);
        match self.slots[i] {
            0 => {
                self.text.push_str(key);
                self.entries.push((self.text.len() as u32, value));
                self.slots[i] = (h & 0xFFFF_FFFF) << 32 | self.entries.len() as u64;
            }
            x => self.entries[(x & 0xFFFF_FFFF) as usize - 1].1 = value,
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        for x in old.into_iter().filter(|&x| x != 0) {
            // The slot's hash bits give the key's place: no key is read or hashed again.
            let mut i = (x >> 32) as usize & mask;
            work::add(Counter::InternProbes, 1);
            while self.slots[i] != 0 {
                work::add(Counter::InternProbes, 1);
                i = (i + 1) & mask;
            }
            self.slots[i] = x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_key_and_its_value() {
        let mut m = Interner::default();
        assert_eq!(m.get("a"), None);
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            m.insert(w, i as u32);
        }
        m.insert("", 7);
        assert_eq!(m.len(), 5001);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(i as u32), "{w}");
        }
        assert_eq!(m.get(""), Some(7));
        assert_eq!(m.get("w5000"), None);
        assert_eq!(m.get("w"), None, "a prefix of a key is not a key");
        m.insert("w3", 99);
        assert_eq!((m.get("w3"), m.len()), (Some(99), 5001));
    }
}
