// Why this sentence (issue 17.3): every summary sentence, of a document's card and of the
// combined card, has a "why" control (a button with aria-expanded, and aria-controls naming the
// panel it reveals) that the keyboard opens and closes, and the panel says in words and numbers
// what the core's explanation says: the same lines as why.js's reasons() on the summary the
// all-languages build explains, run here in Node.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { artifact, onPage, paste, root, samples, singleFile, summaries, withBrowser } from "./helpers.mjs";
import { reasons } from "../../www/why.js";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

/** The all-languages build (www/pkg-all, the one the page's worker explains with), in Node. */
async function explainingBuild() {
  const dir = path.join(root, "www/pkg-all");
  const source = fs.readFileSync(path.join(dir, "gisty.js"));
  const gisty = await import(`data:text/javascript;base64,${source.toString("base64")}`);
  gisty.initSync({ module: fs.readFileSync(path.join(dir, "gisty_bg.wasm")) });
  return gisty;
}

/** The "why" button of `item` and the element its aria-controls names. */
async function control(page, item) {
  const why = item.locator('[data-testid="why"]');
  assert.equal(await why.count(), 1, "one why control per sentence");
  assert.equal(await why.evaluate((b) => b.tagName), "BUTTON");
  const id = await why.getAttribute("aria-controls");
  assert.ok(id, "aria-controls names the panel");
  const panel = page.locator(`[id="${id}"]`);
  assert.equal(await panel.count(), 1, `no element #${id}`);
  assert.equal(await why.getAttribute("aria-expanded"), "false");
  assert.ok(await panel.isHidden(), "the panel starts hidden");
  assert.ok(((await why.getAttribute("aria-label")) ?? "").length > 0, "an accessible name");
  return { why, panel };
}

/** Opens the panel with the keyboard (focus, Enter) and waits for its reasons: their lines. */
async function openWithKeyboard(page, why, panel) {
  await why.focus();
  await page.keyboard.press("Enter");
  assert.equal(await why.getAttribute("aria-expanded"), "true");
  await panel.locator("p").first().waitFor({ timeout: 20_000 });
  assert.ok(await panel.isVisible());
  assert.equal(await panel.getAttribute("data-state"), "done");
  return panel.locator("p").allTextContents();
}

async function closeWithKeyboard(page, why, panel) {
  await why.focus();
  await page.keyboard.press("Space");
  assert.equal(await why.getAttribute("aria-expanded"), "false");
  assert.ok(await panel.isHidden(), "Space closes it again");
}

test("a pasted article: each sentence says why, in the core's numbers", async () => {
  const gisty = await explainingBuild();
  const text = samples[2].text;
  await onPage(browser, url, {}, async (page) => {
    await paste(page, text);
    const [shown] = await summaries(page, 1);
    const items = page.locator('[data-testid="doc"] [data-testid="summary"] li');
    // The control adds nothing to a sentence's text until it is opened.
    assert.deepEqual(await items.allTextContents(), shown);
    const expected = gisty.summarize(text, { explain: true });
    assert.deepEqual(shown, expected.sentences.map((s) => s.text), "the page's summary is the core's");
    for (let i = 0; i < shown.length; i += 1) {
      const { why, panel } = await control(page, items.nth(i));
      const lines = await openWithKeyboard(page, why, panel);
      assert.deepEqual(lines, reasons(expected.sentences[i]), `sentence ${i + 1}`);
      await closeWithKeyboard(page, why, panel);
    }
    // What the first sentence says, in words: its place, its centrality, what it beat.
    const { why, panel } = await control(page, items.first());
    const lines = await openWithKeyboard(page, why, panel);
    assert.match(lines[0], /^Score [\d.]+: 1st of \d+ sentences\.$/);
    assert.ok(lines.some((l) => /^1st sentence of the text \(lede\): position 1 × weight/.test(l)), lines.join("\n"));
    assert.ok(lines.some((l) => /^Centrality [\d.]+ \(the average sentence has 1\), \d+(st|nd|rd|th) of \d+/.test(l)));
    assert.ok(lines.some((l) => /^Preferred over sentence \d+ \(score [\d.]+: out of the length budget\)\.$/.test(l)));
    await page.locator('[data-testid="doc"]').first().screenshot({ path: artifact("why-1280.png") });
  });
});

test("the single-file build explains too, from its own bytes: nothing else loads", async () => {
  assert.ok(fs.existsSync(singleFile), `${singleFile} is missing: run scripts/build-page.sh`);
  const address = pathToFileURL(singleFile).href;
  await onPage(browser, address, {}, async (page, seen) => {
    await paste(page, samples[0].text);
    await summaries(page, 1);
    const { why, panel } = await control(page, page.locator('[data-testid="summary"] > li').first());
    const lines = await openWithKeyboard(page, why, panel);
    assert.match(lines[0], /^Score [\d.]+: \d+(st|nd|rd|th) of \d+ sentences\.$/);
    const others = seen.requests.filter((u) => u !== address && !u.startsWith("blob:"));
    assert.deepEqual(others, [], "requests besides the file itself");
  });
});

test("the combined card: concepts, the articles that report them, what each was preferred over", async () => {
  const gisty = await explainingBuild();
  await onPage(browser, url, {}, async (page) => {
    await page.locator('[data-testid="try-samples"]').click();
    await summaries(page, 5);
    const items = page.locator('[data-testid="combined"] [data-testid="combined-summary"] li');
    await items.first().waitFor({ timeout: 20_000 });
    const names = await page.locator('[data-testid="doc"] .doc-name').allTextContents();
    const expected = gisty.summarizeMany(
      samples.map((s) => s.text),
      { explain: true },
    );
    const texts = await items.locator(".sentence").allTextContents();
    assert.deepEqual(texts, expected.sentences.map((s) => s.text), "the page's combined summary is the core's");
    for (let i = 0; i < texts.length; i += 1) {
      const { why, panel } = await control(page, items.nth(i));
      const lines = await openWithKeyboard(page, why, panel);
      const s = expected.sentences[i];
      assert.deepEqual(lines, reasons(s, { names, documents: names.length }), `sentence ${i + 1}`);
      const covers = lines.find((l) => l.startsWith("Covers concepts "));
      assert.ok(covers, lines.join("\n"));
      assert.ok(covers.includes(`, in ${s.support.length} of 5 articles;`), covers);
      assert.ok(!lines.some((l) => /^Centrality|lede/.test(l)), "concept coverage has no centrality or lede part");
      await closeWithKeyboard(page, why, panel);
    }
  });
});
