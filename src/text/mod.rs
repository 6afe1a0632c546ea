//! Text handling: cleaning, sentence segmentation and tokenization.

pub mod clean;
pub mod sentence;
pub mod token;
