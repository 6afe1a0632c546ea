//! Sentence segmentation: the byte ranges of the sentences of a block of text.
//!
//! The summarizer ranks and extracts whole sentences, so a wrong boundary shows up directly in
//! the output: a sentence cut at "Mr." reads as garbage, and two sentences glued together waste
//! the length budget. This is a rule-based segmenter tuned for news and plain prose. It reads
//! the text once, word by word, and decides at each candidate stop from the word that ends
//! there and the few words that follow, so its cost is linear in the input.
//!
//! # Conventions
//!
//! - **Stops.** `!` and `?` end a sentence unless the next word starts with a lowercase letter
//!   (`"Is it over?" she asked.` is one sentence), or unless they close a quotation that a name
//!   and a speech verb attribute (`'... right?' Jamie wrote.`): a quoted question cannot take
//!   the comma that would otherwise mark the attribution. A single `.` ends a sentence unless
//!   the next word starts lowercase or the word before is an abbreviation that does not end
//!   sentences at that position (below). Case checks only apply to scripts with case.
//! - **Abbreviations.** Titles (`Mr.`, `Dr.`, `Gen.`, `St.`, ...) and Latin or reference
//!   abbreviations (`e.g.`, `i.e.`, `vs.`, `approx.`, `fig.`, `pp.`, ...) never end a sentence.
//!   `No.` and month abbreviations do not end one before a number (`No. 7`, `Jan. 5`) but do
//!   before a capitalized word (`He said no. Then`). Dotted acronyms (`U.S.`, `U.K.`) end a
//!   sentence only when the next word typically opens one (`The`, `He`, `In`, `Since`, ...),
//!   because they are so often adjectives (`the U.S. Senate`); `a.m.` and `p.m.` end one unless
//!   a weekday or time zone follows (`10 a.m. Friday`). Company and name suffixes (`Inc.`,
//!   `Ltd.`, `Co.`, `Jr.`, `etc.`) are ordinary words: they end a sentence before a capital.
//! - **Initials.** A single letter and a period (`J. R. R. Tolkien`, `George W. Bush`) end a
//!   sentence only before a sentence opener, a title, or a capitalized word that the same text
//!   also uses in lowercase (`labelled C. Adult females ... adult males`).
//! - **Ellipses** (`...`, `…`, `. . .`) end a sentence only when the next word starts with a
//!   capital letter other than the pronoun `I`: `He paused... Then he left.` is two sentences,
//!   `I think... maybe not.` and `the thing is . . . I didn't` one, and so is `mean...see`. A
//!   spaced ellipsis after a sentence's own stop opens the next sentence when a capital follows
//!   (`compounds. . . . The practice`), and otherwise stays with it (`complex. . . .”`); a
//!   sentence may start with one. An omission in brackets (`[...]`) is no stop.
//! - **Times and the pronoun I.** A time after an opening preposition (`At 5 a.m. Mr. Smith
//!   went`) does not end the sentence; `I.` after a lowercase word (`you and I. Did`) ends one
//!   before any capital, where `Albert I. Jones` is an initial. `N°.` is `No.`.
//! - **Citations.** A parenthetical citation closed by a stop after a quotation (`"..." (Smith
//!   55).`) belongs to the quotation's sentence.
//! - **Quotes and brackets.** Closing quotes and brackets after a stop belong to the sentence
//!   that the stop ends (`it "constructive." He` splits after the quote). A quotation holding
//!   several sentences is split at its inner stops like any other text, as most segmenters and
//!   annotated corpora do: `“It began. It will resume,” he said.` gives `“It began.` and
//!   `It will resume,” he said.`; the same holds for brackets.
//! - **Other scripts.** CJK full stops and marks (`。！？`), the Devanagari danda (`।`), the
//!   Urdu full stop and the Ethiopic and Myanmar stops end a sentence with no space after them,
//!   except that the Japanese quotative `と` continues one after a closing bracket
//!   (`「はい。」と言った。`). The Arabic and Greek question marks behave like `?`.
//! - **Glued stops.** `heard.Shocking` (a space lost in scraping) is split where a lowercase
//!   word meets a capitalized one, except in URLs, e-mail addresses and paths.
//!
//! # Lines
//!
//! The caller splits documents at blank lines, so a block may still hold single line breaks,
//! and what a break means depends on the block. A line break
//!
//! - always ends a sentence before a list item (`- `, `* `, `• `, `1. `, `2) `, `(a) `, ...);
//!   the list marker is left out of the item's range. A list written on one line (`1.) first
//!   2.) second`, `a. first b. second`, `• 9. first • 10. second`: a marker, then the next
//!   marker in sequence on the same line) is cut before each marker, which its item keeps;
//! - never ends one when the line ends with `,` `;` `(` or a dash, when it ends with a function
//!   word (`and`, `the`, `of`, ...), or when the next line starts with a lowercase letter; a
//!   salutation (`Hi Anna,`) is the exception: it stands alone;
//! - after a stop ends the sentence when the line is longer than any hard-wrapped line
//!   (over 120 characters: a news paragraph), whatever abbreviation precedes the stop; after a
//!   shorter line the rules for stops above decide;
//! - after a line without a stop ends the sentence if the line looks like a heading (Title
//!   Case, `Background`), or if the block is not hard-wrapped (news with one paragraph per
//!   line, where such a line is a heading or caption);
//! - in hard-wrapped text (e-mail, Project Gutenberg: lines of at most 120 characters, at
//!   least half of them ending without a stop) is otherwise a space, unless the line is clearly
//!   short of the wrap width, as a greeting, signature or heading is.
//!
//! Ranges are trimmed of white space, never empty and strictly increasing; a segment with no
//! letter or digit at all (`***`, `…`) is dropped. The function never panics and is
//! deterministic.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use super::bytes::{class, BREAK, SPACE, STOP, WIDE};
use super::clean::WEEKDAYS;
use super::hash::WordHasher;
use crate::work::{self, Counter};

/// Splits `text` into sentences, returned as byte ranges into `text`, in order, trimmed of
/// surrounding white space, never empty, never overlapping.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut splitter = Splitter::default();
    splitter.split(text);
    splitter.out
}

/// The segmenter's buffers, kept between calls: a caller that splits many blocks (a document's
/// paragraphs) allocates them once, not once a block.
#[derive(Default)]
pub(crate) struct Splitter {
    lines: Vec<Line>,
    widths: Vec<Option<usize>>,
    words: Vec<Entry>,
    out: Vec<Range<usize>>,
}

impl Splitter {
    /// The sentences of `text`, as [`split`] gives them. (Never inlined: one call a block, and
    /// the profile of `scripts/instructions.sh --stages` shows segmenting apart.)
    #[inline(never)]
    pub(crate) fn split(&mut self, text: &str) -> &[Range<usize>] {
        let mut out = std::mem::take(&mut self.out);
        out.clear();
        // News sentences take well over 64 bytes: one allocation, not a chain of them.
        out.reserve(text.len() / 64);
        scan_lines(text, &mut self.lines);
        wrap_widths(&self.lines, &mut self.widths);
        self.out = segment(text, &self.lines, &self.widths, &mut self.words, out);
        &self.out
    }
}

