// The npm package in the places it is used: `npm pack` of pkg/ (scripts/build.sh npm), installed
// offline into fresh projects, each built with the real tool from the repository's node_modules
// and run: Node ESM (the README's examples), CommonJS without require(esm), TypeScript strict
// (nodenext and bundler resolution), Deno and Bun, and in headless Chromium a Vite build and dev
// server (Vite 8 and 7), webpack 5, esbuild, a plain module page and Web Workers. No tool is
// configured for gisty.
// Run by scripts/test-wasm.sh: `node --test tests/consumers/`.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (file) => path.join(root, "node_modules", file);
const samples = path.join(root, "tests/data/samples");
const first = path.join(samples, fs.readdirSync(samples).filter((f) => f.endsWith(".txt")).sort()[0]);
const text = fs.readFileSync(first, "utf8");

let tmp;
let tarball;
let browser;
let expected;

const sh = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });

/** A fresh project with these files and the packed gisty installed offline. */
function project(name, files, type = "module") {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, private: true, type }));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], dir);
  return dir;
}

// The app every browser consumer builds: the binding, the polyfill over Chromium's own
// Summarizer, and (where the tool bundles workers) the same in a module worker.
const sample = `export default ${JSON.stringify(text)};\n`;
const app = (worker) => `import init, { summarize } from "gisty";
import { polyfill, provider } from "gisty/polyfill";
import text from "./sample.js";
const native = typeof globalThis.Summarizer;
await init();
await init(); // twice: nothing more happens
const s = await Summarizer.create({ type: "tldr", length: "medium", format: "plain-text" });
const result = {
  sentences: summarize(text, { sentences: 3 }).sentences.map((x) => x.text),
  tldr: await s.summarize(text),
  native,
  polyfill,
  provider: provider(s),
  availability: await Summarizer.availability(),
};
${
  worker
    ? `const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
result.worker = await new Promise((resolve, reject) => {
  w.onmessage = (e) => resolve(e.data);
  w.onerror = (e) => reject(new Error(e.message));
  w.postMessage(text);
});`
    : ""
}
window.result = result;
`;
const worker = (from) => `import init, { summarize } from "${from}";
self.onmessage = async (e) => {
  await init();
  self.postMessage(summarize(e.data, { sentences: 3 }).sentences.map((x) => x.text));
};
`;
const html = (script, head = "") =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><script type="module" src="${script}"></script></body></html>\n`;

/** Serves a folder on loopback, with the MIME types a module page with wasm needs. */
async function serve(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    const target = file.endsWith("/") ? path.join(file, "index.html") : file;
    if (!target.startsWith(dir) || !fs.existsSync(target) || fs.statSync(target).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[path.extname(target)] ?? "application/octet-stream" });
    fs.createReadStream(target).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Opens a page and returns its window.result, failing on a page error. */
async function inChromium(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.result, null, { timeout: 30000 }).catch(() => {});
    assert.deepEqual(errors, []);
    const result = await page.evaluate(() => window.result);
    assert.ok(result, `no result at ${url}`);
    return result;
  } finally {
    await page.close();
  }
}

function check(result, { worker }) {
  assert.deepEqual(result.sentences, expected.sentences);
  assert.equal(result.tldr, expected.tldr);
  // Chromium here has its own Summarizer, which reports "unavailable": the polyfill wraps it.
  assert.equal(result.native, "function");
  assert.equal(result.polyfill, "wrapped");
  assert.equal(result.provider, "gisty");
  assert.equal(result.availability, "available");
  if (worker) assert.deepEqual(result.worker, expected.sentences);
}

before(async () => {
  assert.ok(fs.existsSync(path.join(root, "pkg/package.json")), "pkg/ is not built: bash scripts/build.sh npm");
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "gisty-consumers-")));
  const [packed] = JSON.parse(sh("npm", ["pack", path.join(root, "pkg"), "--json", "--pack-destination", tmp], root));
  tarball = path.join(tmp, packed.filename);
  const node = await import(path.join(root, "pkg/node-summarizer.js"));
  const core = await import(path.join(root, "pkg/node.js"));
  const s = await node.Summarizer.create({ type: "tldr", length: "medium", format: "plain-text" });
  expected = {
    sentences: core.summarize(text, { sentences: 3 }).sentences.map((x) => x.text),
    tldr: await s.summarize(text),
  };
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("Node ESM runs the README's examples as written", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## The npm package"));
  const blocks = [...section.slice(0, section.indexOf("\n## ", 5)).matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 2, "the README's npm section has its js examples");
  const docs = fs.readdirSync(samples).filter((f) => f.endsWith(".txt")).sort().slice(0, 3);
  const dir = project("node-esm", Object.fromEntries(docs.map((f) => [f, fs.readFileSync(path.join(samples, f))])));
  blocks.forEach((block, i) => {
    const source = `import fs from "node:fs";
