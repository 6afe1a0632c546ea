// What the extension tests share: Chromium with the tests' build of the extension loaded
// (target/extension-test, made by scripts/test-extension.sh: the shipped extension plus host
// access to http://127.0.0.1/*), the pages it is tried on, served on a loopback port, and ways to
// open the panel on one of them and read what it shows.
//
// Run alone after scripts/test-extension.sh has built: `node --test tests/extension/`.

import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../../scripts/chromium.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The tests' build, and the shipped ones (scripts/build.sh extension). */
export const testBuild = process.env.GISTY_EXTENSION_TEST ?? path.join(root, "target/extension-test");
export const shipped = path.join(root, "dist/extension");
export const shippedFirefox = path.join(root, "dist/extension-firefox");
export const shippedZip = path.join(root, "dist/gisty-extension.zip");
export const artifacts = process.env.GISTY_ARTIFACTS ?? path.join(root, "target/extension-artifacts");

const read = (...parts) => fs.readFileSync(path.join(root, ...parts), "utf8");
const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A news site's page around an article's paragraphs: navigation, a newsletter box, related links
 * beside the article and a footer, the furniture Readability must leave out.
 */
function newsPage({ title, paragraphs, lang = "en", head = "", markup = escape }) {
  const body = paragraphs.map((p) => `      <p>${markup(p)}</p>`).join("\n");
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <title>${escape(title)} | The Example Courier</title>${head}
</head>
<body>
  <header>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav>
    <div class="newsletter">Subscribe to our newsletter for the best stories every morning, free of charge!</div>
  </header>
  <main>
    <article>
      <h1>${escape(title)}</h1>
      <p class="byline">By the Courier's staff</p>
${body}
    </article>
    <aside>
      <h2>Most read</h2>
      <ul><li><a href="/a">Ten recipes for a rainy weekend at home</a></li><li><a href="/b">The best hiking trails near the city, ranked by our readers</a></li></ul>
    </aside>
  </main>
  <footer>© The Example Courier. All rights reserved. Terms of use. Privacy policy. Cookie settings.</footer>
</body>
</html>
`;
}

/**
 * A paragraph as a blog's markup has it: a link and an emphasis inside its words, a no-break space
 * after its first comma and a line break in its source, so that its sentences run over several
 * text nodes and white space differs from the text the panel summarizes.
 */
function blogParagraph(text) {
  const words = text.split(" ");
  const html = words.map(escape);
  if (html.length > 8) {
    html[2] = `<a href="/tags/${encodeURIComponent(words[2].toLowerCase())}">${html[2]}`;
    html[4] = `${html[4]}</a>`;
    html[6] = `<em>${html[6]}</em>`;
    html[Math.floor(html.length / 2)] += "\n        ";
  }
  return html.join(" ").replace(", ", ",&nbsp;");
}

const sampleParagraphs = (name) =>
  read("tests/data/samples", name)
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A page that forbids every script, inline or not, and every style sheet of its own. */
export const STRICT_POLICY = "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; base-uri 'none'";

const french = read("tests/page/fixtures/languages/tramway-lyon.fr.txt").split(/\n\n+/);

/**
 * The pages the extension is tried on, by path: the page tests' saved article fixtures (a
 * <figure> story and one whose captions are only classes), three of the sample news reports in a
 * news site's page, one of them under a strict Content-Security-Policy, one with links, emphasis
 * and odd white space inside its sentences, and a French report.
 * `article`: the article's text, which every summary sentence must come from.
 */
export const PAGES = {
  "/figure.html": { body: read("tests/page/fixtures/captions/figure.html") },
  "/inline.html": { body: read("tests/page/fixtures/captions/inline.html") },
  "/news.html": {
    body: newsPage({ title: "Peace negotiations advance in Florida talks", paragraphs: sampleParagraphs("000_046262ac0d97e98c.txt") }),
    article: sampleParagraphs("000_046262ac0d97e98c.txt").join("\n"),
  },
  "/strict.html": {
    body: newsPage({ title: "A report under a strict policy", paragraphs: sampleParagraphs("002_d8367396b4d4499a.txt") }),
    article: sampleParagraphs("002_d8367396b4d4499a.txt").join("\n"),
    headers: { "Content-Security-Policy": STRICT_POLICY },
  },
  "/blog.html": {
    body: newsPage({ title: "A report with links and emphasis", paragraphs: sampleParagraphs("001_ebdf62a2ef74ddb9.txt"), markup: blogParagraph }),
    article: sampleParagraphs("001_ebdf62a2ef74ddb9.txt").join("\n"),
  },
  "/french.html": {
    body: newsPage({ title: french[0].trim(), paragraphs: french.slice(1).map((p) => p.trim()), lang: "fr" }),
    article: french.slice(1).join("\n"),
  },
};
PAGES["/figure.html"].article = articleOf(PAGES["/figure.html"].body);
PAGES["/inline.html"].article = articleOf(PAGES["/inline.html"].body);

/** The text of a fixture's <p> elements: its article's paragraphs. */
function articleOf(html) {
  return [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, "")).join("\n");
}

/** Serves PAGES on a free loopback port; anything else is a 404 (the pictures they name too). */
export function serve() {
  const server = http.createServer((request, response) => {
    const page = PAGES[new URL(request.url, "http://127.0.0.1").pathname];
    if (!page) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...(page.headers ?? {}) }).end(page.body);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

/**
 * Chromium with `dir` (an unpacked extension) loaded, in the new headless mode (the old one has
 * no extensions), with a fresh profile; returns { context, id, worker, profile } (id: the
 * extension's, from its service worker's address).
 */
export async function launchWithExtension(dir = testBuild) {
  assert.ok(fs.existsSync(path.join(dir, "manifest.json")), `${dir} is missing: run scripts/test-extension.sh`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gisty-extension-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1000, height: 700 },
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent("serviceworker", { timeout: 20_000 });
  const id = new URL(worker.url()).host;
  return { context, id, worker, profile };
}

/** Closes the browser and deletes its profile. */
export async function closeBrowser({ context, profile }) {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

/** The id of the tab showing `url`, as the extension sees it. */
export async function tabId(worker, url) {
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  assert.ok(Number.isInteger(id), `no tab shows ${url}`);
  return id;
}

/**
 * Opens the panel as a tab on the tab showing `page`'s address (panel.html?tab=N: a test cannot
 * press the toolbar button), waits for its summary and returns the panel's page. The settings an
 * earlier panel kept are forgotten first, unless `keepSettings`.
 */
export async function openPanel(ext, page, { keepSettings = false } = {}) {
  if (!keepSettings) await ext.worker.evaluate(() => chrome.storage.local.clear());
  const tab = await tabId(ext.worker, page.url());
  const panel = await ext.context.newPage();
  panel.on("pageerror", (e) => {
    throw e;
  });
  await panel.goto(`chrome-extension://${ext.id}/panel.html?tab=${tab}`);
  await settled(panel);
  return panel;
}

/** Waits until the panel shows a summary (its highlights asked for) or an error. */
export async function settled(panel) {
  await panel.waitForFunction(() => ["done", "failed"].includes(document.documentElement.dataset.state), null, {
    timeout: 30_000,
  });
}

/** The summary sentences the panel lists. */
export function panelSentences(panel) {
  return panel.locator('[data-testid="summary"] .sentence').allTextContents();
}

/** The highlights on `page`: { name: [the text of each range] }, as the page's own world sees them. */
export function highlights(page) {
  return page.evaluate(() =>
    Object.fromEntries([...CSS.highlights.entries()].map(([name, h]) => [name, [...h].map((r) => r.toString())])),
  );
}

/** White space folded: a sentence as the page's text nodes and the summary both have it. */
export const fold = (text) => text.replace(/\s+/g, " ").trim();
