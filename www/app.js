// The page: text and files in, a card per document out, every setting applied live.
//
// Summaries are made in worker.js (through engine.js), so the page never waits on the wasm.
// Everything the reader gives the page is shown with textContent: it is text, never markup.

import { Engine, SUPERSEDED } from "./engine.js";
import { ExtractError, readFile } from "./extract.js";
import { allSummaries, countWords, downloadName, summaryMarkdown, summaryText } from "./format.js";

/** The languages the core knows; another declared language falls back to the default. */
const LANGUAGES = new Set(["en", "fr", "de", "es", "it", "pt", "nl", "ru"]);

/** Length modes: the slider's range and the value each starts at. */
const LENGTHS = {
  sentences: { min: 1, max: 20, step: 1, value: 3, unit: (n) => (n === 1 ? "sentence" : "sentences") },
  percent: { min: 5, max: 100, step: 5, value: 20, unit: () => "% of the sentences" },
  words: { min: 20, max: 500, step: 10, value: 100, unit: (n) => (n === 1 ? "word" : "words") },
};

const TYPING_PAUSE_MS = 250;
const SETTINGS_PAUSE_MS = 100;

const $ = (selector) => document.querySelector(selector);
const ui = {
  input: $("#input"),
  fileInput: $("#file-input"),
  mode: $("#length-mode"),
  range: $("#length-range"),
  number: $("#length-number"),
  method: $("#method"),
  shade: $("#shade"),
  exportMd: $("#export-md"),
  exportTxt: $("#export-txt"),
  status: $("#status"),
  docs: $("#docs"),
  overlay: $(".drop-overlay"),
  docTemplate: $("#doc-template"),
  errorTemplate: $("#error-template"),
};

/** The documents on the page, in card order, by key ("pasted", or "file-N"). */
const docs = new Map();
let nextFile = 1;
/** The Blob URL of the single-file build's worker, made once. */
let inlinedWorker = null;
const lengths = Object.fromEntries(Object.entries(LENGTHS).map(([k, v]) => [k, v.value]));

// <html data-state> says where the summarizer is: "ready" once its wasm is loaded (tests wait for
// it), "broken" when its worker keeps failing.
const engine = new Engine(startWorker, {
  onReady: () => {
    document.documentElement.dataset.state = "ready";
  },
  onBroken: (message) => {
    document.documentElement.dataset.state = "broken";
    say(message);
  },
});

/**
 * The summarizer's worker: worker.js beside this file, or, in the single-file build, the worker
 * that scripts/single-file.mjs inlined into the page as a data block, bundled as a classic script
 * (a file:// page cannot start a module worker from a blob: URL).
 */
function startWorker() {
  const inlined = document.getElementById("gisty-worker");
  if (inlined) {
    inlinedWorker ??= URL.createObjectURL(new Blob([inlined.textContent], { type: "text/javascript" }));
    return new Worker(inlinedWorker, { name: "gisty" });
  }
  return new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "gisty" });
}

// ---- settings

function options(doc) {
  const n = lengths[ui.mode.value];
  const length = ui.mode.value === "percent" ? { ratio: n / 100 } : { [ui.mode.value]: n };
  const language = doc.language?.toLowerCase().split(/[-_]/)[0];
  return {
    ...length,
    method: ui.method.value,
    ...(doc.title ? { title: doc.title } : {}),
    ...(LANGUAGES.has(language) ? { language } : {}),
  };
}

function showLength() {
  const mode = LENGTHS[ui.mode.value];
  const n = lengths[ui.mode.value];
  Object.assign(ui.range, { min: mode.min, max: mode.max, step: mode.step });
  ui.range.value = String(Math.min(Math.max(n, mode.min), mode.max));
  Object.assign(ui.number, { min: "1", max: ui.mode.value === "percent" ? "100" : "", step: "1" });
  ui.number.value = String(n);
  ui.range.setAttribute("aria-valuetext", `${n} ${mode.unit(n)}`);
}

