//! How `summarize` scales on adversarial inputs (issue 6: no input may make the cost grow faster
//! than n log n in its length). Each family is measured at 64 KB, 256 KB, 1 MB and 4 MB;
//! `scripts/scaling.sh` prints the time ratio between consecutive sizes, which for n log n is
//! about 4.3 (4 for linear, 16 for quadratic) and fails above 5.5.
//!
//! The families (tests/support/families.rs, shared with the growth test, which counts their
//! work instead of timing it) are built outside the timed loop.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gisty::{summarize, Length, Options};

/// Sizes in bytes: each 4 times the last.
const SIZES: &[usize] = &[64 << 10, 256 << 10, 1 << 20, 4 << 20];

#[path = "../tests/support/families.rs"]
mod families;
#[path = "../tests/support/words.rs"]
mod words;
use families::{long_summary, text, FAMILIES};

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
            length: if long_summary(family) {
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
