// The summarizer, off the main thread: a module worker that loads the wasm build once and answers
// the page's requests, so a megabyte of text never freezes the page while it is summarized.
//
// Two builds: the English one (pkg/), loaded at start, and the all-languages one (pkg-all/),
// loaded from the page's own origin the first time a text needs it (its language, detected or
// chosen by the reader or declared by its HTML page, is one the English build does not stem),
// then kept. Each summary says which language it used.
//
// Requests, each with an id:
//   { id, kind: "summarize", text, captions, options, scores }  one document (captions: its
//                                                     caption ranges; scores: also rank every
//                                                     sentence, for shading; options.language:
//                                                     the reader's choice, or "auto";
//                                                     options.languageHint: a page's <html lang>)
//   { id, kind: "many", docs, options }               several documents together
//   { id, kind: "explain", text, captions, options } or { id, kind: "explain", docs, options }
//                                                     the same summary as "summarize" or
//                                                     "many", explained (why.js), by the
//                                                     all-languages build, loaded on the first
//                                                     such request (the English build leaves
//                                                     explaining out for its size)
//   { id, kind: "keywords", input, count, language, languageHint }  key phrases of a text or docs
//   { id, kind: "markdown" | "html", source }         a file's markup read into plain text
//                                                     (markup.js; the page parses small HTML)
//   { id, kind: "file", source, name }                a dropped File (a Blob) read by the
//                                                     core's reader (readFile, the web-files
//                                                     build, loaded on the first such file),
//                                                     which reads its bytes itself:
//                                                     .docx, .odt, .epub, text not in UTF-8
// Answers: { ready: true, languages } once, when the English wasm is loaded (languages: every
// language either build stems, English's first), or { failed: message } if it cannot be; then
// per request
//   summarize: { id, summary, ranked, ms }   (ranked: every sentence's score, see columns();
//                                            summary.language: the language used, "und" for
//                                            none)
//   many: { id, summary, ms }   explain: { id, summary }   keywords: { id, keywords }
//   markdown: { id, text }   html: { id, text, title, language, captions }
//   file: { id, text, format, encoding, warnings } (markdown stripped here; html returned as
//         its source, for the page to read)
//   or { id, error, fatal }.
// A fatal error (a Rust panic surfaces as a WebAssembly.RuntimeError, "unreachable"; running out
// of memory as another error than the binding's own) leaves the wasm instance unusable: the
// worker closes itself and the page starts a new one.

import init, * as english from "./pkg/gisty.js";
import allLanguages from "./pkg-all/languages.json" with { type: "json" };
import { htmlToPlainText, stripMarkdown } from "./markup.js";
import { onDemand } from "./on-demand.js";
import { warmUp } from "./warm.js";

/* global SINGLE_FILE */

/**
 * Where a build's wasm comes from: served, the file beside this worker; in the single-file build
 * (which has no files beside it), the bytes scripts/bundle-page.mjs put in `self.gistyWasm` and
 * `self.gistyWasmAll()`.
 */
const WASM = {
  en: () => self.gistyWasm ?? new URL("pkg/gisty_bg.wasm", self.location.href),
  all: () => self.gistyWasmAll?.() ?? new URL("pkg-all/gisty_bg.wasm", self.location.href),
  files: () => new URL("pkg-files/gisty_bg.wasm", self.location.href),
};

/**
 * The file reader's build (Word, OpenDocument, EPUB, legacy encodings): loaded once, kept. The
 * single-file build has no files beside it and leaves it out (SINGLE_FILE is defined by
 * scripts/bundle-page.mjs; esbuild folds the ternary and drops the import).
 */
const loadFiles = SINGLE_FILE
  ? () => Promise.reject(new Error("The single-file page does not read Word, OpenDocument or EPUB files, nor text that is not UTF-8: use the served page (scripts/serve.sh)."))
  : onDemand(
      async () => {
        const mod = await import("./pkg-files/gisty.js");
        await mod.default({ module_or_path: WASM.files() });
        return mod;
      },
      (why) => new Error(`The file reader could not be loaded (${why}).`),
    );

/**
 * A loaded build: its module, the languages it stems, and its engine, which keeps the stems of
 * the words it has seen from one request to the next (each article after the first finds most of
 * its words there; what it keeps changes no summary).
 */
function build(mod, name) {
  return { mod, name, languages: new Set(mod.languages()), engine: new mod.Engine() };
}

let en = null;
const ready = init({ module_or_path: WASM.en() }).then(
  () => {
    en = build(english, "en");
    const known = [...en.languages, ...allLanguages.filter((c) => !en.languages.has(c))];
    self.postMessage({ ready: true, languages: known });
    // While the reader has not asked for anything yet: see warm.js.
    warmUp(english);
  },
  (e) => {
    self.postMessage({ failed: String(e?.message ?? e) });
    self.close();
  },
);

/** The all-languages build, loading or loaded: asked for once, kept (forgotten if it failed). */
let all = null;
function loadAll() {
  all ??= import("./pkg-all/gisty.js")
    .then(async (mod) => {
      await mod.default({ module_or_path: WASM.all() });
      return build(mod, "all");
    })
    .catch((e) => {
      all = null;
      throw new Error(`The summarizer for other languages than English could not be loaded (${e?.message ?? e}).`);
    });
  return all;
}

