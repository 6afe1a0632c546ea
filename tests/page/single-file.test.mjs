// The single-file build, dist/gisty.html, opened from disk as a double-click opens it: the wasm,
// the worker and the scripts all come from the one file, under its own strict policy.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { artifact, closeAll, drop, fixtures, launch, open, paste, samples, singleFile, summaries } from "./helpers.mjs";

let browser;

before(async () => {
  assert.ok(fs.existsSync(singleFile), `${singleFile} is missing: run scripts/build-page.sh`);
  browser = await launch();
});

after(async () => {
  await closeAll(browser);
});

test("opened with file://, it summarizes pasted text and loads nothing else", async () => {
  const url = pathToFileURL(singleFile).href;
  const { context, page, seen } = await open(browser, url);
  try {
    await paste(page, samples[4].text);
    const [summary] = await summaries(page, 1);
    assert.equal(summary.length, 3);
    for (const s of summary) assert.ok(samples[4].text.includes(s), `not from the input: ${s}`);
    const card = page.locator('[data-testid="doc"]');
    await card.locator(".source summary").click();
    await card.locator(".source-text mark").first().waitFor();
    assert.deepEqual(await card.locator(".source-text mark").allTextContents(), summary);
    await page.screenshot({ path: artifact("single-file.png"), fullPage: true });

    const others = seen.requests.filter((u) => u !== url && !u.startsWith("blob:"));
    assert.deepEqual(others, [], "requests besides the file itself");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.violations, [], "Content-Security-Policy violations");
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(policy, /script-src 'sha256-[\w+/=]+' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /unsafe-inline|\*|https?:/);
  } finally {
    await context.close();
  }
});

test("opened with file://, several files: the combined card, key phrases and the focus work", async () => {
  const url = pathToFileURL(singleFile).href;
  const { context, page, seen } = await open(browser, url);
  try {
    await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
    await summaries(page, 5);
    await page.locator('[data-testid="focus"]').fill("frozen Russian assets");
    await page.waitForFunction(() => {
      const card = document.querySelector('[data-testid="combined"]');
      return (
        !card.hidden &&
        card.dataset.focus === "frozen Russian assets" &&
        card.querySelector('[data-testid="combined-summary"] li') &&
        card.querySelector('[data-testid="keywords"] button')
      );
    });
    const top = await page.locator('[data-testid="combined-summary"] li[data-rank="1"] .sentence').textContent();
    assert.match(top, /assets/);
    assert.equal(await page.locator('[data-testid="duplicate-badge"]').count(), 2);
    const others = seen.requests.filter((u) => u !== url && !u.startsWith("blob:"));
    assert.deepEqual(others, [], "requests besides the file itself");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.violations, []);
  } finally {
    await context.close();
  }
});

test("opened with file://, French: the all-languages build is inline too, and the card says French", async () => {
  const url = pathToFileURL(singleFile).href;
  const { context, page, seen } = await open(browser, url);
  try {
    const french = fs.readFileSync(path.join(fixtures, "languages/tramway-lyon.fr.txt"), "utf8");
    await paste(page, french);
    await summaries(page, 1);
    const card = page.locator('[data-testid="doc"]');
    // Chosen on the card (detected too, where the binding detects): either way the other build.
    await card.locator('[data-testid="language-select"]').selectOption("fr");
    await page.waitForFunction(
      (el) => el.dataset.language === "fr" && !el.hasAttribute("aria-busy") && el.querySelector(".summary li"),
      await card.elementHandle(),
      { timeout: 20_000 },
    );
    assert.equal(await card.locator('[data-testid="language"]').textContent(), "French");
    const [summary] = await summaries(page, 1);
    for (const s of summary) assert.ok(french.includes(s), `not from the input: ${s}`);
    const others = seen.requests.filter((u) => u !== url && !u.startsWith("blob:"));
    assert.deepEqual(others, [], "requests besides the file itself");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.violations, []);
  } finally {
    await context.close();
  }
});

test("the single file has no module, worker or wasm file beside it to load", () => {
  const html = fs.readFileSync(singleFile, "utf8");
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet|import\s*\(|from\s+["']\.\//);
});
