// Nothing lost (issue 17): the pasted text (its first megabyte) and the settings survive a reload
// of the tab, in sessionStorage only; Clear forgets them; dropped files are not kept and the page
// says so; a web address alone is not summarized but answered with a note.

import { test } from "node:test";
import assert from "node:assert/strict";
import { assertCount, drop, onPage, paste, samples, summaries, until, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.state === "ready", null, { timeout: 20_000 });
}

/** The settings as the controls show them. */
const controls = (page) =>
  page.evaluate(() => ({
    mode: document.querySelector("#length-mode").value,
    length: document.querySelector("#length-number").value,
    method: document.querySelector("#method").value,
    focus: document.querySelector("#focus").value,
    shade: document.querySelector("#shade").checked,
  }));

/** Waits until the session is saved with `text` (the page saves a beat after a change). */
const savedText = (page, text) =>
  until(
    () => page.evaluate((t) => JSON.parse(sessionStorage.getItem("gisty:session") ?? "null")?.text === t, text),
    "the session saved",
  );

test("the pasted text and the settings survive a reload, and are summarized again; another tab has none", async () => {
  await onPage(browser, url, {}, async (page, _seen, context) => {
    await paste(page, samples[1].text);
    await page.locator("#method").selectOption("textrank");
    await page.locator("#length-mode").selectOption("words");
    await page.locator("#length-number").fill("60");
    await page.locator("#shade").check();
    await page.locator('[data-testid="focus"]').fill("Witkoff");
    await page.waitForTimeout(400);
    const settings = await controls(page);
    assert.deepEqual(settings, { mode: "words", length: "60", method: "textrank", focus: "Witkoff", shade: true });
    const [before] = await summaries(page, 1);
    await page.waitForFunction(() => document.querySelector('[data-testid="doc"]')?.dataset.focus === "Witkoff");
    const [withFocus] = await summaries(page, 1);
    await savedText(page, samples[1].text);

    await reload(page);
    assert.equal(await page.locator('[data-testid="input"]').inputValue(), samples[1].text);
    assert.deepEqual(await controls(page), settings);
    await page.waitForFunction(() => document.querySelector('[data-testid="doc"]')?.dataset.focus === "Witkoff", null, { timeout: 20_000 });
    assert.deepEqual(await summaries(page, 1), [withFocus]);
    assert.ok(before.length > 0);
    assert.equal(await page.locator('[data-testid="session-note"]').isVisible(), false);

    // sessionStorage is this tab's: a second tab starts empty.
    const other = await context.newPage();
    await other.goto(url);
    await other.waitForFunction(() => document.documentElement.dataset.state === "ready", null, { timeout: 20_000 });
    assert.equal(await other.locator('[data-testid="input"]').inputValue(), "");
    assert.equal(await other.locator('[data-testid="doc"]').count(), 0);
    await other.close();
  });
});

test("a reload right after a change keeps it: the page saves as it is left, not only after a pause", async () => {
  await onPage(browser, url, {}, async (page) => {
    await paste(page, samples[2].text);
    await summaries(page, 1);
    // No wait: the reload comes well within the pause after which the page saves.
    await page.locator('[data-testid="focus"]').fill("Zelensky");
    await page.locator("#method").selectOption("lexrank");
    await reload(page);
    const kept = await controls(page);
    assert.equal(kept.focus, "Zelensky");
    assert.equal(kept.method, "lexrank");
    assert.equal(await page.locator('[data-testid="input"]').inputValue(), samples[2].text);
  });
});

