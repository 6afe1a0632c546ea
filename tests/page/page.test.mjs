// The served page in headless Chromium, driven as a reader would: paste, drop files, change the
// settings, copy and download.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { INERT_HTML_VIOLATIONS, assertCount, drop, fixtures, open, paste, png, samples, sentencesOf, summaries, until, withBrowser } from "./helpers.mjs";

let browser;
let url;
withBrowser((b, u) => ([browser, url] = [b, u]));

/** Runs `body` on a fresh page and checks, afterwards, that nothing went wrong in it. */
async function onPage(body, { allowViolations = null, ...contextOptions } = {}) {
  const { context, page, seen } = await open(browser, url, contextOptions);
  try {
    await body(page, seen);
    assert.deepEqual(seen.errors, [], "errors in the page");
    const violations = seen.violations.filter((v) => !allowViolations?.test(v));
    assert.deepEqual(violations, [], "Content-Security-Policy violations");
  } finally {
    await context.close();
  }
}

/** Waits until the aria-live status line says what `pattern` matches. */
async function statusSays(page, pattern) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById("status").textContent),
    pattern.source,
  );
}

test("pasted text: its summary is sentences of the text, in order, highlighted in the source", async () => {
  await onPage(async (page) => {
    const { text } = samples[2];
    await paste(page, text);
    const [summary] = await summaries(page, 1);
    assert.equal(summary.length, 3, "the default length is 3 sentences");
    const sentences = await sentencesOf(page, text);
    const at = summary.map((s) => sentences.indexOf(s));
    for (const [i, s] of summary.entries()) {
      assert.ok(at[i] >= 0, `not a sentence of the input: ${JSON.stringify(s)}`);
    }
    assert.deepEqual(at, [...at].sort((a, b) => a - b), "summary sentences are in document order");

    const card = page.locator('[data-testid="doc"]');
    await card.locator(".source summary").click();
    await card.locator(".source-text mark").first().waitFor();
    const marked = await card.locator(".source-text mark").allTextContents();
    assert.deepEqual(marked, summary, "the source marks exactly the summary's sentences");
    assert.equal(await card.locator(".source-text").textContent(), text, "the source is the input, whole");
    const meta = await card.locator(".doc-meta").textContent();
    assert.match(meta, /^[\d,]+ words → \d+ · \d+% shorter · 3 of \d+ sentences · [\d.]+ ms$/);
    await statusSays(page, /^Summary of Pasted text: 3 sentences\.$/);
  });
});

test("five samples dropped at once: five cards, free of the hashtag strip and the photo credit", async () => {
  await onPage(async (page) => {
    await drop(page, samples.map((s) => ({ ...s, type: "text/plain" })));
    const all = await summaries(page, 5);
    const names = await page.locator('[data-testid="doc"] .doc-name').allTextContents();
    assert.deepEqual(names, samples.map((s) => s.name), "a card per file, in the order dropped");
    for (const [i, summary] of all.entries()) {
      assert.ok(summary.length > 0, `${names[i]} has a summary`);
      for (const sentence of summary) {
        assert.ok(samples[i].text.includes(sentence), `${names[i]}: ${sentence} is from the file`);
        assert.doesNotMatch(sentence, /#\w+\s+#\w+/, `${names[i]}: hashtags in ${sentence}`);
        assert.doesNotMatch(sentence, /photo by|via wikimedia/i, `${names[i]}: photo credit`);
      }
    }
    await assertCount(page.locator('[data-testid="error"]'), 0);
    await statusSays(page, /^Summarized 5 documents\.$/);
  });
});

test("an HTML file with scripts and handlers: its article is summarized, no script runs", async () => {
  await onPage(async (page, seen) => {
    const html = fs.readFileSync(path.join(fixtures, "article-with-scripts.html"));
    await page.locator('[data-testid="file-input"]').setInputFiles({
      name: "night-trains.html",
      mimeType: "text/html",
      buffer: html,
    });
    const [summary] = await summaries(page, 1);
    const card = page.locator('[data-testid="doc"]');
    await card.locator(".source summary").click();
    await card.locator(".source-text mark").first().waitFor();
    const source = await card.locator(".source-text").textContent();
    assert.match(source, /^Night trains are returning to European railways/, "the article's text, from its first paragraph");
    assert.match(source, /capacity will stay tight until more carriages arrive later in the decade\.$/);
    for (const furniture of ["Subscribe", "Most read", "Cookie settings", "Sign in", "pwned"]) {
      assert.ok(!source.includes(furniture), `page furniture or script in the text: ${furniture}`);
    }
    assert.ok(summary.length === 3 && summary.every((s) => source.includes(s)));
    assert.equal(
      await card.locator(".doc-title").textContent(),
      "Night trains return to Europe",
      "the article's title is shown (and given to the summarizer)",
    );
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "a script of the file ran");
    assert.equal(await page.title(), "gisty: summaries made in your browser");
    assert.equal(await page.locator("body").evaluate((b) => b.textContent.includes("pwned")), false);
    const foreign = seen.requests.filter((u) => !u.startsWith(url));
    assert.deepEqual(foreign, [], "something in the file was fetched");
    assert.ok(seen.violations.length > 0, "the policy blocked the file's handlers (defence in depth)");
  }, { allowViolations: INERT_HTML_VIOLATIONS });
});

