// Hostile and broken input, in Chromium: a panic in the wasm, a worker that hangs, files that are
// not text, HTML made to run something, a file over the size limit, a very large text. Never a
// crash, a hang, a frozen tab or lost input: an error for what failed, and the page goes on.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { INERT_HTML_VIOLATIONS, assertCount, drop, fixtures, open, paste, png, samples, summaries, testPageUrl, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

/** Runs `body` on a fresh page (of `at`, default the release www/) and checks what it saw. */
async function onPage(body, { at = url, allowViolations = null, allowErrors = null, ...contextOptions } = {}) {
  const { context, page, seen } = await open(browser, at, contextOptions);
  try {
    await body(page, seen);
    assert.deepEqual(seen.errors.filter((e) => !allowErrors?.test(e)), [], "errors in the page");
    const violations = seen.violations.filter((v) => !allowViolations?.test(v));
    assert.deepEqual(violations, [], "Content-Security-Policy violations");
  } finally {
    await context.close();
  }
}

const docError = (page) => page.locator('[data-testid="doc"] [data-testid="error"]');

/** Waits for the page's one summarizer worker other than `old` (when given), and returns it. */
async function newWorker(page, old = null) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const workers = page.workers().filter((w) => w !== old);
    if (workers.length === 1 && !page.workers().includes(old)) return workers[0];
    if (Date.now() > deadline) assert.fail(`no new worker: ${page.workers().length} workers`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("a panic in the wasm: an error for that document, a new worker, the next input summarized", async () => {
  await onPage(
    async (page) => {
      await paste(page, samples[0].text);
      await summaries(page, 1);
      const worker = await newWorker(page);
      // The test build's hook: the worker's next request calls __testPanic, a Rust panic!().
      await worker.evaluate(() => {
        self.gistyPanicNext = true;
      });
      await paste(page, samples[1].text);
      const error = docError(page);
      await error.waitFor();
      assert.match(
        await error.textContent(),
        /^The summarizer failed on this text \(RuntimeError: unreachable.*\) and was restarted\.$/,
      );
      assert.equal(await page.locator('[data-testid="doc"] [data-testid="summary"] li').count(), 0, "no stale summary");
      assert.equal(await page.locator('[data-testid="input"]').inputValue(), samples[1].text, "the input is kept");
      await newWorker(page, worker); // the poisoned worker is gone, a fresh one in its place

      await paste(page, samples[2].text);
      const [summary] = await summaries(page, 1);
      assert.equal(summary.length, 3);
      for (const s of summary) assert.ok(samples[2].text.includes(s));
      await assertCount(error, 0);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.state), "ready");
    },
    // The panic hook reports the panic on the console, as it should.
    { at: await testPageUrl(), allowErrors: /test-only panic/ },
  );
});

test("a panic while several documents are summarized: only that one fails, the others and the combined card go on", async () => {
  await onPage(
    async (page) => {
      const worker = await newWorker(page);
      await worker.evaluate(() => {
        self.gistyPanicNext = true;
      });
      await drop(page, samples.slice(0, 3).map((s) => ({ ...s, type: "text/plain" })));
      const error = docError(page);
      await error.waitFor();
      const cards = page.locator('[data-testid="doc"]');
      await assertCount(cards, 3);
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="doc"]')].filter((d) =>
            d.querySelector('[data-testid="summary"] li'),
          ).length === 2,
      );
      // The combined card leaves out the document that failed.
      await page.waitForFunction(() => {
        const card = document.querySelector('[data-testid="combined"]');
        return !card.hidden && card.querySelector(".doc-name").textContent === "All 2 documents together";
      });
      // Another setting: the failed one is tried again, in the new worker, and now works.
      await page.locator("#method").selectOption("lexrank");
      await summaries(page, 3);
      await assertCount(error, 0);
      await page.waitForFunction(
        () => document.querySelector('[data-testid="combined"] .doc-name').textContent === "All 3 documents together",
      );
    },
    { at: await testPageUrl(), allowErrors: /test-only panic/ },
  );
});

