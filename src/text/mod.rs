//! Text handling: cleaning, sentence segmentation and tokenization.

pub(crate) mod bytes;
pub(crate) mod case;
pub mod clean;
pub(crate) mod detect;
pub(crate) mod hash;
pub(crate) mod intern;
pub(crate) mod porter2;
pub(crate) mod quotes;
pub mod sentence;
pub mod token;