test("a PNG and other non-text files: an error each, the others still summarized", async () => {
  await onPage(async (page) => {
    const latin1 = Buffer.from("Caf\xe9 cr\xe8me. Cr\xe8me br\xfbl\xe9e.", "latin1");
    await drop(page, [
      { name: "photo.png", bytes: png(), type: "image/png" },
      { ...samples[0], type: "text/plain" },
      { name: "disguised.txt", bytes: png(), type: "text/plain" },
      { name: "report.pdf", bytes: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1") },
      { name: "cafe.txt", bytes: latin1, type: "text/plain" },
      { name: "table.csv", text: "a,b\n1,2\n", type: "text/csv" },
    ]);
    // A PDF with a header and nothing else is damaged (issue 15 reads PDFs); a windows-1252
    // text is decoded as a browser does, not refused.
    const errors = page.locator('[data-testid="error"]');
    await assertCount(errors, 4);
    const text = await errors.allTextContents();
    assert.match(text[0], /photo\.png.*this is a PNG image/s);
    assert.match(text[1], /disguised\.txt.*This file is a PNG image, not text/s);
    assert.match(text[2], /report\.pdf.*This PDF (is damaged|could not be read)/s);
    assert.match(text[3], /table\.csv.*not a \.csv file/s);
    const got = await summaries(page, 2);
    assert.equal(got[0].length, 3);
    assert.ok(
      got.flat().some((s) => s.includes("Crème brûlée") || s.includes("Café crème")),
      `the windows-1252 file is summarized with its accents: ${JSON.stringify(got)}`,
    );

    // The page goes on working: typed text is summarized, and an error can be dismissed.
    await paste(page, samples[1].text);
    await summaries(page, 3);
    await errors.first().getByRole("button", { name: /Dismiss/ }).click();
    await assertCount(errors, 3);
  });
});

test("Markdown loses its markup", async () => {
  await onPage(async (page) => {
    const md = [
      "---",
      "title: front matter",
      "---",
      "# Night trains return",
      "",
      "Night trains are **returning** to [European railways](https://example.org/rail) after _decades_ of decline.",
      "Operators in `Austria` and Sweden have added sleeper services.",
      "",
      "![a train](train.png)",
      "",
      "```js",
      "console.log('code is not prose');",
      "```",
      "",
      "- Demand is driven by passengers who want to avoid short flights.",
      "- A couchette costs less than a flight and a hotel together.",
      "",
      "> The journey itself has become part of the holiday, one traveller said.",
      "",
      "| route | hours |",
      "| --- | --- |",
      "| Vienna to Paris | 14 |",
      "",
      "Escaped \\*stars\\* stay. [ref]: https://example.org",
    ].join("\n");
    await drop(page, [{ name: "trains.md", text: md, type: "text/markdown" }]);
    await summaries(page, 1);
    const card = page.locator('[data-testid="doc"]');
    await card.locator(".source summary").click();
    await card.locator(".source-text mark").first().waitFor();
    const source = await card.locator(".source-text").textContent();
    assert.equal(
      source,
      [
        "Night trains return",
        "",
        "Night trains are returning to European railways after decades of decline.",
        "Operators in Austria and Sweden have added sleeper services.",
        "",
        "Demand is driven by passengers who want to avoid short flights.",
        "A couchette costs less than a flight and a hotel together.",
        "",
        "The journey itself has become part of the holiday, one traveller said.",
        "",
        "route · hours",
        "Vienna to Paris · 14",
        "",
        "Escaped *stars* stay. [ref]: https://example.org",
      ].join("\n"),
    );
  });
});

test("length, method and score shading apply live", async () => {
  await onPage(async (page) => {
    const { text } = samples[3];
    await paste(page, text);
    await summaries(page, 1);
    const items = page.locator('[data-testid="summary"] li');

    await page.locator("#length-number").fill("1");
    await assertCount(items, 1);
    await page.locator("#length-range").fill("6");
    await assertCount(items, 6);
    assert.equal(await page.locator("#length-number").inputValue(), "6");

    await page.locator("#length-mode").selectOption("words");
    await page.locator("#length-number").fill("60");
    const countWords = (texts) => texts.join(" ").match(/[\p{L}\p{N}]+/gu).length;
    const words = await until(async () => {
      const n = countWords(await items.allTextContents());
      return n <= 60 && n;
    }, "a summary of at most 60 words");
    assert.ok(words > 20, `a 60-word summary has only ${words} words`);

    await page.locator("#length-mode").selectOption("percent");
    assert.equal(await page.locator("#length-number").inputValue(), "20", "each mode keeps its value");
    await page.locator("#length-mode").selectOption("sentences");
    await page.locator("#method").selectOption("lead");
    const lead = (await sentencesOf(page, text)).slice(0, 6);
    await until(
      async () => JSON.stringify(await items.allTextContents()) === JSON.stringify(lead),
      "lead: the first 6 sentences",
    );
    const sentences = await sentencesOf(page, text);

    const card = page.locator('[data-testid="doc"]');
    await card.locator(".source summary").click();
    await page.locator("#shade").check();
    await page.waitForFunction(() => document.querySelectorAll(".source-text .scored").length > 0);
    assert.equal(await card.locator(".source-text .scored").count(), sentences.length, "every sentence shaded");
    assert.equal(await card.locator(".source-text mark.scored").count(), 6, "the summary's marked");
    assert.equal(await card.locator(".legend").isVisible(), true);
    await page.locator("#shade").uncheck();
    await page.waitForFunction(() => document.querySelectorAll(".source-text .scored").length === 0);
  });
});

test("typing fast: the summary shown is the newest text's", async () => {
  await onPage(async (page) => {
    const input = page.locator('[data-testid="input"]');
    // Each text replaces the last before its summary is back (or even asked for).
    for (const s of samples) {
      await input.fill(s.text);
      await page.waitForTimeout(Math.random() * 300);
    }
    const last = samples.at(-1).text;
    await page.waitForTimeout(600);
    const [summary] = await summaries(page, 1);
    for (const s of summary) assert.ok(last.includes(s), `a stale sentence: ${s}`);
    await page.waitForTimeout(500); // and no late answer replaces it
    assert.deepEqual(await page.locator('[data-testid="summary"] li').allTextContents(), summary);
    await input.fill("");
    await assertCount(page.locator('[data-testid="doc"]'), 0);
    assert.equal(await page.locator(".empty").isVisible(), true);
  });
});

test("copy still works when the Clipboard API refuses (the older copy command)", async () => {
  await onPage(
    async (page) => {
      await paste(page, samples[0].text);
      const [sentences] = await summaries(page, 1);
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException("Document is not focused.", "NotAllowedError"));
      });
      const card = page.locator('[data-testid="doc"]').first();
      await card.getByRole("button", { name: "Copy" }).click();
      await card.getByRole("button", { name: "Copied" }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), sentences.join("\n"));
    },
    { permissions: ["clipboard-read", "clipboard-write"] },
  );
});

