// The benchmark page: times `summarize` through the web build in this browser, on inputs that
// scripts/bench-page.mjs writes to bench-data/ (manifest.json names them and how often to run
// each), shows the figures and leaves them in `window.__benchResult` for the script to read
// (`{ error }` when something failed). Progress goes to the console, one line a step.
//
// Memory: WebAssembly memory only grows, so its size after a call is the high-water mark of the
// heap during it. Each scaling input gets a fresh instance (the glue imported again under another
// URL), so its peak is its own, not the largest input's so far.

import { stats } from "./bench-stats.mjs";
import init, { Engine, summarize, summarizeMany } from "./pkg/gisty.js";
import { warmUp } from "./warm.js";

const DATA = "./bench-data/";
const $ = (selector) => document.querySelector(selector);

const say = (message) => {
  $("#status").textContent = message;
  console.log(`bench: ${message}`);
};

// Lets the page paint between steps; the timed calls themselves never yield.
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Milliseconds `f` takes, and what it returned. */
function timed(f) {
  const t = performance.now();
  const value = f();
  return [performance.now() - t, value];
}

const utf8Bytes = (text) => new TextEncoder().encode(text).length;

/** The smallest step performance.now() takes here (5 µs when cross-origin isolated). */
function timerResolution() {
  let best = Infinity;
  for (let k = 0; k < 50; k += 1) {
    const t = performance.now();
    let u = performance.now();
    while (u === t) u = performance.now();
    best = Math.min(best, u - t);
  }
  return best;
}

async function fetchData(name, as) {
  const response = await fetch(DATA + name);
  if (!response.ok) {
    throw new Error(
      `${DATA}${name}: ${response.status} ${response.statusText} ` +
        "(the inputs are written by node scripts/bench-page.mjs)",
    );
  }
  return as === "text" ? response.text() : response.json();
}

/**
 * Every article: interleaved (`repeats` passes over the set after `warmup` passes, so each call
 * follows other articles' calls, as in a page summarizing one article after another), then back
 * to back (`backToBack` calls of one article in a row, caches warm: what a benchmark that repeats
 * one input measures, and what the native figures of one article repeated compare with). Per
 * article, the median of its calls; then median, p95 and mean over the articles.
 *
 * Every call goes through one `Engine`, as the page's worker makes them: it keeps the stems of
 * the words it has seen from one call to the next. Before all the rest, "first sight": each
 * article timed the first time it is summarized, after the engine was warmed up on other text
 * (`engineWarmup`, the five samples), so it finds only the words of the texts before it, as a
 * reader's next article does; the later passes find every word known.
 */
async function perArticle(articles, options, { repeats, warmup, backToBack = 20 }, engineWarmup) {
  say(`articles: the engine warmed up on other text, then each article's first call`);
  const engine = new Engine();
  const summarize = (text, o) => engine.summarize(text, o);
  for (let k = 0; k < 30; k += 1) {
    for (const text of engineWarmup) summarize(text, options);
  }
  await breathe();
  const firstSight = articles.map((a) => timed(() => summarize(a.text, options))[0]);
  await breathe();
  say(`articles: ${warmup} warm-up passes over ${articles.length}`);
  for (let w = 0; w < warmup; w += 1) {
    for (const a of articles) summarize(a.text, options);
    await breathe();
  }
  const times = articles.map(() => []);
  for (let r = 0; r < repeats; r += 1) {
    say(`articles: pass ${r + 1} of ${repeats}`);
    articles.forEach((a, i) => {
      const [ms, summary] = timed(() => summarize(a.text, options));
      if (!summary.sentences.length) throw new Error(`article ${a.id}: an empty summary`);
      times[i].push(ms);
    });
    await breathe();
  }
  say(`articles: ${backToBack} calls of each in a row`);
  const warm = articles.map((a) => {
    summarize(a.text, options);
    const calls = [];
    for (let r = 0; r < backToBack; r += 1) calls.push(timed(() => summarize(a.text, options))[0]);
    return stats(calls).median;
  });
  await breathe();
  const each = articles.map((a, i) => ({
    id: a.id,
    bytes: a.bytes,
    ms: stats(times[i]).median,
    backToBackMs: warm[i],
  }));
  engine.free();
  const bytes = stats(articles.map((a) => a.bytes));
  const total = each.reduce((s, a) => s + a.ms, 0);
  return {
    count: articles.length,
    repeats,
    warmup,
    options,
    bytes: { median: bytes.median, mean: bytes.mean, total: articles.reduce((s, a) => s + a.bytes, 0) },
    // Over articles, each article's time being the median of its calls.
    ...stats(each.map((a) => a.ms)),
    // Over every timed call, for comparison.
    calls: stats(times.flat()),
    backToBack: { runs: backToBack, ...stats(warm) },
    firstSight: stats(firstSight),
    mbPerSecond: articles.reduce((s, a) => s + a.bytes, 0) / 1e6 / (total / 1e3),
    articles: each,
  };
}

