//! The document model: the text cleaned, segmented and tokenized, ready to score.
//!
//! One `Corpus` holds the sentences of one document, or of several summarized together, with one
//! shared vocabulary so that sentences of different documents can be compared.

use std::ops::Range;

use crate::text::clean::{self, LineKind};
use crate::text::quotes;
use crate::text::sentence;
use crate::text::token::{Language, Tokenizer};
use crate::work::{self, Counter};

/// A prose sentence: a candidate for the summary.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// Which document of the corpus it is from.
    pub doc: usize,
    /// Byte range in that document's text.
    pub span: Range<usize>,
    /// Its content term ids, repeats kept, in order: this range of `Corpus::terms`.
    pub terms: Range<u32>,
    /// Word count (stop words included): the unit of word budgets.
    pub words: usize,
    /// Index of the sentence within its document.
    pub index: usize,
    /// Index of the sentence within its paragraph.
    pub in_para: usize,
    /// Whether a summary may choose it.
    pub kind: Kind,
}

/// What a sentence is to selection. Every kind is scored and ranked (the source view shows and
/// highlights all of them); only prose is chosen for a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A candidate.
    Prose,
    /// A picture caption or credit line: marked by the caller or found by
    /// [`clean::lines`]. Never chosen: out of its page it describes a picture nobody sees.
    Caption,
    /// A piece of a quotation that runs on past it (see [`quotes`]): its quotation marks do
    /// not pair up. Chosen only when the text has nothing else to choose.
    Fragment,
}

/// What one document contributed to the corpus.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocInfo {
    /// Range of its sentences in `Corpus::sentences`.
    pub sentences: Range<usize>,
    /// Terms of its title: the one given, or its first heading when that opens the text.
    pub title: Vec<u32>,
    /// Terms of its other headings.
    pub headings: Vec<u32>,
    /// The language it was tokenized in.
    pub language: Language,
}

pub(crate) struct Corpus {
    pub sentences: Vec<Sentence>,
    /// The term ids of every sentence, one after another (one allocation, not one a sentence).
    pub terms: Vec<u32>,
    pub docs: Vec<DocInfo>,
    pub tokenizer: Tokenizer,
    /// The segmenter's buffers, which an [`Engine`](crate::Engine) keeps between calls.
    pub buffers: Buffers,
}

/// What segmenting a text needs room for: kept by an [`Engine`](crate::Engine) from one call to
/// the next (after a call of at most [`Buffers::KEPT_AFTER_BYTES`]), so that the next article's
/// lines, tokens and sentences go where the last one's went, with no list grown again.
#[derive(Default)]
pub(crate) struct Buffers {
    splitter: sentence::Splitter,
    units: Vec<quotes::Unit>,
}

impl Buffers {
    /// The buffers grow with the text: those of a longer call are not kept.
    pub const KEPT_AFTER_BYTES: usize = 1 << 20;
}

/// A heading is a short line standing alone without a final stop. Longer unpunctuated lines are
/// prose that lost its stop (scraped text, plain-text feeds).
const MAX_HEADING_WORDS: usize = 20;

impl Corpus {
    pub fn new(tokenizer: Tokenizer, buffers: Buffers) -> Self {
        Corpus {
            sentences: Vec::new(),
            terms: Vec::new(),
            docs: Vec::new(),
            tokenizer,
            buffers,
        }
    }

    /// Tokenizes what follows in the language of document `doc`.
    pub fn use_language_of(&mut self, doc: usize) {
        let language = self.docs[doc].language;
        self.tokenizer.set_language(language);
    }

    /// The content term ids of sentence `i`, repeats kept, in order.
    pub fn terms(&self, i: usize) -> &[u32] {
        let r = &self.sentences[i].terms;
        &self.terms[r.start as usize..r.end as usize]
    }

    /// Adds one document: its prose sentences become candidates, its headings title context.
    /// A document of headings only ("Hello", a list of short lines without stops) has nothing
    /// else to say: then its headings are its sentences. Sentences that overlap a range of
    /// `captions` (byte ranges into `text`, in any order) are captions, as are the caption lines
    /// that cleaning finds.
    pub fn add(
        &mut self,
        text: &str,
        title: Option<&str>,
        captions: &[Range<usize>],
        language: Language,
    ) {
        let first = self.sentences.len();
        // Room for what news text holds, a content term in about every ten bytes and a
        // sentence in about every 150, so that neither list is copied as it grows.
        self.terms.reserve(text.len() / 8);
        self.sentences.reserve(text.len() / 128);
        self.tokenizer.set_language(language);
        let mut info = DocInfo {
            language,
            ..DocInfo::default()
        };
        if let Some(t) = title {
            info.title = self.tokenizer.terms(t);
        }
        let blocks = blocks(text, captions);
        self.add_segments(text, &blocks, title.is_some(), &mut info, false);
        if self.sentences.len() == first {
            self.add_segments(text, &blocks, true, &mut DocInfo::default(), true);
        }
        info.sentences = first..self.sentences.len();
        self.docs.push(info);
    }

