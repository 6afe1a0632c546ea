//! The crate's error type: invalid options. Input text is never an error.

use std::fmt;

/// What went wrong: always an invalid option, named with the values it accepts.
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
    /// A language name that is not one of [`crate::Language::NAMES`].
    UnknownLanguage(String),
    /// A length that could not be parsed.
    BadLength(String),
    /// Redundancy outside [0, 1].
    BadRedundancy(String),
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
                "unknown method {m:?}: expected one of {}",
                crate::Method::NAMES.join(", ")
            ),
            ErrorKind::UnknownLanguage(l) => write!(
                f,
                "unknown language {l:?}: expected one of {}",
                crate::Language::NAMES.join(", ")
            ),
            ErrorKind::BadLength(s) => write!(
                f,
                "bad length {s:?}: expected a number of sentences (3), words (120w) or a ratio (0.3 or 30%)"
            ),
            ErrorKind::BadRedundancy(r) => {
                write!(f, "redundancy must be a number from 0 to 1, got {r}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