test("more than 1 MB pasted: the first megabyte is kept, and a note says the rest was not", async () => {
  await onPage(browser, url, {}, async (page) => {
    // 1.3 MB of the samples.
    let big = "";
    for (let i = 0; big.length < 1_300_000; i += 1) big += `${samples[i % 5].text}\n\n`;
    // What fits in 1,000,000 bytes of UTF-8, whole characters only (the samples have curly quotes).
    let bytes = 0;
    let end = 0;
    for (const ch of big) {
      if (bytes + Buffer.byteLength(ch) > 1_000_000) break;
      bytes += Buffer.byteLength(ch);
      end += ch.length;
    }
    // Set in one input event, as a paste does (fill would type it in many).
    await page.evaluate((text) => {
      const input = document.querySelector('[data-testid="input"]');
      input.value = text;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, big);
    await summaries(page, 1);
    const note = page.locator('[data-testid="session-note"]');
    await note.waitFor({ timeout: 20_000 });
    assert.match(await note.textContent(), /^Only the first 1 MB of this text is kept if the page is reloaded \([\d,]+ kB more is not\)\.$/);

    await until(() => page.evaluate(() => sessionStorage.getItem("gisty:session") !== null), "the session saved");
    await reload(page);
    const kept = await page.locator('[data-testid="input"]').inputValue();
    assert.equal(kept.length, end, "cut before the character that would cross 1,000,000 bytes");
    assert.equal(kept, big.slice(0, end));
    assert.match(
      await note.textContent(),
      /^Only the first 1 MB of the pasted text was kept across the reload \([\d,]+ kB more was not\)\.$/,
    );
    await summaries(page, 1);
  });
});

test("dropped files are not kept: after a reload the page says so, naming them", async () => {
  await onPage(browser, url, {}, async (page) => {
    await drop(page, samples.slice(2, 4).map((s) => ({ ...s, type: "text/plain" })));
    await summaries(page, 2);
    await until(
      () => page.evaluate(() => JSON.parse(sessionStorage.getItem("gisty:session") ?? "null")?.files?.length === 2),
      "the file names saved",
    );
    const stored = await page.evaluate(() => sessionStorage.getItem("gisty:session"));
    assert.ok(!stored.includes(samples[2].text.slice(0, 80)), "a file's text was kept");
    await reload(page);
    assert.equal(await page.locator('[data-testid="doc"]').count(), 0);
    const note = page.locator('[data-testid="session-note"]');
    assert.equal(
      await note.textContent(),
      `Files are not kept across a reload: drop them again (${samples[2].name}, ${samples[3].name}).`,
    );
  });
});

test("Clear empties the text box, the cards, the settings and what the tab keeps", async () => {
  await onPage(browser, url, {}, async (page) => {
    await paste(page, samples[0].text);
    await drop(page, [{ ...samples[4], type: "text/plain" }]);
    await page.locator("#method").selectOption("lexrank");
    await summaries(page, 2);
    await savedText(page, samples[0].text);
    await page.locator('[data-testid="clear"]').click();
    assert.equal(await page.locator('[data-testid="input"]').inputValue(), "");
    await assertCount(page.locator('[data-testid="doc"]'), 0);
    await until(async () => !(await page.locator('[data-testid="combined"]').isVisible()), "no combined card");
    assert.equal((await controls(page)).method, "gisty");
    await page.waitForTimeout(500); // past any pending save
    assert.equal(await page.evaluate(() => sessionStorage.getItem("gisty:session")), null);
    await reload(page);
    assert.equal(await page.locator('[data-testid="input"]').inputValue(), "");
    assert.equal(await page.locator('[data-testid="doc"]').count(), 0);
    assert.equal(await page.locator('[data-testid="session-note"]').isVisible(), false);
  });
});

test("a web address alone gets a note that the page cannot fetch it, and no request and no card", async () => {
  await onPage(browser, url, {}, async (page, seen) => {
    const before = seen.requests.length;
    await paste(page, "  https://example.org/news/florida-talks?id=7  ");
    const note = page.locator('[data-testid="url-note"]');
    await note.waitFor({ timeout: 5_000 });
    assert.match(await note.textContent(), /cannot fetch it: nothing leaves your machine\. Save the\s+page/);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('[data-testid="doc"]').count(), 0);
    assert.deepEqual(seen.requests.slice(before), []);
    // A text that mentions an address is a text.
    await paste(page, `See https://example.org/x for more. ${samples[3].text}`);
    await summaries(page, 1);
    assert.equal(await note.isVisible(), false);
  });
});
