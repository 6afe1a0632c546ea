#!/usr/bin/env node
// The speed figures of issue 7 in one run: the web build in headless Chromium (www/bench.html),
// the native CLI on the same inputs, and sumy's LexRank on the same articles; then the targets,
// met or missed. A benchmark, not a test: it exits 0 whatever the figures.
//
// usage: node scripts/bench-page.mjs [--quick] [--repeats N] [--rebuild] [--no-native] [--no-sumy]
//                                    [--no-user-agent-memory] [--pkg DIR] [--bin PATH] [--out DIR]
//                                    [--label TEXT] [--rounds N] [--no-docs] [--replot]
//                                    [--no-frame-gap] [--no-idle-warmup]
//   --rebuild      rebuild www/pkg first (scripts/build.sh web), so that the wasm is of the same
//                  source as the native CLI; without it, a www/pkg older than src/ is only reported
//   --quick        fewer repeats everywhere (about a third of the time), for a first look
//   --repeats N    timed passes over the cnndm-dev articles, in Chromium and natively (default 10)
//   --rounds N     run everything N times, one round after another, and keep each figure's
//                  lowest value over the rounds (default 1): on a shared machine other work comes
//                  and goes over minutes and only ever adds time, so the least disturbed round is
//                  the best estimate (each round's figures are themselves medians of several runs)
//   --no-native, --no-sumy   skip that side of the comparison
//   --no-user-agent-memory   skip performance.measureUserAgentSpecificMemory (it waits for a GC)
//   --no-frame-gap skip the page's frame gap (a few seconds): the longest the main thread of
//                  the page itself (index.html) goes without a frame while it summarizes 1 MB
//   --no-idle-warmup  time the first articles without the warm-up the page's worker does while
//                  idle (www/warm.js) and the second of idleness after it: the figures before it
//   --pkg DIR      the web build to time (default www/pkg); it is copied to DIR/pkg first and
//                  served from there, so that a rebuild of www/pkg during the run changes nothing
//   --bin PATH     the native CLI to time (default target/release/gisty, built first); with
//                  --pkg, this compares another checkout's builds (e.g. git archive HEAD, built)
//   --label TEXT   what was measured, for bench.json and the plot (default: git HEAD, "+ edits"
//                  when src/ has uncommitted changes; with --pkg or --bin: those paths)
//   --out DIR      where bench.json and scaling.svg go (default target/bench)
//   --no-docs      do not copy the plot to docs/scaling.svg (the README shows that copy)
//   --replot       measure nothing: draw the plot and print the tables again from DIR/bench.json
//
// What it does: builds www/pkg (scripts/build.sh web) only when it is missing (or --rebuild),
// and the release CLI (cargo build --release --bin gisty) when cargo says it is stale; writes
// the inputs to DIR/data (the 100 cnndm-dev articles, the five samples, and 10 kB, 100 kB, 1 MB
// and 10 MB of cnndm-dev articles one after another, repeated as needed, cut at a sentence end;
// plus 1 MB of cnndm-dev and bbc-dev articles with no repeats, and 1 MB and 4 MB of bbc-dev
// articles each under its title, as a book has chapter headings); serves www/ with DIR/data at
// /bench-data/ and the build at /pkg/ on a free loopback port, cross-origin isolated
// (COOP/COEP) so that the page's timer is fine-grained and it may measure its memory; drives
// Debian's Chromium with playwright-core until the page sets window.__benchResult; then opens
// the page itself (index.html, served the same way), pastes the 1 MB input into it and times the
// main thread's frames until its card shows the summary and key phrases. Then the CLI:
// `--jsonl` streams of k and 2k copies of an input (the difference is k calls, start-up
// cancelled), and the 1 MB and larger files under /usr/bin/time for the peak RSS; then
// scripts/bench-sumy.py. Writes DIR/bench.json (every figure), DIR/scaling.svg (time against
// size, log-log, with an n log n reference) and docs/scaling.svg, and prints the tables.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { stats } from "../www/bench-stats.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";
import { parseToml } from "./toml.mjs";
import { handler } from "./static-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const data = path.resolve(root, "tests/data");

// -- arguments --------------------------------------------------------------------------------

const args = process.argv.slice(2);
const has = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const known = new Set([
  "--quick",
  "--repeats",
  "--rounds",
  "--rebuild",
  "--pkg",
  "--bin",
  "--label",
  "--no-native",
  "--no-sumy",
  "--no-user-agent-memory",
  "--no-frame-gap",
  "--no-idle-warmup",
  "--out",
  "--no-docs",
  "--replot",
]);
for (let i = 0; i < args.length; i += 1) {
  if (!known.has(args[i])) {
    console.error(`bench-page: unknown argument ${args[i]} (see the usage at the top of the script)`);
    process.exit(2);
  }
  if (["--repeats", "--rounds", "--out", "--pkg", "--bin", "--label"].includes(args[i])) i += 1;
}
const quick = has("--quick");
const repeats = Number(value("--repeats", quick ? 3 : 10));
if (!Number.isInteger(repeats) || repeats < 1) {
  console.error("bench-page: --repeats takes a whole number, at least 1");
  process.exit(2);
}
const rounds = Number(value("--rounds", 1));
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("bench-page: --rounds takes a whole number, at least 1");
  process.exit(2);
}
const outDir = path.resolve(root, value("--out", "target/bench"));
const dataDir = path.join(outDir, "data");
const pkgDir = path.resolve(root, value("--pkg", "www/pkg"));
const pkgCopy = path.join(outDir, "pkg");

const OPTIONS = { sentences: 3 };
const MANY_OPTIONS = { sentences: 6 };

// The scaling series; `runs` timed calls after the first, in Chromium and natively.
const SERIES = [
  { label: "10 kB", file: "scale-10k.txt", bytes: 1e4, runs: quick ? 10 : 30 },
  { label: "100 kB", file: "scale-100k.txt", bytes: 1e5, runs: quick ? 4 : 10 },
  { label: "1 MB", file: "scale-1m.txt", bytes: 1e6, runs: quick ? 2 : 5 },
  { label: "10 MB", file: "scale-10m.txt", bytes: 1e7, runs: quick ? 1 : 3 },
];
// Off the series: real text with no repeats, to tell what the repeats in 1 MB and 10 MB cost.
const UNIQUE = {
  label: "1 MB unique",
  file: "unique-1m.txt",
  bytes: 1e6,
  runs: quick ? 2 : 5,
  series: false,
};
// Off the series: bbc-dev articles each under its title line, as a book has chapter headings
// (headings are title context, and their cost must not grow with the text).
const HEADED = [
  {
    label: "1 MB headed",
    file: "headed-1m.txt",
    bytes: 1e6,
    runs: quick ? 1 : 3,
    series: false,
    group: "headed",
  },
  { label: "4 MB headed", file: "headed-4m.txt", bytes: 4e6, runs: 1, series: false, group: "headed" },
];

/** wasm-pack.toml's `[budget] gzip-kb`: what the English build's wasm + glue may weigh. */
function sizeBudgetKb() {
  const toml = fs.readFileSync(path.join(root, "wasm-pack.toml"), "utf8");
  const kb = parseToml(toml, "wasm-pack.toml").budget?.["gzip-kb"];
  if (typeof kb !== "number") throw new Error("wasm-pack.toml has no [budget] gzip-kb");
  return kb;
}

