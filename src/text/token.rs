//! Tokens: lower-cased words, stemmed, with stop words dropped, mapped to dense term ids.
//!
//! Sentences become bags of term ids so that every later stage (tf-idf, similarity, overlap)
//! works on integers. Ids are given in order of first appearance, so they are deterministic.

use std::ops::Range;

#[cfg(feature = "all-languages")]
use rust_stemmers::{Algorithm, Stemmer};

use super::bytes::{class, in_range, letters_run, ENDS, HIGH, LOWER, ONES, UPPER};
use super::hash::{self, short};
use super::intern::{Interner, Key, Vacant};
use crate::error::{Error, ErrorKind, Result};
use crate::work::{self, Counter};

/// The value `Tokenizer::seen` keeps for a word that is no term.
const NOT_A_TERM: u32 = u32::MAX;

/// The language of a text: chooses the stemmer, the stop words and the word units.
///
/// Every build knows every language's name and detects it ([`crate::detect_language`]); the
/// `all-languages` build (the default; the npm package) also has their stemmers and stop lists,
/// while the page's English build summarizes other languages as [`Language::Undetermined`]
/// (see [`Language::is_available`]). Parse one from an ISO 639-1 code with [`str::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Language {
    /// Arabic (`ar`).
    Arabic,
    /// Danish (`da`).
    Danish,
    /// Dutch (`nl`).
    Dutch,
    /// English (`en`): gisty's own Porter2 stemmer and English stop list. The default.
    #[default]
    English,
    /// Finnish (`fi`).
    Finnish,
    /// French (`fr`): an apostrophe ends an elided article ("l'État" is "l" and "état").
    French,
    /// German (`de`).
    German,
    /// Greek (`el`).
    Greek,
    /// Hungarian (`hu`).
    Hungarian,
    /// Italian (`it`): apostrophes end elided words, as in French.
    Italian,
    /// Norwegian Bokmål (`no`; the tags `nb` and `nn` read as it too).
    Norwegian,
    /// Portuguese (`pt`).
    Portuguese,
    /// Romanian (`ro`).
    Romanian,
    /// Russian (`ru`).
    Russian,
    /// Spanish (`es`).
    Spanish,
    /// Swedish (`sv`).
    Swedish,
    /// Tamil (`ta`): stemmed; no stop list (none was found in the source of the others).
    Tamil,
    /// Turkish (`tr`).
    Turkish,
    /// Chinese (`zh`): pairs of consecutive Han characters are its terms; no stemming.
    Chinese,
    /// Japanese (`ja`): katakana words, pairs of consecutive kanji; kana grammar is left out.
    Japanese,
    /// Korean (`ko`): words between spaces, unstemmed.
    Korean,
    /// Undetermined (`und`): a language gisty does not know, or cannot stem in this build. Words
    /// are lower-cased but not stemmed, and no stop list applies (words frequent everywhere
    /// weigh less by idf).
    Undetermined,
}