    /// Adds the sentences of `text` as the next document's, and its headings to `info` (the
    /// first to its title unless `titled`), or, with `headings_are_sentences`, every segment
    /// as a sentence.
    fn add_segments(
        &mut self,
        text: &str,
        blocks: &[Block],
        titled: bool,
        info: &mut DocInfo,
        headings_are_sentences: bool,
    ) {
        let doc = self.docs.len();
        let mut index = 0usize;
        let mut in_para = 0usize;
        let mut prev_end = 0usize;
        let Buffers {
            mut splitter,
            mut units,
        } = std::mem::take(&mut self.buffers);
        for block in blocks {
            let inner = &text[block.range.clone()];
            quotes::units_into(inner, splitter.split(inner), &mut units);
            for unit in &units {
                let r = unit.range.clone();
                let span = block.range.start + r.start..block.range.start + r.end;
                // A line break between two sentences starts a paragraph: news text puts one
                // paragraph on a line, and hard-wrapped text rarely breaks right after a stop.
                work::add(Counter::DocumentBytes, span.start - prev_end);
                let new_para = text[prev_end..span.start].contains(['\n', '\r']);
                prev_end = span.end;
                if new_para {
                    in_para = 0;
                }
                let s = &text[span.clone()];
                if !block.caption && !headings_are_sentences && is_heading(text, &span, s) {
                    let terms = self.tokenizer.terms(s);
                    if !titled && index == 0 && info.title.is_empty() {
                        info.title = terms;
                    } else {
                        info.headings.extend(terms);
                    }
                    continue;
                }
                let from = self.terms.len() as u32;
                let words = self.tokenizer.terms_into(s, &mut self.terms);
                let terms = from..self.terms.len() as u32;
                let kind = if block.caption {
                    Kind::Caption
                } else if !unit.paired {
                    Kind::Fragment
                } else {
                    Kind::Prose
                };
                self.sentences.push(Sentence {
                    doc,
                    span,
                    terms,
                    words,
                    index,
                    in_para,
                    kind,
                });
                index += 1;
                in_para += 1;
            }
        }
        self.buffers = Buffers { splitter, units };
    }
}

/// A run of text segmented on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    range: Range<usize>,
    caption: bool,
}

/// Runs of consecutive text lines, split at blank and boilerplate lines; each caption line, and
/// each stretch of a caller's caption range, is a block of its own, so that no sentence runs
/// from a caption into prose.
fn blocks(text: &str, captions: &[Range<usize>]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    for line in clean::lines(text) {
        match line.kind {
            LineKind::Text => match &mut cur {
                Some(r) => r.end = line.range.end,
                None => cur = Some(line.range.clone()),
            },
            LineKind::Caption => {
                out.extend(cur.take().map(|range| Block {
                    range,
                    caption: false,
                }));
                out.push(Block {
                    range: line.range.clone(),
                    caption: true,
                });
            }
            LineKind::Blank | LineKind::Boilerplate(_) => {
                out.extend(cur.take().map(|range| Block {
                    range,
                    caption: false,
                }))
            }
        }
    }
    out.extend(cur.map(|range| Block {
        range,
        caption: false,
    }));
    if captions.is_empty() {
        return out;
    }
    // Cut the blocks at the caller's caption ranges: both lists are in text order, so one
    // walk over both does it.
    let mut marks: Vec<Range<usize>> = captions
        .iter()
        .filter(|r| r.start < r.end)
        .map(|r| r.start.min(text.len())..r.end.min(text.len()))
        .collect();
    crate::sort::sort_by_key(&mut marks, |r| (r.start, r.end));
    let mut cut = Vec::with_capacity(out.len() + 2 * marks.len());
    let mut m = 0;
    for block in out {
        let mut at = block.range.start;
        let end = block.range.end;
        while at < end {
            while m < marks.len() && marks[m].end <= at {
                m += 1;
            }
            let (upto, caption) = match marks.get(m) {
                Some(r) if r.start <= at => (r.end.min(end), true),
                Some(r) if r.start < end => (r.start, block.caption),
                _ => (end, block.caption),
            };
            cut.push(Block {
                range: at..upto,
                caption,
            });
            at = upto;
        }
    }
    cut
}