test("copy, download and export all", async () => {
  await onPage(
    async (page) => {
      await drop(page, samples.slice(0, 2).map((s) => ({ ...s, type: "text/plain" })));
      const all = await summaries(page, 2);
      const first = page.locator('[data-testid="doc"]').first();

      await first.getByRole("button", { name: "Copy" }).click();
      await first.getByRole("button", { name: "Copied" }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), all[0].join("\n"));

      const read = async (download) => fs.readFileSync(await download.path(), "utf8");
      let [download] = await Promise.all([
        page.waitForEvent("download"),
        first.getByRole("button", { name: ".md", exact: true }).click(),
      ]);
      assert.equal(download.suggestedFilename(), "000_046262ac0d97e98c-summary.md");
      const md = await read(download);
      assert.ok(md.startsWith("# 000\\_046262ac0d97e98c.txt\n\n- "), md);
      assert.equal(md.split("\n").filter((l) => l.startsWith("- ")).length, all[0].length);

      [download] = await Promise.all([
        page.waitForEvent("download"),
        first.getByRole("button", { name: ".txt", exact: true }).click(),
      ]);
      assert.equal(download.suggestedFilename(), "000_046262ac0d97e98c-summary.txt");
      assert.equal(await read(download), `${all[0].join("\n")}\n`);

      [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-md").click()]);
      assert.equal(download.suggestedFilename(), "gisty-summaries.md");
      const everything = await read(download);
      assert.equal(everything.match(/^## /gm).length, 3, "a section per document, after the combined one");
      [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-txt").click()]);
      const txt = await read(download);
      for (const sentence of all.flat()) assert.ok(txt.includes(sentence));
    },
    { permissions: ["clipboard-read", "clipboard-write"], acceptDownloads: true },
  );
});

test("a worker that crashes: an error on that document, a new worker for what follows", async () => {
  await onPage(async (page, seen) => {
    const [worker] = page.workers();
    assert.ok(worker, "the summarizer runs in a worker");
    await worker.evaluate(() => {
      self.onmessage = () => {
        throw new Error("simulated crash");
      };
    });
    await paste(page, samples[0].text);
    const error = page.locator('[data-testid="doc"] [data-testid="error"]');
    await error.waitFor();
    assert.match(await error.textContent(), /The summarizer stopped \(.*simulated crash\) and was restarted\./);
    seen.errors.length = 0; // the crash's own report in the console

    await page.locator("#method").selectOption("lexrank");
    const [summary] = await summaries(page, 1);
    assert.equal(summary.length, 3);
    await assertCount(error, 0);
  });
});

test("a 1 MB text: summarized in the worker, while the page goes on serving the reader", async () => {
  await onPage(async (page) => {
    let big = "";
    for (let i = 0; big.length < 1_000_000; i += 1) big += `${samples[i % samples.length].text}\n\n`;
    // The worker holds summary requests until the test lets them go: what the page does meanwhile
    // happens while the summary is certainly outstanding, however fast or loaded the machine.
    // (How long the main thread goes without a frame meanwhile is a figure of
    // scripts/bench-page.mjs, not a test.)
    const [worker] = page.workers();
    assert.ok(worker, "the summarizer runs in a worker");
    await worker.evaluate(() => {
      const handle = self.onmessage;
      const held = [];
      self.gistyHeld = () => held.length;
      self.gistyRelease = () => {
        self.onmessage = handle;
        setTimeout(() => held.splice(0).forEach(handle));
      };
      self.onmessage = (event) => {
        if (event.data.kind === "summarize") held.push(event);
        else handle(event);
      };
    });
    await page.evaluate((text) => {
      const input = document.querySelector('[data-testid="input"]');
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, big);
    await until(() => worker.evaluate(() => self.gistyHeld() === 1), "the 1 MB text's request in the worker");

    // The summary is the worker's to make: none shows while it holds the request.
    const card = page.locator('[data-testid="doc"]');
    const items = card.locator('[data-testid="summary"] li');
    assert.equal(await card.getAttribute("aria-busy"), "true", "the card says it is busy");
    assert.equal(await items.count(), 0, "a summary that the worker did not make");

    // Meanwhile the reader reads the text, a part at a time, and asks for a longer summary.
    await card.locator(".source summary").click();
    const source = card.locator(".source-text");
    const first = await until(async () => (await source.textContent()) || null, "the source text");
    assert.ok(first.length > 100_000 && big.startsWith(first), "the first part of the text");
    await card.getByRole("button", { name: "Later" }).click();
    await until(async () => /^Part 2 of \d+ /.test(await card.locator(".pager-where").textContent()), "part 2");
    const second = await source.textContent();
    assert.ok(second !== first && big.includes(second), "the second part of the text");
    await page.locator("#length-number").fill("5");
    assert.equal(await page.locator("#length-range").inputValue(), "5", "the range follows the number");
    assert.equal(await items.count(), 0, "the worker still holds the request");

    // Let go, the summary arrives: of the length asked for meanwhile, from the text.
    await worker.evaluate(() => self.gistyRelease());
    await assertCount(items, 5);
    const [summary] = await summaries(page, 1);
    assert.equal(summary.length, 5);
    for (const s of summary) assert.ok(big.includes(s), `not from the text: ${s}`);
    const meta = await card.locator(".doc-meta").textContent();
    assert.match(meta, /^1\d\d,\d{3} words/, meta);
  });
});
