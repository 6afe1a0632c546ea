// www/source.js, its DOM-free part: which part of a long text a character is shown in (a part is
// SOURCE_PART characters, ending at the end of the line it reaches into, if that is near).
// Run by scripts/test-js.sh: `node --test tests/unit/`.

import { test } from "node:test";
import assert from "node:assert/strict";

import { SOURCE_PART, partOf } from "../../www/source.js";

test("partOf: a text of one part has only part 0", () => {
  assert.equal(SOURCE_PART, 200_000);
  assert.equal(partOf("", 0), 0);
  assert.equal(partOf("x".repeat(SOURCE_PART), SOURCE_PART - 1), 0);
});

test("partOf: a part ends after the newline past its last character", () => {
  // Lines of 1,000 characters: the newline after character 200,000 is at 200,999.
  const text = `${"y".repeat(999)}\n`.repeat(1_000);
  assert.equal(partOf(text, 0), 0);
  assert.equal(partOf(text, SOURCE_PART), 0);
  assert.equal(partOf(text, SOURCE_PART + 999), 0); // the newline itself
  assert.equal(partOf(text, SOURCE_PART + 1_000), 1);
  assert.equal(partOf(text, 2 * SOURCE_PART + 999), 1);
  assert.equal(partOf(text, text.length - 1), 4);
});

test("partOf: without a newline near, a part ends where its length does", () => {
  const text = "z".repeat(3 * SOURCE_PART + 10);
  assert.equal(partOf(text, SOURCE_PART - 1), 0);
  assert.equal(partOf(text, SOURCE_PART), 1);
  assert.equal(partOf(text, 3 * SOURCE_PART + 9), 3);
  // A newline 5,000 characters or more past the boundary is too far to end the part at.
  const far = `${"z".repeat(SOURCE_PART + 5_000)}\n${"z".repeat(SOURCE_PART)}`;
  assert.equal(partOf(far, SOURCE_PART), 1);
  const near = `${"z".repeat(SOURCE_PART + 4_999)}\n${"z".repeat(SOURCE_PART)}`;
  assert.equal(partOf(near, SOURCE_PART), 0);
  assert.equal(partOf(near, SOURCE_PART + 5_000), 1);
});

test("partOf: CRLF text parts at the LF; astral characters count as two units", () => {
  const crlf = `${"w".repeat(998)}\r\n`.repeat(1_000);
  assert.equal(partOf(crlf, SOURCE_PART + 999), 0);
  assert.equal(partOf(crlf, SOURCE_PART + 1_000), 1);
  const emoji = "😀".repeat(SOURCE_PART / 2 + 1); // 200,002 units
  assert.equal(partOf(emoji, SOURCE_PART + 1), 1);
});
