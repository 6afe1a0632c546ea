#!/usr/bin/env bash
# Builds the WebAssembly packages that wasm-pack.toml lists (all of them, or those named), adds
# the JS shims from js/, prints each build's gzipped size and fails when one is over budget.
# usage: scripts/build.sh [BUILD...]        e.g. scripts/build.sh web
#
# `scripts/build.sh extension` builds the browser extension (extension/, issue 18) on the page's
# English and all-languages builds: web and web-all, then scripts/bundle-extension.mjs into
# dist/extension/, dist/gisty-extension.zip and dist/extension-firefox/. Only when named.
#
# Needs wasm-pack and the wasm-bindgen CLI of the version pinned in Cargo.toml (wasm-pack would
# otherwise try to download one); runs binaryen's wasm-opt when node_modules has it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

program=$(
  cat <<'JS'
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
// (Run from the repository root: `-e` resolves this from the working directory.)
import { parseToml } from "./scripts/toml.mjs";

const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

function run(command, args, env = {}) {
  const r = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env },
  });
  if (r.error) fail(`${command}: ${r.error.message}`);
  if (r.status !== 0) fail(`${command} ${args.join(" ")} failed`);
}

function output(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes) => (bytes / 1000).toFixed(1);

let config;
try {
  config = parseToml(fs.readFileSync("wasm-pack.toml", "utf8"), "wasm-pack.toml");
} catch (e) {
  fail(e.message);
}
// Cargo settings for the wasm builds: opt-level = "s" → CARGO_PROFILE_RELEASE_OPT_LEVEL=s.
const profile = Object.fromEntries(
  Object.entries(config.profile ?? {}).map(([k, v]) => [
    `CARGO_PROFILE_RELEASE_${k.toUpperCase().replaceAll("-", "_")}`,
    String(v),
  ]),
);
const wasmOptFlags = config["wasm-opt"]?.flags;
const budget = (config.budget?.["gzip-kb"] ?? Infinity) * 1000;
const all = config.build ?? [];
const wanted = process.argv.slice(1);
for (const name of wanted) {
  if (!all.some((b) => b.name === name)) {
    fail(`no build named ${name} in wasm-pack.toml: ${all.map((b) => b.name).join(", ")}`);
  }
}
// A build with default = false (the page tests' build) is built only when named.
const builds = all.filter((b) => (wanted.length ? wanted.includes(b.name) : b.default !== false));

// wasm-pack downloads a wasm-bindgen CLI unless one of the exact version is on PATH.
const lock = fs.readFileSync("Cargo.lock", "utf8");
const pinned = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
if (!pinned) fail("Cargo.lock has no wasm-bindgen");
const cli = output("wasm-bindgen", ["--version"])?.split(" ")[1];
if (cli !== pinned) {
  fail(
    `wasm-bindgen CLI ${cli ?? "not found"}, Cargo.lock has ${pinned}: ` +
      `cargo install wasm-bindgen-cli --version ${pinned}`,
  );
}
if (!output("wasm-pack", ["--version"])) fail("wasm-pack not found: cargo install wasm-pack");

const wasmOpt = path.resolve("node_modules/.bin/wasm-opt");
const haveWasmOpt = fs.existsSync(wasmOpt) && Array.isArray(wasmOptFlags);
// rustc's default wasm32 features; the target_features section that would say so is stripped.
const features = [
  "--enable-bulk-memory",
  "--enable-mutable-globals",
  "--enable-multivalue",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
];

const cargoToml = fs.readFileSync("Cargo.toml", "utf8");
const crate = {
  version: cargoToml.match(/^version = "([^"]+)"/m)[1],
  description: cargoToml.match(/^description = "([^"]+)"/m)[1],
  license: cargoToml.match(/^license = "([^"]+)"/m)[1],
  repository: cargoToml.match(/^repository = "([^"]+)"/m)[1],
};

const shims = ["summarizer.js", "summarizer.d.ts", "polyfill.js", "polyfill.d.ts"];
const rows = [];
let over = false;