impl Language {
    /// Every language gisty knows (not [`Language::Undetermined`]), in the order of their codes.
    pub const ALL: &'static [Language] = &[
        Language::Arabic,
        Language::Danish,
        Language::German,
        Language::Greek,
        Language::English,
        Language::Spanish,
        Language::Finnish,
        Language::French,
        Language::Hungarian,
        Language::Italian,
        Language::Japanese,
        Language::Korean,
        Language::Dutch,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Swedish,
        Language::Tamil,
        Language::Turkish,
        Language::Chinese,
    ];

    /// The languages this build summarizes in their own terms, as ISO 639-1 codes. A build
    /// without the `all-languages` feature (the page's, to keep the download small) has English
    /// only, and summarizes the others as [`Language::Undetermined`].
    #[cfg(feature = "all-languages")]
    pub const NAMES: &'static [&'static str] = &[
        "ar", "da", "de", "el", "en", "es", "fi", "fr", "hu", "it", "ja", "ko", "nl", "no", "pt",
        "ro", "ru", "sv", "ta", "tr", "zh",
    ];
    /// The languages this build summarizes in their own terms, as ISO 639-1 codes. A build
    /// without the `all-languages` feature (the page's, to keep the download small) has English
    /// only, and summarizes the others as [`Language::Undetermined`].
    #[cfg(not(feature = "all-languages"))]
    pub const NAMES: &'static [&'static str] = &["en"];

    /// Whether this build summarizes the language in its own terms (see [`Language::NAMES`]);
    /// [`Language::Undetermined`], the neutral treatment, is available in every build.
    pub fn is_available(self) -> bool {
        self == Language::Undetermined || Self::NAMES.contains(&self.code())
    }

    /// Parses an ISO 639-1 code ("fr"), a language tag ("fr-CA", "pt_BR"; "nb" and "nn" are
    /// Norwegian), "und", or an English language name ("French"), case-insensitively. Every
    /// language parses in every build, whether or not it has the language's stemmer.
    pub fn parse(s: &str) -> Result<Language> {
        let l = s.trim().to_ascii_lowercase();
        let primary = l.split(['-', '_']).next().unwrap_or("");
        let by_code = match primary {
            "nb" | "nn" => Some(Language::Norwegian),
            "und" => Some(Language::Undetermined),
            c => Language::ALL.iter().copied().find(|x| x.code() == c),
        };
        by_code
            .or_else(|| {
                Language::ALL
                    .iter()
                    .copied()
                    .find(|x| x.name().eq_ignore_ascii_case(&l))
            })
            .ok_or_else(|| Error::new(ErrorKind::UnknownLanguage(s.to_string())))
    }

    /// The ISO 639-1 code ("und" for [`Language::Undetermined`]).
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Danish => "da",
            Language::Dutch => "nl",
            Language::English => "en",
            Language::Finnish => "fi",
            Language::French => "fr",
            Language::German => "de",
            Language::Greek => "el",
            Language::Hungarian => "hu",
            Language::Italian => "it",
            Language::Norwegian => "no",
            Language::Portuguese => "pt",
            Language::Romanian => "ro",
            Language::Russian => "ru",
            Language::Spanish => "es",
            Language::Swedish => "sv",
            Language::Tamil => "ta",
            Language::Turkish => "tr",
            Language::Chinese => "zh",
            Language::Japanese => "ja",
            Language::Korean => "ko",
            Language::Undetermined => "und",
        }
    }

    /// The language's name in English ("French"; "Undetermined").
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "Arabic",
            Language::Danish => "Danish",
            Language::Dutch => "Dutch",
            Language::English => "English",
            Language::Finnish => "Finnish",
            Language::French => "French",
            Language::German => "German",
            Language::Greek => "Greek",
            Language::Hungarian => "Hungarian",
            Language::Italian => "Italian",
            Language::Norwegian => "Norwegian",
            Language::Portuguese => "Portuguese",
            Language::Romanian => "Romanian",
            Language::Russian => "Russian",
            Language::Spanish => "Spanish",
            Language::Swedish => "Swedish",
            Language::Tamil => "Tamil",
            Language::Turkish => "Turkish",
            Language::Chinese => "Chinese",
            Language::Japanese => "Japanese",
            Language::Korean => "Korean",
            Language::Undetermined => "Undetermined",
        }
    }

    /// The language this build summarizes text of `self` as: itself, or
    /// [`Language::Undetermined`] when the build does not have it.
    pub(crate) fn in_this_build(self) -> Language {
        if self.is_available() {
            self
        } else {
            Language::Undetermined
        }
    }

    /// The stem gisty gives a lower-cased word of this language (the word itself where the
    /// language is not stemmed, or not in this build): what two words must share to count as
    /// one term. Builds a stemmer each call: for checks and tools, not for bulk text.
    pub fn stem(self, word: &str) -> String {
        Lexicon::new(self.in_this_build()).stem(word).into_owned()
    }

    /// Whether a lower-cased word is one of this language's stop words in this build (words
    /// too frequent to tell sentences apart, left out of every score).
    pub fn is_stop_word(self, word: &str) -> bool {
        Lexicon::new(self.in_this_build()).is_stop(word, &Key::of(word))
    }

    /// The Snowball stemmer of a language other than English (English words go to
    /// [`super::porter2`], and naming no English algorithm keeps its code out of the build).
    #[cfg(feature = "all-languages")]
    fn algorithm(self) -> Option<Algorithm> {
        Some(match self {
            Language::Arabic => Algorithm::Arabic,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Greek => Algorithm::Greek,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Tamil => Algorithm::Tamil,
            Language::Turkish => Algorithm::Turkish,
            _ => return None,
        })
    }

    /// The stop list of a language other than English: one word a line, sorted (generated by
    /// scripts/stopwords.py from stopwords-iso, MIT; see src/text/stopwords/LICENSE).
    #[cfg(feature = "all-languages")]
    fn stop_list(self) -> &'static str {
        match self {
            Language::Arabic => include_str!("stopwords/ar.txt"),
            Language::Danish => include_str!("stopwords/da.txt"),
            Language::Dutch => include_str!("stopwords/nl.txt"),
            Language::Finnish => include_str!("stopwords/fi.txt"),
            Language::French => include_str!("stopwords/fr.txt"),
            Language::German => include_str!("stopwords/de.txt"),
            Language::Greek => include_str!("stopwords/el.txt"),
            Language::Hungarian => include_str!("stopwords/hu.txt"),
            Language::Italian => include_str!("stopwords/it.txt"),
            Language::Norwegian => include_str!("stopwords/no.txt"),
            Language::Portuguese => include_str!("stopwords/pt.txt"),
            Language::Romanian => include_str!("stopwords/ro.txt"),
            Language::Russian => include_str!("stopwords/ru.txt"),
            Language::Spanish => include_str!("stopwords/es.txt"),
            Language::Swedish => include_str!("stopwords/sv.txt"),
            Language::Turkish => include_str!("stopwords/tr.txt"),
            Language::Chinese => include_str!("stopwords/zh.txt"),
            Language::Japanese => include_str!("stopwords/ja.txt"),
            Language::Korean => include_str!("stopwords/ko.txt"),
            _ => "",
        }
    }

    /// How the language's words are cut from runs of ideographs and kana.
    fn units(self) -> Units {
        match self {
            Language::Chinese => Units::HanPairs,
            Language::Japanese => Units::Japanese,
            _ => Units::Ideographs,
        }
    }
}

impl std::str::FromStr for Language {
    type Err = Error;

    /// As [`Language::parse`].
    fn from_str(s: &str) -> Result<Language> {
        Language::parse(s)
    }
}

impl std::fmt::Display for Language {
    /// The ISO 639-1 code.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Language {
    /// As its ISO 639-1 code: `"fr"`, `"und"`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// How runs of ideographs and kana become words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Units {
    /// Each character is a word (every language but Chinese and Japanese, which meet such
    /// characters only in names and quotations).
    Ideographs,
    /// Each pair of consecutive characters is a word (a lone character, one word): Chinese
    /// writes most words as two characters, with no space between words.
    HanPairs,
    /// A run of katakana is a word (mostly loan words and names), a run of kanji is cut into
    /// pairs as Chinese is, and a run of hiragana (particles, endings) is a word never counted.
    Japanese,
}

