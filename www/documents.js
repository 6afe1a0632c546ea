// A card per document (a pasted text, or a file): added, summarized (card.js) in the language
// detected or chosen on it, its source shown with the summary highlighted, removed; and the card
// that replaces it when its file cannot be read.

import { forgetCard, KEYWORDS, showFailure, summarizeCard } from "./ask.js";
import { showSummary } from "./card.js";
import { combine } from "./combined.js";
import { oversize, tooLarge } from "./extract.js";
import { deliver } from "./export.js";
import { downloadName, plural, summaryMarkdown, summaryText } from "./format.js";
import { chipClicked } from "./focus.js";
import {
  bringIntoView,
  debounce,
  docs,
  engine,
  knownLanguages,
  languageName,
  onLanguages,
  prefs,
  say,
  scrollToCard,
  ui,
  view,
} from "./page.js";
import { saveLater } from "./reload.js";
import { drawSource, partOf } from "./source.js";
import { addWhy, explainer } from "./why.js";

export function addDoc(key, name, { first = false } = {}) {
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
    /** The text whose key phrases are shown (or asked for), as a list of one. */
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
  const languages = knownLanguages();
  const detect = new Option("Detect", "auto");
  const known = languages.map((code) => new Option(languageName(code), code));
  select.replaceChildren(detect, ...known);
  select.value = languages.includes(doc.languageChoice) ? doc.languageChoice : "auto";
}
onLanguages(() => {
  for (const doc of docs.values()) fillLanguages(doc);
});

/** Shows the language the summary used: its name, and data-language on the card. */
function showLanguage(doc, code) {
  doc.el.card.dataset.language = code ?? "und";
  doc.el.languageName.textContent = languageName(code);
  doc.el.language.hidden = false;
}

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

/** A document's new text, with the ranges of it that are captions (a file's), if any. */
export function setText(doc, text, captions = []) {
  doc.text = text;
  doc.captions = captions;
  doc.target = null;
  doc.sourcePart = 0;
}

/** A file's title (its HTML page's, its document's), under the card's name. */
export function setTitle(doc, title) {
  doc.title = title;
  if (!title) return;
  doc.el.title.textContent = title;
  doc.el.title.hidden = false;
}

function forgetDoc(doc) {
  for (const what of ["", "#keywords", "#read", "#why"]) engine.forget(`${doc.key}${what}`);
  docs.delete(doc.key);
  combine();
}

export function removeDoc(doc) {
  forgetDoc(doc);
  doc.el.card.remove();
  if (doc.key === "pasted" && ui.input.value) ui.input.value = "";
  updateEmpty();
}

/** The card that replaces a document's when its file cannot be read. */
export function fileError(doc, message) {
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

/** Removes every card, the error cards too. */
export function removeAll() {
  for (const doc of [...docs.values()]) removeDoc(doc);
  for (const card of ui.docs.querySelectorAll(".file-error")) card.remove();
}

/** The "summaries appear here" line while there is no card; the export buttons once one has a summary. */
export function updateEmpty() {
  saveLater();
  const any = ui.docs.querySelector(".card") !== null;
  ui.docs.querySelector(".empty").hidden = any;
  const summarized = [...docs.values()].some((d) => d.answer);
  ui.exportMd.disabled = ui.exportTxt.disabled = !summarized;
}

/** Summarizes a document with the current settings, and the documents together again. */
export async function summarizeDoc(doc) {
  const text = doc.text;
  combine();
  const bytes = oversize(text);
  if (bytes) {
    forgetCard(doc);
    showDocError(doc, tooLarge(bytes, doc.key === "pasted" ? "The text" : "This file"));
    return;
  }
  const options = { ...prefs.options(), ...(doc.title ? { title: doc.title } : {}), ...languageOf(doc) };
  const request = { kind: "summarize", text, captions: doc.captions, options, scores: ui.shade.checked };
  const answer = await summarizeCard(doc, {
    request: { message: request, size: text.length },
    keywords: { message: { kind: "keywords", input: text, count: KEYWORDS, ...languageOf(doc) }, of: [text], size: text.length },
    stale: () => docs.get(doc.key) !== doc,
    fail: (message) => showDocError(doc, message),
  });
  if (!answer) return;
  doc.why = explainer(engine, `${doc.key}#why`, { ...request, kind: "explain" }, text.length);
  if (doc.failed) {
    doc.failed = false;
    combine();
  }
  showLanguage(doc, answer.summary.language);
  showSummary(doc.el, answer, {
    empty: "No sentences to summarize in this text.",
    decorate: (li, s) => addWhy(li, s, doc.why),
  });
  renderSource(doc);
  updateEmpty();
  announce();
  if (view.reveal && !view.reveal.combined) bringIntoView(doc.el.card);
}

/** An error in place of the document's summary (its source stays readable). */
function showDocError(doc, message) {
  showFailure(doc, message, "No summary.");
  renderSource(doc);
  if (!doc.failed) {
    doc.failed = true;
    combine();
  }
  updateEmpty();
  say(`${doc.name}: ${message}`);
}

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

/**
 * The card's source view (source.js), built only while it is open: a long text makes many nodes,
 * and a closed source needs none.
 */
export function renderSource(doc) {
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

/**
 * Brings a document's card into view and marks it; with a sentence (a link of the combined
 * summary), opens the source there and marks the sentence in it.
 */
export function showInSource(key, sentence) {
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
  scrollToCard(card);
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

/** A badge on each card that nearly repeats another: "Near duplicate of X". */
export function markDuplicates(pairs) {
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

/** A button of the card: remove, turn the source, copy or download the summary. */
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
