//! The public entry points: options, results, `summarize` and `rank`.

use serde::Serialize;

use crate::document::Corpus;
use crate::error::{Error, ErrorKind, Result};
use crate::score::{self, Method};
use crate::select::{self, Budget};
use crate::text::token::{Language, Tokenizer};

/// How long the summary is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// At most this many sentences.
    Sentences(usize),
    /// This share of the text's sentences, in (0, 1], rounded, at least one.
    Ratio(f64),
    /// At most this many words: sentences that would overrun it are passed over.
    Words(usize),
}

impl Default for Length {
    fn default() -> Self {
        Length::Sentences(3)
    }
}

impl Length {
    /// Parses "3" (sentences), "30%" or "0.3" (a ratio) and "120w" (words).
    pub fn parse(s: &str) -> Result<Length> {
        let t = s.trim();
        let bad = || Error::new(ErrorKind::BadLength(s.to_string()));
        let len = if let Some(p) = t.strip_suffix('%') {
            let v: f64 = p.trim().parse().map_err(|_| bad())?;
            Length::Ratio(v / 100.0)
        } else if let Some(w) = t.strip_suffix(['w', 'W']) {
            Length::Words(w.trim().parse().map_err(|_| bad())?)
        } else if t.contains('.') {
            Length::Ratio(t.parse().map_err(|_| bad())?)
        } else {
            Length::Sentences(t.parse().map_err(|_| bad())?)
        };
        len.validate()?;
        Ok(len)
    }

    fn validate(&self) -> Result<()> {
        match *self {
            Length::Sentences(0) | Length::Words(0) => Err(Error::new(ErrorKind::ZeroLength)),
            Length::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(Error::new(ErrorKind::BadRatio(r.to_string())))
            }
            _ => Ok(()),
        }
    }
}

/// What to summarize and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// How long the summary is. Default: 3 sentences.
    pub length: Length,
    /// How sentences are scored. Default: [`Method::Gisty`].
    pub method: Method,
    /// The text's title, when it is not the text's first line.
    pub title: Option<String>,
    /// The text's language. Default: English.
    pub language: Language,
    /// Cosine similarity above which a sentence repeats one already picked and is passed over,
    /// in [0, 1]; 1 keeps repeats. Default: 0.5.
    pub redundancy: f64,
    /// Whether the default method may use the lede prior. Default: true.
    pub position: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            length: Length::default(),
            method: Method::default(),
            title: None,
            language: Language::default(),
            redundancy: 0.5,
            position: true,
        }
    }
}

impl Options {
    /// Checks every option, naming the first that is out of range.
    pub fn validate(&self) -> Result<()> {
        self.length.validate()?;
        if !(0.0..=1.0).contains(&self.redundancy) {
            return Err(Error::new(ErrorKind::BadRedundancy(self.redundancy.to_string())));
        }
        Ok(())
    }
}

/// A sentence with its score and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredSentence {
    /// The sentence, exactly as in the input.
    pub text: String,
    /// Its index among the text's sentences (headings and boilerplate are not counted).
    pub index: usize,
    /// Its score: higher is more summary-worthy; comparable within one call only.
    pub score: f64,
    /// Byte offset of its start in the input.
    pub start: usize,
    /// Byte offset just past its end in the input.
    pub end: usize,
}

/// A summary: the chosen sentences in document order, and what they were chosen from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The chosen sentences, in document order.
    pub sentences: Vec<ScoredSentence>,
    /// How many sentences the text has (the candidates).
    pub total_sentences: usize,
    /// How many words the text's sentences have.
    pub total_words: usize,
}

impl Summary {
    /// Words in the summary.
    pub fn words(&self) -> usize {
        self.sentences
            .iter()
            .map(|s| Tokenizer::count_words(&s.text))
            .sum()
    }
}

struct Ranked {
    corpus: Corpus,
    scored: score::Scored,
}

fn rank_corpus(text: &str, options: &Options) -> Result<(Ranked, Budget)> {
    options.validate()?;
    let mut corpus = Corpus::new(Tokenizer::new(options.language));
    corpus.add(text, options.title.as_deref());
    let n = corpus.sentences.len();
    let (budget, expected) = match options.length {
        Length::Sentences(k) => (Budget::Sentences(k), k as f64),
        Length::Ratio(r) => {
            let k = ((r * n as f64).round() as usize).max(1);
            (Budget::Sentences(k), k as f64)
        }
        Length::Words(w) => {
            let total: usize = corpus.sentences.iter().map(|s| s.words).sum();
            let avg = total as f64 / n.max(1) as f64;
            (Budget::Words(w), w as f64 / avg.max(1.0))
        }
    };
    let ctx = score::Context {
        method: options.method,
        budget: expected,
        position: options.position,
    };
    let scored = score::score(&corpus, &ctx);
    Ok((Ranked { corpus, scored }, budget))
}

fn scored_sentence(text: &str, r: &Ranked, i: usize) -> ScoredSentence {
    let s = &r.corpus.sentences[i];
    ScoredSentence {
        text: text[s.span.clone()].to_string(),
        index: s.index,
        score: r.scored.scores[i],
        start: s.span.start,
        end: s.span.end,
    }
}

/// Summarizes `text`: the best sentences within `options.length`, in document order.
///
/// Text without sentences gives an empty summary; only invalid options are errors.
pub fn summarize(text: &str, options: &Options) -> Result<Summary> {
    let (r, budget) = rank_corpus(text, options)?;
    let words: Vec<usize> = r.corpus.sentences.iter().map(|s| s.words).collect();
    let picked = select::select(
        &r.scored.scores,
        &r.scored.vectors,
        &words,
        budget,
        options.redundancy,
    );
    Ok(Summary {
        sentences: picked.iter().map(|&i| scored_sentence(text, &r, i)).collect(),
        total_sentences: r.corpus.sentences.len(),
        total_words: words.iter().sum(),
    })
}

/// Every sentence of `text` with its score, in document order.
pub fn rank(text: &str, options: &Options) -> Result<Vec<ScoredSentence>> {
    let (r, _) = rank_corpus(text, options)?;
    Ok((0..r.corpus.sentences.len())
        .map(|i| scored_sentence(text, &r, i))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_parsing() {
        assert_eq!(Length::parse("3").unwrap(), Length::Sentences(3));
        assert_eq!(Length::parse("30%").unwrap(), Length::Ratio(0.3));
        assert_eq!(Length::parse("0.25").unwrap(), Length::Ratio(0.25));
        assert_eq!(Length::parse("120w").unwrap(), Length::Words(120));
        for bad in ["0", "0w", "0%", "150%", "1.5", "abc", "", "-3", "NaN"] {
            assert!(Length::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_text_is_an_empty_summary() {
        let s = summarize("", &Options::default()).unwrap();
        assert!(s.sentences.is_empty());
        assert_eq!(s.total_sentences, 0);
        assert!(summarize("  \n\n #tag #tag2 \n", &Options::default())
            .unwrap()
            .sentences
            .is_empty());
    }

    #[test]
    fn invalid_options_are_errors() {
        let o = Options {
            length: Length::Ratio(0.0),
            ..Options::default()
        };
        let e = summarize("A sentence.", &o).unwrap_err();
        assert!(e.to_string().contains("ratio"), "{e}");
        let o = Options {
            redundancy: 2.0,
            ..Options::default()
        };
        assert!(summarize("A sentence.", &o).is_err());
    }
}
