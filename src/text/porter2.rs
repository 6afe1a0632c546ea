//! The Snowball English stemmer ("Porter2", snowballstem.org/algorithms/english), written by
//! hand for speed, giving exactly the stems of `rust_stemmers` 1.2 (its English algorithm).
//!
//! Stemming was most of the cost of tokenizing, more so in WebAssembly: the generated Snowball
//! code builds a new `String` for every edit (the marking of a 'y' included) and walks its
//! suffix tables char by char. Here an ASCII word is copied to a buffer on the stack and edited
//! there as bytes. Suffixes are compared as numbers (the word's last eight letters against a
//! packed suffix and its mask), since a slice comparison is a call to `memcmp` in WebAssembly,
//! and a stem that is a prefix of its word (most stems) is returned borrowed, with no
//! allocation. A character outside ASCII is, for the algorithm, a non-vowel that ends no suffix:
//! it stands in the buffer as one byte of that kind, and the stem keeps the word's own
//! characters. Words our tokenizer never makes are left as they are (see [`unusual`]): with an
//! apostrophe (which the algorithm strips), a capital 'Y' (which it would take for one of its
//! marks), a NUL (which would pass for the zeros before a short word), or more than 60 letters.
//! So no build links the English stemmer of `rust_stemmers`.
//!
//! This follows the version of the algorithm that `rust_stemmers` 1.2 was generated from, not
//! the newest (which, for one, has more special prefixes than gener, commun and arsen).

use std::borrow::Cow;

/// The longest word stemmed here; a longer one goes to `rust_stemmers` (the tokenizer does not
/// even stem words over 40 characters). Below 64, so that a word's letters fit the bits of a
/// `u64`.
const MAX_LEN: usize = 60;

/// Zero bytes before the word in its buffer, so that its last eight letters can always be read
/// as one number.
const PAD: usize = 8;

/// The buffer: the padding, the word, then room for step 1b's 'e' and for the four-byte store
/// of a replacement.
const BUF: usize = PAD + MAX_LEN + 8;

/// The stem of `word` (lower-case, as the tokenizer makes words), as the Snowball English
/// stemmer of `rust_stemmers` 1.2 gives it; a word the tokenizer never makes, itself.
pub(crate) fn stem(word: &str) -> Cow<'_, str> {
    // Fewer than three characters: left as it is (before any other rule, even an apostrophe's).
    if word.len() < 3 {
        return Cow::Borrowed(word);
    }
    let mut w = Word::empty();
    if !w.read(word) {
        return unusual(word);
    }
    if w.n < 3 {
        return Cow::Borrowed(word); // three bytes or more, but fewer characters
    }
    if w.n <= 6 && ends_like(EXCEPTIONAL_LAST, w.last()) {
        if let Ok(i) = EXCEPTIONAL.binary_search_by_key(&w.tail(), |&(e, _)| e) {
            return Cow::Borrowed(EXCEPTIONAL[i].1);
        }
    }
    w.stem();
    // Letters before `dirty` are the word's own (each other character stood for itself), and
    // the edits after it wrote ASCII letters only.
    let kept = &word[..w.start(w.n.min(w.dirty))];
    if w.n <= w.dirty {
        Cow::Borrowed(kept)
    } else {
        let edited = std::str::from_utf8(&w.buf[PAD + w.dirty..PAD + w.n]).expect("ASCII edits");
        Cow::Owned([kept, edited].concat())
    }
}

/// A word the tokenizer never makes (an apostrophe, a capital 'Y', a NUL, more than 60
/// letters) is left as it is: handing it to `rust_stemmers` would link its English stemmer,
/// 3 kB of every download, for words that never come.
fn unusual(word: &str) -> Cow<'_, str> {
    Cow::Borrowed(word)
}

/// `s` (at most eight bytes) as the number [`Word::tail`] gives for a word that ends so: read
/// little-endian (WebAssembly's order, so a load is no byte swap), its last byte the highest.
const fn pack(s: &[u8]) -> u64 {
    let mut v = 0;
    let mut i = 0;
    while i < s.len() {
        v = v >> 8 | (s[i] as u64) << 56;
        i += 1;
    }
    v
}