for (const b of builds) {
  const dir = b["out-dir"];
  const npm = b["npm-name"];
  console.log(`\n== ${b.name}: wasm-pack --target ${b.target} → ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const args = ["build", "--release", "--target", b.target, "--out-dir", dir, "--out-name", "gisty"];
  if (!npm) args.push("--no-pack");
  // languages = "en": the English-only build (no other stemmers), the one the budget is for.
  const english = b.languages === "en";
  if (!["en", "all", undefined].includes(b.languages)) fail(`${b.name}: languages must be "en" or "all"`);
  // features = ["..."]: cargo features on top (the test build's test-hooks).
  const extra = b.features ?? [];
  if (!Array.isArray(extra) || extra.some((f) => typeof f !== "string")) {
    fail(`${b.name}: features must be an array of strings`);
  }
  // The crate's default features are every language and the file reader; a build says which it
  // wants (languages, features), so the page's builds leave the file reader out.
  const wantedFeatures = [...(english ? [] : ["all-languages"]), ...extra];
  const cargoArgs = ["--no-default-features"];
  if (wantedFeatures.length) cargoArgs.push("--features", wantedFeatures.join(","));
  args.push("--", ...cargoArgs);
  run("wasm-pack", args, profile);
  fs.rmSync(path.join(dir, ".gitignore"), { force: true });
  // commonjs = true: wasm-pack's nodejs glue too, as gisty.cjs, for require() (before the wasm
  // is stripped below: the two builds' wasm must be the same file for one to serve both).
  if (b.commonjs) commonJs(dir, args);

  const wasmFile = path.join(dir, "gisty_bg.wasm");
  stripCustomSections(wasmFile);
  let opt = "not installed";
  if (haveWasmOpt) {
    const tmp = `${wasmFile}.opt`;
    run(wasmOpt, [...wasmOptFlags, ...features, wasmFile, "-o", tmp]);
    const [before, after] = [gzip(wasmFile), gzip(tmp)];
    if (after < before) {
      fs.renameSync(tmp, wasmFile);
      opt = `kept (${kb(before)} → ${kb(after)} kB gz)`;
    } else {
      fs.rmSync(tmp);
      opt = `not kept (${kb(before)} → ${kb(after)} kB gz)`;
    }
  }

  withoutDisposeTypes(dir);

  const glue = ["gisty.js"];
  if (b.commonjs) glue.push("gisty.cjs");
  const shipped = [...shims];
  if (b.target === "web") {
    for (const f of shims) fs.copyFileSync(path.join("js", f), path.join(dir, f));
  } else {
    shipped.length = 0; // the shims are ES modules; the nodejs build is CommonJS
  }
  if (npm && b.target === "web") npmEntries(dir);
  else if (b.target === "web") await writeLanguages(dir);
  if (npm) packageJson(dir, npm, b);

  const wasm = gzip(wasmFile);
  const js = glue.reduce((n, f) => n + gzip(path.join(dir, f)), 0);
  const shim = shipped.filter((f) => f.endsWith(".js")).reduce((n, f) => n + gzip(path.join(dir, f)), 0);
  const total = wasm + js;
  // The budget is for what ships: a build that is never built by default (tests) is reported.
  const budgeted = english && b.default !== false && b.budgeted !== false;
  over ||= budgeted && total > budget;
  rows.push({ build: b.name, wasm, js, total, shim, opt, english, budgeted });
}

// languages.json: the languages a web build stems, as its own languages() says, for the page
// (the worker names the all-languages build's before it loads it, and the card offers them).
async function writeLanguages(dir) {
  // As a data: URL: the glue is an ES module in a folder whose package.json does not say so.
  // The builds' glues can be the same text, and a module is loaded once per URL: the folder's
  // name, in a comment, makes each its own instance.
  const source = `${fs.readFileSync(path.join(dir, "gisty.js"), "utf8")}\n// ${dir}\n`;
  const glue = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  glue.initSync({ module: fs.readFileSync(path.join(dir, "gisty_bg.wasm")) });
  const codes = glue.languages();
  if (!Array.isArray(codes) || !codes.includes("en")) fail(`${dir}: languages() gave ${JSON.stringify(codes)}`);
  fs.writeFileSync(path.join(dir, "languages.json"), `${JSON.stringify(codes)}\n`);
}

// wasm-bindgen declares `[Symbol.dispose](): void` on each class (the Engine), which a TypeScript
// project whose lib predates esnext.disposable (es2022, a common setting) rejects unless it skips
// library checks. The glue defines the method only where Symbol.dispose exists; its declaration
// is left out (`engine.free()` is declared as before).
function withoutDisposeTypes(dir) {
  for (const f of ["gisty.d.ts", "gisty.d.cts"]) {
    const file = path.join(dir, f);
    if (!fs.existsSync(file)) continue;
    const types = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, types.replace(/^[ \t]*\[Symbol\.dispose\]\(\): void;\n/gm, ""));
  }
}