/** Whether this binding detects languages (the contract of issue 14): else it is told or English. */
const detects = () => typeof en.mod.detectLanguage === "function";

/** "fr-CA" → "fr"; nothing for "auto" or no tag. */
function primary(tag) {
  const code = tag?.toLowerCase().split(/[-_]/)[0];
  return code && code !== "auto" ? code : undefined;
}

/**
 * The build for `texts` under `options`, and the options to give it: the English build unless
 * the language the reader chose, the one detected in a text or the one its page declares is one
 * it does not stem and the all-languages build does. A binding without detection is given the
 * chosen or declared language as `language` (it has no `languageHint`).
 */
async function pick(texts, options = {}) {
  const { language, languageHint, ...rest } = options;
  const chosen = primary(language);
  const hint = primary(languageHint);
  let wanted;
  if (chosen) wanted = [chosen];
  else if (detects()) wanted = [...texts.map((t) => en.mod.detectLanguage(t)), hint];
  else wanted = [hint];
  const other = wanted.some((c) => c && c !== "und" && !en.languages.has(c) && allLanguages.includes(c));
  const target = other ? await loadAll() : en;
  const told = { ...rest };
  if (chosen) told.language = chosen;
  else if (detects()) {
    if (languageHint) told.languageHint = languageHint;
  } else if (hint && target.languages.has(hint)) told.language = hint;
  return { target, told, used: told.language ?? (detects() ? undefined : "en") };
}

/**
 * Every sentence's index, span and score as typed arrays, for shading the source: moved to the
 * page rather than copied, and no text (which the page has), however long the document.
 */
function columns(sentences) {
  const n = sentences.length;
  const out = {
    index: new Uint32Array(n),
    start: new Uint32Array(n),
    end: new Uint32Array(n),
    score: new Float64Array(n),
  };
  sentences.forEach((s, i) => {
    out.index[i] = s.index;
    out.start[i] = s.start;
    out.end[i] = s.end;
    out.score[i] = s.score;
  });
  return out;
}

const HANDLERS = {
  async summarize({ text, captions, options, scores }) {
    const { target, told, used } = await pick([text], options);
    // A file's captions (its <figcaption>s) are shown and ranked, never chosen.
    const input = captions?.length ? { text, captions } : text;
    const t0 = performance.now();
    const summary = target.engine.summarize(input, told);
    const ms = performance.now() - t0;
    const ranked = scores ? columns(target.engine.rank(input, told)) : null;
    summary.language ??= used;
    return { summary, ranked, ms };
  },
  async many({ docs, options }) {
    const { target, told } = await pick(
      docs.map((d) => (typeof d === "string" ? d : d.text)),
      options,
    );
    const t0 = performance.now();
    const summary = target.engine.summarizeMany(docs, told);
    return { summary, ms: performance.now() - t0 };
  },
  async explain({ text, captions, docs, options }) {
    const texts = docs ? docs.map((d) => (typeof d === "string" ? d : d.text)) : [text];
    // The options the summary was made with (so the same language), for the build that explains.
    const { told } = await pick(texts, options);
    const { mod } = await loadAll();
    const explained = { ...told, explain: true };
    const input = captions?.length ? { text, captions } : text;
    return { summary: docs ? mod.summarizeMany(docs, explained) : mod.summarize(input, explained) };
  },
  async keywords({ input, count, language, languageHint }) {
    const texts = (Array.isArray(input) ? input : [input]).map((d) => (typeof d === "string" ? d : d.text));
    const { target, told } = await pick(texts, { language, languageHint });
    return { keywords: target.engine.keywords(input, { count, ...told }) };
  },
  markdown({ source }) {
    return { text: stripMarkdown(source) };
  },
  html({ source }) {
    return htmlToPlainText(source);
  },
  async file({ source, name }) {
    const reader = await loadFiles();
    const read = await reader.readFile(source, name);
    if (read.format === "markdown") read.text = stripMarkdown(read.text);
    return read;
  },
};

self.onmessage = async ({ data }) => {
  await ready;
  const { id, kind } = data;
  try {
    // The page tests' hook: with the test build (which exports __testPanic, release builds do
    // not), a test sets self.gistyPanicNext in this worker to make the next request panic in the
    // wasm, as a bug in the core would.
    if (self.gistyPanicNext && typeof en.mod.__testPanic === "function") {
      self.gistyPanicNext = false;
      en.mod.__testPanic();
    }
    const handler = Object.hasOwn(HANDLERS, kind) ? HANDLERS[kind] : null;
    if (!handler) throw new Error(`unknown request ${JSON.stringify(kind)}`);
    const answer = await handler(data);
    const moved = answer.ranked ? Object.values(answer.ranked).map((column) => column.buffer) : [];
    self.postMessage({ id, ...answer }, moved);
  } catch (e) {
    // The binding throws a plain Error for what it refuses (a bad option, a text too long); any
    // other error came from inside the wasm, whose state it may have left broken.
    const fatal = !(e instanceof Error) || e.constructor !== Error;
    const message = String(e?.message ?? e);
    self.postMessage({ id, error: fatal ? `${e?.name ?? "Error"}: ${message}` : message, fatal });
    if (fatal) self.close();
  }
};
