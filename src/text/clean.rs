//! Cleaning: which lines of a web article are prose, and which are page furniture.
//!
//! Text copied from news pages carries lines that are not part of the story: hashtag strips,
//! photo credits, label-only fields ("Date:"), share and subscribe prompts, bylines and datelines
//! standing alone. They must never reach a summary. Cleaning classifies lines; it never edits the
//! text, so every later byte range still points into the user's original.

use std::ops::Range;

use crate::work::{self, Counter};

/// Why a line is not prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boilerplate {
    /// A strip of hashtags: "#UkraineWar #USRussiaTalks".
    Hashtags,
    /// A photo or image credit: "Photo by ... via wikimedia commons".
    Credit,
    /// A label with no value, or a short metadata field: "Date:", "Tags: politics".
    Field,
    /// A call to action: share, subscribe, read more, advertisement.
    Prompt,
    /// A byline standing alone: "By Jane Smith".
    Byline,
    /// A date, time or dateline standing alone: "December 20, 2025".
    Dateline,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or white space only: a paragraph break.
    Blank,
    /// Page furniture, never summarized.
    Boilerplate(Boilerplate),
    /// A picture caption: shown and ranked as text, never summarized (see [`caption_lines`]).
    Caption,
    /// Anything else: prose, headings, list items.
    Text,
}

/// A line of the input: its byte range (without the line break) and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub kind: LineKind,
}

/// Classifies every line of `text`. Lines end at `\n`, `\r\n`, `\r`, U+2028 and U+2029.
pub fn lines(text: &str) -> Vec<Line> {
    work::add(Counter::CleanBytes, text.len());
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    loop {
        i = next_line_byte(b, i);
        if i >= b.len() {
            break;
        }
        // Read as bytes: a lead byte (0xC2, 0xE2) is never inside another char, so a match
        // at one is the char it starts.
        let len = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            // U+0085 NEXT LINE
            0xC2 if b.get(i + 1) == Some(&0x85) => 2,
            // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => 0,
        };
        if len == 0 {
            i += 1;
            continue;
        }
        out.push(classify(text, start..i));
        i += len;
        start = i;
    }
    if start < text.len() {
        out.push(classify(text, start..text.len()));
    }
    mark_captions(text, &mut out);
    out
}

/// The first byte from `i` on that may start a line break (see [`super::bytes::LINE`]), or the
/// length of `b`. A line break starts with `\n` or `\r` (below 0x0E) or with a lead byte (0x80
/// and up): eight bytes with neither, most of a text, are passed over at once.
fn next_line_byte(b: &[u8], i: usize) -> usize {
    super::bytes::next_in(b, i, super::bytes::LINE)
}

/// Captions longer than this are prose beside a picture.
const MAX_CAPTION_WORDS: usize = 30;

/// Marks the caption lines among `lines`: a line that carries its own credit after its last
/// stop (`Peacekeepers at a camp in Sudan. (AP Photo/Jane Doe)`), and a line right beside a
/// credit line (`Photo: Jane Doe/Reuters`, `Andrew Harnik/Getty Images`) that reads as a caption
/// rather than as a report: short, one sentence, not a heading, without the verbs of a report
/// (`said`, `was`, `has`). One pass over the lines, and a bounded look at the end of each.
fn mark_captions(text: &str, lines: &mut [Line]) {
    let credit = |l: &Line| l.kind == LineKind::Boilerplate(Boilerplate::Credit);
    for i in 0..lines.len() {
        let line = text[lines[i].range.clone()].trim();
        match lines[i].kind {
            // A short caption with its credit reads as a credit line: it is a caption.
            LineKind::Boilerplate(Boilerplate::Credit) if has_own_credit(line) => {}
            LineKind::Text => {}
            _ => continue,
        }
        let beside = (i > 0 && credit(&lines[i - 1])) || lines.get(i + 1).is_some_and(credit);
        if has_own_credit(line) || beside && is_caption_like(line) {
            lines[i].kind = LineKind::Caption;
        }
    }
}

/// Words of a report, which a caption (`Delegates arrive for the talks on Monday.`) lacks.
const REPORT_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "i",
    "we",
    "you",
];

/// Whether `line`, beside a credit, reads as its caption.
fn is_caption_like(line: &str) -> bool {
    let mut n = 0;
    for w in line.split_whitespace() {
        n += 1;
        let core = super::case::lowercase(super::trim(w, |c| !c.is_alphanumeric()));
        if n > MAX_CAPTION_WORDS || REPORT_WORDS.contains(&core.as_str()) {
            return false;
        }
    }
    // One sentence at most: a stop inside the line starts a second.
    let inner = super::trim_end(line.trim_end(), |c| {
        matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | '\u{201d}')
    });
    !crate::text::bytes::contains(inner, ". ") && !crate::text::sentence::heading_like(line)
}

