// What the shipped extension may do, read from what was built (scripts/build.sh extension): the
// permissions of issue 18 and no more, no host access, no content script, wasm from its own files
// only, no address of another origin anywhere in its code; the Firefox variant; the zip holding
// exactly the unpacked extension; and the tests' build differing from it only by host access.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { shipped, shippedFirefox, shippedZip, testBuild } from "./helpers.mjs";

const manifest = (dir) => JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
const POLICY =
  "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; default-src 'self'; connect-src 'self'; " +
  "img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'";

/** Every file under `dir`, relative, sorted. */
function files(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

test("the shipped manifest asks for activeTab, scripting, sidePanel, contextMenus and storage only", () => {
  const m = manifest(shipped);
  assert.equal(m.manifest_version, 3);
  assert.deepEqual([...m.permissions].sort(), ["activeTab", "contextMenus", "scripting", "sidePanel", "storage"]);
  assert.equal(m.host_permissions, undefined, "no host permissions");
  assert.equal(m.optional_host_permissions, undefined, "no optional host permissions");
  assert.equal(m.optional_permissions, undefined);
  assert.equal(m.content_scripts, undefined, "no content script on every page");
  assert.equal(m.web_accessible_resources, undefined, "no file of the extension is reachable from pages");
  assert.equal(m.externally_connectable, undefined);
  assert.equal(m.content_security_policy.extension_pages, POLICY);
  assert.deepEqual(m.background, { service_worker: "background.js" });
  assert.deepEqual(m.side_panel, { default_path: "panel.html" });
  assert.ok(m.action, "a toolbar button");
  assert.ok(m.commands["summarize-page"].suggested_key.default, "a keyboard shortcut");
  for (const f of ["background.js", "panel.html", "panel.js", "worker.js", "reader.js", "pkg/gisty_bg.wasm", "pkg-all/gisty_bg.wasm"]) {
    assert.ok(fs.existsSync(path.join(shipped, f)), `${f} is built`);
  }
});

test("no code of the extension names an address: nothing remote is loaded or contacted", () => {
  for (const f of files(shipped).filter((f) => /\.(js|html|css|json)$/.test(f))) {
    const text = fs.readFileSync(path.join(shipped, f), "utf8");
    assert.doesNotMatch(text, /\b(https?|wss?|ftp):\/\//i, `${f} names an address`);
  }
  // The panel loads its own script only (no inline script, which the policy would refuse anyway).
  const html = fs.readFileSync(path.join(shipped, "panel.html"), "utf8");
  assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script type="module" src="panel.js">']);
});

test("the Firefox variant: a background script, a gecko id, a sidebar instead of the side panel", () => {
  const chromium = manifest(shipped);
  const m = manifest(shippedFirefox);
  assert.deepEqual(m.background, { scripts: ["background.js"] });
  assert.match(m.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.equal(m.sidebar_action.default_panel, "panel.html");
  assert.equal(m.side_panel, undefined);
  assert.deepEqual([...m.permissions].sort(), ["activeTab", "contextMenus", "scripting", "storage"]);
  assert.equal(m.host_permissions, undefined);
  assert.equal(m.content_scripts, undefined);
  assert.equal(m.content_security_policy.extension_pages, POLICY);
  assert.deepEqual(m.commands, chromium.commands);
  // The same files otherwise, byte for byte.
  assert.deepEqual(files(shippedFirefox), files(shipped));
  for (const f of files(shipped).filter((f) => f !== "manifest.json")) {
    assert.ok(fs.readFileSync(path.join(shipped, f)).equals(fs.readFileSync(path.join(shippedFirefox, f))), f);
  }
});

/** The entries of a zip: { name: bytes }, read from its central directory (deflate or stored). */
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, "a zip's end record");
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = {};
  for (let i = 0; i < count; i += 1) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, "a central directory entry");
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const packed = buffer.subarray(start, start + size);
    entries[name] = method === 8 ? zlib.inflateRawSync(packed) : packed;
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

test("the zip holds the unpacked Chromium extension, file for file", () => {
  const entries = unzip(fs.readFileSync(shippedZip));
  assert.deepEqual(Object.keys(entries), files(shipped));
  for (const [name, bytes] of Object.entries(entries)) {
    assert.ok(bytes.equals(fs.readFileSync(path.join(shipped, name))), `${name} differs from the unpacked file`);
  }
});

test("the tests' builds are the shipped extensions plus host access to the loopback test server", () => {
  for (const [built, ship] of [
    [testBuild, shipped],
    [`${testBuild}-firefox`, shippedFirefox],
  ]) {
    const { host_permissions: hosts, ...rest } = manifest(built);
    assert.deepEqual(hosts, ["http://127.0.0.1/*"]);
    assert.deepEqual(rest, manifest(ship));
    assert.deepEqual(files(built), files(ship));
  }
  // The Firefox tests' hook (the panel opened in a tab on install) is in that build alone.
  const opensTab = (dir) => fs.readFileSync(path.join(dir, "background.js"), "utf8").includes("tabs.create");
  assert.deepEqual([shipped, shippedFirefox, testBuild, `${testBuild}-firefox`].map(opensTab), [false, false, false, true]);
});
