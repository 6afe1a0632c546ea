// Nothing leaves the page: at load it fetches only its own files, and after that nothing at all,
// however it is used.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  closeAll,
  drop,
  fixtures,
  INERT_HTML_VIOLATIONS,
  launch,
  open,
  pageUrl,
  paste,
  png,
  samples,
  summaries,
} from "./helpers.mjs";

let browser;
let url;

before(async () => {
  url = await pageUrl();
  browser = await launch();
});

after(async () => {
  await closeAll(browser);
});

test("only the page's own files at load, and no request after it", async () => {
  const { context, page, seen } = await open(browser, url);
  try {
    const atLoad = seen.requests.map((u) => new URL(u));
    assert.deepEqual(
      atLoad.filter((u) => u.origin !== new URL(url).origin).map(String),
      [],
      "requests to other origins at load",
    );
    const files = atLoad.map((u) => u.pathname).sort();
    assert.deepEqual(files, [
      "/",
      "/app.js",
      "/engine.js",
      "/extract.js",
      "/format.js",
      // Twice: the page's HTML reader and the worker's each import it.
      "/markup.js",
      "/markup.js",
      "/pkg/gisty.js",
      "/pkg/gisty_bg.wasm",
      "/source.js",
      "/style.css",
      "/vendor/readability.js",
      "/worker.js",
    ]);
    seen.requests.length = 0;

    await paste(page, samples[0].text);
    await summaries(page, 1);
    const html = fs.readFileSync(path.join(fixtures, "article-with-scripts.html"), "utf8");
    await drop(page, [
      ...samples.slice(1).map((s) => ({ ...s, type: "text/plain" })),
      { name: "night-trains.html", text: html, type: "text/html" },
      { name: "notes.md", text: "# Notes\n\nA [link](https://example.org/x) and ![an image](https://example.org/i.png) here.\n" },
      { name: "photo.png", bytes: png(), type: "image/png" },
    ]);
    await summaries(page, 7);
    await page.locator("#method").selectOption("textrank");
    await page.locator("#length-mode").selectOption("percent");
    await page.locator("#shade").check();
    for (const details of await page.locator(".source summary").all()) await details.click();
    await page.waitForTimeout(1000);
    await summaries(page, 7);
    assert.deepEqual(seen.requests, [], "requests after load");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.violations.filter((v) => !INERT_HTML_VIOLATIONS.test(v)), []);
  } finally {
    await context.close();
  }
});
