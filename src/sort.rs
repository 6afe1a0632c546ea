//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are fast and large: every call site with its own element type
//! or comparison compiles its own copy of driftsort or ipnsort, a few kilobytes each, and gisty's
//! two dozen sorts were a third of the page's wasm code. The slices sorted here are short (a
//! sentence's terms, a row of edges, the picked sentences) or sorted once a call, so a merge
//! sort with an insertion sort for short runs, a few hundred bytes a copy, does the job. It is
//! stable, so equal elements keep their order, as with `sort_by`; every call site that used an
//! unstable sort compares by a total order, where stable and unstable sorts agree.

use std::cmp::Ordering;

/// Runs up to this long are sorted by insertion. 32 rather than 16 since issue 19's ninth pass:
/// many a news sentence has more than 16 terms (the most frequent sort), which 16 sorted in
/// runs merged through a copy; 0.933 -> 0.926 M first-sight wasm instructions per dev article
/// (`scripts/wasm-instructions.sh`), natively the same (its term ids take the standard sort).
const RUN: usize = 32;

/// Sorts `v` by `cmp`, stably.
pub(crate) fn sort_by<T: Clone>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    for run in v.chunks_mut(RUN) {
        insertion(run, &mut cmp);
    }
    if n <= RUN {
        return;
    }
    // Bottom-up merges of runs of `width`, back and forth between `v` and `buf`.
    let mut buf: Vec<T> = v.to_vec();
    let mut width = RUN;
    let mut in_v = true;
    while width < n {
        let (src, dst): (&[T], &mut [T]) = if in_v {
            (&*v, &mut buf[..])
        } else {
            (&buf[..], &mut *v)
        };
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(
                &src[start..mid],
                &src[mid..end],
                &mut dst[start..end],
                &mut cmp,
            );
            start = end;
        }
        in_v = !in_v;
        width *= 2;
    }
    if !in_v {
        v.clone_from_slice(&buf);
    }
}

/// Sorts `v` by the key `key` gives each element, stably.
pub(crate) fn sort_by_key<T: Clone, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub(crate) fn sort<T: Clone + Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Keeps the `k` least elements of `v` by `cmp`, in no particular order, and drops the rest:
/// what a sort and a truncation to `k` keep, in O(n log k) rather than O(n log n). `cmp` must
/// be a total order under which no two elements are equal (a key and a tie-break that tells
/// every element apart), so that the `k` least are one set, the sort's. A max-heap of the `k`
/// least seen so far sits in `v[..k]`, its greatest at the root; each later element that is
/// less replaces the root. (A row of the similarity graph of a long text keeps its 32 heaviest
/// edges of thousands: its sort was most of the time of a 1 MB text.)
pub(crate) fn keep_least<T>(v: &mut Vec<T>, k: usize, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= k {
        return;
    }
    if k == 0 {
        v.clear();
        return;
    }
    for i in (0..k / 2).rev() {
        sift_down(&mut v[..k], i, &mut cmp);
    }
    for i in k..v.len() {
        if cmp(&v[i], &v[0]) == Ordering::Less {
            v.swap(0, i);
            sift_down(&mut v[..k], 0, &mut cmp);
        }
    }
    v.truncate(k);
}

/// Moves `heap[i]` down a max-heap by `cmp` until neither child is greater.
fn sift_down<T>(heap: &mut [T], mut i: usize, cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    loop {
        let left = 2 * i + 1;
        if left >= heap.len() {
            return;
        }
        let right = left + 1;
        let child = if right < heap.len() && cmp(&heap[right], &heap[left]) == Ordering::Greater {
            right
        } else {
            left
        };
        if cmp(&heap[child], &heap[i]) != Ordering::Greater {
            return;
        }
        heap.swap(i, child);
        i = child;
    }
}

fn insertion<T: Clone>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        if cmp(&v[i - 1], &v[i]) != Ordering::Greater {
            continue;
        }
        let x = v[i].clone();
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &x) == Ordering::Greater {
            v[j] = v[j - 1].clone();
            j -= 1;
        }
        v[j] = x;
    }
}

/// Merges the sorted `a` and `b` into `out` (as long as both), taking from `a` on ties.
fn merge<T: Clone>(a: &[T], b: &[T], out: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_a = j >= b.len() || (i < a.len() && cmp(&b[j], &a[i]) != Ordering::Less);
        if take_a {
            *slot = a[i].clone();
            i += 1;
        } else {
            *slot = b[j].clone();
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency): xorshift.
    fn numbers(n: usize, seed: u64, modulo: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 257, 1000, 4099] {
            for modulo in [2, 10, 1 << 40] {
                let keys = numbers(n, n as u64 + modulo, modulo);
                // Pairs of (key, original index): stability shows in the index order.
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut std = ours.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                std.sort_by_key(|a| a.0);
                assert_eq!(ours, std, "n {n} modulo {modulo}");
                let mut plain = keys.clone();
                sort(&mut plain);
                let mut std_plain = keys;
                std_plain.sort_unstable();
                assert_eq!(plain, std_plain);
            }
        }
    }

    #[test]
    fn keeps_the_least_as_a_sort_and_truncation_do() {
        for n in [0, 1, 2, 3, 31, 32, 33, 64, 100, 1000, 4099] {
            for k in [0, 1, 2, 7, 32, 33, n, n + 1] {
                for modulo in [3, 1000, 1 << 40] {
                    // Weights with many ties, told apart by the index, as a graph row's are.
                    let weights = numbers(n, (n * 31 + k) as u64 ^ modulo, modulo);
                    let row: Vec<(u32, f64)> =
                        (0..).zip(weights.iter().map(|&w| w as f64 / 7.0)).collect();
                    let heaviest =
                        |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
                    let mut want = row.clone();
                    want.sort_by(heaviest);
                    want.truncate(k);
                    let mut got = row.clone();
                    keep_least(&mut got, k, heaviest);
                    assert_eq!(got.len(), want.len(), "n {n} k {k}");
                    // The same set: sorted, the same list.
                    got.sort_by(heaviest);
                    assert_eq!(got, want, "n {n} k {k} modulo {modulo}");
                }
            }
        }
        // Ascending and descending input: every element replaces the root, or none does.
        for order in [false, true] {
            let mut v: Vec<u32> = (0..500).collect();
            if order {
                v.reverse();
            }
            keep_least(&mut v, 10, |a, b| a.cmp(b));
            v.sort();
            assert_eq!(v, (0..10).collect::<Vec<_>>());
        }
    }

    #[test]
    fn sorts_by_key_and_in_reverse() {
        let mut v: Vec<(f64, usize)> = vec![(0.5, 0), (2.0, 1), (0.5, 2), (-1.0, 3), (2.0, 4)];
        sort_by(&mut v, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        assert_eq!(v, [(2.0, 1), (2.0, 4), (0.5, 0), (0.5, 2), (-1.0, 3)]);
        let mut w = vec!["ccc", "a", "bb", "dd"];
        sort_by_key(&mut w, |s| s.len());
        assert_eq!(w, ["a", "bb", "dd", "ccc"]);
    }
}
