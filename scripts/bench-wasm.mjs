#!/usr/bin/env node
// How long one `summarize` of the median CNN/DailyMail dev article takes, and one
// `summarizeMany` of the five sample articles (tests/data/samples) together: the web build in
// headless Chromium, the npm package in Node, and the native CLI. A benchmark, not a test.
// usage: node scripts/bench-wasm.mjs [--pkg DIR] [--runs N]
//   --pkg DIR   the web build to load in Chromium (default www/pkg; build it with
//               scripts/build.sh web); Node loads pkg/node.js, native runs target/release/gisty
//   --runs N    timed calls per engine after a warm-up (default 300)
// Chromium is started alone, with a fresh profile, on a page served from 127.0.0.1; the page is
// cross-origin isolated so that performance.now() has fine resolution.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const pkgDir = path.resolve(root, flag("--pkg", "www/pkg"));
const runs = Number(flag("--runs", 300));
const warmup = 30;
const options = { sentences: 3 };
const manyOptions = { sentences: 6 };

// The median article by length (the 51st shortest of 100).
const articles = fs
  .readFileSync(path.resolve(root, "tests/data/eval/cnndm-dev.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .sort((a, b) => a.text.length - b.text.length || a.id.localeCompare(b.id));
const article = articles[Math.floor(articles.length / 2)];

const samplesDir = path.resolve(root, "tests/data/samples");
const docs = fs
  .readdirSync(samplesDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => fs.readFileSync(path.join(samplesDir, f), "utf8"));

// A DUC-sized cluster, as benches/summarize.rs times natively: the first 25 dev articles in
// file order (about 90 kB), summarized together in 250 words (concept coverage).
const cluster = fs
  .readFileSync(path.resolve(root, "tests/data/eval/cnndm-dev.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .slice(0, 25)
  .map((l) => JSON.parse(l).text);

// What is timed: the same calls in Chromium and in Node.
const cases = [
  { name: "summarize", call: "summarize", input: article.text, options, cli: ["-n", "3"] },
  { name: "summarizeMany", call: "summarizeMany", input: docs, options: manyOptions, cli: ["-n", "6"] },
  {
    name: "summarizeMany",
    call: "summarizeMany",
    input: cluster,
    options: { words: 250 },
    cli: ["-w", "250"],
    runs: 40,
  },
];

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return { median: at(0.5), mean, min: sorted[0], p90: at(0.9) };
}
const ms = (x) => `${x.toFixed(3)} ms`;
const line = (name, s) =>
  `${name.padEnd(34)} median ${ms(s.median)}  mean ${ms(s.mean)}  min ${ms(s.min)}  p90 ${ms(s.p90)}`;

const page = `<!doctype html>
<meta charset="utf-8">
<title>gisty benchmark</title>
<script type="module">
const report = (path, body) => fetch(path, { method: "POST", body: JSON.stringify(body) });
try {
  const t0 = performance.now();
  const gisty = await import("/pkg/gisty.js");
  await gisty.default();
  const init = performance.now() - t0;
  const { cases, runs, warmup } = await (await fetch("/input")).json();
  const results = [];
  for (const { call, input, options, runs: caseRuns } of cases) {
    const f = gisty[call];
    let t = performance.now();
    const sentences = f(input, options).sentences.length;
    const first = performance.now() - t;
    for (let i = 0; i < warmup; i++) f(input, options);
    const times = [];
    for (let i = 0; i < (caseRuns ?? runs); i++) {
      t = performance.now();
      f(input, options);
      times.push(performance.now() - t);
    }
    results.push({ first, times, sentences });
  }
  await report("/result", { init, results, isolated: crossOriginIsolated, agent: navigator.userAgent });
} catch (e) {
  await report("/error", { message: String(e && e.stack || e) });
}
</script>
`;

function serve() {
  const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
  let settle;
  const done = new Promise((resolve, reject) => (settle = { resolve, reject }));
  const server = http.createServer((req, res) => {
    const headers = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cache-Control": "no-store",
    };
    const url = new URL(req.url, "http://127.0.0.1");
    if (req.method === "POST") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        res.writeHead(204, headers).end();
        const value = JSON.parse(body);
        if (url.pathname === "/result") settle.resolve(value);
        else settle.reject(new Error(`in Chromium: ${value.message}`));
      });
      return;
    }
    if (url.pathname === "/") {
      res.writeHead(200, { ...headers, "Content-Type": "text/html" }).end(page);
    } else if (url.pathname === "/input") {
      const input = { cases, runs, warmup };
      res.writeHead(200, { ...headers, "Content-Type": "application/json" }).end(JSON.stringify(input));
    } else if (url.pathname.startsWith("/pkg/")) {
      const file = path.join(pkgDir, path.basename(url.pathname));
      if (!fs.existsSync(file)) return res.writeHead(404, headers).end();
      const type = types[path.extname(file)] ?? "application/octet-stream";
      res.writeHead(200, { ...headers, "Content-Type": type }).end(fs.readFileSync(file));
    } else {
      res.writeHead(404, headers).end();
    }
  });
  return { server, done };
}

