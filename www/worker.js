// The summarizer, off the main thread: a module worker that loads the wasm build once and answers
// the page's requests, so a megabyte of text never freezes the page while it is summarized.
//
// Request:  { id, text, options, scores }   (scores: also rank every sentence, for shading)
// Answers:  { ready: true } once, when the wasm is loaded, or { failed: message } if it cannot be;
//           then per request { id, summary, ranked, ms } or { id, error, fatal }.
// A fatal error (a Rust panic: the wasm instance may be left in a broken state) closes the worker;
// the page starts a new one.

import init, { rank, summarize } from "./pkg/gisty.js";

// Served, init() fetches pkg/gisty_bg.wasm beside gisty.js. The single-file build has no files
// beside it: scripts/single-file.mjs puts the wasm bytes in `self.gistyWasm` instead.
const ready = init({ module_or_path: self.gistyWasm }).then(
  () => self.postMessage({ ready: true }),
  (e) => {
    self.postMessage({ failed: String(e?.message ?? e) });
    self.close();
  },
);

self.onmessage = async ({ data: { id, text, options, scores } }) => {
  await ready;
  try {
    const t0 = performance.now();
    const summary = summarize(text, options);
    const ms = performance.now() - t0;
    const ranked = scores ? rank(text, options) : null;
    self.postMessage({ id, summary, ranked, ms });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: String(e?.message ?? e), fatal });
    if (fatal) self.close();
  }
};