/// Which words are stop words.
enum Stops {
    English,
    /// A sorted list; for Chinese and Japanese a pair of characters each a stop word is one too.
    #[cfg(feature = "all-languages")]
    List(Vec<&'static str>),
    None,
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
    stops: Stops,
    units: Units,
    /// Whether an apostrophe ends a word (French and Italian elisions) rather than joining two
    /// parts of one ("don't").
    elides: bool,
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
    /// A lexicon for `language`, which this build must have ([`Language::in_this_build`]).
    fn new(language: Language) -> Self {
        let stops = match language {
            Language::English => Stops::English,
            #[cfg(feature = "all-languages")]
            l if !l.stop_list().is_empty() => Stops::List(l.stop_list().lines().collect()),
            _ => Stops::None,
        };
        Lexicon {
            language,
            #[cfg(feature = "all-languages")]
            stemmer: language.algorithm().map(Stemmer::create),
            stops,
            units: language.units(),
            elides: matches!(language, Language::French | Language::Italian),
            words: Interner::default(),
            stems: Interner::default(),
            ids: Vec::new(),
            generation: 0,
        }
    }

    /// A lexicon whose tables have room for `words` words (and as many stems) before they
    /// grow; 0: the few a table starts with.
    #[cfg(not(target_arch = "wasm32"))]
    fn with_room(language: Language, words: usize) -> Self {
        let mut lexicon = Lexicon::new(language);
        if words > 0 {
            lexicon.words = Interner::with_room(words);
            lexicon.stems = Interner::with_room(words);
            lexicon.ids.reserve_exact(words);
        }
        lexicon
    }

    /// The index of the stem of `w`, or [`NOT_A_TERM`].
    #[inline(always)]
    fn stem_index(&mut self, w: Word<'_>) -> u32 {
        match self.words.find(&w.key, w.text) {
            Ok(s) => s,
            Err(vacant) => self.new_word(w, vacant),
        }
    }

    /// The stem index of a word the lexicon has not seen, which is then added to `words` where
    /// [`Interner::find`] left room for it. Out of line: most words of an article were seen
    /// before.
    #[cold]
    #[inline(never)]
    fn new_word(&mut self, w: Word<'_>, vacant: Vacant) -> u32 {
        let mut buf = [0; 8];
        let text = w.text(&mut buf);
        let s = self.new_stem_index(text, &w.key);
        self.words.insert_vacant(vacant, &w.key, text, s);
        s
    }

    /// The stem of `w`: for English, the same stems as the Snowball stemmer's, in a seventh of
    /// the instructions; unstemmed languages keep the word.
    fn stem<'w>(&self, w: &'w str) -> std::borrow::Cow<'w, str> {
        #[cfg(feature = "all-languages")]
        if let Some(stemmer) = &self.stemmer {
            return stemmer.stem(w);
        }
        if self.language == Language::English {
            super::porter2::stem(w)
        } else {
            std::borrow::Cow::Borrowed(w)
        }
    }

    /// Whether `w`, whose [`Key`] is `k`, is a stop word.
    fn is_stop(&self, w: &str, k: &Key) -> bool {
        match &self.stops {
            Stops::English => is_english_stop(w, k),
            Stops::None => false,
            // Only the all-languages build has other lists: the English build holds no code
            // for them.
            #[cfg(feature = "all-languages")]
            Stops::List(list) => {
                if list.binary_search(&w).is_ok() {
                    return true;
                }
                if self.units == Units::Ideographs {
                    return false;
                }
                let mut cs = w.chars();
                match (cs.next(), cs.next(), cs.next()) {
                    (Some(a), Some(b), None) if is_cjk(a) && is_cjk(b) => {
                        let mut buf = [0u8; 4];
                        let mut stop =
                            |c: char| list.binary_search(&&*c.encode_utf8(&mut buf)).is_ok();
                        stop(a) && stop(b)
                    }
                    _ => false,
                }
            }
        }
    }

    /// The stem index of a word the lexicon has not seen: stop list, stemmer, stem table.
    fn new_stem_index(&mut self, w: &str, k: &Key) -> u32 {
        let mut chars = w.chars();
        let Some(first) = chars.next() else {
            return NOT_A_TERM;
        };
        if chars.next().is_none() && !is_cjk(first) && !first.is_ascii_digit() {
            return NOT_A_TERM;
        }
        if self.is_stop(w, k) {
            return NOT_A_TERM;
        }
        if self.units == Units::Japanese && w.chars().all(is_hiragana) {
            return NOT_A_TERM;
        }
        // Stemming a very long "word" (a hash, a base64 blob) is wasted work and the stem is
        // the word itself for our purposes.
        let stem = if first.is_ascii_digit() || w.len() > 40 && w.chars().count() > 40 {
            std::borrow::Cow::Borrowed(w)
        } else {
            self.stem(w)
        };
        let k = Key::of(&stem);
        let vacant = match self.stems.find(&k, &stem) {
            Ok(s) => return s,
            Err(vacant) => vacant,
        };
        let s = self.stems.len() as u32;
        self.stems.insert_vacant(vacant, &k, &stem, s);
        self.ids.push((0, 0));
        s
    }
}

/// A lexicon that grew past this many words (a book, a word list) is not kept after its call,
/// so that what stays allocated between calls is bounded (the README gives what a kept lexicon
/// holds).
const LEXICON_WORDS: usize = 1 << 16;

/// At most this many lexicons (one a language) are kept between calls: the most recently used.
const KEPT_LEXICONS: usize = 4;

/// The lexicons kept between calls by an [`Engine`](crate::Engine): a tokenizer takes the one
/// of its language when it starts and gives it back when it is done, so each call finds the
/// stems of the words the calls before it met. At most [`KEPT_LEXICONS`] are kept, none of more
/// than [`LEXICON_WORDS`] words.
#[derive(Default)]
pub(crate) struct Lexicons {
    kept: Vec<Lexicon>,
    /// The words a new lexicon has room for (see [`Lexicons::with_room`]). Not in
    /// WebAssembly, whose build is held to a size budget and has no batch engine.
    #[cfg(not(target_arch = "wasm32"))]
    room: usize,
}

impl Lexicons {
    /// Lexicons whose tables, when made, have room for `words` words (at most
    /// [`LEXICON_WORDS`]) before they grow: for batch work, whose lexicon grows to many
    /// thousands of words, and would otherwise double its tables a dozen times on the way,
    /// placing every word again and copying its lists each time.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_room(words: usize) -> Lexicons {
        Lexicons {
            kept: Vec::new(),
            room: words.min(LEXICON_WORDS),
        }
    }

    /// The kept lexicon of `language` (which this build has), or a new one, marked with a new
    /// generation.
    fn acquire(&mut self, language: Language) -> Lexicon {
        let kept = self
            .kept
            .iter()
            .position(|x| x.language == language)
            .map(|i| self.kept.remove(i));
        #[cfg(not(target_arch = "wasm32"))]
        let mut lexicon = kept.unwrap_or_else(|| Lexicon::with_room(language, self.room));
        #[cfg(target_arch = "wasm32")]
        let mut lexicon = kept.unwrap_or_else(|| Lexicon::new(language));
        lexicon.generation = lexicon.generation.wrapping_add(1);
        if lexicon.generation == 0 {
            // After 2^32 tokenizers: forget the old generations' marks and start again.
            lexicon.ids.iter_mut().for_each(|e| *e = (0, 0));
            lexicon.generation = 1;
        }
        lexicon
    }

    /// Keeps `used`, the lexicons a tokenizer is done with, within the bounds.
    fn keep(&mut self, used: Vec<Lexicon>) {
        self.kept
            .extend(used.into_iter().filter(|x| x.words.len() <= LEXICON_WORDS));
        let extra = self.kept.len().saturating_sub(KEPT_LEXICONS);
        self.kept.drain(..extra);
    }

    /// The words a new lexicon has room for.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn room(&self) -> usize {
        self.room
    }

    /// How many words the kept lexicons hold.
    pub fn words(&self) -> usize {
        self.kept.iter().map(|l| l.words.len()).sum()
    }

    /// The heap bytes the kept lexicons hold (their tables' capacity; the stop lists and
    /// stemmers, static or a few hundred bytes, are not counted).
    pub fn bytes(&self) -> usize {
        self.kept
            .iter()
            .map(|l| {
                l.words.bytes()
                    + l.stems.bytes()
                    + l.ids.capacity() * std::mem::size_of::<(u32, u32)>()
            })
            .sum()
    }
}

