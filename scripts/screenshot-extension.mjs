// The README's picture of the extension (docs/extension.png): a news page with the summary's
// sentences highlighted, and beside it the panel as Chromium's side panel shows it, the second
// sentence clicked. Taken with the tests' build (scripts/test-extension.sh makes it), whose panel
// is the shipped one: only its manifest differs.
// usage: node scripts/screenshot-extension.mjs [FILE]   (default docs/extension.png)

import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";
import { closeBrowser, launchWithExtension, openPanel, root, serve } from "../tests/extension/helpers.mjs";

const out = path.resolve(root, process.argv[2] ?? "docs/extension.png");
const served = await serve();
const ext = await launchWithExtension();
let shots;
try {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 820, height: 720 });
  await page.goto(`${served.url}/news.html`);
  const panel = await openPanel(ext, page);
  await panel.setViewportSize({ width: 380, height: 720 });
  await panel.locator(".sentence").nth(1).click();
  await page.waitForFunction(() => CSS.highlights.has("gisty-current"));
  await page.waitForTimeout(800); // the smooth scroll
  shots = [await page.screenshot(), await panel.screenshot()];
} finally {
  await closeBrowser(ext);
  served.server.close();
}

// Side by side, as the browser lays them out, in a plain page of data: URLs.
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1201, height: 720 } });
  const [left, right] = shots.map((b) => `data:image/png;base64,${b.toString("base64")}`);
  await page.setContent(
    `<body style="margin:0;display:flex;background:#888"><img src="${left}"><img src="${right}" style="margin-left:1px"></body>`,
  );
  await page.screenshot({ path: out });
} finally {
  await browser.close();
}
console.log(`screenshot-extension: ${path.relative(root, out)}`);
