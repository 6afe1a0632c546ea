// www/session.js: what a reload keeps (the first megabyte of a pasted text, cut between
// characters), and what counts as a web address alone.
// Run by scripts/test-js.sh: `node --test tests/unit/`.

import { test } from "node:test";
import assert from "node:assert/strict";

import { firstBytes, isAddress } from "../../www/session.js";

test("firstBytes: all of a text that fits, and nothing cut", () => {
  assert.deepEqual(firstBytes("héllo", 6), { kept: "héllo", cut: 0 });
  assert.deepEqual(firstBytes("", 0), { kept: "", cut: 0 });
});

test("firstBytes: cut between characters, never inside one, with the bytes left out", () => {
  // "é" is 2 bytes, "€" 3, "😀" 4 (a surrogate pair in JS).
  assert.deepEqual(firstBytes("aé", 2), { kept: "a", cut: 2 });
  assert.deepEqual(firstBytes("a€b", 3), { kept: "a", cut: 4 });
  assert.deepEqual(firstBytes("a€b", 4), { kept: "a€", cut: 1 });
  assert.deepEqual(firstBytes("😀😀", 7), { kept: "😀", cut: 4 });
  const big = "x".repeat(999_999) + "é" + "y".repeat(10);
  const { kept, cut } = firstBytes(big, 1_000_000);
  assert.equal(kept, "x".repeat(999_999));
  assert.equal(cut, 12);
});

test("isAddress: one http(s) address and nothing else", () => {
  for (const yes of ["https://example.org", " http://example.org/a/b?c=1#d \n", "HTTPS://EXAMPLE.ORG/x"]) {
    assert.ok(isAddress(yes), yes);
  }
  for (const no of [
    "",
    "example.org",
    "ftp://example.org/file",
    "https://example.org and more",
    "Read https://example.org/x today.",
    "https://a.org https://b.org",
    "https:// example.org",
  ]) {
    assert.ok(!isAddress(no), no);
  }
});