/// Turns text into term ids with one vocabulary, shared by every sentence of a document (or of
/// several documents summarized together, each in its own language), and by the title and the
/// focus.
pub struct Tokenizer {
    /// Where the lexicons come from and go back to.
    store: Lexicons,
    /// The lexicons of the languages used, one each; `current` is the one in use.
    lexicons: Vec<Lexicon>,
    current: usize,
    /// How many term ids were given.
    terms: u32,
    word: String,
}

impl Tokenizer {
    /// A tokenizer for text in `language` (as [`Language::Undetermined`] when this build does
    /// not have it), on lexicons of its own.
    #[cfg(test)]
    pub fn new(language: Language) -> Self {
        Tokenizer::with_lexicons(language, Lexicons::default())
    }

    /// A tokenizer for text in `language` that takes its lexicons from `store` (what an
    /// [`Engine`](crate::Engine) kept from its calls before); [`Tokenizer::give_back`] returns
    /// them. Term ids do not depend on what the store holds.
    pub(crate) fn with_lexicons(language: Language, mut store: Lexicons) -> Self {
        let first = store.acquire(language.in_this_build());
        Tokenizer {
            store,
            lexicons: vec![first],
            current: 0,
            terms: 0,
            word: String::new(),
        }
    }

    /// The lexicons, the ones this tokenizer used among them, to keep for the next call. The
    /// tokenizer must not be used after.
    pub(crate) fn give_back(&mut self) -> Lexicons {
        let mut store = std::mem::take(&mut self.store);
        store.keep(std::mem::take(&mut self.lexicons));
        store
    }

    /// Tokenizes what follows as `language` (as [`Language::Undetermined`] when this build does
    /// not have it), in the same vocabulary.
    pub fn set_language(&mut self, language: Language) {
        let language = language.in_this_build();
        if self.lexicons[self.current].language == language {
            return;
        }
        self.current = match self.lexicons.iter().position(|x| x.language == language) {
            Some(i) => i,
            None => {
                self.lexicons.push(self.store.acquire(language));
                self.lexicons.len() - 1
            }
        };
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

    /// [`Tokenizer::terms`], appended to `out`; returns how many words `text` has, as
    /// [`Tokenizer::count_words`] counts them, from the same pass.
    pub fn terms_into(&mut self, text: &str, out: &mut Vec<u32>) -> usize {
        self.each_word(text, &mut Sink::Terms(out))
    }

    /// Every word of `text` with its byte range and its term id (`None` for a stop word or a
    /// word too short to count): what key phrases are cut from.
    pub fn words(&mut self, text: &str) -> Vec<(Range<usize>, Option<u32>)> {
        let mut out = Vec::new();
        self.each_word(text, &mut Sink::Words(&mut out));
        out
    }

    /// How many words `text` has (stop words included): the unit of word budgets.
    pub fn count_words(text: &str) -> usize {
        work::add(Counter::TokenizerBytes, text.len());
        let bytes = text.as_bytes();
        let mut n = 0;
        let mut in_word = false;
        for (i, &b) in bytes.iter().enumerate() {
            // ASCII from a table, without decoding a char; other chars decoded at their first
            // byte (continuation bytes, 0x80 to 0xBF, are skipped).
            if b < 0x80 {
                let w = class(b) & (LOWER | UPPER) != 0;
                n += usize::from(w && !in_word);
                in_word = w;
            } else if b >= 0xC0 {
                let c = text[i..].chars().next().unwrap_or(' ');
                let w = c.is_alphanumeric();
                if w && (!in_word || is_cjk(c)) {
                    n += 1;
                }
                in_word = w;
            }
        }
        n
    }

    /// Gives each lower-cased word of `text` and its byte range there to `sink`, with its term
    /// id, and returns how many words [`Tokenizer::count_words`] counts in `text` (its units,
    /// not these: "don't" is two there), so that a sentence is read once. A word is a run of
    /// letters and digits, with inner apostrophes (in French and Italian, an apostrophe ends
    /// the elided word before it), periods between digits ("3.5") and a possessive "'s"
    /// removed. Scripts written without spaces are cut by the language's [`Units`]: by default
    /// each CJK ideograph or kana is a word of its own; in Chinese, each pair of consecutive
    /// ones.
    ///
    /// The loop here reads the words that a run of ASCII letters and digits makes whole (most
    /// words) and the marks that end them, and hands them on in line; everything else goes
    /// through [`Scan::step`], out of line, so that this loop keeps its few values in
    /// registers.
    fn each_word(&mut self, text: &str, sink: &mut Sink<'_>) -> usize {
        work::add(Counter::TokenizerBytes, text.len());
        let mut out = Out {
            lexicon: &mut self.lexicons[self.current],
            terms: &mut self.terms,
            sink,
        };
        let mut scan = Scan::new(text, std::mem::take(&mut self.word), out.lexicon);
        let bytes = text.as_bytes();
        let mut i = 0;
        if scan.not_plain != 0 {
            // Turkish lower-cases 'I' as 'ı': every byte by `steps`, which knows its two i's,
            // and none of this loop's tests below is for it.
            while i < bytes.len() {
                i = scan.steps(&mut out, i);
            }
        }
        while i < bytes.len() {
            // No word is being read here: `steps` reads on until one ends.
            let b = bytes[i];
            if class(b) & ENDS != 0 {
                // A space or a mark between words.
                scan.count.add(false, false);
                scan.prev_digit = false;
                i += 1;
                continue;
            }
            if class(b) & (LOWER | UPPER) != 0 {
                // A run of ASCII letters and digits: a whole word if the byte after it ends
                // it (a space, most often), read with its key, else read by `step`. One call
                // of `emit` for every whole word, so that its code is here once.
                let found = 'word: {
                    let x = match bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
                        Some(chunk) => u64::from_le_bytes(*chunk),
                        None => short(&bytes[i..]),
                    };
                    let k = (!alphanumerics(x) & HIGH).trailing_zeros() as usize / 8;
                    if k < 8 {
                        // Under eight bytes (most words): its key made in the register.
                        if !ends_run(bytes.get(i + k).copied(), bytes, i + k) {
                            break 'word None;
                        }
                        break 'word Some((Word::packed(x, k), i + k));
                    }
                    // Longer: hashed as it is read, and handed over from the text itself if
                    // it is in lower case, with no copy, or lower-cased in the buffer.
                    let (j, hash, upper) = long_run(bytes, i);
                    if !ends_run(bytes.get(j).copied(), bytes, j) {
                        break 'word None;
                    }
                    if upper {
                        scan.word.push_str(&text[i..j]);
                        scan.word.make_ascii_lowercase();
                        break 'word Some((Word::long(&scan.word, hash), j));
                    }
                    Some((Word::long(&text[i..j], hash), j))
                };
                i = match found {
                    Some((w, j)) => {
                        out.emit(w, i..j);
                        scan.word.clear();
                        // The word, and the byte after it, which ends it and nothing else.
                        scan.count.add(true, false);
                        scan.prev_digit = false;
                        scan.count.add(false, false);
                        j + 1
                    }
                    None => scan.steps(&mut out, i),
                };
                continue;
            }
            i = scan.steps(&mut out, i);
        }
        if !scan.word.is_empty() {
            scan.flush(&mut out, scan.start..scan.end);
        }
        self.word = scan.word;
        scan.count.n
    }
}

