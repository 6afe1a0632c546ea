// The privacy rule, as it stands: after load the page may fetch its own files from its own origin
// on first use (Readability when an HTML file arrives, the all-languages build when a text needs
// it); it never sends the reader's text or files anywhere and never contacts another origin.
// Every request the page or its worker makes must be a GET of a file the build wrote
// (dist/www-files.json), on the page's origin, with no body and no query string.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { INERT_HTML_VIOLATIONS, drop, fixtures, paste, png, root, samples, siteFiles, summaries, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

const french = fs.readFileSync(path.join(fixtures, "languages/tramway-lyon.fr.txt"), "utf8");

/**
 * Opens the page recording, in the whole browser context (the page and its worker), every
 * request with its method and body, and every WebSocket.
 */
async function openRecording() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const requests = [];
  const sockets = [];
  const errors = [];
  const violations = [];
  context.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() }));
  const page = await context.newPage();
  page.on("websocket", (ws) => sockets.push(ws.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /^CSP violation: /.test(m.text())) violations.push(m.text().slice(15));
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.state === "ready", null, { timeout: 20_000 });
  return { context, page, requests, sockets, errors, violations };
}

/**
 * The files `requests` asked for, as the build's paths ("index.html" for "/"), after checking
 * each is a same-origin GET of a file the build wrote, without a body or a query.
 */
function filesOf(requests, built) {
  const origin = new URL(url).origin;
  return requests.map(({ url: address, method, body }) => {
    const u = new URL(address);
    assert.equal(u.origin, origin, `a request to another origin: ${address}`);
    assert.equal(method, "GET", `${method} ${address}`);
    assert.equal(body, null, `a request with a body: ${address}`);
    assert.equal(u.search, "", `a request with a query string: ${address}`);
    assert.equal(u.hash, "", `a request with a fragment: ${address}`);
    const file = u.pathname === "/" ? "index.html" : decodeURIComponent(u.pathname.slice(1));
    assert.ok(built.includes(file), `not a file the build wrote: ${address}`);
    return file;
  });
}