/// The words stemmed by a list rather than by the rules (some left as they are), packed, for a
/// binary search: in increasing order, which is by last letter, then the letter before... (a
/// test checks the order).
const EXCEPTIONAL: [(u64, &str); 18] = [
    (pack(b"howe"), "howe"),
    (pack(b"dying"), "die"),
    (pack(b"lying"), "lie"),
    (pack(b"tying"), "tie"),
    (pack(b"bias"), "bias"),
    (pack(b"atlas"), "atlas"),
    (pack(b"andes"), "andes"),
    (pack(b"skies"), "sky"),
    (pack(b"skis"), "ski"),
    (pack(b"cosmos"), "cosmos"),
    (pack(b"news"), "news"),
    (pack(b"sky"), "sky"),
    (pack(b"idly"), "idl"),
    (pack(b"singly"), "singl"),
    (pack(b"ugly"), "ugli"),
    (pack(b"only"), "onli"),
    (pack(b"early"), "earli"),
    (pack(b"gently"), "gentl"),
];

/// Words that step 1a leaves in a form the later steps must not touch, packed.
const INVARIANT_AFTER_1A: [u64; 8] = [
    pack(b"inning"),
    pack(b"outing"),
    pack(b"canning"),
    pack(b"herring"),
    pack(b"earring"),
    pack(b"proceed"),
    pack(b"exceed"),
    pack(b"succeed"),
];

/// The last letters of the words of [`EXCEPTIONAL`], as [`ends_like`] reads them.
const EXCEPTIONAL_LAST: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < EXCEPTIONAL.len() {
        bits |= 1 << ((EXCEPTIONAL[i].0 >> 56) & 31);
        i += 1;
    }
    bits
};

/// The last letters of the words of [`INVARIANT_AFTER_1A`], as [`ends_like`] reads them.
const INVARIANT_LAST: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < INVARIANT_AFTER_1A.len() {
        bits |= 1 << ((INVARIANT_AFTER_1A[i] >> 56) & 31);
        i += 1;
    }
    bits
};

/// Whether `last` may be the last letter of a word of a list whose last letters are `bits`
/// (bit `b & 31` for each letter `b`): a word that ends otherwise is not looked for in it.
fn ends_like(bits: u32, last: u8) -> bool {
    bits >> (last & 31) & 1 != 0
}

/// A suffix, packed, and the mask of its bytes in a packed word end. The word's padding is
/// zeros and no suffix has one, so a suffix longer than the word never matches.
#[derive(Clone, Copy)]
struct Suffix {
    bytes: u64,
    mask: u64,
    len: usize,
}

impl Suffix {
    const fn new(s: &[u8]) -> Suffix {
        Suffix {
            bytes: pack(s),
            mask: u64::MAX << (64 - 8 * s.len()),
            len: s.len(),
        }
    }
}

const SSES: Suffix = Suffix::new(b"sses");
const IES: Suffix = Suffix::new(b"ies");
const IED: Suffix = Suffix::new(b"ied");
const SS: Suffix = Suffix::new(b"ss");
const US: Suffix = Suffix::new(b"us");
const EED: Suffix = Suffix::new(b"eed");
const ED: Suffix = Suffix::new(b"ed");
const ING: Suffix = Suffix::new(b"ing");
const EEDLY: Suffix = Suffix::new(b"eedly");
const EDLY: Suffix = Suffix::new(b"edly");
const INGLY: Suffix = Suffix::new(b"ingly");
const AT: Suffix = Suffix::new(b"at");
const BL: Suffix = Suffix::new(b"bl");
const IZ: Suffix = Suffix::new(b"iz");

/// A suffix and what replaces it (at most four letters).
struct Rule {
    suffix: Suffix,
    by: [u8; 4],
    by_len: usize,
    /// How many letters `by` and the suffix start with alike: what the edit leaves as it was.
    same: usize,
}

const fn rule(suffix: &[u8], by: &[u8]) -> Rule {
    let mut padded = [0; 4];
    let mut i = 0;
    while i < by.len() {
        padded[i] = by[i];
        i += 1;
    }
    let mut same = 0;
    while same < by.len() && by[same] == suffix[same] {
        same += 1;
    }
    Rule {
        suffix: Suffix::new(suffix),
        by: padded,
        by_len: by.len(),
        same,
    }
}

// The rules of steps 2 to 4, grouped by the suffix's last letter and, within a group, longest
// first: the first that the word ends with is the longest, the one the algorithm acts on (a
// shorter one is not tried when the longest one's condition fails).