/// Whether `next`, the byte at `j` after a run of ASCII letters and digits (`None` at the end
/// of the text), ends the run's word and nothing else: the end of the text, a byte that ends
/// any word ([`ENDS`]), or a period or a comma but between digits ("3.5", "1,200"). An
/// apostrophe may join the word to the next.
#[inline(always)]
fn ends_run(next: Option<u8>, bytes: &[u8], j: usize) -> bool {
    match next {
        None => true,
        Some(b) if class(b) & ENDS != 0 => true,
        Some(b'.' | b',') => {
            !(bytes[j - 1].is_ascii_digit() && bytes.get(j + 1).is_some_and(u8::is_ascii_digit))
        }
        Some(_) => false,
    }
}

/// The bytes of `x` that are ASCII letters or digits, as their high bits (as
/// [`letters_run`] tells them; `| 0x20` makes capitals small and no other byte a letter).
#[inline(always)]
fn alphanumerics(x: u64) -> u64 {
    let y = x & !HIGH;
    (in_range(y | (ONES * 0x20), b'a', b'z') | in_range(y, b'0', b'9')) & !x
}

/// The run of ASCII letters and digits at `bytes[from..]`, whose first eight bytes are such:
/// where it ends, the hash [`Key::of`] gives its lower-cased bytes (made as they are read,
/// eight at a time, in the steps of [`hash::absorb`](super::hash)), and whether it has a
/// capital. The last bytes of the text are read as zeros after them, which end the run.
fn long_run(bytes: &[u8], from: usize) -> (usize, u64, bool) {
    let (mut j, mut state, mut capitals) = (from, 0, 0);
    loop {
        let x = match bytes.get(j..).and_then(<[u8]>::first_chunk::<8>) {
            Some(chunk) => u64::from_le_bytes(*chunk),
            None => short(&bytes[j..]),
        };
        let k = (!alphanumerics(x) & HIGH).trailing_zeros() as usize / 8;
        let lanes = u64::MAX.checked_shl(8 * k as u32).map_or(u64::MAX, |m| !m);
        capitals |= in_range(x & !HIGH, b'A', b'Z') & !x & lanes;
        let lower = (x | (ONES * 0x20)) & lanes;
        if k == 8 {
            state = hash::step(state, lower);
            j += 8;
            continue;
        }
        if k > 0 {
            state = hash::step(state, lower | (k as u64 * 8) << 56);
        }
        return (j + k, hash::fold(state), capitals != 0);
    }
}