function setLength(raw) {
  const n = Math.round(Number(raw));
  const max = ui.mode.value === "percent" ? 100 : Infinity;
  if (!Number.isFinite(n) || n < 1 || n > max) return false;
  lengths[ui.mode.value] = n;
  return true;
}

const settingsChanged = debounce(() => {
  for (const doc of docs.values()) if (doc.text !== null) summarizeDoc(doc);
}, SETTINGS_PAUSE_MS);

ui.mode.addEventListener("change", () => {
  showLength();
  settingsChanged();
});
ui.range.addEventListener("input", () => {
  setLength(ui.range.value);
  showLength();
  settingsChanged();
});
ui.number.addEventListener("input", () => {
  if (!setLength(ui.number.value)) return; // a half-typed number: wait for the rest
  const mode = LENGTHS[ui.mode.value];
  const n = lengths[ui.mode.value];
  ui.range.value = String(Math.min(Math.max(n, mode.min), mode.max));
  ui.range.setAttribute("aria-valuetext", `${n} ${mode.unit(n)}`);
  settingsChanged();
});
ui.number.addEventListener("change", showLength);
ui.method.addEventListener("change", settingsChanged);
ui.shade.addEventListener("change", settingsChanged);

// ---- input: typing, pasting, files

const typed = debounce(() => {
  const text = ui.input.value;
  let doc = docs.get("pasted");
  if (!text.trim()) {
    if (doc) removeDoc(doc);
    return;
  }
  if (!doc) doc = addDoc("pasted", "Pasted text", { first: true });
  doc.text = text;
  summarizeDoc(doc);
}, TYPING_PAUSE_MS);
ui.input.addEventListener("input", typed);

ui.fileInput.addEventListener("change", () => {
  addFiles(ui.fileInput.files);
  ui.fileInput.value = ""; // choosing the same file again is a new change
});

// Files dropped anywhere on the page; text dragged into the text area keeps its usual behaviour.
let dragDepth = 0;
const hasFiles = (event) => event.dataTransfer?.types.includes("Files");
window.addEventListener("dragenter", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth += 1;
  ui.overlay.hidden = false;
});
window.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
});
window.addEventListener("dragleave", (event) => {
  if (!hasFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) ui.overlay.hidden = true;
});
window.addEventListener("drop", (event) => {
  dragDepth = 0;
  ui.overlay.hidden = true;
  if (!hasFiles(event)) return;
  event.preventDefault();
  addFiles(event.dataTransfer.files);
});
// Files pasted outside the text area (copied in a file manager) are dropped files too.
document.addEventListener("paste", (event) => {
  if (event.target === ui.input || !event.clipboardData?.files.length) return;
  event.preventDefault();
  addFiles(event.clipboardData.files);
});

function addFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) return;
  say(`Reading ${plural(files.length, "file")}…`);
  for (const file of files) {
    const doc = addDoc(`file-${nextFile++}`, file.name);
    readFile(file).then(
      (read) => {
        if (docs.get(doc.key) !== doc) return;
        Object.assign(doc, { text: read.text, title: read.title, language: read.language });
        if (read.title) {
          doc.el.title.textContent = read.title;
          doc.el.title.hidden = false;
        }
        summarizeDoc(doc);
      },
      (error) => {
        if (docs.get(doc.key) !== doc) return;
        const message =
          error instanceof ExtractError ? error.message : `This file could not be read (${error}).`;
        fileError(doc, message);
      },
    );
  }
}

// ---- documents and their cards

