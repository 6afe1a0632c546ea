//! Powers without the standard library's `powf`, which the WebAssembly builds would otherwise
//! carry as a function of their own (compiler_builtins' `pow`: the web build is 1.0 kB smaller
//! gzipped without it) for three scores that need no more than a smooth, monotone power: the
//! logarithm and `exp2` that [`pow`] is made of are in those builds anyway (idf and the lede
//! prior).

use std::f64::consts::LOG2_E;

/// `x` to the power `y`, for `x > 0`: `2^(y · log2 x)`. Within a few units in the last place of
/// `powf` (the error of the logarithm, scaled by `y · ln x`), and exact where it matters for
/// ties: `x = 1` or `y = 0` give exactly 1. The same formula natively and in WebAssembly.
pub(crate) fn pow(x: f64, y: f64) -> f64 {
    (y * (x.ln() * LOG2_E)).exp2()
}

#[cfg(test)]
mod tests {
    use super::pow;

    #[test]
    fn agrees_with_powf_where_the_scores_take_it() {
        // Word counts to 0.3 (selection), counts to 0.75 (key phrases), ratios in (0, 1] to
        // powers in [0, 1.5] (long sentences).
        for n in 1..=2000 {
            let x = n as f64;
            for y in [0.3, 0.75] {
                let (got, want) = (pow(x, y), x.powf(y));
                assert!(
                    (got - want).abs() <= 8.0 * f64::EPSILON * want,
                    "{x}^{y}: {got} vs {want}"
                );
            }
            let base = 30.0 / (29.0 + x);
            for k in 0..=15 {
                let y = k as f64 / 10.0;
                let (got, want) = (pow(base, y), base.powf(y));
                assert!(
                    (got - want).abs() <= 8.0 * f64::EPSILON * want,
                    "{base}^{y}: {got} vs {want}"
                );
            }
        }
        assert_eq!(pow(1.0, 0.3), 1.0);
        assert_eq!(pow(0.25, 0.0), 1.0);
        assert_eq!(pow(7.0, 0.0), 1.0);
    }

    #[test]
    fn rises_with_its_base() {
        for y in [0.3, 0.75, 1.5] {
            let mut last = 0.0;
            for n in 1..=5000 {
                let p = pow(n as f64, y);
                assert!(p > last, "{n}^{y}");
                last = p;
            }
        }
    }
}