async function fiveSamples(samples, options, { runs, warmup }) {
  say(`samples: summarizeMany and summarize of the concatenation, ${runs} runs each`);
  const joined = samples.join("\n\n");
  const cases = {
    many: () => summarizeMany(samples, options),
    concatenated: () => summarize(joined, options),
  };
  const out = { count: samples.length, bytes: utf8Bytes(joined), options, runs };
  for (const [name, call] of Object.entries(cases)) {
    for (let w = 0; w < warmup; w += 1) call();
    const times = [];
    let sentences = 0;
    for (let r = 0; r < runs; r += 1) {
      const [ms, summary] = timed(call);
      sentences = summary.sentences.length;
      times.push(ms);
    }
    out[name] = { ...stats(times), sentences };
    await breathe();
  }
  return out;
}

/** One scaling input on a fresh instance: the first call (and the memory it grew), then `runs`. */
async function scalingPoint(entry, options, instance) {
  const text = await fetchData(entry.file, "text");
  const bytes = utf8Bytes(text);
  // Another URL is another module: its own wasm instance, its own memory from the start.
  const gisty = await import(`./pkg/gisty.js?instance=${instance}`);
  const exports = await gisty.default();
  const memory = exports.memory;
  if (!(memory instanceof WebAssembly.Memory)) throw new Error("init() gave no wasm memory");
  const before = memory.buffer.byteLength;
  say(`scaling ${entry.label}: the first call`);
  await breathe();
  const [first, summary] = timed(() => gisty.summarize(text, options));
  const after = memory.buffer.byteLength;
  const times = [];
  for (let r = 0; r < entry.runs; r += 1) {
    say(`scaling ${entry.label}: run ${r + 1} of ${entry.runs}`);
    await breathe();
    times.push(timed(() => gisty.summarize(text, options))[0]);
  }
  // What the glue does with the text before the wasm sees it: encode it to UTF-8.
  const encode = [];
  const encoder = new TextEncoder();
  for (let r = 0; r < Math.max(3, entry.runs); r += 1) encode.push(timed(() => encoder.encode(text))[0]);
  return {
    label: entry.label,
    file: entry.file,
    series: entry.series !== false,
    group: entry.group ?? null,
    bytes,
    chars: text.length,
    sentences: summary.sentences.length,
    totalSentences: summary.totalSentences,
    firstMs: first,
    ...stats(times),
    times,
    encodeMs: stats(encode).median,
    memory: {
      before,
      peak: Math.max(after, memory.buffer.byteLength),
      grown: Math.max(after, memory.buffer.byteLength) - before,
      peakPerInputByte: Math.max(after, memory.buffer.byteLength) / bytes,
    },
    jsHeapUsed: performance.memory?.usedJSHeapSize ?? null,
  };
}

/** The whole page's memory, where the browser can tell (cross-origin isolated pages only). */
async function userAgentMemory(timeoutMs) {
  if (typeof performance.measureUserAgentSpecificMemory !== "function") {
    return { available: false, why: crossOriginIsolated ? "not supported" : "not cross-origin isolated" };
  }
  const t = performance.now();
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const result = await Promise.race([performance.measureUserAgentSpecificMemory(), timeout]);
  if (!result) return { available: true, why: `no answer within ${timeoutMs} ms` };
  // Summed by kind of memory (types: JS, DOM, Shared, ...) over the page's contexts.
  const kinds = new Map();
  for (const b of result.breakdown) {
    const key = b.types.join("+");
    kinds.set(key, (kinds.get(key) ?? 0) + b.bytes);
  }
  const breakdown = [...kinds].map(([types, bytes]) => ({ types: types ? types.split("+") : [], bytes }));
  return { available: true, bytes: result.bytes, breakdown, tookMs: performance.now() - t };
}

// -- showing the figures -------------------------------------------------------------------

const ms = (x) =>
  x < 1 ? `${(x * 1000).toFixed(0)} µs` : x < 1000 ? `${x.toFixed(2)} ms` : `${(x / 1000).toFixed(2)} s`;
