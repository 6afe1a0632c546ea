// What the Firefox tests share: Firefox ESR headless through geckodriver (selenium-webdriver, with
// WebDriver BiDi to see the page's errors and every request it makes), and the reader's ways in:
// a paste, files chosen in the file input, files dropped.
//
// scripts/test-page.sh runs them after the Chromium tests, with the same GISTY_URL and
// GISTY_SINGLE_FILE; alone, after scripts/build-page.sh: `node --test tests/firefox/`.

import assert from "node:assert/strict";
import { after, before } from "node:test";
import { Builder, By } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import LogInspector from "selenium-webdriver/bidi/logInspector.js";
import { Network } from "selenium-webdriver/bidi/network.js";
import { FIREFOX, FIREFOX_PREFS, geckodriver } from "../../scripts/firefox.mjs";
import { closeAll, pageUrl } from "../page/helpers.mjs";

/** Starts headless Firefox with a fresh profile; returns the driver. */
export async function launch() {
  const driver = geckodriver();
  assert.ok(driver, "geckodriver is not on PATH: scripts/setup.sh installs it");
  const options = new firefox.Options().setBinary(FIREFOX).addArguments("-headless").enableBidi();
  for (const [name, value] of Object.entries(FIREFOX_PREFS)) options.setPreference(name, value);
  const service = new firefox.ServiceBuilder(driver).setEnvironment({ ...process.env, MOZ_HEADLESS: "1" });
  return new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
}

/**
 * One Firefox and the served page for a test file's tests: before them, `ready(browser, url)`;
 * after them, Firefox quits and the server closes.
 */
export function withFirefox(ready) {
  let browser;
  before(async () => {
    const url = await pageUrl();
    browser = await launch();
    await browser.manage().window().setRect({ width: 1100, height: 900 });
    ready(await watch(browser), url);
  });
  after(async () => {
    await browser?.quit();
    await closeAll();
  });
}

/**
 * What the browser saw, since the last `seen.reset()`: every request's address (http: and https:;
 * Firefox reports none for file: URLs), and the errors of the page: uncaught exceptions, console
 * errors, and Content-Security-Policy violations, which Firefox reports as errors too.
 */
async function watch(browser) {
  const seen = { requests: [], errors: [] };
  seen.reset = () => {
    seen.requests.length = 0;
    seen.errors.length = 0;
  };
  const log = await LogInspector(browser);
  await log.onJavascriptException((entry) => seen.errors.push(`page error: ${entry.text}`));
  await log.onConsoleEntry((entry) => {
    if (entry.level === "error") seen.errors.push(`console: ${entry.text}`);
  });
  const network = await Network(browser);
  // (selenium calls this with null for the other events on the connection)
  await network.beforeRequestSent((event) => event && seen.requests.push(event.request.url));
  browser.seen = seen;
  return browser;
}

/**
 * Opens `url` in a new tab (sessionStorage is a tab's: what an earlier test pasted is not put
 * back) and waits until the summarizer is ready; runs `body(seen)`, then checks that the page had
 * no error and no Content-Security-Policy violation.
 */
export async function onPage(browser, url, body) {
  const old = await browser.getWindowHandle();
  await browser.switchTo().newWindow("tab");
  const tab = await browser.getWindowHandle();
  await browser.switchTo().window(old);
  await browser.close();
  await browser.switchTo().window(tab);
  browser.seen.reset();
  await browser.get(url);
  await waitFor(browser, () => document.documentElement.dataset.state === "ready", "the summarizer");
  await body(browser.seen);
  assert.deepEqual(browser.seen.errors, [], "errors in the page");
}

/** Waits (up to 20 s) until `check`, a function run in the page, returns something truthy. */
export async function waitFor(browser, check, what, ...args) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await browser.executeScript(`return (${check})(...arguments)`, ...args);
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sets the text area as a paste does: its whole value in one input event. */
export async function paste(browser, text) {
  const input = await browser.findElement(By.css('[data-testid="input"]'));
  await browser.executeScript(
    (area, text) => {
      area.focus();
      area.value = text;
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    input,
    text,
  );
}

/** Chooses files from disk in the page's file input, as the file dialog does. */
export async function chooseFiles(browser, paths) {
  const input = await browser.findElement(By.css('[data-testid="file-input"]'));
  await input.sendKeys(paths.join("\n"));
}

/**
 * Drops files on the page as a drag from the desktop does: a DataTransfer holding Files, in
 * dragenter, dragover and drop events. Each file: { name, text }.
 */
export async function drop(browser, files) {
  await browser.executeScript((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: "text/plain" }));
    for (const type of ["dragenter", "dragover", "drop"]) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
}

/** The summary sentences of every document card, once each of `count` has one: [[text]]. */
export async function summaries(browser, count) {
  await waitFor(
    browser,
    (n) =>
      [...document.querySelectorAll('[data-testid="doc"]')].filter(
        (d) => !d.hasAttribute("aria-busy") && d.querySelector('[data-testid="summary"] li'),
      ).length === n && document.querySelectorAll('[data-testid="doc"]').length === n,
    `${count} summaries`,
    count,
  );
  return browser.executeScript(() =>
    [...document.querySelectorAll('[data-testid="doc"]')].map((card) =>
      [...card.querySelectorAll('[data-testid="summary"] li')].map((li) => li.textContent),
    ),
  );
}

/** The names on the document cards, in card order. */
export function cardNames(browser) {
  return browser.executeScript(() =>
    [...document.querySelectorAll('[data-testid="doc"] .doc-name')].map((h) => h.textContent),
  );
}

/**
 * The combined card once it shows a summary: its name, meta line and sentences, each as
 * { text, source, support: [names], supportText }.
 */
export async function combinedCard(browser) {
  await waitFor(
    browser,
    () => {
      const card = document.querySelector('[data-testid="combined"]');
      return !card.hidden && !card.hasAttribute("aria-busy") && card.querySelector('[data-testid="combined-summary"] li');
    },
    "the combined summary",
  );
  return browser.executeScript(() => {
    const card = document.querySelector('[data-testid="combined"]');
    return {
      name: card.querySelector(".doc-name").textContent,
      meta: card.querySelector(".doc-meta").textContent,
      sentences: [...card.querySelectorAll('[data-testid="combined-summary"] li')].map((li) => ({
        text: li.querySelector(".sentence").textContent,
        source: li.querySelector('[data-testid="source-link"]').textContent,
        support: [...li.querySelectorAll('[data-testid="support"] .source-link')].map((b) => b.textContent),
        supportText: li.querySelector('[data-testid="support"]')?.textContent ?? "",
      })),
      duplicates: card.querySelector('[data-testid="duplicates"]').hidden
        ? []
        : [...card.querySelectorAll('[data-testid="duplicates"] li')].map((li) => li.textContent),
    };
  });
}
