// The npm package as a user gets it: `npm pack` of pkg/ (the npm build of scripts/build.sh),
// installed offline into a fresh Node project, imported there, and compared with the native CLI.
// Run by scripts/test-wasm.sh: `node --test tests/node/`.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const samplesDir = path.resolve(root, "tests/data/samples");
const samples = fs
  .readdirSync(samplesDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => path.join(samplesDir, f));
const cliBin = path.join(root, "target/release/gisty");

// The same options for the CLI and for JS.
const cases = [
  { cli: ["-n", "3"], js: { sentences: 3 } },
  { cli: ["-r", "0.3", "-m", "lexrank"], js: { ratio: 0.3, method: "lexrank" } },
  { cli: ["-w", "80", "-m", "textrank"], js: { words: 80, method: "textrank" } },
  {
    cli: ["-n", "4", "-t", "peace talks", "--redundancy", "0.3", "--no-position"],
    js: { sentences: 4, title: "peace talks", redundancy: 0.3, position: false },
  },
  { cli: ["-n", "2", "-m", "lead"], js: { sentences: 2, method: "lead" } },
];

let tmp;
let project;
let tarball;

const sh = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Runs an ES module in the consumer project and returns what it prints, parsed. */
function inProject(name, source) {
  fs.writeFileSync(path.join(project, name), source);
  return JSON.parse(sh(process.execPath, [name], project));
}

