// Summary statistics of timings, shared by the benchmark page (www/bench.js, in the browser) and
// its driver (scripts/bench-page.mjs, in Node), so that both sides summarize alike.

/** Nearest-rank quantile of sorted numbers. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Count, median, p95, mean, min and max of `values`. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}