// Drops the custom sections (function names, producers, target features): nothing reads them at
// run time, and they are a fifth of the size.
function stripCustomSections(file) {
  const b = fs.readFileSync(file);
  const kept = [b.subarray(0, 8)]; // magic and version
  let at = 8;
  while (at < b.length) {
    const start = at;
    const id = b[at++];
    let size = 0;
    for (let shift = 0, byte = 0x80; byte & 0x80; shift += 7) {
      byte = b[at++];
      size += (byte & 0x7f) * 2 ** shift;
    }
    at += size;
    if (id !== 0) kept.push(b.subarray(start, at));
  }
  const stripped = Buffer.concat(kept);
  if (!WebAssembly.validate(stripped)) fail(`${file}: stripping custom sections broke it`);
  fs.writeFileSync(file, stripped);
}

// gisty.cjs and gisty.d.cts: the nodejs target's glue, which instantiates the wasm on require()
// (CommonJS, for Node without require(esm)). It reads gisty_bg.wasm from beside itself: the same
// file as the web glue's, which wasm-bindgen makes identical for both targets (checked here).
function commonJs(dir, webArgs) {
  const tmp = path.join("target", "npm-commonjs");
  fs.rmSync(tmp, { recursive: true, force: true });
  const args = [...webArgs];
  args[args.indexOf("--target") + 1] = "nodejs";
  args[args.indexOf("--out-dir") + 1] = tmp;
  if (!args.includes("--no-pack")) args.splice(args.indexOf("--out-name"), 0, "--no-pack");
  run("wasm-pack", args, profile);
  const same = fs.readFileSync(path.join(tmp, "gisty_bg.wasm")).equals(fs.readFileSync(path.join(dir, "gisty_bg.wasm")));
  if (!same) fail("the nodejs and web builds' gisty_bg.wasm differ: gisty.cjs cannot share the web build's");
  const glue = fs.readFileSync(path.join(tmp, "gisty.js"), "utf8");
  const load = "const wasmPath = `${__dirname}/gisty_bg.wasm`;";
  if (!glue.includes(load)) fail(`the nodejs glue does not load its wasm with ${load}`);
  fs.writeFileSync(
    path.join(dir, "gisty.cjs"),
    glue.replace('/* @ts-self-types="./gisty.d.ts" */', '/* @ts-self-types="./gisty.d.cts" */'),
  );
  fs.copyFileSync(path.join(tmp, "gisty.d.ts"), path.join(dir, "gisty.d.cts"));
  fs.rmSync(tmp, { recursive: true, force: true });
}

// The npm package's ES entries. gisty.js is the web glue: init() fetches the wasm from
// new URL("./gisty_bg.wasm", import.meta.url), which Vite and webpack 5 resolve to an asset of
// the app (wasm-bindgen writes the path without "./", which webpack would take for a package).
// node.js (the "node" condition) is that glue with the wasm instantiated on import from the
// file beside it, so that init() resolves at once.
function npmEntries(dir) {
  const entry = path.join(dir, "gisty.js");
  const url = "new URL('gisty_bg.wasm', import.meta.url)";
  const source = fs.readFileSync(entry, "utf8");
  if (!source.includes(url)) fail(`${entry} does not have ${url}`);
  // Vite 7's dev server pre-bundles the package into node_modules/.vite/deps/, where no wasm is
  // beside the glue (and the server answers index.html for it): there, the package's own file,
  // which it serves from node_modules/gisty/. The path is joined at run time so that bundlers,
  // which resolve a literal new URL(..., import.meta.url) at build time, see only the first.
  const wasmUrl =
    '(import.meta.url.includes("/node_modules/.vite/deps/") ' +
    '? new URL(["..", "..", "gisty", "gisty_bg.wasm"].join("/"), import.meta.url) ' +
    ": new URL('./gisty_bg.wasm', import.meta.url))";
  fs.writeFileSync(entry, source.replace(url, wasmUrl));
  const node = [
    "// Generated by scripts/build.sh: gisty.js with its wasm instantiated on import, for Node,",
    "// Deno and Bun (the package's \"node\" condition), which have the file at hand.",
    'import { readFileSync } from "node:fs";',
    'import { initSync } from "./gisty.js";',
    "",
    'initSync({ module: readFileSync(new URL("./gisty_bg.wasm", import.meta.url)) });',
    "",
    'export * from "./gisty.js";',
    'export { default } from "./gisty.js";',
    "",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "node.js"), node);
  // The Summarizer shim and polyfill import ./gisty.js; under Node their entries load node.js
  // first, so that the glue they share is instantiated.
  for (const shim of ["summarizer", "polyfill"]) {
    const lines = [
      `// Generated by scripts/build.sh: ${shim}.js for Node, Deno and Bun, with the wasm loaded.`,
      'import "./node.js";',
      `export * from "./${shim}.js";`,
      "",
    ];
    fs.writeFileSync(path.join(dir, `node-${shim}.js`), lines.join("\n"));
  }
}