/// Splits `text`, whose lines and their paragraphs' wrap widths are given, into `out`.
fn segment(
    text: &str,
    lines: &[Line],
    widths: &[Option<usize>],
    words: &mut Vec<Entry>,
    out: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut seg = Segmenter {
        text,
        seen_lower: None,
        searches: 0,
        start: None,
        out,
        before: None,
        words: 0,
        opener: None,
    };
    // The last word seen, its line, and whether that line is a list item.
    let mut prev: Option<(Word, usize, bool)> = None;
    for (li, line) in lines.iter().enumerate() {
        words.clear();
        tokenize(text, line.start..line.end, words);
        // A line that holds a whole list (`1) first 2) second`) keeps its markers; a line that
        // is one item of a list leaves its marker out.
        let mut inline = inline_list(text, words);
        // (A list marker is no plain word, so it has no run after it: two entries are two
        // words.)
        let item = inline.is_none()
            && words.len() >= 2
            && is_list_marker(&text[words[0].word.start..words[0].word.end]);
        let body = if item { &words[1..] } else { &words[..] };
        // Whether the previous word is (part of) a list marker, after which nothing ends, and
        // whether it is a bare bullet, which a number may follow (`• 10.`).
        let mut in_marker = false;
        let mut bare_bullet = false;
        let bytes = text.as_bytes();
        let mut k = 0;
        while k < body.len() {
            // Most words follow a word that ends in an ASCII letter or digit on their line,
            // and start with one: no stop, no detached mark, nothing to decide but the
            // bookkeeping (outside one-line lists, whose markers are words of their own).
            if let (Some((p, _, _)), None, true) = (prev, inline, k > 0) {
                // (A hard or joined word ends in a stop or mark.)
                let from = k;
                let mut before = seg.before;
                let mut last = p;
                let mut count = 0;
                while let (true, Some(e)) =
                    (bytes[last.end - 1].is_ascii_alphanumeric(), body.get(k))
                {
                    if !bytes[e.word.start].is_ascii_alphanumeric() {
                        break;
                    }
                    if e.more > 0 {
                        before = Some(e.before_last);
                        last = e.last;
                    } else {
                        before = Some(last);
                        last = e.word;
                    }
                    count += 1 + e.more;
                    k += 1;
                }
                if k > from {
                    work::add(Counter::SegmenterBytes, last.end - p.start);
                    seg.before = before;
                    if seg.words == 0 {
                        seg.opener = Some(body[from].word);
                    }
                    seg.words += count;
                    prev = Some((last, li, item));
                }
                if k == body.len() {
                    break;
                }
            }
            let entry = body[k];
            let w = entry.word;
            let first = k == 0;
            k += 1;
            let ahead = Ahead {
                text: bytes,
                run: (w.end, entry.last.end),
                rest: &body[k..],
            };
            let word = &text[w.start..w.end];
            if let Some((p, _, _)) = prev {
                // Detached stops and closing marks (`gagnerons. »`, `Vraiment ?`, `. . .`)
                // join the word before on their line, whose stop they complete, except that a
                // spaced ellipsis after a sentence's own stop, before a capital, opens the
                // next sentence (`compounds. . . . The practice`).
                if !first && !p.hard && is_detached(word) {
                    if seg.ellipsis_opens(p, w, ahead) {
                        seg.cut(p.end, w.start);
                        prev = Some((w, li, item));
                        continue;
                    }
                    let joined = Word {
                        start: p.start,
                        end: w.end,
                        hard: false,
                        joined: true,
                    };
                    prev = Some((joined, li, item));
                    continue;
                }
            }
            let this = inline.and_then(|_| marker(word));
            let next_item = !first && this.is_some() && this == inline.map(Marker::next);
            if next_item {
                inline = this;
            }
            let cut = match prev {
                None => false,
                _ if next_item => true,
                _ if !first && in_marker => false,
                // Nothing but an ellipsis so far on this line (`. . . The practice`): no
                // sentence to end.
                Some((p, _, _))
                    if !first
                        && seg.start == Some(p.start)
                        && only_dots(first_token(&text[p.start..p.end])) =>
                {
                    false
                }
                Some((p, _, _)) if p.hard => true,
                Some((p, _, _)) if !first => seg.after_stop(p, w, ahead),
                Some((p, pli, pitem)) => {
                    let pl = &lines[pli];
                    item || inline.is_some() || pl.para != line.para || {
                        let width = widths[pl.para];
                        seg.at_line_break(p, w, ahead, pl, pitem, width)
                    }
                }
            };
            let starts_item = inline.is_some() && (first || next_item);
            let numbered = this.is_some_and(|m| m.style != Style::Bullet);
            in_marker = starts_item || (in_marker && bare_bullet && numbered);
            bare_bullet = starts_item && this.is_some_and(|m| m.style == Style::Bullet);
            match (cut, prev) {
                (true, Some((p, _, _))) => seg.cut(p.end, w.start),
                (_, None) => seg.start = Some(w.start),
                _ => {}
            }
            seg.before = prev.map(|p| p.0);
            seg.words += 1;
            if seg.words == 1 {
                seg.opener = Some(w);
            }
            prev = Some((w, li, item));
            // The rest of a run of plain words: plain words after a plain word.
            if entry.more > 0 {
                work::add(Counter::SegmenterBytes, entry.last.end - w.end);
                seg.before = Some(entry.before_last);
                seg.words += entry.more;
                in_marker = false;
                bare_bullet = false;
                prev = Some((entry.last, li, item));
            }
        }
    }
    if let (Some(s), Some((p, _, _))) = (seg.start, prev) {
        seg.emit(s, p.end);
    }
    seg.out
}

/// Lines longer than this (in chars) are paragraphs, not hard-wrapped lines.
const WRAP_MAX: usize = 120;
/// Hard wrapping narrower than this is too rare to be worth guessing at.
const WRAP_MIN: usize = 40;
/// Headings longer than this are sentences that lost their stop.
const HEADING_MAX_WORDS: usize = 20;
/// Abbreviations and the words they are compared with are short; longer words are skipped
/// without a lookup, which also bounds the work per word.
const SHORT: usize = 16;

/// A non-blank line, trimmed.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    /// Its length in chars, counted only in paragraphs of several lines: only a break between
    /// two lines of one paragraph, and its wrap width, ask it.
    chars: usize,
    /// Index of its paragraph: lines between blank lines or paragraph separators.
    para: usize,
    ending: Ending,
}

/// How a line ends, which says how likely it is to go on in the next line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    /// A sentence stop, possibly followed by closing quotes or brackets.
    Stop,
    /// A colon: a label (`Background:`) or an introduction of what follows.
    Colon,
    /// A comma, semicolon, opening bracket or dash: the sentence goes on.
    Continues,
    /// A word, number or anything else.
    Open,
}

/// A run of non-space characters, or a piece of one cut after a stop that needs no space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    /// It ends at an unconditional stop (CJK, danda, or a glued `.Next`).
    hard: bool,
    /// Detached stops and closing marks were joined to it (`word . . .`): it holds spaces.
    joined: bool,
}

/// A word of a line, and when it is plain (ASCII letters and digits only) the run of plain
/// words after it, apart by ASCII spaces: most words of prose, which decide nothing and are
/// told apart only when a decision looks ahead ([`Ahead`]).
#[derive(Clone, Copy, Debug)]
struct Entry {
    word: Word,
    /// How many plain words follow `word` in its run.
    more: usize,
    /// The run's last word, and the one before it (`word` itself while the run is short).
    last: Word,
    before_last: Word,
}

impl Entry {
    fn single(word: Word) -> Entry {
        Entry {
            word,
            more: 0,
            last: word,
            before_last: word,
        }
    }
}

/// The words after a word on its line: the rest of its run, told apart here, then the entries
/// after it. Decisions read at most a few of them.
#[derive(Clone, Copy)]
struct Ahead<'a> {
    text: &'a [u8],
    /// The rest of the current run: plain words apart by ASCII spaces, from a space on.
    run: (usize, usize),
    rest: &'a [Entry],
}

impl Iterator for Ahead<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let (mut start, end) = self.run;
        if start < end {
            while class(self.text[start]) & SPACE != 0 {
                start += 1;
            }
            let mut stop = start;
            while stop < end && class(self.text[stop]) & SPACE == 0 {
                stop += 1;
            }
            self.run = (stop, end);
            return Some(Word {
                start,
                end: stop,
                hard: false,
                joined: false,
            });
        }
        let (first, rest) = self.rest.split_first()?;
        self.rest = rest;
        self.run = (first.word.end, first.last.end);
        Some(first.word)
    }
}

/// The stops and closing marks at the end of a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tail {
    /// Byte offset in the word where the tail starts.
    at: usize,
    strong: bool,
    dots: usize,
    ellipsis: bool,
    /// A quotation mark closes after the stop.
    quoted: bool,
}

impl Tail {
    fn any_stop(&self) -> bool {
        self.strong || self.dots > 0 || self.ellipsis
    }
}

/// What the word before a period is, as far as sentence ends are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbrev {
    /// `Mr.`, `Dr.`, `Gen.`: always followed by a name.
    Title,
    /// `e.g.`, `vs.`, `approx.`: always mid-sentence.
    Never,
    /// `No.`, `Jan.`: mid-sentence before a number, otherwise an ordinary word.
    Numeric,
    /// `a.m.`, `p.m.`
    Time,
    /// `U.S.`, `U.K.`: often an adjective before a capitalized noun.
    Acronym,
    /// A single letter: an initial, unless a sentence plainly starts after it.
    Initial,
    /// An ordinary word or number.
    Plain,
}

