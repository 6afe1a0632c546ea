// Screenshots of the page with summaries, for a person to look at (target/page-artifacts/): wide
// and light, wide and dark, and 360 px wide, where nothing may stick out sideways; the same for the
// combined card of the five samples.

import { test } from "node:test";
import assert from "node:assert/strict";
import { artifact, drop, open, paste, png, samples, summaries, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

/** The page as a reader leaves it: a pasted article, two files, a bad file, a source open. */
async function filled(page) {
  await paste(page, samples[2].text);
  await summaries(page, 1);
  await drop(page, [
    { ...samples[4], type: "text/plain" },
    { name: "holiday-photo.png", bytes: png(), type: "image/png" },
  ]);
  await summaries(page, 2);
  await page.locator('[data-testid="error"]').waitFor();
  await page.locator('[data-testid="doc"] .source summary').first().click();
  await page.locator('[data-testid="doc"] .source-text mark').first().waitFor();
}

for (const [name, options] of [
  ["page.png", { colorScheme: "light" }],
  ["page-dark.png", { colorScheme: "dark" }],
  ["page-360.png", { colorScheme: "light", viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }],
]) {
  test(`screenshot ${name}`, async () => {
    const { context, page, seen } = await open(browser, url, options);
    try {
      await filled(page);
      if (name === "page-360.png") {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `the page is ${width} px wide at 360 px`);
      }
      await page.screenshot({ path: artifact(name), fullPage: true });
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.violations, []);
    } finally {
      await context.close();
    }
  });
}

for (const [name, options] of [
  ["combined.png", { colorScheme: "light" }],
  ["combined-dark.png", { colorScheme: "dark" }],
  ["combined-360.png", { colorScheme: "light", viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }],
]) {
  test(`screenshot ${name}: the five samples together, a duplicate pair, a focus`, async () => {
    const { context, page, seen } = await open(browser, url, options);
    try {
      await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
      await summaries(page, 5);
      await page.locator('[data-testid="focus"]').fill("frozen Russian assets");
      await page.waitForFunction(() => {
        const card = document.querySelector('[data-testid="combined"]');
        return card.dataset.focus === "frozen Russian assets" && !card.hasAttribute("aria-busy") &&
          card.querySelectorAll('[data-testid="keywords"] button').length > 0;
      });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="doc"]')].every(
          (d) => d.dataset.focus === "frozen Russian assets" && d.querySelector('[data-testid="keywords"] button'),
        ),
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const viewport = page.viewportSize().width;
      assert.ok(width <= viewport, `the page is ${width} px wide at ${viewport} px`);
      await page.locator('[data-testid="combined"]').screenshot({ path: artifact(name) });
      await page.screenshot({ path: artifact(name.replace(".png", "-page.png")), fullPage: true });
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.violations, []);
    } finally {
      await context.close();
    }
  });
}

test("screenshot page-shaded.png: every sentence shaded by its score", async () => {
  const { context, page } = await open(browser, url);
  try {
    await paste(page, samples[0].text);
    await summaries(page, 1);
    await page.locator('[data-testid="doc"] .source summary').click();
    await page.locator("#shade").check();
    await page.locator(".source-text .scored").first().waitFor();
    await page.locator('[data-testid="doc"]').screenshot({ path: artifact("page-shaded.png") });
  } finally {
    await context.close();
  }
});
