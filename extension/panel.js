// The extension's panel (Chromium's side panel, Firefox's sidebar): the summary of the tab the
// reader asked about, with the page's length, method and focus controls, key phrases, copy and
// download, made by the page's own modules (engine.js and worker.js over the same wasm build,
// settings.js, card.js, export.js, format.js). The tab is reached through background.js only.
//
// Which tab: ?tab=N in the panel's address (tests open the panel as a tab), else the one the
// toolbar button, menu item or shortcut was used on (background.js keeps it in session storage
// and says so when the panel is open already), else the window's active tab.

import { Engine, SUPERSEDED } from "../www/engine.js";
import { showError, showKeywords, showSentences } from "../www/card.js";
import { deliver } from "../www/export.js";
import { downloadName, summaryMarkdown, summaryText } from "../www/format.js";
import { createSettings } from "../www/settings.js";

const KEYWORDS = 8;
const SETTINGS_PAUSE_MS = 100;
const TYPING_PAUSE_MS = 250;
const SAVED = "settings";

const $ = (selector) => document.querySelector(selector);
const ui = {
  title: $("#title"),
  origin: $("#origin"),
  mode: $("#length-mode"),
  range: $("#length-range"),
  number: $("#length-number"),
  method: $("#method"),
  focus: $("#focus"),
  status: $("#status"),
  copy: $("#copy"),
  downloadMd: $("#download-md"),
  downloadTxt: $("#download-txt"),
  again: $("#again"),
};
/** The card, as card.js knows one. */
const view = { card: $("#card"), meta: $("#meta"), keywords: $("#keywords"), summary: $("#summary"), more: $("#more") };

// <html data-state>: "reading", "summarizing", "done" (a summary is shown, its highlights asked
// for), "failed" (an error is shown); tests wait on it.
const setState = (state) => {
  document.documentElement.dataset.state = state;
};

const engine = new Engine(() => new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "gisty" }), {
  onBroken: (message) => fail(message),
});

/** The tab summarized, its article ({ source, text, title, language, captions, url }), the answer. */
let tab = null;
let article = null;
let shown = null;

const prefs = createSettings(ui, () => later(SETTINGS_PAUSE_MS));
ui.focus.addEventListener("input", () => later(TYPING_PAUSE_MS));

let timer = null;
function later(ms) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    chrome.storage.local.set({ [SAVED]: prefs.snapshot() }).catch(() => {});
    summarize();
  }, ms);
}

/** A request to background.js about the tab; rejects with its error. */
async function ask(kind, extra = {}) {
  const answer = await chrome.runtime.sendMessage({ kind, tab, ...extra });
  if (!answer) throw new Error("the extension's background did not answer");
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer.result;
}

function say(message) {
  ui.status.textContent = message;
}

function fail(message) {
  shown = null;
  showError(view, message, "No summary.");
  view.keywords.hidden = true;
  setState("failed");
}

/** What the reader is told when the tab cannot be read: a browser page, or one not asked about. */
function unreadable(message) {
  if (/\b(chrome|about|edge|moz-extension|chrome-extension):|gallery|cannot be scripted/i.test(message)) {
    return "This is one of the browser's own pages, which no extension may read.";
  }
  if (/permission|cannot access/i.test(message)) {
    return "gisty reads a page only when you ask it to there: use its toolbar button, the “Summarize this page” menu item or its shortcut on the page.";
  }
  return `gisty cannot read this page (${message}).`;
}

/** Reads the tab's article (or selection) anew, then summarizes it. */
async function read() {
  setState("reading");
  view.meta.textContent = "Reading the page…";
  view.summary.replaceChildren();
  try {
    article = await ask("read");
  } catch (e) {
    article = null;
    ui.title.textContent = "gisty";
    ui.origin.textContent = "";
    fail(unreadable(e.message));
    return;
  }
  ui.title.textContent = article.title;
  document.title = `gisty: ${article.title}`;
  const where = article.source === "selection" ? "The selection on" : "The article of";
  ui.origin.textContent = `${where} ${article.url}`;
  view.card.dataset.source = article.source;
  summarize();
}