/// Where [`Tokenizer::each_word`] puts what it finds.
enum Sink<'a> {
    /// The term ids, in order ([`Tokenizer::terms_into`]).
    Terms(&'a mut Vec<u32>),
    /// Every word's byte range and term id ([`Tokenizer::words`]).
    Words(&'a mut Vec<(Range<usize>, Option<u32>)>),
    /// Every word's byte range and lower-cased text, for tests.
    #[cfg(test)]
    Text(&'a mut Vec<(Range<usize>, String)>),
}

/// Where [`Tokenizer::each_word`]'s words go: the lexicon in use, which gives their term ids,
/// and the sink.
struct Out<'a, 's> {
    lexicon: &'a mut Lexicon,
    /// How many term ids the tokenizer gave.
    terms: &'a mut u32,
    sink: &'a mut Sink<'s>,
}

impl Out<'_, '_> {
    /// Gives the sink the word `w`, at `range` in the text.
    #[inline(always)]
    fn emit(&mut self, w: Word<'_>, range: Range<usize>) {
        #[cfg(test)]
        if let Sink::Text(out) = self.sink {
            out.push((range, w.text(&mut [0; 8]).to_string()));
            return;
        }
        // One lookup for both sinks: its code is here once.
        let id = term_id(self.lexicon, self.terms, w);
        match self.sink {
            Sink::Terms(out) => {
                if let Some(id) = id {
                    out.push(id);
                }
            }
            Sink::Words(out) => out.push((range, id)),
            #[cfg(test)]
            Sink::Text(_) => {}
        }
    }
}

/// The term id of `w` in the lexicon, `terms` the number of ids given (one more if `w` is a
/// term new to this tokenizer); `None` for a stop word or a word too short.
#[inline(always)]
fn term_id(lexicon: &mut Lexicon, terms: &mut u32, w: Word<'_>) -> Option<u32> {
    let stem = lexicon.stem_index(w);
    if stem == NOT_A_TERM {
        return None;
    }
    let generation = lexicon.generation;
    let entry = &mut lexicon.ids[stem as usize];
    if entry.0 != generation {
        *entry = (generation, *terms);
        *terms += 1;
    }
    Some(entry.1)
}

/// What [`Tokenizer::each_word`] keeps while it reads a text, but for where it is.
struct Scan<'t> {
    text: &'t str,
    /// The word being read, lower-cased, where it is not read whole from the text.
    word: String,
    /// Where the word in `word` starts and ends in the text.
    start: usize,
    end: usize,
    /// Whether the last char of the word read is an ASCII digit.
    prev_digit: bool,
    count: WordCount,
    units: Units,
    elides: bool,
    turkish: bool,
    /// The byte that ends a run of ASCII letters and digits besides those that are none: 'I'
    /// in Turkish, else 0 (which none is).
    not_plain: u8,
}

impl<'t> Scan<'t> {
    /// A scan of `text` in the language of `lexicon`, with `word` (emptied) for its buffer.
    fn new(text: &'t str, mut word: String, lexicon: &Lexicon) -> Scan<'t> {
        word.clear();
        let turkish = lexicon.language == Language::Turkish;
        Scan {
            text,
            word,
            start: 0,
            end: 0,
            prev_digit: false,
            count: WordCount::default(),
            units: lexicon.units,
            elides: lexicon.elides,
            turkish,
            not_plain: if turkish { b'I' } else { 0 },
        }
    }

    /// The char that starts at byte `i`, if any.
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|t| t.chars().next())
    }

    /// Reads on from byte `i` with [`Scan::step`] until no word is being read or the text
    /// ends; returns where to go on. Out of line: [`Tokenizer::each_word`]'s loop then starts
    /// every turn between words, with no test of the buffer.
    #[inline(never)]
    fn steps(&mut self, out: &mut Out<'_, '_>, mut i: usize) -> usize {
        loop {
            i = self.step(out, i);
            if self.word.is_empty() || i >= self.text.len() {
                return i;
            }
        }
    }

    /// Reads what starts at byte `i` of the text (a byte or a char; a run of ASCII letters and
    /// digits; a run of CJK characters), handing on any word it ends; returns where to go on.
    #[inline(always)]
    fn step(&mut self, out: &mut Out<'_, '_>, mut i: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let b = bytes[i];
        // A run of ASCII letters and digits that is not a word on its own: added to the word.
        if class(b) & (LOWER | UPPER) != 0 && b != self.not_plain {
            self.count.add(true, false);
            let (j, _) = letters_run(bytes, i, self.not_plain);
            if self.word.is_empty() {
                self.start = i;
            }
            let from = self.word.len();
            self.word.push_str(&text[i..j]);
            self.word[from..].make_ascii_lowercase();
            self.end = j;
            self.prev_digit = bytes[j - 1].is_ascii_digit();
            return j;
        }
        if class(b) & ENDS != 0 {
            // Any other ASCII mark or space ends the word: no char to decode or classify.
            self.count.add(false, false);
            if !self.word.is_empty() {
                self.flush(out, self.start..self.end);
            }
            self.prev_digit = false;
            return i + 1;
        }
        let c = if b < 0x80 {
            char::from(b)
        } else {
            self.char_at(i).unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        let len = c.len_utf8();
        if is_cjk(c) {
            if !self.word.is_empty() {
                self.flush(out, self.start..self.end);
            }
            self.prev_digit = false;
            if self.units == Units::Ideographs {
                self.count.add(c.is_alphanumeric(), true);
                self.word.push(c);
                self.flush(out, i..i + len);
                return i + len;
            }
            return self.cjk_run(out, i);
        }
        // General Punctuation (U+2000 to U+206F: dashes, curly quotes, spaces, joiners) has no
        // letter or digit: the marks most common in news text need no search of the tables.
        let alphanumeric = !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric();
        self.count.add(alphanumeric, false);
        if alphanumeric {
            if self.word.is_empty() {
                self.start = i;
            }
            if c == 'I' && self.turkish {
                // Turkish has two i's: dotless I is ı (and dotted İ is i).
                self.word.push('ı');
            } else if c == 'İ' && self.turkish {
                self.word.push('i');
            } else {
                self.word.extend(super::case::lower(c));
            }
            self.end = i + len;
            self.prev_digit = c.is_ascii_digit();
            return i + len;
        }
        if !self.word.is_empty() && is_inner_mark(c) {
            // A virama (Tamil, Devanagari) or a zero-width joiner is inside a word.
            self.word.push(c);
            self.end = i + len;
            return i + len;
        }
        i += len;
        let joins = match c {
            '\'' | '\u{2019}' => {
                !self.elides
                    && !self.word.is_empty()
                    && self
                        .char_at(i)
                        .is_some_and(|n| n.is_alphabetic() && !is_cjk(n))
            }
            '.' | ',' => self.prev_digit && bytes.get(i).is_some_and(u8::is_ascii_digit),
            _ => false,
        };
        if joins {
            if c == '\'' || c == '\u{2019}' {
                // "Trump's" -> "trump"; "don't" -> "dont" (a stop word either way).
                if matches!(bytes[i], b's' | b'S')
                    && !self.char_at(i + 1).is_some_and(|a| a.is_alphanumeric())
                {
                    // The 's' is left out of the word, not out of the count.
                    self.count.add(true, false);
                    i += 1;
                }
                return i;
            }
            if c == '.' {
                self.word.push('.');
            }
            return i;
        }
        if !self.word.is_empty() {
            self.flush(out, self.start..self.end);
        }
        self.prev_digit = false;
        i
    }

    /// The words of the run of CJK characters that starts at `text[at..]`, under the units
    /// of the language (not [`Units::Ideographs`]), each of its characters counted; returns
    /// where the run ends. The buffer is empty, and left empty.
    fn cjk_run(&mut self, out: &mut Out<'_, '_>, at: usize) -> usize {
        let units = self.units;
        let run: Vec<(usize, char)> = self.text[at..]
            .char_indices()
            .map(|(j, c)| (at + j, c))
            .take_while(|&(_, c)| is_cjk(c))
            .collect();
        for &(_, c) in &run {
            self.count.add(c.is_alphanumeric(), true);
        }
        let end_of = |k: usize| run[k].0 + run[k].1.len_utf8();
        let mut k = 0;
        while k < run.len() {
            // The part of the run of one kind: all of it in Chinese; in Japanese, the stretch
            // of one script (hiragana, katakana or kanji).
            let kind = |c: char| match units {
                Units::Japanese if is_hiragana(c) => 1,
                Units::Japanese if is_katakana(c) => 2,
                _ => 0,
            };
            let first = kind(run[k].1);
            let mut e = k + 1;
            while e < run.len() && kind(run[e].1) == first {
                e += 1;
            }
            if first != 0 || e - k == 1 {
                self.word.extend(run[k..e].iter().map(|x| x.1));
                self.flush(out, run[k].0..end_of(e - 1));
            } else {
                for p in k..e - 1 {
                    self.word.push(run[p].1);
                    self.word.push(run[p + 1].1);
                    self.flush(out, run[p].0..end_of(p + 1));
                }
            }
            k = e;
        }
        end_of(run.len() - 1)
    }

    /// Hands on the word in the buffer, at `range` in the text, and empties the buffer. Out of
    /// line: one copy of [`Out::emit`] for every word not read whole from the text.
    #[inline(never)]
    fn flush(&mut self, out: &mut Out<'_, '_>, range: Range<usize>) {
        out.emit(Word::of(&self.word), range);
        self.word.clear();
    }
}

/// A word as [`Tokenizer::each_word`] hands it on: its [`Key`] and its text.
#[derive(Clone, Copy)]
struct Word<'a> {
    key: Key,
    /// The word in lower case; or empty, where the key holds its bytes (see [`Word::packed`]).
    text: &'a str,
}