async function inChromium() {
  if (!fs.existsSync(path.join(pkgDir, "gisty.js"))) {
    throw new Error(`${pkgDir}/gisty.js is missing: run scripts/build.sh web`);
  }
  const { server, done } = serve();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gisty-bench-chromium-"));
  const browser = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      `--user-data-dir=${profile}`,
      `http://127.0.0.1:${server.address().port}/`,
    ],
    { stdio: "ignore" },
  );
  const exited = new Promise((_, reject) =>
    browser.on("exit", (code) => reject(new Error(`chromium exited (${code}) before reporting`))),
  );
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error("no result from chromium after 120 s")), 120_000).unref(),
  );
  try {
    return await Promise.race([done, exited, timeout]);
  } finally {
    browser.removeAllListeners("exit");
    browser.kill();
    server.close();
    await new Promise((r) => setTimeout(r, 200));
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function inNode(c) {
  const gisty = await import(path.join(root, "pkg/node.js"));
  const f = gisty[c.call];
  for (let i = 0; i < warmup; i++) f(c.input, c.options);
  const times = [];
  for (let i = 0; i < (c.runs ?? runs); i++) {
    const t = performance.now();
    f(c.input, c.options);
    times.push(performance.now() - t);
  }
  return times;
}

/** The native CLI over many copies of the input in one process (--jsonl, where a line with
 * "docs" is one summary of several documents): time per copy. */
function native(c) {
  const bin = path.join(root, "target/release/gisty");
  const build = spawnSync("cargo", ["build", "--release", "--quiet", "--bin", "gisty"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("cargo build failed");
  const copies = c.runs ? 50 : 1000;
  const request = Array.isArray(c.input) ? { id: 0, docs: c.input } : { id: 0, text: c.input };
  const input = `${JSON.stringify(request)}\n`.repeat(copies);
  const per = [];
  for (let k = 0; k < 7; k++) {
    const t = performance.now();
    const r = spawnSync(bin, ["--jsonl", ...c.cli], { input, maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`gisty --jsonl failed: ${r.stderr}`);
    per.push((performance.now() - t) / copies);
  }
  return per;
}

const chars = (input) => (Array.isArray(input) ? input.join("") : input).length;
console.log(
  `article ${article.id}: ${article.text.length} chars, the median of ${articles.length} by length; ` +
    `the ${docs.length} samples: ${chars(docs)} chars; ${runs} timed calls after ${warmup}`,
);
const web = await inChromium();
const version = web.agent.match(/Chrome\/([\d.]+)/)?.[1] ?? web.agent;
console.log(`headless Chromium ${version}: init ${ms(web.init)}, cross-origin isolated ${web.isolated}`);
for (const [k, c] of cases.entries()) {
  const r = web.results[k];
  const what = Array.isArray(c.input) ? `${c.input.length} documents, ${chars(c.input)} chars` : "text";
  console.log(
    `\n${c.call}(${what}, ${JSON.stringify(c.options)}): ${r.sentences} sentences, ` +
      `first call in Chromium ${ms(r.first)}`,
  );
  console.log(line(`wasm in Chromium (${path.relative(root, pkgDir)})`, stats(r.times)));
  console.log(line(`wasm in Node ${process.versions.node} (pkg/node.js)`, stats(await inNode(c))));
  console.log(line(`native (gisty --jsonl ${c.cli.join(" ")})`, stats(native(c))));
}
