//! Byte classes: one table for every scan that reads each byte of a text (cleaning's line
//! breaks, the segmenter's lines and tokens, the tokenizer's words), so that each byte costs
//! one load and a mask, and the page's wasm holds one table, not one a scan.

/// ASCII white space.
pub(crate) const SPACE: u8 = 1;
/// `.`, `!` and `?`.
pub(crate) const STOP: u8 = 2;
/// A byte of a non-ASCII char.
pub(crate) const WIDE: u8 = 4;
/// A byte that may start a line break for the segmenter (`\n`, `\r`, VT, FF, and the first
/// bytes of NEL, LS and PS).
pub(crate) const BREAK: u8 = 8;
/// A byte that may start a line break for cleaning (`\n`, `\r`, the first bytes of NEL, LS
/// and PS).
pub(crate) const LINE: u8 = 16;
/// A lowercase ASCII letter or a digit.
pub(crate) const LOWER: u8 = 32;
/// An uppercase ASCII letter.
pub(crate) const UPPER: u8 = 64;
/// An ASCII byte that ends a word wherever it stands: any but letters, digits and `'` `.` `,`.
pub(crate) const ENDS: u8 = 128;

/// The class bits of each byte value.
pub(crate) const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        let mut c = 0;
        if matches!(x, b' ' | b'\t'..=b'\r') {
            c |= SPACE;
        }
        if matches!(x, b'.' | b'!' | b'?') {
            c |= STOP;
        }
        if x >= 0x80 {
            c |= WIDE;
        }
        if matches!(x, b'\n' | 0x0B | b'\r' | 0x0C | 0xC2 | 0xE2) {
            c |= BREAK;
        }
        if matches!(x, b'\n' | b'\r' | 0xC2 | 0xE2) {
            c |= LINE;
        }
        if x.is_ascii_uppercase() {
            c |= UPPER;
        } else if x.is_ascii_alphanumeric() {
            c |= LOWER;
        } else if x < 0x80 && !matches!(x, b'\'' | b'.' | b',') {
            c |= ENDS;
        }
        t[b] = c;
        b += 1;
    }
    t
};

/// The class bits of `b`.
#[inline(always)]
pub(crate) fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The byte 0x01 in each lane of a `u64`.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each lane.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The lanes of `x` (bytes below 0x80) from `lo` to `hi`, as their high bits. No lane carries
/// into the next: each sum stays below 0x100.
#[inline(always)]
pub(crate) const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least = x.wrapping_add(ONES * (0x80 - lo as u64));
    let above = x.wrapping_add(ONES * (0x7F - hi as u64));
    at_least & !above & HIGH
}

/// Where the run of ASCII letters and digits that starts at `bytes[from]` ends (the first
/// byte that is none, or the end), except that the byte `not` also ends it (0: none does),
/// and whether the run has an uppercase letter. Eight bytes at a time: most words are read in
/// one or two steps, where a step a byte cost several loads and branches.
#[inline]
pub(crate) fn letters_run(bytes: &[u8], from: usize, not: u8) -> (usize, bool) {
    let mut j = from;
    let mut upper = 0;
    // Turkish's 'I' (the one byte that may end a run) is rare enough for the step a byte.
    while let Some(chunk) = bytes.get(j..j + 8).filter(|_| not == 0) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let y = x & !HIGH;
        // `| 0x20` makes uppercase letters lowercase and no other byte a letter; a letter
        // without that bit (moved up to the lane's high bit) is uppercase.
        let letters = in_range(y | (ONES * 0x20), b'a', b'z');
        let words = (letters | in_range(y, b'0', b'9')) & !x;
        let caps = letters & !(y << 2);
        let ends = !words & HIGH;
        if ends != 0 {
            // The caps of the lanes before the end only.
            let k = ends.trailing_zeros() as usize / 8;
            upper |= caps & ((1u64 << (8 * k)) - 1);
            return (j + k, upper != 0);
        }
        upper |= caps;
        j += 8;
    }
    while j < bytes.len() && class(bytes[j]) & (LOWER | UPPER) != 0 && bytes[j] != not {
        upper |= u64::from(class(bytes[j]) & UPPER);
        j += 1;
    }
    (j, upper != 0)
}

