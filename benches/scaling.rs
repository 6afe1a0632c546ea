//! How `summarize` scales on adversarial inputs (issue 6: no input may make the cost grow faster
//! than n log n in its length). Each family is measured at 64 KB, 256 KB, 1 MB and 4 MB;
//! `scripts/scaling.sh` prints the time ratio between consecutive sizes, which for n log n is
//! about 4.3 (4 for linear, 16 for quadratic) and fails above 5.5.
//!
//! Families, built outside the timed loop:
//! - `long-sentence`: words with no punctuation and no line break, one sentence of n bytes;
//! - `tiny-sentences`: one-word sentences ("Bako. Dilu. "), each word in about 100 of them;
//! - `repeated-sentence`: the same 20-word sentence over and over;
//! - `headings`: a Title Case heading line, then a sentence, over and over;
//! - `long-summary`: log-like lines ("Event 812 happened at node31."), summarized at 30%:
//!   selection over tens of thousands of picked sentences.
//!
//! Words shared by about 100 sentences are the similarity graph's worst case per byte: a word
//! makes edges between every pair of its sentences, up to `MAX_POSTINGS` (128) sentences, and
//! none past it. So the families keep that share at every size. A family whose words recur more
//! as it grows (a fixed vocabulary) costs more per byte until its words reach 128 sentences, and
//! then less: over that range its ratio exceeds n log n (up to 16 per 4x), but its cost stays
//! under this worst case, which is linear.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gisty::{summarize, Length, Options};

/// Sizes in bytes: each 4 times the last.
const SIZES: &[usize] = &[64 << 10, 256 << 10, 1 << 20, 4 << 20];

#[path = "../tests/support/words.rs"]
mod words;
use words::word;

fn capitalized(w: &str) -> String {
    w[..1].to_ascii_uppercase() + &w[1..]
}

/// How many sentences share each word (`tiny-sentences`) or node (`long-summary`): near
/// `MAX_POSTINGS` (128), whatever the size.
const SHARED_BY: usize = 100;

/// `family`'s text of at least `bytes` bytes.
fn text(family: &str, bytes: usize) -> String {
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
            _ => unreachable!("unknown family {family}"),
        }
        i += 1;
    }
    t
}

const FAMILIES: &[&str] = &[
    "long-sentence",
    "tiny-sentences",
    "repeated-sentence",
    "headings",
    "long-summary",
];

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    // Seconds per run at 4 MB: few samples, flat sampling, no warm-up beyond one run.
    group
        .sample_size(10)
        .sampling_mode(criterion::SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    // Unoptimized (`cargo test --all-targets` runs each bench once to check it), only the
    // small sizes.
    let default_max = if cfg!(debug_assertions) {
        256 << 10
    } else {
        usize::MAX
    };
    let max = std::env::var("GISTY_SCALING_MAX")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(default_max);
    for family in FAMILIES {
        let options = Options {
            length: if *family == "long-summary" {
                Length::Ratio(0.3)
            } else {
                Length::Sentences(3)
            },
            ..Options::default()
        };
        for &size in SIZES.iter().filter(|&&s| s <= max) {
            let input = text(family, size);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(*family, size), &input, |b, input| {
                b.iter(|| summarize(black_box(input), &options).unwrap())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
