// The page: text and files in, a card per document out, and with two documents or more a summary
// of them all together on top; every setting applied live.
//
// Summaries are made in worker.js (through engine.js), so the page never waits on the wasm.
// Everything the reader gives the page is shown with textContent: it is text, never markup.

import { Engine, SUPERSEDED } from "./engine.js";
import { ExtractError, oversize, readFile, tooLarge } from "./extract.js";
import { showError, showKeywords as drawKeywords, showSentences } from "./card.js";
import { deliver, download } from "./export.js";
import {
  allSummaries,
  combinedMarkdown,
  combinedText,
  downloadName,
  number,
  plural,
  summaryMarkdown,
  summaryText,
} from "./format.js";
import { clearSession, isAddress, KEPT_BYTES, loadSession, saveSession } from "./session.js";
import { createSettings } from "./settings.js";
import { addWhy, explainer } from "./why.js";
import { drawSource, partOf } from "./source.js";

/** Key phrases shown per card, and for all the documents together. */
const KEYWORDS = 8;
/**
 * The most summary sentences a card lists (a percentage of a 50 MB text is many thousands, and
 * laying them all out would freeze the page); copy and download give them all.
 */
const SHOWN_SENTENCES = 1000;

const TYPING_PAUSE_MS = 250;
const SETTINGS_PAUSE_MS = 100;
/** Documents arrive one by one (files are read in parallel): the combined summary waits a beat. */
const COMBINE_PAUSE_MS = 150;

