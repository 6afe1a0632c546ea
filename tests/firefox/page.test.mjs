// The page's core paths in Firefox: a pasted article, the five samples chosen in the file input
// and dropped on the page (a card each and the combined card), and the single-file build opened
// from disk. The same assertions as the Chromium tests of tests/page/ make on these paths; a
// screenshot of the five samples in target/page-artifacts/firefox-samples.png.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { artifact, root, samples, sentencesOf, singleFile } from "../page/helpers.mjs";
import { cardNames, chooseFiles, combinedCard, drop, onPage, paste, summaries, waitFor, withFirefox } from "./helpers.mjs";

let browser;
let url;
withFirefox((b, u) => ([browser, url] = [b, u]));

const byName = new Map(samples.map((s) => [s.name, s.text]));
const samplePaths = samples.map((s) => path.join(root, "tests/data/samples", s.name));

/** Every request went to the page's own origin (or is a blob: or data: URL of its own). */
function ownOrigin(requests, origin) {
  const others = requests.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u));
  assert.deepEqual(others, [], "requests to another origin");
}

/** Each card's sentences come from its own file; the combined card draws on several, with support. */
async function assertSamplesSummarized() {
  const all = await summaries(browser, 5);
  assert.deepEqual(await cardNames(browser), samples.map((s) => s.name), "a card per file, in order");
  for (const [i, summary] of all.entries()) {
    assert.ok(summary.length > 0, `${samples[i].name} has a summary`);
    for (const s of summary) assert.ok(samples[i].text.includes(s), `${samples[i].name} does not have: ${s}`);
  }
  const combined = await combinedCard(browser);
  assert.equal(combined.name, "All 5 documents together");
  assert.match(combined.meta, /^[\d,]+ words → \d+ · \d+% shorter · 3 of \d+ sentences, from \d of 5 documents · [\d.]+ ms$/);
  assert.equal(combined.sentences.length, 3, "the default length applies to the combined summary");
  for (const s of combined.sentences) {
    assert.ok(byName.has(s.source), `the source ${s.source} is one of the files`);
    assert.ok(byName.get(s.source).includes(s.text), `${s.source} does not have: ${s.text}`);
    assert.ok(s.support.includes(s.source), `${s.source} supports its own sentence: ${s.support}`);
    assert.match(s.supportText, new RegExp(`^Reported in ${s.support.length} of 5 sources: `));
  }
  assert.ok(new Set(combined.sentences.map((s) => s.source)).size >= 2, "drawn from one document only");
  assert.ok(
    combined.sentences.some((s) => s.support.length >= 3),
    `no sentence has three sources behind it: ${JSON.stringify(combined.sentences)}`,
  );
  assert.equal(combined.duplicates.length, 1, `one near-duplicate pair: ${combined.duplicates}`);
  assert.match(combined.duplicates[0], / are near duplicates \(similarity 0\.\d\d\)\.$/);
}

test("Firefox: a pasted article gets a card of its own sentences, in order", async () => {
  await onPage(browser, url, async (seen) => {
    const { text } = samples[2];
    await paste(browser, text);
    const [summary] = await summaries(browser, 1);
    assert.equal(summary.length, 3, "the default length is 3 sentences");
    const sentences = await sentencesOf(null, text);
    const at = summary.map((s) => sentences.indexOf(s));
    for (const [i, s] of summary.entries()) assert.ok(at[i] >= 0, `not a sentence of the input: ${s}`);
    assert.deepEqual(at, [...at].sort((a, b) => a - b), "summary sentences are in document order");
    const meta = await browser.executeScript(() => document.querySelector('[data-testid="doc"] .doc-meta').textContent);
    assert.match(meta, /^[\d,]+ words → \d+ · \d+% shorter · 3 of \d+ sentences · [\d.]+ ms$/);
    await waitFor(browser, () => document.getElementById("status").textContent === "Summary of Pasted text: 3 sentences.", "the status line");
    ownOrigin(seen.requests, url);
  });
});

test("Firefox: the five samples chosen in the file input: a card each and the combined card", async () => {
  await onPage(browser, url, async (seen) => {
    await chooseFiles(browser, samplePaths);
    await assertSamplesSummarized();
    ownOrigin(seen.requests, url);
    fs.writeFileSync(artifact("firefox-samples.png"), await browser.takeScreenshot(), "base64");
  });
});

test("Firefox: the five samples dropped on the page: a card each and the combined card", async () => {
  await onPage(browser, url, async (seen) => {
    await drop(browser, samples);
    await assertSamplesSummarized();
    ownOrigin(seen.requests, url);
  });
});

test("Firefox: the single-file build opened from disk summarizes a paste and dropped files, loading nothing", async () => {
  assert.ok(fs.existsSync(singleFile), `${singleFile} is missing: run scripts/build-page.sh`);
  const file = pathToFileURL(singleFile).href;
  await onPage(browser, file, async (seen) => {
    const { text } = samples[4];
    await paste(browser, text);
    const [summary] = await summaries(browser, 1);
    assert.equal(summary.length, 3);
    for (const s of summary) assert.ok(text.includes(s), `not from the input: ${s}`);
    await browser.executeScript(() => document.querySelector('[data-testid="clear"]').click());
    await drop(browser, samples);
    await assertSamplesSummarized();
    const others = seen.requests.filter((u) => u !== file && !u.startsWith("blob:") && !u.startsWith("data:"));
    assert.deepEqual(others, [], "requests besides the file itself");
  });
});
