// Several documents together: the combined card on top (each sentence linked to its source
// card), near-duplicate documents marked, the focus box, key phrases on every card.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { assertCount, drop, open, paste, samples, summaries, until, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

async function onPage(body, contextOptions = {}) {
  const { context, page, seen } = await open(browser, url, contextOptions);
  try {
    await body(page, seen);
    assert.deepEqual(seen.errors, [], "errors in the page");
    assert.deepEqual(seen.violations, [], "Content-Security-Policy violations");
  } finally {
    await context.close();
  }
}

const combinedCard = (page) => page.locator('[data-testid="combined"]');

/**
 * The combined summary once it is shown (and, with `focus`, made with that focus): its sentences
 * as { text, source, score, rank }, in the order shown.
 */
async function combinedSentences(page, { focus = "" } = {}) {
  await page.waitForFunction(
    (focus) => {
      const card = document.querySelector('[data-testid="combined"]');
      return (
        !card.hidden &&
        !card.hasAttribute("aria-busy") &&
        card.dataset.focus === focus &&
        card.querySelector('[data-testid="combined-summary"] li')
      );
    },
    focus,
    { timeout: 20_000 },
  );
  return page.$$eval('[data-testid="combined-summary"] li', (items) =>
    items.map((li) => ({
      text: li.querySelector(".sentence").textContent,
      source: li.querySelector('[data-testid="source-link"]').textContent,
      support: [...li.querySelectorAll('[data-testid="support"] .source-link')].map((b) => b.textContent),
      supportText: li.querySelector('[data-testid="support"]')?.textContent ?? "",
      score: Number(li.dataset.score),
      rank: Number(li.dataset.rank),
    })),
  );
}

/** The sentence the summarizer ranked highest: data-rank="1", which is the highest data-score. */
function best(sentences) {
  const top = sentences.find((s) => s.rank === 1);
  assert.ok(top, "a sentence ranked 1");
  assert.equal(top.score, Math.max(...sentences.map((s) => s.score)), "rank 1 has the highest score");
  return top;
}

const byName = new Map(samples.map((s) => [s.name, s.text]));

test("five samples: a combined card on top, each sentence from the document it names", async () => {
  await onPage(async (page) => {
    await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
    await summaries(page, 5);
    const sentences = await combinedSentences(page);
    assert.equal(await combinedCard(page).locator(".doc-name").textContent(), "All 5 documents together");
    assert.equal(sentences.length, 3, "the length setting (3 sentences) applies to the combined summary");
    for (const s of sentences) {
      assert.ok(byName.has(s.source), `the source ${s.source} is one of the files`);
      assert.ok(byName.get(s.source).includes(s.text), `${s.source} does not have: ${s.text}`);
    }
    const sources = new Set(sentences.map((s) => s.source));
    assert.ok(sources.size >= 2, `the combined summary draws on ${sources.size} document only`);
    // Each sentence names the sources that report it (the core's support), its own among them,
    // each a link; the story's main facts have three or more behind them.
    for (const s of sentences) {
      assert.ok(s.support.includes(s.source), `${s.source} supports its own sentence: ${s.support}`);
      assert.match(s.supportText, new RegExp(`^Reported in ${s.support.length} of 5 sources: `));
      for (const name of s.support) assert.ok(byName.has(name), name);
    }
    assert.ok(
      sentences.some((s) => s.support.length >= 3),
      `no sentence has three sources behind it: ${JSON.stringify(sentences)}`,
    );

    // On top: above every document card.
    const top = (await combinedCard(page).boundingBox()).y;
    const first = (await page.locator('[data-testid="doc"]').first().boundingBox()).y;
    assert.ok(top < first, "the combined card is above the cards");
    assert.match(
      await combinedCard(page).locator(".doc-meta").textContent(),
      /^[\d,]+ words → \d+ · \d+% shorter · 3 of \d+ sentences, from \d of 5 documents · [\d.]+ ms$/,
    );
  });
});

