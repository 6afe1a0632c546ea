// The summarizer, off the main thread: a module worker that loads the wasm build once and answers
// the page's requests, so a megabyte of text never freezes the page while it is summarized.
//
// Requests, each with an id:
//   { id, kind: "summarize", text, captions, options, scores }  one document (captions: its
//                                                     caption ranges; scores: also rank every
//                                                     sentence, for shading)
//   { id, kind: "many", docs, options }               several documents together
//   { id, kind: "keywords", input, count, language }  key phrases of a text or of several docs
//   { id, kind: "markdown" | "html", source }         a file's markup read into plain text
//                                                     (markup.js; the page parses small HTML)
// Answers: { ready: true, languages } once, when the wasm is loaded, or { failed: message } if it
// cannot be; then per request
//   summarize: { id, summary, ranked, ms }   (ranked: every sentence's score, see columns())
//   many: { id, summary, ms }   keywords: { id, keywords }
//   markdown: { id, text }   html: { id, text, title, language, captions }
//   or { id, error, fatal }.
// A fatal error (a Rust panic surfaces as a WebAssembly.RuntimeError, "unreachable"; running out
// of memory as another error than the binding's own) leaves the wasm instance unusable: the
// worker closes itself and the page starts a new one.

import init, { keywords, languages, rank, summarize, summarizeMany } from "./pkg/gisty.js";
import * as gisty from "./pkg/gisty.js";
import { htmlToPlainText, stripMarkdown } from "./markup.js";

// Served, init() fetches pkg/gisty_bg.wasm beside gisty.js. The single-file build has no files
// beside it: scripts/single-file.mjs puts the wasm bytes in `self.gistyWasm` instead.
let known = new Set(["en"]);
const ready = init({ module_or_path: self.gistyWasm }).then(
  () => {
    known = new Set(languages());
    self.postMessage({ ready: true, languages: [...known] });
  },
  (e) => {
    self.postMessage({ failed: String(e?.message ?? e) });
    self.close();
  },
);

/** The options without a language this build does not know (the page's build is English only). */
function supported(options) {
  if (!options?.language || known.has(options.language)) return options;
  const { language: _, ...rest } = options;
  return rest;
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
  summarize({ text, captions, options, scores }) {
    options = supported(options);
    // A file's captions (its <figcaption>s) are shown and ranked, never chosen.
    const input = captions?.length ? { text, captions } : text;
    const t0 = performance.now();
    const summary = summarize(input, options);
    const ms = performance.now() - t0;
    const ranked = scores ? columns(rank(input, options)) : null;
    return { summary, ranked, ms };
  },
  many({ docs, options }) {
    const t0 = performance.now();
    const summary = summarizeMany(docs, supported(options));
    return { summary, ms: performance.now() - t0 };
  },
  keywords({ input, count, language }) {
    return { keywords: keywords(input, supported({ count, language })) };
  },
  markdown({ source }) {
    return { text: stripMarkdown(source) };
  },
  html({ source }) {
    return htmlToPlainText(source);
  },
};

self.onmessage = async ({ data }) => {
  await ready;
  const { id, kind } = data;
  try {
    // The page tests' hook: with the test build (which exports __testPanic, release builds do
    // not), a test sets self.gistyPanicNext in this worker to make the next request panic in the
    // wasm, as a bug in the core would.
    if (self.gistyPanicNext && typeof gisty.__testPanic === "function") {
      self.gistyPanicNext = false;
      gisty.__testPanic();
    }
    const handler = Object.hasOwn(HANDLERS, kind) ? HANDLERS[kind] : null;
    if (!handler) throw new Error(`unknown request ${JSON.stringify(kind)}`);
    const answer = handler(data);
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