/// Step 2, suffixes in R1 ("ogi" and "li" have conditions of their own).
fn step_2_rules(last: u8) -> &'static [Rule] {
    match last {
        b'i' => {
            &const {
                [
                    rule(b"lessli", b"less"),
                    rule(b"biliti", b"ble"),
                    rule(b"fulli", b"ful"),
                    rule(b"ousli", b"ous"),
                    rule(b"entli", b"ent"),
                    rule(b"aliti", b"al"),
                    rule(b"iviti", b"ive"),
                    rule(b"anci", b"ance"),
                    rule(b"enci", b"ence"),
                    rule(b"abli", b"able"),
                    rule(b"alli", b"al"),
                    rule(b"bli", b"ble"),
                    rule(b"ogi", b"og"),
                    rule(b"li", b""),
                ]
            }
        }
        b'l' => &const { [rule(b"ational", b"ate"), rule(b"tional", b"tion")] },
        b'm' => &const { [rule(b"alism", b"al")] },
        b'n' => &const { [rule(b"ization", b"ize"), rule(b"ation", b"ate")] },
        b'r' => &const { [rule(b"izer", b"ize"), rule(b"ator", b"ate")] },
        b's' => {
            &const {
                [
                    rule(b"iveness", b"ive"),
                    rule(b"fulness", b"ful"),
                    rule(b"ousness", b"ous"),
                ]
            }
        }
        _ => &[],
    }
}

const OGI: u64 = pack(b"ogi");
const LI: u64 = pack(b"li");
const ATIVE: u64 = pack(b"ative");
const ION: u64 = pack(b"ion");

/// Step 3, suffixes in R1 ("ative" also in R2).
fn step_3_rules(last: u8) -> &'static [Rule] {
    match last {
        b'e' => {
            &const {
                [
                    rule(b"icate", b"ic"),
                    rule(b"ative", b""),
                    rule(b"alize", b"al"),
                ]
            }
        }
        b'i' => &const { [rule(b"iciti", b"ic")] },
        b'l' => {
            &const {
                [
                    rule(b"ational", b"ate"),
                    rule(b"tional", b"tion"),
                    rule(b"ical", b"ic"),
                    rule(b"ful", b""),
                ]
            }
        }
        b's' => &const { [rule(b"ness", b"")] },
        _ => &[],
    }
}

/// Step 4, suffixes in R2, deleted ("ion" only after 's' or 't').
fn step_4_suffixes(last: u8) -> &'static [Suffix] {
    const fn s(s: &[u8]) -> Suffix {
        Suffix::new(s)
    }
    match last {
        b'c' => &const { [s(b"ic")] },
        b'e' => {
            &const {
                [
                    s(b"ance"),
                    s(b"ence"),
                    s(b"able"),
                    s(b"ible"),
                    s(b"ate"),
                    s(b"ive"),
                    s(b"ize"),
                ]
            }
        }
        b'i' => &const { [s(b"iti")] },
        b'l' => &const { [s(b"al")] },
        b'm' => &const { [s(b"ism")] },
        b'n' => &const { [s(b"ion")] },
        b'r' => &const { [s(b"er")] },
        b's' => &const { [s(b"ous")] },
        b't' => &const { [s(b"ement"), s(b"ment"), s(b"ant"), s(b"ent")] },
        _ => &[],
    }
}

/// A vowel of the algorithm: 'y' is one, a 'Y' (a 'y' marked as a consonant) is not.
const fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The letters that end no short syllable: vowels, 'w', 'x' and 'Y'.
fn is_vowel_wxy(b: u8) -> bool {
    matches!(
        b,
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'x' | b'Y'
    )
}

/// The letters before which step 2 removes "li".
fn is_valid_li(b: u8) -> bool {
    matches!(
        b,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

/// What a character outside ASCII becomes in the buffer: for the algorithm, such a character
/// is a non-vowel that belongs to no suffix, and so is this byte.
const OTHER: u8 = 0x80;

/// In [`READ`]: a vowel of the algorithm ('y' included).
const VOWEL: u8 = 1;
/// In [`READ`]: a byte no word stemmed here has (see [`unusual`]): a NUL, an apostrophe, a
/// capital 'Y', a byte of a character outside ASCII (each of which is read as one [`OTHER`]).
const REJECTED: u8 = 2;

/// What each byte is when a word is read: one load a letter, where a chain of comparisons was
/// most of the cost of reading.
const READ: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        if is_vowel(x) {
            t[b] = VOWEL;
        } else if matches!(x, 0 | b'\'' | b'Y') || x > OTHER {
            t[b] = REJECTED;
        }
        b += 1;
    }
    t
};

/// A word being stemmed, in a buffer after [`PAD`] zero bytes.
struct Word {
    buf: [u8; BUF],
    /// The length of the word, in characters (each one byte of `buf`).
    n: usize,
    /// Where each character starts in the word, in bytes, and where the word ends: set only
    /// when the word has a character outside ASCII (else the two counts are the same).
    starts: Option<[u8; MAX_LEN + 1]>,
    /// Bit i: letter i is a vowel. Only read before the first edit that is not a cut, so it is
    /// never brought up to date.
    vowels: u64,
    /// Whether a 'y' was marked as a consonant 'Y', to be made 'y' again at the end.
    y_found: bool,
    /// Where R1 and R2 start. They are found once, before step 1a, and the edits do not move
    /// them (as in Snowball).
    p1: usize,
    p2: usize,
    /// The letters before this one are still those of the input word (once the 'Y's are made
    /// 'y' again): a stem no longer than this is a slice of the word.
    dirty: usize,
}

