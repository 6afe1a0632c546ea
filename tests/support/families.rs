//! Adversarial input families, each a text of any size with the same make-up at every size:
//! what the scaling bench (benches/scaling.rs) times and the growth test (tests/growth.rs)
//! counts the work of. The includer also includes `words.rs` as `mod words`.
//!
//! - `long-sentence`: words with no punctuation and no line break, one sentence of n bytes;
//! - `tiny-sentences`: one-word sentences ("Bako. Dilu. "), each word in about 100 of them;
//! - `repeated-sentence`: the same 20-word sentence over and over;
//! - `headings`: a Title Case heading line, then a sentence, over and over;
//! - `long-summary`: log-like lines ("Event 812 happened at node31."), summarized at 30%:
//!   selection over tens of thousands of picked sentences;
//! - `spaced-stops`: a sentence, then one line-long run of spaced stops (". . . . ."), which
//!   the segmenter joins to the word before, stop by stop;
//! - `open-quotes`: sentences that each open a quotation and never close it (`"Bako.`), each word in about 100 of them,
//!   so that every one sends the quotation units (src/text/quotes.rs) looking ahead.
//!
//! Words shared by about 100 sentences are the similarity graph's worst case per byte: a word
//! makes edges between every pair of its sentences, up to `MAX_POSTINGS` (128) sentences, and
//! none past it. So the families keep that share at every size. A family whose words recur more
//! as it grows (a fixed vocabulary) costs more per byte until its words reach 128 sentences, and
//! then less: over that range its ratio exceeds n log n (up to 16 per 4x), but its cost stays
//! under this worst case, which is linear.
#![allow(dead_code)]

use super::words::word;

/// Every family, by name.
pub const FAMILIES: &[&str] = &[
    "long-sentence",
    "tiny-sentences",
    "repeated-sentence",
    "headings",
    "long-summary",
    "spaced-stops",
    "open-quotes",
];

/// How many sentences share each word (`tiny-sentences`) or node (`long-summary`): near
/// `MAX_POSTINGS` (128), whatever the size.
pub const SHARED_BY: usize = 100;

fn capitalized(w: &str) -> String {
    w[..1].to_ascii_uppercase() + &w[1..]
}

/// Whether `family` is summarized at a ratio (30%) rather than in 3 sentences.
pub fn long_summary(family: &str) -> bool {
    family == "long-summary"
}

/// `family`'s text of at least `bytes` bytes.
pub fn text(family: &str, bytes: usize) -> String {
    let mut t = String::with_capacity(bytes + 256);
    let mut i = 0;
    while t.len() < bytes {
        match family {
            "long-sentence" => {
                t.push_str(&word(i * 7919 % 5000));
                t.push(' ');
            }
            "tiny-sentences" => {
                t.push_str(&capitalized(&word(1000 + i / SHARED_BY)));
                t.push_str(". ");
            }
            "repeated-sentence" => t.push_str(
                "The council said the new park would open in May after a long and bitter \
                 fight over its cost. ",
            ),
            "headings" => t.push_str(&format!(
                "{} {} Report\nThe {} said the {} would {} soon.\n",
                capitalized(&word(i)),
                capitalized(&word(i + 1)),
                word(i + 2),
                word(i + 3),
                word(i + 4)
            )),
            "long-summary" => {
                t.push_str(&format!("Event {i} happened at node{}.\n", i / SHARED_BY))
            }
            "spaced-stops" if i == 0 => t.push_str("The talks in Miami went on for hours"),
            "spaced-stops" => t.push_str(" ."),
            "open-quotes" => {
                t.push('"');
                t.push_str(&capitalized(&word(1000 + i / SHARED_BY)));
                t.push_str(". ");
            }
            _ => unreachable!("unknown family {family}"),
        }
        i += 1;
    }
    t
}
