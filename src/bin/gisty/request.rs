//! The usual batch request, `{"id", "text", "title"?, "focus"?}`, read straight from its line.
//!
//! serde_json reads such a line well, but its text twice: once to find the string's end (eight
//! bytes a step) and again to unescape it. Here the text's string is read once, sixteen bytes a
//! step. Whatever this reader is not sure of (another field, a field twice, an array or object
//! id, a control character, a bad escape, not JSON) it leaves to the JSON tree, which reads a
//! plain line as this reader does and says what is wrong with any other.

use std::borrow::Cow;

use serde_json::Value;

/// A plain request's fields, as the JSON tree has them.
#[derive(Debug, PartialEq)]
pub(crate) struct PlainRequest<'a> {
    pub id: Value,
    pub text: Cow<'a, str>,
    pub title: Option<Cow<'a, str>>,
    pub focus: Option<Cow<'a, str>>,
}

/// `line` as a [`PlainRequest`], or None for any other line, or one this reader leaves to the
/// JSON tree (see the module's comment).
pub(crate) fn plain_request(line: &str) -> Option<PlainRequest<'_>> {
    let b = line.as_bytes();
    // JSON's white space, as serde_json skips it.
    let ws = |mut i: usize| {
        while matches!(b.get(i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            i += 1;
        }
        i
    };
    let mut i = ws(0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = ws(i + 1);
    let (mut id, mut text, mut title, mut focus) = (None, None, None, None);
    if b.get(i) != Some(&b'}') {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let (key, end) = string(line, i + 1)?;
            i = ws(end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = ws(i + 1);
            // A field twice is an error for serde_json's readers of a struct: the tree says so.
            match &*key {
                "id" if id.is_none() => {
                    let (v, end) = scalar(line, i)?;
                    id = Some(v);
                    i = end;
                }
                "text" if text.is_none() => {
                    if b.get(i) != Some(&b'"') {
                        return None;
                    }
                    let (t, end) = string(line, i + 1)?;
                    text = Some(t);
                    i = end;
                }
                "title" | "focus" => {
                    let slot = if &*key == "title" {
                        &mut title
                    } else {
                        &mut focus
                    };
                    if slot.is_some() {
                        return None;
                    }
                    if b[i..].starts_with(b"null") {
                        *slot = Some(None);
                        i += 4;
                    } else if b.get(i) == Some(&b'"') {
                        let (t, end) = string(line, i + 1)?;
                        *slot = Some(Some(t));
                        i = end;
                    } else {
                        return None;
                    }
                }
                _ => return None,
            }
            i = ws(i);
            match b.get(i) {
                Some(b',') => i = ws(i + 1),
                Some(b'}') => break,
                _ => return None,
            }
        }
    }
    if ws(i + 1) != b.len() {
        return None;
    }
    Some(PlainRequest {
        id: id.unwrap_or(Value::Null),
        text: text?,
        title: title.flatten(),
        focus: focus.flatten(),
    })
}

/// The JSON value at `line[at..]` that is not an array or an object (whose depth serde_json
/// counts from the line's object), read by serde_json, and the index after it.
fn scalar(line: &str, at: usize) -> Option<(Value, usize)> {
    if matches!(line.as_bytes().get(at), None | Some(b'[' | b'{')) {
        return None;
    }
    let mut values = serde_json::Deserializer::from_str(&line[at..]).into_iter::<Value>();
    let v = values.next()?.ok()?;
    Some((v, at + values.byte_offset()))
}

/// The JSON string whose opening quote is just before `line[from]`, and the index after its
/// closing quote: borrowed from the line when it has no escape, else unescaped into a string.
/// None for a control character, an escape that is not one of JSON's, half a surrogate pair (all
/// of which serde_json rejects) or a string without its end.
fn string(line: &str, from: usize) -> Option<(Cow<'_, str>, usize)> {
    let b = line.as_bytes();
    let mut at = from + plain_run(&b[from..]);
    if *b.get(at)? == b'"' {
        return Some((Cow::Borrowed(&line[from..at]), at + 1));
    }
    // At most the rest of the line: one allocation.
    let mut out = String::with_capacity(b.len() - from);
    let mut run = from;
    loop {
        // `at` is at an ASCII byte, a char boundary.
        out.push_str(&line[run..at]);
        match *b.get(at)? {
            b'"' => return Some((Cow::Owned(out), at + 1)),
            b'\\' => {}
            _ => return None,
        }
        let (c, len) = match *b.get(at + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                // \uXXXX: a surrogate pair is two of them.
                let hex = |i: usize| {
                    let h = b.get(i..i + 4)?;
                    h.iter()
                        .try_fold(0u32, |n, &c| Some(n << 4 | char::from(c).to_digit(16)?))
                };
                let u = hex(at + 2)?;
                match u {
                    0xD800..=0xDBFF if b.get(at + 6..at + 8) == Some(b"\\u") => {
                        let low = hex(at + 8).filter(|l| (0xDC00..=0xDFFF).contains(l))?;
                        (
                            char::from_u32(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))?,
                            12,
                        )
                    }
                    _ => (char::from_u32(u)?, 6),
                }
            }
            _ => return None,
        };
        out.push(c);
        run = at + len;
        at = run + plain_run(&b[run..]);
    }
}