/// Whether the segment `s` at `span` is a heading: it fills its line alone, has no final stop,
/// and is short.
fn is_heading(text: &str, span: &Range<usize>, s: &str) -> bool {
    // Closing marks, and the invisible direction marks of right-to-left text, after a stop.
    let closing = |c: char| {
        matches!(
            c,
            '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '*' | '_' | '\u{061C}' | '\u{200E}'
                | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
    };
    let last = crate::text::trim_end(s, closing).chars().last();
    if matches!(
        last,
        Some('.' | '!' | '?' | ':' | ';' | ',' | '\u{2026}' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}')
    ) {
        return false;
    }
    let first = s.chars().next();
    if matches!(first, Some('-' | '*' | '\u{2022}')) {
        return false; // a list item is content
    }
    // Alone on its line: only white space between it and the line breaks around it. Walking
    // just the white space keeps this O(sentence), where searching for the line's ends would
    // make a long line of short segments quadratic.
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
    let blank = |c: &char| c.is_whitespace() && !is_break(*c);
    let walked = |_: &char| work::add(Counter::DocumentBytes, 1);
    let before = text[..span.start]
        .chars()
        .rev()
        .inspect(walked)
        .find(|c| !blank(c));
    let after = text[span.end..].chars().inspect(walked).find(|c| !blank(c));
    let line_break = |c: Option<char>| c.is_none_or(is_break);
    line_break(before) && line_break(after) && heading_words(s) <= MAX_HEADING_WORDS
}

/// Words of a line as headings count them: a Chinese or Japanese word is about two characters,
/// each of which [`Tokenizer::count_words`] counts as one (a 30-character headline is not prose).
fn heading_words(s: &str) -> usize {
    let words = Tokenizer::count_words(s);
    if s.is_ascii() {
        return words;
    }
    words - s.chars().filter(|&c| crate::text::token::is_cjk(c)).count() / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(text: &str, title: Option<&str>) -> Corpus {
        let mut c = Corpus::new(Tokenizer::new(Language::English), Buffers::default());
        c.add(text, title, &[], Language::English);
        c
    }

    #[test]
    fn headings_are_title_context_not_sentences() {
        let text = "Miami Talks End\n\nThe talks ended on Sunday. Both sides spoke.\nNext Steps\nThey will meet again.";
        let c = corpus(text, None);
        let got: Vec<&str> = c.sentences.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(
            got,
            [
                "The talks ended on Sunday.",
                "Both sides spoke.",
                "They will meet again."
            ]
        );
        assert_eq!(c.docs[0].title.len(), 3, "miami, talk, end");
        assert_eq!(c.docs[0].headings.len(), 2, "next, step");
        assert_eq!(c.sentences[1].in_para, 1);
        assert_eq!(c.sentences[2].in_para, 0);
    }

    #[test]
    fn boilerplate_lines_never_become_sentences() {
        let text = "The talks ended.\n#Peace #Talks #Miami\nPhoto by AP, via wikimedia commons\nDate:\nThey will resume.";
        let c = corpus(text, Some("Talks"));
        let got: Vec<&str> = c.sentences.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(got, ["The talks ended.", "They will resume."]);
    }

    #[test]
    fn a_text_of_headings_only_has_them_as_sentences() {
        let text = "Buy milk\nCall the plumber\n\nFix the car";
        let c = corpus(text, None);
        let got: Vec<&str> = c.sentences.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(got, ["Buy milk", "Call the plumber", "Fix the car"]);
        assert_eq!(c.docs[0].sentences, 0..3);
        assert_eq!(c.docs[0].title.len(), 2, "buy, milk: still the title");
        assert_eq!((c.sentences[2].index, c.sentences[2].in_para), (2, 0));
        // With one prose sentence, headings stay headings.
        let text = "Miami Talks\nThe talks ended on Sunday.";
        assert_eq!(corpus(text, None).sentences.len(), 1);
    }

    #[test]
    fn long_unpunctuated_line_is_prose() {
        let text = "this line has no stop at all but it goes on and on with many words so it is surely prose and not a heading of any kind";
        assert_eq!(corpus(text, None).sentences.len(), 1);
    }
}