test("a source link brings its card into view, its source open at the sentence", async () => {
  await onPage(
    async (page) => {
      await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
      await summaries(page, 5);
      const sentences = await combinedSentences(page);
      // The sentence from the card lowest on the page, out of view until the link is followed.
      const last = sentences.at(-1);
      const card = page.locator('[data-testid="doc"]', {
        has: page.locator(".doc-name", { hasText: last.source }),
      });
      const inView = () =>
        card.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.top < innerHeight / 2;
        });
      assert.equal(await inView(), false, `${last.source}'s card is in view before the link is followed`);

      const link = page.locator('[data-testid="source-link"]').last();
      assert.equal(await link.textContent(), last.source);
      await link.click();
      await until(inView, `${last.source}'s card in view`);
      assert.equal(await card.evaluate((el) => el.querySelector("details.source").open), true);
      const target = card.locator(".source-text .target");
      assert.equal(await target.textContent(), last.text, "the sentence is marked in the source");
      const visible = await target.evaluate((mark) => {
        const box = mark.closest(".source-text").getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      });
      assert.ok(visible, "the marked sentence is scrolled into the source's view");
      assert.equal(await card.evaluate((el) => el === document.activeElement), true, "focus moves to the card");
      assert.equal(await card.evaluate((el) => el.classList.contains("flash")), true, "the card is highlighted");

      // Another link moves the mark: one target on the page at a time.
      await page.locator('[data-testid="source-link"]').first().click();
      await assertCount(page.locator(".source-text .target"), 1);
    },
    { reducedMotion: "reduce" },
  );
});

test("near duplicates: listed on the combined card, a badge on each of the two cards only", async () => {
  await onPage(async (page) => {
    await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
    await summaries(page, 5);
    await combinedSentences(page);
    const [a, b] = [samples[0].name, samples[1].name];
    const listed = await page.locator('[data-testid="duplicates"] li').allTextContents();
    assert.equal(listed.length, 1, listed.join("\n"));
    assert.match(listed[0], new RegExp(`^${a.replace(".", "\\.")} and ${b.replace(".", "\\.")} are near duplicates \\(similarity 0\\.\\d\\d\\)\\.$`));

    const badged = await page.$$eval('[data-testid="doc"]', (cards) =>
      cards.filter((c) => c.querySelector('[data-testid="duplicate-badge"]')).map((c) => c.querySelector(".doc-name").textContent),
    );
    assert.deepEqual(badged, [a, b], "the badge is on 000_… and 001_…, and on no other card");
    const badge = page.locator('[data-testid="duplicate-badge"]').first();
    assert.equal(await badge.isVisible(), true);
    assert.equal(await badge.textContent(), `Near duplicate of ${b}`);

    // Without one of the pair, no duplicates and no badges.
    await page.locator('[data-testid="doc"]').nth(1).getByRole("button", { name: /^Remove/ }).click();
    await until(async () => (await combinedCard(page).locator(".doc-name").textContent()) === "All 4 documents together", "4 documents");
    await combinedSentences(page);
    await assertCount(page.locator('[data-testid="duplicate-badge"]'), 0);
    assert.equal(await page.locator('[data-testid="duplicates"]').isVisible(), false);
  });
});

test("the focus box steers every summary: 'frozen Russian assets' puts the assets sentence first", async () => {
  await onPage(async (page) => {
    await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
    await summaries(page, 5);
    const before = best(await combinedSentences(page));
    assert.doesNotMatch(before.text, /assets/i, "without a focus, the best sentence is another");

    const focus = page.locator('[data-testid="focus"]');
    assert.equal(await focus.evaluate((el) => el.labels[0]?.textContent.trim()), "Focus on", "a labelled box");
    await focus.pressSequentially("frozen Russian assets", { delay: 20 });
    const focused = await combinedSentences(page, { focus: "frozen Russian assets" });
    const top = best(focused);
    assert.match(top.text, /assets/i, `the highest-ranked sentence of the combined summary: ${top.text}`);
    assert.ok(byName.get(top.source).includes(top.text));
    // Every card is summarized again with the focus.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="doc"]')].every(
        (d) => d.dataset.focus === "frozen Russian assets" && !d.hasAttribute("aria-busy"),
      ),
    );

    // Emptied, the summaries are the plain ones again.
    await focus.fill("");
    const plain = await combinedSentences(page, { focus: "" });
    assert.equal(best(plain).text, before.text);
  });
});

