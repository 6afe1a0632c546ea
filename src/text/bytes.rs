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