const $ = (selector) => document.querySelector(selector);
const ui = {
  input: $("#input"),
  fileInput: $("#file-input"),
  mode: $("#length-mode"),
  range: $("#length-range"),
  number: $("#length-number"),
  method: $("#method"),
  focus: $("#focus"),
  shade: $("#shade"),
  exportMd: $("#export-md"),
  exportTxt: $("#export-txt"),
  status: $("#status"),
  trySamples: $("#try-samples"),
  clear: $("#clear"),
  urlNote: $("#url-note"),
  sessionNote: $("#session-note"),
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
/** The languages the summarizer knows, English first (the worker says which once it is ready). */
let languages = ["en"];
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** A language's name for the card: "French"; "und" (no language: no stemming) says so. */
function languageName(code) {
  if (!code || code === "und") return "no language detected (summarized without stemming)";
  try {
    return languageNames.of(code);
  } catch {
    return code;
  }
}

// <html data-state> says where the summarizer is: "ready" once its wasm is loaded (tests wait for
// it), "broken" when its worker keeps failing.
const engine = new Engine(startWorker, {
  onReady: (known) => {
    if (known.length) languages = known;
    for (const doc of docs.values()) fillLanguages(doc);
    document.documentElement.dataset.state = "ready";
  },
  onBroken: (message) => {
    document.documentElement.dataset.state = "broken";
    say(message);
  },
});

/**
 * The summarizer's worker: worker.js beside this file, or, in the single-file build, the worker
 * that scripts/bundle-page.mjs inlined into the page as a data block, bundled as a classic script
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

// ---- settings (settings.js)

/** The length, method, focus and shading, shared by every card and the combined summary. */
const prefs = createSettings(ui, () => settingsChanged());
const settings = () => prefs.options();
const currentFocus = () => prefs.focus();

/**
 * A document's language options: the reader's choice on its card, else detection ("auto"),
 * helped by the language its HTML page declares (<html lang>).
 */
function languageOf(doc) {
  return {
    language: doc.languageChoice,
    ...(doc.language ? { languageHint: doc.language } : {}),
  };
}

function options(doc) {
  const title = doc.title ? { title: doc.title } : {};
  return { ...settings(), ...title, ...languageOf(doc) };
}

const settingsChanged = debounce(() => {
  for (const doc of docs.values()) if (doc.text !== null) summarizeDoc(doc);
  combine();
  saveLater();
}, SETTINGS_PAUSE_MS);

// The focus applies as it is typed, once the typing pauses; the same words again change nothing.
let appliedFocus = "";
function applyFocus() {
  if (currentFocus() === appliedFocus) return;
  appliedFocus = currentFocus();
  showFocus();
  settingsChanged();
}
ui.focus.addEventListener("input", debounce(applyFocus, TYPING_PAUSE_MS));

/** Marks the key phrase chips that are the focus. */
function showFocus() {
  const focus = currentFocus().toLowerCase();
  for (const chip of document.querySelectorAll(".keywords button")) {
    chip.setAttribute("aria-pressed", String(chip.textContent.toLowerCase() === focus));
  }
}

// ---- input: typing, pasting, files

/**
 * What a paste, a drop or the samples asked to see: the card whose summary comes first (or, with
 * several documents, the combined card) is brought into view when it is out of it, and, unless
 * the reader is typing, its heading takes the focus. null: nothing to bring into view.
 */
let reveal = null;
/** Text longer than this arriving in one input event is a paste (or a drop of text), not typing. */
const PASTE_CHARS = 200;
let typedLength = 0;

const typed = debounce(() => {
  const text = ui.input.value;
  let doc = docs.get("pasted");
  saveLater();
  // A web address alone: not a text to summarize, and not one the page may fetch.
  ui.urlNote.hidden = !isAddress(text);
  if (!ui.urlNote.hidden) say("That is a web address: save the page and drop the file here.");
  if (!text.trim() || !ui.urlNote.hidden) {
    if (doc) removeDoc(doc);
    return;
  }
  if (!doc) doc = addDoc("pasted", "Pasted text", { first: true });
  setText(doc, text);
  summarizeDoc(doc);
}, TYPING_PAUSE_MS);
ui.input.addEventListener("input", (event) => {
  const grew = ui.input.value.length - typedLength;
  typedLength = ui.input.value.length;
  const pasted = event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop";
  // The caret stays in the text area: the status line announces the summary.
  if (pasted || grew > PASTE_CHARS) reveal = { combined: false, focus: false };
  typed();
});

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

/** Reads files into new cards; returns their documents. */
function addFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) return [];
  const withText = [...docs.values()].filter((d) => !d.failed).length;
  reveal = { combined: withText + files.length >= 2, focus: true };
  say(`Reading ${plural(files.length, "file")}…`);
  return files.map((file) => {
    const doc = addDoc(`file-${nextFile++}`, file.name);
    // Markdown and large HTML are read in the worker, like the summaries: never on this thread.
    // "file": a Word, OpenDocument or EPUB file, or text not in UTF-8, read by the core's
    // reader (the web-files build, loaded by the worker when the first such file arrives).
    const offload = (kind, source, name) =>
      engine.request(`${doc.key}#read`, { kind, source, name }, source.length);
    readFile(file, offload).then(
      (read) => {
        if (docs.get(doc.key) !== doc || read === SUPERSEDED) return;
        Object.assign(doc, { title: read.title, language: read.language });
        if (read.title) {
          doc.el.title.textContent = read.title;
          doc.el.title.hidden = false;
        }
        setText(doc, read.text, read.captions ?? []);
        summarizeDoc(doc);
      },
      (error) => {
        if (docs.get(doc.key) !== doc) return;
        const message =
          error instanceof ExtractError ? error.message : `This file could not be read (${error}).`;
        fileError(doc, message);
      },
    );
    return doc;
  });
}

// ---- documents and their cards

