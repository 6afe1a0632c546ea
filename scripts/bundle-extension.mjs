// Builds the browser extension (extension/) with esbuild, after scripts/build.sh web web-all has
// built www/pkg and www/pkg-all: the Chromium extension, loadable unpacked, its zip, and the
// Firefox variant, whose manifest this script derives from extension/manifest.json.
// usage: node scripts/bundle-extension.mjs [--out DIR] [--firefox DIR] [--zip FILE] [--test]
//   --out DIR      the Chromium extension (default dist/extension)
//   --firefox DIR  the Firefox extension (default dist/extension-firefox)
//   --zip FILE     the Chromium extension zipped (default dist/gisty-extension.zip)
//   --test         the tests' builds, into --out (default target/extension-test) and, for
//                  Firefox, --out's name with -firefox: the same extension with host access to
//                  http://127.0.0.1/* added, since a test cannot press the toolbar button that
//                  grants a tab (activeTab); the Firefox one also opens its panel in a tab when
//                  installed (WebDriver BiDi may not open it). Never shipped.
//
// What is built: panel.html and panel.css; panel.js and worker.js (the page's worker, www/worker.js,
// as is), ES modules with what they share in chunks/; background.js and reader.js (injected into
// a tab on demand) as classic scripts; the English and all-languages wasm under pkg/ and pkg-all/,
// which the worker fetches beside itself; Readability's licence. Nothing is copied from www/ but
// the wasm: the page's modules are imported, and bundled from where they are.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "extension");
const www = path.join(root, "www");
const rel = (file) => path.relative(root, file);

