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

/// A test of a character, passed by pointer to [`trim`], [`trim_start`] and [`trim_end`].
pub(crate) type CharTest = fn(char) -> bool;

// `str::trim_matches` and its kin, for every test through one pointer type: in WebAssembly one
// copy of the standard library's trimming code each (each closure, function and char array
// would have its own, some 8 kB in all: the web build's size budget). Natively inlined, so that
// each call site calls its test directly, as before.

/// `s.trim_matches(test)`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn trim(s: &str, test: CharTest) -> &str {
    s.trim_matches(test)
}

/// `s.trim_start_matches(test)`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn trim_start(s: &str, test: CharTest) -> &str {
    s.trim_start_matches(test)
}

/// `s.trim_end_matches(test)`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn trim_end(s: &str, test: CharTest) -> &str {
    s.trim_end_matches(test)
}