function addDoc(key, name, { first = false } = {}) {
  const card = ui.docTemplate.content.firstElementChild.cloneNode(true);
  const el = {
    card,
    name: card.querySelector(".doc-name"),
    title: card.querySelector(".doc-title"),
    badges: card.querySelector(".badges"),
    meta: card.querySelector(".doc-meta"),
    language: card.querySelector(".doc-language"),
    languageName: card.querySelector(".language-name"),
    languagePick: card.querySelector(".language-pick select"),
    keywords: card.querySelector(".keywords"),
    summary: card.querySelector(".summary"),
    more: card.querySelector(".more"),
    details: card.querySelector(".source"),
    legend: card.querySelector(".legend"),
    pager: card.querySelector(".pager"),
    source: card.querySelector(".source-text"),
  };
  const doc = {
    key,
    name,
    /** The text to summarize, once read; null while a file is being read. */
    text: null,
    title: undefined,
    /** The language its HTML page declares, if any. */
    language: undefined,
    /** The reader's correction of the language on the card, or "auto" (detect). */
    languageChoice: "auto",
    el,
    /** The worker's answer for the current text and settings: { summary, ranked, ms }. */
    answer: null,
    /** The text whose key phrases are shown (or asked for). */
    keywordsFor: null,
    /** Whether the newest summary failed: the combined summary leaves the document out. */
    failed: false,
    /** A sentence of the combined summary to show in the source: { start, end }. */
    target: null,
    /** Which part of a text too long to show whole the source view shows. */
    sourcePart: 0,
  };
  el.name.textContent = name;
  el.source.setAttribute("aria-label", `Source text of ${name}`);
  card.dataset.key = key;
  card.querySelector('[data-action="remove"]').setAttribute("aria-label", `Remove ${name}`);
  card.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button?.dataset.action) act(doc, button.dataset.action, button);
  });
  el.keywords.addEventListener("click", chipClicked);
  el.details.addEventListener("toggle", () => renderSource(doc));
  fillLanguages(doc);
  el.languagePick.setAttribute("aria-label", `Language of ${name}`);
  el.languagePick.addEventListener("change", () => {
    doc.languageChoice = el.languagePick.value;
    if (doc.text === null) return;
    doc.keywordsFor = null; // the key phrases depend on the language too
    summarizeDoc(doc);
    say(
      doc.languageChoice === "auto"
        ? `${name}: detecting its language again.`
        : `${name}: summarizing it as ${languageName(doc.languageChoice)}.`,
    );
  });
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

/** The card's language control: "detect", then every language the summarizer knows. */
function fillLanguages(doc) {
  const select = doc.el.languagePick;
  const detect = new Option("Detect", "auto");
  const known = languages.map((code) => new Option(languageName(code), code));
  select.replaceChildren(detect, ...known);
  select.value = languages.includes(doc.languageChoice) ? doc.languageChoice : "auto";
}

/** Shows the language the summary used: its name, and data-language on the card. */
function showLanguage(doc, code) {
  doc.el.card.dataset.language = code ?? "und";
  doc.el.languageName.textContent = languageName(code);
  doc.el.language.hidden = false;
}

/** A document's new text, with the ranges of it that are captions (a file's), if any. */
function setText(doc, text, captions = []) {
  doc.text = text;
  doc.captions = captions;
  doc.target = null;
  doc.sourcePart = 0;
}

function forgetDoc(doc) {
  for (const what of ["", "#keywords", "#read", "#why"]) engine.forget(`${doc.key}${what}`);
  docs.delete(doc.key);
  combine();
}

function removeDoc(doc) {
  forgetDoc(doc);
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
  forgetDoc(doc);
  doc.el.card.replaceWith(card);
  say(`${doc.name}: ${message}`);
  updateEmpty();
}

function updateEmpty() {
  saveLater();
  const any = ui.docs.querySelector(".card") !== null;
  ui.docs.querySelector(".empty").hidden = any;
  const summarized = [...docs.values()].some((d) => d.answer);
  ui.exportMd.disabled = ui.exportTxt.disabled = !summarized;
}