function addDoc(key, name, { first = false } = {}) {
  const card = ui.docTemplate.content.firstElementChild.cloneNode(true);
  const el = {
    card,
    name: card.querySelector(".doc-name"),
    title: card.querySelector(".doc-title"),
    meta: card.querySelector(".doc-meta"),
    summary: card.querySelector(".summary"),
    details: card.querySelector(".source"),
    legend: card.querySelector(".legend"),
    source: card.querySelector(".source-text"),
  };
  const doc = { key, name, text: null, title: undefined, language: undefined, el, answer: null };
  el.name.textContent = name;
  el.source.setAttribute("aria-label", `Source text of ${name}`);
  card.querySelector('[data-action="remove"]').setAttribute("aria-label", `Remove ${name}`);
  card.addEventListener("click", (event) => {
    const action = event.target.closest("button")?.dataset.action;
    if (action) act(doc, action, event.target.closest("button"));
  });
  el.details.addEventListener("toggle", () => renderSource(doc));
  if (first) {
    ui.docs.prepend(card);
    docs.delete(key);
    const rest = [...docs];
    docs.clear();
    docs.set(key, doc);
    for (const [k, d] of rest) docs.set(k, d);
  } else {
    ui.docs.append(card);
    docs.set(key, doc);
  }
  updateEmpty();
  return doc;
}

function removeDoc(doc) {
  engine.forget(doc.key);
  docs.delete(doc.key);
  doc.el.card.remove();
  if (doc.key === "pasted" && ui.input.value) ui.input.value = "";
  updateEmpty();
}

function fileError(doc, message) {
  const card = ui.errorTemplate.content.firstElementChild.cloneNode(true);
  card.querySelector(".doc-name").textContent = doc.name;
  card.querySelector(".message").textContent = message;
  const dismiss = card.querySelector('[data-action="remove"]');
  dismiss.setAttribute("aria-label", `Dismiss the message about ${doc.name}`);
  dismiss.addEventListener("click", () => {
    card.remove();
    updateEmpty();
  });
  engine.forget(doc.key);
  docs.delete(doc.key);
  doc.el.card.replaceWith(card);
  say(`${doc.name}: ${message}`);
  updateEmpty();
}

function updateEmpty() {
  const any = ui.docs.querySelector(".card") !== null;
  ui.docs.querySelector(".empty").hidden = any;
  const summarized = [...docs.values()].some((d) => d.answer);
  ui.exportMd.disabled = ui.exportTxt.disabled = !summarized;
}

async function summarizeDoc(doc) {
  doc.el.card.setAttribute("aria-busy", "true");
  let answer;
  try {
    answer = await engine.request(doc.key, doc.text, options(doc), ui.shade.checked);
  } catch (error) {
    if (docs.get(doc.key) !== doc) return;
    doc.el.card.removeAttribute("aria-busy");
    showDocError(doc, error.message);
    return;
  }
  if (answer === SUPERSEDED || docs.get(doc.key) !== doc) return;
  doc.el.card.removeAttribute("aria-busy");
  doc.answer = answer;
  showSummary(doc);
  updateEmpty();
  announce();
}

function showDocError(doc, message) {
  let p = doc.el.card.querySelector(".doc-error");
  if (!p) {
    p = document.createElement("p");
    p.className = "doc-error";
    p.dataset.testid = "error";
    doc.el.meta.after(p);
  }
  p.textContent = message;
  say(`${doc.name}: ${message}`);
}

