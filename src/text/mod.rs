//! Text handling: cleaning, sentence segmentation and tokenization.

pub mod clean;
pub(crate) mod hash;
pub mod sentence;
pub mod token;