async function summarizeDoc(doc) {
  const { card } = doc.el;
  const text = doc.text;
  combine();
  const bytes = oversize(text);
  if (bytes) {
    engine.forget(doc.key);
    engine.forget(`${doc.key}#keywords`);
    card.removeAttribute("aria-busy");
    doc.keywordsFor = null;
    showKeywords(doc.el.keywords, []);
    showDocError(doc, tooLarge(bytes, doc.key === "pasted" ? "The text" : "This file"));
    return;
  }
  const opts = options(doc);
  card.setAttribute("aria-busy", "true");
  const message = { kind: "summarize", text, captions: doc.captions, options: opts, scores: ui.shade.checked };
  const asked = engine.request(doc.key, message, text.length);
  // Key phrases depend on the text alone: asked for once per text, after its summary.
  if (doc.keywordsFor !== text) keywordsOf(doc);
  let answer;
  try {
    answer = await asked;
  } catch (error) {
    if (docs.get(doc.key) !== doc) return;
    card.removeAttribute("aria-busy");
    showDocError(doc, error.message);
    return;
  }
  if (answer === SUPERSEDED || docs.get(doc.key) !== doc) return;
  card.removeAttribute("aria-busy");
  card.dataset.focus = opts.focus ?? "";
  doc.answer = answer;
  doc.why = explainer(engine, `${doc.key}#why`, { ...message, kind: "explain" }, text.length);
  if (doc.failed) {
    doc.failed = false;
    combine();
  }
  showSummary(doc);
  updateEmpty();
  announce();
  if (reveal && !reveal.combined) bringIntoView(doc.el.card);
}

function keywordsOf(doc) {
  const text = doc.text;
  const message = { kind: "keywords", input: text, count: KEYWORDS, ...languageOf(doc) };
  const current = () => docs.get(doc.key) === doc && doc.text === text;
  askKeywords(doc, doc.el.keywords, `${doc.key}#keywords`, message, text, text.length, current);
}

/**
 * Asks for the key phrases of a card (a document's, or the combined one) and shows them, unless
 * what they are of changed meanwhile: `owner.keywordsFor` is `of` until then, and `current()`.
 */
async function askKeywords(owner, list, key, message, of, size, current = () => true) {
  owner.keywordsFor = of;
  let answer;
  try {
    answer = await engine.request(key, message, size);
  } catch {
    answer = { keywords: [] }; // the summary says what went wrong; the chips are extras
    if (owner.keywordsFor === of) owner.keywordsFor = null; // asked again with the next summary
  }
  if (answer === SUPERSEDED || owner.keywordsFor !== of || !current()) return;
  showKeywords(list, answer.keywords);
}

/** An error in place of the document's summary (its source stays readable). */
function showDocError(doc, message) {
  doc.answer = null;
  showError(doc.el, message, "No summary.");
  renderSource(doc);
  if (!doc.failed) {
    doc.failed = true;
    combine();
  }
  updateEmpty();
  say(`${doc.name}: ${message}`);
}

function showSummary(doc) {
  const { summary, ms } = doc.answer;
  showLanguage(doc, summary.language);
  const items = summary.sentences.slice(0, SHOWN_SENTENCES).map((s) => {
    const li = document.createElement("li");
    li.dir = "auto"; // Arabic reads right to left, in a list of any language
    li.textContent = s.text;
    li.dataset.score = String(s.score);
    addWhy(li, s, doc.why);
    return li;
  });
  showSentences(doc.el, summary, items, { ms, empty: "No sentences to summarize in this text." });
  renderSource(doc);
}

/** The key phrases as chips on a card (card.js), the focus's pressed. */
function showKeywords(list, keywords) {
  drawKeywords(list, keywords, currentFocus());
}

function chipClicked(event) {
  const chip = event.target.closest(".keywords button");
  if (!chip) return;
  const pressed = chip.getAttribute("aria-pressed") === "true";
  ui.focus.value = pressed ? "" : chip.textContent;
  applyFocus();
  say(
    pressed
      ? "No focus: the summaries are back to the whole text."
      : `Focusing the summaries on “${chip.textContent}”.`,
  );
}

/**
 * The card's source view (source.js), built only while it is open: a long text makes many nodes,
 * and a closed source needs none.
 */
function renderSource(doc) {
  if (!doc.el.details.open || doc.text === null) return;
  const { answer, target, sourcePart: part } = doc;
  doc.sourcePart = drawSource(doc.el, doc.text, { answer, shaded: ui.shade.checked, target, part });
}

