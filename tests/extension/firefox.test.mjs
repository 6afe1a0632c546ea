// The Firefox variant, run in Firefox (firefox.mjs: WebDriver BiDi): on every page shape the
// panel (in a tab) summarizes the article from the page's own modules and wasm, each sentence
// is highlighted on the page through the CSS Custom Highlight API with the page's markup left
// as it was, and a selection is summarized instead. Skipped, saying so, where no Firefox is
// installed.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { PAGES, fold, serve } from "./helpers.mjs";
import { FIREFOX, launchFirefox, waitFor } from "./firefox.mjs";

const skip = FIREFOX ? false : "no Firefox installed (set FIREFOX, or install firefox-esr)";
let ff;
let served;
before(async () => {
  if (skip) return;
  served = await serve();
  ff = await launchFirefox();
});
after(async () => {
  await ff?.close();
  served?.server.close();
});

const HIGHLIGHTS = `Object.fromEntries([...CSS.highlights.entries()].map(([n, h]) => [n, [...h].map((r) => r.toString())]))`;

/** Opens `pathname` in a new tab and points the panel at it; returns the page's context. */
async function summarize(pathname, prepare = "") {
  const page = (await ff.send("browsingContext.create", { type: "tab" })).context;
  const url = `${served.url}${pathname}`;
  await ff.send("browsingContext.navigate", { context: page, url, wait: "complete" });
  if (prepare) await ff.evaluate(page, prepare);
  const tabs = await ff.evaluate(ff.panel, "browser.tabs.query({}).then((ts) => ts.map((t) => [t.id, t.url]))");
  const tab = tabs.find(([, u]) => u === url)?.[0];
  assert.ok(Number.isInteger(tab), `no tab shows ${url}: ${JSON.stringify(tabs)}`);
  await ff.evaluate(ff.panel, `location.replace("panel.html?tab=${tab}")`);
  await waitFor(ff, ff.panel, `location.search === "?tab=${tab}" && ["done", "failed"].includes(document.documentElement.dataset.state)`);
  return page;
}

const panelState = () =>
  ff.evaluate(ff.panel, `({
    state: document.documentElement.dataset.state,
    meta: document.querySelector("#meta").textContent,
    source: document.querySelector("#card").dataset.source,
    sentences: [...document.querySelectorAll(".sentence")].map((b) => b.textContent),
  })`);

for (const [pathname, { article }] of Object.entries(PAGES)) {
  test(`Firefox, ${pathname}: the article's sentences in the panel, each highlighted on the page`, { skip }, async () => {
    const page = await summarize(pathname, "window.gistyBefore = document.documentElement.outerHTML");
    const { state, meta, sentences } = await panelState();
    assert.equal(state, "done", meta);
    assert.equal(sentences.length, 3);
    for (const s of sentences) assert.ok(fold(article).includes(fold(s)), `not from the article: ${s}`);
    const marked = await ff.evaluate(page, HIGHLIGHTS);
    assert.deepEqual(marked["gisty-summary"].map(fold), sentences.map(fold));
    assert.equal(await ff.evaluate(page, "document.documentElement.outerHTML === window.gistyBefore"), true, "the page's nodes are as they were");
    await ff.send("browsingContext.close", { context: page });
  });
}

test("Firefox: a selection is summarized instead of the article", { skip }, async () => {
  const select = `(() => {
    const ps = document.querySelectorAll("article p:not(.byline)");
    const range = document.createRange();
    range.setStartBefore(ps[2]);
    range.setEndAfter(ps[4]);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    window.gistySelected = [ps[2], ps[3], ps[4]].map((p) => p.textContent).join(" ");
  })()`;
  const page = await summarize("/news.html", select);
  const { state, source, sentences } = await panelState();
  assert.equal(state, "done");
  assert.equal(source, "selection");
  const selected = fold(await ff.evaluate(page, "window.gistySelected"));
  for (const s of sentences) assert.ok(selected.includes(fold(s)), `not from the selection: ${s}`);
  assert.deepEqual((await ff.evaluate(page, HIGHLIGHTS))["gisty-summary"].map(fold), sentences.map(fold));
});
