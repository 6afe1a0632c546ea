//! Work counters: how much each stage did, in units that grow with the input, so that tests can
//! guard the complexity without a clock (wall-clock figures are noisy on a shared machine; they
//! stay in `benches/scaling.rs`).
//!
//! The core calls [`add`] where the work is done. Without the `work-counters` feature (every
//! release and wasm build) `add` is an empty inline function and the counts are never stored:
//! the calls compile to nothing. With it, each thread keeps its own counts (the test harness
//! runs tests in threads, so each test sees only its own work), read with `snapshot` and cleared
//! with `reset`. Counting never changes a result: nothing in the core reads the counts.
// Without the feature only `add` and the variants are used.
#![cfg_attr(not(feature = "work-counters"), allow(dead_code))]

/// What is counted. Each counter sums a work unit that one stage spends, chosen so that a stage
/// that went quadratic on some input would show it in its counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Counter {
    /// Bytes the boilerplate checks read (src/text/clean.rs): every line's, once to find it and
    /// again for each pass of the checks.
    CleanBytes,
    /// Bytes the sentence segmenter read (src/text/sentence.rs): lines, tokens, stop clusters,
    /// the lowercase-word set, emitted sentences, heading checks.
    SegmenterBytes,
    /// Bytes the document model read around sentences (src/document.rs): the gaps between
    /// sentences, the white space walked to tell a heading alone on its line, and the sentences
    /// read for quotation marks (src/text/quotes.rs).
    DocumentBytes,
    /// Bytes the word tokenizer read (src/text/token.rs), and the words counted.
    TokenizerBytes,
    /// Slots probed in the word and stem interners (src/text/intern.rs), growth included.
    InternProbes,
    /// Postings entries visited to build the similarity graphs, and to build the postings
    /// (src/score/similarity.rs).
    PostingsVisited,
    /// Edges found for the graphs before each row is cut to its strongest, and edges read back
    /// to compare documents (src/score/similarity.rs).
    EdgesBuilt,
    /// PageRank: per iteration, sentences plus edges (src/score/centrality.rs).
    PagerankWork,
    /// Repeat tests (`repeats`) between a candidate and a picked sentence (src/select.rs).
    SelectComparisons,
    /// Other selection work: heap pops, picked sentences listed under a candidate's terms,
    /// vector entries read for gains (src/select.rs).
    SelectScans,
    /// Key-phrase candidates made, their written forms compared, and picked phrases compared
    /// (src/keywords.rs).
    KeywordCandidates,
    /// Focus terms looked up in sentences (src/score/focus.rs): focus terms times sentence
    /// terms.
    FocusChecks,
    /// Entries of the document similarity matrix (src/score/similarity.rs): the square of the
    /// number of documents, bounded by `MAX_DOCUMENTS`.
    DocumentPairs,
    /// Concept coverage for several documents (src/score/concepts.rs, `select::cover`): concept
    /// keys made, concept entries read for gains and values.
    ConceptWork,
    /// The documents visited to find a chosen sentence's support (src/score/concepts.rs): per
    /// concept of the sentence, the documents that mention it. Support relates sentences to
    /// documents, so this grows with the chosen sentences times the documents.
    SupportWork,
}

impl Counter {
    /// Every counter, in the order of [`Counts`].
    pub const ALL: [Counter; 15] = [
        Counter::CleanBytes,
        Counter::SegmenterBytes,
        Counter::DocumentBytes,
        Counter::TokenizerBytes,
        Counter::InternProbes,
        Counter::PostingsVisited,
        Counter::EdgesBuilt,
        Counter::PagerankWork,
        Counter::SelectComparisons,
        Counter::SelectScans,
        Counter::KeywordCandidates,
        Counter::FocusChecks,
        Counter::DocumentPairs,
        Counter::ConceptWork,
        Counter::SupportWork,
    ];

    /// The counter's name in test messages: "postings-visited".
    pub fn name(self) -> &'static str {
        match self {
            Counter::CleanBytes => "clean-bytes",
            Counter::SegmenterBytes => "segmenter-bytes",
            Counter::DocumentBytes => "document-bytes",
            Counter::TokenizerBytes => "tokenizer-bytes",
            Counter::InternProbes => "intern-probes",
            Counter::PostingsVisited => "postings-visited",
            Counter::EdgesBuilt => "edges-built",
            Counter::PagerankWork => "pagerank-work",
            Counter::SelectComparisons => "select-comparisons",
            Counter::SelectScans => "select-scans",
            Counter::KeywordCandidates => "keyword-candidates",
            Counter::FocusChecks => "focus-checks",
            Counter::DocumentPairs => "document-pairs",
            Counter::ConceptWork => "concept-work",
            Counter::SupportWork => "support-work",
        }
    }
}

impl std::fmt::Display for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Adds `n` units of work to `counter` (nothing at all without the feature).
#[inline(always)]
#[cfg(not(feature = "work-counters"))]
pub(crate) fn add(_counter: Counter, _n: usize) {}

#[cfg(feature = "work-counters")]
pub use counting::*;

#[cfg(feature = "work-counters")]
mod counting {
    use super::Counter;
    use std::cell::Cell;

    const N: usize = Counter::ALL.len();

    thread_local! {
        static COUNTS: [Cell<u64>; N] = const { [const { Cell::new(0) }; N] };
    }

    /// Adds `n` units of work to `counter`, on this thread.
    #[inline]
    pub fn add(counter: Counter, n: usize) {
        COUNTS.with(|c| {
            let cell = &c[counter as usize];
            cell.set(cell.get().saturating_add(n as u64));
        });
    }

    /// Sets every counter of this thread to zero.
    pub fn reset() {
        COUNTS.with(|c| c.iter().for_each(|x| x.set(0)));
    }

    /// This thread's counts since its last [`reset`].
    pub fn snapshot() -> Counts {
        Counts(COUNTS.with(|c| std::array::from_fn(|i| c[i].get())))
    }

    /// The counts of every [`Counter`], read with [`Counts::get`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Counts([u64; N]);

    impl Counts {
        /// The count of `counter`.
        pub fn get(&self, counter: Counter) -> u64 {
            self.0[counter as usize]
        }

        /// Every counter with its count, in [`Counter::ALL`] order.
        pub fn iter(&self) -> impl Iterator<Item = (Counter, u64)> + '_ {
            Counter::ALL.iter().map(|&c| (c, self.get(c)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_each_counter_at_its_index_with_a_distinct_name() {
        for (i, c) in Counter::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
            assert!(Counter::ALL[..i].iter().all(|d| d.name() != c.name()));
        }
    }

    #[cfg(feature = "work-counters")]
    #[test]
    fn counts_add_up_per_thread_and_reset() {
        reset();
        add(Counter::EdgesBuilt, 3);
        add(Counter::EdgesBuilt, 4);
        assert_eq!(snapshot().get(Counter::EdgesBuilt), 7);
        std::thread::spawn(|| assert_eq!(snapshot(), Counts::default()))
            .join()
            .unwrap();
        reset();
        assert_eq!(snapshot(), Counts::default());
    }
}
