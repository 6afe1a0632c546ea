// www/format.js: word counts as the core counts them, and summaries as text and Markdown files.
// Run by scripts/test-js.sh: `node --test tests/unit/`.

import { test } from "node:test";
import assert from "node:assert/strict";

import {
  allSummaries,
  combinedMarkdown,
  combinedText,
  countWords,
  downloadName,
  number,
  plural,
  summaryMarkdown,
  summaryText,
} from "../../www/format.js";

const doc = {
  name: "report_[draft].md",
  sentences: [{ text: "  First   sentence,\r\nwith *stars*.  " }, { text: "Second <b>one</b> | #2 \\ `x`." }],
};

test("countWords: runs of letters and digits, each CJK character a word", () => {
  assert.equal(countWords(""), 0);
  assert.equal(countWords(" \r\n\t "), 0);
  assert.equal(countWords("Hello, world! It's 2024."), 5);
  assert.equal(countWords("state-of-the-art 3.14"), 6);
  assert.equal(countWords("日本語のテキスト"), 8);
  assert.equal(countWords("abc日本 def"), 4);
  assert.equal(countWords("שלום עולם مرحبا بالعالم"), 4);
  assert.equal(countWords("café naïve 👩‍👩‍👧 🎉"), 2);
  // A combining mark is not alphanumeric (as in Rust's char::is_alphanumeric): it splits a word.
  assert.equal(countWords("cafe\u0301s"), 2);
  assert.equal(countWords("one\r\ntwo\rthree\nfour"), 4);
});

test("summaryText: a sentence per line, whitespace inside each collapsed", () => {
  assert.equal(summaryText([]), "");
  assert.equal(summaryText(doc.sentences), "First sentence, with *stars*.\nSecond <b>one</b> | #2 \\ `x`.");
});

test("summaryMarkdown: the name a heading, a bullet per sentence, Markdown escaped", () => {
  assert.equal(
    summaryMarkdown(doc),
    [
      "# report\\_\\[draft\\].md",
      "",
      "- First sentence, with \\*stars\\*.",
      "- Second \\<b\\>one\\</b\\> \\| \\#2 \\\\ \\`x\\`.",
      "",
    ].join("\n"),
  );
  assert.equal(summaryMarkdown({ name: "empty", sentences: [] }, 3), "### empty\n\n_No sentences to summarize._\n");
});

const combined = {
  name: "All documents",
  sentences: [
    { text: "One\nline.", source: "a.txt" },
    { text: "Two.", source: "b_1.md" },
  ],
};

test("combinedText and combinedMarkdown: each sentence with its source", () => {
  assert.equal(combinedText(combined), "One line. (a.txt)\nTwo. (b_1.md)");
  assert.equal(
    combinedMarkdown(combined, 2),
    "## All documents\n\n- One line. _(a.txt)_\n- Two. _(b\\_1.md)_\n",
  );
  assert.equal(combinedText({ name: "x", sentences: [] }), "");
  assert.equal(combinedMarkdown({ name: "x", sentences: [] }), "# x\n\n_No sentences to summarize._\n");
});

test("allSummaries: Markdown, every document under one heading, the combined one first", () => {
  const other = { name: "b.txt", sentences: [{ text: "B." }] };
  assert.equal(
    allSummaries([doc, other], "md", combined),
    [
      "# Summaries",
      "",
      "## All documents\n\n- One line. _(a.txt)_\n- Two. _(b\\_1.md)_\n",
      "## report\\_\\[draft\\].md\n\n- First sentence, with \\*stars\\*.\n- Second \\<b\\>one\\</b\\> \\| \\#2 \\\\ \\`x\\`.\n",
      "## b.txt\n\n- B.\n",
    ].join("\n"),
  );
  assert.equal(allSummaries([], "md"), "# Summaries\n");
});

test("allSummaries: plain text, a section per document, underlined to 72 characters at most", () => {
  const long = { name: "n".repeat(100), sentences: [{ text: "L." }] };
  assert.equal(
    allSummaries([{ name: "b.txt", sentences: [{ text: "B." }] }, long], "txt", combined),
    [
      "All documents\n=============\nOne line. (a.txt)\nTwo. (b_1.md)\n",
      "b.txt\n=====\nB.\n",
      `${"n".repeat(100)}\n${"=".repeat(72)}\nL.\n`,
    ].join("\n"),
  );
  assert.equal(allSummaries([], "txt"), "");
});

test("number and plural: counts as the page writes them", () => {
  assert.equal(number(0), "0");
  assert.equal(number(1234), "1,234");
  assert.equal(number(1234567.5), "1,234,567.5");
  assert.equal(plural(1, "sentence"), "1 sentence");
  assert.equal(plural(0, "sentence"), "0 sentences");
  assert.equal(plural(2000, "word"), "2,000 words");
});

test("downloadName: the name without its extension, made safe for a file", () => {
  assert.equal(downloadName("report.html", "md"), "report-summary.md");
  assert.equal(downloadName("my notes (v2).final.TXT", "txt"), "my-notes-v2-.final-summary.txt");
  assert.equal(downloadName("Résumé 日本.md", "md"), "Résumé-日本-summary.md");
  assert.equal(downloadName("../../etc/passwd", "txt"), "..-..-etc-passwd-summary.txt");
  assert.equal(downloadName("", "md"), "text-summary.md");
  assert.equal(downloadName(".md", "md"), "text-summary.md");
  assert.equal(downloadName("🎉🎉.txt", "txt"), "--summary.txt");
});