async function summarize() {
  if (!article) return;
  setState("summarizing");
  const { text, captions, language } = article;
  const options = { ...prefs.options(), ...(language ? { languageHint: language } : {}) };
  let answer;
  try {
    answer = await engine.request("summary", { kind: "summarize", text, captions, options }, text.length);
  } catch (e) {
    fail(e.message);
    return;
  }
  if (answer === SUPERSEDED) return;
  const { summary, ms } = answer;
  shown = summary;
  const items = summary.sentences.map((s, i) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dir = "auto";
    button.className = "sentence";
    button.textContent = s.text;
    button.title = "Show this sentence on the page";
    button.dataset.index = String(i);
    li.append(button);
    return li;
  });
  const from = article.source === "selection" ? " of the selection" : "";
  showSentences(view, summary, items, { ms, empty: "No sentences to summarize on this page.", from });
  keywords(text, language);
  await highlight(summary.sentences.map((s) => s.text));
  setState("done");
}

async function keywords(text, language) {
  let answer;
  try {
    answer = await engine.request("keywords", { kind: "keywords", input: text, count: KEYWORDS, languageHint: language }, text.length);
  } catch {
    view.keywords.hidden = true;
    return;
  }
  if (answer !== SUPERSEDED) showKeywords(view.keywords, answer.keywords, prefs.focus());
}

/** Highlights the summary on the page; a sentence not found there is marked so in the panel. */
async function highlight(sentences) {
  let covered;
  try {
    covered = await ask("highlight", { sentences });
  } catch (e) {
    say(`The sentences could not be highlighted on the page (${e.message}).`);
    return;
  }
  const missing = covered.filter((c) => c === null).length;
  view.summary.querySelectorAll(".sentence").forEach((b, i) => {
    b.dataset.found = String(covered[i] !== null);
    if (covered[i] === null) b.title = "This sentence could not be found on the page";
  });
  say(missing ? `${missing} of the sentences could not be found on the page.` : "");
}

view.summary.addEventListener("click", async (event) => {
  const button = event.target.closest(".sentence");
  if (!button) return;
  for (const b of view.summary.querySelectorAll(".sentence")) b.removeAttribute("aria-current");
  button.setAttribute("aria-current", "true");
  try {
    if (!(await ask("scroll", { index: Number(button.dataset.index) }))) say("This sentence could not be found on the page.");
  } catch (e) {
    say(`The page could not be scrolled (${e.message}).`);
  }
});

view.keywords.addEventListener("click", (event) => {
  const chip = event.target.closest("button");
  if (!chip) return;
  const pressed = chip.getAttribute("aria-pressed") === "true";
  ui.focus.value = pressed ? "" : chip.textContent;
  later(0);
});

/** The summary for export: its sentences, named after the page. */
function exported() {
  if (!shown || !article) return null;
  return { name: article.title, sentences: shown.sentences };
}

for (const [button, action] of [
  [ui.copy, "copy"],
  [ui.downloadMd, "md"],
  [ui.downloadTxt, "txt"],
]) {
  button.addEventListener("click", () => {
    const doc = exported();
    if (!doc) return say("There is no summary to copy or download yet.");
    deliver(action, button, {
      what: "The summary",
      file: downloadName(doc.name, action === "txt" ? "txt" : "md"),
      plain: summaryText(doc.sentences),
      markdown: () => summaryMarkdown(doc),
      say,
    });
  });
}
ui.again.addEventListener("click", () => read());

chrome.runtime.onMessage.addListener((message) => {
  if (message?.kind !== "summarize") return;
  tab = message.tab;
  read();
});

async function start() {
  const saved = (await chrome.storage.local.get(SAVED).catch(() => ({})))[SAVED];
  if (saved) prefs.restore(saved);
  const asked = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(asked) && asked > 0) tab = asked;
  else tab = (await chrome.storage.session.get("tab").catch(() => ({}))).tab ?? null;
  if (tab === null) {
    const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
    tab = active?.id ?? null;
  }
  if (tab === null) return fail("There is no tab to summarize.");
  read();
}
start();
