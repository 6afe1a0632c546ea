// Accessibility: axe-core (node_modules/axe-core, a devDependency: injected here, never shipped)
// on the page with summaries shown (the samples: five cards and the combined one, a shaded source
// view open, the note on a pasted web address), in light and dark mode, at 1280 and 360 px wide,
// finds no serious or critical violation.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { open, paste, root, summaries, withBrowser } from "./helpers.mjs";

let browser;
let url;
const axeSource = fs.readFileSync(path.join(root, "node_modules/axe-core/axe.min.js"), "utf8");
withBrowser((b, u) => ([browser, url] = [b, u]));

/** What axe-core finds of impact serious or critical: "impact id: help (targets)". */
async function seriousViolations(page) {
  // eslint-disable-next-line no-undef
  const results = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("; ")})`);
}

for (const colorScheme of ["light", "dark"]) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    test(`axe-core, ${colorScheme} mode, ${viewport.width} px: no serious or critical violation`, async () => {
      const { context, page, seen } = await open(browser, url, { colorScheme, viewport });
      try {
        await paste(page, "https://example.org/news");
        await page.locator('[data-testid="url-note"]').waitFor();
        await page.locator("#shade").check();
        await page.locator('[data-testid="try-samples"]').click();
        await summaries(page, 5);
        await page.locator('[data-testid="combined-summary"] li').first().waitFor({ timeout: 20_000 });
        await page.locator('[data-testid="doc"] .source summary').first().click();
        await page.locator('[data-testid="doc"] .source-text mark').first().waitFor();
        await page.locator('[data-testid="doc"] .keywords button').first().waitFor();
        await page.emulateMedia({ colorScheme }); // as the context says: set again before the run
        // Injected through the DevTools protocol, which the page's script-src does not govern.
        await page.evaluate(axeSource);
        assert.deepEqual(await seriousViolations(page), []);
        // The check of the check: a button without a name is a critical violation it finds.
        await page.evaluate(() => document.querySelector("#docs").append(document.createElement("button")));
        assert.deepEqual(
          (await seriousViolations(page)).map((v) => v.split(":")[0]),
          ["critical button-name"],
        );
        assert.deepEqual(seen.errors, []);
      } finally {
        await context.close();
      }
    });
  }
}