/// Whether `line` ends with a picture credit after a stop: `... on Monday. (AP Photo/Jane Doe)`,
/// `... in Kyiv. Photograph: Jane Doe/Reuters`, `... at dusk. Getty Images`.
fn has_own_credit(line: &str) -> bool {
    // The credit is the line's last few words: look at no more than its last 120 bytes.
    let mut from = line.len().saturating_sub(120);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    let end = &line[from..];
    // The last ". " (a scan of two bytes a step, where `rfind` would set up a two-way search).
    let Some(stop) = end.as_bytes().windows(2).rposition(|w| w == b". ") else {
        return false;
    };
    let head = &line[..from + stop + 1];
    let credit = end[stop + 1..].trim();
    // A credit has no final stop, and a caption's last sentence has one: most lines end here.
    // Words are counted up to the limit only: a news paragraph can be the whole text.
    !credit.is_empty()
        && !ends_with_stop(credit)
        && head.split_whitespace().take(MAX_CAPTION_WORDS + 1).count() <= MAX_CAPTION_WORDS
        && boilerplate(credit) == Some(Boilerplate::Credit)
}

/// The byte ranges of the lines of `text` that read as picture captions (see [`lines`]): the
/// sentences in them are shown and ranked, but never summarized.
pub fn caption_lines(text: &str) -> Vec<Range<usize>> {
    lines(text)
        .into_iter()
        .filter(|l| l.kind == LineKind::Caption)
        .map(|l| l.range)
        .collect()
}

fn classify(text: &str, range: Range<usize>) -> Line {
    work::add(Counter::CleanBytes, range.len());
    let line = super::trim(&text[range.clone()], |c| {
        c.is_whitespace() || c == '\u{feff}'
    });
    let kind = if !line.chars().any(|c| c.is_alphanumeric()) {
        LineKind::Blank
    } else {
        match boilerplate(line) {
            Some(b) => LineKind::Boilerplate(b),
            None => LineKind::Text,
        }
    };
    Line { range, kind }
}

/// Lines longer than this are prose whatever they start with: furniture is short.
const MAX_FURNITURE_WORDS: usize = 25;

/// Why `line` (trimmed, not blank) is boilerplate, if it is.
pub fn boilerplate(line: &str) -> Option<Boilerplate> {
    work::add(Counter::CleanBytes, line.len());
    let (mut n, mut tags) = (0usize, 0usize);
    if has_hash_sign(line) {
        for w in line.split_whitespace() {
            n += 1;
            tags += usize::from(is_hashtag(w));
        }
    } else {
        // No hashtag: the count matters only up to the furniture limit (a long paragraph is
        // not read to its end here).
        n = line
            .split_whitespace()
            .take(MAX_FURNITURE_WORDS + 1)
            .count();
    }
    if tags >= 2 && tags * 2 >= n || tags == 1 && n == 1 {
        return Some(Boilerplate::Hashtags);
    }
    if n > MAX_FURNITURE_WORDS {
        return None;
    }
    // The checks below read the line a bounded number of times each.
    work::add(Counter::CleanBytes, line.len());
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = super::case::lowercase(line);
    let lower = lower.as_str();
    if is_credit(lower, n) {
        return Some(Boilerplate::Credit);
    }
    if is_prompt(lower, n) {
        return Some(Boilerplate::Prompt);
    }
    if is_field(line, n) {
        return Some(Boilerplate::Field);
    }
    if is_byline(line, &words) {
        return Some(Boilerplate::Byline);
    }
    if is_dateline(lower, &words) {
        return Some(Boilerplate::Dateline);
    }
    None
}

/// Whether `line` has '#' or the full-width '＃' (EF BC 83). One search for both signs' first
/// bytes (the `memchr` crate's, many bytes a step): an article can be a single line, and a
/// search for each sign on its own read it twice.
fn has_hash_sign(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'#', 0xEF, &b[i..]) {
        let at = i + k;
        if b[at] == b'#' || b[at..].starts_with("＃".as_bytes()) {
            return true;
        }
        i = at + 1;
    }
    false
}

fn is_hashtag(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some('#' | '＃')) && c.next().is_some_and(|c| c.is_alphanumeric())
}