struct Segmenter<'t> {
    text: &'t str,
    /// Words that this text uses with a lowercase initial; built on first need, after
    /// [`SEARCHES`] words were looked for one by one.
    seen_lower: Option<WordSet<'t>>,
    searches: usize,
    start: Option<usize>,
    out: Vec<Range<usize>>,
    /// The word before the one a stop is read after.
    before: Option<Word>,
    /// Words of the current sentence so far, and its first.
    words: usize,
    opener: Option<Word>,
}

impl<'t> Segmenter<'t> {
    fn cut(&mut self, end: usize, next: usize) {
        if let Some(s) = self.start {
            self.emit(s, end);
        }
        self.start = Some(next);
        self.words = 0;
        self.opener = None;
    }

    /// Whether the detached `.` `w` starts a spaced ellipsis (`. . .`) that opens the next
    /// sentence: it follows a word with a sentence's own stop (`compounds.`), and a capital
    /// follows it. A fourth dot (`. . . .`) or no capital after it keeps it with the sentence
    /// before, as the ellipsis that closes it.
    fn ellipsis_opens(&self, p: Word, w: Word, ahead: Ahead<'_>) -> bool {
        let text = self.text;
        let at = |i: usize| ahead.clone().nth(i).map(|a| &text[a.start..a.end]);
        let word = &text[p.start..p.end];
        if &text[w.start..w.end] != "." || at(0) != Some(".") || at(1) != Some(".") {
            return false;
        }
        let Some(next) = at(2) else {
            return false;
        };
        // A joined word (`. . . .` so far) is no sentence's own stop; checked before `tail`,
        // which would read the whole run at every stop of it.
        if p.joined || !first_letter(next).is_some_and(char::is_uppercase) {
            return false;
        }
        let t = tail(word);
        t.dots == 1
            && !t.strong
            && !t.ellipsis
            && classify(super::trim_start(&word[..t.at], is_opener)) == Abbrev::Plain
    }

    fn emit(&mut self, start: usize, end: usize) {
        work::add(Counter::SegmenterBytes, end - start);
        let s = &self.text[start..end];
        let ascii = s.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric);
        if ascii || s.chars().any(char::is_alphanumeric) {
            self.out.push(start..end);
        }
    }

    /// Whether a sentence ends between `p` and `w`, which follow each other on one line
    /// (`ahead` are the words after `w` on its line).
    #[inline]
    fn after_stop(&mut self, p: Word, w: Word, ahead: Ahead<'_>) -> bool {
        work::add(Counter::SegmenterBytes, p.end - p.start);
        // Most words end in a letter or digit, which no tail starts with: decided here, in
        // the caller's loop, without a call.
        // Nor does a comma or any other ASCII byte but the stops and closing marks.
        let last = self.text.as_bytes()[p.end - 1];
        if last.is_ascii()
            && !matches!(last, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}')
        {
            return false;
        }
        self.after_mark(p, w, ahead)
    }

    /// [`Segmenter::after_stop`] for a word `p` that ends in something else than an ASCII
    /// letter or digit.
    #[inline(never)]
    fn after_mark(&mut self, p: Word, w: Word, ahead: Ahead<'_>) -> bool {
        let word = &self.text[p.start..p.end];
        let next = &self.text[w.start..w.end];
        let tail = tail(word);
        if !tail.any_stop() {
            return false;
        }
        let first = first_letter(next);
        let lower = first.is_some_and(char::is_lowercase);
        let bare = bare(next);
        // A quotation and the citation after it are one sentence: `"..." (Smith 55).`
        if tail.quoted && self.citation(w, ahead) {
            return false;
        }
        if tail.strong {
            // A quoted question or exclamation cannot take a comma before its attribution,
            // so `"Why?" Smith asked.` is one sentence.
            let attributed = tail.quoted
                && first.is_some_and(char::is_uppercase)
                && !in_list(bare, &STARTER_KEYS)
                && self.attribution(w, ahead);
            return !lower && !attributed;
        }
        if tail.ellipsis || tail.dots > 1 {
            // An omission mark in brackets (`stairways [...]"`) is no stop, and the pronoun
            // after a pause goes on with the thought: `the thing is . . . I didn't`.
            return first.is_some_and(char::is_uppercase)
                && !is_pronoun_i(bare)
                && !is_omission(word, &tail);
        }
        if lower {
            return false;
        }
        let core = super::trim_start(super::trim_end(&word[..tail.at], is_space), is_opener);
        if core.is_empty() {
            return true;
        }
        let digit = first.is_some_and(char::is_numeric);
        match classify(core) {
            Abbrev::Title | Abbrev::Never => false,
            Abbrev::Numeric => !digit,
            // A time that opens the sentence (`At 5 a.m. Mr. Smith went`) is its adverbial,
            // not its end; one that closes a clause ends it before any capital.
            Abbrev::Time => {
                !digit
                    && !in_list(bare, &TIME_FOLLOWER_KEYS)
                    && !in_list(bare, &WEEKDAY_KEYS)
                    && !self.opens_with_time()
            }
            Abbrev::Acronym => !digit && in_list(bare, &STARTER_KEYS),
            // `you and I. Did`: the pronoun after a lowercase word is no initial.
            Abbrev::Initial if is_pronoun_i(core) && self.before_is_lowercase() => {
                first.is_some_and(char::is_uppercase)
            }
            Abbrev::Initial => {
                !digit
                    && !is_initial(next)
                    && (in_list(bare, &STARTER_KEYS)
                        || is_title(bare)
                        || (first.is_some_and(char::is_uppercase) && self.seen_lowercase(bare)))
            }
            Abbrev::Plain => true,
        }
    }

    /// Whether the word before the one just read starts lowercase.
    fn before_is_lowercase(&self) -> bool {
        self.before.is_some_and(|b| {
            first_letter(&self.text[b.start..b.end]).is_some_and(char::is_lowercase)
        })
    }

    /// Whether the sentence so far is a time after a preposition (`At 5 a.m.`, `By 6:30 p.m.`):
    /// at most four words, the first a preposition.
    fn opens_with_time(&self) -> bool {
        self.words <= 4
            && self
                .opener
                .is_some_and(|o| in_list(bare(&self.text[o.start..o.end]), &TIME_PREPOSITION_KEYS))
    }

    /// Whether `w` and the words after it on its line are a parenthetical citation closed by a
    /// stop: `(Smith 55).`, `(ibid., p. 3).` At most six words are read.
    fn citation(&self, w: Word, ahead: Ahead<'_>) -> bool {
        if !self.text[w.start..w.end].starts_with('(') {
            return false;
        }
        for word in std::iter::once(w).chain(ahead).take(6) {
            let t = &self.text[word.start..word.end];
            if let Some(close) = t.find(')') {
                let after = super::trim_start(&t[close + 1..], is_closer);
                return !t[..close].ends_with(is_terminal) && after.starts_with(is_terminal);
            }
        }
        false
    }

    /// Whether up to three capitalized words from `w` on, then a speech verb, attribute a
    /// quotation: `Jamie wrote`, `Tom Smith asked`.
    fn attribution(&self, w: Word, ahead: Ahead<'_>) -> bool {
        for word in std::iter::once(w).chain(ahead).take(4) {
            let b = bare(&self.text[word.start..word.end]);
            if !b.starts_with(char::is_uppercase) {
                return in_list(b, &SPEECH_VERB_KEYS);
            }
        }
        false
    }

    /// Whether a sentence ends at the line break between `p`, the last word of line `line`,
    /// and `w`, the first word of the next line of the same paragraph.
    fn at_line_break(
        &mut self,
        p: Word,
        w: Word,
        ahead: Ahead<'_>,
        line: &Line,
        item: bool,
        width: Option<usize>,
    ) -> bool {
        let next = &self.text[w.start..w.end];
        let lower = first_letter(next).is_some_and(char::is_lowercase);
        let text = &self.text[line.start..line.end];
        match line.ending {
            // In wrapped text, or after a line short enough to be a wrapped one, the break is
            // a space; after a longer line (a paragraph) a stop ends the paragraph, whatever
            // abbreviation it follows.
            Ending::Stop if width.is_some() || line.chars <= WRAP_MAX => {
                self.after_stop(p, w, ahead)
            }
            Ending::Stop => !lower,
            Ending::Colon => !lower && heading_like(text),
            // A salutation (`Hi Anna,`) stands on its own line.
            Ending::Continues => !lower && is_salutation(text),
            Ending::Open => {
                if lower || ends_with_function_word(text) {
                    false
                } else if item || heading_like(text) {
                    true
                } else if let Some(width) = width {
                    // A greedy wrapper would have put the next word on this line if it fit:
                    // a line well short of the width was broken on purpose.
                    line.chars + 1 + next.chars().count() <= width * 4 / 5
                } else {
                    true
                }
            }
        }
    }

    /// Whether this text uses `word` (capitalized here) with a lowercase initial elsewhere.
    fn seen_lowercase(&mut self, word: &str) -> bool {
        let text = self.text;
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let mut lowered: String = super::case::lower(first).collect();
        lowered.push_str(chars.as_str());
        // `Adults` counts as seen when the text has `adult`.
        let singular = lowered.strip_suffix('s').filter(|s| s.len() > 2);
        // Few words are asked about, most texts none: the first few are looked for in the
        // text, where a set of its every lowercase word cost far more. A text that asks about
        // many builds the set, as a search a word would grow with the text times the words.
        let is = |w: &str| w == lowered || Some(w) == singular;
        if self.seen_lower.is_none() && self.searches < SEARCHES {
            self.searches += 1;
            work::add(Counter::SegmenterBytes, text.len());
            // Most are names that the text never writes in lowercase: one fast search says so.
            return crate::text::bytes::contains(text, singular.unwrap_or(&lowered))
                && lowercase_words(text, &mut |w| is(w));
        }
        let seen = self.seen_lower.get_or_insert_with(|| {
            work::add(Counter::SegmenterBytes, text.len());
            let mut set = WordSet::with_capacity_and_hasher(text.len() / 16, Default::default());
            lowercase_words(text, &mut |w| {
                set.insert(w);
                false
            });
            set
        });
        seen.contains(lowered.as_str()) || singular.is_some_and(|s| seen.contains(s))
    }
}

