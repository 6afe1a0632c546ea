//! Tokens: lower-cased words, stemmed, with stop words dropped, mapped to dense term ids.
//!
//! Sentences become bags of term ids so that every later stage (tf-idf, similarity, overlap)
//! works on integers. Ids are given in order of first appearance, so they are deterministic.

use std::ops::Range;

#[cfg(feature = "all-languages")]
use rust_stemmers::{Algorithm, Stemmer};

use super::intern::Interner;
use crate::error::{Error, ErrorKind, Result};
use crate::work::{self, Counter};

/// The value `Tokenizer::seen` keeps for a word that is no term.
const NOT_A_TERM: u32 = u32::MAX;

/// The language of the text: chooses the stemmer and the stop words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Language {
    /// English (Snowball English stemmer, English stop words). The default.
    #[default]
    English,
    /// French (Snowball stemmer; no stop list yet: frequent words are damped by idf).
    French,
    /// German.
    German,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Russian.
    Russian,
}

impl Language {
    /// The languages this build knows, as ISO 639-1 codes: what [`Language::parse`] accepts.
    /// A build without the `all-languages` feature (the page's, to keep the download small)
    /// knows English only.
    #[cfg(feature = "all-languages")]
    pub const NAMES: &'static [&'static str] = &["en", "fr", "de", "es", "it", "pt", "nl", "ru"];
    /// The languages this build knows, as ISO 639-1 codes: what [`Language::parse`] accepts.
    /// A build without the `all-languages` feature (the page's, to keep the download small)
    /// knows English only.
    #[cfg(not(feature = "all-languages"))]
    pub const NAMES: &'static [&'static str] = &["en"];

    /// Whether this build has the language's stemmer (see [`Language::NAMES`]).
    pub fn is_available(self) -> bool {
        Self::NAMES.contains(&self.code())
    }

    /// Parses an ISO 639-1 code or an English language name, case-insensitively.
    pub fn parse(s: &str) -> Result<Language> {
        let l = s.trim().to_ascii_lowercase();
        Ok(match l.as_str() {
            "en" | "english" => Language::English,
            "fr" | "french" => Language::French,
            "de" | "german" => Language::German,
            "es" | "spanish" => Language::Spanish,
            "it" | "italian" => Language::Italian,
            "pt" | "portuguese" => Language::Portuguese,
            "nl" | "dutch" => Language::Dutch,
            "ru" | "russian" => Language::Russian,
            _ => return Err(Error::new(ErrorKind::UnknownLanguage(s.to_string()))),
        })
        .and_then(|l: Language| {
            if l.is_available() {
                Ok(l)
            } else {
                Err(Error::new(ErrorKind::UnknownLanguage(s.to_string())))
            }
        })
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
            Language::Russian => "ru",
        }
    }

    /// The Snowball stemmer of a language other than English (English words go to
    /// [`super::porter2`], and naming no English algorithm keeps its code out of the build).
    #[cfg(feature = "all-languages")]
    fn algorithm(self) -> Option<Algorithm> {
        Some(match self {
            Language::English => return None,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Spanish => Algorithm::Spanish,
            Language::Italian => Algorithm::Italian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Dutch => Algorithm::Dutch,
            Language::Russian => Algorithm::Russian,
        })
    }

    fn is_stop_word(self, w: &str) -> bool {
        match self {
            Language::English => ENGLISH_STOP.binary_search(&w).is_ok(),
            _ => false,
        }
    }
}

/// What tokenizing has learnt about words, kept from one call to the next: each word's stem
/// (or that it is a stop word). Stemming is most of the cost of tokenizing, and the words of one
/// news article are mostly the words of the last: a reader's second article, or the same text
/// summarized again at another length, finds most of its words here. Term ids are still given
/// per tokenizer, in order of first appearance, so what is cached changes no result.
struct Lexicon {
    language: Language,
    /// The Snowball stemmer of a language other than English (English words go to
    /// [`super::porter2`]).
    #[cfg(feature = "all-languages")]
    stemmer: Option<Stemmer>,
    /// Each lower-cased word seen, with the index of its stem in `stems` ([`NOT_A_TERM`]: a
    /// stop word or a word too short).
    words: Interner,
    /// Each stem, with its index (its order of insertion).
    stems: Interner,
    /// For each stem: the generation of the tokenizer that last met it, and its term id there.
    ids: Vec<(u32, u32)>,
    /// One more for each tokenizer that uses the lexicon.
    generation: u32,
}

