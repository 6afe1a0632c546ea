// What a reader's browser loads from the built page (dist/www, scripts/build-page.sh) until the
// first summary: an English reader who pastes an English article, and a French reader who
// pastes a French one (detected where the binding detects, else corrected on the card, as such a
// reader would). Prints every file with its gzip -9 size, and the totals.
// usage: node scripts/page-loads.mjs
// A report, not a test: the network test (tests/page/network.test.mjs) holds the rules.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";
import { start } from "./static-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const site = path.join(root, "dist/www");
if (!fs.existsSync(path.join(site, "index.html"))) {
  console.error("page-loads: dist/www is missing: run scripts/build-page.sh");
  process.exit(1);
}
const english = fs.readFileSync(path.join(root, "tests/data/samples", fs.readdirSync(path.join(root, "tests/data/samples")).filter((f) => f.endsWith(".txt")).sort()[0]), "utf8");
const french = fs.readFileSync(path.join(root, "tests/page/fixtures/languages/tramway-lyon.fr.txt"), "utf8");

const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(site, file)), { level: 9 }).length;
const kB = (n) => (n / 1000).toFixed(1);

const { server, url } = await start({ root: site, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

async function reader(label, text, code) {
  const context = await browser.newContext();
  const files = [];
  context.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(url).origin) files.push(u.pathname === "/" ? "index.html" : u.pathname.slice(1));
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.state === "ready");
  await page.locator('[data-testid="input"]').fill(text);
  const card = page.locator('[data-testid="doc"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="doc"] .summary li'));
  if ((await card.getAttribute("data-language")) !== code) {
    await card.locator('[data-testid="language-select"]').selectOption(code);
  }
  await page.waitForFunction(
    (code) => {
      const el = document.querySelector('[data-testid="doc"]');
      return el.dataset.language === code && !el.hasAttribute("aria-busy") && el.querySelector(".summary li");
    },
    code,
  );
  await context.close();
  // Once each: the chunks the page and its worker share are fetched by both (cached after).
  const unique = [...new Set(files)];
  const rows = unique.map((f) => [f, gz(f)]);
  const total = rows.reduce((n, [, b]) => n + b, 0);
  console.log(`\n${label}: ${unique.length} files, ${kB(total)} kB gzipped`);
  for (const [f, b] of rows) console.log(`  ${f.padEnd(34)} ${kB(b).padStart(7)} kB`);
  return total;
}

try {
  const en = await reader("An English reader (English article pasted, first summary)", english, "en");
  const fr = await reader("A French reader (French article pasted, first summary in French)", french, "fr");
  console.log(`\nThe French reader loads ${kB(fr - en)} kB more (gzipped) than the English one.`);
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