/// How many words a text looks for in its words one by one before it builds their set.
const SEARCHES: usize = 8;

/// Calls `f` with each word of `text` (between spaces, as [`bare`] reads it) that starts with
/// a lowercase letter, until it returns true; whether it did. (One copy of the loop for both
/// the search and the set.)
fn lowercase_words<'t>(text: &'t str, f: &mut dyn FnMut(&'t str) -> bool) -> bool {
    for w in text.split(is_space).map(bare) {
        if w.starts_with(char::is_lowercase) && f(w) {
            return true;
        }
    }
    false
}

/// A set of words, only ever probed, never iterated, so its order cannot reach the output.
type WordSet<'t> = HashSet<&'t str, BuildHasherDefault<WordHasher>>;

/// The non-blank lines of `text`, trimmed, with their paragraph numbers.
fn scan_lines(text: &str, lines: &mut Vec<Line>) {
    work::add(Counter::SegmenterBytes, text.len());
    let b = text.as_bytes();
    lines.clear();
    let mut para = 0;
    let mut gap = false;
    let mut start = 0;
    let mut i = 0;
    loop {
        // Most bytes start no line break: skip them without asking line_break, eight at a
        // time while none is below 0x0E (the ASCII breaks) or above 0x7F (the others' first
        // bytes).
        i = next_break(b, i);
        let (len, sep) = if i < b.len() {
            line_break(b, i)
        } else {
            (0, true)
        };
        if i < b.len() && len == 0 {
            i += 1;
            continue;
        }
        let raw = &text[start..i];
        let trimmed = super::trim(raw, is_space);
        if trimmed.is_empty() {
            gap = true;
        } else {
            if gap && !lines.is_empty() {
                para += 1;
            }
            gap = false;
            let s = start + (raw.len() - super::trim_start(raw, is_space).len());
            // A line's chars are counted once a second line joins its paragraph (a line has
            // at least one: none means not counted yet).
            let second = match lines.last_mut() {
                Some(last) if last.para == para => {
                    if last.chars == 0 {
                        last.chars = text[last.start..last.end].chars().count();
                    }
                    true
                }
                _ => false,
            };
            lines.push(Line {
                start: s,
                end: s + trimmed.len(),
                chars: if second { trimmed.chars().count() } else { 0 },
                para,
                ending: ending(trimmed),
            });
        }
        if i >= b.len() {
            return;
        }
        gap |= sep;
        i += len;
        start = i;
    }
}

/// The first byte from `i` on that may start a line break (`BREAK`), or the end of `b`.
fn next_break(b: &[u8], i: usize) -> usize {
    super::bytes::next_in(b, i, BREAK)
}

/// The length of the line break at byte `i` (0 if none), and whether it separates paragraphs.
fn line_break(b: &[u8], i: usize) -> (usize, bool) {
    match b[i] {
        b'\n' | 0x0B => (1, false),
        b'\r' if b.get(i + 1) == Some(&b'\n') => (2, false),
        b'\r' => (1, false),
        0x0C => (1, true),
        // U+0085 NEXT LINE
        0xC2 if b.get(i + 1) == Some(&0x85) => (2, false),
        // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
            Some(0xA8) => (3, false),
            Some(0xA9) => (3, true),
            _ => (0, false),
        },
        _ => (0, false),
    }
}

fn ending(line: &str) -> Ending {
    match super::trim_end(line, is_closer).chars().next_back() {
        Some(c) if is_terminal(c) => Ending::Stop,
        Some(':' | '：') => Ending::Colon,
        Some(c) if is_continuation(c) => Ending::Continues,
        _ => Ending::Open,
    }
}

/// For each paragraph (their numbers run from 0 with no gaps), its wrap width if its lines
/// look hard-wrapped.
fn wrap_widths(lines: &[Line], widths: &mut Vec<Option<usize>>) {
    widths.clear();
    widths.extend(lines.chunk_by(|a, b| a.para == b.para).map(wrap_width));
}

fn wrap_width(lines: &[Line]) -> Option<usize> {
    let (_, body) = lines.split_last()?;
    let long = lines.iter().filter(|l| l.chars > WRAP_MAX).count();
    if body.is_empty() || long * 8 > lines.len() {
        return None;
    }
    let width = body
        .iter()
        .map(|l| l.chars)
        .filter(|&c| c <= WRAP_MAX)
        .max()?;
    let open = body.iter().filter(|l| l.ending != Ending::Stop).count();
    (width >= WRAP_MIN && open * 2 >= body.len()).then_some(width)
}

/// Pushes the words of `text[range]` to `out`, runs of plain words as one entry.
fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Entry>) {
    let line = &text[range.clone()];
    work::add(Counter::SegmenterBytes, line.len());
    let bytes = line.as_bytes();
    let n = bytes.len();
    // An entry takes 23 bytes of news on average (a run of plain words is one): one
    // allocation for most lines, not a chain of them.
    out.reserve(n / 16);
    let at = range.start;
    let word = |start: usize, end: usize| Word {
        start: at + start,
        end: at + end,
        hard: false,
        joined: false,
    };
    let letters = |i: usize| letters_end(bytes, i);
    let plain_end = |i: usize| i == n || class(bytes[i]) & SPACE != 0;
    // The char at `i`, a non-ASCII one.
    let wide = |i: usize| line[i..].chars().next().unwrap_or(' ');
    let mut i = 0;
    while i < n {
        let c = class(bytes[i]);
        if c & SPACE != 0 {
            i += 1;
            continue;
        }
        if c & WIDE != 0 {
            let ch = wide(i);
            if is_space(ch) {
                i += ch.len_utf8();
                continue;
            }
        }
        let mut start = i;
        i = letters(i);
        if i > start && plain_end(i) {
            // A plain word (letters and digits only), and the plain words after it, apart by
            // ASCII spaces: one entry, which keeps the run's last two words.
            let first = (start, i);
            let (mut last, mut before_last, mut more) = (first, first, 0);
            let mut next = None;
            loop {
                let rest = bytes.get(i..).unwrap_or_default();
                let ws = i + rest
                    .iter()
                    .position(|&b| class(b) & SPACE == 0)
                    .unwrap_or(rest.len());
                let mut j = ws;
                j = letters(j);
                if j == ws {
                    break;
                }
                if !plain_end(j) {
                    // A token that starts with letters: read on below from where they end.
                    next = Some((ws, j));
                    break;
                }
                before_last = last;
                last = (ws, j);
                more += 1;
                i = j;
            }
            out.push(Entry {
                word: word(first.0, first.1),
                more,
                last: word(last.0, last.1),
                before_last: word(before_last.0, before_last.1),
            });
            let Some((s, j)) = next else {
                continue;
            };
            start = s;
            i = j;
        }
        // Any other token. It may need cutting (`special`) when it has a non-ASCII char, or a
        // stop that is not its last byte; a token that cannot is one word, pushed without
        // split_token's scan.
        let mut special = false;
        let mut stop = false;
        loop {
            // Letters, digits and ASCII marks from the table, in a tight loop.
            let run = i;
            while i < n && class(bytes[i]) & (SPACE | STOP | WIDE) == 0 {
                i += 1;
            }
            special |= stop && i > run;
            if i >= n {
                break;
            }
            let c = class(bytes[i]);
            if c & SPACE != 0 {
                break;
            }
            if c & STOP != 0 {
                special |= stop;
                stop = true;
                i += 1;
                continue;
            }
            let ch = wide(i);
            if is_space(ch) {
                break;
            }
            special = true;
            i += ch.len_utf8();
        }
        push_token(text, at + start, at + i, special, out);
    }
}