/** Moves the source view of a long text a part earlier or later. */
function turnSource(doc, later) {
  doc.sourcePart += later ? 1 : -1;
  renderSource(doc);
  doc.el.source.scrollTop = 0;
}

// ---- all documents together

const combined = (() => {
  const card = $("#combined");
  return {
    card,
    name: card.querySelector(".doc-name"),
    meta: card.querySelector(".doc-meta"),
    keywords: card.querySelector(".keywords"),
    summary: card.querySelector(".summary"),
    more: card.querySelector(".more"),
    duplicates: card.querySelector(".duplicates"),
    duplicateList: card.querySelector(".duplicates ul"),
    /** The answer shown: { summary, ms }, with the documents it is of ({ key, name }, in order). */
    answer: null,
    sources: [],
    /** The texts whose key phrases are shown (or asked for). */
    keywordsFor: [],
  };
})();
combined.card.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  if (button.dataset.action) actCombined(button.dataset.action, button);
  else if (button.dataset.doc) {
    // A sentence's own source opens at the sentence; its other supporting sources, at their card.
    const li = button.closest("li");
    showInSource(button.dataset.doc, li?.dataset.doc === button.dataset.doc ? sentenceOf(li) : null);
  }
});
combined.keywords.addEventListener("click", chipClicked);

/** The span in its document of the combined summary's sentence `li`, or null. */
function sentenceOf(li) {
  if (!li?.dataset.start) return null;
  return { start: Number(li.dataset.start), end: Number(li.dataset.end) };
}

/**
 * Asks for the summary of every document together, once the documents settle: those with text
 * whose own summary did not fail, in card order. Fewer than two: no combined card.
 */
const combine = debounce(async () => {
  const sources = [...docs.values()].filter((d) => d.text !== null && !d.failed);
  if (sources.length < 2) {
    if (reveal?.combined) {
      // No combined card after all (a file failed): the first summary is what to show.
      reveal.combined = false;
      const done = [...docs.values()].find((d) => d.answer);
      if (done) bringIntoView(done.el.card);
    }
    stopCombining();
    combined.card.hidden = true;
    combined.answer = null;
    markDuplicates([]);
    updateEmpty();
    return;
  }
  const texts = sources.map((d) => d.text);
  const input = sources.map((d) => ({
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.captions?.length ? { captions: d.captions } : {}),
  }));
  const names = sources.map((d) => ({ key: d.key, name: d.name }));
  const size = texts.reduce((n, t) => n + t.length, 0);
  combined.card.hidden = false;
  combined.name.textContent = `All ${sources.length} documents together`;
  const bytes = oversize(...texts);
  if (bytes) {
    stopCombining();
    showCombinedError(tooLarge(bytes, "Together, these documents"));
    return;
  }
  // The reader's language for all when every card has the same one; else each is detected.
  const chosen = new Set(sources.map((d) => d.languageChoice));
  const language = chosen.size === 1 ? [...chosen][0] : "auto";
  const opts = { ...settings(), language };
  combined.card.setAttribute("aria-busy", "true");
  const asked = engine.request("combined", { kind: "many", docs: input, options: opts }, size);
  const known = combined.keywordsFor ?? [];
  if (texts.length !== known.length || texts.some((t, i) => t !== known[i])) {
    const message = { kind: "keywords", input, count: KEYWORDS, language };
    askKeywords(combined, combined.keywords, "combined#keywords", message, texts, size);
  }
  let answer;
  try {
    answer = await asked;
  } catch (error) {
    combined.card.removeAttribute("aria-busy");
    showCombinedError(error.message);
    return;
  }
  if (answer === SUPERSEDED) return;
  combined.card.removeAttribute("aria-busy");
  combined.card.dataset.focus = opts.focus ?? "";
  combined.answer = answer;
  combined.why = explainer(engine, "combined#why", { kind: "explain", docs: input, options: opts }, size);
  combined.sources = names;
  showCombined();
  updateEmpty();
  if (reveal) bringIntoView(combined.card);
}, COMBINE_PAUSE_MS);