before(() => {
  assert.ok(
    fs.existsSync(path.join(root, "pkg/package.json")),
    "pkg/ is not built: run scripts/build.sh npm first",
  );
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gisty-npm-"));
  const [packed] = JSON.parse(
    sh("npm", ["pack", path.join(root, "pkg"), "--json", "--pack-destination", tmp], root),
  );
  tarball = packed;
  project = path.join(tmp, "consumer");
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  sh(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", path.join(tmp, packed.filename)],
    project,
  );
  sh("cargo", ["build", "--release", "--quiet", "--bin", "gisty"], root);
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("the tarball holds the package and nothing else", () => {
  const files = tarball.files.map((f) => f.path).sort();
  for (const f of ["gisty.js", "gisty.cjs", "gisty_bg.wasm", "gisty.d.ts", "gisty.d.cts", "node.js", "node-summarizer.js", "node-polyfill.js"]) {
    assert.ok(files.includes(f), `${f} is missing from ${files}`);
  }
  for (const f of ["summarizer.js", "summarizer.d.ts", "polyfill.js", "polyfill.d.ts"]) {
    assert.ok(files.includes(f), `${f} is missing from ${files}`);
  }
  assert.deepEqual(
    files.filter((f) => !/^(gisty|node|summarizer|polyfill|package|README|LICENSE)/.test(f)),
    [],
  );
  const manifest = JSON.parse(fs.readFileSync(path.join(project, "node_modules/gisty/package.json")));
  for (const field of ["name", "version", "description", "license", "repository", "types", "files"]) {
    assert.ok(manifest[field], `package.json has no ${field}`);
  }
});

test("summarizes every sample with the same sentences as the native CLI", () => {
  const got = inProject(
    "summarize.mjs",
    `import { summarize } from "gisty";
import fs from "node:fs";
const files = ${JSON.stringify(samples)};
const cases = ${JSON.stringify(cases.map((c) => c.js))};
console.log(JSON.stringify(files.map((f) => cases.map((o) => summarize(fs.readFileSync(f, "utf8"), o)))));
`,
  );
  samples.forEach((file, i) => {
    const text = fs.readFileSync(file, "utf8");
    const bytes = Buffer.from(text);
    const utf16 = (byte) => bytes.subarray(0, byte).toString().length;
    cases.forEach((c, k) => {
      const what = `${path.basename(file)} ${c.cli.join(" ")}`;
      const cli = JSON.parse(sh(cliBin, ["--json", ...c.cli, file], root));
      const js = got[i][k];
      assert.ok(js.sentences.length > 0, what);
      assert.equal(js.totalSentences, cli.total_sentences, what);
      assert.equal(js.totalWords, cli.total_words, what);
      assert.deepEqual(
        js.sentences.map((s) => [s.text, s.index, s.start, s.end]),
        cli.sentences.map((s) => [s.text, s.index, utf16(s.start), utf16(s.end)]),
        what,
      );
      js.sentences.forEach((s, j) => {
        assert.ok(Math.abs(s.score - cli.sentences[j].score) <= 1e-9 * Math.max(1, Math.abs(s.score)), what);
        assert.equal(text.slice(s.start, s.end), s.text, what);
      });
    });
  });
});

test("summarizeMany and keywords give the same as the native CLI's --combine", () => {
  // Byte offsets into one document → UTF-16 offsets, for comparing the CLI's spans.
  const texts = samples.map((f) => fs.readFileSync(f, "utf8"));
  const utf16 = texts.map((text) => {
    const bytes = Buffer.from(text);
    return (byte) => bytes.subarray(0, byte).toString().length;
  });
  const combine = [
    { cli: ["-n", "6", "-k", "8"], js: { sentences: 6 }, count: 8 },
    {
      cli: ["-w", "120", "-m", "lexrank", "-f", "frozen Russian assets", "-k", "5"],
      js: { words: 120, method: "lexrank", focus: "frozen Russian assets" },
      count: 5,
    },
  ];
  const got = inProject(
    "combine.mjs",
    `import { summarizeMany, keywords } from "gisty";
import fs from "node:fs";
const texts = ${JSON.stringify(samples)}.map((f) => fs.readFileSync(f, "utf8"));
const cases = ${JSON.stringify(combine.map((c) => [c.js, c.count]))};
console.log(JSON.stringify(cases.map(([options, count]) => ({
  summary: summarizeMany(texts, options),
  // Objects as documents give the same as strings.
  keywords: keywords(texts.map((text) => ({ text })), { count }),
}))));
`,
  );
  combine.forEach((c, k) => {
    const what = `--combine ${c.cli.join(" ")}`;
    const cli = JSON.parse(sh(cliBin, ["--combine", "--json", ...c.cli, ...samples], root));
    assert.deepEqual(cli.files, samples, what);
    const { summary, keywords } = got[k];
    assert.ok(summary.sentences.length > 0, what);
    assert.equal(summary.totalSentences, cli.total_sentences, what);
    assert.equal(summary.totalWords, cli.total_words, what);
    assert.deepEqual(
      summary.sentences.map((s) => [s.doc, s.index, s.text, s.start, s.end]),
      cli.sentences.map((s) => [s.doc, s.index, s.text, utf16[s.doc](s.start), utf16[s.doc](s.end)]),
      what,
    );
    summary.sentences.forEach((s, j) => {
      assert.ok(Math.abs(s.score - cli.sentences[j].score) <= 1e-9 * Math.max(1, Math.abs(s.score)), what);
      assert.equal(texts[s.doc].slice(s.start, s.end), s.text, what);
    });
    assert.deepEqual(
      summary.duplicates.map((d) => [d.a, d.b]),
      cli.duplicates.map((d) => [d.a, d.b]),
      what,
    );
    assert.equal(summary.similarity.length, samples.length, what);
    summary.similarity.flat().forEach((x, j) => {
      assert.ok(Math.abs(x - cli.similarity.flat()[j]) <= 1e-9, what);
    });
    assert.deepEqual(
      keywords.map((w) => [w.text, w.count]),
      cli.keywords.map((w) => [w.text, w.count]),
      what,
    );
    keywords.forEach((w, j) => assert.ok(Math.abs(w.score - cli.keywords[j].score) <= 1e-9, what));
    assert.equal(keywords.length, c.count, what);
  });
  // Samples 0 and 1 are rewrites of each other.
  assert.deepEqual(got[0].summary.duplicates.map((d) => [d.a, d.b]), [[0, 1]]);
});

test("the Summarizer shim and the polyfill work in Node", () => {
  const got = inProject(
    "summarizer.mjs",
    `import "gisty/polyfill";
import { Summarizer } from "gisty/summarizer";
import fs from "node:fs";
const text = fs.readFileSync(${JSON.stringify(samples[3])}, "utf8");
const s = await Summarizer.create({ type: "key-points", length: "long" });
const chunks = [];
for await (const c of s.summarizeStreaming(text)) chunks.push(c);
console.log(JSON.stringify({
  polyfilled: globalThis.Summarizer === Summarizer,
  availability: await Summarizer.availability(),
  points: await s.summarize(text),
  chunks,
  headline: await (await Summarizer.create({ type: "headline" })).summarize(text),
}));
`,
  );
  assert.equal(got.polyfilled, true);
  assert.equal(got.availability, "available");
  const lines = got.points.split("\n");
  assert.equal(lines.length, 7);
  assert.ok(lines.every((l) => l.startsWith("- ")), got.points);
  assert.equal(got.chunks.join(""), got.points);
  assert.ok(got.headline.length > 0 && !got.headline.includes("\n"));
});

test("require() gets the CommonJS glue, with the same results", async () => {
  const cjs = createRequire(path.join(project, "index.cjs"))("gisty");
  assert.match(createRequire(path.join(project, "index.cjs")).resolve("gisty"), /gisty\.cjs$/);
  const esm = await import(path.join(project, "node_modules/gisty/node.js"));
  const text = fs.readFileSync(samples[0], "utf8");
  assert.deepEqual(cjs.summarize(text, { sentences: 3 }), esm.summarize(text, { sentences: 3 }));
  const docs = samples.map((f) => fs.readFileSync(f, "utf8"));
  assert.deepEqual(cjs.summarizeMany(docs), esm.summarizeMany(docs));
  assert.deepEqual(cjs.keywords(docs, { count: 3 }), esm.keywords(docs, { count: 3 }));
  assert.throws(() => cjs.summarize(text, { sentences: 0 }), { name: "Error", message: /sentences/ });
  assert.throws(() => cjs.summarizeMany([text, 7]), { name: "Error", message: /docs\[1\]/ });
});

test("readFile reads a Blob's bytes with the core's reader", () => {
  const dir = path.join(root, "tests/data/files");
  const got = inProject(
    "read.mjs",
    `import { readFile } from "gisty";
import fs from "node:fs";
const bytes = (name) => fs.readFileSync(${JSON.stringify(dir)} + "/" + name);
const out = {};
for (const name of ["article.docx", "article-1252.txt", "docx-named.txt"]) {
  out[name] = await readFile(new Blob([bytes(name)]), name);
}
out.file = await readFile(new File([bytes("article.odt")], "article.odt"));
try {
  await readFile(new Blob([bytes("truncated.docx")]), "truncated.docx");
} catch (e) {
  out.truncated = { error: e instanceof Error, message: e.message };
}
console.log(JSON.stringify(out));
`,
  );
  // The docx and odt fixtures are written from samples 003 and 002 (tests/data/files/make.py).
  const opening = (i) => fs.readFileSync(samples[i], "utf8").split("\n").find((l) => l.length > 80).slice(0, 60);
  assert.equal(got["article.docx"].format, "docx");
  assert.ok(got["article.docx"].text.includes(opening(3)), got["article.docx"].text.slice(0, 200));
  assert.equal(got["article.docx"].encoding, undefined);
  assert.deepEqual(got["article.docx"].warnings, []);
  assert.equal(got["article-1252.txt"].format, "text");
  assert.equal(got["article-1252.txt"].encoding, "windows-1252");
  assert.match(got["article-1252.txt"].warnings.join(" "), /windows-1252/);
  assert.ok(!got["article-1252.txt"].text.includes("\uFFFD"));
  // A Word document named .txt is read as one, with a warning; a File names itself.
  assert.equal(got["docx-named.txt"].format, "docx");
  assert.equal(got["docx-named.txt"].warnings.length, 1);
  assert.equal(got.file.format, "odt");
  assert.ok(got.file.text.includes(opening(2)), got.file.text.slice(0, 200));
  assert.equal(got.truncated?.error, true, JSON.stringify(got.truncated));
  assert.match(got.truncated.message, /truncated|damaged|corrupt/i);
});

test("the TypeScript declarations type the options and results", () => {
  // Ours, before wasm-bindgen's InitOutput (the raw exports of the wasm, which it types with any).
  const all = fs.readFileSync(path.join(project, "node_modules/gisty/gisty.d.ts"), "utf8");
  const declarations = all.slice(0, all.indexOf("export type InitInput"));
  assert.ok(declarations.includes("export function summarize"), all);
  assert.doesNotMatch(declarations, /\bany\b/);
  // The declared method names are the ones the binding accepts, in either case (the Rust enum
  // they come from maps to the core's methods one to one).
  const names = [...declarations.match(/export type MethodName = ([^;]+);/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(names, ["gisty", "lexrank", "textrank", "lead"]);
  const picked = inProject(
    "methods.mjs",
    `import { summarize } from "gisty";
console.log(JSON.stringify(${JSON.stringify(names)}.flatMap((m) => [m, m.toUpperCase()]).map((method) =>
  summarize("One is here. Two is there. Three is everywhere.", { method, sentences: 1 }).sentences.length)));
`,
  );
  assert.deepEqual(picked, Array(2 * names.length).fill(1));
  assert.doesNotMatch(fs.readFileSync(path.join(project, "node_modules/gisty/gisty.d.cts"), "utf8"), /\bany\b/);
  fs.writeFileSync(
    path.join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2022", "dom"],
        types: [],
      },
      files: ["check.ts"],
    }),
  );
  fs.writeFileSync(
    path.join(project, "check.ts"),
    `import {
  summarize,
  rank,
  summarizeMany,
  keywords,
  readFile,
  type Doc,
  type ReadFile,
  type Duplicate,
  type Keyword,
  type KeywordOptions,
  type MultiSummary,
  type Summary,
  type SummarizeOptions,
} from "gisty";
import { Summarizer, type SummarizerType } from "gisty/summarizer";
import { polyfill } from "gisty/polyfill";

const options: SummarizeOptions = { sentences: 2, method: "lexrank", language: "de", focus: "zwei" };
const summary: Summary = summarize("Eins. Zwei. Drei.", options);
const first: string | undefined = summary.sentences[0]?.text;
const offsets: number[] = rank("One. Two.").map((s) => s.end - s.start);
const total: number = summary.totalSentences + summary.totalWords;
// @ts-expect-error: not a method
summarize("x", { method: "pagerank" });
// @ts-expect-error: not an option
summarize("x", { sentnces: 3 });
// @ts-expect-error: focus is a string
summarize("x", { focus: ["a"] });
const docs: Doc[] = [{ text: "One. Two.", title: "Numbers" }, { text: "Three." }];
const many: MultiSummary = summarizeMany(["A. B.", ...docs], { ratio: 0.5, focus: "two" });
const doc: number = many.sentences[0]?.doc ?? summary.sentences[0]?.doc ?? 0;
const pair: Duplicate | undefined = many.duplicates[0];
const similarity: number = (many.similarity[0]?.[1] ?? 0) + (pair?.similarity ?? 0);
// @ts-expect-error: a document is a string or { text }
summarizeMany([42]);
// @ts-expect-error: a document's text is a string
summarizeMany([{ title: "no text" }]);
const keywordOptions: KeywordOptions = { count: 5, language: "en" };
const phrases: Keyword[] = [...keywords("One two. One two.", keywordOptions), ...keywords(docs)];
const weights: number[] = phrases.map((k) => k.score * k.count + k.text.length);
// @ts-expect-error: not a keyword option
keywords("x", { sentences: 3 });
const read: Promise<ReadFile> = readFile(new Blob(["One. Two."]), "a.txt");
const encoding: string | undefined = (await read).encoding;
// @ts-expect-error: a Blob, not bytes
readFile(new Uint8Array(3), "a.txt");
// @ts-expect-error: not a format
const format: "pdf" = (await read).format;
const kind: SummarizerType = "teaser";
const s: Summarizer = await Summarizer.create({ type: kind, length: "long", format: "plain-text" });
const text: string = await s.summarize("A. B.", { context: "b" });
const stream: ReadableStream<string> = s.summarizeStreaming("A. B.");
// @ts-expect-error: not a length
await Summarizer.create({ length: "tiny" });
const done: "gisty" | "wrapped" | "none" = polyfill;
export { first, offsets, total, text, stream, done, many, doc, similarity, weights, encoding, format };
`,
  );
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  assert.ok(fs.existsSync(tsc), "typescript is not installed: npm ci at the repository root");
  try {
    sh(process.execPath, [tsc, "-p", "."], project);
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
});

test("an Engine gives what the functions give, call after call", () => {
  const got = inProject(
    "engine.mjs",
    `import { Engine, summarize, rank, summarizeMany, keywords } from "gisty";
import fs from "node:fs";
const texts = ${JSON.stringify(samples)}.map((f) => fs.readFileSync(f, "utf8"));
const cases = ${JSON.stringify(cases.map((c) => c.js))};
const engine = new Engine();
const same = [];
for (const round of [1, 2]) {
  for (const text of texts) {
    for (const o of cases) {
      same.push(JSON.stringify(engine.summarize(text, o)) === JSON.stringify(summarize(text, o)));
      same.push(JSON.stringify(engine.rank(text, o)) === JSON.stringify(rank(text, o)));
    }
    same.push(JSON.stringify(engine.keywords(text)) === JSON.stringify(keywords(text)));
  }
  same.push(JSON.stringify(engine.summarizeMany(texts)) === JSON.stringify(summarizeMany(texts)));
}
let error = null;
try { engine.summarize(texts[0], { sentences: 0 }); } catch (e) { error = e instanceof Error && e.message; }
const after = JSON.stringify(engine.summarize(texts[0])) === JSON.stringify(summarize(texts[0]));
engine.free();
console.log(JSON.stringify({ same, error, after }));
`,
  );
  assert.ok(got.same.length > 100 && got.same.every(Boolean), JSON.stringify(got.same));
  assert.match(got.error, /sentences|length|zero|0/i, "a bad option is an Error");
  assert.ok(got.after, "an error leaves the engine usable");
});