/// The first byte from `i` on in `b` that is no ASCII letter or digit, or the end: the run
/// [`super::bytes::letters_run`] reads eight bytes at a time.
#[inline(always)]
fn letters_end(b: &[u8], i: usize) -> usize {
    super::bytes::letters_run(b, i, 0).0
}

/// Pushes the token `text[start..end]` as one word, or, when it is `special` (it might hold a
/// cut), through [`split_token`].
#[inline(always)]
fn push_token(text: &str, start: usize, end: usize, special: bool, out: &mut Vec<Entry>) {
    if special {
        split_token(text, start, end, out);
    } else {
        work::add(Counter::SegmenterBytes, end - start);
        out.push(Entry::single(Word {
            start,
            end,
            hard: false,
            joined: false,
        }));
    }
}

/// Pushes the token `text[start..end]` (no spaces in it) as one or more words: it is cut after
/// stops that need no space, and at glued stops such as `heard.Shocking`.
#[inline(never)]
fn split_token(text: &str, start: usize, end: usize, out: &mut Vec<Entry>) {
    let token = &text[start..end];
    work::add(Counter::SegmenterBytes, token.len());
    // Glued stops do not cut addresses (`example.com/Page`, `www.Example.org`, `a@b.Com`):
    // looked for only when a token has a glued stop at all, which few have.
    let glue_ok = || {
        let b = token.as_bytes();
        work::add(Counter::SegmenterBytes, b.len());
        !(b.iter().any(|&c| c == b'/' || c == b'@') || b.windows(4).any(|w| w == b"www."))
    };
    let mut from = 0; // start of the current word, relative to `token`
    let mut letters = 0; // start of the current run of letters and apostrophes
    let mut prev: [Option<char>; 2] = [None, None];
    let mut i = 0;
    let bytes = token.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // The common case, and no stop: skip the checks below, and decoding a char.
            i += 1;
            if b.is_ascii_digit() {
                letters = i;
            }
            prev = [Some(char::from(b)), prev[0]];
            continue;
        }
        let Some(c) = token[i..].chars().next() else {
            break;
        };
        let hard = is_hard_stop(c);
        let glued = !hard
            && matches!(c, '.' | '!' | '?')
            && prev[0].is_some_and(char::is_lowercase)
            && prev[1].is_some_and(|p| p.is_alphabetic() || is_apostrophe(p))
            && glue_ok();
        if hard || glued {
            let rest = &token[i..];
            let cluster = rest
                .find(|c: char| !(is_terminal(c) || is_inner_closer(c)))
                .unwrap_or(rest.len());
            work::add(Counter::SegmenterBytes, cluster);
            let cut = i + cluster;
            let cut_here = if hard {
                // `「はい。」と言った`: the quotative particle continues the sentence.
                !(cluster > c.len_utf8() && token[cut..].starts_with('と'))
            } else {
                let mut after = token[cut..].chars();
                let capital_word = after.next().is_some_and(char::is_uppercase)
                    && after.next().is_some_and(char::is_lowercase);
                // Only a bare stop: in `said."The` the quote might open the next sentence.
                capital_word
                    && cluster == c.len_utf8()
                    && classify(&token[letters..i]) == Abbrev::Plain
            };
            if cut_here {
                out.push(Entry::single(Word {
                    start: start + from,
                    end: start + cut,
                    hard: true,
                    joined: false,
                }));
                from = cut;
                letters = cut;
                prev = [None, None];
                i = cut;
                continue;
            }
        }
        i += c.len_utf8();
        if !(is_apostrophe(c) || is_letter(c)) {
            letters = i;
        }
        prev = [Some(c), prev[0]];
    }
    if from < token.len() {
        out.push(Entry::single(Word {
            start: start + from,
            end,
            hard: false,
            joined: false,
        }));
    }
}

/// The stops and closing marks that end `word`.
fn tail(word: &str) -> Tail {
    let mut t = Tail {
        at: word.len(),
        ..Tail::default()
    };
    // ASCII marks byte by byte; at the first other byte, the chars of the whole word.
    let b = word.as_bytes();
    let mut i = b.len();
    while i > 0 {
        match b[i - 1] {
            b'.' => t.dots += 1,
            b'!' | b'?' => t.strong = true,
            b'"' | b'\'' => t.quoted = true,
            b')' | b']' | b'}' => {}
            b' ' | b'\t'..=b'\r' => {
                i -= 1;
                continue;
            }
            c if !c.is_ascii() => return tail_of_chars(word),
            _ => break,
        }
        i -= 1;
        t.at = i;
    }
    work::add(Counter::SegmenterBytes, word.len() - t.at);
    t
}

/// [`tail`], char by char. (Never inlined: the rare case, and the page's wasm is smaller.)
#[inline(never)]
fn tail_of_chars(word: &str) -> Tail {
    let mut t = Tail {
        at: word.len(),
        ..Tail::default()
    };
    for (i, c) in word.char_indices().rev() {
        match c {
            '.' => t.dots += 1,
            '…' | '⋯' => t.ellipsis = true,
            c if is_strong(c) || is_hard_stop(c) => t.strong = true,
            c if is_quote(c) => t.quoted = true,
            c if is_closer(c) => {}
            // Only words joined with detached marks hold spaces.
            c if is_space(c) => continue,
            _ => break,
        }
        t.at = i;
    }
    work::add(Counter::SegmenterBytes, word.len() - t.at);
    t
}

/// What kind of word `core` (a word without its final period) is.
fn classify(core: &str) -> Abbrev {
    if core.len() > SHORT {
        return Abbrev::Plain;
    }
    let mut chars = core.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return Abbrev::Plain;
    };
    if second.is_none() {
        return if first.is_alphabetic() {
            Abbrev::Initial
        } else {
            Abbrev::Plain
        };
    }
    // The numero sign: `N°. 1026`, `Nº. 5`.
    if matches!(first, 'N' | 'n') && matches!(second, Some('°' | 'º')) && chars.next().is_none() {
        return Abbrev::Numeric;
    }
    if !core.is_ascii() {
        return Abbrev::Plain;
    }
    // Most words are longer than every listed abbreviation, or start with a letter that no
    // listed word of their length starts with: no search of the lists.
    let b0 = core.as_bytes()[0].to_ascii_lowercase();
    let listed = core.len() <= LISTED_MAX
        && b0.is_ascii_lowercase()
        && LISTED_FIRST[core.len()] & (1 << (b0 - b'a')) != 0;
    let dotted = || is_acronym(core.as_bytes());
    if !listed {
        return if dotted() {
            Abbrev::Acronym
        } else {
            Abbrev::Plain
        };
    }
    let Some(k) = key(core) else {
        return Abbrev::Plain;
    };
    if first.is_uppercase() && TITLE_KEYS.binary_search(&k).is_ok() {
        Abbrev::Title
    } else if NEVER_KEYS.binary_search(&k).is_ok() {
        Abbrev::Never
    } else if NUMERIC_KEYS.binary_search(&k).is_ok() {
        Abbrev::Numeric
    } else if k == AM || k == PM {
        Abbrev::Time
    } else if dotted() {
        Abbrev::Acronym
    } else {
        Abbrev::Plain
    }
}

/// Single capitals joined by periods: `U.S`, `J.R.R` (ASCII: `classify` reads no other).
fn is_acronym(core: &[u8]) -> bool {
    core.len() >= 3
        && core.len() % 2 == 1
        && core.iter().enumerate().all(|(i, &c)| {
            if i % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                c == b'.'
            }
        })
}

