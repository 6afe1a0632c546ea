// What the page's modules share: its elements, the documents on it, the summarizer (engine.js,
// over worker.js), the settings, the status line, and what a paste, a drop or the samples asked
// to bring into view.

import { Engine } from "./engine.js";
import { createSettings } from "./settings.js";

const $ = (selector) => document.querySelector(selector);
export const ui = {
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
  combined: $("#combined"),
  overlay: $(".drop-overlay"),
  docTemplate: $("#doc-template"),
  errorTemplate: $("#error-template"),
};

/** The documents on the page, in card order, by key ("pasted", or "file-N"). */
export const docs = new Map();

/**
 * What a paste, a drop or the samples asked to see: `view.reveal` is { combined, focus } until the
 * card whose summary comes first (or, with several documents, the combined card) is shown; null:
 * nothing to bring into view.
 */
export const view = { reveal: null };

/** The languages the summarizer knows, English first (the worker says which once it is ready). */
let languages = ["en"];
export const knownLanguages = () => languages;
const languagesKnown = [];
/** Calls `fn` when the worker says which languages it knows. */
export const onLanguages = (fn) => languagesKnown.push(fn);

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** A language's name for the card: "French"; "und" (no language: no stemming) says so. */
export function languageName(code) {
  if (!code || code === "und") return "no language detected (summarized without stemming)";
  try {
    return languageNames.of(code);
  } catch {
    return code;
  }
}

/** The Blob URL of the single-file build's worker, made once. */
let inlinedWorker = null;

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

// <html data-state> says where the summarizer is: "ready" once its wasm is loaded (tests wait for
// it), "broken" when its worker keeps failing.
export const engine = new Engine(startWorker, {
  onReady: (known) => {
    if (known.length) languages = known;
    for (const fn of languagesKnown) fn();
    document.documentElement.dataset.state = "ready";
  },
  onBroken: (message) => {
    document.documentElement.dataset.state = "broken";
    say(message);
  },
});

const settingsChanged = [];
/** Calls `fn` when the length, the method, the shading or (once typing pauses) the focus change. */
export const onSettings = (fn) => settingsChanged.push(fn);

/** The length, method, focus and shading, shared by every card and the combined summary. */
export const prefs = createSettings(ui, () => {
  for (const fn of settingsChanged) fn();
});

export function say(message) {
  ui.status.textContent = message;
}

/** `fn`, run once calls pause for `ms`; `.cancel()` drops a pending run. */
export function debounce(fn, ms) {
  let timer;
  const later = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  later.cancel = () => clearTimeout(timer);
  return later;
}

const smooth = () => matchMedia("(prefers-reduced-motion: no-preference)").matches;

/** Scrolls `card` to the top of the view, smoothly unless the reader asked for less motion. */
export function scrollToCard(card) {
  card.scrollIntoView({ behavior: smooth() ? "smooth" : "auto", block: "start" });
}

/**
 * Brings a card that a paste, a drop or the samples made into view, unless its first summary
 * sentence already is; a drop or the samples also move the focus to its heading.
 */
export function bringIntoView(card) {
  const focus = view.reveal?.focus ?? true;
  view.reveal = null;
  const first = card.querySelector(".summary li") ?? card;
  const { top, bottom } = first.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) scrollToCard(card);
  if (focus) card.querySelector(".doc-name").focus({ preventScroll: true });
}