const [a, b, c] = ${JSON.stringify(docs)}.map((f) => fs.readFileSync(f, "utf8"));
const article = a;
${block}
`;
    fs.writeFileSync(path.join(dir, `example${i}.mjs`), source);
    const out = sh(process.execPath, [`example${i}.mjs`], dir);
    assert.ok(out.trim().length > 0, `README example ${i} printed nothing`);
  });
});

test("CommonJS require() works without require(esm), with the same results", () => {
  const dir = project(
    "node-cjs",
    {
      "main.js": `const { summarize, keywords, languages } = require("gisty");
const text = require("fs").readFileSync(${JSON.stringify(first)}, "utf8");
console.log(JSON.stringify({
  sentences: summarize(text, { sentences: 3 }).sentences.map((x) => x.text),
  keywords: keywords(text, { count: 3 }).length,
  french: languages().includes("fr"),
}));
`,
    },
    "commonjs",
  );
  const got = JSON.parse(sh(process.execPath, ["--no-experimental-require-module", "main.js"], dir));
  assert.deepEqual(got, { sentences: expected.sentences, keywords: 3, french: true });
});

test("TypeScript strict accepts the good examples and rejects the bad ones (nodenext, bundler)", () => {
  const good = `import init, { summarize, type SummarizeOptions } from "gisty";
import { Summarizer, type SummarizerCreateOptions } from "gisty/summarizer";
import { polyfill, provider } from "gisty/polyfill";
await init();
const ok: SummarizeOptions[] = [{ sentences: 3 }, { ratio: 0.3 }, { words: 80 }, {}, { method: "LexRank" }, { method: "textrank" }];
const one: string | undefined = summarize("A. B.", { ratio: 0.5, method: "Lead" }).sentences[0]?.text;
// @ts-expect-error: one length at most
summarize("A. B.", { sentences: 3, ratio: 0.3 });
// @ts-expect-error: one length at most
const two: SummarizeOptions = { words: 10, sentences: 2 };
// @ts-expect-error: not a method
summarize("A. B.", { method: "pagerank" });
// @ts-expect-error: not an option
summarize("A. B.", { sentnces: 3 });
const options: SummarizerCreateOptions = {
  type: "headline",
  preference: "speed",
  expectedInputLanguages: ["en-US"],
  monitor(m) {
    m.ondownloadprogress = (e) => e.loaded;
  },
};
const s: Summarizer = await Summarizer.create(options);
const quota: number = s.inputQuota - (await s.measureInputUsage("A."));
// @ts-expect-error: not a preference
await Summarizer.create({ preference: "fast" });
const who: "gisty" | "native" = provider(s);
const done: "gisty" | "wrapped" | "none" = polyfill;
export { ok, one, two, quota, who, done };
`;
  const cjs = `import gisty = require("gisty");
const first: string | undefined = gisty.summarize("A. B.", { words: 5 }).sentences[0]?.text;
// @ts-expect-error: one length at most
gisty.summarize("A. B.", { words: 5, ratio: 0.5 });
export = first;
`;
  const dir = project("typescript", { "good.ts": good, "cjs.cts": cjs });
  const tsc = bin("typescript/bin/tsc");
  const base = { strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false };
  for (const [name, compilerOptions, files] of [
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }, ["good.ts", "cjs.cts"]],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }, ["good.ts"]],
  ]) {
    fs.writeFileSync(path.join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...base, ...compilerOptions }, files }));
    try {
      sh(process.execPath, [tsc, "-p", `tsconfig.${name}.json`], dir);
    } catch (e) {
      assert.fail(`tsc (${name}): ${e.stdout}${e.stderr}`);
    }
  }
});

// Vite 8 (the devDependency vite) and Vite 7 (vite7, an npm alias of vite@7): the same app,
// built and served by each, without plugins or configuration.
// (Vite 7's dev server serves the package pre-bundled from node_modules/.vite/deps/, where
// the glue finds its wasm through the path scripts/build.sh gives it for that case.)
for (const [version, vitePackage] of [
  [8, "vite"],
  [7, "vite7"],
]) {
  const vite = bin(`${vitePackage}/bin/vite.js`);
  let dir;
  test(`Vite ${version} builds it`, async () => {
    dir = project(`vite${version}`, {
      "index.html": html("./main.js"),
      "main.js": app(true),
      "worker.js": worker("gisty"),
      "sample.js": sample,
    });
    await viteBuild(dir, vite);
  });
  test(`Vite ${version}'s dev server serves it`, async () => {
    assert.ok(dir, "the build test made the project");
    await viteDev(dir, vite);
  });
}

async function viteBuild(dir, vite) {
  sh(process.execPath, [vite, "build", "--logLevel", "error"], dir);
  assert.ok(fs.readdirSync(path.join(dir, "dist/assets")).some((f) => f.endsWith(".wasm")));
  const built = await serve(path.join(dir, "dist"));
  try {
    check(await inChromium(built.url), { worker: true });
  } finally {
    built.close();
  }
}