impl Word {
    /// A word to stem, not yet read (see [`Word::read`]).
    fn empty() -> Word {
        Word {
            buf: [0; BUF],
            n: 0,
            vowels: 0,
            y_found: false,
            p1: 0,
            p2: 0,
            dirty: 0,
            starts: None,
        }
    }

    /// The byte offset in the word of its `i`th character.
    fn start(&self, i: usize) -> usize {
        self.starts.map_or(i, |s| usize::from(s[i]))
    }

    /// Copies `word` to the buffer, its consonant 'y's marked; false for a word that
    /// `rust_stemmers` must stem.
    fn read(&mut self, word: &str) -> bool {
        // Read as bytes first, with no pass of its own to tell whether it is ASCII: a byte of
        // a character outside ASCII that leads it is REJECTED, so a word read is an ASCII one.
        if word.len() <= MAX_LEN && self.read_letters(word.bytes()) {
            return true;
        }
        !word.is_ascii() && self.read_chars(word)
    }

    /// [`Word::read`] for a word with characters outside ASCII: each is one [`OTHER`] byte.
    fn read_chars(&mut self, word: &str) -> bool {
        let mut starts = [0u8; MAX_LEN + 1];
        let mut n = 0;
        for (i, _) in word.char_indices() {
            // 60 characters take at most 240 bytes: every start fits a byte.
            if n == MAX_LEN || i > usize::from(u8::MAX) {
                return false;
            }
            starts[n] = i as u8;
            n += 1;
        }
        let Ok(end) = u8::try_from(word.len()) else {
            return false;
        };
        starts[n] = end;
        self.starts = Some(starts);
        self.read_letters(
            word.chars()
                .map(|c| if c.is_ascii() { c as u8 } else { OTHER }),
        )
    }

    /// Copies the letters (at most [`MAX_LEN`]) to the buffer, marking consonant 'y's.
    fn read_letters(&mut self, letters: impl Iterator<Item = u8>) -> bool {
        // A 'y' that starts the word or follows a vowel is a consonant: it becomes 'Y' (and so
        // is no vowel for the next letter). The start counts as after a vowel.
        let (mut vowels, mut y_found) = (0, false);
        let mut after_vowel = true;
        let mut n = 0;
        for (i, b) in letters.enumerate() {
            let class = READ[usize::from(b)];
            if class & REJECTED != 0 {
                return false;
            }
            let consonant_y = b == b'y' && after_vowel;
            y_found |= consonant_y;
            after_vowel = class & VOWEL != 0 && !consonant_y;
            vowels |= (after_vowel as u64) << i;
            self.buf[PAD + i] = if consonant_y { b'Y' } else { b };
            n = i + 1;
        }
        (self.n, self.p1, self.p2, self.dirty) = (n, n, n, n);
        (self.vowels, self.y_found) = (vowels, y_found);
        true
    }

    /// The last eight letters (fewer, after zeros, in a shorter word), the last one highest.
    // Inlined by force, with `last` and `ends`: at the web build's opt-level "s" they were calls,
    // 2 % of its instructions on a dev article's first sight, at no cost in size.
    #[inline(always)]
    fn tail(&self) -> u64 {
        let end = PAD + self.n;
        u64::from_le_bytes(self.buf[end - 8..end].try_into().expect("eight bytes"))
    }

    /// The last letter.
    #[inline(always)]
    fn last(&self) -> u8 {
        (self.tail() >> 56) as u8
    }

    /// Whether the word ends with `s`.
    #[inline(always)]
    fn ends(&self, s: Suffix) -> bool {
        self.tail() & s.mask == s.bytes
    }

    fn letter(&self, i: usize) -> u8 {
        self.buf[PAD + i]
    }

    /// The letter before position `i`.
    fn before(&self, i: usize) -> Option<u8> {
        i.checked_sub(1).map(|j| self.letter(j))
    }

    /// Whether one of the first `len` letters is a vowel (before any edit but cuts).
    fn has_vowel_before(&self, len: usize) -> bool {
        self.vowels & ((1 << len) - 1) != 0
    }