function fail(message) {
  console.error(`bundle-extension: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const OPTIONS = ["--out", "--firefox", "--zip"];
for (const [i, a] of args.entries()) {
  if (a === "--test") continue;
  if (a.startsWith("--") && !OPTIONS.includes(a)) fail(`unknown option ${a}`);
  if (!a.startsWith("--") && !OPTIONS.includes(args[i - 1])) fail(`unexpected argument ${a}`);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  if (!args[i + 1] || args[i + 1].startsWith("--")) fail(`${name} needs a value`);
  return path.resolve(root, args[i + 1]);
};
const testBuild = args.includes("--test");
const out = option("--out", path.join(root, testBuild ? "target/extension-test" : "dist/extension"));
const firefox = testBuild ? `${out}-firefox` : option("--firefox", path.join(root, "dist/extension-firefox"));
const zip = testBuild ? null : option("--zip", path.join(root, "dist/gisty-extension.zip"));

const pkg = path.join(www, "pkg");
const pkgAll = path.join(www, "pkg-all");
for (const dir of [pkg, pkgAll]) {
  for (const f of ["gisty.js", "gisty_bg.wasm", "languages.json"]) {
    if (!fs.existsSync(path.join(dir, f))) fail(`${rel(path.join(dir, f))} is missing: scripts/build.sh web web-all builds it`);
  }
}

/** What every bundle shares, as the page's (scripts/bundle-page.mjs) do. */
const common = {
  bundle: true,
  minify: true,
  target: "es2022",
  charset: "utf8",
  legalComments: "eof",
  logLevel: "warning",
  absWorkingDir: root,
  // The extension reads pages, never files: the worker's file reader and PDF.js are left out, as
  // in the page's single-file build (SINGLE_FILE folds them away).
  define: { SINGLE_FILE: "true", TEST_PANEL_TAB: "false" },
};

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const modules = await esbuild.build({
  ...common,
  entryPoints: [path.join(source, "panel.js"), path.join(www, "worker.js")],
  outdir: out,
  format: "esm",
  splitting: true,
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
});
const scripts = await esbuild.build({
  ...common,
  entryPoints: [path.join(source, "background.js"), path.join(source, "reader.js")],
  outdir: out,
  format: "iife",
  entryNames: "[name]",
});
if (modules.errors.length || scripts.errors.length) fail("esbuild failed");
for (const f of ["panel.html", "panel.css"]) fs.copyFileSync(path.join(source, f), path.join(out, f));
for (const [from, dir] of [
  [pkg, "pkg"],
  [pkgAll, "pkg-all"],
]) {
  fs.mkdirSync(path.join(out, dir));
  fs.copyFileSync(path.join(from, "gisty_bg.wasm"), path.join(out, dir, "gisty_bg.wasm"));
}
fs.copyFileSync(path.join(root, "node_modules/@mozilla/readability/LICENSE.md"), path.join(out, "readability-LICENSE.md"));
fs.copyFileSync(path.join(root, "LICENSE"), path.join(out, "LICENSE"));

const manifest = JSON.parse(fs.readFileSync(path.join(source, "manifest.json"), "utf8"));
manifest.version = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
if (testBuild) manifest.host_permissions = ["http://127.0.0.1/*"];
writeJson(path.join(out, "manifest.json"), manifest);

const files = listFiles(out);
console.log(`bundle-extension: ${rel(out)}/ (${files.length} files${testBuild ? ", the tests' build" : ""})`);

if (firefox) {
  fs.rmSync(firefox, { recursive: true, force: true });
  fs.cpSync(out, firefox, { recursive: true });
  writeJson(path.join(firefox, "manifest.json"), firefoxManifest(manifest));
  if (testBuild) {
    const hooked = await esbuild.build({
      ...common,
      entryPoints: [path.join(source, "background.js")],
      outdir: firefox,
      format: "iife",
      entryNames: "[name]",
      define: { ...common.define, TEST_PANEL_TAB: "true" },
    });
    if (hooked.errors.length) fail("esbuild failed");
  }
  console.log(`bundle-extension: ${rel(firefox)}/ (Firefox${testBuild ? ", the tests' build" : ""})`);
}
if (zip) {
  fs.mkdirSync(path.dirname(zip), { recursive: true });
  fs.writeFileSync(zip, zipOf(out, files));
  console.log(`bundle-extension: ${rel(zip)} (${(fs.statSync(zip).size / 1000).toFixed(1)} kB)`);
}

/**
 * Firefox's manifest: a background script (Firefox has no extension service worker), its
 * sidebar for Chromium's side panel (and no sidePanel permission), and the id and versions it
 * asks of an extension.
 */
function firefoxManifest(chromium) {
  const m = structuredClone(chromium);
  m.background = { scripts: [chromium.background.service_worker] };
  m.permissions = chromium.permissions.filter((p) => p !== "sidePanel");
  delete m.side_panel;
  delete m.minimum_chrome_version;
  m.sidebar_action = { default_panel: chromium.side_panel.default_path, default_title: "gisty", open_at_install: false };
  m.browser_specific_settings = {
    // 140: the first Firefox with the CSS Custom Highlight API the highlights need.
    gecko: { id: "gisty@gisty.extension", strict_min_version: "140.0", data_collection_permissions: { required: ["none"] } },
  };
  return m;
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function listFiles(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/**
 * A zip of `names` (files under `dir`), deflated, in the order given, with one fixed timestamp:
 * the same files always make the same bytes.
 */
function zipOf(dir, names) {
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (2020 - 1980) * 512 + 1 * 32 + 1; // 2020-01-01
  const local = [];
  const central = [];
  let offset = 0;
  for (const name of names) {
    const data = fs.readFileSync(path.join(dir, name));
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const fileName = Buffer.from(name, "utf8");
    const header = (signature, size) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const head = header(0x04034b50, 30);
    head.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    head.writeUInt16LE(0x0800, 6); // names in UTF-8
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(DOS_TIME, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(fileName.length, 26);
    local.push(head, fileName, packed);
    const entry = header(0x02014b50, 46);
    entry.writeUInt16LE(20, 4); // made by: 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += head.length + fileName.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

/** CRC-32 (IEEE, reflected), as zip stores it. */
function crc32(data) {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