/// Whether `c` ends a run of a JSON string's plain bytes: its closing quote, an escape or a
/// control character (which a JSON string may not hold).
fn ends_run(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20
}

/// The length of the run of plain bytes that `b` starts with (see [`ends_run`]).
fn plain_run(b: &[u8]) -> usize {
    // Moved on only by the SSE2 steps, which only x86_64 has.
    #[cfg_attr(not(target_arch = "x86_64"), allow(unused_mut))]
    let mut i = 0;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8,
            _mm_or_si128, _mm_set1_epi8, _mm_xor_si128,
        };
        // SAFETY (both blocks): every load reads sixteen bytes inside its block (an unaligned
        // load may), and every x86_64 processor has SSE2.
        // The bytes of a block at `at` that end a run, as 0xFF: those below 0x20 or '"' are
        // those at most 0x20 once bit 1 is flipped ('"' is 0x22; flipping bit 1 maps 0..0x1F
        // onto itself and 0x20 onto 0x22), and backslashes.
        let ends = |block: &[u8], at: usize| -> __m128i {
            assert!(at + 16 <= block.len());
            unsafe {
                let x = _mm_loadu_si128(block.as_ptr().add(at).cast());
                let y = _mm_xor_si128(x, _mm_set1_epi8(2));
                let low_or_quote = _mm_cmpeq_epi8(_mm_min_epu8(y, _mm_set1_epi8(0x20)), y);
                let backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\\' as i8));
                _mm_or_si128(low_or_quote, backslash)
            }
        };
        // Sixteen bytes at a time, four of them a step: one test of the four.
        for block in b.chunks_exact(64) {
            let v = [
                ends(block, 0),
                ends(block, 16),
                ends(block, 32),
                ends(block, 48),
            ];
            let any = unsafe {
                _mm_movemask_epi8(_mm_or_si128(
                    _mm_or_si128(v[0], v[1]),
                    _mm_or_si128(v[2], v[3]),
                ))
            };
            if any != 0 {
                let hits = v.map(|v| unsafe { _mm_movemask_epi8(v) } as u32 as u64);
                let hits = hits[0] | hits[1] << 16 | hits[2] << 32 | hits[3] << 48;
                return i + hits.trailing_zeros() as usize;
            }
            i += 64;
        }
        for block in b[i..].chunks_exact(16) {
            let hits = unsafe { _mm_movemask_epi8(ends(block, 0)) };
            if hits != 0 {
                return i + hits.trailing_zeros() as usize;
            }
            i += 16;
        }
        // The last sixteen bytes, of which those before `i` were read already.
        if i < b.len() && b.len() >= 16 {
            let from = b.len() - 16;
            let hits = unsafe { _mm_movemask_epi8(ends(b, from)) } >> (i - from);
            return i + (hits.trailing_zeros() as usize).min(b.len() - i);
        }
    }
    i + b[i..]
        .iter()
        .position(|&c| ends_run(c))
        .unwrap_or(b.len() - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json makes of `line`: the four fields of a plain request, when the line is
    /// one (a JSON object of no other field, with a string text).
    fn serde_reads(line: &str) -> Option<(Value, String, Option<String>, Option<String>)> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Plain {
            #[serde(default)]
            id: Value,
            text: String,
            title: Option<String>,
            focus: Option<String>,
        }
        let p: Plain = serde_json::from_str(line).ok()?;
        Some((p.id, p.text, p.title, p.focus))
    }

    fn ours(line: &str) -> Option<(Value, String, Option<String>, Option<String>)> {
        let p = plain_request(line)?;
        let own = |s: Option<Cow<str>>| s.map(Cow::into_owned);
        Some((p.id, p.text.into_owned(), own(p.title), own(p.focus)))
    }

    /// Lines that this reader reads must read as serde_json reads them, and it must read the
    /// usual ones (else it would be no faster); the rest go to the JSON tree, which is serde_json.
    fn check(line: &str, must_read: bool) {
        let serde = serde_reads(line);
        match ours(line) {
            Some(o) => assert_eq!(Some(o), serde, "{line:?}"),
            None => assert!(!must_read || serde.is_none(), "not read: {line:?}"),
        }
    }

    #[test]
    fn plain_lines_read_as_serde_json_reads_them() {
        let strings = [
            r#""""#,
            r#""no escape at all""#,
            r#""\"\\\/\b\f\n\r\t""#,
            r#""a\u00e9b \u00E9 \u0000 \u2014 \uFFFF\u0041""#,
            r#""pair \ud83d\ude00 and \uD83D\uDE00 end""#,
            r#""caf\u00e9 “quoted” — 東京 😀\n""#,
            // Halves of a surrogate pair, bad escapes, raw control characters: serde_json
            // rejects them.
            r#""\ud83d""#,
            r#""\ud83d x""#,
            r#""\ud83d\n""#,
            r#""\ud83d\u0041""#,
            r#""\ude00""#,
            r#""\ud83d\ud83d\ude00""#,
            r#""\x41""#,
            r#""\u12""#,
            r#""\u12g4""#,
            r#""\u+123""#,
            "\"tab\tinside\"",
            "\"nul\u{0}inside\"",
            "\"\u{1f}\"",
            "\"del \u{7f} is allowed\"",
            r#""unterminated"#,
            r#""ends in a backslash\"#,
        ];
        let mut strings: Vec<String> = strings.map(String::from).to_vec();
        // Every escape and every ending byte at every offset of a 64-byte step and the
        // sixteen-byte steps after it.
        for k in 0..140 {
            for e in [
                r#"\""#,
                r#"\\"#,
                r#"\n"#,
                r#"\u00e9"#,
                r#"\ud83d\ude00"#,
                "\u{1}",
                "\u{1f}",
            ] {
                strings.push(format!("\"{}{e}{e}yy\"", "x".repeat(k)));
                strings.push(format!("\"{}é{e}\"", "x".repeat(k)));
            }
            strings.push(format!("\"{}\"", "x".repeat(k)));
            strings.push(format!("\"{}", "x".repeat(k)));
        }
        for s in &strings {
            for line in [
                format!(r#"{{"id": 1, "text": {s}}}"#),
                format!(r#"{{"text":{s},"id":"a"}}"#),
                format!(r#"{{"id": "x", "text": "t", "title": {s}}}"#),
                format!(r#"{{"id": "x", "text": "t", "focus": {s}}}"#),
                format!(r#"{{{s}: 1, "text": "t"}}"#),
            ] {
                // A string that serde_json reads is read here too.
                check(&line, serde_json::from_str::<String>(s).is_ok());
            }
        }
    }

    #[test]
    fn other_lines_go_to_the_json_tree() {
        for line in [
            r#"{"id": 1, "text": "a", "text": "b"}"#,
            r#"{"id": 1, "id": 2, "text": "a"}"#,
            r#"{"text": "a", "title": null, "title": "b"}"#,
            r#"{"id": 1, "text": "a", "docs": []}"#,
            r#"{"id": 1, "text": "a",}"#,
            r#"{"id": 1 "text": "a"}"#,
            r#"{"id": 1, "text": 2}"#,
            r#"{"id": 1, "text": null}"#,
            r#"{"id": 1}"#,
            r#"{}"#,
            r#"{"id": [1], "text": "a"}"#,
            r#"{"id": {"n": 1}, "text": "a"}"#,
            r#"{"id": 1, "text": "a", "title": 3}"#,
            r#"{"id": 1, "text": "a"} x"#,
            r#"{"id": 1, "text": "a"}{}"#,
            r#"["id", "text"]"#,
            r#"{"id": 01, "text": "a"}"#,
            r#"{"id": 1x, "text": "a"}"#,
            r#"{"id": nul, "text": "a"}"#,
            r#"{"id": 1, "text": "a", "focus": nulll}"#,
            r#"{"id": 1, "text": "a""#,
            "{\"id\": 1, \"text\": \"a\"}\u{a0}",
        ] {
            assert_eq!(ours(line), None, "{line}");
        }
    }

    #[test]
    fn the_usual_lines_are_read_here() {
        for line in [
            r#"{"id": 1, "text": "a"}"#,
            " \t{ \"text\" : \"a\\nb\" , \"id\" : -1.5e3 }\r\n ",
            r#"{"id": null, "text": "a", "title": null, "focus": "f"}"#,
            r#"{"id": true, "text": "a", "title": "T"}"#,
            r#"{"text": "a"}"#,
            r#"{"\u0069d": "k", "te\u0078t": "a"}"#,
            r#"{"id": 18446744073709551616, "text": "a"}"#,
        ] {
            assert!(ours(line).is_some(), "{line}");
            check(line, true);
        }
    }

    #[test]
    fn mangled_lines_read_as_serde_json_reads_them() {
        // Every one-byte change of a plain line, to any of the bytes that JSON gives a meaning.
        let line = r#"{"id": "a-1", "text": "One \"two\"\n caf\u00e9 \ud83d\ude00 three.", "title": null}"#;
        let bytes = b"{}[]:,\"\\ \tn0-eu\x01x";
        for at in 0..line.len() {
            for &c in bytes {
                let mut l = line.as_bytes().to_vec();
                l[at] = c;
                let Ok(mut l) = String::from_utf8(l) else {
                    continue;
                };
                check(&l, false);
                l.insert(at, char::from(c));
                check(&l, false);
            }
        }
    }
}
