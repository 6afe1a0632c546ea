// www/bench-stats.mjs: the timing statistics of the bench page and its Node driver.
// Run by scripts/test-js.sh: `node --test tests/unit/`.

import { test } from "node:test";
import assert from "node:assert/strict";

import { quantile, stats } from "../../www/bench-stats.mjs";

test("quantile: nearest rank, clamped to the ends", () => {
  const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(quantile(sorted, 0), 1);
  assert.equal(quantile(sorted, 0.5), 5);
  assert.equal(quantile(sorted, 0.95), 10);
  assert.equal(quantile(sorted, 0.91), 10);
  assert.equal(quantile(sorted, 0.9), 9);
  assert.equal(quantile(sorted, 1), 10);
  assert.equal(quantile([7], 0.5), 7);
});

test("stats: numbers sorted as numbers, the input left as it was", () => {
  const values = [10, 9, 100, 1, 2];
  assert.deepEqual(stats(values), { n: 5, median: 9, p95: 100, mean: 24.4, min: 1, max: 100 });
  assert.deepEqual(values, [10, 9, 100, 1, 2]);
});

test("stats: no values", () => {
  assert.deepEqual(stats([]), { n: 0, median: undefined, p95: undefined, mean: NaN, min: undefined, max: undefined });
});