/// The first byte from `i` on whose class has a bit of `mask` ([`BREAK`] or [`LINE`], whose
/// bytes are all below 0x0E or from 0x80 up), or the length of `b`. Eight bytes with neither,
/// most of a text, are passed over at once: a byte below 0x0E borrows in the subtraction and
/// sets its high bit, one of 0x80 or more has it set already.
pub(crate) fn next_in(b: &[u8], mut i: usize, mask: u8) -> usize {
    debug_assert_eq!(
        mask & !(BREAK | LINE),
        0,
        "a mask of bytes below 0x0E or from 0x80"
    );
    let flags = |x: u64| x.wrapping_sub(ONES * 0x0E) | x;
    loop {
        // Sixteen bytes a step while there are (one test for both words), then eight.
        while let Some(chunk) = b.get(i..i + 16) {
            let (x, y) = chunk.split_at(8);
            let x = u64::from_le_bytes(x.try_into().expect("8 bytes"));
            let y = u64::from_le_bytes(y.try_into().expect("8 bytes"));
            if (flags(x) | flags(y)) & HIGH != 0 {
                break;
            }
            i += 16;
        }
        while let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            if flags(x) & HIGH != 0 {
                break;
            }
            i += 8;
        }
        // These eight bytes (or the last few) one by one.
        let end = b.len().min(i + 8);
        while i < end {
            if class(b[i]) & mask != 0 {
                return i;
            }
            i += 1;
        }
        if i >= b.len() {
            return i;
        }
    }
}

/// The length in UTF-16 units of the UTF-8 text `bytes` (whole characters): a unit for each
/// byte that starts a character, and one more for each four-byte sequence's. Eight bytes a
/// step: a continuation byte is `10xxxxxx` (bit 7 set, bit 6 clear), a four-byte lead
/// `11110xxx` (bits 7 to 4 set). For the binding's UTF-16 offsets of the sentences, which
/// counted a byte a step, 0.9 % of a first-sight article's instructions in wasm (0.6 % less
/// with this, `scripts/wasm-instructions.sh`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn utf16_len(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let continuation = x & !(x << 1) & HIGH;
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum::<usize>()
}

/// Where `needle` first occurs in `hay` (a byte offset), as `str::find` with a `&str` says. In
/// WebAssembly by a plain scan: at each place the needle's first byte is found, a comparison.
/// The needles here are a few bytes long, so a scan costs a few steps a byte at most. It
/// replaces the standard library's two-way searcher, 3 kB of code that the page's size budget
/// has no room for. Natively, the standard library's search (SIMD).
#[cfg(target_arch = "wasm32")]
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    scan(hay, needle)
}

/// [`find`]'s scan, in every build (the native one's tests hold it to `str::find`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn scan(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let last = hay.len().checked_sub(needle.len())?;
    (0..=last).find(|&i| hay[i] == first && &hay[i + 1..i + needle.len()] == rest)
}

/// `str::find` with a `&str` (see the WebAssembly version above).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle)
}

/// Whether `needle` occurs in `hay`, as `str::contains` with a `&str` says.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_len_counts_what_encode_utf16_gives() {
        let text = "plain ASCII, then caf\u{e9}, \u{201c}quotes\u{201d}, \u{65e5}\u{672c}, \u{1f980} and \u{10348}!";
        // Every slice between char boundaries, so that each kind of char falls at each place
        // of an eight-byte step and in the remainder.
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let piece = &text[a..b];
                assert_eq!(
                    utf16_len(piece.as_bytes()),
                    piece.encode_utf16().count(),
                    "{piece:?}"
                );
            }
        }
    }

    /// [`letters_run`] as a step a byte.
    fn naive(bytes: &[u8], from: usize, not: u8) -> (usize, bool) {
        let mut j = from;
        while j < bytes.len() && bytes[j].is_ascii_alphanumeric() && (not == 0 || bytes[j] != not) {
            j += 1;
        }
        (j, bytes[from..j].iter().any(u8::is_ascii_uppercase))
    }

    #[test]
    fn letters_runs_end_where_a_step_a_byte_ends_them() {
        // Every byte value after a run of every length from 0 to 17, at every offset, with and
        // without an uppercase letter, and with 'I' ending runs (Turkish).
        for stop in 0..=255u8 {
            for len in 0..18usize {
                for upper_at in [None, Some(0), Some(len / 2), Some(len.saturating_sub(1))] {
                    let mut text: Vec<u8> = (0..len).map(|i| b"az09mqZA"[i % 8]).collect();
                    for b in text.iter_mut() {
                        *b = b.to_ascii_lowercase();
                    }
                    if let Some(u) = upper_at.filter(|&u| u < len) {
                        text[u] = b'Q';
                    }
                    text.push(stop);
                    text.extend_from_slice(b"abcdefghij");
                    for from in 0..=len.min(3) {
                        for not in [0, b'I'] {
                            assert_eq!(
                                letters_run(&text, from, not),
                                naive(&text, from, not),
                                "{text:?} from {from}, not {not}"
                            );
                        }
                    }
                    // The run at the very end of the text.
                    let text = &text[..len];
                    assert_eq!(letters_run(text, 0, 0), naive(text, 0, 0), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn the_scan_finds_what_str_find_finds() {
        let hays = [
            "",
            "a",
            ". ",
            "x. y. z",
            "all rights reserved.",
            "aaab",
            "ééa. b",
            "ab",
            "ba",
        ];
        let needles = [
            "",
            ". ",
            "a",
            "ab",
            "aab",
            "all rights reserved",
            "é",
            "b",
            "zz",
            "aaab",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(
                    super::scan(hay, needle),
                    hay.find(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }
}
