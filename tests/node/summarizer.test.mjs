// The Summarizer shim against the Writing Assistance APIs spec, in Node, on the built npm
// package (pkg/, scripts/build.sh npm): each case is one of issue 16's mismatches.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = path.join(root, "pkg");
assert.ok(fs.existsSync(path.join(pkg, "node-summarizer.js")), "pkg/ is not built: bash scripts/build.sh npm");
const { Summarizer, HEADLINE_WORDS, INPUT_QUOTA } = await import(path.join(pkg, "node-summarizer.js"));
const { rank } = await import(path.join(pkg, "node.js"));

const samples = path.join(root, "tests/data/samples");
const article = fs.readFileSync(path.join(samples, fs.readdirSync(samples).filter((f) => f.endsWith(".txt")).sort()[3]), "utf8");
const words = (s) => s.match(/\S+/g) ?? [];
const isAbort = (e) => e instanceof DOMException && e.name === "AbortError";

test("after destroy() every call rejects with an AbortError, and streaming throws at once", async () => {
  const s = await Summarizer.create();
  s.destroy();
  await assert.rejects(s.summarize(article), isAbort);
  await assert.rejects(s.measureInputUsage(article), isAbort);
  assert.throws(() => s.summarizeStreaming(article), isAbort);
});

test("summarizeStreaming throws at once for an aborted signal, with its reason", async () => {
  const s = await Summarizer.create();
  const reason = new Error("stop");
  assert.throws(() => s.summarizeStreaming(article, { signal: AbortSignal.abort(reason) }), (e) => e === reason);
  await assert.rejects(s.summarize(article, { signal: AbortSignal.abort() }), isAbort);
});

test("aborting mid-stream, or destroying, errors the stream", async () => {
  const s = await Summarizer.create({ type: "key-points", length: "long" });
  const controller = new AbortController();
  const reader = s.summarizeStreaming(article, { signal: controller.signal }).getReader();
  const first = await reader.read();
  assert.equal(first.done, false);
  assert.ok(first.value.startsWith("- "));
  controller.abort();
  await assert.rejects(reader.read(), isAbort);

  const other = s.summarizeStreaming(article).getReader();
  await other.read();
  s.destroy();
  await assert.rejects(other.read(), isAbort);
});

test("aborting create()'s signal after creation destroys the summarizer", async () => {
  const controller = new AbortController();
  const s = await Summarizer.create({ signal: controller.signal });
  assert.ok((await s.summarize(article)).length > 0);
  controller.abort();
  await assert.rejects(s.summarize(article), isAbort);
  await assert.rejects(Summarizer.create({ signal: AbortSignal.abort() }), isAbort);
});

test("measureInputUsage counts in the unit of a finite inputQuota, which summarize enforces", async () => {
  const s = await Summarizer.create();
  assert.equal(s.inputQuota, INPUT_QUOTA);
  assert.ok(Number.isFinite(s.inputQuota));
  assert.equal(await s.measureInputUsage("héllo wörld 😀"), Buffer.byteLength("héllo wörld 😀"));
  assert.equal(await s.measureInputUsage(article), Buffer.byteLength(article));
  const tooLong = "a".repeat(s.inputQuota + 1);
  assert.equal(await s.measureInputUsage(tooLong), s.inputQuota + 1);
  await assert.rejects(s.summarize(tooLong), (e) => e instanceof DOMException && e.name === "QuotaExceededError");
});

test("a headline is the title when it fits the length's word limit", async () => {
  const text = `Storm closes the coast road\n\n${article}`;
  assert.ok(!rank(text).some((x) => x.start === 0), "the first line is taken for a heading");
  const h = await Summarizer.create({ type: "headline", format: "plain-text" });
  assert.equal(await h.summarize(text), "Storm closes the coast road");
  const md = await Summarizer.create({ type: "headline" });
  assert.equal(await md.summarize(`# Storm closes the coast road\n\n${article}`), "Storm closes the coast road");
});

test("a headline is else the best sentence within the limit, else the best cut with …", async () => {
  // The sample's 13-word title fits medium and long, not short.
  const titled = await Summarizer.create({ type: "headline", length: "medium", format: "plain-text" });
  const title = article.split("\n")[0].trim();
  assert.equal(words(title).length, 13);
  assert.equal(await titled.summarize(article), title);
  // Without it: the best sentence that fits.
  const body = rank(article).map((x) => x.text).join(" ");
  for (const length of ["short", "medium", "long"]) {
    const h = await Summarizer.create({ type: "headline", length, format: "plain-text" });
    const line = await h.summarize(body);
    const limit = HEADLINE_WORDS[length];
    assert.ok(line.length > 0);
    const n = words(line.replace(/…$/, "")).length;
    assert.ok(n <= limit, `${length}: ${n} words > ${limit}: ${line}`);
    const ranked = rank(body, { position: true });
    const fitting = ranked
      .filter((x) => words(x.text).length <= limit)
      .sort((a, b) => b.score - a.score || a.index - b.index)[0];
    if (fitting) assert.equal(line, words(fitting.text).join(" "));
    else assert.ok(line.endsWith("…"));
  }
  // One long sentence only: cut at a word, visibly.
  const long = `${Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ")}.`;
  const h = await Summarizer.create({ type: "headline", length: "short", format: "plain-text" });
  const cut = await h.summarize(long);
  assert.equal(cut, `${Array.from({ length: 12 }, (_, i) => `word${i}`).join(" ")}…`);
  assert.deepEqual(HEADLINE_WORDS, { short: 12, medium: 17, long: 22 });
});

