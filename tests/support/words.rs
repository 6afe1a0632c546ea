//! Made-up words for generated test and bench texts: letters only (so the stemmer keeps them
//! apart), distinct for distinct numbers.
#![allow(dead_code)]

/// The i-th made-up word: "ba", "ca", ..., "bakodu".
pub fn word(mut i: usize) -> String {
    const C: &[u8] = b"bcdfghjklmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut w = String::new();
    loop {
        w.push(C[i % C.len()] as char);
        i /= C.len();
        w.push(V[i % V.len()] as char);
        i /= V.len();
        if i == 0 {
            return w;
        }
    }
}

/// The first `n` made-up words.
pub fn words(n: usize) -> Vec<String> {
    (0..n).map(word).collect()
}