function packageJson(dir, name, b) {
  const file = path.join(dir, "package.json");
  const p = JSON.parse(fs.readFileSync(file, "utf8"));
  p.name = name;
  p.version = crate.version;
  p.description = crate.description;
  p.license = crate.license;
  p.repository = { type: "git", url: crate.repository };
  p.types = "gisty.d.ts";
  p.files = ["gisty_bg.wasm", "gisty_bg.wasm.d.ts", "gisty.js", "gisty.d.ts"];
  if (b.target === "web" && b.commonjs) {
    p.type = "module";
    p.main = "gisty.cjs";
    p.module = "gisty.js";
    // Conditions in the order they are tried: a browser bundle gets the web glue even through
    // require(); Node's require() (and Bun's) the CommonJS glue; Node's, Deno's and Bun's
    // import node.js; everything else (bundlers, a page, a worker) the web glue.
    const web = { types: "./gisty.d.ts", default: "./gisty.js" };
    p.exports = {
      ".": {
        browser: web,
        require: { types: "./gisty.d.cts", default: "./gisty.cjs" },
        node: { types: "./gisty.d.ts", default: "./node.js" },
        default: web,
      },
      "./summarizer": {
        types: "./summarizer.d.ts",
        browser: "./summarizer.js",
        node: "./node-summarizer.js",
        default: "./summarizer.js",
      },
      "./polyfill": {
        types: "./polyfill.d.ts",
        browser: "./polyfill.js",
        node: "./node-polyfill.js",
        default: "./polyfill.js",
      },
      "./gisty_bg.wasm": "./gisty_bg.wasm",
      "./package.json": "./package.json",
    };
    p.files.push("gisty.cjs", "gisty.d.cts", "node.js", "node-summarizer.js", "node-polyfill.js", ...shims);
    p.sideEffects = ["./node.js", "./gisty.cjs", "./polyfill.js", "./node-summarizer.js", "./node-polyfill.js"];
    p.engines = { node: ">=18" };
  } else if (b.target !== "web") {
    fail(`${b.name}: an npm package is built with target = "web" and commonjs = true`);
  }
  for (const f of p.files) if (!fs.existsSync(path.join(dir, f))) fail(`${dir}/${f} is missing`);
  fs.writeFileSync(file, `${JSON.stringify(p, null, 2)}\n`);
}

console.log(`\ngzip -9 sizes in kB (budget: wasm + glue <= ${kb(budget)} kB per English build)`);
console.log("build      langs  wasm   glue  wasm+glue  shims  wasm-opt");
for (const r of rows) {
  let flag = r.budgeted && r.total > budget ? "  OVER BUDGET" : "";
  if (r.english && !r.budgeted) flag = "  (not budgeted)";
  console.log(
    `${r.build.padEnd(9)}  ${(r.english ? "en" : "all").padEnd(4)} ${kb(r.wasm).padStart(5)} ${kb(r.js).padStart(6)} ${kb(r.total).padStart(10)} ${kb(r.shim).padStart(6)}  ${r.opt}${flag}`,
  );
}
if (over) fail(`over the size budget of ${kb(budget)} kB gzipped`);
JS
)

builds=()
extension=false
for name in "$@"; do
  if [ "$name" = extension ]; then extension=true; else builds+=("$name"); fi
done
if ! $extension; then
  exec node --input-type=module -e "$program" -- "$@"
fi
for name in web web-all; do
  [[ " ${builds[*]} " == *" $name "* ]] || builds+=("$name")
done
node --input-type=module -e "$program" -- "${builds[@]}"
node scripts/bundle-extension.mjs
