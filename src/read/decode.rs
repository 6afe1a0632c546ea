//! Bytes to text as a browser decodes a text file without a declared charset: a byte-order mark
//! wins (UTF-8, UTF-16LE, UTF-16BE), then UTF-8 when the bytes are valid UTF-8, else
//! windows-1252, the WHATWG fallback for Western locales. windows-1252 maps every byte to a
//! character, so nothing a browser would read is refused and nothing becomes U+FFFD; the reader
//! is warned instead. Binary files (known signatures, NUL bytes) are told apart first.

use std::fmt;

/// The encoding a text file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, from its byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, from its byte-order mark.
    Utf16Be,
    /// windows-1252: not valid UTF-8 and no byte-order mark (the WHATWG fallback; it also
    /// decodes ISO-8859-1, which it extends).
    Windows1252,
}

impl Encoding {
    /// The encoding's WHATWG name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252".
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The text of `bytes` and the encoding it was read in. UTF-16 surrogates without a partner
/// become U+FFFD, as in a browser.
pub(crate) fn decode(bytes: &[u8]) -> (String, Encoding) {
    match bytes {
        [0xef, 0xbb, 0xbf, rest @ ..] => (utf8_or_1252(rest).0, Encoding::Utf8),
        [0xff, 0xfe, rest @ ..] => (utf16(rest, u16::from_le_bytes), Encoding::Utf16Le),
        [0xfe, 0xff, rest @ ..] => (utf16(rest, u16::from_be_bytes), Encoding::Utf16Be),
        _ => utf8_or_1252(bytes),
    }
}

fn utf8_or_1252(bytes: &[u8]) -> (String, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        ),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    // An odd last byte is a truncated unit: U+FFFD, as the WHATWG decoder gives.
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// One windows-1252 byte as its character (the WHATWG index: 0x80..0x9F are the typographic
/// characters Windows put there; the five it leaves unassigned stay C1 controls, as in
/// ISO-8859-1, which is the rest of the table).
fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9f => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// How many leading bytes are looked at for NUL bytes: text files have none, and binary formats
/// have some early (headers, offsets, small integers).
const SNIFF_BYTES: usize = 8192;

/// What `bytes` look like when they are not text: a known file signature, or a NUL byte in the
/// first [`SNIFF_BYTES`]. Text with a UTF-16 byte-order mark is text, NUL bytes and all.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"PK\x05\x06", "a ZIP archive"),
        (b"PK\x07\x08", "a ZIP archive"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ\x00", "an xz archive"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Microsoft Office document (.doc, .xls, .ppt)",
        ),
        (b"\x7fELF", "a program (ELF)"),
        (b"MZ", "a Windows program"),
        (b"\x00asm", "a WebAssembly module"),
        (b"SQLite format 3\x00", "an SQLite database"),
    ];
    for &(magic, what) in SIGNATURES {
        // Short signatures that could open a text ("MZ", "BZh", "PK") need a NUL byte as well.
        let textual = magic.len() <= 3 && magic.iter().all(u8::is_ascii_graphic);
        if bytes.starts_with(magic) && (!textual || has_nul(bytes)) {
            return Some(what);
        }
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    has_nul(bytes).then_some("a binary file")
}

fn has_nul(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_fallback() {
        assert_eq!(
            decode(b"\xef\xbb\xbfcaf\xc3\xa9"),
            ("café".into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"caf\xe9 \x80"),
            ("café €".into(), Encoding::Windows1252)
        );
        assert_eq!(
            decode(b"\xff\xfeA\x00\xe9\x00"),
            ("Aé".into(), Encoding::Utf16Le)
        );
        assert_eq!(
            decode(b"\xfe\xff\x00A\x00"),
            ("A\u{fffd}".into(), Encoding::Utf16Be)
        );
        // The five bytes windows-1252 leaves unassigned are C1 controls, not U+FFFD.
        assert_eq!(decode(b"\x81\x9d").0, "\u{81}\u{9d}");
    }

    #[test]
    fn every_byte_of_windows_1252_is_a_character() {
        for b in 0..=255u8 {
            assert_ne!(windows_1252(b), '\u{fffd}', "{b:#x}");
        }
        assert_eq!(windows_1252(0x93), '\u{201c}');
        assert_eq!(windows_1252(0xe0), 'à');
    }
}