/// Whether `word` is an initial: one letter and a period, such as `R.` in `J. R. R. Tolkien`.
fn is_initial(word: &str) -> bool {
    let mut chars = super::trim_start(word, is_opener).chars();
    matches!((chars.next(), chars.next()), (Some(c), Some('.')) if c.is_alphabetic())
}

fn is_title(bare: &str) -> bool {
    bare.starts_with(char::is_uppercase) && in_list(bare, &TITLE_KEYS)
}

/// Whether `line`, which has no final stop, reads as a heading: short, every content word
/// capitalized.
pub(crate) fn heading_like(line: &str) -> bool {
    work::add(Counter::SegmenterBytes, line.len());
    let mut words = 0;
    let mut capitals = 0;
    for token in line.split(is_space) {
        let w = super::trim(token, |c| !c.is_alphanumeric());
        let Some(c) = w.chars().next() else {
            continue;
        };
        words += 1;
        if words > HEADING_MAX_WORDS {
            return false;
        }
        if c.is_uppercase() {
            capitals += 1;
        } else if c.is_lowercase() && (words == 1 || !in_list(w, &SMALL_WORD_KEYS)) {
            return false;
        }
    }
    capitals > 0
}

/// Whether `line`, which ends with a comma, is a salutation such as `Dear Ms Lee,`.
fn is_salutation(line: &str) -> bool {
    super::trim_end(line, is_closer).ends_with(',')
        && line.split(is_space).count() <= 3
        && heading_like(line)
}

fn ends_with_function_word(line: &str) -> bool {
    let last = line.rsplit(is_space).next().unwrap_or("");
    last.starts_with(char::is_lowercase) && in_list(last, &FUNCTION_WORD_KEYS)
}

/// Whether `word` (its tail `t`) ends with an omission mark in brackets, `[...]` or `(…)`,
/// with no stop after the bracket.
fn is_omission(word: &str, t: &Tail) -> bool {
    (t.ellipsis || t.dots == 3)
        && word[..t.at].ends_with(['[', '('])
        && super::trim_end(&word[t.at..], is_quote).ends_with([']', ')'])
}

fn is_pronoun_i(word: &str) -> bool {
    word == "I" || word.starts_with("I'") || word.starts_with("I\u{2019}")
}

/// The first token of `s`, up to its first space: a word that detached stops joined grows with
/// each of them (`. . . . .`), and reading it whole at every stop would be quadratic.
fn first_token(s: &str) -> &str {
    s.find(is_space).map_or(s, |i| &s[..i])
}

/// Whether `s` is an ellipsis alone (`. . .`, `...`, `…`): emoji or other signs before a stop
/// still make a segment that may end.
fn only_dots(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c == '.' || c == '\u{2026}' || is_space(c))
}

/// How a list marker is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// A bullet alone: `•`.
    Bullet,
    /// `1.`, `a.`
    Dot,
    /// `1)`, `a)`
    Paren,
    /// `1.)`
    DotParen,
}

/// A list marker of a list written on one line: a bullet, a number or a letter, and how it is
/// written. The item after it is numbered `value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    bullet: Option<char>,
    letter: bool,
    style: Style,
    value: u32,
}

impl Marker {
    /// The marker of the next item: the same bullet, or the next number or letter.
    fn next(self) -> Marker {
        let step = u32::from(self.style != Style::Bullet);
        Marker {
            value: self.value + step,
            ..self
        }
    }
}

/// The list marker `word` is, if any: `•`, `1.`, `2)`, `3.)`, `a.`, `b)`, `⁃9.`. Dashes and
/// stars are left out: inside a line they are punctuation, not bullets.
fn marker(word: &str) -> Option<Marker> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let (bullet, rest) = if is_bullet(first) {
        (Some(first), chars.as_str())
    } else {
        (None, word)
    };
    if rest.is_empty() {
        return bullet.map(|_| Marker {
            bullet,
            letter: false,
            style: Style::Bullet,
            value: 0,
        });
    }
    let b = rest.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let (letter, value, n) = match digits {
        1..=3 => (false, rest[..digits].parse().ok()?, digits),
        0 if b[0].is_ascii_lowercase() => (true, u32::from(b[0]), 1),
        _ => return None,
    };
    let style = match &rest[n..] {
        "." => Style::Dot,
        ")" => Style::Paren,
        ".)" => Style::DotParen,
        _ => return None,
    };
    Some(Marker {
        bullet,
        letter,
        style,
        value,
    })
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▸'
            | '✓'
            | '✔'
            | '→'
    )
}

/// The first item's marker when the line `words` holds a list written on one line: it starts
/// with a marker and the next item's marker follows on the line. One pass over the line.
fn inline_list(text: &str, words: &[Entry]) -> Option<Marker> {
    let first = words.first()?.word;
    let m = marker(&text[first.start..first.end])?;
    let next = Some(m.next());
    // (The words of a run are plain, never markers.)
    words[1..]
        .iter()
        .any(|e| marker(&text[e.word.start..e.word.end]) == next)
        .then_some(m)
}

/// Whether `word` starts a list item: a bullet, `1.`, `2)`, `a)`, `(iv)`.
fn is_list_marker(word: &str) -> bool {
    let mut chars = word.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    if second.is_none() {
        return is_bullet(first) || matches!(first, '-' | '*' | '+' | '–' | '—' | '·');
    }
    let b = word.as_bytes();
    let n = b.len();
    match (b[0], b[n - 1]) {
        (b'(', b')') => (3..=5).contains(&n) && b[1..n - 1].iter().all(u8::is_ascii_alphanumeric),
        (_, b'.' | b')') if n <= 4 && b[..n - 1].iter().all(u8::is_ascii_digit) => true,
        (c, b')') => n == 2 && c.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Whether `word` is only stops and closing marks: `"`, `.`, `?`, `»`, `…`.
fn is_detached(word: &str) -> bool {
    // Most words start with a letter or digit: no char to decode.
    !word
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        && word.chars().all(|c| is_closer(c) || is_terminal(c))
}

/// The first letter or digit of `word` after any opening quotes or brackets; `None` when it
/// starts with something else.
fn first_letter(word: &str) -> Option<char> {
    match word.as_bytes().first() {
        Some(&b) if b.is_ascii_alphanumeric() => return Some(char::from(b)),
        Some(b'"' | b'\'' | b'(' | b'[' | b'{') => {}
        Some(b) if b.is_ascii() => return None,
        _ => {}
    }
    super::trim_start(word, is_opener)
        .chars()
        .next()
        .filter(|c| c.is_alphanumeric())
}

/// `word` without opening marks before it and punctuation after it.
fn bare(word: &str) -> &str {
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric) && b[b.len() - 1].is_ascii_alphanumeric() {
        return word;
    }
    super::trim_end(super::trim_start(word, is_opener), |c| !c.is_alphanumeric())
}

fn in_list(word: &str, keys: &[u128]) -> bool {
    key(word).is_some_and(|k| keys.binary_search(&k).is_ok())
}

/// `word` in ASCII lowercase as one number (its bytes, and its length in the top byte), if it is
/// ASCII and shorter than [`SHORT`]: a list lookup is then a binary search of numbers, not a
/// string compare a listed word.
fn key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() >= SHORT {
        return None;
    }
    let mut k = [0u8; SHORT];
    for (d, &c) in k.iter_mut().zip(b) {
        if !c.is_ascii() {
            return None;
        }
        *d = c.to_ascii_lowercase();
    }
    k[SHORT - 1] = b.len() as u8;
    Some(u128::from_le_bytes(k))
}

/// [`key`] at compile time, for a listed word.
const fn const_key(word: &str) -> u128 {
    let b = word.as_bytes();
    assert!(b.len() < SHORT && word.is_ascii());
    let mut k = (b.len() as u128) << (8 * (SHORT - 1));
    let mut i = 0;
    while i < b.len() {
        k |= (b[i].to_ascii_lowercase() as u128) << (8 * i);
        i += 1;
    }
    k
}

/// For each length up to [`LISTED_MAX`], the first letters of the words of that length in
/// [`TITLES`], [`NEVER`], [`NUMERIC`], `a.m` and `p.m` (bit 0 for `a`).
const LISTED_FIRST: [u32; LISTED_MAX + 1] = {
    let mut out = [0u32; LISTED_MAX + 1];
    let lists: [&[&str]; 4] = [TITLES, NEVER, NUMERIC, &["a.m", "p.m"]];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let b = lists[l][i].as_bytes();
            out[b.len()] |= 1 << (b[0] - b'a');
            i += 1;
        }
        l += 1;
    }
    out
};