const size = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);

function table(element, head, rows) {
  element.replaceChildren();
  const tr = (cells, tag) => {
    const row = document.createElement("tr");
    for (const c of cells) {
      const cell = document.createElement(tag);
      cell.textContent = c;
      row.append(cell);
    }
    return row;
  };
  element.append(tr(head, "th"), ...rows.map((r) => tr(r, "td")));
}

function show(result) {
  const a = result.articles;
  const b = a.backToBack;
  table(
    $("#articles"),
    ["calls", "articles", "median size", "median", "p95", "mean", "max"],
    [
      [
        `interleaved, ${a.repeats} passes`,
        a.count,
        size(a.bytes.median),
        ms(a.median),
        ms(a.p95),
        ms(a.mean),
        ms(a.max),
      ],
      [
        `back to back, ${b.runs} each`,
        a.count,
        size(a.bytes.median),
        ms(b.median),
        ms(b.p95),
        ms(b.mean),
        ms(b.max),
      ],
    ],
  );
  const s = result.samples;
  table(
    $("#samples"),
    ["call", "bytes", "median", "min", "sentences"],
    [
      ["summarizeMany(samples)", size(s.bytes), ms(s.many.median), ms(s.many.min), s.many.sentences],
      [
        "summarize(concatenation)",
        size(s.bytes),
        ms(s.concatenated.median),
        ms(s.concatenated.min),
        s.concatenated.sentences,
      ],
    ],
  );
  table(
    $("#scaling"),
    ["input", "bytes", "first call", "median", "min", "runs", "UTF-8 encode", "peak wasm memory", "× input"],
    result.scaling.map((p) => [
      p.label,
      size(p.bytes),
      ms(p.firstMs),
      ms(p.median),
      ms(p.min),
      p.n,
      ms(p.encodeMs),
      size(p.memory.peak),
      p.memory.peakPerInputByte.toFixed(1),
    ]),
  );
  $("#environment").textContent = JSON.stringify(
    {
      agent: result.agent,
      crossOriginIsolated: result.isolated,
      timerResolutionMs: result.timerResolutionMs,
      initMs: result.initMs,
      userAgentMemory: result.userAgentMemory,
    },
    null,
    2,
  );
}

async function main() {
  const t0 = performance.now();
  const exports = await init();
  const initMs = performance.now() - t0;
  const manifest = await fetchData("manifest.json");
  const articles = (await fetchData(manifest.articles)).map((a) => ({ ...a, bytes: utf8Bytes(a.text) }));
  const samples = await fetchData(manifest.samples);
  // As the page's worker does once its wasm is loaded (warm.js), unless the manifest says not to
  // (bench-page.mjs --no-idle-warmup, for the figures without it); then the reader's pause
  // before the first paste, during which the optimizing compiler finishes in the background.
  const idle = manifest.idleWarmup ?? { calls: 20, pauseMs: 1000 };
  if (idle) {
    say(`warming up as the page's worker does (${idle.calls} calls), then ${idle.pauseMs} ms idle`);
    await warmUp({ summarize }, idle.calls);
    await new Promise((resolve) => setTimeout(resolve, idle.pauseMs));
  }

  const result = {
    agent: navigator.userAgent,
    isolated: globalThis.crossOriginIsolated === true,
    timerResolutionMs: timerResolution(),
    initMs,
    idleWarmup: idle,
    articles: await perArticle(
      articles,
      manifest.options,
      manifest.articleRuns,
      samples,
    ),
  };
  result.articles.wasmMemoryAfter = exports.memory.buffer.byteLength;
  result.samples = await fiveSamples(samples, manifest.manyOptions, manifest.sampleRuns);
  result.scaling = [];
  for (const [k, entry] of manifest.scaling.entries()) {
    result.scaling.push(await scalingPoint(entry, manifest.options, k + 1));
  }
  if (manifest.userAgentMemory) {
    say("measuring the page's memory (measureUserAgentSpecificMemory)");
    result.userAgentMemory = await userAgentMemory(manifest.userAgentMemoryTimeoutMs ?? 60_000);
  }
  result.totalMs = performance.now() - t0;
  show(result);
  say(`done in ${(result.totalMs / 1000).toFixed(1)} s`);
  return result;
}

main().then(
  (result) => {
    window.__benchResult = result;
  },
  (error) => {
    say(`failed: ${error.message}`);
    window.__benchResult = { error: String(error?.stack ?? error) };
  },
);
