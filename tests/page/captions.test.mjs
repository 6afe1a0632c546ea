// Picture and table captions on real page shapes (<figure>/<figcaption>, <picture> with a credit,
// caption paragraphs beside an image, a table <caption>): shown in the source, never a summary
// sentence, in any method or length.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { drop, fixtures, open, summaries, until, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

const PAGES = {
  "figure.html": [
    "The harbour bridge at dawn on Monday, the first day of traffic after the repairs.",
    "Workers on the bridge towers during the repairs last spring.",
  ],
  "inline.html": [
    "Readers in the new late-night reading room of the city library on Friday night.",
    "Opening hours of the reading room in the library, by day of the week",
  ],
};

for (const [name, captions] of Object.entries(PAGES)) {
  test(`${name}: no caption is ever a summary sentence, in every method and length`, async () => {
    const { context, page, seen } = await open(browser, url);
    try {
      const buffer = fs.readFileSync(path.join(fixtures, "captions", name));
      await drop(page, [{ name, type: "text/html", text: buffer.toString("utf8") }]);
      await summaries(page, 1);
      // The captions are in the text the page read: shown in the source, not dropped.
      await page.locator('[data-testid="doc"] .source').evaluate((el) => {
        el.open = true;
      });
      const source = await until(
        () => page.locator('[data-testid="doc"] .source-text').evaluate((el) => el.textContent),
        "the source text",
      );
      for (const c of captions) assert.ok(source.includes(c), `the source shows: ${c}`);
      const items = page.locator('[data-testid="summary"] li');
      for (const method of ["gisty", "lexrank", "textrank", "lead"]) {
        await page.locator("#method").selectOption(method);
        for (const n of ["1", "3", "5", "8"]) {
          await page.locator("#length-number").fill(n);
          const shown = await until(async () => {
            const texts = await items.allTextContents();
            const busy = await page.locator('[data-testid="doc"][aria-busy]').count();
            return !busy && texts.length > 0 && texts;
          }, `a ${method} summary of ${n}`);
          for (const c of captions) {
            assert.ok(!shown.some((s) => s.includes(c.slice(0, 40))), `${method}, ${n}: a caption was chosen: ${c}`);
          }
        }
      }
      assert.deepEqual(seen.errors, [], "errors in the page");
    } finally {
      await context.close();
    }
  });
}