test("after load, only the page's own files, on first use; nothing the reader gives leaves it", async () => {
  const built = siteFiles();
  const readability = built.filter((f) => /^chunks\/readability-[\w-]+\.js$/.test(f));
  const allGlue = built.filter((f) => /^chunks\/gisty-[\w-]+\.js$/.test(f));
  assert.equal(readability.length, 1, `one Readability chunk in ${built.join(", ")}`);
  // Two glue chunks loaded on demand: the all-languages build's and the file reader's (issue 15).
  assert.equal(allGlue.length, 2, `two on-demand glue chunks in ${built.join(", ")}`);
  const pdfChunk = built.filter((f) => /^chunks\/pdf-[\w-]+\.js$/.test(f));
  assert.equal(pdfChunk.length, 1, `one PDF.js chunk in ${built.join(", ")}`);
  const pdfFiles = [...pdfChunk, "pdf.worker.min.mjs"].sort();

  const { context, page, requests, sockets, errors, violations } = await openRecording();
  try {
    // At load: the page, its style, its two entry points and their shared chunks, the English
    // wasm; neither Readability nor the all-languages build.
    const atLoad = filesOf(requests.splice(0), built);
    for (const f of ["index.html", "style.css", "app.js", "worker.js", "pkg/gisty_bg.wasm"]) {
      assert.ok(atLoad.includes(f), `${f} not loaded: ${atLoad.join(", ")}`);
    }
    for (const f of [...readability, ...allGlue, ...pdfFiles, "pkg-all/gisty_bg.wasm", "pkg-files/gisty_bg.wasm"]) {
      assert.ok(!atLoad.includes(f), `${f} loaded at load`);
    }
    // Twice at most, and only the chunks the page and its worker share (each has its modules).
    const twice = atLoad.filter((f, i) => atLoad.indexOf(f) !== i);
    assert.ok(twice.every((f) => /^chunks\/chunk-[\w-]+\.js$/.test(f)), `loaded twice: ${twice.join(", ")}`);
    assert.equal(new Set(twice).size, twice.length, `loaded three times: ${twice.join(", ")}`);

    // Pasted English text and dropped files that are not HTML: no request at all.
    await paste(page, samples[0].text);
    await summaries(page, 1);
    await drop(page, [
      ...samples.slice(1).map((s) => ({ ...s, type: "text/plain" })),
      { name: "notes.md", text: "# Notes\n\nA [link](https://example.org/x) and ![an image](https://example.org/i.png) here.\n" },
      { name: "photo.png", bytes: png(), type: "image/png" },
    ]);
    await summaries(page, 6);
    assert.deepEqual(filesOf(requests.splice(0), built), [], "requests for text, Markdown and a PNG");

    // The first HTML file: Readability, once; the second: nothing more. Their links, images,
    // scripts and frames are never fetched.
    const html = fs.readFileSync(path.join(fixtures, "article-with-scripts.html"), "utf8");
    await drop(page, [{ name: "night-trains.html", text: html, type: "text/html" }]);
    await summaries(page, 7);
    assert.deepEqual(filesOf(requests.splice(0), built), readability);
    const links = fs.readFileSync(path.join(fixtures, "hostile-links.html"), "utf8");
    await drop(page, [{ name: "links.html", text: links, type: "text/html" }]);
    await page.waitForTimeout(500);
    assert.deepEqual(filesOf(requests.splice(0), built), [], "requests for a second HTML file");

    // French, corrected on its card (detected, where the binding detects): the all-languages
    // build, once.
    await drop(page, [{ name: "lyon.txt", text: french, type: "text/plain" }]);
    const lyon = page.locator('[data-testid="doc"]', { hasText: "lyon.txt" });
    await lyon.locator('[data-testid="language-select"]').selectOption("fr");
    await page.waitForFunction(
      (el) => el.dataset.language === "fr" && !el.hasAttribute("aria-busy") && el.querySelector(".summary li"),
      await lyon.elementHandle(),
      { timeout: 20_000 },
    );
    const forFrench = filesOf(requests.splice(0), built).sort();
    assert.equal(forFrench.length, 2, `${forFrench}`);
    assert.ok(allGlue.includes(forFrench[0]) && forFrench[1] === "pkg-all/gisty_bg.wasm", `${forFrench}`);

    // A Word document and a windows-1252 text: the file reader's glue and wasm, once; a PDF:
    // PDF.js and its worker, once. The second of each: nothing more.
    const data = path.join(root, "tests/data/files");
    const file = (name) => ({ name, bytes: fs.readFileSync(path.join(data, name)) });
    await drop(page, [file("article.docx")]);
    await page.locator('[data-testid="doc"]', { hasText: "article.docx" }).locator('[data-testid="summary"] li').first().waitFor({ timeout: 20_000 });
    const forFiles = filesOf(requests.splice(0), built).sort();
    assert.deepEqual(forFiles, [allGlue.find((f) => f !== forFrench[0]), "pkg-files/gisty_bg.wasm"]);
    await drop(page, [file("article.pdf")]);
    await page.locator('[data-testid="doc"]', { hasText: "article.pdf" }).locator('[data-testid="summary"] li').first().waitFor({ timeout: 20_000 });
    assert.deepEqual(filesOf(requests.splice(0), built).sort(), pdfFiles);
    await drop(page, [file("article-1252.txt"), file("article.epub"), { ...file("article.pdf"), name: "again.pdf" }]);
    await page.locator('[data-testid="doc"]', { hasText: "again.pdf" }).locator('[data-testid="summary"] li').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    assert.deepEqual(filesOf(requests.splice(0), built), [], "requests for a second file of each kind");

    // Everything again, in every setting: nothing more.
    await paste(page, french);
    await page.locator("#method").selectOption("textrank");
    await page.locator("#length-mode").selectOption("percent");
    await page.locator("#shade").check();
    await page.locator('[data-testid="focus"]').fill("tramway");
    for (const details of await page.locator(".source summary").all()) await details.click();
    await page.waitForTimeout(1000);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 20_000 });
    await page.locator('[data-testid="doc"]').first().locator('[data-action="md"]').click();
    await page.locator("#export-txt").click();
    await page.waitForTimeout(300);
    const late = requests.splice(0);
    // Downloads are blob: URLs made on the page, never requests to a server.
    assert.deepEqual(
      filesOf(late.filter((r) => !r.url.startsWith("blob:")), built),
      [],
      "requests after every file was loaded",
    );
    assert.deepEqual(sockets, [], "WebSockets");
    assert.deepEqual(errors, []);
    assert.deepEqual(violations.filter((v) => !INERT_HTML_VIOLATIONS.test(v)), []);
  } finally {
    await context.close();
  }
});

test("Try the sample articles: their chunk of the page's own, once, on the first click only", async () => {
  const built = siteFiles();
  const chunk = built.filter((f) => /^chunks\/samples-[\w-]+\.js$/.test(f));
  assert.equal(chunk.length, 1, `one samples chunk in ${built.join(", ")}`);
  const { context, page, requests, sockets, errors, violations } = await openRecording();
  try {
    assert.ok(!filesOf(requests.splice(0), built).includes(chunk[0]), "the samples loaded at load");
    await page.locator('[data-testid="try-samples"]').click();
    await summaries(page, 5);
    await page.locator('[data-testid="combined-summary"] li').first().waitFor({ timeout: 20_000 });
    assert.deepEqual(filesOf(requests.splice(0), built), chunk);
    await page.locator('[data-testid="clear"]').click();
    await page.locator('[data-testid="try-samples"]').click();
    await summaries(page, 5);
    assert.deepEqual(filesOf(requests.splice(0), built), [], "requests on the second click");
    assert.deepEqual(sockets, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, []);
  } finally {
    await context.close();
  }
});

test("the check refuses what the rule forbids", () => {
  const built = ["index.html", "app.js"];
  const at = (p) => new URL(p, url).href;
  assert.deepEqual(filesOf([{ url: at("/"), method: "GET", body: null }], built), ["index.html"]);
  for (const bad of [
    { url: "https://example.org/app.js", method: "GET", body: null },
    { url: at("/app.js"), method: "POST", body: Buffer.from("text") },
    { url: at("/app.js"), method: "GET", body: Buffer.from("text") },
    { url: at("/app.js?text=secret"), method: "GET", body: null },
    { url: at("/worker.js"), method: "GET", body: null },
  ]) {
    assert.throws(() => filesOf([bad], built), assert.AssertionError, JSON.stringify(bad));
  }
});
