//! gisty: an extractive summarizer that runs anywhere, including the reader's browser.
//!
//! The pipeline runs one way: text → clean (boilerplate lines dropped) → sentences → tokens
//! (stemmed, stop words removed) → scores (graph centrality, lede position, title overlap) →
//! selection (a length budget, no repeats) → the summary, in document order.
//!
//! ```
//! use gisty::{summarize, Length, Options};
//!
//! let text = "The city council approved the new park on Monday. The park will open in May. \
//!             Critics said the park is too small. The council approved the park budget too. \
//!             Residents cheered the park decision at the meeting.";
//! let options = Options { length: Length::Sentences(2), ..Options::default() };
//! let summary = summarize(text, &options)?;
//! assert_eq!(summary.sentences.len(), 2);
//! for s in &summary.sentences {
//!     // Every sentence is a slice of the input, found at its byte span.
//!     assert_eq!(&text[s.start..s.end], s.text);
//! }
//! # Ok::<(), gisty::Error>(())
//! ```
//!
//! Empty input or input without sentences is not an error: it gives an empty summary. Invalid
//! options are ([`Error`]), and so is an input above [`MAX_INPUT_BYTES`] (50 MiB), which is
//! refused before any work is done.

mod document;
mod error;
mod explain;
mod keywords;
mod math;
#[cfg(feature = "files")]
mod read;
mod score;
mod select;
mod sort;
mod summarize;
mod text;
/// Work counters for the growth tests (tests/growth.rs); only with the `work-counters` feature,
/// never in a release or wasm build.
#[cfg(feature = "work-counters")]
#[doc(hidden)]
pub mod work;
#[cfg(not(feature = "work-counters"))]
mod work;

pub use error::{Error, ErrorKind, Result};
pub use explain::{
    Centrality, Concept, Covered, Explanation, Focus, PassedOver, Position, Title, Why, CONCEPTS,
    PREFERRED,
};
pub use keywords::Keyword;
#[cfg(feature = "files")]
pub use read::{read, Encoding, Format, ReadFile, MAX_FILE_BYTES};
pub use score::Method;
pub use summarize::{
    detect_language, keywords, keywords_many, rank, rank_doc, summarize, summarize_doc,
    summarize_many, Doc, Duplicate, Engine, Length, MultiSummary, Options, ScoredSentence, Summary,
    MAX_DOCUMENTS, MAX_INPUT_BYTES, NEAR_DUPLICATE,
};
pub use text::clean::{boilerplate, caption_lines, Boilerplate};
pub use text::sentence::split as split_sentences;
pub use text::token::Language;
#[cfg(target_arch = "wasm32")]
mod wasm;