impl<'a> Word<'a> {
    /// `text`, a lower-cased word.
    fn of(text: &'a str) -> Word<'a> {
        Word {
            key: Key::of(text),
            text,
        }
    }

    /// The word of the first `n` bytes of `x` (1 to 7 ASCII letters and digits, the first
    /// byte lowest), lower-cased in the register (`| 0x20` makes a capital small and changes
    /// no other letter or digit) and made its key there: no copy of the text, no loop over its
    /// bytes. Most of a text's words are such.
    #[inline(always)]
    fn packed(x: u64, n: usize) -> Word<'static> {
        debug_assert!((1..8).contains(&n));
        let lanes = (1u64 << (8 * n)) - 1;
        let packed = (x | (ONES * 0x20)) & lanes | (n as u64 * 8) << 56;
        Word {
            key: Key::of_packed(packed),
            text: "",
        }
    }

    /// `text`, a lower-cased word of eight bytes or more whose [`Key::of`] hash is `hash`.
    fn long(text: &'a str, hash: u64) -> Word<'a> {
        Word {
            key: Key::of_long(hash),
            text,
        }
    }

    /// The word in lower case: its text, or its key's bytes (in `buf`).
    fn text<'b>(&self, buf: &'b mut [u8; 8]) -> &'b str
    where
        'a: 'b,
    {
        if !self.text.is_empty() {
            return self.text;
        }
        match self.key.short_bytes(buf) {
            // The key of a run of ASCII bytes: always UTF-8.
            Some(b) => std::str::from_utf8(b).unwrap_or_default(),
            None => "",
        }
    }
}

/// Words as [`Tokenizer::count_words`] counts them, char by char: a run of letters and digits
/// is a word, and so is each CJK character.
#[derive(Default)]
struct WordCount {
    n: usize,
    in_word: bool,
}

impl WordCount {
    /// Counts the next char, alphanumeric or not, CJK or not.
    #[inline(always)]
    fn add(&mut self, alphanumeric: bool, cjk: bool) {
        self.n += usize::from(alphanumeric && (!self.in_word || cjk));
        self.in_word = alphanumeric;
    }
}

/// Marks inside words of Indic scripts that are not alphanumeric (viramas and the like; not the
/// dandas, which end sentences), and the zero-width (non-)joiner.
fn is_inner_mark(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0963 | 0x0966..=0x0DFF | 0x200C | 0x200D)
}

fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F)
}

fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A0..=0x30FF)
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

/// Whether `w`, whose [`Key`] is `k`, is in [`ENGLISH_STOP`]: a probe or two of
/// [`ENGLISH_STOP_TABLE`] with the key the lexicon has computed anyway (a binary search compared
/// bytes with eight words).
fn is_english_stop(w: &str, k: &Key) -> bool {
    // Most new words are longer than any stop word: no probe for them.
    if w.len() > ENGLISH_STOP_MAX {
        return false;
    }
    let mask = ENGLISH_STOP_TABLE.len() - 1;
    let mut i = k.hash() as usize & mask;
    loop {
        let e = ENGLISH_STOP_TABLE[i];
        if e == 0 {
            return false;
        }
        if ENGLISH_STOP[usize::from(e) - 1] == w {
            return true;
        }
        i = (i + 1) & mask;
    }
}

/// [`ENGLISH_STOP`] as an open-addressing table (linear probing) on the words' [`Key`] hashes,
/// built when the crate is compiled: each slot 0 (empty) or a word's index plus one. Its
/// length is a power of two, over twice the list's.
const ENGLISH_STOP_TABLE: [u8; 512] = {
    assert!(ENGLISH_STOP.len() < 256 && ENGLISH_STOP.len() * 2 < 512);
    let mut table = [0u8; 512];
    let mut w = 0;
    while w < ENGLISH_STOP.len() {
        let mut i = Key::of(ENGLISH_STOP[w]).hash() as usize & 511;
        while table[i] != 0 {
            i = (i + 1) & 511;
        }
        table[i] = (w + 1) as u8;
        w += 1;
    }
    table
};

/// The longest English stop word, in bytes (a test checks it).
const ENGLISH_STOP_MAX: usize = 10;