const TARGETS = {
  articleMedianMs: 0.3,
  oneMbMs: 300,
  tenMbMs: 3000,
  peakMemoryPerInputByte: 10,
  // The English build's budget where scripts/build.sh holds builds to it (issue 14 raised
  // issue 7's 120 kB to 125 kB): read, not repeated here.
  gzipKb: sizeBudgetKb(),
  // A step of the series may take this much longer than n log n predicts before it counts as
  // a miss: the timings of one run on a shared machine are not closer than that.
  growthSlack: 1.05,
};

// -- small helpers ----------------------------------------------------------------------------

const median = (values) => stats(values).median;

const fmtMs = (x) => {
  if (x == null || Number.isNaN(x)) return "-";
  if (x < 1) return `${(x * 1000).toFixed(0)} µs`;
  if (x < 1000) return `${x.toFixed(x < 10 ? 2 : 1)} ms`;
  return `${(x / 1000).toFixed(2)} s`;
};
const fmtBytes = (b) => {
  if (b >= 1e6) return `${(b / 1e6).toFixed(b >= 1e7 ? 1 : 2)} MB`;
  if (b >= 1e3) return `${(b / 1e3).toFixed(1)} kB`;
  return `${b} B`;
};
const ratio = (a, b) => (a != null && b ? a / b : null);
const fmtRatio = (r) => (r == null ? "-" : `${r.toFixed(2)}`);

function run(command, commandArgs, options = {}) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", ...options });
  if (r.error) throw new Error(`${command}: ${r.error.message}`);
  return r.status === 0;
}

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

// -- inputs -----------------------------------------------------------------------------------

function readJsonl(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Texts one after another (a blank line between), repeated as needed, cut at the last
 * sentence end or paragraph break at most `bytes` in: real text of about that size. */
function concatenated(texts, bytes) {
  const parts = [];
  let total = 0;
  for (let i = 0; total < bytes + 1; i += 1) {
    const part = Buffer.from(`${texts[i % texts.length].trim()}\n\n`, "utf8");
    parts.push(part);
    total += part.length;
  }
  const all = Buffer.concat(parts);
  let cut = bytes;
  for (; cut > 0; cut -= 1) {
    const stop = all[cut - 1] === 0x2e && (all[cut] === 0x20 || all[cut] === 0x0a); // ". " or ".\n"
    const paragraph = all[cut - 1] === 0x0a && all[cut - 2] === 0x0a;
    if (stop || paragraph) break;
  }
  return all.subarray(0, cut).toString("utf8").trimEnd();
}

function prepareData() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const cnndm = readJsonl(path.join(data, "eval/cnndm-dev.jsonl"));
  const bbc = readJsonl(path.join(data, "eval/bbc-dev.jsonl"));
  const samplesDir = path.join(data, "samples");
  const samples = fs
    .readdirSync(samplesDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => fs.readFileSync(path.join(samplesDir, f), "utf8"));

  const articles = cnndm.map((a) => ({ id: a.id, text: a.text }));
  fs.writeFileSync(path.join(dataDir, "articles.json"), JSON.stringify(articles));
  fs.writeFileSync(path.join(dataDir, "samples.json"), JSON.stringify(samples));
  const texts = cnndm.map((a) => a.text);
  for (const s of SERIES) fs.writeFileSync(path.join(dataDir, s.file), concatenated(texts, s.bytes));
  const unique = [...texts, ...bbc.map((a) => a.text)];
  const uniqueText = concatenated(unique, UNIQUE.bytes);
  fs.writeFileSync(path.join(dataDir, UNIQUE.file), uniqueText);
  const headed = bbc.map((a) => `${a.title.trim()}\n\n${a.text.trim()}`);
  for (const s of HEADED) fs.writeFileSync(path.join(dataDir, s.file), concatenated(headed, s.bytes));

  const scaling = [...SERIES, UNIQUE, ...HEADED].map((s) => ({
    ...s,
    bytes: fs.statSync(path.join(dataDir, s.file)).size,
  }));
  const manifest = {
    options: OPTIONS,
    manyOptions: MANY_OPTIONS,
    articles: "articles.json",
    samples: "samples.json",
    articleRuns: { repeats, warmup: 2, backToBack: quick ? 10 : 20 },
    sampleRuns: { runs: quick ? 10 : 30, warmup: 5 },
    scaling,
    // The page's worker warms the wasm while idle (www/warm.js); the bench does the same, then
    // waits as a reader would before pasting, unless --no-idle-warmup.
    idleWarmup: has("--no-idle-warmup") ? false : { calls: 20, pauseMs: 1000 },
    userAgentMemory: !has("--no-user-agent-memory"),
    userAgentMemoryTimeoutMs: 60_000,
  };
  fs.writeFileSync(path.join(dataDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  const repeatsOf = (bytes) => bytes / texts.reduce((s, t) => s + Buffer.byteLength(t) + 2, 0);
  return { articles, samples, scaling, manifest, cnndmBytes: repeatsOf(1), repeatsOf };
}

// -- builds -----------------------------------------------------------------------------------

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilds() {
  const pkg = path.join(pkgDir, "gisty.js");
  if (pkgDir !== path.join(root, "www/pkg") && !fs.existsSync(pkg)) throw new Error(`${pkg} is missing`);
  if (!fs.existsSync(pkg) || has("--rebuild")) {
    console.log(`${has("--rebuild") ? "--rebuild" : "www/pkg is missing"}: bash scripts/build.sh web`);
    if (!run("bash", ["scripts/build.sh", "web"])) throw new Error("scripts/build.sh web failed");
  }
  const warnings = [];
  const bin = path.resolve(root, value("--bin", "target/release/gisty"));
  if (has("--bin") && !fs.existsSync(bin)) throw new Error(`${bin} is missing`);
  if (!has("--no-native") && !has("--bin")) {
    const built = run("cargo", ["build", "--release", "--quiet", "--bin", "gisty"]);
    if (!built) {
      if (!fs.existsSync(bin)) throw new Error("cargo build --release --bin gisty failed");
      warnings.push("cargo build failed: the native figures are from the last good target/release/gisty");
    }
  }
  const src = newestMtime(path.join(root, "src"));
  const wasmTime = fs.statSync(path.join(pkgDir, "gisty_bg.wasm")).mtimeMs;
  if (wasmTime < src && pkgDir === path.join(root, "www/pkg")) {
    warnings.push(
      `${path.relative(root, pkgDir)} is older than src/: the wasm and native figures may be of different code ` +
        "(--rebuild rebuilds www/pkg first)",
    );
  }
  // The copy that is timed and measured.
  fs.rmSync(pkgCopy, { recursive: true, force: true });
  fs.cpSync(pkgDir, pkgCopy, { recursive: true });
  return { bin, warnings, wasmBuilt: new Date(wasmTime).toISOString(), pkg: pkgDir, binPath: bin };
}

/** gzip -9 of the wasm and its glue, as scripts/build.sh counts them for the budget. */
function buildSize() {
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(pkgCopy, f)), { level: 9 }).length;
  const wasm = gz("gisty_bg.wasm");
  const glue = gz("gisty.js");
  return {
    wasmGzip: wasm,
    glueGzip: glue,
    totalGzip: wasm + glue,
    wasmBytes: fs.statSync(path.join(pkgCopy, "gisty_bg.wasm")).size,
  };
}