/// The keys of `a.m` and `p.m`.
const AM: u128 = const_key("a.m");
const PM: u128 = const_key("p.m");

/// The keys of `list` ([`key`]), sorted, at compile time.
const fn keys<const N: usize>(list: &[&str]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N {
        let k = const_key(list[i]);
        // Insertion sort: the lists are short.
        let mut at = i;
        while at > 0 && out[at - 1] > k {
            out[at] = out[at - 1];
            at -= 1;
        }
        out[at] = k;
        i += 1;
    }
    out
}

#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r');
    }
    // Zero-width spaces and byte-order marks separate words without being white space.
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

#[inline]
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '〝'
            | '〞'
            | '＂'
            | '＇'
    )
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// `c.is_alphabetic()`, told at once for General Punctuation (U+2000 to U+206F: dashes,
/// quotation marks, spaces; no letter among them), which news writes often and whose lookup
/// in the Unicode tables costs hundreds of instructions a char.
fn is_letter(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphabetic()
}

#[inline]
fn is_opener(c: char) -> bool {
    is_quote(c)
        || is_bidi_mark(c)
        || matches!(
            c,
            '(' | '[' | '{' | '¿' | '¡' | '（' | '［' | '｛' | '【' | '〔' | '〈' | '《'
        )
}

#[inline]
fn is_closer(c: char) -> bool {
    is_quote(c)
        || is_bidi_mark(c)
        || matches!(
            c,
            ')' | ']' | '}' | '）' | '］' | '｝' | '】' | '〕' | '〉' | '》'
        )
}

/// Invisible marks that set the direction of right-to-left text (RLM, LRM, ALM, embeddings,
/// overrides, isolates). Text copied from RTL pages has them around stops (`.\u{200F}`), so
/// they are looked through like quotes and brackets on either side of a stop.
#[inline]
fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Closing marks that may follow a stop with no space before the next sentence: quotes that
/// usually open (`。“下`) are left to the next sentence.
fn is_inner_closer(c: char) -> bool {
    is_closer(c) && !matches!(c, '“' | '‘' | '„' | '‚' | '「' | '『' | '〝' | '«' | '‹')
}

/// Stops that end a sentence only before a space and a suitable next word.
#[inline]
fn is_strong(c: char) -> bool {
    matches!(
        c,
        '!' | '?' | '‽' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '\u{037E}'
    )
}

/// Stops that end a sentence wherever they stand.
#[inline]
fn is_hard_stop(c: char) -> bool {
    !c.is_ascii()
        && matches!(
            c,
            '。' | '｡' | '！' | '？' | '।' | '॥' | '۔' | '։' | '።' | '፧' | '။' | '︒'
        )
}

#[inline]
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '…' | '⋯') || is_strong(c) || is_hard_stop(c)
}

fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | '('
            | '['
            | '{'
            | '-'
            | '‐'
            | '‑'
            | '–'
            | '—'
            | '/'
            | '&'
            | '+'
            | '、'
            | '，'
            | '；'
            | '،'
            | '؛'
            | '（'
    )
}

const WEEKDAY_KEYS: [u128; WEEKDAYS.len()] = keys(WEEKDAYS);

/// Titles: always followed by a name, so never the end of a sentence (when capitalized).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "messrs", "mmes", "mme", "mlle", "dr", "drs", "prof", "profs", "rev",
    "revd", "hon", "pres", "gov", "sen", "sens", "rep", "reps", "gen", "lt", "col", "maj", "capt",
    "cmdr", "cdr", "adm", "sgt", "cpl", "pvt", "spc", "brig", "supt", "insp", "det", "atty", "amb",
    "fr", "st", "ste", "mt", "ft", "msgr", "sra", "srta",
];
const TITLE_KEYS: [u128; TITLES.len()] = keys(TITLES);

/// The longest word of [`TITLES`], [`NEVER`] and [`NUMERIC`], in bytes (a test checks it).
const LISTED_MAX: usize = 6;

/// Abbreviations that stand before what they qualify, never at the end of a sentence.
const NEVER: &[&str] = &[
    "e.g", "i.e", "a.k.a", "cf", "vs", "viz", "approx", "appx", "dept", "est", "fig", "figs",
    "vol", "vols", "pp", "eq", "eqs", "ca", "cca", "incl", "esp", "resp",
];
const NEVER_KEYS: [u128; NEVER.len()] = keys(NEVER);

/// Abbreviations that stand before a number.
const NUMERIC: &[&str] = &[
    "no", "nos", "nr", "pg", "pgs", "ch", "chap", "sec", "sect", "art", "para", "tel", "ext", "op",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
const NUMERIC_KEYS: [u128; NUMERIC.len()] = keys(NUMERIC);

/// Words that often open a sentence and are rarely capitalized inside one, for deciding
/// whether `U.S.` or an initial ended the sentence before them.
const STARTERS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "more",
    "most",
    "my",
    "no",
    "none",
    "not",
    "now",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yesterday",
    "yet",
    "you",
    "your",
];
const STARTER_KEYS: [u128; STARTERS.len()] = keys(STARTERS);

/// Prepositions that open a sentence with a time: `At 5 a.m. Mr. Smith went to the bank.`
const TIME_PREPOSITIONS: &[&str] = &[
    "at", "by", "around", "about", "before", "after", "until", "till", "from", "since", "shortly",
    "soon", "just", "circa", "toward", "towards",
];
const TIME_PREPOSITION_KEYS: [u128; TIME_PREPOSITIONS.len()] = keys(TIME_PREPOSITIONS);

/// Words that follow `a.m.` or `p.m.` inside a sentence, besides the weekdays ([`WEEKDAYS`]).
const TIME_FOLLOWERS: &[&str] = &[
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "bst",
    "utc", "cet", "cest", "ist", "jst", "aest", "aedt", "eastern", "central", "pacific",
    "mountain", "local",
];
const TIME_FOLLOWER_KEYS: [u128; TIME_FOLLOWERS.len()] = keys(TIME_FOLLOWERS);

/// Verbs of an attribution after a quoted question or exclamation.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "wrote",
    "writes",
    "told",
    "added",
    "replied",
    "explained",
    "tweeted",
    "posted",
    "shouted",
    "yelled",
    "screamed",
    "cried",
    "exclaimed",
    "whispered",
    "insisted",
    "recalled",
    "continued",
    "admitted",
    "warned",
    "declared",
    "answered",
    "joked",
    "laughed",
    "wondered",
    "demanded",
    "noted",
    "stated",
];
const SPEECH_VERB_KEYS: [u128; SPEECH_VERBS.len()] = keys(SPEECH_VERBS);

/// Lowercase words allowed in a Title Case heading.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "for", "yet", "so", "of", "in", "on", "at", "to",
    "by", "as", "via", "per", "vs", "v", "up", "off", "out", "from", "into", "onto", "with",
    "over", "amid", "upon", "than",
];
const SMALL_WORD_KEYS: [u128; SMALL_WORDS.len()] = keys(SMALL_WORDS);