function showSummary(doc) {
  const { summary, ms } = doc.answer;
  doc.el.card.querySelector(".doc-error")?.remove();
  const items = summary.sentences.map((s) => {
    const li = document.createElement("li");
    li.textContent = s.text;
    return li;
  });
  doc.el.summary.replaceChildren(...items);
  const wordsOut = summary.sentences.reduce((n, s) => n + countWords(s.text), 0);
  const wordsIn = summary.totalWords;
  if (summary.totalSentences === 0) {
    doc.el.meta.textContent = "No sentences to summarize in this text.";
  } else {
    const shorter = wordsIn ? Math.round((1 - wordsOut / wordsIn) * 100) : 0;
    doc.el.meta.textContent =
      `${number(wordsIn)} words → ${number(wordsOut)} · ${shorter}% shorter · ` +
      `${summary.sentences.length} of ${plural(summary.totalSentences, "sentence")} · ` +
      `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  }
  renderSource(doc);
}

/**
 * The source text with the summary's sentences marked, built from text nodes only (the offsets
 * are UTF-16, as String.prototype.slice counts). Built only while the source is open: a 1 MB
 * text makes many nodes, and a closed source needs none.
 */
function renderSource(doc) {
  if (!doc.el.details.open || !doc.answer || doc.text === null) return;
  const { summary, ranked } = doc.answer;
  const shaded = ui.shade.checked && ranked;
  const chosen = new Set(summary.sentences.map((s) => s.index));
  const sentences = shaded ? ranked : summary.sentences;
  let low = Infinity;
  let high = -Infinity;
  if (shaded) {
    for (const s of ranked) {
      low = Math.min(low, s.score);
      high = Math.max(high, s.score);
    }
  }
  const text = doc.text;
  const parts = [];
  let at = 0;
  for (const s of sentences) {
    if (s.start < at) continue;
    if (s.start > at) parts.push(text.slice(at, s.start));
    const span = document.createElement(chosen.has(s.index) ? "mark" : "span");
    span.textContent = text.slice(s.start, s.end);
    if (shaded) {
      const score = high > low ? (s.score - low) / (high - low) : 1;
      span.classList.add("scored");
      span.style.setProperty("--score", score.toFixed(3));
      span.title = `Score ${s.score.toFixed(3)}`;
    }
    parts.push(span);
    at = s.end;
  }
  parts.push(text.slice(at));
  doc.el.source.classList.toggle("shaded", Boolean(shaded));
  doc.el.legend.hidden = !shaded;
  doc.el.source.replaceChildren(...parts);
}

// ---- copy, download, export

async function act(doc, action, button) {
  if (action === "remove") {
    removeDoc(doc);
    say(`Removed ${doc.name}.`);
    return;
  }
  if (!doc.answer) return;
  const sentences = doc.answer.summary.sentences;
  if (action === "copy") {
    try {
      await navigator.clipboard.writeText(summaryText(sentences));
      flash(button, "Copied");
      say(`The summary of ${doc.name} is on the clipboard.`);
    } catch {
      say("The browser did not allow copying: select the summary and copy it.");
    }
  } else if (action === "txt") {
    download(downloadName(doc.name, "txt"), `${summaryText(sentences)}\n`, "text/plain");
  } else if (action === "md") {
    download(downloadName(doc.name, "md"), summaryMarkdown({ name: doc.name, sentences }), "text/markdown");
  }
}

function exportAll(format) {
  const summarized = [...docs.values()]
    .filter((d) => d.answer)
    .map((d) => ({ name: d.name, sentences: d.answer.summary.sentences }));
  if (summarized.length === 0) return;
  const type = format === "md" ? "text/markdown" : "text/plain";
  download(`gisty-summaries.${format}`, allSummaries(summarized, format), type);
}
ui.exportMd.addEventListener("click", () => exportAll("md"));
ui.exportTxt.addEventListener("click", () => exportAll("txt"));

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function flash(button, label) {
  const original = button.dataset.label ?? button.textContent;
  button.dataset.label = original;
  button.textContent = label;
  clearTimeout(button.flashTimer);
  button.flashTimer = setTimeout(() => {
    button.textContent = original;
  }, 1500);
}

// ---- announcements

/** Tells screen readers (and the status line) what the cards now say, once things settle. */
const announce = debounce(() => {
  const done = [...docs.values()].filter((d) => d.answer);
  if (done.length === 1) {
    const { summary } = done[0].answer;
    say(`Summary of ${done[0].name}: ${plural(summary.sentences.length, "sentence")}.`);
  } else if (done.length > 1) {
    say(`Summarized ${done.length} documents.`);
  }
}, 400);

function say(message) {
  ui.status.textContent = message;
}

// ---- helpers

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function plural(n, word) {
  return `${number(n)} ${word}${n === 1 ? "" : "s"}`;
}

function number(n) {
  return n.toLocaleString("en");
}

showLength();