function gitState() {
  const out = (a) => spawnSync("git", a, { cwd: root, encoding: "utf8" }).stdout?.trim() ?? "";
  return {
    head: out(["rev-parse", "--short", "HEAD"]),
    dirty: out(["status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock"]) !== "",
  };
}

// -- Chromium ---------------------------------------------------------------------------------

/** www/ with the inputs at /bench-data/ and the copy of the build at /pkg/, cross-origin
 * isolated. */
async function serve() {
  const www = handler(path.join(root, "www"));
  const mounts = [
    ["/bench-data/", handler(dataDir)],
    ["/pkg/", handler(pkgCopy)],
  ];
  const server = http.createServer((req, res) => {
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Embedder-Policy", "require-corp");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    for (const [prefix, serveIt] of mounts) {
      if (req.url.startsWith(prefix)) {
        req.url = `/${req.url.slice(prefix.length)}`;
        return serveIt(req, res);
      }
    }
    return www(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

async function inChromium() {
  const { server, url } = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("console", (m) => {
      const text = m.text();
      if (text.startsWith("bench: ")) process.stdout.write(`  chromium ${text.slice(7)}\n`);
      else if (m.type() === "error") errors.push(text);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}bench.html`);
    await page.waitForFunction(() => window.__benchResult !== undefined, null, {
      timeout: 30 * 60_000,
      polling: 500,
    });
    const result = await page.evaluate(() => window.__benchResult);
    if (result.error) throw new Error(`in Chromium: ${result.error}\n${errors.join("\n")}`);
    await page.close();
    result.version = await browser.version();
    result.consoleErrors = errors;
    if (!has("--no-frame-gap")) {
      result.frameGap = await frameGap(browser, url);
      console.log(`  the page given 1 MB: ${describeFrameGap(result.frameGap)}`);
    }
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * The longest the page's main thread goes without a frame while the page itself (index.html) is
 * given 1 MB of text and summarizes it in its worker: what a reader would feel as a freeze. From
 * the paste (one input event, as a paste makes) until the card shows its summary and key phrases,
 * and half a second after, in the page's frames (requestAnimationFrame). Figures in ms from the
 * paste; `longestAt` is when the longest gap began, `longGaps` every gap over 50 ms (a long task's
 * threshold) as [began, ms]: the first frame's is the paste's own (a 1 MB text area laid out).
 */
async function frameGap(browser, url) {
  const series = SERIES.find((s) => s.bytes === 1e6);
  const text = fs.readFileSync(path.join(dataDir, series.file), "utf8");
  const page = await browser.newPage();
  try {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.state === "ready", null, {
      timeout: 60_000,
    });
    const figures = await page.evaluate(
      (text) =>
        new Promise((resolve) => {
          const input = document.querySelector('[data-testid="input"]');
          const t0 = performance.now();
          let last = t0;
          const out = { frames: 0, longestMs: 0, longestAt: 0, longGaps: [], summaryAt: null, keywordsAt: null };
          const tick = (now) => {
            now = Math.max(now, last);
            if (now - last > out.longestMs) Object.assign(out, { longestMs: now - last, longestAt: last - t0 });
            if (now - last > 50) out.longGaps.push([last - t0, now - last]);
            last = now;
            out.frames += 1;
            const at = now - t0;
            const card = document.querySelector('[data-testid="doc"]');
            if (out.summaryAt === null && card?.querySelector('[data-testid="summary"] li')) out.summaryAt = at;
            if (out.keywordsAt === null && card?.querySelector('[data-testid="keywords"]:not([hidden])')) {
              out.keywordsAt = at;
            }
            // Key phrases that never come (none found) end it 10 s after the summary.
            const settled = out.summaryAt !== null && (out.keywordsAt ?? out.summaryAt + 10_000) <= at;
            const end = settled ? Math.max(out.summaryAt, out.keywordsAt ?? 0) + 500 : 60_000;
            if (at < end) requestAnimationFrame(tick);
            else resolve({ ...out, spanMs: at, settled });
          };
          requestAnimationFrame(tick);
          input.value = text;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      text,
    );
    if (!figures.settled) errors.push("no summary within 60 s");
    return { input: series.label, bytes: series.bytes, ...figures, errors };
  } finally {
    await page.close();
  }
}

function describeFrameGap(g) {
  if (!g) return "-";
  const when = (ms) => (ms == null ? "never" : `at ${fmtMs(ms)}`);
  const from = (ms) => (ms === 0 ? "from the paste" : `from ${fmtMs(ms)}`);
  return (
    `longest main-thread frame gap ${fmtMs(g.longestMs)} (${from(g.longestAt)}); ` +
    `over 50 ms: ${g.longGaps.map(([at, ms]) => `${fmtMs(ms)} ${from(at)}`).join(", ") || "none"}; ` +
    `${g.frames} frames in ${fmtMs(g.spanMs)}, summary shown ${when(g.summaryAt)}, ` +
    `key phrases ${when(g.keywordsAt)}${g.errors.length ? `; errors: ${g.errors.join("; ")}` : ""}`
  );
}

// -- native -----------------------------------------------------------------------------------

/** Wall-clock ms of one `gisty ARGS` run with `input` on stdin. */
function wall(bin, cliArgs, input) {
  const t = performance.now();
  const r = spawnSync(bin, cliArgs, { input, maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`gisty ${cliArgs.join(" ")} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/** Wall-clock ms and peak RSS (kB) of `gisty ARGS FILE`, under /usr/bin/time. */
function timedFile(bin, cliArgs, file) {
  const rssFile = path.join(os.tmpdir(), `gisty-bench-rss-${process.pid}`);
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", rssFile, bin, ...cliArgs, file], {
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`gisty ${cliArgs.join(" ")} ${file} failed (${r.status}): ${r.stderr}`);
  const rssKb = Number(fs.readFileSync(rssFile, "utf8").trim().split("\n").pop());
  fs.rmSync(rssFile, { force: true });
  return { ms, rssKb };
}

/**
 * Wall-clock ms per copy of `input` (JSONL lines) through `gisty --jsonl ARGS`, from `runs`
 * streams of k copies and `runs` of 2k, taken in turn: the difference is k copies' work, with the
 * process start-up cancelled rather than subtracted as a separately measured (and, on a busy
 * machine, noisy) figure. The median from the two streams' medians, the fastest from their
 * fastest (other work on the machine only adds time, so each stream's fastest is its least
 * disturbed); a difference of single runs could even come out below zero.
 */
function perCopy(bin, cliArgs, input, k, runs) {
  const [one, two] = [[], []];
  for (let r = 0; r < runs; r += 1) {
    one.push(wall(bin, cliArgs, input.repeat(k)));
    two.push(wall(bin, cliArgs, input.repeat(2 * k)));
  }
  return {
    median: (median(two) - median(one)) / k,
    min: (Math.min(...two) - Math.min(...one)) / k,
  };
}

const jsonl = (request) => `${JSON.stringify(request)}\n`;

function native(bin, inputs) {
  const { articles, samples, scaling } = inputs;
  const out = {};

  // Start-up, for the record and for the files: an empty stream, and an empty file under
  // /usr/bin/time.
  const empty = path.join(dataDir, "empty.txt");
  fs.writeFileSync(empty, "");
  const startups = [];
  for (let k = 0; k < 21; k += 1) startups.push(wall(bin, ["--jsonl", "-n", "3"], ""));
  const fileStartups = [];
  for (let k = 0; k < 11; k += 1) fileStartups.push(timedFile(bin, ["-n", "3"], empty));
  out.startupMs = median(startups);
  out.fileStartupMs = median(fileStartups.map((s) => s.ms));
  out.emptyRssKb = median(fileStartups.map((s) => s.rssKb));
  console.log(
    `  native start-up ${fmtMs(out.startupMs)} (--jsonl), ${fmtMs(out.fileStartupMs)} (a file under /usr/bin/time)`,
  );

  // Per article: its time per copy in `passes` streams of k and of 2k copies of it.
  const copies = quick ? 20 : 50;
  const passes = quick ? 2 : 3;
  console.log(`  native articles: streams of ${copies} and ${2 * copies} copies of each, ${passes} of each`);
  const each = articles.map((a) => ({
    id: a.id,
    ms: perCopy(bin, ["--jsonl", "-n", "3"], jsonl({ id: a.id, text: a.text }), copies, passes).median,
  }));
  out.articles = { copies, passes, ...stats(each.map((a) => a.ms)), articles: each };

  // The whole set in one stream, k and 2k times: the mean per article, with every article's
  // caches cold in turn.
  const setCopies = quick ? 3 : 10;
  const set = articles.map((a) => jsonl({ id: a.id, text: a.text })).join("");
  const setTime = perCopy(bin, ["--jsonl", "-n", "3"], set, setCopies, quick ? 2 : 5);
  out.articles.streamMean = setTime.median / articles.length;
  console.log(
    `  native articles: median ${fmtMs(out.articles.median)}, mean over the stream ${fmtMs(out.articles.streamMean)}`,
  );

  // The five samples, as one several-document request and as their concatenation.
  const sampleCopies = quick ? 20 : 100;
  const per = (request) =>
    perCopy(bin, ["--jsonl", "-n", "6"], jsonl(request), sampleCopies, quick ? 2 : 5).median;
  out.samples = {
    copies: sampleCopies,
    many: per({ id: "many", docs: samples }),
    concatenated: per({ id: "joined", text: samples.join("\n\n") }),
  };

  // Scaling: small inputs in streams (start-up would swamp them); 1 MB and up as a file, under
  // /usr/bin/time for the peak RSS, less the start-up on an empty file.
  out.scaling = scaling.map((s) => {
    const file = path.join(dataDir, s.file);
    const runs = Math.max(3, s.runs);
    if (s.bytes < 5e5) {
      const k = Math.ceil(1e6 / s.bytes);
      const input = jsonl({ id: s.label, text: fs.readFileSync(file, "utf8") });
      const time = perCopy(bin, ["--jsonl", "-n", "3"], input, k, runs);
      const rss = timedFile(bin, ["-n", "3"], file).rssKb;
      console.log(`  native ${s.label}: ${fmtMs(time.median)} (streams of ${k} and ${2 * k} copies)`);
      const how = `--jsonl, ${runs} streams of ${k} and of ${2 * k} copies`;
      return { label: s.label, bytes: s.bytes, how, n: runs, ...time, rssKb: rss };
    }
    const results = [];
    for (let r = 0; r < runs; r += 1) results.push(timedFile(bin, ["-n", "3"], file));
    const times = results.map((x) => x.ms - out.fileStartupMs);
    const rssKb = Math.max(...results.map((x) => x.rssKb));
    console.log(`  native ${s.label}: ${fmtMs(median(times))}, peak RSS ${(rssKb / 1024).toFixed(0)} MiB`);
    return { label: s.label, bytes: s.bytes, how: "a file", ...stats(times), rssKb };
  });
  return out;
}

// -- sumy -------------------------------------------------------------------------------------

function sumy(inputs) {
  const have = () => spawnSync("python3", ["-c", "import sumy, numpy"], { stdio: "ignore" }).status === 0;
  if (!have()) {
    console.log("  sumy is missing: python3 -m pip install sumy==0.13.0");
    run("python3", ["-m", "pip", "install", "-q", "sumy==0.13.0"]);
    if (!have()) return { error: "sumy could not be installed" };
  }
  const files = inputs.scaling.filter((s) => s.bytes <= 1.5e5).map((s) => path.join(dataDir, s.file));
  const r = spawnSync(
    "python3",
    [
      path.join(root, "scripts/bench-sumy.py"),
      path.join(dataDir, "articles.json"),
      "--sentences",
      String(OPTIONS.sentences),
      "--repeats",
      quick ? "1" : "3",
      ...files.flatMap((f) => ["--file", f]),
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) return { error: `bench-sumy.py failed: ${r.stderr}` };
  const out = JSON.parse(r.stdout);
  for (const f of out.files) f.file = path.basename(f.file);
  return out;
}

// -- the plot ---------------------------------------------------------------------------------

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** An SVG element: numbers rounded to 0.1, text content escaped. */
function el(name, attributes, text) {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? v.toFixed(1) : esc(v)}"`)
    .join("");
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${esc(text)}</${name}>`;
}

const WASM_COLOUR = "#1f5fbf";
const NATIVE_COLOUR = "#d9730d";
const TARGET_COLOUR = "#c0392b";
const GRID_COLOUR = "#ddd";
const HEADED_COLOUR = "#7b3fa0";

const SIZE_LABELS = ["1 B", "10 B", "100 B", "1 kB", "10 kB", "100 kB", "1 MB", "10 MB", "100 MB", "1 GB"];
const TIME_LABELS = {
  "-3": "1 µs",
  "-2": "10 µs",
  "-1": "0.1 ms",
  0: "1 ms",
  1: "10 ms",
  2: "0.1 s",
  3: "1 s",
};
const sizeLabel = (e) => SIZE_LABELS[e] ?? `1e${e} B`;
const timeLabel = (e) => TIME_LABELS[e] ?? (e > 3 ? `${10 ** (e - 3)} s` : `1e${e} ms`);

/**
 * Time against size, log-log: wasm and native along the series, an n log n line through wasm's
 * 1 MB point, the median article, 1 MB without repeats, and the targets.
 */
function plot(result) {
  const [W, H] = [760, 500];
  const m = { left: 78, right: 40, top: 48, bottom: 92 };
  const series = result.scaling.wasm.filter((p) => p.series);
  const nat = (result.native?.scaling ?? []).filter((p) => series.some((s) => s.label === p.label));
  const article = { bytes: result.articles.wasm.bytes.median, median: result.articles.wasm.median };
  const unique = result.scaling.wasm.find((p) => !p.series && !p.group);
  const uniqueNative = result.native?.scaling?.find((p) => p.label === unique?.label);
  const headed = result.scaling.wasm.filter((p) => p.group === "headed");
  const headedNative = (result.native?.scaling ?? []).filter((p) => headed.some((h) => h.label === p.label));

  const xs = [article.bytes, ...series.map((p) => p.bytes)];
  const ys = [
    article.median,
    TARGETS.articleMedianMs,
    TARGETS.tenMbMs,
    ...[...series, ...nat, ...headed, ...headedNative].map((p) => p.median),
  ];
  const [x0, x1] = [Math.floor(Math.log10(Math.min(...xs))), Math.ceil(Math.log10(Math.max(...xs)))];
  const [y0, y1] = [Math.floor(Math.log10(Math.min(...ys))), Math.ceil(Math.log10(Math.max(...ys)))];
  const X = (b) => m.left + ((Math.log10(b) - x0) / (x1 - x0)) * (W - m.left - m.right);
  const Y = (t) => H - m.bottom - ((Math.log10(t) - y0) / (y1 - y0)) * (H - m.top - m.bottom);
  const [left, right, top, bottom] = [m.left, W - m.right, m.top, H - m.bottom];

  const out = [el("rect", { width: W, height: H, fill: "#fff" })];
  const title = "gisty summarize: time against input size (log-log)";
  out.push(
    el("text", { x: W / 2, y: 22, "text-anchor": "middle", "font-size": 15, "font-weight": "bold" }, title),
  );
  for (let e = x0; e <= x1; e += 1) {
    const x = X(10 ** e);
    out.push(el("line", { x1: x, y1: top, x2: x, y2: bottom, stroke: GRID_COLOUR }));
    out.push(el("text", { x, y: bottom + 18, "text-anchor": "middle", "font-size": 12 }, sizeLabel(e)));
  }
  for (let e = y0; e <= y1; e += 1) {
    const y = Y(10 ** e);
    out.push(el("line", { x1: left, y1: y, x2: right, y2: y, stroke: GRID_COLOUR }));
    out.push(el("text", { x: left - 8, y: y + 4, "text-anchor": "end", "font-size": 12 }, timeLabel(e)));
  }
  out.push(
    el("rect", { x: left, y: top, width: right - left, height: bottom - top, fill: "none", stroke: "#444" }),
  );
  const xTitle = "input size (UTF-8 bytes of news articles one after another)";
  out.push(
    el("text", { x: (left + right) / 2, y: bottom + 40, "text-anchor": "middle", "font-size": 13 }, xTitle),
  );
  const yTitle = "time of one summarize call (median)";
  const yMid = (top + bottom) / 2;
  out.push(
    el(
      "text",
      { transform: `translate(18 ${yMid}) rotate(-90)`, "text-anchor": "middle", "font-size": 13 },
      yTitle,
    ),
  );

  // n log n through the wasm 1 MB point, clipped to the frame.
  const anchor = series.find((p) => p.label === "1 MB") ?? series[series.length - 1];
  const nlogn = (b) => (anchor.median * b * Math.log(b)) / (anchor.bytes * Math.log(anchor.bytes));
  const reference = [];
  for (let e = x0; e <= x1 + 1e-9; e += 0.05) {
    const y = Y(nlogn(10 ** e));
    if (y >= top && y <= bottom) reference.push(`${X(10 ** e).toFixed(1)},${y.toFixed(1)}`);
  }
  out.push(
    el("polyline", { points: reference.join(" "), fill: "none", stroke: "#888", "stroke-dasharray": "6 4" }),
  );

  const polyline = (points, colour) =>
    el("polyline", {
      points: points.map((p) => `${X(p.bytes).toFixed(1)},${Y(p.median).toFixed(1)}`).join(" "),
      fill: "none",
      stroke: colour,
      "stroke-width": 2,
    });
  const circle = (x, y, colour, hollow = false) =>
    el("circle", { cx: x, cy: y, r: 4.5, fill: hollow ? "#fff" : colour, stroke: colour, "stroke-width": 2 });
  const square = (x, y, colour) => el("rect", { x: x - 4, y: y - 4, width: 8, height: 8, fill: colour });
  const diamond = (x, y, colour) =>
    el("path", { d: `M${x} ${y - 6} l6 6 l-6 6 l-6 -6 z`, fill: "#fff", stroke: colour, "stroke-width": 2 });
  const cross = (x, y, colour) =>
    el("path", { d: `M${x - 5} ${y - 5} l10 10 m-10 0 l10 -10`, stroke: colour, "stroke-width": 2 });
  const at = (p) => [X(p.bytes), Y(p.median)];

  out.push(polyline(series, WASM_COLOUR), ...series.map((p) => circle(...at(p), WASM_COLOUR)));
  if (nat.length) out.push(polyline(nat, NATIVE_COLOUR), ...nat.map((p) => square(...at(p), NATIVE_COLOUR)));
  for (const p of series) {
    const [x, y] = at(p);
    const label = { x: x - 8, y: y - 8, "text-anchor": "end", "font-size": 11, fill: WASM_COLOUR };
    out.push(el("text", label, fmtMs(p.median)));
  }
  const [ax, ay] = at(article);
  out.push(circle(ax, ay, WASM_COLOUR, true));
  const articleLabel = { x: ax + 8, y: ay + 16, "font-size": 11, fill: WASM_COLOUR };
  out.push(el("text", articleLabel, `median article ${fmtMs(article.median)}`));
  if (unique) out.push(diamond(...at(unique), WASM_COLOUR));
  if (uniqueNative) out.push(diamond(...at(uniqueNative), NATIVE_COLOUR));
  if (headed.length) {
    out.push(polyline(headed, HEADED_COLOUR), ...headed.map((p) => circle(...at(p), HEADED_COLOUR, true)));
    out.push(...headedNative.map((p) => square(...at(p), HEADED_COLOUR)));
    const last = headed[headed.length - 1];
    const [x, y] = at(last);
    const label = { x: x - 8, y: y + 4, "text-anchor": "end", "font-size": 11, fill: HEADED_COLOUR };
    out.push(el("text", label, fmtMs(last.median)));
  }
  const targets = [
    [article.bytes, TARGETS.articleMedianMs],
    [1e6, TARGETS.oneMbMs],
    [1e7, TARGETS.tenMbMs],
  ];
  for (const [b, t] of targets) out.push(cross(X(b), Y(t), TARGET_COLOUR));

  // The legend, top left, where the series (which rise to the right) leave room.
  const legend = [
    [
      (x, y) => [
        el("line", { x1: x, y1: y, x2: x + 20, y2: y, stroke: WASM_COLOUR, "stroke-width": 2 }),
        circle(x + 10, y, WASM_COLOUR),
      ],
      `wasm in headless Chromium ${result.chromium ?? ""}`,
    ],
    ...(nat.length
      ? [
          [
            (x, y) => [
              el("line", { x1: x, y1: y, x2: x + 20, y2: y, stroke: NATIVE_COLOUR, "stroke-width": 2 }),
              square(x + 10, y, NATIVE_COLOUR),
            ],
            "native CLI (target/release/gisty)",
          ],
        ]
      : []),
    [
      (x, y) => [el("line", { x1: x, y1: y, x2: x + 20, y2: y, stroke: "#888", "stroke-dasharray": "6 4" })],
      "n log n, through wasm at 1 MB",
    ],
    ...(unique
      ? [[(x, y) => [diamond(x + 10, y, "#444")], "1 MB of distinct articles (cnndm + bbc dev, no repeats)"]]
      : []),
    ...(headed.length
      ? [
          [
            (x, y) => [
              el("line", { x1: x, y1: y, x2: x + 20, y2: y, stroke: HEADED_COLOUR, "stroke-width": 2 }),
              circle(x + 10, y, HEADED_COLOUR, true),
            ],
            "bbc-dev articles under their titles (headings); squares: native",
          ],
        ]
      : []),
    [(x, y) => [cross(x + 10, y, TARGET_COLOUR)], "targets: 0.3 ms per article, 0.3 s per MB, 3 s per 10 MB"],
  ];
  legend.forEach(([mark, text], i) => {
    const [x, y] = [left + 12, top + 16 + 18 * i];
    out.push(...mark(x, y), el("text", { x: x + 28, y: y + 4, "font-size": 12 }, text));
  });

  const { machine } = result;
  const load = `load ${machine.loadBefore.toFixed(1)}–${machine.loadAfter.toFixed(1)}`;
  const note = `${result.label}; ${result.date.slice(0, 10)}, ${machine.cpus} × ${machine.cpu}, ${load}`;
  out.push(el("text", { x: W / 2, y: H - 36, "text-anchor": "middle", "font-size": 11, fill: "#555" }, note));
  const how =
    "node scripts/bench-page.mjs (www/bench.html in headless Chromium; the CLI; target/bench/bench.json)";
  out.push(el("text", { x: W / 2, y: H - 20, "text-anchor": "middle", "font-size": 11, fill: "#555" }, how));
  const svg = { xmlns: "http://www.w3.org/2000/svg", width: W, height: H, viewBox: `0 0 ${W} ${H}` };
  const attrs = Object.entries({ ...svg, "font-family": "Helvetica, Arial, sans-serif" })
    .map(([k, v]) => ` ${k}="${v}"`)
    .join("");
  return `<svg${attrs}>\n${out.join("\n")}\n</svg>\n`;
}

/** native/wasm (below 1: native is faster) and sumy/gisty (how many times faster gisty is). */
function ratios(r) {
  const w = r.articles.wasm;
  const n = r.articles.native;
  const s = r.articles.sumy && !r.articles.sumy.error ? r.articles.sumy : null;
  const round = (x) => (x == null ? null : Number(x.toFixed(3)));
  return {
    nativePerWasm: {
      articleBackToBackMedian: round(ratio(n?.median, w.backToBack.median)),
      articleInterleavedMean: round(ratio(n?.streamMean, w.mean)),
      samplesMany: round(ratio(r.samples.native?.many, r.samples.wasm.many.median)),
      samplesConcatenated: round(ratio(r.samples.native?.concatenated, r.samples.wasm.concatenated.median)),
      scaling: Object.fromEntries(
        r.scaling.wasm.map((p) => [
          p.label,
          round(ratio(r.scaling.native?.find((x) => x.label === p.label)?.median, p.median)),
        ]),
      ),
    },
    sumyPerGisty: {
      nativeInterleavedMean: round(ratio(s?.mean, n?.streamMean)),
      wasmInterleavedMedian: round(ratio(s?.median, w.median)),
    },
  };
}

/**
 * Several rounds' results as one: every number the lowest of that number over the rounds
 * (arrays element by element, objects key by key), anything else the first round's. Sizes,
 * counts and memory are the same in every round; times are the least disturbed round's.
 */
function lowestOf(values) {
  const first = values[0];
  if (values.length === 1 || first == null) return first;
  if (typeof first === "number") return Math.min(...values.filter((v) => typeof v === "number"));
  if (Array.isArray(first)) return first.map((_, i) => lowestOf(values.map((v) => v?.[i])));
  if (typeof first === "object") {
    return Object.fromEntries(Object.keys(first).map((k) => [k, lowestOf(values.map((v) => v?.[k]))]));
  }
  return first;
}

// -- the verdict ------------------------------------------------------------------------------

function assess(result) {
  const wasm = result.scaling.wasm;
  const at = (label) => wasm.find((p) => p.label === label);
  // Each step from one input of a series to the next, against what n log n allows.
  const growth = (points) =>
    points.slice(1).map((b, i) => {
      const a = points[i];
      const timeRatio = b.median / a.median;
      const nlognRatio = (b.bytes * Math.log(b.bytes)) / (a.bytes * Math.log(a.bytes));
      return {
        from: a.label,
        to: b.label,
        timeRatio,
        nlognRatio,
        exponent: Math.log(timeRatio) / Math.log(b.bytes / a.bytes),
        met: timeRatio <= nlognRatio * TARGETS.growthSlack,
      };
    });
  const steps = [
    ...growth(wasm.filter((p) => p.series)),
    ...growth(wasm.filter((p) => p.group === "headed")),
  ];
  const memory = ["1 MB", "10 MB"].map((label) => ({ label, ratio: at(label)?.memory.peakPerInputByte }));
  const t = (what, figure, target, met) => ({ what, figure, target, met });
  return [
    t(
      "wasm, median cnndm-dev article",
      fmtMs(result.articles.wasm.median),
      `< ${fmtMs(TARGETS.articleMedianMs)}`,
      result.articles.wasm.median < TARGETS.articleMedianMs,
    ),
    t(
      "wasm, 1 MB",
      fmtMs(at("1 MB")?.median),
      `< ${fmtMs(TARGETS.oneMbMs)}`,
      at("1 MB")?.median < TARGETS.oneMbMs,
    ),
    t(
      "wasm, 10 MB",
      fmtMs(at("10 MB")?.median),
      `< ${fmtMs(TARGETS.tenMbMs)}`,
      at("10 MB")?.median < TARGETS.tenMbMs,
    ),
    ...steps.map((s) =>
      t(
        `growth ${s.from} → ${s.to}`,
        `×${s.timeRatio.toFixed(1)} (n^${s.exponent.toFixed(2)})`,
        `≤ ×${s.nlognRatio.toFixed(1)} (n log n)`,
        s.met,
      ),
    ),
    ...memory.map((m) =>
      t(
        `wasm peak memory, ${m.label}`,
        m.ratio == null ? "-" : `${m.ratio.toFixed(1)} × input`,
        `< ${TARGETS.peakMemoryPerInputByte} × input`,
        m.ratio < TARGETS.peakMemoryPerInputByte,
      ),
    ),
    t(
      "English web build, wasm + glue gzipped",
      `${(result.size.totalGzip / 1000).toFixed(1)} kB`,
      `≤ ${TARGETS.gzipKb} kB`,
      result.size.totalGzip <= TARGETS.gzipKb * 1000,
    ),
  ];
}

// -- main -------------------------------------------------------------------------------------

/** Writes the plot to DIR/scaling.svg and, unless --no-docs, docs/scaling.svg. */
function writePlot(result) {
  const svg = plot(result);
  fs.writeFileSync(path.join(outDir, "scaling.svg"), svg);
  if (!has("--no-docs")) {
    fs.mkdirSync(path.join(root, "docs"), { recursive: true });
    fs.writeFileSync(path.join(root, "docs/scaling.svg"), svg);
  }
}

async function main() {
  if (has("--replot")) {
    const result = JSON.parse(fs.readFileSync(path.join(outDir, "bench.json"), "utf8"));
    writePlot(result);
    report(result);
    return;
  }
  const started = performance.now();
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? "?",
    loadBefore: os.loadavg()[0],
  };
  console.log(
    `load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} on ${machine.cpus} cores`,
  );
  const builds = ensureBuilds();
  const size = buildSize();
  for (const w of builds.warnings) console.log(`warning: ${w}`);
  const inputs = prepareData();
  console.log(
    `inputs in ${path.relative(root, dataDir)}: ${inputs.articles.length} articles, ${inputs.samples.length} samples, ` +
      inputs.scaling
        .map(
          (s) =>
            `${s.label} (${fmtBytes(s.bytes)}, ${inputs.repeatsOf(s.bytes).toFixed(1)}× the cnndm-dev text)`,
        )
        .join(", "),
  );

  const perRound = [];
  for (let k = 1; k <= rounds; k += 1) {
    const loadBefore = os.loadavg()[0];
    const round = rounds > 1 ? ` (round ${k} of ${rounds}, load ${loadBefore.toFixed(2)})` : "";
    console.log(`\n== wasm in headless Chromium${round}`);
    const webRound = await inChromium();
    console.log(
      `  Chromium ${webRound.version}, cross-origin isolated ${webRound.isolated}, timer step ${fmtMs(webRound.timerResolutionMs)}`,
    );
    // Let the machine settle after Chromium before timing processes.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    let natRound = null;
    if (!has("--no-native")) {
      console.log(`\n== native CLI${round}`);
      natRound = native(builds.bin, inputs);
    }
    let sumyRound = null;
    if (!has("--no-sumy")) {
      console.log(`\n== sumy LexRank${round}`);
      sumyRound = sumy(inputs);
      if (sumyRound.error) console.log(`  ${sumyRound.error}`);
      else console.log(`  median ${fmtMs(sumyRound.median)} per article`);
    }
    perRound.push({ web: webRound, nat: natRound, sumy: sumyRound, loadBefore, loadAfter: os.loadavg()[0] });
  }
  machine.loadAfter = os.loadavg()[0];
  const web = lowestOf(perRound.map((r) => r.web));
  const nat = lowestOf(perRound.map((r) => r.nat));
  const sumyResult = lowestOf(perRound.map((r) => r.sumy));
  // Not merged figure by figure: the least disturbed round's, whole.
  const frameGaps = perRound.map((r) => r.web.frameGap).filter(Boolean);
  const pageFrameGap = frameGaps.sort((a, b) => a.longestMs - b.longestMs)[0] ?? null;

  const { articles: _articleList, ...wasmArticles } = web.articles;
  const git = gitState();
  const label =
    value("--label") ??
    (has("--pkg") || has("--bin")
      ? `${builds.pkg} and ${builds.binPath}`
      : `${git.head}${git.dirty ? " + uncommitted edits" : ""}`);
  const result = {
    date: new Date().toISOString(),
    label,
    machine,
    git,
    wasmBuilt: builds.wasmBuilt,
    warnings: builds.warnings,
    chromium: web.version,
    consoleErrors: web.consoleErrors,
    crossOriginIsolated: web.isolated,
    timerResolutionMs: web.timerResolutionMs,
    initMs: web.initMs,
    idleWarmup: web.idleWarmup ?? null,
    // One round's: its breakdown is a list that does not merge.
    userAgentMemory: perRound[0].web.userAgentMemory ?? null,
    pageFrameGap,
    size,
    pkg: builds.pkg,
    bin: builds.binPath,
    options: OPTIONS,
    articles: {
      wasm: wasmArticles,
      native: nat?.articles ?? null,
      sumy: sumyResult && !sumyResult.error ? sumyResult : sumyResult,
      perArticle: web.articles.articles.map((a, i) => ({
        ...a,
        nativeMs: nat?.articles.articles[i].ms ?? null,
        sumyMs: sumyResult?.articles?.[i]?.ms ?? null,
      })),
    },
    samples: { wasm: web.samples, native: nat?.samples ?? null },
    scaling: { wasm: web.scaling.map(({ times, ...p }) => ({ ...p, times })), native: nat?.scaling ?? null },
    native: nat,
    merged: rounds > 1 ? `each figure the lowest of ${rounds} rounds` : "one round",
    rounds: perRound.map((r) => ({
      loadBefore: r.loadBefore,
      loadAfter: r.loadAfter,
      wasmArticleMedianMs: r.web.articles.median,
      // Each round's own first sight too: the figure above is the lowest of them, and it swings
      // most from one round to the next.
      wasmFirstSightMedianMs: r.web.articles.firstSight?.median ?? null,
      wasmScalingMs: Object.fromEntries(r.web.scaling.map((p) => [p.label, p.median])),
      nativeArticleMedianMs: r.nat?.articles.median ?? null,
      nativeArticleStreamMeanMs: r.nat?.articles.streamMean ?? null,
      nativeScalingMs: r.nat ? Object.fromEntries(r.nat.scaling.map((p) => [p.label, p.median])) : null,
      sumyArticleMedianMs: r.sumy?.median ?? null,
      pageFrameGapMs: r.web.frameGap?.longestMs ?? null,
    })),
  };
  if (result.articles.sumy) delete result.articles.sumy.articles;
  result.ratios = ratios(result);
  result.targets = assess(result);
  result.elapsedS = (performance.now() - started) / 1000;

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "bench.json"), `${JSON.stringify(result, null, 2)}\n`);
  writePlot(result);

  report(result);
  console.log(
    `\nwrote ${path.relative(root, path.join(outDir, "bench.json"))}, ${path.relative(root, path.join(outDir, "scaling.svg"))}` +
      `${has("--no-docs") ? "" : " and docs/scaling.svg"} in ${result.elapsedS.toFixed(0)} s`,
  );
}

function report(r) {
  const nat = r.native;
  const targetOf = { "1 MB": TARGETS.oneMbMs, "10 MB": TARGETS.tenMbMs };
  console.log(
    `\n== scaling: summarize(text, ${JSON.stringify(r.options)}), median (and fastest) of the runs`,
  );
  console.log(
    table(
      [
        "input",
        "size",
        "wasm (min)",
        "native (min)",
        "native/wasm",
        "wasm peak mem",
        "native RSS",
        "target",
        "met?",
      ],
      r.scaling.wasm.map((p) => {
        const n = nat?.scaling.find((x) => x.label === p.label);
        const target = targetOf[p.label];
        return [
          p.label,
          fmtBytes(p.bytes),
          `${fmtMs(p.median)} (${fmtMs(p.min)})`,
          n ? `${fmtMs(n.median)} (${fmtMs(n.min)})` : "-",
          fmtRatio(ratio(n?.median, p.median)),
          `${fmtBytes(p.memory.peak)} (${p.memory.peakPerInputByte.toFixed(1)}×, +${(p.memory.grown / p.bytes).toFixed(1)}×)`,
          n ? `${(n.rssKb / 1024).toFixed(0)} MiB (${((n.rssKb * 1024) / p.bytes).toFixed(1)}×)` : "-",
          target && p.series ? `< ${fmtMs(target)}` : "",
          target && p.series ? (p.median < target ? "yes" : "NO") : "",
        ];
      }),
    ),
  );

  const a = r.articles;
  const s = a.sumy && !a.sumy.error ? a.sumy : null;
  console.log(
    `\n== per cnndm-dev article (${a.wasm.count}, median ${fmtBytes(a.wasm.bytes.median)}), summarize(text, ${JSON.stringify(r.options)})`,
  );
  const w = a.wasm;
  const b = w.backToBack;
  const n = a.native;
  console.log(
    table(
      ["system", "calls", "median", "p95", "mean", "max"],
      [
        [
          "wasm in Chromium",
          `interleaved: ${w.repeats} passes over the set`,
          fmtMs(w.median),
          fmtMs(w.p95),
          fmtMs(w.mean),
          fmtMs(w.max),
        ],
        w.firstSight
          ? [
              "wasm in Chromium",
              r.idleWarmup
                ? "first sight: each article's first call (after the idle warm-up)"
                : "first sight: each article's first call (no idle warm-up)",
              fmtMs(w.firstSight.median),
              fmtMs(w.firstSight.p95),
              fmtMs(w.firstSight.mean),
              fmtMs(w.firstSight.max),
            ]
          : null,
        [
          "wasm in Chromium",
          `back to back: ${b.runs} calls of each`,
          fmtMs(b.median),
          fmtMs(b.p95),
          fmtMs(b.mean),
          fmtMs(b.max),
        ],
        n
          ? ["native CLI --jsonl", `interleaved: the set in one stream`, "-", "-", fmtMs(n.streamMean), "-"]
          : null,
        n
          ? [
              "native CLI --jsonl",
              `back to back: streams of ${n.copies}/${2 * n.copies} copies`,
              fmtMs(n.median),
              fmtMs(n.p95),
              fmtMs(n.mean),
              fmtMs(n.max),
            ]
          : null,
        s
          ? [
              "sumy LexRank (Python)",
              `interleaved: ${s.repeats} pass${s.repeats === 1 ? "" : "es"}`,
              fmtMs(s.median),
              fmtMs(s.p95),
              fmtMs(s.mean),
              fmtMs(s.max),
            ]
          : null,
      ].filter(Boolean),
    ),
  );
  if (n) {
    console.log(
      `native/wasm: ${fmtRatio(ratio(n.median, b.median))} (back to back, median), ` +
        `${fmtRatio(ratio(n.streamMean, w.mean))} (interleaved, mean)`,
    );
  }
  if (s && n) {
    console.log(
      `sumy/gisty: native ${fmtRatio(ratio(s.mean, n.streamMean))}× (interleaved, mean), ` +
        `wasm ${fmtRatio(ratio(s.median, w.median))}× (interleaved, median): how many times faster gisty is`,
    );
  }
  if (s?.files?.length) {
    for (const f of s.files) {
      const w = r.scaling.wasm.find((p) => p.file === f.file);
      console.log(
        `sumy on ${w?.label ?? f.file}: ${fmtMs(f.ms)} (one run; wasm ${fmtMs(w?.median)}, ${fmtRatio(ratio(f.ms, w?.median))}× as long)`,
      );
    }
  }

  const sm = r.samples;
  console.log(`\n== the five samples (${fmtBytes(sm.wasm.bytes)}), ${JSON.stringify(sm.wasm.options)}`);
  console.log(
    table(
      ["call", "wasm", "native", "native/wasm"],
      [
        [
          "summarizeMany(samples)",
          fmtMs(sm.wasm.many.median),
          fmtMs(sm.native?.many),
          fmtRatio(ratio(sm.native?.many, sm.wasm.many.median)),
        ],
        [
          "summarize(concatenation)",
          fmtMs(sm.wasm.concatenated.median),
          fmtMs(sm.native?.concatenated),
          fmtRatio(ratio(sm.native?.concatenated, sm.wasm.concatenated.median)),
        ],
      ],
    ),
  );

  if (r.rounds.length > 1) {
    console.log(`\n== the ${r.rounds.length} rounds (each figure above is its lowest over them)`);
    console.log(
      table(
        [
          "round",
          "load",
          "wasm article",
          "wasm first sight",
          "native article",
          "sumy article",
          "page frame gap",
          ...Object.keys(r.rounds[0].wasmScalingMs).map((l) => `wasm/native ${l}`),
        ],
        r.rounds.map((x, i) => [
          i + 1,
          `${x.loadBefore.toFixed(1)}–${x.loadAfter.toFixed(1)}`,
          fmtMs(x.wasmArticleMedianMs),
          fmtMs(x.wasmFirstSightMedianMs),
          fmtMs(x.nativeArticleMedianMs),
          fmtMs(x.sumyArticleMedianMs),
          fmtMs(x.pageFrameGapMs),
          ...Object.entries(x.wasmScalingMs).map(
            ([l, ms]) => `${fmtMs(ms)} / ${fmtMs(x.nativeScalingMs?.[l])}`,
          ),
        ]),
      ),
    );
  }

  const gap = r.pageFrameGap;
  if (gap) {
    console.log(
      `\n== the page (index.html) given ${gap.input} (${fmtBytes(gap.bytes)}) to summarize, ` +
        "in its frames (reported, not asserted)",
    );
    console.log(describeFrameGap(gap));
  }

  console.log(`\n== targets (reported, not asserted)`);
  console.log(
    table(
      ["what", "figure", "target", "met?"],
      r.targets.map((t) => [t.what, t.figure, t.target, t.met ? "yes" : "NO"]),
    ),
  );
  const ua = r.userAgentMemory;
  if (ua) {
    const kinds = ua.breakdown?.map((b) => `${b.types.join("+") || "other"} ${fmtBytes(b.bytes)}`).join(", ");
    // Every scaling instance is still alive (the module map holds it) when this is measured.
    const wasmTotal = r.scaling.wasm.reduce((sum, p) => sum + p.memory.peak, 0);
    const note =
      ua.bytes < wasmTotal
        ? `; less than the ${fmtBytes(wasmTotal)} of wasm memory alive: it is not counted`
        : "";
    console.log(
      `page memory (measureUserAgentSpecificMemory, at the end): ${ua.bytes ? `${fmtBytes(ua.bytes)} (${kinds}${note})` : ua.why}`,
    );
  }
  console.log(
    "wasm peak memory: the instance's linear memory after the first call on a fresh instance (it only grows), " +
      "as a multiple of the input's UTF-8 bytes; +N× is the growth during the call",
  );
  console.log(
    `web build: wasm ${(r.size.wasmGzip / 1000).toFixed(1)} kB + glue ${(r.size.glueGzip / 1000).toFixed(1)} kB gzipped; ` +
      `Chromium ${r.chromium}, init ${fmtMs(r.initMs)}; load average ${r.machine.loadBefore.toFixed(2)} before, ${r.machine.loadAfter.toFixed(2)} after`,
  );
  for (const w of r.warnings) console.log(`warning: ${w}`);
  for (const e of r.consoleErrors ?? []) console.log(`console error in Chromium: ${e}`);
  console.log(`measured: ${r.label}`);
}

main().catch((e) => {
  console.error(`bench-page: ${e.stack ?? e}`);
  process.exit(1);
});