fn starts_with_word(lower: &str, word: &str) -> bool {
    lower.starts_with(word)
        && !lower[word.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
}

fn ends_with_stop(s: &str) -> bool {
    super::trim_end(s, |c| {
        matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
    })
    .ends_with(['.', '!', '?', '\u{3002}'])
}

const CREDIT_HEADS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "image",
    "images",
    "picture",
    "pictures",
    "pic",
    "illustration",
    "graphic",
    "video",
    "file photo",
    "credit",
    "credits",
    "image credit",
    "photo credit",
    "source",
    "caption",
    "pictured",
    "main image",
    "top image",
    "featured image",
    "header image",
];

const CREDIT_MARKS: &[&str] = &[
    "getty images",
    "shutterstock",
    "wikimedia commons",
    "via wikimedia",
    "ap photo",
    "afp via",
    "/afp",
    "/ afp",
    "/reuters",
    "/ reuters",
    "reuters/",
    "creative commons",
    "cc by",
    "cc-by",
    "alamy",
    "istock",
    "unsplash",
    "epa-efe",
    "©",
    "(c) ",
];

fn is_credit(lower: &str, n: usize) -> bool {
    // A caption that reads as a sentence ("Source: the talks will resume, officials said.") is
    // prose; credits are short or unpunctuated.
    let sentence_like = ends_with_stop(lower) && n > 8;
    for head in CREDIT_HEADS {
        if !sentence_like && starts_with_word(lower, head) {
            let rest = lower[head.len()..].trim_start();
            if rest.starts_with(':')
                || rest.starts_with('|')
                || rest.starts_with('/')
                || starts_with_word(rest, "by")
                || starts_with_word(rest, "courtesy")
                || starts_with_word(rest, "credit")
                || starts_with_word(rest, "via")
                || starts_with_word(rest, "from")
                || CREDIT_MARKS
                    .iter()
                    .any(|m| crate::text::bytes::contains(lower, m))
            {
                return true;
            }
        }
    }
    if starts_with_word(lower, "courtesy") || starts_with_word(lower, "(photo") {
        return true;
    }
    // A short line naming a picture agency, without a sentence's final stop, is a caption credit.
    n <= 12
        && !ends_with_stop(lower)
        && CREDIT_MARKS
            .iter()
            .any(|m| crate::text::bytes::contains(lower, m))
}

const FIELD_LABELS: &[&str] = &[
    "date",
    "dated",
    "time",
    "posted",
    "posted on",
    "published",
    "published on",
    "updated",
    "last updated",
    "modified",
    "author",
    "authors",
    "by",
    "byline",
    "writer",
    "written by",
    "reporter",
    "editor",
    "edited by",
    "source",
    "sources",
    "tags",
    "tag",
    "topics",
    "category",
    "categories",
    "filed under",
    "section",
    "keywords",
    "location",
    "dateline",
    "share",
    "related",
    "see also",
    "read more",
    "reading time",
    "comments",
    "email",
    "e-mail",
    "contact",
    "follow",
    "views",
    "word count",
];

fn is_field(line: &str, n: usize) -> bool {
    let Some(colon) = line.find(':') else {
        return false;
    };
    // `lower` may differ from `line` in byte length (some capitals lower-case to longer
    // sequences), so the label is lower-cased on its own rather than sliced from it.
    let label_lower = super::case::lowercase(&line[..colon]);
    let label = label_lower.trim();
    let value = line[colon + 1..].trim();
    // "Date:" and any other short label with nothing after it.
    if value.is_empty() {
        let label_words = label.split_whitespace().count();
        return (1..=4).contains(&label_words);
    }
    // "Tags: politics, Ukraine" and the like: a known label with a short value.
    FIELD_LABELS.contains(&label) && n <= 15 && !ends_with_stop(value)
}

const PROMPTS: &[&str] = &[
    "share this",
    "share on",
    "share via",
    "share article",
    "share the story",
    "share story",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "read more",
    "read next",
    "read also",
    "read the full",
    "also read",
    "more on this",
    "more from",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "recommended",
    "click here",
    "tap here",
    "follow us",
    "follow @",
    "like us on",
    "join us on",
    "advertisement",
    "sponsored",
    "continue reading",
    "keep reading",
    "watch:",
    "watch the video",
    "listen:",
    "listen to this article",
    "download the app",
    "get the app",
    "newsletter",
    "skip to content",
    "skip advertisement",
    "back to top",
    "comments",
    "leave a comment",
    "print this",
    "email this",
    "copy link",
    "tweet",
    "all rights reserved",
    "copyright",
];

