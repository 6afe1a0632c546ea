// The extension on real page shapes (helpers.mjs's PAGES): the panel summarizes the tab's article,
// every summary sentence is highlighted on the page through the CSS Custom Highlight API without
// a change to the page's nodes, clicking one scrolls the page to it, the controls apply, a
// selection is summarized instead of the article, a page that forbids every script by its policy
// works, and a page the extension was not given stays unread, with a message that says why.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  PAGES,
  artifacts,
  closeBrowser,
  fold,
  highlights,
  launchWithExtension,
  openPanel,
  panelSentences,
  serve,
  settled,
  tabId,
} from "./helpers.mjs";

let ext;
let served;
before(async () => {
  served = await serve();
  ext = await launchWithExtension();
});
after(async () => {
  await closeBrowser(ext);
  served.server.close();
});

/** Opens `path` of the test server in a tab, recording policy violations and page errors. */
async function openPage(pathname) {
  const page = await ext.context.newPage();
  const seen = { violations: [], errors: [] };
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("console", (m) => {
    if (/^CSP violation: /.test(m.text())) seen.violations.push(m.text().slice(15));
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.log(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.goto(`${served.url}${pathname}`);
  return { page, seen };
}

/** The page's own markup, to check that the extension changed none of it. */
const markup = (page) => page.evaluate(() => document.documentElement.outerHTML);

for (const [pathname, { article }] of Object.entries(PAGES)) {
  test(`${pathname}: the panel's sentences come from the article, each highlighted on the page`, async () => {
    const { page, seen } = await openPage(pathname);
    const before = await markup(page);
    const panel = await openPanel(ext, page);
    try {
      assert.equal(await panel.evaluate(() => document.documentElement.dataset.state), "done", await panel.locator("#meta").textContent());
      const sentences = await panelSentences(panel);
      assert.equal(sentences.length, 3, "three sentences, the default length");
      const text = fold(article);
      for (const s of sentences) assert.ok(text.includes(fold(s)), `not from the article: ${s}`);
      assert.match(await panel.locator("#meta").textContent(), /^\d[\d,]* words → \d+ · \d+% shorter · 3 of \d+ sentences · /);
      const title = await panel.locator('[data-testid="title"]').textContent();
      assert.ok((await page.title()).startsWith(title), `the title ${title} is the page's`);

      const marked = await highlights(page);
      assert.deepEqual(Object.keys(marked), ["gisty-summary"]);
      assert.deepEqual(marked["gisty-summary"].map(fold), sentences.map(fold), "one highlight per sentence, over its text");
      assert.equal(await markup(page), before, "the page's nodes are as they were");
      assert.deepEqual(seen.violations, [], "no Content-Security-Policy violation on the page");
      assert.deepEqual(seen.errors, []);
    } finally {
      await panel.close();
      await page.close();
    }
  });
}

test("clicking a summary sentence scrolls the page to it and marks it", async () => {
  const { page } = await openPage("/news.html");
  await page.setViewportSize({ width: 800, height: 240 });
  const panel = await openPanel(ext, page);
  try {
    // A longer summary, so that its last sentence is far down the page.
    await panel.locator("#length-number").fill("8");
    await panel.waitForFunction(() => document.querySelectorAll(".sentence").length === 8 && document.documentElement.dataset.state === "done");
    const last = panel.locator(".sentence").last();
    const text = fold(await last.textContent());
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await last.click();
    await page.waitForFunction(() => CSS.highlights.has("gisty-current"));
    const current = (await highlights(page))["gisty-current"];
    assert.deepEqual(current.map(fold), [text], "the clicked sentence is marked");
    // Smooth scrolling: wait until the sentence is in view.
    await page.waitForFunction(() => {
      const [range] = CSS.highlights.get("gisty-current");
      const r = range.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && scrollY > 0;
    });
    assert.equal(await last.getAttribute("aria-current"), "true");
  } finally {
    await panel.close();
    await page.close();
  }
});

test("the length, method and focus controls apply, and their highlights follow", async () => {
  const { page } = await openPage("/news.html");
  const panel = await openPanel(ext, page);
  const done = (n) =>
    panel.waitForFunction((k) => document.documentElement.dataset.state === "done" && document.querySelectorAll(".sentence").length === k, n);
  try {
    await panel.locator("#length-number").fill("5");
    await done(5);
    assert.equal((await highlights(page))["gisty-summary"].length, 5);

    // lead: the article's first sentences, in order.
    await panel.locator("#method").selectOption("lead");
    await done(5);
    const lead = (await panelSentences(panel)).map(fold);
    const article = fold(PAGES["/news.html"].article);
    assert.ok(article.startsWith(lead[0]), `lead starts where the article does: ${lead[0]}`);
    let at = 0;
    for (const s of lead) {
      const found = article.indexOf(s, at);
      assert.ok(found >= at, `in order: ${s}`);
      at = found + s.length;
    }
    assert.deepEqual((await highlights(page))["gisty-summary"].map(fold), lead);

    // A focus steers the one-sentence summary to a sentence with its word.
    await panel.locator("#method").selectOption("gisty");
    await panel.locator("#length-number").fill("1");
    await done(1);
    assert.doesNotMatch((await panelSentences(panel))[0], /European/);
    await panel.locator("#focus").fill("European");
    await panel.waitForFunction(
      () => document.documentElement.dataset.state === "done" && /European/.test(document.querySelector(".sentence")?.textContent ?? ""),
    );
    assert.equal((await panelSentences(panel)).length, 1);
    assert.deepEqual((await highlights(page))["gisty-summary"].map(fold), (await panelSentences(panel)).map(fold));

    // The settings are kept for the next panel (chrome.storage.local).
    const next = await openPanel(ext, page, { keepSettings: true });
    assert.equal(await next.locator("#length-number").inputValue(), "1");
    assert.equal(await next.locator("#focus").inputValue(), "European");
    await next.close();
  } finally {
    await panel.close();
    await page.close();
  }
});

test("a selection is summarized instead of the article, and highlighted where it is", async () => {
  const { page } = await openPage("/news.html");
  // The reader selects the article's third to fifth paragraphs.
  const selected = await page.evaluate(() => {
    const ps = document.querySelectorAll("article p:not(.byline)");
    const range = document.createRange();
    range.setStartBefore(ps[2]);
    range.setEndAfter(ps[4]);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return [ps[2], ps[3], ps[4]].map((p) => p.textContent).join(" ");
  });
  const panel = await openPanel(ext, page);
  try {
    assert.equal(await panel.locator("#card").getAttribute("data-source"), "selection");
    assert.match(await panel.locator('[data-testid="origin"]').textContent(), /^The selection on http:\/\/127\.0\.0\.1:\d+\/news\.html$/);
    assert.match(await panel.locator("#meta").textContent(), / of \d+ sentences of the selection · /);
    const sentences = await panelSentences(panel);
    assert.equal(sentences.length, 3);
    for (const s of sentences) assert.ok(fold(selected).includes(fold(s)), `not from the selection: ${s}`);
    const marked = (await highlights(page))["gisty-summary"];
    assert.deepEqual(marked.map(fold), sentences.map(fold));

    // With the selection gone, "Summarize again" reads the whole article.
    await page.evaluate(() => getSelection().removeAllRanges());
    await panel.locator('[data-testid="again"]').click();
    await panel.waitForFunction(() => document.querySelector("#card").dataset.source === "article");
    await settled(panel);
    assert.match(await panel.locator('[data-testid="origin"]').textContent(), /^The article of /);
  } finally {
    await panel.close();
    await page.close();
  }
});

test("copy and download give the summary as the page's cards do", async () => {
  const { page } = await openPage("/figure.html");
  const panel = await openPanel(ext, page);
  try {
    const sentences = (await panelSentences(panel)).map(fold);
    const downloading = panel.waitForEvent("download");
    await panel.locator('[data-testid="download-txt"]').click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), "Harbour-bridge-reopens-after-two-years-of-repairs-summary.txt");
    assert.equal(fs.readFileSync(await download.path(), "utf8"), `${sentences.join("\n")}\n`);

    const downloadingMd = panel.waitForEvent("download");
    await panel.locator('[data-testid="download-md"]').click();
    const md = fs.readFileSync(await (await downloadingMd).path(), "utf8");
    assert.equal(md, ["# Harbour bridge reopens after two years of repairs", "", ...sentences.map((s) => `- ${s}`), ""].join("\n"));

    // What the panel hands the clipboard (an extension page's clipboard cannot be read back here).
    await panel.evaluate(() => {
      navigator.clipboard.writeText = async (text) => {
        window.copied = text;
      };
    });
    await panel.locator('[data-testid="copy"]').click();
    await panel.waitForFunction(() => /on the clipboard/.test(document.querySelector("#status").textContent));
    assert.equal(await panel.evaluate(() => window.copied), sentences.join("\n"));

    fs.mkdirSync(artifacts, { recursive: true });
    await panel.screenshot({ path: path.join(artifacts, "panel-figure.png") });
  } finally {
    await panel.close();
    await page.close();
  }
});

test("a tab the extension was not given is not read, and the panel says how to ask", async () => {
  // localhost is not 127.0.0.1 for host permissions: the tests' build has no access to it, as
  // the shipped one has none to any page the reader did not summarize with its button.
  const page = await ext.context.newPage();
  const url = `${served.url.replace("127.0.0.1", "localhost")}/news.html`;
  await page.goto(url);
  const tab = await tabId(ext.worker, url).catch(() => null);
  // Without access the extension cannot see the tab's address: find it as the last tab opened.
  const id = tab ?? (await ext.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id))));
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.id}/panel.html?tab=${id}`);
  try {
    await settled(panel);
    assert.equal(await panel.evaluate(() => document.documentElement.dataset.state), "failed");
    assert.match(await panel.locator(".doc-error").textContent(), /^gisty reads a page only when you ask it to there: use its toolbar button/);
    assert.deepEqual(await highlights(page), {});
  } finally {
    await panel.close();
    await page.close();
  }
});

test("the toolbar button and the shortcut are registered, and the panel follows the tab they were used on", async () => {
  // (Chromium lists the toolbar button's own command, _execute_action, with no shortcut, too.)
  const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
  assert.deepEqual(
    commands.filter((c) => c.shortcut).map(({ name, shortcut, description }) => ({ name, shortcut, description })),
    [{ name: "summarize-page", shortcut: "Alt+Shift+S", description: "Summarize this page" }],
  );
  assert.equal(await ext.worker.evaluate(() => chrome.action.getTitle({})), "Summarize this page");

  // What background.js does on a click, the menu item or the shortcut: the tab in session
  // storage for a panel that opens now, a message for one already open.
  const news = (await openPage("/news.html")).page;
  const figure = (await openPage("/figure.html")).page;
  await ext.worker.evaluate(() => chrome.storage.local.clear());
  await ext.worker.evaluate((tab) => chrome.storage.session.set({ tab }), await tabId(ext.worker, news.url()));
  const panel = await ext.context.newPage();
  try {
    await panel.goto(`chrome-extension://${ext.id}/panel.html`);
    await settled(panel);
    assert.match(await panel.locator('[data-testid="origin"]').textContent(), /\/news\.html$/);
    const tab = await tabId(ext.worker, figure.url());
    await ext.worker.evaluate((t) => chrome.runtime.sendMessage({ kind: "summarize", tab: t }), tab);
    await panel.waitForFunction(() => /\/figure\.html$/.test(document.querySelector("#origin").textContent));
    await settled(panel);
    assert.equal(await panel.locator('[data-testid="title"]').textContent(), "Harbour bridge reopens after two years of repairs");
    assert.equal((await highlights(figure))["gisty-summary"].length, 3);
  } finally {
    await ext.worker.evaluate(() => chrome.storage.session.clear());
    await panel.close();
    await news.close();
    await figure.close();
  }
});
