//! A string interner: each distinct word stored once, with a small value.
//!
//! The tokenizer looks up every word of a text twice (the word, then its stem). A map keyed by
//! `Box<str>` made one allocation per distinct word and per distinct stem and freed them all at
//! the end: a fifth of the time on a news article, more in WebAssembly, whose allocator is
//! slower. Here the table is open addressing over numbers, so a document costs a handful of
//! allocations, however many words it has.
//!
//! Most words are shorter than eight bytes, and such a key is stored as one number, its bytes
//! and its length (a [`Key`]'s `packed`): a probe compares two numbers, with no byte of text
//! read, no length and no offsets looked up. Longer keys live in one buffer and are compared
//! there when their full hashes agree.

use super::hash::{mix, short, word_hash};
use crate::work::{self, Counter};

/// What [`Key::packed`] is for a key of no byte or of eight or more: such a key is in the
/// buffer. A short key's packed form has its length (1 to 7, times 8) in the top byte, never
/// 0xFF.
const LONG: u64 = u64::MAX;

/// In an entry, the top byte of a long key (its index in `long` below): no short key has it.
const LONG_SLOT: u64 = 0xFF << 56;

/// Up to this many slots (32 kB), a table is kept at most a quarter full (see
/// [`Interner::is_full`]).
const SPARSE_SLOTS: usize = 1 << 13;

/// A key as the table compares and places it, computed once for a lookup and the insertion
/// after it.
#[derive(Clone, Copy)]
pub(crate) struct Key {
    /// A key of 1 to 7 bytes: the bytes, little-endian, with 8 times the length in the top
    /// byte (so "a" is not "a\0"), which tells every such key from every other. Else [`LONG`].
    packed: u64,
    /// Where the key goes in the table: a hash of all its bytes.
    hash: u64,
}

impl Key {
    /// The key of `s` (`const`: fixed tables are built with it).
    #[inline]
    pub const fn of(s: &str) -> Key {
        let b = s.as_bytes();
        if !b.is_empty() && b.len() < 8 {
            let packed = short(b) | (b.len() as u64 * 8) << 56;
            // The same hash as `word_hash` gives these bytes, without a loop.
            Key {
                packed,
                hash: mix(packed),
            }
        } else {
            Key {
                packed: LONG,
                hash: word_hash(b),
            }
        }
    }

    /// The key of a word of 1 to 7 bytes from its packed form (its bytes as [`short`] reads
    /// them, with 8 times its length in the top byte): for a scan that has the word's bytes in
    /// a register already, with no slice to read them from.
    #[inline(always)]
    pub fn of_packed(packed: u64) -> Key {
        debug_assert!(matches!(packed >> 56, 8 | 16 | 24 | 32 | 40 | 48 | 56));
        Key {
            packed,
            hash: mix(packed),
        }
    }

    /// The key of a word of eight bytes or more whose hash, as [`Key::of`] makes it, is
    /// `hash`: for a scan that hashed the word as it read it.
    #[inline(always)]
    pub fn of_long(hash: u64) -> Key {
        Key { packed: LONG, hash }
    }

    /// Where the key goes in a table: a hash of all its bytes.
    pub const fn hash(&self) -> u64 {
        self.hash
    }

    /// The bytes of a key of 1 to 7 bytes, which it holds itself, put in `buf`; `None` for a
    /// longer key (or none), which only its text has.
    pub fn short_bytes<'b>(&self, buf: &'b mut [u8; 8]) -> Option<&'b [u8]> {
        if self.packed == LONG {
            return None;
        }
        *buf = self.packed.to_le_bytes();
        Some(&buf[..(self.packed >> 59) as usize])
    }
}

/// Where [`Interner::find`] found no key: the slot it would go to, and how many keys the table
/// had then (a key added since makes the slot stale).
pub(crate) struct Vacant {
    slot: usize,
    len: usize,
}

/// Interned keys with a `u32` value each; keys are never removed.
pub(crate) struct Interner {
    /// Open addressing with linear probing: 0 is an empty slot, else the index in `keys`
    /// of the key there, plus one. The length is a power of two, at least twice the keys (four
    /// times while the table is small: see [`Interner::is_full`]).
    /// Four bytes a slot: a table that grows writes a third of the bytes it wrote with the
    /// keys in the slots, and places the keys from `keys`, with no empty slot to pass.
    slots: Vec<u32>,
    /// Each key in order of insertion: a short key's packed form
    /// ([`Key::packed`]), or [`LONG_SLOT`] and the index in `long` of a long key.
    keys: Vec<u64>,
    /// Each key's value, in the same order. Apart from `keys` rather than beside each one: a
    /// key and its value take 12 bytes, not a padded 16, in the lists that are copied as the
    /// lexicon grows (0.12 M of the 100 dev articles' 51.3 M instructions).
    values: Vec<u32>,
    /// Long key i (from 1): its hash, and its end in `text` (it starts where key i - 1 ends).
    /// Entry 0 ends at 0: the first key needs no case of its own.
    long: Vec<(u64, u32)>,
    /// The bytes of every long key, one after another.
    text: Vec<u8>,
}

