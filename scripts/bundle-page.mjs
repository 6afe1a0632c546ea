// Builds the page with esbuild from www/ (after scripts/build.sh web web-all has built www/pkg and
// www/pkg-all): the served site, bundled and minified, and the single-file build that works
// opened from disk.
// usage: node scripts/bundle-page.mjs [--out DIR] [--pkg DIR] [--single FILE]
//   --out DIR      the served site (default dist/www); DIR/../NAME-files.json lists every file
//                  written there (the page's network test allows requests for those only)
//   --pkg DIR      the English build to bundle (default www/pkg; the page tests' build is
//                  target/web-test-pkg)
//   --single FILE  also write the single-file build there (scripts/build-page.sh: dist/gisty.html)
//
// The served site: index.html; style.css; app.js and worker.js, the two entry points, ES modules
// with what they share and what they load on demand split into chunks/ (Readability, loaded when
// an HTML file arrives; the all-languages glue, loaded when a text needs it; the five sample
// articles of tests/data/samples, "gisty:samples", loaded on "Try the sample articles"); the wasm files
// under pkg/ and pkg-all/, which the worker fetches beside itself.
//
// The single file: the stylesheet as a <style>, app.js with everything it imports (on demand
// too: without splitting, esbuild inlines a dynamic import) as one inline module script, and the
// worker, with both glues, as a classic script in a data block that the page starts from a blob:
// URL (Chromium starts no module worker from a blob: URL on a file:// page). Both wasm files are
// inline as base64, the all-languages one decoded only when it is needed. The
// Content-Security-Policy allows exactly those scripts, by hash: no 'unsafe-inline', no network.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const www = path.join(root, "www");