impl Lexicon {
    fn new(language: Language) -> Self {
        Lexicon {
            language,
            #[cfg(feature = "all-languages")]
            stemmer: language.algorithm().map(Stemmer::create),
            words: Interner::default(),
            stems: Interner::default(),
            ids: Vec::new(),
            generation: 0,
        }
    }

    /// The index of the stem of `w`, a lower-cased word, or [`NOT_A_TERM`].
    fn stem_index(&mut self, w: &str) -> u32 {
        if let Some(s) = self.words.get(w) {
            return s;
        }
        let s = self.new_stem_index(w);
        self.words.insert(w, s);
        s
    }

    /// The stem of `w`: for English, the same stems as the Snowball stemmer's, in a seventh of
    /// the instructions.
    fn stem<'w>(&self, w: &'w str) -> std::borrow::Cow<'w, str> {
        #[cfg(feature = "all-languages")]
        if let Some(stemmer) = &self.stemmer {
            return stemmer.stem(w);
        }
        super::porter2::stem(w)
    }

    fn new_stem_index(&mut self, w: &str) -> u32 {
        let chars = w.chars().count();
        let Some(first) = w.chars().next() else {
            return NOT_A_TERM;
        };
        if chars < 2 && !is_cjk(first) && !first.is_ascii_digit() {
            return NOT_A_TERM;
        }
        if self.language.is_stop_word(w) {
            return NOT_A_TERM;
        }
        // Stemming a very long "word" (a hash, a base64 blob) is wasted work and the stem is
        // the word itself for our purposes.
        let stem = if chars > 40 || first.is_ascii_digit() {
            std::borrow::Cow::Borrowed(w)
        } else {
            self.stem(w)
        };
        if let Some(s) = self.stems.get(&stem) {
            return s;
        }
        let s = self.stems.len() as u32;
        self.stems.insert(&stem, s);
        self.ids.push((0, 0));
        s
    }
}

/// A lexicon that grew past this many words (a book, a word list) is not kept after its call,
/// so that what stays allocated between calls is bounded (about 2 MB).
const LEXICON_WORDS: usize = 1 << 16;

thread_local! {
    /// The lexicon between calls: a tokenizer takes it when it starts and puts it back when it
    /// is dropped, so two tokenizers alive at once never share one.
    static LEXICON: std::cell::Cell<Option<Box<Lexicon>>> = const { std::cell::Cell::new(None) };
}

/// Turns text into term ids with one vocabulary, shared by every sentence of a document (or of
/// several documents summarized together), and by the title and the focus.
pub struct Tokenizer {
    /// Always `Some` until the tokenizer is dropped.
    lexicon: Option<Box<Lexicon>>,
    /// How many term ids were given.
    terms: u32,
    word: String,
}

impl Drop for Tokenizer {
    fn drop(&mut self) {
        if let Some(lexicon) = self.lexicon.take() {
            if lexicon.words.len() <= LEXICON_WORDS {
                // Only fails while the thread is being torn down: then the lexicon just goes.
                let _ = LEXICON.try_with(|l| l.set(Some(lexicon)));
            }
        }
    }
}

impl Tokenizer {
    pub fn new(language: Language) -> Self {
        let kept = LEXICON.try_with(|l| l.take()).ok().flatten();
        let mut lexicon = match kept {
            Some(l) if l.language == language => l,
            _ => Box::new(Lexicon::new(language)),
        };
        lexicon.generation = lexicon.generation.wrapping_add(1);
        if lexicon.generation == 0 {
            // After 2^32 tokenizers: forget the old generations' marks and start again.
            lexicon.ids.iter_mut().for_each(|e| *e = (0, 0));
            lexicon.generation = 1;
        }
        Tokenizer {
            lexicon: Some(lexicon),
            terms: 0,
            word: String::new(),
        }
    }

    /// Number of distinct terms seen so far; every id is below it.
    pub fn vocab_len(&self) -> usize {
        self.terms as usize
    }

