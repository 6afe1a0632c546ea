// What the page tests share: the browser, the served page, the samples, and ways to give the page
// text and files as a reader would.
//
// scripts/test-page.sh sets GISTY_URL (the served site, dist/www), GISTY_TEST_ROOT (the site
// bundled with the test build of the wasm), GISTY_SINGLE_FILE and GISTY_ARTIFACTS; run alone
// after scripts/build-page.sh and the steps of test-page.sh that make target/www-test
// (`node --test tests/page/`), the tests serve dist/www and target/www-test here.

import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before } from "node:test";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";
import { start } from "../../scripts/static-server.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixtures = path.join(root, "tests/page/fixtures");
export const artifacts = process.env.GISTY_ARTIFACTS ?? path.join(root, "target/page-artifacts");
export const singleFile = process.env.GISTY_SINGLE_FILE ?? path.join(root, "dist/gisty.html");
/** The built site that pageUrl serves, and the list of the files the build wrote there. */
export const site = path.join(root, "dist/www");
export const siteFiles = () => JSON.parse(fs.readFileSync(path.join(root, "dist/www-files.json"), "utf8"));

const samplesDir = path.resolve(root, "tests/data/samples");
/** The five sample articles: { name, text }, by name. */
export const samples = fs
  .readdirSync(samplesDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(samplesDir, name), "utf8") }));


let served;
/** The served page's address: GISTY_URL, or dist/www served here for this test file. */
export async function pageUrl() {
  if (process.env.GISTY_URL) return process.env.GISTY_URL;
  assert.ok(fs.existsSync(path.join(site, "index.html")), `${site} is missing: run scripts/build-page.sh`);
  served ??= start({ root: site, port: 0 });
  const { server, url } = await served;
  server.unref(); // closeAll closes it; unref'd, a test file that forgot to does not hang
  return url;
}

let servedTest;
/**
 * The address of the site bundled with the test build of the wasm (which exports __testPanic):
 * GISTY_TEST_ROOT, else target/www-test, served here.
 */
export async function testPageUrl() {
  const dir = process.env.GISTY_TEST_ROOT ?? path.join(root, "target/www-test");
  assert.ok(fs.existsSync(path.join(dir, "worker.js")), `${dir} is missing: scripts/test-page.sh makes it`);
  servedTest ??= start({ root: dir, port: 0 });
  const { server, url } = await servedTest;
  server.unref();
  return url;
}

/**
 * Closes what this test file started: the servers pageUrl and testPageUrl started here, and
 * `browser` (with its contexts), if given. Each test file calls it from after(), so that nothing
 * it started outlives it.
 */
export async function closeAll(browser) {
  await browser?.close();
  const servers = [served, servedTest].filter(Boolean);
  served = servedTest = undefined;
  await Promise.all(
    servers.map(async (starting) => {
      const { server } = await starting;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }),
  );
}

/**
 * One browser and the served page for a test file's tests: before them, `ready(browser, url)`;
 * after them, closeAll. Call it once at the top level of the file.
 */
export function withBrowser(ready) {
  let browser;
  before(async () => {
    const url = await pageUrl();
    browser = await launch();
    ready(browser, url);
  });
  after(() => closeAll(browser));
}

/** Headless Chromium (playwright's launch gives it a fresh profile, deleted when it closes). */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens `url` in a new context and waits until the summarizer is ready. Returns the page with
 * what it saw: every request, page and console errors, and Content-Security-Policy violations
 * ("directive blocked-uri").
 */
export async function open(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const seen = { requests: [], errors: [], violations: [] };
  page.on("request", (request) => seen.requests.push(request.url()));
  page.on("pageerror", (error) => seen.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (/^CSP violation: /.test(text)) seen.violations.push(text.slice(15));
    else if (!/Content Security Policy/.test(text)) seen.errors.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.state === "ready", null, {
    timeout: 20_000,
  });
  return { context, page, seen };
}

/**
 * Opens `url` (as open() does) with `contextOptions`, runs `body(page, seen, context)`, checks
 * that the page had no error and no Content-Security-Policy violation, and closes the context.
 */
export async function onPage(browser, url, contextOptions, body) {
  const { context, page, seen } = await open(browser, url, contextOptions);
  try {
    await body(page, seen, context);
    assert.deepEqual(seen.errors, [], "errors in the page");
    assert.deepEqual(seen.violations, [], "Content-Security-Policy violations");
  } finally {
    await context.close();
  }
}

/**
 * The violations that reading an HTML file with inline handlers and a <base> causes: the page's
 * policy also governs the inert document DOMParser makes, and reports what it blocks there.
 */
export const INERT_HTML_VIOLATIONS = /^(script-src-attr inline|base-uri https:\/\/example\.org\/)$/;

/** Types nothing: sets the text area as a paste does, in one input event. */
export async function paste(page, text) {
  await page.locator('[data-testid="input"]').fill(text);
}

/**
 * Drops files on the page as a drag from the desktop does: a DataTransfer holding Files, in
 * dragenter, dragover and drop events. Each file: { name, text } or { name, bytes: Buffer }.
 */
export async function drop(page, files) {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type ?? "",
    text: f.text,
    base64: f.bytes ? Buffer.from(f.bytes).toString("base64") : undefined,
  }));
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const content = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : f.text;
      dt.items.add(new File([content], f.name, { type: f.type }));
    }
    for (const type of ["dragenter", "dragover", "drop"]) {
      const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt });
      document.body.dispatchEvent(event);
    }
  }, payload);
}

/** The summary sentences of every document card, once each card has one: [[text]] in card order. */
export async function summaries(page, count) {
  const docs = page.locator('[data-testid="doc"]');
  await assertCount(docs, count);
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('[data-testid="doc"]')].filter(
        (d) => !d.hasAttribute("aria-busy") && d.querySelector('[data-testid="summary"] li'),
      ).length === n,
    count,
    { timeout: 20_000 },
  );
  return page.$$eval('[data-testid="doc"]', (cards) =>
    cards.map((c) => [...c.querySelectorAll('[data-testid="summary"] li')].map((li) => li.textContent)),
  );
}

/** Polls `check` (async) until it returns something truthy, up to 20 s; returns that. */
export async function until(check, what) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits (up to 20 s) until `locator` matches `n` elements. */
export async function assertCount(locator, n) {
  const deadline = Date.now() + 20_000;
  let have = await locator.count();
  while (have !== n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    have = await locator.count();
  }
  assert.equal(have, n, `expected ${n} of ${locator}, found ${have}`);
}

let englishBuild;
/**
 * The sentences of `text` as the page's wasm segments them: its English build (www/pkg, which
 * the page's worker bundles), run here in Node. (`page` is unused: kept for the callers.)
 */
export async function sentencesOf(_page, text) {
  englishBuild ??= (async () => {
    const dir = path.join(root, "www/pkg");
    // As a data: URL: the glue is an ES module in a folder whose package.json does not say so.
    const source = fs.readFileSync(path.join(dir, "gisty.js"));
    const gisty = await import(`data:text/javascript;base64,${source.toString("base64")}`);
    gisty.initSync({ module: fs.readFileSync(path.join(dir, "gisty_bg.wasm")) });
    return gisty;
  })();
  return (await englishBuild).rank(text).map((s) => s.text);
}

/** A valid 2x2 PNG image, made here. */
export function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function artifact(name) {
  fs.mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}