function fail(message) {
  console.error(`bundle-page: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  if (!args[i + 1]) fail(`${name} needs a value`);
  return path.resolve(root, args[i + 1]);
};
for (const [i, a] of args.entries()) {
  if (a.startsWith("--") && !["--out", "--pkg", "--single"].includes(a)) fail(`unknown option ${a}`);
  if (!a.startsWith("--") && !args[i - 1]?.startsWith("--")) fail(`unexpected argument ${a}`);
}
const out = option("--out", path.join(root, "dist/www"));
const pkg = option("--pkg", path.join(www, "pkg"));
const pkgAll = path.join(www, "pkg-all");
const pkgFiles = path.join(www, "pkg-files");
const single = option("--single", null);
const rel = (file) => path.relative(root, file);

for (const dir of [pkg, pkgAll, pkgFiles]) {
  for (const f of ["gisty.js", "gisty_bg.wasm", "languages.json"]) {
    if (!fs.existsSync(path.join(dir, f))) {
      fail(`${rel(path.join(dir, f))} is missing: scripts/build.sh web web-all web-files builds it`);
    }
  }
}

/**
 * Sends the worker's `./pkg/...` imports to the English build asked for (the page tests bundle
 * their own, which exports a panic on demand), and nothing outside the repository is bundled.
 */
const packages = {
  name: "gisty-packages",
  setup(build) {
    // "Try the sample articles": the repository's five samples, as a module of the page's own.
    build.onResolve({ filter: /^gisty:samples$/ }, () => ({ path: "samples", namespace: "gisty-samples" }));
    build.onLoad({ filter: /.*/, namespace: "gisty-samples" }, () => {
      const dir = path.join(root, "tests/data/samples");
      const samples = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8") }));
      if (samples.length === 0) fail(`no sample articles in ${rel(dir)}`);
      return { contents: `export const samples = ${JSON.stringify(samples)};`, loader: "js", watchFiles: [dir] };
    });
    build.onResolve({ filter: /^\.\/pkg\// }, (a) => {
      if (path.resolve(a.resolveDir) !== www) return undefined;
      return { path: path.join(pkg, a.path.slice("./pkg/".length)) };
    });
  },
};

/** What both builds share: ES2022 for the browsers that run wasm with its features. */
const common = {
  bundle: true,
  minify: true,
  target: "es2022",
  charset: "utf8",
  legalComments: "eof",
  logLevel: "warning",
  plugins: [packages],
  absWorkingDir: root,
  // The served page loads the file reader and PDF.js on demand; the single-file build leaves
  // them out (see singleFile), and says so when such a file is dropped.
  define: { SINGLE_FILE: "false" },
};

// ---- the served site

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const site = await esbuild.build({
  ...common,
  entryPoints: [path.join(www, "app.js"), path.join(www, "worker.js"), path.join(www, "style.css")],
  outdir: out,
  format: "esm",
  splitting: true,
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
});
if (site.errors.length) fail("esbuild failed");
fs.copyFileSync(path.join(www, "index.html"), path.join(out, "index.html"));
fs.mkdirSync(path.join(out, "pkg"));
fs.mkdirSync(path.join(out, "pkg-all"));
fs.copyFileSync(path.join(pkg, "gisty_bg.wasm"), path.join(out, "pkg/gisty_bg.wasm"));
fs.copyFileSync(path.join(pkgAll, "gisty_bg.wasm"), path.join(out, "pkg-all/gisty_bg.wasm"));
fs.mkdirSync(path.join(out, "pkg-files"));
fs.copyFileSync(path.join(pkgFiles, "gisty_bg.wasm"), path.join(out, "pkg-files/gisty_bg.wasm"));
// PDF.js's worker, as its package ships it (pdf.js points PDF.js at it), and its licence.
const pdfjs = path.join(root, "node_modules/pdfjs-dist");
fs.copyFileSync(path.join(pdfjs, "build/pdf.worker.min.mjs"), path.join(out, "pdf.worker.min.mjs"));
fs.copyFileSync(path.join(pdfjs, "LICENSE"), path.join(out, "pdfjs-LICENSE"));
const readabilityLicense = path.join(root, "node_modules/@mozilla/readability/LICENSE.md");
fs.copyFileSync(readabilityLicense, path.join(out, "readability-LICENSE.md"));

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function listFiles(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}
const files = listFiles(out);
const listFile = path.join(path.dirname(out), `${path.basename(out)}-files.json`);
fs.writeFileSync(listFile, `${JSON.stringify(files, null, 2)}\n`);

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const gz = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
console.log(`bundle-page: ${rel(out)}/ (${files.length} files, listed in ${rel(listFile)}), gzip -9:`);
for (const f of files) {
  const body = fs.readFileSync(path.join(out, f));
  console.log(`  ${f.padEnd(36)} ${kB(body.length).padStart(9)} ${kB(gz(body)).padStart(9)} gz`);
}

// ---- the single file

if (single) await singleFile(single);

async function singleFile(file) {
  const bundle = async (entry, format) => {
    const r = await esbuild.build({
      ...common,
      entryPoints: [entry],
      write: false,
      format,
      // In the classic worker import.meta is a syntax error; the glue's one use (its default
      // wasm address) is never reached here, since the bytes are given.
      define: {
        SINGLE_FILE: "true",
        ...(format === "iife" ? { "import.meta.url": "self.location.href" } : {}),
      },
    });
    return r.outputFiles[0].text;
  };
  const base64 = (dir) => {
    const wasm = fs.readFileSync(path.join(dir, "gisty_bg.wasm"));
    if (!WebAssembly.validate(wasm)) fail(`${rel(dir)}/gisty_bg.wasm is not valid WebAssembly`);
    return wasm.toString("base64");
  };
  const decode = "(b) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0))";
  const css = inert((await bundle(path.join(www, "style.css"), "esm")).trim(), "style.css");
  const app = inert((await bundle(path.join(www, "app.js"), "esm")).trim(), "the page's modules");
  const worker = inert(
    [
      "// The summarizer's worker, with both wasm builds inline: see www/worker.js.",
      `self.gistyWasm = (${decode})("${base64(pkg)}");`,
      `self.gistyWasmAll = () => (${decode})("${base64(pkgAll)}");`,
      (await bundle(path.join(www, "worker.js"), "iife")).trim(),
    ].join("\n"),
    "the worker's modules",
  );
  if (/\bimport\s*\(/.test(app) || /\bimport\s*\(/.test(worker)) fail("a dynamic import() was left in the single file");

  const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
  const policy = [
    "default-src 'none'",
    `script-src ${sha256(app)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    "worker-src blob:",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

  let html = fs.readFileSync(path.join(www, "index.html"), "utf8");
  html = html.replace(
    /^(\s*)<!--[^\n]*single-file[^\n]*-->\n/m,
    (_, indent) => `${indent}<!-- The single-file build, written by scripts/bundle-page.mjs from www/: it loads nothing. -->\n`,
  );
  html = html.replace(
    /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)/,
    (_, open, close) => open + policy + close,
  );
  if (!html.includes(policy)) fail("www/index.html has no Content-Security-Policy meta tag");
  html = replaceOnce(html, '<link rel="stylesheet" href="style.css">', `<style>${css}</style>`, "stylesheet link");
  html = replaceOnce(
    html,
    '<script type="module" src="app.js"></script>',
    `<script type="module">${app}</script>`,
    "app.js script tag",
  );
  html = replaceOnce(
    html,
    "</body>",
    `<script type="text/plain" id="gisty-worker">${worker}</script>\n  </body>`,
    "</body>",
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
  const size = Buffer.byteLength(html);
  console.log(`bundle-page: ${rel(file)}: ${kB(size)} (${kB(gz(Buffer.from(html)))} gzipped)`);
}

/** Replaces the one occurrence of `find` in `text` (no `$` patterns: the code is full of them). */
function replaceOnce(text, find, replacement, what) {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) fail(`expected exactly one ${what}: ${find}`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/**
 * Text that can sit inside a <script> or <style> element without ending it early, or starting
 * what an HTML parser reads as a comment there. Minified code holds "</script" or "<!--" only
 * inside strings, regular expressions and template literals (esbuild folds markup.js's
 * "<!\u002d-" into one), where "<\/" means "</" and "\x3C" means "<".
 */
function inert(text, what) {
  const safe = text.replace(/<\/(script|style)/gi, "<\\/$1").replaceAll("<!--", "\\x3C!--");
  if (/<!--|<\/script|<\/style/i.test(safe)) fail(`${what} still has markup an HTML parser would read`);
  return safe;
}