// English function words and news filler, sorted (a test checks the order and that each is
// there once).
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
        assert_eq!(
            ENGLISH_STOP.iter().map(|w| w.len()).max(),
            Some(ENGLISH_STOP_MAX)
        );
        for w in ENGLISH_STOP {
            assert!(is_english_stop(w, &Key::of(w)), "{w}");
            for probe in [format!("{w}s"), format!("a{w}"), w[1..].to_string()] {
                let listed = ENGLISH_STOP.binary_search(&probe.as_str()).is_ok();
                assert_eq!(is_english_stop(&probe, &Key::of(&probe)), listed, "{probe}");
            }
        }
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/samples/000_046262ac0d97e98c.txt"
        ))
        .expect("a sample");
        for w in words(&text)
            .iter()
            .map(String::as_str)
            .chain(["", "the\0", "\0"])
        {
            let listed = ENGLISH_STOP.binary_search(&w).is_ok();
            assert_eq!(is_english_stop(w, &Key::of(w)), listed, "{w:?}");
        }
    }

    fn words(text: &str) -> Vec<String> {
        let mut t = Tokenizer::new(Language::English);
        let mut out = Vec::new();
        t.each_word(text, &mut Sink::Text(&mut out));
        out.into_iter()
            .map(|(r, w)| {
                assert!(text.get(r).is_some());
                w
            })
            .collect()
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        // Scan::step takes the block for non-alphanumeric without a table search.
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphanumeric()));
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

    /// The terms of `text` from a tokenizer on `store`, which is given back.
    fn terms_with(store: &mut Lexicons, text: &str) -> Vec<u32> {
        let mut t = Tokenizer::with_lexicons(Language::English, std::mem::take(store));
        let terms = t.terms(text);
        *store = t.give_back();
        terms
    }

    #[test]
    fn the_kept_lexicon_changes_no_term_id() {
        let text = "peace talks peace Miami negotiations";
        let fresh = Tokenizer::new(Language::English).terms(text);
        assert_eq!(fresh, [0, 1, 0, 2, 3]);
        let mut store = Lexicons::default();
        terms_with(&mut store, "negotiators in Miami talk of other things");
        assert!(store.words() == 7, "the lexicon is kept");
        assert!(store.bytes() > 0);
        assert_eq!(terms_with(&mut store, text), fresh);
        // Two tokenizers, each on its own store: each gives its own ids from 0.
        let mut a = Tokenizer::with_lexicons(Language::English, std::mem::take(&mut store));
        let mut b = Tokenizer::new(Language::English);
        assert_eq!(a.terms("talks Miami talks"), [0, 1, 0]);
        assert_eq!(b.terms("Miami peace talks"), [0, 1, 2]);
        assert_eq!(a.terms("peace"), [2]);
        store = a.give_back();
        assert_eq!(terms_with(&mut store, text), fresh);
    }

    #[test]
    fn a_huge_lexicon_is_not_kept() {
        let words: String = (0..LEXICON_WORDS + 10).map(|i| format!("w{i} ")).collect();
        let mut store = Lexicons::default();
        assert_eq!(terms_with(&mut store, &words).len(), LEXICON_WORDS + 10);
        assert_eq!(store.words(), 0);
        terms_with(&mut store, "a few words");
        assert_eq!(store.words(), 3);
    }

    #[test]
    fn at_most_a_few_lexicons_are_kept() {
        let mut store = Lexicons::default();
        let mut t = Tokenizer::with_lexicons(Language::English, store);
        for l in [
            Language::Undetermined,
            Language::French,
            Language::German,
            Language::Spanish,
            Language::English,
        ] {
            t.set_language(l);
            t.terms("quelques mots");
        }
        store = t.give_back();
        assert!(store.kept.len() <= KEPT_LEXICONS);
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

    /// The languages whose words are cut differently (elisions, Turkish i's, CJK units).
    fn cutting_languages() -> Vec<Language> {
        [
            Language::English,
            Language::French,
            Language::Turkish,
            Language::Chinese,
            Language::Japanese,
            Language::Tamil,
            Language::Undetermined,
        ]
        .into_iter()
        .map(Language::in_this_build)
        .collect()
    }

    /// The count that tokenizing gives with the terms, checked against `count_words`.
    fn assert_counts_alike(text: &str) {
        for l in cutting_languages() {
            let mut out = Vec::new();
            let n = Tokenizer::new(l).terms_into(text, &mut out);
            assert_eq!(n, Tokenizer::count_words(text), "{l}: {text:?}");
        }
    }

    #[test]
    fn terms_count_the_words_as_count_words_does() {
        for text in [
            "",
            "The talks, held in Miami, ended.",
            "Trump's envoy: don't stop; 3.5 days, 1,200 km, Putin's.",
            "dogs' 's ’s Trump’s X's",
            "İstanbul'da IRAK Istanbul",
            "l'État qu'il",
            "和平谈判ok 東京でコンピューターを・ー゛",
            "வீடுகள் வீடு",
            "naïve café\u{301} x\u{200D}y",
            "Ⅻ ½ ² ٣ abc١٢٣",
        ] {
            assert_counts_alike(text);
        }
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples");
        for entry in std::fs::read_dir(data).expect("the samples") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                assert_counts_alike(&std::fs::read_to_string(&path).expect("a text"));
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        #[test]
        fn random_texts_count_as_count_words_does(
            text in "[aIİıSs0-9 '’.,:\\-\u{301}\u{200D}\u{0BCD}ாé和平でコ・ー½Ⅻ\n]{0,40}"
        ) {
            assert_counts_alike(&text);
        }
    }

    #[test]
    fn language_names_round_trip() {
        for n in Language::NAMES {
            assert_eq!(Language::parse(n).unwrap().code(), *n);
            assert!(Language::parse(n).unwrap().is_available());
        }
        for l in Language::ALL {
            assert_eq!(l.code().parse::<Language>().unwrap(), *l);
            assert_eq!(l.name().parse::<Language>().unwrap(), *l);
        }
        assert!(Language::ALL.windows(2).all(|w| w[0].code() < w[1].code()));
        assert_eq!("fr-CA".parse::<Language>().unwrap(), Language::French);
        assert_eq!("nb".parse::<Language>().unwrap(), Language::Norwegian);
        assert_eq!("und".parse::<Language>().unwrap(), Language::Undetermined);
        let e = Language::parse("klingon").unwrap_err().to_string();
        assert!(e.contains("klingon") && e.contains("ar, da, de"), "{e}");
        assert_eq!(
            Language::French.is_available(),
            cfg!(feature = "all-languages"),
            "French is there exactly when all languages are"
        );
    }

    fn words_in(language: Language, text: &str) -> Vec<String> {
        let mut t = Tokenizer::new(language);
        let mut out = Vec::new();
        t.each_word(text, &mut Sink::Text(&mut out));
        out.into_iter()
            .map(|(r, w)| {
                assert!(text.get(r).is_some());
                w
            })
            .collect()
    }

    #[cfg(feature = "all-languages")]
    #[test]
    fn language_word_units() {
        assert_eq!(
            words_in(Language::Chinese, "和平谈判ok"),
            ["和平", "平谈", "谈判", "ok"]
        );
        assert_eq!(
            words_in(Language::Japanese, "東京でコンピューターを"),
            ["東京", "で", "コンピューター", "を"]
        );
        assert_eq!(
            words_in(Language::French, "l'État qu'il"),
            ["l", "état", "qu", "il"]
        );
        assert_eq!(words_in(Language::Tamil, "வீடுகள் வீடு"), ["வீடுகள்", "வீடு"]);
        assert_eq!(
            words_in(Language::Turkish, "İstanbul'da IRAK"),
            ["istanbulda", "ırak"]
        );
        let mut t = Tokenizer::new(Language::Japanese);
        assert!(t.terms("でを").is_empty(), "kana grammar is no term");
    }

    #[test]
    fn each_document_its_language_in_one_vocabulary() {
        let mut t = Tokenizer::new(Language::English);
        let en = t.terms("talks talks");
        t.set_language(Language::Undetermined);
        let und = t.terms("talks the");
        assert_eq!(en, [0, 0]);
        assert_eq!(und, [1, 2], "no stemming, no English stop words, new ids");
        t.set_language(Language::English);
        assert_eq!(t.terms("talk"), [0]);
    }
}