test("a worker that hangs: stopped after its time limit, an error shown, the text kept", async () => {
  await onPage(async (page, seen) => {
    const worker = await newWorker(page);
    await worker.evaluate(() => {
      self.onmessage = () => {
        for (;;); // as a bug in the core that never returns would
      };
    });
    const began = Date.now();
    await paste(page, samples[3].text);
    const error = docError(page);
    await error.waitFor({ timeout: 30_000 });
    const waited = (Date.now() - began) / 1000;
    assert.match(await error.textContent(), /^Summarizing this took longer than 10 s, so it was stopped\.$/);
    assert.ok(waited >= 10 && waited < 20, `the limit took ${waited} s`);
    assert.equal(await page.locator('[data-testid="input"]').inputValue(), samples[3].text, "the input is kept");
    await newWorker(page, worker);
    seen.errors.length = 0;

    // The next input (here: the same text, edited) is summarized by the new worker.
    await paste(page, `${samples[3].text}\n`);
    const [summary] = await summaries(page, 1);
    assert.equal(summary.length, 3);
    await assertCount(error, 0);
  });
});

test("a ZIP, a PDF and a PNG, also under text names: an error each, the rest summarized", async () => {
  await onPage(async (page) => {
    const zip = Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x00\x00\x08\x00", "latin1"), Buffer.alloc(40, 7)]);
    const pdf = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1");
    await drop(page, [
      { name: "archive.zip", bytes: zip, type: "application/zip" },
      { name: "letter.docx", bytes: zip },
      { name: "paper.pdf", bytes: pdf, type: "application/pdf" },
      { ...samples[4], type: "text/plain" },
      { name: "notes.md", bytes: zip, type: "text/markdown" },
      { name: "paper.html", bytes: pdf, type: "text/html" },
      { name: "image.png", bytes: png(), type: "image/png" },
    ]);
    const errors = page.locator('[data-testid="error"]');
    await assertCount(errors, 6);
    const text = await errors.allTextContents();
    assert.match(text[0], /archive\.zip.*gisty reads \.txt, \.md, \.html, \.docx, \.odt, \.epub and \.pdf files; this is a ZIP archive/s);
    assert.match(text[1], /letter\.docx.*This Word document is damaged or incomplete/s);
    assert.match(text[2], /paper\.pdf.*This PDF/s);
    assert.match(text[3], /notes\.md.*Looks like a ZIP archive, not text/s);
    assert.match(text[4], /paper\.html.*This file is a PDF document, not text/s);
    assert.match(text[5], /image\.png.*this is a PNG image/s);
    const [summary] = await summaries(page, 1);
    assert.equal(summary.length, 3);
    await paste(page, samples[0].text);
    await summaries(page, 2);
  });
});