    /// Replaces the rule's suffix (which the word ends with) by its replacement.
    fn replace(&mut self, r: &Rule) {
        let start = self.n - r.suffix.len;
        self.buf[PAD + start..PAD + start + 4].copy_from_slice(&r.by);
        if r.same < r.by_len {
            self.dirty = self.dirty.min(start + r.same);
        }
        self.n = start + r.by_len;
    }

    /// Stems the word in place.
    fn stem(&mut self) {
        self.mark_regions();
        self.step_1a();
        let invariant = self.n <= 7
            && ends_like(INVARIANT_LAST, self.last())
            && INVARIANT_AFTER_1A.contains(&self.tail());
        if !invariant {
            self.step_1b();
            self.step_1c();
            self.step_2();
            self.step_3();
            self.step_4();
            self.step_5();
        }
        if self.y_found {
            for b in &mut self.buf[PAD..PAD + self.n] {
                if *b == b'Y' {
                    *b = b'y';
                }
            }
        }
    }

    /// R1 starts after the first non-vowel that follows a vowel (or after one of the prefixes
    /// gener, commun, arsen); R2 is the same rule applied again from R1.
    fn mark_regions(&mut self) {
        const GENER: u64 = pack(b"gener");
        const ARSEN: u64 = pack(b"arsen");
        const COMMUN: u64 = pack(b"commun");
        let n = self.n;
        let vowels = self.vowels;
        let consonants = !vowels & ((1 << n) - 1);
        // After the first non-vowel after the first vowel from `from`, if any.
        let after_vowel_consonant = |from: usize| {
            let v = vowels & (u64::MAX << from);
            if v == 0 {
                return n;
            }
            let c = consonants & (u64::MAX << v.trailing_zeros());
            if c == 0 {
                return n;
            }
            c.trailing_zeros() as usize + 1
        };
        // The first eight letters, the first one lowest: shifted up, the first five or six.
        let head = u64::from_le_bytes(self.buf[PAD..PAD + 8].try_into().expect("eight bytes"));
        self.p1 = if head << 24 == GENER || head << 24 == ARSEN {
            5
        } else if head << 16 == COMMUN {
            6
        } else {
            after_vowel_consonant(0)
        };
        self.p2 = after_vowel_consonant(self.p1);
    }

    /// A short syllable ends at `i`: a non-vowel other than w, x, Y after a vowel after a
    /// non-vowel, or a non-vowel after a vowel that starts the word.
    fn short_syllable_at(&self, i: usize) -> bool {
        match i {
            0 | 1 => false,
            2 => is_vowel(self.letter(0)) && !is_vowel(self.letter(1)),
            _ => {
                !is_vowel(self.letter(i - 3))
                    && is_vowel(self.letter(i - 2))
                    && !is_vowel_wxy(self.letter(i - 1))
            }
        }
    }

    /// Plurals and "-ied". Only cuts the word.
    fn step_1a(&mut self) {
        let n = self.n;
        if self.ends(SSES) {
            self.n -= 2;
        } else if self.ends(IES) || self.ends(IED) {
            // "ties" -> "tie", "cries" -> "cri".
            self.n -= if n > 4 { 2 } else { 1 };
        } else if self.letter(n - 1) == b's' && !self.ends(SS) && !self.ends(US) {
            // "gaps" -> "gap", but "gas" stays: a vowel must come before the letter before s.
            if self.has_vowel_before(n - 2) {
                self.n -= 1;
            }
        }
    }

    /// "-eed", "-ed", "-ing" and their "-ly" forms.
    fn step_1b(&mut self) {
        let (len, is_eed) = match self.last() {
            b'd' if self.ends(EED) => (3, true),
            b'd' if self.ends(ED) => (2, false),
            b'g' if self.ends(ING) => (3, false),
            b'y' if self.ends(EEDLY) => (5, true),
            b'y' if self.ends(EDLY) => (4, false),
            b'y' if self.ends(INGLY) => (5, false),
            _ => return,
        };
        let start = self.n - len;
        if is_eed {
            if start >= self.p1 {
                self.n = start + 2;
            }
            return;
        }
        if !self.has_vowel_before(start) {
            return;
        }
        self.n = start;
        if self.ends(AT) || self.ends(BL) || self.ends(IZ) {
            self.append_e();
        } else if start >= 2
            && self.letter(start - 1) == self.letter(start - 2)
            && matches!(
                self.letter(start - 1),
                b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
            )
        {
            self.n -= 1;
        } else if start == self.p1 && self.short_syllable_at(start) {
            self.append_e();
        }
    }

    fn append_e(&mut self) {
        self.buf[PAD + self.n] = b'e';
        self.dirty = self.dirty.min(self.n);
        self.n += 1;
    }