    /// The content terms of `text`, in order, repeats kept. Stop words, one-letter words and
    /// bare punctuation are dropped; numbers are kept (they carry facts in news).
    pub fn terms(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        self.terms_into(text, &mut out);
        out
    }

    /// [`Tokenizer::terms`], appended to `out`.
    pub fn terms_into(&mut self, text: &str, out: &mut Vec<u32>) {
        self.each_word(text, |this, w, _| {
            if let Some(id) = this.term_id(w) {
                out.push(id);
            }
        });
    }

    /// Every word of `text` with its byte range and its term id (`None` for a stop word or a
    /// word too short to count): what key phrases are cut from.
    pub fn words(&mut self, text: &str) -> Vec<(Range<usize>, Option<u32>)> {
        let mut out = Vec::new();
        self.each_word(text, |this, w, r| {
            let id = this.term_id(w);
            out.push((r, id));
        });
        out
    }

    /// How many words `text` has (stop words included): the unit of word budgets.
    pub fn count_words(text: &str) -> usize {
        work::add(Counter::TokenizerBytes, text.len());
        let mut n = 0;
        let mut in_word = false;
        for c in text.chars() {
            let w = c.is_alphanumeric();
            if w && (!in_word || is_cjk(c)) {
                n += 1;
            }
            in_word = w;
        }
        n
    }

    fn term_id(&mut self, w: &str) -> Option<u32> {
        let lexicon = self
            .lexicon
            .as_mut()
            .expect("a tokenizer keeps its lexicon until dropped");
        let stem = lexicon.stem_index(w);
        if stem == NOT_A_TERM {
            return None;
        }
        let generation = lexicon.generation;
        let entry = &mut lexicon.ids[stem as usize];
        if entry.0 != generation {
            *entry = (generation, self.terms);
            self.terms += 1;
        }
        Some(entry.1)
    }

    /// Calls `f` with each lower-cased word of `text` and its byte range there. A word is a run
    /// of letters and digits, with inner apostrophes, periods between digits ("3.5") and a
    /// possessive "'s" removed; each CJK ideograph is a word of its own, since those scripts put
    /// no spaces between words.
    fn each_word(&mut self, text: &str, mut f: impl FnMut(&mut Self, &str, Range<usize>)) {
        work::add(Counter::TokenizerBytes, text.len());
        let mut word = std::mem::take(&mut self.word);
        word.clear();
        let mut start = 0;
        let mut end = 0;
        let mut chars = text.char_indices().peekable();
        let mut prev_digit = false;
        while let Some((i, c)) = chars.next() {
            if is_cjk(c) {
                if !word.is_empty() {
                    f(self, &word, start..end);
                    word.clear();
                }
                word.push(c);
                f(self, &word, i..i + c.len_utf8());
                word.clear();
                prev_digit = false;
                continue;
            }
            if c.is_alphanumeric() {
                if word.is_empty() {
                    start = i;
                }
                for l in c.to_lowercase() {
                    word.push(l);
                }
                end = i + c.len_utf8();
                prev_digit = c.is_ascii_digit();
                continue;
            }
            let next = chars.peek().map(|&(_, n)| n);
            let joins = match c {
                '\'' | '\u{2019}' => {
                    !word.is_empty() && next.is_some_and(|n| n.is_alphabetic() && !is_cjk(n))
                }
                '.' | ',' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                if c == '\'' || c == '\u{2019}' {
                    // "Trump's" -> "trump"; "don't" -> "dont" (a stop word either way).
                    let mut look = chars.clone();
                    let s = look.next().map(|x| x.1);
                    let after = look.next().map(|x| x.1);
                    if matches!(s, Some('s' | 'S')) && !after.is_some_and(|a| a.is_alphanumeric()) {
                        chars.next();
                    }
                    continue;
                }
                if c == '.' {
                    word.push('.');
                }
                continue;
            }
            if !word.is_empty() {
                f(self, &word, start..end);
                word.clear();
            }
            prev_digit = false;
        }
        if !word.is_empty() {
            f(self, &word, start..end);
            word.clear();
        }
        self.word = word;
    }
}

/// Ideographs and kana: scripts written without spaces, where one character is a unit.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // hiragana, katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x2FA1F) // supplementary ideographs
}