test("HTML with frames, javascript: links and handlers: summarized, nothing runs, loads or links", async () => {
  await onPage(
    async (page, seen) => {
      const dialogs = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss();
      });
      const popups = [];
      page.on("popup", (popup) => popups.push(popup.url()));
      const html = fs.readFileSync(path.join(fixtures, "hostile-links.html"));
      await drop(page, [
        { name: "gardens.html", bytes: html, type: "text/html" },
        { ...samples[0], type: "text/plain" },
      ]);
      const [summary] = await summaries(page, 2);
      const card = page.locator('[data-testid="doc"]').first();
      await card.locator(".source summary").click();
      await card.locator(".source-text mark").first().waitFor();
      const source = await card.locator(".source-text").textContent();
      assert.match(source, /^Community gardens on empty city lots now grow/);
      assert.match(source, /several low-income neighbourhoods, according to a survey/, "a link's text is text");
      assert.match(source, /have been cleared for housing after a few seasons/);
      assert.ok(summary.length === 3 && summary.every((s) => source.includes(s)));
      assert.equal(await card.locator(".doc-title").textContent(), "City gardens feed their neighbours");

      // Everything a reader can do with the card: links followed, sources toggled.
      for (const link of await page.locator('[data-testid="source-link"]').all()) await link.click();
      await page.locator("#shade").check();
      await page.waitForTimeout(500);

      const dom = await page.evaluate(() => ({
        frames: document.querySelectorAll("iframe, frame, frameset, object, embed").length,
        javascript: [...document.querySelectorAll("*")].flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^\s*javascript:/i.test(a.value.replace(/[\u0000-\u0020]/g, "")))
            .map((a) => `<${el.localName} ${a.name}="${a.value}">`),
        ),
        anchors: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
        handlers: [...document.querySelectorAll("*")].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`),
        ),
        pwned: window.__pwned,
        title: document.title,
      }));
      assert.equal(dom.frames, 0, "a frame, object or embed in the page");
      assert.deepEqual(dom.javascript, [], "a javascript: URL in the page");
      assert.deepEqual(dom.anchors, [], "a link in the page");
      assert.deepEqual(dom.handlers, [], "an event handler attribute in the page");
      assert.equal(dom.pwned, undefined, "something in the file ran");
      assert.equal(dom.title, "gisty: summaries made in your browser");
      assert.equal(page.frames().length, 1, "the page has frames besides its own");
      assert.deepEqual(dialogs, []);
      assert.deepEqual(popups, []);
      const foreign = seen.requests.filter((u) => !u.startsWith(url));
      assert.deepEqual(foreign, [], "something in the file was fetched");
    },
    { allowViolations: INERT_HTML_VIOLATIONS },
  );
});

/**
 * Drops files made in the page, so that megabytes never cross the wire: each { name, kind, size }
 * with kind "prose" (sentences of `words` drawn by a fixed generator), "html" (that prose in
 * paragraphs and links), "markdown" (in lists, emphasis and links) or "openers" (Markdown of
 * openers with no closers: emphasis, links, images, tags). Sizes are in bytes (ASCII), exact.
 * Measures the frames the page draws until every card has settled, and resolves to
 * { cards: [{ name, summary, error, meta }], longest, frames, seconds }.
 */
async function dropMade(page, files) {
  const words = [...new Set(samples.map((s) => s.text).join(" ").match(/[A-Za-z]+/g))];
  return page.evaluate(
    ({ words, files }) =>
      new Promise((resolve) => {
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const sentence = () => {
          const n = 12 + Math.floor(random() * 14);
          let s = "";
          for (let i = 0; i < n; i += 1) s += `${words[Math.floor(random() ** 2 * words.length)]} `;
          return `${s[0].toUpperCase()}${s.slice(1, -1)}.`;
        };
        const pieces = {
          prose: () => `${sentence()}${random() < 0.15 ? "\n\n" : " "}`,
          html: () => `<p>${sentence()} <a href="/x">${sentence()}</a> &amp; <b>${sentence()}</b></p>\n`,
          markdown: () => `- **${sentence()}** [${sentence()}](https://example.org/x) \`code\` ${sentence()}\n`,
          openers: () => `${"**a [b]( ![c <d ~~e ".repeat(50_000)}\n\n${sentence()}\n`,
        };
        const dt = new DataTransfer();
        for (const { name, kind, size } of files) {
          const parts = [kind === "html" ? "<!doctype html><html lang=en><title>Made</title><body><article>" : ""];
          let length = parts[0].length;
          for (;;) {
            const piece = pieces[kind]();
            if (length + piece.length > size) break;
            parts.push(piece);
            length += piece.length;
          }
          parts.push(" ".repeat(size - length));
          dt.items.add(new File(parts, name));
        }
        for (const type of ["dragenter", "dragover", "drop"]) {
          document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
        // While the worker reads and summarizes, the main thread keeps drawing frames.
        let last = performance.now();
        let longest = 0;
        let frames = 0;
        const began = last;
        const settled = (card) =>
          card.matches('[data-testid="error"]') ||
          (!card.hasAttribute("aria-busy") &&
            (card.querySelector('[data-testid="summary"] li, .doc-error') ||
              /^No sentences/.test(card.querySelector(".doc-meta").textContent)));
        const tick = (now) => {
          longest = Math.max(longest, now - last);
          last = now;
          frames += 1;
          const cards = [...document.querySelectorAll('#docs .card')];
          if (cards.length === files.length && cards.every(settled)) {
            resolve({
              cards: cards.map((c) => ({
                name: c.querySelector(".doc-name").textContent,
                summary: [...c.querySelectorAll('[data-testid="summary"] li')].map((li) => li.textContent),
                error: c.querySelector('[data-testid="error"], .message')?.textContent ?? null,
                meta: c.querySelector(".doc-meta")?.textContent ?? null,
              })),
              longest,
              frames,
              seconds: (now - began) / 1000,
            });
          } else {
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
      }),
    { words, files },
  );
}

test("a file over 50 MB: refused before it is read, with the limit; the page goes on", async () => {
  await onPage(async (page) => {
    const limit = 50 * 1024 * 1024;
    const { cards } = await dropMade(page, [{ name: "minutes.txt", kind: "prose", size: limit + 1 }]);
    assert.equal(cards[0].name, "minutes.txt");
    assert.equal(cards[0].error, "This file is 50.1 MB; gisty summarizes at most 50 MB at once.");
    await paste(page, samples[1].text);
    const [summary] = await summaries(page, 1);
    assert.equal(summary.length, 3);
  });
});

test("a text of exactly 50 MB, the limit: summarized while the page keeps drawing; its source shown in parts", async (t) => {
  await onPage(async (page) => {
    const size = 50 * 1024 * 1024;
    const result = await dropMade(page, [{ name: "big.txt", kind: "prose", size }]);
    const [card] = result.cards;
    assert.equal(card.error, null, card.error);
    assert.equal(card.summary.length, 3);
    assert.match(card.meta, /^\d,\d{3},\d{3} words/);
    t.diagnostic(
      `50 MiB summarized in ${result.seconds.toFixed(1)} s: ` +
        `${result.frames} frames, the longest ${Math.round(result.longest)} ms apart`,
    );
    assert.ok(result.longest < 1000, `the page froze for ${Math.round(result.longest)} ms`);

    // The source: a part at a time, the summary's sentences marked where they fall.
    const doc = page.locator('[data-testid="doc"]');
    await doc.locator(".source summary").click();
    const pager = doc.locator(".pager");
    await pager.waitFor();
    const where = async () => (await pager.locator(".pager-where").textContent()).trim();
    assert.match(await where(), /^Part 1 of 263 of a long text \(characters 1–2\d\d,\d{3} of 52,428,800\)\.$/);
    const shown = async () => (await doc.locator(".source-text").textContent()).length;
    assert.ok((await shown()) <= 205_000, `the source shows ${await shown()} characters`);
    assert.equal(await pager.getByRole("button", { name: "Earlier" }).isDisabled(), true);
    await pager.getByRole("button", { name: "Later" }).click();
    assert.match(await where(), /^Part 2 of 263 of a long text \(characters 2\d\d,\d{3}–4\d\d,\d{3} of 52,428,800\)\.$/);
    assert.equal(await pager.getByRole("button", { name: "Earlier" }).isDisabled(), false);
    await pager.getByRole("button", { name: "Earlier" }).click();
    assert.match(await where(), /^Part 1 of 263/);
    assert.ok((await doc.locator(".source-text mark").count()) >= 1, "the summary's first sentence is near the start");
  });
});

test("20 MB of HTML and of Markdown, and Markdown made to be slow: read in the worker, the page keeps drawing", async (t) => {
  await onPage(async (page) => {
    const result = await dropMade(page, [
      { name: "big.html", kind: "html", size: 20_000_000 },
      { name: "big.md", kind: "markdown", size: 20_000_000 },
      { name: "openers.md", kind: "openers", size: 5_000_000 },
    ]);
    t.diagnostic(
      `read and summarized in ${result.seconds.toFixed(1)} s: ` +
        `${result.frames} frames, the longest ${Math.round(result.longest)} ms apart`,
    );
    assert.ok(result.longest < 1000, `the page froze for ${Math.round(result.longest)} ms`);
    const [html, md, openers] = result.cards;
    assert.equal(html.error, null, html.error);
    assert.equal(html.summary.length, 3);
    for (const s of html.summary) assert.doesNotMatch(s, /<|&amp;|href/, `markup in ${s}`);
    assert.equal(md.error, null, md.error);
    assert.equal(md.summary.length, 3);
    for (const s of md.summary) assert.doesNotMatch(s, /\*\*|\]\(|`/, `markup in ${s}`);
    // Read in linear time, markup left where nothing closes it.
    assert.equal(openers.error, null, openers.error);
    assert.ok(openers.summary.length > 0 || /^No sentences/.test(openers.meta), JSON.stringify(openers));
    await paste(page, samples[2].text);
    await page.locator('[data-testid="doc"]').first().locator('[data-testid="summary"] li').first().waitFor();
  });
});