impl Default for Interner {
    /// A table with room for a few keys (never none: a probe needs no case for an empty table).
    fn default() -> Interner {
        Interner::with_capacity(32)
    }
}

impl Interner {
    /// The number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// The heap bytes the table holds (capacity, not length).
    pub fn bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<u32>()
            + self.keys.capacity() * std::mem::size_of::<u64>()
            + self.values.capacity() * std::mem::size_of::<u32>()
            + self.long.capacity() * std::mem::size_of::<(u64, u32)>()
            + self.text.capacity()
    }

    /// The slot where `key` (whose [`Key`] is `k`) is, or the empty slot where it would go,
    /// and what that slot holds.
    #[inline]
    fn slot(&self, k: &Key, key: &[u8]) -> (usize, u32) {
        let mask = self.slots.len() - 1;
        let mut i = k.hash as usize & mask;
        loop {
            work::add(Counter::InternProbes, 1);
            let e = self.slots[i];
            if e == 0 {
                return (i, 0);
            }
            // No entry holds `LONG`: a long key is found by `is_long` alone.
            let x = self.keys[e as usize - 1];
            if x == k.packed || (k.packed == LONG && self.is_long(x, k.hash, key)) {
                return (i, e);
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether the entry `x` holds the long key `key`, whose hash is `hash_of_key` (by value: a
    /// reference would keep every lookup's key in memory).
    #[inline(never)]
    fn is_long(&self, x: u64, hash_of_key: u64, key: &[u8]) -> bool {
        if x & LONG_SLOT != LONG_SLOT {
            return false;
        }
        let e = (x & 0xFFFF_FFFF) as usize;
        let (start, (hash, end)) = (self.long[e - 1].1 as usize, self.long[e]);
        // Equal hashes of 64 bits: the keys are all but certainly equal, and one comparison
        // (a call to memcmp) says it.
        hash == hash_of_key && self.text[start..end as usize] == *key
    }

    /// A table with room for `keys` keys before it grows.
    pub fn with_capacity(keys: usize) -> Interner {
        let sparse = (keys * 4).next_power_of_two().max(64);
        let size = if sparse <= SPARSE_SLOTS {
            sparse
        } else {
            (keys * 2).next_power_of_two()
        };
        Interner {
            slots: vec![0; size],
            keys: Vec::new(),
            values: Vec::new(),
            long: vec![(0, 0)],
            text: Vec::new(),
        }
    }

    /// A table with room for `keys` keys before it grows, in its lists of keys and values too.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_room(keys: usize) -> Interner {
        let mut table = Interner::with_capacity(keys);
        table.keys.reserve_exact(keys);
        table.values.reserve_exact(keys);
        table
    }

    /// The value of `key`, whose [`Key`] is `k`, or where it would go: for
    /// [`Interner::insert_vacant`], so that a key looked up and then added is looked up once.
    #[inline]
    pub fn find(&self, k: &Key, key: &str) -> Result<u32, Vacant> {
        match self.slot(k, key.as_bytes()) {
            (slot, 0) => Err(Vacant {
                slot,
                len: self.len(),
            }),
            (_, e) => Ok(self.values[e as usize - 1]),
        }
    }

    /// Adds `key`, whose [`Key`] is `k` and which [`Interner::find`] did not find, with `value`.
    pub fn insert_vacant(&mut self, vacant: Vacant, k: &Key, key: &str, value: u32) {
        let mut i = vacant.slot;
        let full = self.is_full();
        if vacant.len != self.len() || full {
            // Keys came or the table grows: the slot is looked for again.
            if full {
                self.grow();
            }
            let (slot, e) = self.slot(k, key.as_bytes());
            if e != 0 {
                self.values[e as usize - 1] = value;
                return;
            }
            i = slot;
        }
        self.fill(i, k, key, value);
    }

    /// The value of `key`, if it was inserted.
    pub fn get(&self, key: &str) -> Option<u32> {
        self.find(&Key::of(key), key).ok()
    }

    /// Sets the value of `key`, adding the key if it is new.
    pub fn insert(&mut self, key: &str, value: u32) {
        let anywhere = Vacant {
            slot: 0,
            len: usize::MAX,
        };
        self.insert_vacant(anywhere, &Key::of(key), key, value);
    }

    /// Whether one more key would fill the table past its load: a quarter of the slots while
    /// the table is small (at most [`SPARSE_SLOTS`]), where the memory is little and every
    /// probe is shorter for it, half of them above.
    fn is_full(&self) -> bool {
        let keys = self.len() + 1;
        let load = if self.slots.len() <= SPARSE_SLOTS {
            4
        } else {
            2
        };
        keys * load > self.slots.len()
    }

    /// Puts the new `key` in the empty slot `i`, where it belongs.
    fn fill(&mut self, i: usize, k: &Key, key: &str, value: u32) {
        let x = if k.packed == LONG {
            self.text.extend_from_slice(key.as_bytes());
            self.long.push((k.hash, self.text.len() as u32));
            LONG_SLOT | (self.long.len() - 1) as u64
        } else {
            k.packed
        };
        self.keys.push(x);
        self.values.push(value);
        self.slots[i] = self.keys.len() as u32;
    }

    /// Doubles the slots and places every key again, in order of insertion.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.slots = vec![0; size];
        let mask = size - 1;
        for (e, &x) in self.keys.iter().enumerate() {
            // A short key is its own hash's input; a long one's hash is kept: no key's bytes
            // are read again.
            let hash = if x & LONG_SLOT == LONG_SLOT {
                self.long[(x & 0xFFFF_FFFF) as usize].0
            } else {
                mix(x)
            };
            let mut i = hash as usize & mask;
            work::add(Counter::InternProbes, 1);
            while self.slots[i] != 0 {
                work::add(Counter::InternProbes, 1);
                i = (i + 1) & mask;
            }
            self.slots[i] = e as u32 + 1;
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

    #[test]
    fn short_and_long_keys_are_told_apart() {
        // Around the 8 bytes of a packed key: lengths, NULs, a last byte changed, and a
        // value of u32::MAX (the tokenizer's mark for a word that is no term).
        let keys = [
            "a",
            "a\0",
            "\0",
            "\0\0",
            "abcdefg",
            "abcdefh",
            "abcdefgh",
            "abcdefg\0",
            "abcdefghi",
            "abcdefgi",
            "négocié",
            "négociés",
            "internationalization",
            "internationalizatioN",
            "\u{ff}\u{ff}\u{ff}",
            "ÿÿÿÿ",
            "",
        ];
        let mut m = Interner::default();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(m.get(k), None, "{k:?} before it is there");
            m.insert(k, u32::MAX - i as u32);
        }
        assert_eq!(m.len(), keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(m.get(k), Some(u32::MAX - i as u32), "{k:?}");
        }
        for k in ["b", "abcdef", "abcdefghj", "internationalizatio", "\0\0\0"] {
            assert_eq!(m.get(k), None, "{k:?}");
        }
        m.insert("abcdefghi", 1);
        m.insert("a", 2);
        assert_eq!(
            (m.get("abcdefghi"), m.get("a"), m.len()),
            (Some(1), Some(2), keys.len())
        );
    }

    #[test]
    fn a_vacant_slot_goes_stale_when_keys_come() {
        for mut m in [Interner::default(), Interner::with_capacity(4)] {
            let (kx, ky) = (Key::of("x"), Key::of("y"));
            let Err(x) = m.find(&kx, "x") else {
                panic!("x is not there yet")
            };
            let Err(y) = m.find(&ky, "y") else {
                panic!("y is not there yet")
            };
            m.insert_vacant(y, &ky, "y", 2);
            // The slot found for x may be the one y took.
            m.insert_vacant(x, &kx, "x", 1);
            assert_eq!((m.get("x"), m.get("y"), m.len()), (Some(1), Some(2), 2));
            assert_eq!(m.find(&kx, "x").ok(), Some(1));
            // Up to the table's growth, a slot found just before is used.
            for i in 0..100u32 {
                let w = format!("w{i}");
                let k = Key::of(&w);
                let Err(v) = m.find(&k, &w) else {
                    panic!("{w} is not there yet")
                };
                m.insert_vacant(v, &k, &w, i);
            }
            assert_eq!(m.len(), 102);
            assert!((0..100u32).all(|i| m.get(&format!("w{i}")) == Some(i)));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn agrees_with_a_map(keys in proptest::collection::vec("[ab\0é]{0,12}", 0..200)) {
            let mut m = Interner::default();
            let mut oracle = std::collections::BTreeMap::new();
            for (i, k) in keys.iter().enumerate() {
                proptest::prop_assert_eq!(m.get(k), oracle.get(k.as_str()).copied());
                m.insert(k, i as u32);
                oracle.insert(k.as_str(), i as u32);
            }
            proptest::prop_assert_eq!(m.len(), oracle.len());
            for (k, v) in &oracle {
                proptest::prop_assert_eq!(m.get(k), Some(*v));
            }
        }
    }
}