test("language tags: RangeError for an invalid one, canonicalized otherwise", async () => {
  await assert.rejects(Summarizer.availability({ expectedInputLanguages: ["en_US!"] }), RangeError);
  await assert.rejects(Summarizer.create({ outputLanguage: "not a tag" }), RangeError);
  await assert.rejects(Summarizer.create({ expectedContextLanguages: [""] }), RangeError);
  const s = await Summarizer.create({ expectedInputLanguages: ["EN-us"], outputLanguage: "en-gb" });
  assert.deepEqual(s.expectedInputLanguages, ["en-US"]);
  assert.equal(s.outputLanguage, "en-GB");
  assert.equal(await Summarizer.availability({ expectedInputLanguages: ["fr-CA"] }), "available");
  assert.equal(await Summarizer.availability({ expectedInputLanguages: ["xh"] }), "unavailable");
});

test("preference is read and checked", async () => {
  for (const preference of ["auto", "speed", "capability"]) {
    assert.equal(await Summarizer.availability({ preference }), "available");
    assert.ok((await (await Summarizer.create({ preference })).summarize(article)).length > 0);
  }
  await assert.rejects(Summarizer.create({ preference: "fast" }), TypeError);
});

test("the monitor's ondownloadprogress and listeners get 0 then 1", async () => {
  const handler = [];
  const listener = [];
  await Summarizer.create({
    monitor(m) {
      m.ondownloadprogress = (e) => handler.push([e.type, e.loaded, e.total]);
      m.addEventListener("downloadprogress", (e) => listener.push(e.loaded));
    },
  });
  assert.deepEqual(handler, [["downloadprogress", 0, 1], ["downloadprogress", 1, 1]]);
  assert.deepEqual(listener, [0, 1]);
});

test("summarize() without input rejects with a TypeError", async () => {
  const s = await Summarizer.create();
  await assert.rejects(s.summarize(), TypeError);
  await assert.rejects(s.summarize(undefined), TypeError);
  await assert.rejects(s.measureInputUsage(), TypeError);
  assert.throws(() => s.summarizeStreaming(), TypeError);
});

test("markdown escapes what would start a heading, list or quote", async () => {
  const md = await Summarizer.create({ type: "tldr", length: "long" });
  const plain = await Summarizer.create({ type: "tldr", length: "long", format: "plain-text" });
  const text = "Intro line here today.\n#1 seed wins the final match.\n- dashes lead this sentence too.";
  assert.match(await md.summarize(text, { context: "seed final" }), /(^| )\\#1 seed wins/);
  assert.match(await plain.summarize(text), /#1 seed wins/);
  const points = await Summarizer.create({ type: "key-points" });
  assert.match(await points.summarize("# Title\n\n#hashtag opens this one. A second sentence is here."), /^- \\#hashtag/m);
});

test("the polyfill wraps a native Summarizer and falls back for what it reports unavailable", async () => {
  const calls = [];
  class Native {
    static async availability(o) {
      calls.push(["availability", o?.type ?? null]);
      return o?.type === "tldr" ? "available" : "unavailable";
    }
    static async create(o) {
      calls.push(["create", o?.type ?? null]);
      return { native: true, summarize: async () => "native summary" };
    }
  }
  globalThis.Summarizer = Native;
  try {
    const { polyfill, provider } = await import(path.join(pkg, "node-polyfill.js"));
    assert.equal(polyfill, "wrapped");
    assert.equal(globalThis.Summarizer.provider, "wrapped");
    assert.notEqual(globalThis.Summarizer, Native);
    assert.equal(await globalThis.Summarizer.availability({ type: "tldr" }), "available");
    assert.equal(await globalThis.Summarizer.availability({ type: "headline" }), "available");
    const native = await globalThis.Summarizer.create({ type: "tldr", signal: new AbortController().signal });
    assert.equal(await native.summarize(article), "native summary");
    assert.equal(provider(native), "native");
    const ours = await globalThis.Summarizer.create({ type: "key-points" });
    assert.equal(provider(ours), "gisty");
    assert.ok(ours instanceof Summarizer && ours instanceof globalThis.Summarizer);
    assert.match(await ours.summarize(article), /^- /);
    assert.deepEqual(calls, [
      ["availability", "tldr"],
      ["availability", "headline"],
      ["availability", "tldr"],
      ["create", "tldr"],
      ["availability", "key-points"],
    ]);
    await assert.rejects(globalThis.Summarizer.create({ type: "nope" }), TypeError);
  } finally {
    delete globalThis.Summarizer;
  }
});