// English function words and news filler, sorted for binary search (a test checks the order).
const ENGLISH_STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "otherwise",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "quite",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "says",
    "see",
    "seen",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "something",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_list_is_sorted_and_unique() {
        assert!(ENGLISH_STOP.windows(2).all(|w| w[0] < w[1]));
    }

    fn words(text: &str) -> Vec<String> {
        let mut t = Tokenizer::new(Language::English);
        let mut out = Vec::new();
        t.each_word(text, |_, w, r| {
            assert!(text.get(r).is_some());
            out.push(w.to_string())
        });
        out
    }

    #[test]
    fn words_lowercase_possessives_and_numbers() {
        assert_eq!(
            words("Trump’s envoy met Putin's aide on 3.5 days, 1,200 km"),
            ["trump", "envoy", "met", "putin", "aide", "on", "3.5", "days", "1200", "km"]
        );
        assert_eq!(words("Don't stop"), ["dont", "stop"]);
        assert_eq!(words("multi-month—talks"), ["multi", "month", "talks"]);
    }

    #[test]
    fn cjk_characters_are_words() {
        assert_eq!(words("和平谈判ok"), ["和", "平", "谈", "判", "ok"]);
    }

    #[test]
    fn terms_stem_and_drop_stop_words() {
        let mut t = Tokenizer::new(Language::English);
        let a = t.terms("The negotiations were negotiated");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0], a[1], "negotiations and negotiated share a stem");
        assert!(t.terms("the and of a").is_empty());
    }

    #[test]
    fn ids_are_dense_and_in_first_seen_order() {
        let mut t = Tokenizer::new(Language::English);
        assert_eq!(t.terms("peace talks peace Miami"), [0, 1, 0, 2]);
        assert_eq!(t.vocab_len(), 3);
    }

    /// The number of words in the lexicon this thread keeps between calls.
    fn kept_words() -> Option<usize> {
        LEXICON.with(|l| {
            let kept = l.take();
            let n = kept.as_ref().map(|k| k.words.len());
            l.set(kept);
            n
        })
    }

    #[test]
    fn the_kept_lexicon_changes_no_term_id() {
        let text = "peace talks peace Miami negotiations";
        let fresh = Tokenizer::new(Language::English).terms(text);
        assert_eq!(fresh, [0, 1, 0, 2, 3]);
        Tokenizer::new(Language::English).terms("negotiators in Miami talk of other things");
        assert!(kept_words().is_some_and(|n| n >= 8), "the lexicon is kept");
        assert_eq!(Tokenizer::new(Language::English).terms(text), fresh);
        // Two tokenizers at once: each gives its own ids from 0.
        let mut a = Tokenizer::new(Language::English);
        let mut b = Tokenizer::new(Language::English);
        assert_eq!(a.terms("talks Miami talks"), [0, 1, 0]);
        assert_eq!(b.terms("Miami peace talks"), [0, 1, 2]);
        assert_eq!(a.terms("peace"), [2]);
        drop((a, b));
        assert_eq!(Tokenizer::new(Language::English).terms(text), fresh);
    }

    #[test]
    fn a_huge_lexicon_is_not_kept() {
        let words: String = (0..LEXICON_WORDS + 10).map(|i| format!("w{i} ")).collect();
        let mut t = Tokenizer::new(Language::English);
        assert_eq!(t.terms(&words).len(), LEXICON_WORDS + 10);
        drop(t);
        assert_eq!(kept_words(), None);
        Tokenizer::new(Language::English).terms("a few words");
        assert_eq!(kept_words(), Some(3));
    }

    #[test]
    fn word_count_counts_every_word() {
        assert_eq!(
            Tokenizer::count_words("The talks, held in Miami, ended."),
            6
        );
        assert_eq!(Tokenizer::count_words("和平 talks"), 3);
        assert_eq!(Tokenizer::count_words(""), 0);
    }

    #[test]
    fn language_names_round_trip() {
        for n in Language::NAMES {
            assert_eq!(Language::parse(n).unwrap().code(), *n);
            assert!(Language::parse(n).unwrap().is_available());
        }
        assert!(Language::parse("klingon").is_err());
        assert_eq!(
            Language::parse("fr").is_ok(),
            cfg!(feature = "all-languages"),
            "French is there exactly when all languages are"
        );
    }
}