    /// A final y after a non-vowel that is not the first letter becomes i.
    fn step_1c(&mut self) {
        let n = self.n;
        if n >= 3 && matches!(self.letter(n - 1), b'y' | b'Y') && !is_vowel(self.letter(n - 2)) {
            self.buf[PAD + n - 1] = b'i';
            self.dirty = self.dirty.min(n - 1);
        }
    }

    /// The longest of `rules` that the word ends with.
    fn longest(&self, rules: &'static [Rule]) -> Option<&'static Rule> {
        let tail = self.tail();
        rules
            .iter()
            .find(|r| tail & r.suffix.mask == r.suffix.bytes)
    }

    fn step_2(&mut self) {
        let Some(r) = self.longest(step_2_rules(self.last())) else {
            return;
        };
        let start = self.n - r.suffix.len;
        let ok = start >= self.p1
            && match r.suffix.bytes {
                OGI => self.before(start) == Some(b'l'),
                LI => self.before(start).is_some_and(is_valid_li),
                _ => true,
            };
        if ok {
            self.replace(r);
        }
    }

    fn step_3(&mut self) {
        let Some(r) = self.longest(step_3_rules(self.last())) else {
            return;
        };
        let start = self.n - r.suffix.len;
        if start >= self.p1 && (r.suffix.bytes != ATIVE || start >= self.p2) {
            self.replace(r);
        }
    }

    fn step_4(&mut self) {
        let tail = self.tail();
        let Some(s) = step_4_suffixes(self.last())
            .iter()
            .find(|s| tail & s.mask == s.bytes)
        else {
            return;
        };
        let start = self.n - s.len;
        if start >= self.p2 && (s.bytes != ION || matches!(self.before(start), Some(b's' | b't'))) {
            self.n = start;
        }
    }

    /// A final e in R2, or in R1 after no short syllable; a final l in R2 after an l.
    fn step_5(&mut self) {
        let start = self.n - 1;
        let delete = match self.last() {
            b'e' => start >= self.p2 || (start >= self.p1 && !self.short_syllable_at(start)),
            b'l' => start >= self.p2 && self.before(start) == Some(b'l'),
            _ => false,
        };
        if delete {
            self.n = start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `stem` must give: `rust_stemmers`' stem, or for a word the tokenizer never makes
    /// (see [`unusual`]), the word itself.
    fn oracle(word: &str) -> String {
        if Word::empty().read(word) || word.len() < 3 {
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
                .stem(word)
                .into_owned()
        } else {
            word.to_owned()
        }
    }

    /// The words of `text` roughly as the tokenizer makes them: runs of letters and digits,
    /// lower-cased, with apostrophes dropped and periods between digits kept.
    #[cfg(not(target_arch = "wasm32"))]
    fn add_words(text: &str, out: &mut std::collections::BTreeSet<String>) {
        let mut word = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
                continue;
            }
            let joins = match c {
                '\'' | '\u{2019}' => !word.is_empty() && next.is_some_and(char::is_alphabetic),
                '.' | ',' => {
                    word.ends_with(|p: char| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                _ => false,
            };
            if joins {
                if c == '.' {
                    word.push('.');
                }
                continue;
            }
            if !word.is_empty() {
                out.insert(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            out.insert(word);
        }
    }

    /// Every distinct word of the evaluation articles (text, titles and reference summaries)
    /// and of the samples.
    #[cfg(not(target_arch = "wasm32"))]
    fn corpus_words() -> Vec<String> {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        let mut words = std::collections::BTreeSet::new();
        for file in ["eval/cnndm-dev.jsonl", "eval/bbc-dev.jsonl"] {
            let path = format!("{data}/{file}");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let item: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                let mut stack = vec![&item];
                while let Some(v) = stack.pop() {
                    match v {
                        serde_json::Value::String(s) => add_words(s, &mut words),
                        serde_json::Value::Array(a) => stack.extend(a),
                        serde_json::Value::Object(o) => {
                            stack.extend(o.iter().filter(|(k, _)| *k != "id").map(|(_, v)| v))
                        }
                        _ => {}
                    }
                }
            }
        }
        let samples = format!("{data}/samples");
        for entry in std::fs::read_dir(&samples).unwrap_or_else(|e| panic!("{samples}: {e}")) {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                add_words(&std::fs::read_to_string(&path).expect("a text"), &mut words);
            }
        }
        words.into_iter().collect()
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_corpus_word_stems_as_rust_stemmers_does() {
        let words = corpus_words();
        assert!(words.len() > 10_000, "only {} words", words.len());
        let differ: Vec<_> = words
            .iter()
            .filter(|w| stem(w) != oracle(w))
            .map(|w| format!("{w}: {} (expected: {})", stem(w), oracle(w)))
            .collect();
        assert!(
            differ.is_empty(),
            "{} of {} distinct words differ: {differ:?}",
            differ.len(),
            words.len()
        );
        eprintln!("{} distinct corpus words stem alike", words.len());
    }

    #[test]
    fn tricky_words_stem_as_rust_stemmers_does() {
        #[rustfmt::skip]
        let words = [
            // The exceptional forms, and words that merely start or end like them.
            "skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only",
            "singly", "sky", "news", "howe", "atlas", "cosmos", "bias", "andes", "skiing", "newsy",
            "biases", "atlases", "earlyish", "sly", "flying", "underlying", "ugliness",
            // Left alone after step 1a.
            "inning", "innings", "outing", "outings", "canning", "herring", "herrings", "earring",
            "earrings", "proceed", "proceeds", "exceed", "exceeds", "succeed", "succeeds",
            "proceeding", "exceeded", "beginning", "shouting",
            // Step 1a.
            "caresses", "ponies", "ties", "cries", "died", "tied", "cried", "ied", "ies", "gas",
            "gaps", "kiwis", "this", "us", "bus", "focus", "stress", "ss", "sss", "ys", "yes",
            "abyss", "status", "corpus", "news", "lens",
            // Step 1b.
            "feed", "agreed", "agreedly", "need", "bleed", "speed", "freed", "eed", "eedly",
            "indeed", "guaranteed", "deed", "plastered", "bled", "ed", "sing", "ing", "ingly",
            "hopping", "hoping", "hoped", "luxuriating", "conflated", "troubled", "sized",
            "fizzed", "filing", "failing", "tanned", "fixing", "snowing", "boxed", "hopped",
            "rubbed", "dimmed", "hissing", "falling", "nodded", "ringing", "fated", "exceedingly",
            "markedly", "knowingly", "dotingly", "hated", "oed", "aing", "ying", "yed", "ted",
            "ated", "ized", "ringed", "trimmed", "occurred", "happening",
            // Step 1c, and 'y' as a consonant.
            "cry", "by", "say", "happy", "enjoy", "toy", "fly", "dry", "spy", "bay", "try",
            "yell", "yelling", "yyy", "ayy", "eyy", "youth", "yay", "sayings", "enjoying",
            "player", "layer", "buyer", "essays", "ayes", "yyyy", "byed", "tyed", "ayed",
            // Steps 2 to 5.
            "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer",
            "conformabli", "radicalli", "differentli", "vileli", "analogousli", "vietnamization",
            "predication", "operator", "feudalism", "decisiveness", "hopefulness",
            "callousness", "formaliti", "sensitiviti", "sensibiliti", "analogi", "geologi",
            "phraseologi", "biologically", "cheerfully", "lessli", "hopelessly", "triplicate",
            "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness",
            "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable",
            "defensible", "irritant", "replacement", "adjustment", "dependent", "adoption",
            "homologous", "communism", "activate", "angulariti", "effective", "bowdlerize",
            "conclusion", "explosion", "lion", "nation", "action", "probate", "rate", "cease",
            "controll", "roll", "agreement", "element", "statement", "commencement",
            // The special prefixes of R1.
            "generously", "general", "generate", "generation", "communication", "community",
            "communal", "arsenal", "arsenic", "gener", "commun", "arsen", "genera", "universal",
            "organization",
            // Very short words, digits, periods between digits.
            "", "a", "s", "ab", "is", "yy", "aa", "abc", "1990s", "3.5", "1.2.3", "100", "10s",
            "mp3s", "1st", "2nd", "g20", "covid19", "4x4", "24hours", "19ies",
            // Not lower-case, or not ASCII (each other character is one non-vowel here).
            "Running", "HAPPY", "Skies", "Yes", "YYY", "kYy", "yaY", "sayYs", "Yyay", "café",
            "cafés", "résumés", "naïvely", "über", "müller", "straße", "москва", "日本",
            "e\u{301}tudes", "façades", "élite", "éé", "és", "ées", "ñying", "öy", "ÿes",
            "naïveties", "señorita", "fiancée", "fiancées", "crèches", "protégés", "rôles",
            "ünïcödé", "αβγing", "x\u{1F600}ing",
            // Apostrophes, which our words never have.
            "'tis", "don't", "dogs'", "dog's", "dog's'", "'s", "''", "'y", "o'neill's",
            // NUL, which looks like the padding before a short word.
            "\0sky", "\0inning", "\0\0\0", "ski\0s",
            // Longer than the buffer.
            "pneumonoultramicroscopicsilicovolcanoconiosisesnationalizationalizingly",
            "antidisestablishmentarianismsantidisestablishmentarianismsantidisest",
        ];
        for w in words {
            assert_eq!(stem(w), oracle(w), "{w:?}");
        }
        // Around the longest word stemmed here, in ASCII and not.
        let long = "résumé".repeat(12);
        for w in (MAX_LEN - 4..MAX_LEN + 4).map(|n| long.chars().take(n).collect::<String>()) {
            assert_eq!(stem(&w), oracle(&w), "{w:?}");
        }
        let long = "internationalizations".repeat(4);
        for w in (MAX_LEN - 8..MAX_LEN + 4).map(|n| &long[..n]) {
            assert_eq!(stem(w), oracle(w), "{w:?}");
        }
    }

    #[test]
    fn exceptional_forms_are_sorted() {
        assert!(EXCEPTIONAL.windows(2).all(|p| p[0].0 < p[1].0));
    }

    #[test]
    fn a_stem_keeps_the_words_own_characters() {
        assert!(matches!(stem("résumés"), Cow::Borrowed("résumé")));
        assert!(matches!(stem("naïvely"), Cow::Borrowed("naïv")));
        assert!(matches!(stem("señoritas"), Cow::Borrowed("señorita")));
        assert!(matches!(stem("piñatas"), Cow::Borrowed("piñata")));
        assert!(matches!(stem("rôly"), Cow::Owned(s) if s == "rôli" && oracle("rôly") == s));
    }

    #[test]
    fn a_stem_that_is_a_prefix_is_borrowed() {
        assert!(matches!(stem("running"), Cow::Borrowed("run")));
        assert!(matches!(stem("talks"), Cow::Borrowed("talk")));
        assert!(matches!(stem("skies"), Cow::Borrowed("sky")));
        assert!(matches!(stem("yelling"), Cow::Borrowed("yell")));
        assert!(matches!(stem("happy"), Cow::Owned(s) if s == "happi"));
        assert!(matches!(stem("hoping"), Cow::Owned(s) if s == "hope"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn random_words_stem_as_rust_stemmers_does(w in "[aeiouysnglbdtcrz]{0,15}") {
            proptest::prop_assert_eq!(stem(&w), oracle(&w));
        }

        #[test]
        fn random_words_with_other_letters_stem_as_rust_stemmers_does(
            w in "[aeiouysnglbdtcrzéïñøß\u{301}日]{0,14}"
        ) {
            proptest::prop_assert_eq!(stem(&w), oracle(&w));
        }

        #[test]
        fn random_ascii_words_stem_as_rust_stemmers_does(w in "[a-z0-9.'Y\\x00 -~]{0,12}") {
            proptest::prop_assert_eq!(stem(&w), oracle(&w));
        }

        #[test]
        fn random_suffixed_words_stem_as_rust_stemmers_does(
            w in "[a-z]{0,6}(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|\
                  ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi|fulli|lessli|\
                  li|icate|ative|alize|iciti|ical|ful|ness|al|ance|ence|er|ic|able|ible|ant|\
                  ement|ment|ent|ism|ate|iti|ous|ive|ize|sion|tion|e|ll|eed|eedly|ed|edly|ing|\
                  ingly|ies|ied|sses|ss|us|s|y)(s|ed|ing|ly|)"
        ) {
            proptest::prop_assert_eq!(stem(&w), oracle(&w));
        }
    }

    /// Run by hand (`cargo test --release --lib porter2 -- --ignored --nocapture`) to compare
    /// the two stemmers' speed on the corpus words.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    #[ignore]
    fn speed_against_rust_stemmers() {
        use std::hint::black_box;
        use std::time::Instant;
        let words = corpus_words();
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let rounds = 50;
        let t = Instant::now();
        let mut bytes = 0;
        for _ in 0..rounds {
            for w in &words {
                bytes += black_box(stemmer.stem(black_box(w))).len();
            }
        }
        let theirs = t.elapsed();
        let t = Instant::now();
        for _ in 0..rounds {
            for w in &words {
                bytes -= black_box(stem(black_box(w))).len();
            }
        }
        let ours = t.elapsed();
        assert_eq!(bytes, 0);
        let per = |d: std::time::Duration| d.as_nanos() as f64 / (rounds * words.len()) as f64;
        eprintln!(
            "{} words x {rounds}: rust_stemmers {theirs:?} ({:.1} ns/word), porter2 {ours:?} \
             ({:.1} ns/word): {:.1}x",
            words.len(),
            per(theirs),
            per(ours),
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    }
}