/** Drops what was asked for the combined card, and its key phrases. */
function stopCombining() {
  engine.forget("combined");
  engine.forget("combined#keywords");
  combined.card.removeAttribute("aria-busy");
  combined.keywordsFor = [];
  showKeywords(combined.keywords, []);
}


function showCombinedError(message) {
  if (reveal) bringIntoView(combined.card);
  combined.answer = null;
  showError(combined, message, "No combined summary.");
  markDuplicates([]);
}

function showCombined() {
  const { summary, ms } = combined.answer;
  const sources = combined.sources;
  // The rank of each sentence by score (1: the best), for readers of the markup and the tests.
  const byScore = [...summary.sentences.keys()].sort(
    (a, b) => summary.sentences[b].score - summary.sentences[a].score || a - b,
  );
  const rank = new Map(byScore.map((i, r) => [i, r + 1]));
  const items = summary.sentences.slice(0, SHOWN_SENTENCES).map((s, i) => {
    const { key, name } = sources[s.doc];
    const li = document.createElement("li");
    li.dir = "auto";
    Object.assign(li.dataset, { start: String(s.start), end: String(s.end) });
    li.dataset.score = String(s.score);
    li.dataset.rank = String(rank.get(i));
    li.dataset.doc = key;
    const text = document.createElement("span");
    text.className = "sentence";
    text.dir = "auto";
    text.textContent = s.text;
    const link = document.createElement("button");
    link.type = "button";
    link.className = "source-link";
    link.dataset.doc = key;
    link.dataset.testid = "source-link";
    link.textContent = name;
    link.setAttribute("aria-label", `From ${name}: show it there`);
    li.append(text, " ", link);
    if (s.support?.length) li.append(supportLine(s.support.map((d) => sources[d]), sources.length));
    addWhy(li, s, combined.why, sources.map((d) => d.name));
    return li;
  });
  const from = new Set(summary.sentences.map((s) => s.doc)).size;
  showSentences(combined, summary, items, {
    ms,
    empty: "No sentences to summarize in these texts.",
    from: `, from ${from} of ${sources.length} documents`,
  });

  const pairs = summary.duplicates.map((d) => ({ a: sources[d.a], b: sources[d.b], similarity: d.similarity }));
  const lines = pairs.map(({ a, b, similarity }) => {
    const li = document.createElement("li");
    const said = ` are near duplicates (similarity ${similarity.toFixed(2)}).`;
    li.append(docLink(a), " and ", docLink(b), said);
    return li;
  });
  combined.duplicateList.replaceChildren(...lines);
  combined.duplicates.hidden = lines.length === 0;
  markDuplicates(pairs);
}

/**
 * "Reported in 3 of 5 sources: a.txt, b.txt, c.txt": the documents that tell what a combined
 * summary's sentence says (its support, from the core), each a link to its card.
 */
function supportLine(backers, of) {
  const p = document.createElement("span");
  p.className = "support";
  p.dataset.testid = "support";
  p.dataset.count = String(backers.length);
  p.append(`Reported in ${backers.length} of ${plural(of, "source")}: `);
  backers.forEach((doc, i) => {
    if (i > 0) p.append(", ");
    p.append(docLink(doc));
  });
  return p;
}

function docLink({ key, name }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "source-link";
  button.dataset.doc = key;
  button.textContent = name;
  button.setAttribute("aria-label", `Show ${name}`);
  return button;
}

