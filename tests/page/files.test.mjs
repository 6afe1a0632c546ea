// Every file a reader brings (issue 15), in Chromium: a two-column PDF of three pages with
// running headers and page numbers (PDF.js), a Word document, an OpenDocument text, an EPUB book
// (the core's reader, the web-files build) and a windows-1252 text, all from tests/data/files
// (its make.py writes them from the sample articles). Each summary is sentences of its article,
// never a header, a page number or a hyphenated half word; each hostile file gets its error card
// while the others go through.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { assertCount, drop, open, root, summaries, withBrowser } from "./helpers.mjs";

const data = path.join(root, "tests/data/files");
const file = (name) => ({ name, bytes: fs.readFileSync(path.join(data, name)) });
const flat = (s) => s.replace(/\s+/g, " ").trim();
/** A sample article's text, whitespace collapsed. */
const sample = (prefix) => {
  const dir = path.join(root, "tests/data/samples");
  return flat(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith(prefix))), "utf8"));
};

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

test("PDF, Word, OpenDocument, EPUB and windows-1252 files: summaries of their articles' sentences", async () => {
  const { context, page, seen } = await open(browser, url);
  try {
    const cases = [
      ["article.pdf", sample("001_") + " " + sample("000_")],
      ["article.docx", sample("003_")],
      ["article.odt", sample("002_")],
      ["article.epub", sample("004_")],
      ["article-1252.txt", flat(fs.readFileSync(path.join(data, "article-1252.txt"), "latin1"))],
    ];
    await drop(page, cases.map(([name]) => file(name)));
    const got = await summaries(page, cases.length);
    const names = await page.$$eval('[data-testid="doc"]', (cards) => cards.map((c) => c.textContent));
    for (const [name, source] of cases) {
      const k = names.findIndex((t) => t.includes(name));
      assert.ok(k >= 0, `no card for ${name}`);
      assert.equal(got[k].length, 3, `${name}: ${got[k]}`);
      for (const s of got[k]) {
        // windows-1252's curly quotes read back as latin1 differently: compare letters only.
        const norm = (t) => (name.endsWith(".txt") ? t.replace(/[^\p{L}\p{N} ]/gu, "") : t);
        assert.ok(norm(source).includes(norm(flat(s))), `${name}: ${JSON.stringify(s)} is not a sentence of its text`);
        assert.doesNotMatch(s, /Quarterly Briefing|CONFIDENTIAL|FOOTNOTE|REMOVED|\ufffd/, name);
        assert.doesNotMatch(s, /\p{Ll}- \p{Ll}/u, `${name}: a hyphenated word left split: ${s}`);
      }
    }
    // The PDF's whole text, in its source view: no running header, no page number line.
    const card = page.locator('[data-testid="doc"]', { hasText: "article.pdf" });
    await card.locator(".source summary").click();
    const source = await card.locator(".source-text").textContent();
    assert.doesNotMatch(source, /Review of Peace Talks/);
    assert.doesNotMatch(source, /(^|\n)\s*\d+\s*(\n|$)/);
    assert.ok(flat(source).includes(sample("001_").slice(0, 200)), "the PDF's text starts with its article");
    const winText = page.locator('[data-testid="doc"]', { hasText: "article-1252.txt" });
    assert.match(await winText.textContent(), /Café Müller|Fässler/);
    assert.deepEqual(seen.errors, [], "errors in the page");
    assert.deepEqual(seen.violations, [], "Content-Security-Policy violations");
  } finally {
    await context.close();
  }
});

test("hostile files: an error card each, the others summarized", async () => {
  const { context, page, seen } = await open(browser, url);
  try {
    const cases = [
      ["scanned.pdf", /This PDF has no text layer/],
      ["encrypted.pdf", /This PDF is encrypted \(password-protected\)/],
      ["corrupt.pdf", /This PDF (is damaged or incomplete|could not be read)/],
      ["truncated.docx", /This Word document is damaged or incomplete/],
      ["encrypted.docx", /This Word document is encrypted/],
      ["encrypted.epub", /This EPUB book is encrypted/],
      ["bomb.docx", /refused as a possible zip bomb/],
      ["bomb-lies.odt", /refused as a possible zip bomb/],
      ["pdf-named.docx", /Named as a Word document, but it looks like a PDF document: wrong extension/],
      ["text-named.epub", /Named as an EPUB book, but it looks like a text file/],
    ];
    await drop(page, [...cases.map(([name]) => file(name)), file("article.odt")]);
    const errors = page.locator('[data-testid="error"]');
    await assertCount(errors, cases.length);
    const texts = await errors.allTextContents();
    const cards = await page.$$eval('[data-testid="doc"], .card', (els) => els.map((e) => e.textContent));
    for (const [name, want] of cases) {
      const card = cards.find((t) => t.includes(name));
      assert.ok(card, `no card for ${name}`);
      assert.match(card, want, name);
    }
    assert.equal(texts.length, cases.length);
    const [summary] = (await summaries(page, 1)).filter((s) => s.length);
    assert.equal(summary.length, 3);
    assert.deepEqual(seen.errors, [], "errors in the page");
  } finally {
    await context.close();
  }
});
