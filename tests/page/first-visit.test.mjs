// The page as a first-time reader meets it (issue 17): after a paste or a drop a summary sentence
// is on screen without scrolling, on a laptop and on a phone, and the focus goes where the news
// is; "Try the sample articles" shows the five samples, served and from the single file.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { artifact, assertCount, drop, onPage, paste, samples, singleFile, summaries, until, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

const VIEWPORTS = [
  { name: "1280", options: { viewport: { width: 1280, height: 800 } } },
  { name: "360", options: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
];

/**
 * The summary sentences (of the cards and of the combined card) wholly inside the viewport, once
 * any is: their texts. The page may scroll smoothly, so this waits for it.
 */
function sentencesInView(page) {
  return until(
    () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="summary"] li, [data-testid="combined-summary"] li')]
          .filter((li) => {
            const r = li.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
          })
          .map((li) => li.textContent),
      ).then((texts) => (texts.length ? texts : null)),
    "a summary sentence in the viewport",
  );
}

/** What has the focus: its data-testid or id, and the card it is in (data-testid and key). */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const card = el?.closest(".card");
    return { id: el?.dataset.testid ?? el?.id, card: card?.dataset.testid, key: card?.dataset.key };
  });

for (const { name, options } of VIEWPORTS) {
  test(`at ${name} px: after a paste, a summary sentence is in view and the caret stays`, async () => {
    await onPage(browser, url, options, async (page) => {
      await page.locator('[data-testid="input"]').focus();
      await paste(page, samples[3].text);
      const [summary] = await summaries(page, 1);
      const inView = await sentencesInView(page);
      assert.ok(inView.every((s) => summary.includes(s)), `${inView} not of the pasted text's summary`);
      // Still typing: the focus stays in the text area, and the status line says what came.
      assert.equal((await focused(page)).id, "input");
      const status = page.locator("#status");
      await until(async () => /^Summary of Pasted text: 3 sentences\.$/.test(await status.textContent()), "the status");
      await page.screenshot({ path: artifact(`first-paste-${name}.png`) });
    });
  });

  test(`at ${name} px: after dropping the five samples, the combined summary is in view, its heading focused`, async () => {
    await onPage(browser, url, options, async (page) => {
      await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
      await summaries(page, 5);
      const combined = page.locator('[data-testid="combined-summary"] li');
      await combined.first().waitFor({ timeout: 20_000 });
      const inView = await sentencesInView(page);
      const together = await combined.allTextContents();
      assert.ok(inView.some((s) => together.includes(s)), `no combined sentence in view: ${inView}`);
      assert.deepEqual(await focused(page), { id: "combined-name", card: "combined", key: undefined });
      await page.screenshot({ path: artifact(`first-drop-${name}.png`) });
    });
  });
}

test("at 360 px: one dropped file is brought into view, its heading focused", async () => {
  await onPage(browser, url, VIEWPORTS[1].options, async (page) => {
    await drop(page, [{ ...samples[2], type: "text/plain" }]);
    const [summary] = await summaries(page, 1);
    const inView = await sentencesInView(page);
    assert.ok(inView.every((s) => summary.includes(s)), `${inView}`);
    const { card, key } = await focused(page);
    assert.equal(card, "doc");
    assert.match(key, /^file-\d+$/);
  });
});

/** Clicks "Try the sample articles" and checks what a reader is shown: five cards, the combined one, the pair. */
async function trySamples(page) {
  await page.locator('[data-testid="try-samples"]').click();
  const cards = await summaries(page, 5);
  const names = await page.locator('[data-testid="doc"] .doc-name').allTextContents();
  assert.deepEqual(names, samples.map((s) => s.name));
  cards.forEach((summary, i) => {
    assert.equal(summary.length, 3, names[i]);
    for (const s of summary) assert.ok(samples[i].text.includes(s), `${s} is not from ${names[i]}`);
  });
  const combined = page.locator('[data-testid="combined"]');
  await combined.locator('[data-testid="combined-summary"] li').first().waitFor({ timeout: 20_000 });
  assert.equal(await combined.locator(".doc-name").textContent(), "All 5 documents together");
  await assertCount(combined.locator('[data-testid="duplicates"] li'), 1);
  const pair = await combined.locator('[data-testid="duplicates"] li').textContent();
  assert.match(pair, new RegExp(`^${samples[0].name} and ${samples[1].name} are near duplicates`));
  await assertCount(page.locator('[data-testid="duplicate-badge"]'), 2);
  await sentencesInView(page);
}

test("Try the sample articles: the five cards, the combined card, the near-duplicate pair", async () => {
  await onPage(browser, url, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await trySamples(page);
    await page.screenshot({ path: artifact("try-samples-1280.png") });
    // Again (once the page has said what it did): nothing added twice.
    await until(async () => /^Summarized 5 documents\.$/.test(await page.locator("#status").textContent()), "the status");
    await page.locator('[data-testid="try-samples"]').click();
    await until(async () => /already here/.test(await page.locator("#status").textContent()), "the status");
    await assertCount(page.locator('[data-testid="doc"]'), 5);
  });
});

test("Try the sample articles in the single-file build, opened from disk: nothing else loads", async () => {
  assert.ok(fs.existsSync(singleFile), `${singleFile} is missing: run scripts/build-page.sh`);
  const address = pathToFileURL(singleFile).href;
  await onPage(browser, address, { viewport: { width: 360, height: 740 }, isMobile: true }, async (page, seen) => {
    await trySamples(page);
    const others = seen.requests.filter((u) => u !== address && !u.startsWith("blob:"));
    assert.deepEqual(others, [], "requests besides the file itself");
  });
});