/// Words a line cannot end with unless the sentence goes on.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "that", "as", "than", "whose", "which", "who", "its", "their", "his", "her",
];
const FUNCTION_WORD_KEYS: [u128; FUNCTION_WORDS.len()] = keys(FUNCTION_WORDS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_letter_is_is_alphabetic_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
    use crate::text::bytes::{LOWER, UPPER};

    fn words(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        let all = Ahead {
            text: text.as_bytes(),
            run: (0, 0),
            rest: &out,
        };
        all.map(|w| (&text[w.start..w.end], w.hard)).collect()
    }

    #[test]
    fn word_at_a_time_scans_agree_with_the_byte_table() {
        // Every byte value at every place of a word and its tail, against a byte-by-byte scan.
        for b in 0..=255u8 {
            for at in 0..19 {
                let mut v = vec![b'a'; 19];
                v[at] = b;
                let first = |mask: u8, hit: bool| {
                    v.iter()
                        .position(|&c| (class(c) & mask != 0) == hit)
                        .unwrap_or(v.len())
                };
                assert_eq!(
                    letters_end(&v, 0),
                    first(LOWER | UPPER, false),
                    "{b:#x} at {at}"
                );
                assert_eq!(next_break(&v, 0), first(BREAK, true), "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn runs_of_plain_words_are_one_entry() {
        let text = "the cat sat, and\u{A0}then it ran off. Done";
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        let word = |e: &Entry| &text[e.word.start..e.word.end];
        let got: Vec<(&str, usize)> = out.iter().map(|e| (word(e), e.more)).collect();
        assert_eq!(
            got,
            [
                ("the", 1),
                ("sat,", 0),
                ("and", 0),
                ("then", 2),
                ("off.", 0),
                ("Done", 0)
            ]
        );
        assert_eq!(&text[out[3].last.start..out[3].last.end], "ran");
        assert_eq!(
            &text[out[3].before_last.start..out[3].before_last.end],
            "it"
        );
        assert_eq!(
            words(text).iter().map(|w| w.0).collect::<Vec<_>>(),
            ["the", "cat", "sat,", "and", "then", "it", "ran", "off.", "Done"]
        );
    }

    #[test]
    fn tokens_are_cut_after_cjk_stops_and_glued_stops() {
        assert_eq!(words("今天。明天！"), [("今天。", true), ("明天！", true)]);
        assert_eq!(words("「好。」他"), [("「好。」", true), ("他", false)]);
        assert_eq!(
            words("court heard.Shocking news"),
            [
                ("court", false),
                ("heard.", true),
                ("Shocking", false),
                ("news", false)
            ]
        );
        assert_eq!(words("Jenner's.The"), [("Jenner's.", true), ("The", false)]);
        for kept in [
            "www.Example.com",
            "http://a.b/c.De",
            "me@mail.Example",
            "Mr.Smith",
            "e.g.The",
        ] {
            assert_eq!(words(kept), [(kept, false)], "{kept}");
        }
    }

    #[test]
    fn tails() {
        let t = tail("word.\"");
        assert_eq!((t.at, t.dots, t.strong), (4, 1, false));
        assert!(tail("why?!").strong);
        assert!(tail("so…").ellipsis);
        assert_eq!(tail("so...").dots, 3);
        assert!(!tail("plain").any_stop());
        assert_eq!(tail("...").at, 0);
        // Direction marks after a stop are looked through (right-to-left text).
        assert_eq!(tail("פארק.\u{200F}").dots, 1);
        assert_eq!(first_letter("\u{202B}The"), Some('T'));
    }

    #[test]
    fn abbreviation_classes() {
        let longest = [TITLES, NEVER, NUMERIC].iter().flat_map(|l| l.iter());
        assert_eq!(longest.map(|w| w.len()).max(), Some(LISTED_MAX));
        assert_eq!(classify("Mr"), Abbrev::Title);
        assert_eq!(classify("mr"), Abbrev::Plain, "titles are capitalized");
        assert_eq!(classify("e.g"), Abbrev::Never);
        assert_eq!(classify("No"), Abbrev::Numeric);
        assert_eq!(classify("Jan"), Abbrev::Numeric);
        assert_eq!(classify("p.m"), Abbrev::Time);
        assert_eq!(classify("U.S"), Abbrev::Acronym);
        assert_eq!(classify("J.R.R"), Abbrev::Acronym);
        assert_eq!(classify("W"), Abbrev::Initial);
        assert_eq!(classify("г"), Abbrev::Initial);
        assert_eq!(classify("etc"), Abbrev::Plain);
        assert_eq!(
            classify("т.д"),
            Abbrev::Plain,
            "lowercase dotted words end sentences"
        );
        assert_eq!(classify("7"), Abbrev::Plain);
        assert_eq!(classify("extraordinarily-long"), Abbrev::Plain);
    }

    #[test]
    fn acronyms() {
        for (core, acronym) in [
            ("U.S", true),
            ("J.R.R", true),
            ("a.m", false),
            ("U.s", false),
            ("U.S.", false),
            (".U.S", false),
            ("US", false),
            ("U", false),
            ("Ph.D", false),
            ("3.7", false),
            ("U..S", false),
        ] {
            assert_eq!(is_acronym(core.as_bytes()), acronym, "{core}");
        }
    }

    #[test]
    fn list_markers() {
        for m in ["-", "*", "•", "1.", "12)", "a)", "(iv)", "(3)", "–"] {
            assert!(is_list_marker(m), "{m}");
        }
        for m in ["--", "1.5", "2015.", "A.", "()", "(abcd)", "word", "é)"] {
            assert!(!is_list_marker(m), "{m}");
        }
    }

    #[test]
    fn line_endings() {
        assert_eq!(ending("It ended.”"), Ending::Stop);
        assert_eq!(ending("Why?)"), Ending::Stop);
        assert_eq!(ending("the United States,"), Ending::Continues);
        assert_eq!(ending("Background:"), Ending::Colon);
        assert_eq!(ending("Ukraine—"), Ending::Continues);
        assert_eq!(ending("Background"), Ending::Open);
        assert_eq!(ending("“constructive”"), Ending::Open);
    }

    #[test]
    fn headings() {
        assert!(heading_like(
            "Key Participants and Agenda of the Florida Meetings"
        ));
        assert!(heading_like("Background"));
        assert!(heading_like(
            "US, Ukraine, Europe Hold ‘Constructive’ Miami Talks for Peace"
        ));
        assert!(!heading_like(
            "of the Syrian government have been executed in a shocking"
        ));
        assert!(!heading_like("and then Everything Changed"));
        assert!(!heading_like("2025"));
        assert!(!heading_like(&"Word ".repeat(HEADING_MAX_WORDS + 1)));
    }

    #[test]
    fn function_word_endings() {
        assert!(ends_with_function_word(
            "talks involving the United States and"
        ));
        assert!(!ends_with_function_word("Background"));
        assert!(!ends_with_function_word("The End"));
    }

    #[test]
    fn lines_and_paragraphs() {
        let mut lines = Vec::new();
        scan_lines("  a\r\nb \n\n c\u{2029}d\u{2028}e\r", &mut lines);
        let got: Vec<(usize, usize, usize)> =
            lines.iter().map(|l| (l.start, l.end, l.para)).collect();
        assert_eq!(
            got,
            [(2, 3, 0), (5, 6, 0), (10, 11, 1), (14, 15, 2), (18, 19, 2)]
        );
        // Chars are counted in paragraphs of several lines only, where line breaks read them.
        scan_lines("\u{e9}t\u{e9} x\nyz\n\nalone", &mut lines);
        let chars: Vec<usize> = lines.iter().map(|l| l.chars).collect();
        assert_eq!(chars, [5, 2, 0]);
    }

    #[test]
    fn wrap_detection() {
        let line = |chars, ending| Line {
            start: 0,
            end: 0,
            chars,
            para: 0,
            ending,
        };
        let wrapped = [
            line(70, Ending::Open),
            line(68, Ending::Open),
            line(30, Ending::Stop),
        ];
        assert_eq!(wrap_width(&wrapped), Some(70));
        let news = [
            line(300, Ending::Stop),
            line(50, Ending::Open),
            line(200, Ending::Stop),
        ];
        assert_eq!(wrap_width(&news), None);
        let short = [line(12, Ending::Open), line(20, Ending::Stop)];
        assert_eq!(wrap_width(&short), None);
        let stops = [
            line(70, Ending::Stop),
            line(68, Ending::Stop),
            line(30, Ending::Stop),
        ];
        assert_eq!(wrap_width(&stops), None);
    }

    #[test]
    fn lowercase_evidence_is_per_text() {
        let text = "the adult males, and the Adult \"cats\" (dogs) x-ray's fox's «owl» a-bee";
        // Looked for one by one (no search made yet), and in the set (every search made).
        let segmenter = |searches| Segmenter {
            text,
            seen_lower: None,
            searches,
            start: None,
            out: Vec::new(),
            before: None,
            words: 0,
            opener: None,
        };
        for (word, seen) in [
            ("Adult", true),
            ("Adults", true),
            ("Males", true),
            ("Bush", false),
            ("Bushes", false),
            ("Cats", true),
            ("Dogs", true),
            ("Owl", true),
            ("X-ray's", true),
            ("Ray", false),
            ("Fox", false),
            ("Bee", false),
            ("The", true),
        ] {
            for searches in [0, SEARCHES] {
                assert_eq!(segmenter(searches).seen_lowercase(word), seen, "{word}");
            }
        }
    }
}
