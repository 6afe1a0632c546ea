// No request leaves the machine: while the extension reads, summarizes, highlights and scrolls on
// every page shape, every request the browser makes (the pages', the panel's, its worker's) is a
// GET of the local test server or of a file of the extension itself.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { PAGES, closeBrowser, launchWithExtension, openPanel, serve, testBuild } from "./helpers.mjs";

/** Every file under `dir`, relative, sorted. */
function files(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

test("the extension's requests are for its own files only; the pages' for the local server only", async () => {
  const served = await serve();
  const ext = await launchWithExtension();
  const requests = [];
  const sockets = [];
  ext.context.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() }));
  ext.context.on("page", (p) => p.on("websocket", (ws) => sockets.push(ws.url())));
  try {
    for (const pathname of Object.keys(PAGES)) {
      const page = await ext.context.newPage();
      await page.goto(`${served.url}${pathname}`);
      const panel = await openPanel(ext, page);
      await panel.locator(".sentence").first().click();
      await page.waitForFunction(() => CSS.highlights.has("gisty-current"));
      await panel.locator("#length-number").fill("4");
      await panel.waitForFunction(() => document.querySelectorAll(".sentence").length === 4 && document.documentElement.dataset.state === "done");
      await panel.close();
      await page.close();
    }
  } finally {
    await closeBrowser(ext);
    served.server.close();
  }

  const built = files(testBuild);
  const own = `chrome-extension://${ext.id}`;
  const extensionFiles = new Set();
  for (const { url, method, body } of requests) {
    const u = new URL(url);
    assert.equal(method, "GET", `${method} ${url}`);
    assert.equal(body, null, `a request with a body: ${url}`);
    // (Node's URL gives chrome-extension: addresses no origin: the scheme and host say it.)
    if (`${u.protocol}//${u.host}` === own) {
      const file = decodeURIComponent(u.pathname.slice(1));
      assert.ok(built.includes(file), `not a file of the extension: ${url}`);
      extensionFiles.add(file);
    } else {
      assert.equal(u.origin, served.url, `a request that leaves the machine: ${url}`);

    }
  }
  assert.deepEqual(sockets, []);
  // The worker's requests are among those seen: both builds of the wasm (the French page needs
  // the all-languages one), fetched from the extension itself.
  for (const f of ["panel.html", "panel.js", "worker.js", "pkg/gisty_bg.wasm", "pkg-all/gisty_bg.wasm"]) {
    assert.ok(extensionFiles.has(f), `${f} was loaded (seen: ${[...extensionFiles].join(", ")})`);
  }
});