/** A badge on each card that nearly repeats another: "Near duplicate of X". */
function markDuplicates(pairs) {
  const of = new Map();
  for (const { a, b } of pairs) {
    if (!of.has(a.key)) of.set(a.key, []);
    if (!of.has(b.key)) of.set(b.key, []);
    of.get(a.key).push(b.name);
    of.get(b.key).push(a.name);
  }
  for (const doc of docs.values()) {
    const others = of.get(doc.key);
    if (!others) {
      doc.el.badges.replaceChildren();
      doc.el.badges.hidden = true;
      continue;
    }
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.dataset.testid = "duplicate-badge";
    badge.textContent = `Near duplicate of ${others.join(", ")}`;
    doc.el.badges.replaceChildren(badge);
    doc.el.badges.hidden = false;
  }
}

/**
 * Brings a document's card into view and marks it; with a sentence (a link of the combined
 * summary), opens the source there and marks the sentence in it.
 */
function showInSource(key, sentence) {
  const doc = docs.get(key);
  if (!doc) return;
  for (const other of docs.values()) {
    if (other !== doc && other.target) {
      other.target = null;
      renderSource(other);
    }
  }
  const { card, details, source } = doc.el;
  if (sentence && doc.answer) {
    doc.target = sentence;
    doc.sourcePart = partOf(doc.text, sentence.start);
    details.open = true;
    renderSource(doc);
  }
  const smooth = matchMedia("(prefers-reduced-motion: no-preference)").matches;
  card.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
  const mark = source.querySelector(".target");
  if (mark && details.open) {
    const offset = mark.getBoundingClientRect().top - source.getBoundingClientRect().top;
    source.scrollTop += offset - source.clientHeight / 3;
  }
  card.classList.remove("flash");
  void card.offsetWidth; // restarts the animation
  card.classList.add("flash");
  card.focus({ preventScroll: true });
}

/**
 * Brings a card that a paste, a drop or the samples made into view, unless its first summary
 * sentence already is; a drop or the samples also move the focus to its heading.
 */
function bringIntoView(card) {
  const focus = reveal?.focus ?? true;
  reveal = null;
  const first = card.querySelector(".summary li") ?? card;
  const { top, bottom } = first.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) {
    const smooth = matchMedia("(prefers-reduced-motion: no-preference)").matches;
    card.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
  }
  if (focus) card.querySelector(".doc-name").focus({ preventScroll: true });
}

// ---- the sample articles

// The repository's five sample articles (tests/data/samples), which scripts/bundle-page.mjs
// bundles as "gisty:samples": a chunk of the page's own origin, loaded on the first click (inline
// in the single-file build). They are read as dropped files are.
ui.trySamples.addEventListener("click", async () => {
  if ([...docs.values()].some((d) => d.sample)) {
    say("The sample articles are already here.");
    bringIntoView(combined.card.hidden ? ui.docs.querySelector(".doc") : combined.card);
    return;
  }
  ui.trySamples.disabled = true;
  say("Loading the sample articles…");
  try {
    const { samples } = await import("gisty:samples");
    const added = addFiles(samples.map((s) => new File([s.text], s.name, { type: "text/plain" })));
    for (const doc of added) doc.sample = true;
  } catch (error) {
    say(`The sample articles could not be loaded (${error.message}).`);
  } finally {
    ui.trySamples.disabled = false;
  }
});

// ---- what a reload keeps (session.js)

/** Keeps the pasted text, the settings and the names of the files dropped, for this tab. */
const saveLater = debounce(() => {
  const files = [...docs.values()].filter((d) => d.key.startsWith("file-") && !d.sample).map((d) => d.name);
  const kept = prefs.snapshot();
  if (!ui.input.value && files.length === 0 && JSON.stringify(kept) === INITIAL_SETTINGS) {
    clearSession(); // nothing to keep
    return;
  }
  const cut = saveSession({ text: ui.input.value, settings: kept, files });
  if (cut === null) return; // this browser keeps nothing: nothing to say either
  if (cut > 0) {
    showSessionNote(
      `Only the first ${kiloBytes(KEPT_BYTES)} of this text is kept if the page is reloaded ` +
        `(${kiloBytes(cut)} more is not).`,
    );
  } else if (ui.sessionNote.dataset.kind === "cut") {
    showSessionNote("");
  }
}, 300);

