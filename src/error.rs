//! The crate's error type: invalid options, input above the size limits, or a file that
//! [`crate::read`] cannot read. Input text is otherwise never an error.

use std::fmt;

#[cfg(feature = "files")]
use crate::read::Format;

/// What went wrong: an invalid option, named with the values it accepts, or an input too large
/// to summarize at once (see [`crate::MAX_INPUT_BYTES`] and [`crate::MAX_DOCUMENTS`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The kinds of [`Error`], for callers that branch on them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A length of zero sentences or zero words.
    ZeroLength,
    /// A ratio that is not a number in (0, 1].
    BadRatio(String),
    /// A method name that is not one of [`crate::Method::NAMES`].
    UnknownMethod(String),
    /// A language name or code that is not one of [`crate::Language::ALL`]'s.
    UnknownLanguage(String),
    /// A length that could not be parsed.
    BadLength(String),
    /// Redundancy outside [0, 1].
    BadRedundancy(String),
    /// [`crate::Options::explain`] in a build without the cargo feature `explain`.
    NoExplain,
    /// An input (for several documents: all of them together) of `bytes` bytes, above `limit`
    /// ([`crate::MAX_INPUT_BYTES`]).
    TooLong {
        /// The input's length in bytes.
        bytes: usize,
        /// The most that is summarized at once.
        limit: usize,
    },
    /// More documents than [`crate::MAX_DOCUMENTS`] given to [`crate::summarize_many`] or
    /// [`crate::keywords_many`].
    TooManyDocuments {
        /// How many documents were given.
        docs: usize,
        /// The most that are summarized together.
        limit: usize,
    },
    /// A file of `bytes` bytes given to [`crate::read`], above `limit`
    /// ([`crate::MAX_FILE_BYTES`]).
    #[cfg(feature = "files")]
    FileTooLarge {
        /// The file's length in bytes.
        bytes: usize,
        /// The largest file read.
        limit: usize,
    },
    /// A file that is not text and not a format gisty reads: `what` it looks like ("a PNG
    /// image", "a binary file").
    #[cfg(feature = "files")]
    NotText {
        /// What the file looks like.
        what: &'static str,
    },
    /// A file whose name says a container format (.docx, .odt, .epub) it does not have.
    #[cfg(feature = "files")]
    WrongFormat {
        /// What its name says.
        expected: Format,
        /// What it looks like instead ("a PDF document", "a text file").
        found: &'static str,
    },
    /// A container that is damaged or cut short: `detail` says where.
    #[cfg(feature = "files")]
    Corrupt {
        /// What the file is.
        format: Format,
        /// What is wrong with it.
        detail: String,
    },
    /// A password-protected (or DRM-locked) document.
    #[cfg(feature = "files")]
    Encrypted {
        /// What the file is.
        format: Format,
    },
    /// A container that expands past what gisty reads out of one file, or far past its own
    /// size, or past the sizes it declares: a zip bomb, or as good as one.
    #[cfg(feature = "files")]
    ZipBomb {
        /// What the file is.
        format: Format,
        /// Which entry, and by how much.
        detail: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::ZeroLength => {
                write!(f, "length must be at least 1 sentence or 1 word, got 0")
            }
            ErrorKind::BadRatio(r) => {
                write!(f, "ratio must be a number above 0 and at most 1, got {r}")
            }
            ErrorKind::UnknownMethod(m) => write!(
                f,
                "unknown method {}: expected one of {}",
                Quoted(m),
                crate::Method::NAMES.join(", ")
            ),
            ErrorKind::UnknownLanguage(l) => write!(
                f,
                "unknown language {}: expected one of {} (or auto)",
                Quoted(l),
                crate::Language::ALL
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ErrorKind::BadLength(s) => write!(
                f,
                "bad length {}: expected a number of sentences (3), words (120w) or a ratio (0.3 or 30%)",
                Quoted(s)
            ),
            ErrorKind::BadRedundancy(r) => {
                write!(f, "redundancy must be a number from 0 to 1, got {r}")
            }
            ErrorKind::NoExplain => write!(f, "this build of gisty does not explain summaries"),
            ErrorKind::TooLong { bytes, limit } => write!(
                f,
                "the text is {} MB; gisty summarizes at most {} MB at once",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            ErrorKind::TooManyDocuments { docs, limit } => write!(
                f,
                "{docs} documents given; gisty summarizes at most {limit} documents together"
            ),
            #[cfg(feature = "files")]
            ErrorKind::FileTooLarge { bytes, limit } => write!(
                f,
                "the file is {} MB; gisty reads files of at most {} MB",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            #[cfg(feature = "files")]
            ErrorKind::NotText { what } => write!(f, "looks like {what}, not text"),
            #[cfg(feature = "files")]
            ErrorKind::WrongFormat { expected, found } => write!(
                f,
                "named as {}, but it looks like {found}: wrong extension?",
                expected.a()
            ),
            #[cfg(feature = "files")]
            ErrorKind::Corrupt { format, detail } => {
                write!(f, "this {format} is damaged or incomplete: {detail}")
            }
            #[cfg(feature = "files")]
            ErrorKind::Encrypted { format } => write!(
                f,
                "this {format} is encrypted (password-protected); gisty cannot read it"
            ),
            #[cfg(feature = "files")]
            ErrorKind::ZipBomb { format, detail } => write!(
                f,
                "this {format} expands too far to be read ({detail}): refused as a possible zip bomb"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// `x` as an error message shows it: as `x.to_string()` does for any number a reader types (up
/// to 12 significant digits; "1.5", "-3", "0.0000001", "NaN", "inf"). Written here because the
/// standard float formatting (Grisu with a Dragon4 fallback and their tables) is about 18 kB of
/// the page's wasm, and error messages are all gisty formats floats for.
pub(crate) fn number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0");
    }
    // x = m * 10^e with 1 <= m < 10, then m's first 12 digits.
    let (mut m, mut e) = (x.abs(), 0i32);
    while m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    while m < 1.0 {
        m *= 10.0;
        e -= 1;
    }
    let mut digits = (m * 1e11).round() as u64;
    if digits >= 1_000_000_000_000 {
        digits /= 10;
        e += 1;
    }
    let digits = digits.to_string();
    let digits = digits.trim_end_matches('0');
    let out = if e < 0 {
        format!("0.{}{digits}", "0".repeat((-e - 1) as usize))
    } else {
        let int = e as usize + 1;
        if digits.len() <= int {
            format!("{digits}{}", "0".repeat(int - digits.len()))
        } else {
            format!("{}.{}", &digits[..int], &digits[int..])
        }
    };
    format!("{sign}{out}")
}

/// A string in double quotes for a message, as `{:?}` writes it for the characters a caller's
/// option holds: `"`, `\\` and the control characters escaped (`\n`, `\t`, `\r`, `\0`, others as
/// `\u{1b}`), and the characters that show as nothing (the zero-width ones, bidirectional marks
/// and the byte order mark) as `\u{200b}`, so that a stray one in an option is seen. Not `{:?}`
/// itself, whose code for `str` the web build then leaves out (0.1 kB; its tables of printable
/// characters stay, for the standard library's own messages).
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() || invisible(c) => {
                    f.write_str("\\u{")?;
                    let n = u32::from(c);
                    let digits = (32 - (n | 1).leading_zeros()).div_ceil(4);
                    for k in (0..digits).rev() {
                        let d = (n >> (4 * k)) & 0xf;
                        f.write_char(char::from(b"0123456789abcdef"[d as usize]))?;
                    }
                    f.write_char('}')?;
                }
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// Characters that take no room when shown: soft hyphen, the zero-width ones and joiners,
/// bidirectional marks, embeddings and isolates, word joiner and invisible operators, the byte
/// order mark.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}'
    )
}

/// `bytes` in MiB, as a reader says it: whole numbers stay whole ("50"), others get one decimal,
/// rounded up so that a text just over the limit never reads as the limit itself ("50.1").
fn megabytes(bytes: usize) -> String {
    const MB: u64 = 1024 * 1024;
    let bytes = bytes as u64;
    if bytes % MB == 0 {
        return (bytes / MB).to_string();
    }
    let tenths = (bytes * 10).div_ceil(MB);
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_writes_what_debug_writes() {
        for s in [
            "",
            "fr",
            "3 sentences",
            "café naïve 日本語 emoji 🦀",
            "a \"quoted\" \\ word",
            "line\nbreak\r\ttab\0nul",
            "\u{1b}[31m\u{7f}\u{85}",
            "en\u{200b}",
            "\u{feff}fr\u{202e}\u{2066}",
            "soft\u{ad}hyphen\u{2060}",
        ] {
            assert_eq!(super::Quoted(s).to_string(), format!("{s:?}"));
        }
        // A zero-width space, shown.
        assert_eq!(super::Quoted("en\u{200b}").to_string(), "\"en\\u{200b}\"");
    }

    #[test]
    fn numbers_read_as_the_standard_formatting_writes_them() {
        for x in [
            0.5,
            1.5,
            2.0,
            -0.25,
            1.0000001,
            30.0,
            1e9,
            1e-9,
            123456.789,
            0.3,
            -1e20,
            1e15,
            7e-7,
            0.0,
            -0.0,
            1.1,
            99.99,
            0.001,
            1234567890.5,
            0.000123,
            1e100,
            -5.0,
        ] {
            assert_eq!(super::number(x), x.to_string(), "{x:e}");
        }
        assert_eq!(super::number(f64::NAN), "NaN");
        assert_eq!(super::number(f64::INFINITY), "inf");
        assert_eq!(super::number(f64::NEG_INFINITY), "-inf");
        // Past 12 significant digits it rounds, as a message may.
        assert_eq!(super::number(0.1 + 0.2), "0.3");
    }

    use super::*;

    #[test]
    fn too_long_names_both_sizes_in_megabytes() {
        let e = Error::new(ErrorKind::TooLong {
            bytes: 50 * 1024 * 1024 + 1,
            limit: 50 * 1024 * 1024,
        });
        assert_eq!(
            e.to_string(),
            "the text is 50.1 MB; gisty summarizes at most 50 MB at once"
        );
        assert_eq!(megabytes(120 * 1024 * 1024), "120");
        assert_eq!(megabytes(60 * 1024 * 1024 + 500 * 1024), "60.5");
    }
}