test("key phrases: chips on every card and on the combined card; a chip sets the focus", async () => {
  await onPage(async (page) => {
    await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
    await summaries(page, 5);
    await combinedSentences(page);
    const chipsOf = (card) => card.locator('[data-testid="keywords"] button');
    await until(async () => {
      const counts = await page.$$eval('[data-testid="doc"]', (cards) =>
        cards.map((c) => c.querySelectorAll('[data-testid="keywords"] button').length),
      );
      return counts.length === 5 && counts.every((n) => n >= 3 && n <= 8);
    }, "3 to 8 key phrases on each card");
    const all = await until(async () => {
      const texts = await chipsOf(combinedCard(page)).allTextContents();
      return texts.length >= 3 && texts;
    }, "key phrases on the combined card");
    assert.ok(all.length <= 8);
    assert.ok(all.includes("Ukraine"), `the set's key phrases: ${all.join(", ")}`);
    for (const [i, s] of samples.entries()) {
      const phrases = await chipsOf(page.locator('[data-testid="doc"]').nth(i)).allTextContents();
      for (const p of phrases) assert.ok(s.text.includes(p), `${s.name}: ${p} is not in the text`);
    }

    const chip = chipsOf(combinedCard(page)).filter({ hasText: /^Ukraine$/ });
    await chip.click();
    assert.equal(await page.locator('[data-testid="focus"]').inputValue(), "Ukraine");
    await combinedSentences(page, { focus: "Ukraine" });
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    await chip.click();
    assert.equal(await page.locator('[data-testid="focus"]').inputValue(), "");
    await combinedSentences(page, { focus: "" });
  });
});

test("the combined card needs two documents: pasted text counts as one", async () => {
  await onPage(async (page) => {
    await paste(page, samples[2].text);
    await summaries(page, 1);
    await page.waitForTimeout(400);
    assert.equal(await combinedCard(page).isVisible(), false, "one document: no combined card");

    await drop(page, [{ ...samples[3], type: "text/plain" }]);
    await summaries(page, 2);
    const sentences = await combinedSentences(page);
    assert.equal(await combinedCard(page).locator(".doc-name").textContent(), "All 2 documents together");
    for (const s of sentences) {
      const text = s.source === "Pasted text" ? samples[2].text : byName.get(s.source);
      assert.ok(text?.includes(s.text), `${s.source}: ${s.text}`);
    }

    // Settings apply to it live, and a stale answer never replaces a newer one.
    const items = page.locator('[data-testid="combined-summary"] li');
    for (const n of ["1", "7", "2", "5"]) await page.locator("#length-number").fill(n);
    await assertCount(items, 5);
    await page.waitForTimeout(500);
    await assertCount(items, 5);

    await page.locator('[data-testid="doc"]').nth(1).getByRole("button", { name: /^Remove/ }).click();
    await until(async () => !(await combinedCard(page).isVisible()), "the combined card hidden");
    await page.locator('[data-testid="input"]').fill("");
    await assertCount(page.locator('[data-testid="doc"]'), 0);
  });
});

test("export all starts with the combined summary, each sentence with its source", async () => {
  await onPage(
    async (page) => {
      await drop(page, samples.slice(2).map((s) => ({ ...s, type: "text/plain" })));
      await summaries(page, 3);
      const sentences = await combinedSentences(page);
      const read = async (download) => fs.readFileSync(await download.path(), "utf8");

      let [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-md").click()]);
      const md = await read(download);
      const sections = md.match(/^## .*$/gm);
      assert.deepEqual(sections, ["## All 3 documents together", ...samples.slice(2).map((s) => `## ${s.name.replaceAll("_", "\\_")}`)]);
      const together = md.split(/^## /m)[1].split("\n").filter((l) => l.startsWith("- "));
      assert.equal(together.length, sentences.length);
      for (const [i, line] of together.entries()) {
        assert.ok(line.endsWith(`_(${sentences[i].source.replaceAll("_", "\\_")})_`), line);
      }

      [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-txt").click()]);
      const txt = await read(download);
      assert.ok(txt.startsWith("All 3 documents together\n"), txt.slice(0, 80));
      for (const s of sentences) assert.ok(txt.includes(`${s.text} (${s.source})`), s.text);

      const combined = combinedCard(page);
      await combined.getByRole("button", { name: "Copy" }).click();
      await combined.getByRole("button", { name: "Copied" }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, sentences.map((s) => `${s.text} (${s.source})`).join("\n"));
    },
    { permissions: ["clipboard-read", "clipboard-write"], acceptDownloads: true },
  );
});