function showSessionNote(message, kind = "cut") {
  ui.sessionNote.textContent = message;
  ui.sessionNote.dataset.kind = message ? kind : "";
  ui.sessionNote.hidden = !message;
}

function kiloBytes(n) {
  return n >= 1_000_000 ? `${number(n / 1_000_000)} MB` : `${number(Math.ceil(n / 1000))} kB`;
}

/** Puts back what the tab kept before a reload: the settings, then the pasted text. */
function restore(saved) {
  prefs.restore(saved.settings);
  appliedFocus = currentFocus();
  const notes = [];
  if (saved.text) {
    ui.input.value = saved.text;
    typedLength = saved.text.length;
    typed();
    if (saved.cut) {
      notes.push(
        `Only the first ${kiloBytes(KEPT_BYTES)} of the pasted text was kept across the reload ` +
          `(${kiloBytes(saved.cut)} more was not).`,
      );
    }
  }
  if (saved.files.length) {
    const names = saved.files.join(", ");
    notes.push(
      `Files are not kept across a reload: drop ${saved.files.length === 1 ? "it" : "them"} again (${names}).`,
    );
  }
  if (notes.length) showSessionNote(notes.join(" "), "restored");
}

/** Clear: the text box emptied, every card removed, the settings as they start; nothing kept. */
ui.clear.addEventListener("click", () => {
  for (const doc of [...docs.values()]) removeDoc(doc);
  for (const card of ui.docs.querySelectorAll(".file-error")) card.remove();
  ui.input.value = "";
  typedLength = 0;
  ui.urlNote.hidden = true;
  showSessionNote("");
  prefs.reset();
  appliedFocus = "";
  updateEmpty();
  typed.cancel();
  saveLater.cancel();
  clearSession();
  say("Cleared: nothing is kept for this tab.");
});

// ---- copy, download, export

async function act(doc, action, button) {
  if (action === "remove") {
    removeDoc(doc);
    say(`Removed ${doc.name}.`);
    return;
  }
  if (action === "earlier" || action === "later") {
    turnSource(doc, action === "later");
    return;
  }
  if (!doc.answer) return;
  const sentences = doc.answer.summary.sentences;
  await deliver(action, button, {
    what: `The summary of ${doc.name}`,
    file: downloadName(doc.name, action),
    plain: summaryText(sentences),
    markdown: () => summaryMarkdown({ name: doc.name, sentences }),
    say,
  });
}

async function actCombined(action, button) {
  const together = combinedSummary();
  if (!together) return;
  await deliver(action, button, {
    what: "The combined summary",
    file: `gisty-combined-summary.${action}`,
    plain: combinedText(together),
    markdown: () => combinedMarkdown(together),
    say,
  });
}

/** The combined summary for export: { name, sentences: [{ text, source }] }, or null. */
function combinedSummary() {
  if (!combined.answer || combined.card.hidden) return null;
  return {
    name: combined.name.textContent,
    sentences: combined.answer.summary.sentences.map((s) => ({
      text: s.text,
      source: combined.sources[s.doc].name,
    })),
  };
}

function exportAll(format) {
  const summarized = [...docs.values()]
    .filter((d) => d.answer)
    .map((d) => ({ name: d.name, sentences: d.answer.summary.sentences }));
  if (summarized.length === 0) return;
  const type = format === "md" ? "text/markdown" : "text/plain";
  download(`gisty-summaries.${format}`, allSummaries(summarized, format, combinedSummary()), type);
}
ui.exportMd.addEventListener("click", () => exportAll("md"));
ui.exportTxt.addEventListener("click", () => exportAll("txt"));

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

/** `fn`, run once calls pause for `ms`; `.cancel()` drops a pending run. */
function debounce(fn, ms) {
  let timer;
  const later = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  later.cancel = () => clearTimeout(timer);
  return later;
}

const INITIAL_SETTINGS = JSON.stringify(prefs.snapshot());
const saved = loadSession();
if (saved) restore(saved);