async function viteDev(dir, vite) {
  const dev = spawn(process.execPath, [vite, "--port", "0", "--host", "127.0.0.1", "--strictPort"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = "";
      dev.stdout.on("data", (d) => {
        out += d;
        const m = out.replace(/\x1b\[[0-9;]*m/g, "").match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) resolve(m[0]);
      });
      dev.on("exit", (code) => reject(new Error(`vite exited ${code}: ${out}`)));
    });
    check(await inChromium(url), { worker: true });
  } finally {
    dev.kill();
  }
}

// Deno and Bun from their npm packages (devDependencies deno and bun, whose platform binaries
// come as optional dependencies): each runs the same module, which imports gisty as Node does
// (the package's "node" condition), and must print what Node computes.
const runtimes = [
  ["Deno", bin(".bin/deno"), ["run", "--allow-read", "--allow-env", "main.mjs"]],
  ["Bun", bin(".bin/bun"), ["main.mjs"]],
];
for (const [runtime, exe, args] of runtimes) {
  let skip = false;
  try {
    execFileSync(exe, ["--version"], { stdio: "ignore" });
  } catch (e) {
    skip = `${runtime} did not run here (${exe}: ${e.message.split("\n")[0]}): npm install installs it with its platform's binary`;
  }
  test(`${runtime} imports it and summarizes as Node does`, { skip }, () => {
    const dir = project(runtime.toLowerCase(), {
      "main.mjs": `import { summarize, keywords, readFile } from "gisty";
import { Summarizer } from "gisty/summarizer";
import fs from "node:fs";
const text = fs.readFileSync(${JSON.stringify(first)}, "utf8");
const s = await Summarizer.create({ type: "tldr", length: "medium", format: "plain-text" });
const read = await readFile(new Blob([text]), "article.txt");
console.log(JSON.stringify({
  sentences: summarize(text, { sentences: 3 }).sentences.map((x) => x.text),
  tldr: await s.summarize(text),
  keywords: keywords(text, { count: 3 }).length,
  read: read.text === text,
}));
`,
    });
    const got = JSON.parse(sh(exe, args, dir, { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" }));
    assert.deepEqual(got, { ...expected, keywords: 3, read: true });
  });
}

test("webpack 5 bundles it with its defaults", async () => {
  const dir = project("webpack", { "src/index.js": app(true), "src/worker.js": worker("gisty"), "src/sample.js": sample });
  const webpack = createRequire(path.join(root, "package.json"))("webpack");
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: "production", context: dir, entry: "./src/index.js", output: { path: path.join(dir, "dist") } }, (err, s) =>
      err ? reject(err) : resolve(s),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  fs.writeFileSync(path.join(dir, "dist/index.html"), html("./main.js"));
  const site = await serve(path.join(dir, "dist"));
  try {
    check(await inChromium(site.url), { worker: true });
  } finally {
    site.close();
  }
});

test("esbuild bundles it for the browser, the wasm copied beside the bundle", async () => {
  const dir = project("esbuild", { "index.js": app(false), "sample.js": sample });
  const esbuild = createRequire(path.join(root, "package.json"))("esbuild");
  await esbuild.build({ entryPoints: [path.join(dir, "index.js")], bundle: true, format: "esm", platform: "browser", outfile: path.join(dir, "dist/app.js"), absWorkingDir: dir, logLevel: "error" });
  // esbuild leaves new URL("./gisty_bg.wasm", import.meta.url) as it is: the file goes beside.
  fs.copyFileSync(path.join(dir, "node_modules/gisty/gisty_bg.wasm"), path.join(dir, "dist/gisty_bg.wasm"));
  fs.writeFileSync(path.join(dir, "dist/index.html"), html("./app.js"));
  const site = await serve(path.join(dir, "dist"));
  try {
    check(await inChromium(site.url), { worker: false });
  } finally {
    site.close();
  }
});

test("a plain module page (an import map) and a module worker use the package's files as they are", async () => {
  const map = {
    imports: {
      gisty: "./node_modules/gisty/gisty.js",
      "gisty/polyfill": "./node_modules/gisty/polyfill.js",
      "gisty/summarizer": "./node_modules/gisty/summarizer.js",
    },
  };
  const dir = project("plain", {
    "index.html": html("./main.js", `<script type="importmap">${JSON.stringify(map)}</script>`),
    "main.js": app(true),
    // Workers get no import map: the file by its path.
    "worker.js": worker("./node_modules/gisty/gisty.js"),
    "sample.js": sample,
  });
  const site = await serve(dir);
  try {
    check(await inChromium(site.url), { worker: true });
  } finally {
    site.close();
  }
});
