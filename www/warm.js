// Warming the summarizer while the page is idle, so that a reader's first article is summarized
// as fast as the later ones.
//
// Chromium runs a WebAssembly function first as baseline code (Liftoff) and compiles the ones
// that run often with its optimizing compiler (TurboFan) in the background; until that is done,
// a call takes about twice as long (issue 19: the first article after loading took 0.35 ms, the
// same articles later 0.17-0.23 ms; with Liftoff turned off, the first took what the later ones
// did). So the worker, once the wasm is loaded, summarizes a made-up text a few times, one call a
// task (a request waiting in between goes first), and the optimized code is ready before the
// reader's first paste or drop. Each call has an engine of its own, which leaves the worker's
// engine untouched: no summary depends on this.
//
// The text is made here, from a small word list (no file to fetch, a few hundred bytes of
// script): sentences of varied length with numbers, abbreviations, quotes and a title line, words
// with the endings the stemmer works on, so every stage runs the code an article needs.

const WORDS = (
  "officials announced national investigation reported yesterday governments running " +
  "agreement happily generously communities children's quickly decisions hopeful " +
  "conditional organizations troubling feared ministers argued relational activities " +
  "according economy's growing effectiveness beautiful studies flooding controlled " +
  "nationalism supposedly visitors meeting rescued carefully scientists measured"
).split(" ");

/** A made-up article of about 3 kB (a CNN/DailyMail article's length): the same every time. */
export function warmText() {
  let seed = 12345;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator cycle
  };
  const lines = ["Officials Announced a National Investigation"];
  for (let s = 0; s < 24; s += 1) {
    const words = [];
    for (let w = 5 + next(16); w > 0; w -= 1) words.push(WORDS[next(WORDS.length)]);
    if (s % 5 === 1) words.splice(2, 0, `${next(90)}.${next(10)}%`);
    if (s % 7 === 2) words.splice(1, 0, "Mr. Smith", "of the U.S.");
    let sentence = words.join(" ");
    sentence = sentence[0].toUpperCase() + sentence.slice(1);
    lines.push(s % 6 === 3 ? `"${sentence}," he said.` : `${sentence}.`);
  }
  return lines.slice(0, 1).concat(lines.slice(1).join(" ")).join("\n\n");
}

/**
 * Summarizes `warmText()` `calls` times with `mod.summarize` (a fresh engine each call, so the
 * paths a word's first sight takes run every time), each call in a task of its own; resolves
 * when done. An error ends it quietly: warming is an optimization, never a failure.
 */
export function warmUp(mod, calls = 20) {
  const text = warmText();
  return new Promise((resolve) => {
    const step = (left) => {
      try {
        mod.summarize(text, { sentences: 3 });
      } catch {
        left = 0;
      }
      if (left > 1) setTimeout(() => step(left - 1), 0);
      else resolve();
    };
    setTimeout(() => step(calls), 0);
  });
}
