//! What the targets share: options derived from the fuzzer's bytes, and the checks every
//! summary must pass.

#![allow(dead_code)]

use arbitrary::Arbitrary;
use gisty::{ErrorKind, Language, Length, Method, Options, ScoredSentence};

/// A length as the fuzzer picks it: any count or ratio, valid or not (0, NaN, -1, 1e300).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum LengthIn {
    Sentences(u16),
    Ratio(f64),
    Words(u16),
    HugeSentences,
    HugeWords,
}

/// Redundancy: usually a plain value in range, sometimes anything an f64 holds.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum RedundancyIn {
    Tenths(u8),
    Any(f64),
}

#[derive(Arbitrary, Debug)]
pub struct OptionsIn {
    pub length: LengthIn,
    pub method: u8,
    pub language: u8,
    pub redundancy: RedundancyIn,
    pub position: bool,
    pub title: Option<String>,
    pub focus: Option<String>,
}

impl OptionsIn {
    pub fn options(&self) -> Options {
        let methods = [
            Method::Gisty,
            Method::LexRank,
            Method::TextRank,
            Method::Lead,
        ];
        // Detection (None) or any language gisty knows, given or as a hint.
        let all = Language::ALL;
        let pick = |k: u8| -> Option<Language> {
            let k = k as usize % (all.len() + 1);
            (k > 0).then(|| all[k - 1])
        };
        Options {
            length: match self.length {
                LengthIn::Sentences(k) => Length::Sentences(k as usize),
                LengthIn::Ratio(r) => Length::Ratio(r),
                LengthIn::Words(w) => Length::Words(w as usize),
                LengthIn::HugeSentences => Length::Sentences(usize::MAX),
                LengthIn::HugeWords => Length::Words(usize::MAX),
            },
            method: methods[self.method as usize % methods.len()],
            language: pick(self.language),
            language_hint: pick(self.language / 2 ^ self.method),
            redundancy: match self.redundancy {
                RedundancyIn::Tenths(t) => (t % 11) as f64 / 10.0,
                RedundancyIn::Any(x) => x,
            },
            position: self.position,
            title: self.title.clone(),
            focus: self.focus.clone(),
            // Explaining must not panic either: on for half the inputs.
            explain: self.method & 4 != 0,
        }
    }
}

/// The error the options must give, worked out independently of the crate: `None` when they
/// are valid.
pub fn expected_error(o: &Options) -> Option<&'static str> {
    match o.length {
        Length::Sentences(0) | Length::Words(0) => return Some("ZeroLength"),
        Length::Ratio(r) if !(r > 0.0 && r <= 1.0) => return Some("BadRatio"),
        _ => {}
    }
    if !(o.redundancy >= 0.0 && o.redundancy <= 1.0) {
        return Some("BadRedundancy");
    }
    None
}

pub fn kind_name(k: &ErrorKind) -> &'static str {
    match k {
        ErrorKind::ZeroLength => "ZeroLength",
        ErrorKind::BadRatio(_) => "BadRatio",
        ErrorKind::BadRedundancy(_) => "BadRedundancy",
        ErrorKind::TooLong { .. } => "TooLong",
        ErrorKind::TooManyDocuments { .. } => "TooManyDocuments",
        _ => "other",
    }
}

/// The most sentences a summary of `total` candidates may hold under `length`.
pub fn max_sentences(length: Length, total: usize) -> usize {
    match length {
        Length::Sentences(k) => k,
        Length::Ratio(r) => ((r * total as f64).round() as usize).max(1),
        Length::Words(_) => usize::MAX,
    }
}

/// Checks that `s` is a sentence of `text` at its span, with a finite score.
pub fn check_sentence(text: &str, s: &ScoredSentence) {
    assert!(s.start < s.end, "empty span {s:?}");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "span {}..{} off char boundaries",
        s.start,
        s.end
    );
    assert_eq!(
        &text[s.start..s.end],
        s.text,
        "span does not slice the text"
    );
    assert!(s.score.is_finite(), "score {} for {:?}", s.score, s.text);
}
