// Writes the single-file build of the page: www/ (after scripts/build-page.sh has built www/pkg
// and www/vendor) as one HTML file that works when opened from disk, where a browser loads no
// module, worker or .wasm file beside it.
// usage: node scripts/single-file.mjs [OUT]        (default: dist/gisty.html)
//
// The stylesheet becomes a <style>; app.js and the modules it imports become one inline module
// script; worker.js with the wasm glue, and the wasm as base64, become a data block that the page
// turns into a Blob URL worker (a classic one: see classicScript). The Content-Security-Policy allows exactly those, by hash: no
// 'unsafe-inline', no network at all.
//
// The modules are joined by a small bundler that knows the import and export forms www/ and
// wasm-bindgen's glue use, and fails on any other rather than guess: each module becomes a
// function scope that returns its exports, in dependency order.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const www = path.join(root, "www");
const out = path.resolve(process.argv[2] ?? path.join(root, "dist/gisty.html"));

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

function read(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    fail(`${path.relative(root, file)} is missing: run scripts/build-page.sh, which builds it`);
  }
}

/** Replaces the one occurrence of `find` in `text` (no `$` patterns: the code is full of them). */
function replaceOnce(text, find, replacement, what) {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) fail(`expected exactly one ${what}: ${find}`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

const IMPORT = /^import\s+([\s\S]*?)\s+from\s+["'](\.{1,2}\/[^"']+)["'];?[ \t]*$/gm;

/** The module graph under `entry`, as one script: dependencies first, each in its own scope. */
function bundle(entry, { classic = false } = {}) {
  const names = new Map();
  const parts = [];
  const visit = (file, via) => {
    if (names.has(file)) return;
    if (via.includes(file)) fail(`import cycle: ${[...via, file].map(rel).join(" -> ")}`);
    const source = read(file);
    for (const m of source.matchAll(IMPORT)) visit(resolve(file, m[2]), [...via, file]);
    names.set(file, `__gisty_${names.size}`);
    parts.push(wrap(file, classic ? classicScript(file, source) : source, names));
  };
  visit(entry, []);
  return `${parts.join("\n")}\n`;
}

/**
 * The module's code for a classic script, where import.meta is a syntax error: Chromium runs no
 * module worker from a blob: URL on a file:// page, so the worker is a classic one. Its one use,
 * the glue's default wasm URL, is never reached there (the bytes are given), and the script's own
 * address is what it would be based on.
 */
function classicScript(file, source) {
  const code = source.replaceAll("import.meta.url", "self.location.href");
  if (code.includes("import.meta")) fail(`${rel(file)}: import.meta in a classic script`);
  return code;
}

const rel = (file) => path.relative(root, file);
const resolve = (from, specifier) => path.resolve(path.dirname(from), specifier);

function wrap(file, source, names) {
  const imports = [];
  let code = source.replace(IMPORT, (_, clause, specifier) => {
    imports.push(bindings(clause.trim(), names.get(resolve(file, specifier)), file));
    return "";
  });
  const exported = [];
  code = code.replace(
    /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm,
    (_, kind, name) => {
      exported.push(`${name}: ${name}`);
      return `${kind} ${name}`;
    },
  );
  code = code.replace(/^export\s*\{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [local, as = local] = item.split(/\s+as\s+/);
      exported.push(`${JSON.stringify(as)}: ${local}`);
    }
    return "";
  });
  const leftover = /^(?:import|export)\b.*$|\bimport\s*\(/m.exec(code);
  if (leftover) fail(`${rel(file)}: the bundler does not handle ${JSON.stringify(leftover[0])}`);
  return [
    `// ${path.relative(www, file)}`,
    `const ${names.get(file)} = (() => {`,
    ...imports,
    code.trim(),
    `return { ${exported.join(", ")} };`,
    "})();",
  ].join("\n");
}

/** `init, { a, b as c }` from the module `ns` as const declarations. */
function bindings(clause, ns, file) {
  const lines = [];
  const named = /\{([^}]*)\}/.exec(clause);
  const rest = clause.replace(/\{[^}]*\}/, "").replace(/,\s*$/, "").replace(/^\s*,/, "").trim();
  if (rest.startsWith("*")) {
    lines.push(`const ${rest.replace(/^\*\s+as\s+/, "")} = ${ns};`);
  } else if (rest) {
    lines.push(`const ${rest} = ${ns}.default;`);
  }
  if (named) {
    const items = named[1]
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((item) => item.replace(/\s+as\s+/, ": "));
    lines.push(`const { ${items.join(", ")} } = ${ns};`);
  }
  if (!lines.length) fail(`${rel(file)}: cannot read the import ${JSON.stringify(clause)}`);
  return lines.join("\n");
}

/** Text that can sit inside a <script> or <style> element without ending it early. */
function inert(text, what) {
  if (/<!--/.test(text)) fail(`${what} contains "<!--", which an HTML parser reads inside a script`);
  // Inside a string, a regular expression or a comment, "<\/" means what "</" does.
  return text.replace(/<\/(script|style)/gi, "<\\/$1");
}

const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;

const wasm = fs.readFileSync(path.join(www, "pkg/gisty_bg.wasm"));
if (!WebAssembly.validate(wasm)) fail("www/pkg/gisty_bg.wasm is not valid WebAssembly");

const css = inert(read(path.join(www, "style.css")), "style.css");
const app = inert(bundle(path.join(www, "app.js")), "the page's modules");
const worker = inert(
  [
    "// The summarizer's worker, with its wasm inline: see www/worker.js.",
    `self.gistyWasm = Uint8Array.from(atob("${wasm.toString("base64")}"), (c) => c.charCodeAt(0));`,
    bundle(path.join(www, "worker.js"), { classic: true }),
  ].join("\n"),
  "the worker's modules",
);

const policy = [
  "default-src 'none'",
  `script-src ${sha256(app)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "worker-src blob:",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let html = read(path.join(www, "index.html"));
html = html.replace(
  /^(\s*)<!--[^\n]*single-file[^\n]*-->\n/m,
  (_, indent) =>
    `${indent}<!-- The single-file build, written by scripts/single-file.mjs from www/: it loads nothing. -->\n`,
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

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const gzipped = zlib.gzipSync(html, { level: 9 }).length;
console.log(`single-file: ${rel(out)}: ${kB(Buffer.byteLength(html))} (${kB(gzipped)} gzipped)`);