fn is_prompt(lower: &str, n: usize) -> bool {
    if n > 12 {
        return false;
    }
    PROMPTS.iter().any(|p| {
        if p.ends_with(':') || p.ends_with('@') {
            lower.starts_with(p)
        } else {
            starts_with_word(lower, p)
        }
    }) || (crate::text::bytes::contains(lower, "all rights reserved") || lower.starts_with('©'))
}

fn is_byline(line: &str, words: &[&str]) -> bool {
    let n = words.len();
    if !(2..=10).contains(&n) || !words[0].eq_ignore_ascii_case("by") || ends_with_stop(line) {
        return false;
    }
    // Every word after "By" is a capitalized name part, a joiner or an outlet marker.
    words[1..].iter().all(|w| {
        let w = super::trim(w, |c| matches!(c, ',' | '|' | '-' | '–' | '—' | '(' | ')'));
        w.is_empty()
            || matches!(
                w,
                "and" | "&" | "de" | "van" | "von" | "der" | "la" | "le" | "in"
            )
            || w.chars().next().is_some_and(|c| c.is_uppercase())
    })
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Weekdays and their abbreviations, lower case: date parts in a dateline, and words that
/// follow a time (`4 p.m. Monday`) without starting a sentence in the segmenter.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// A date, a time or a place-and-date line with no verb: every word is a number, a month, a
/// weekday, a clock or zone mark, or a capitalized place name, and at least one is a date part.
fn is_dateline(lower: &str, words: &[&str]) -> bool {
    if words.len() > 10 || ends_with_stop(lower) && words.len() > 6 {
        return false;
    }
    let mut date_parts = 0;
    for (w, lw) in words.iter().zip(lower.split_whitespace()) {
        let core = super::trim(lw, |c| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        if MONTHS.contains(&core) || WEEKDAYS.contains(&core) {
            date_parts += 1;
            continue;
        }
        if core.chars().all(|c| c.is_ascii_digit()) && !core.is_empty() || is_clock_or_date(core) {
            date_parts += 1;
            continue;
        }
        if matches!(
            core,
            "am" | "pm"
                | "a.m"
                | "p.m"
                | "gmt"
                | "utc"
                | "est"
                | "edt"
                | "pst"
                | "pdt"
                | "bst"
                | "cet"
                | "et"
                | "pt"
                | "at"
                | "on"
                | "updated"
                | "published"
                | "posted"
                | "st"
                | "nd"
                | "rd"
                | "th"
        ) {
            continue;
        }
        // A place name ("MIAMI", "Kyiv") may stand beside the date.
        if w.chars().next().is_some_and(|c| c.is_uppercase()) {
            continue;
        }
        return false;
    }
    date_parts >= 2
}

/// "10:30", "2025-12-20", "20/12/2025", "1st", "20th".
fn is_clock_or_date(w: &str) -> bool {
    let digits = w.chars().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return false;
    }
    let rest_ok = w
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ':' | '-' | '/' | '.'));
    rest_ok
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| w.ends_with(s) && w[..w.len() - 2].chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<Boilerplate> {
        boilerplate(line)
    }

    #[test]
    fn hash_signs_anywhere() {
        let long = "word ".repeat(40);
        for at in [0, 1, 7, 8, 15, 16, 17, 31, 199] {
            for sign in ["#", "＃"] {
                let mut s = long.clone();
                s.insert_str(at, sign);
                assert!(has_hash_sign(&s), "{sign} at {at}");
            }
        }
        assert!(!has_hash_sign(&long));
        assert!(!has_hash_sign(""));
        // Other characters whose UTF-8 starts with 0xEF, in and across the sixteen-byte steps.
        let wide = "，".repeat(40);
        assert!(!has_hash_sign(&wide));
        assert!(has_hash_sign(&(wide.clone() + "＃")));
        assert!(has_hash_sign(&format!("ab{wide}#")));
    }

    #[test]
    fn hashtag_strips() {
        assert_eq!(
            kind("#UkraineWar #USRussiaTalks #PeaceNegotiations #Putin"),
            Some(Boilerplate::Hashtags)
        );
        assert_eq!(kind("#breaking"), Some(Boilerplate::Hashtags));
        assert_eq!(kind("The #MeToo movement grew quickly in 2017."), None);
    }

    #[test]
    fn credits() {
        for l in [
            "Photo by Ministry of Internal Affairs of Ukraine, via wikimedia commons",
            "Image: Getty Images",
            "Photo credit: Jane Doe/Reuters",
            "Picture courtesy of NASA",
            "Illustration by Sam Lee",
            "(Photo: AP)",
            "Andrew Harnik/Getty Images",
        ] {
            assert_eq!(kind(l), Some(Boilerplate::Credit), "{l}");
        }
        assert_eq!(
            kind("Photos showed the damage to the building after the storm hit the town."),
            None
        );
        assert_eq!(kind("Pictured sources say the deal is done."), None);
    }

    #[test]
    fn fields() {
        assert_eq!(kind("Date:"), Some(Boilerplate::Field));
        // 'İ' lower-cases to two chars: byte offsets of `line` are not offsets of `lower`.
        assert_eq!(kind("İİİİ Tags: x"), None);
        assert_eq!(kind("Tags İİ: x"), None);
        assert_eq!(kind("Published on: 20 Dec 2025"), Some(Boilerplate::Field));
        assert_eq!(
            kind("Tags: Ukraine, Russia, diplomacy"),
            Some(Boilerplate::Field)
        );
        assert_eq!(
            kind("Source: the talks will resume on Monday, officials said."),
            None,
            "a sentence with a final stop after a label is prose"
        );
        assert_eq!(kind("He said: we will win."), None);
    }

    #[test]
    fn prompts_bylines_datelines() {
        assert_eq!(kind("Share this article"), Some(Boilerplate::Prompt));
        assert_eq!(kind("Read more: Ukraine talks"), Some(Boilerplate::Prompt));
        assert_eq!(
            kind("Subscribe to our newsletter"),
            Some(Boilerplate::Prompt)
        );
        assert_eq!(
            kind("By Jane Smith and John Doe"),
            Some(Boilerplate::Byline)
        );
        assert_eq!(kind("By Jane Smith, Reuters"), Some(Boilerplate::Byline));
        assert_eq!(kind("By the end of the day the talks had ended."), None);
        assert_eq!(kind("December 20, 2025"), Some(Boilerplate::Dateline));
        assert_eq!(kind("MIAMI, Dec. 20, 2025"), Some(Boilerplate::Dateline));
        assert_eq!(
            kind("Sat 20 Dec 2025 10.30 GMT"),
            Some(Boilerplate::Dateline)
        );
        assert_eq!(kind("May 2025"), Some(Boilerplate::Dateline));
        assert_eq!(kind("Background"), None);
        assert_eq!(
            kind("Key Participants and Agenda of the Florida Meetings"),
            None
        );
    }

    #[test]
    fn line_breaks_are_found_wherever_they_stand() {
        // Each break at every offset from a word boundary, after ASCII, after wide chars.
        for brk in ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            for pad in 0..20 {
                for filler in ["a", "é", "\u{201c}"] {
                    let head = filler.repeat(pad);
                    let text = format!("{head}{brk}second line here");
                    let ls = lines(&text);
                    assert_eq!(ls.len(), 2, "{text:?}");
                    assert_eq!(ls[0].range, 0..head.len(), "{text:?}");
                    assert_eq!(&text[ls[1].range.clone()], "second line here");
                }
            }
        }
        // Other C0 controls and non-breaking wide chars are not breaks.
        let text = "tab\there\u{0B}\u{0C}\u{a0}\u{2027}\u{202F} no break at all";
        assert_eq!(lines(text).len(), 1);
        // From every offset, the scan stops where a byte-by-byte one does.
        let many = "one\ntwo\u{2028}three\r\nfour é\u{85}five \u{201c}six\u{201d}\rseven";
        for t in [text, many] {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                let want = (i..b.len())
                    .find(|&k| super::super::bytes::class(b[k]) & super::super::bytes::LINE != 0)
                    .unwrap_or(b.len());
                assert_eq!(next_line_byte(b, i), want, "{t:?} from {i}");
            }
        }
        assert_eq!(lines(many).len(), 6);
    }

    #[test]
    fn lines_keep_ranges_into_the_original() {
        let text = "Title\r\n\r\nBody text here.\nDate:\n#a #b";
        let ls = lines(text);
        let kinds: Vec<_> = ls.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                LineKind::Text,
                LineKind::Blank,
                LineKind::Text,
                LineKind::Boilerplate(Boilerplate::Field),
                LineKind::Boilerplate(Boilerplate::Hashtags)
            ]
        );
        assert_eq!(&text[ls[2].range.clone()], "Body text here.");
        assert_eq!(&text[ls[4].range.clone()], "#a #b");
    }
}
