// What the page's code may not do, read from its source: no HTML built from strings, no code
// from strings, a strict Content-Security-Policy; and no test hook in what ships.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { root, singleFile } from "./helpers.mjs";

const www = path.join(root, "www");

/** Every file of www/ the page's authors write: not the built pkg/ and pkg-all/. */
function sources(dir = www) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return dir === www && ["pkg", "pkg-all", "vendor"].includes(entry.name) ? [] : sources(file);
    }
    return [file];
  });
}

/**
 * Sinks that turn a string into markup or code. Any use is a hit, in code or in a comment: the
 * page has no reason to name them.
 */
const SINKS = [
  ["innerHTML", /\binnerHTML\b/],
  ["outerHTML", /\bouterHTML\b/],
  ["insertAdjacentHTML", /\binsertAdjacentHTML\b/],
  ["document.write", /\bdocument\s*\.\s*write(?:ln)?\b/],
  ["eval(", /\beval\s*\(/],
  ["new Function", /\bnew\s+Function\b|\bFunction\s*\(\s*["'`]/],
  ["setTimeout/setInterval with a string", /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ["createContextualFragment", /\bcreateContextualFragment\b/],
  ["setHTMLUnsafe / parseHTMLUnsafe", /\b(?:setHTMLUnsafe|parseHTMLUnsafe)\b/],
  ["srcdoc", /\bsrcdoc\b/],
];

test("no innerHTML, eval, new Function or string timers anywhere in www/ (but pkg/ and pkg-all/)", () => {
  const files = sources();
  assert.ok(files.some((f) => f.endsWith("app.js")) && files.some((f) => f.endsWith("index.html")));
  const hits = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    for (const [i, line] of lines.entries()) {
      for (const [name, pattern] of SINKS) {
        if (pattern.test(line)) hits.push(`${path.relative(root, file)}:${i + 1}: ${name}: ${line.trim()}`);
      }
    }
  }
  assert.deepEqual(hits, [], `string-to-markup or string-to-code sinks:\n${hits.join("\n")}`);
});

test("the scan finds what it looks for", () => {
  const bad = [
    "el.innerHTML = text;",
    "el.insertAdjacentHTML('beforeend', x)",
    "document.write(x)",
    "eval (code)",
    "new Function('return 1')",
    'setTimeout("go()", 10)',
    "setInterval(`tick()`, 10)",
  ];
  for (const line of bad) assert.ok(SINKS.some(([, p]) => p.test(line)), line);
  for (const line of ["el.textContent = text;", "setTimeout(() => go(), 10)", "evaluate(x)"]) {
    assert.ok(!SINKS.some(([, p]) => p.test(line)), line);
  }
});

/** The policy's directives: { "script-src": ["'self'", ...] }. */
function directives(policy) {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test("the Content-Security-Policy: own scripts only, no inline script, no eval, no plugins", () => {
  const html = fs.readFileSync(path.join(www, "index.html"), "utf8");
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(policy, "www/index.html has a policy");
  const d = directives(policy);
  assert.deepEqual(d["default-src"], ["'self'"]);
  assert.deepEqual(d["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(d["object-src"], ["'none'"]);
  assert.deepEqual(d["base-uri"], ["'none'"]);
  assert.deepEqual(d["form-action"], ["'none'"]);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*|https?:|data:.*script/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script in index.html");
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "no inline event handler in index.html");

  const single = fs.readFileSync(singleFile, "utf8");
  const singlePolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(single)?.[1];
  const s = directives(singlePolicy);
  assert.deepEqual(s["default-src"], ["'none'"]);
  assert.equal(s["script-src"].length, 2);
  assert.match(s["script-src"][0], /^'sha256-[\w+/=]+'$/);
  assert.equal(s["script-src"][1], "'wasm-unsafe-eval'");
  assert.doesNotMatch(singlePolicy, /'unsafe-inline'|'unsafe-eval'|\*|https?:/);
});

test("the release build exports no test hook; the test build does", () => {
  for (const file of ["www/pkg/gisty.js", "www/pkg/gisty.d.ts"]) {
    assert.doesNotMatch(fs.readFileSync(path.join(root, file), "utf8"), /__testPanic/, file);
  }
  const exportsOf = (file) =>
    WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(path.join(root, file)))).map((e) => e.name);
  const testRoot = process.env.GISTY_TEST_ROOT ?? path.join(root, "target/www-test");
  // What ships: the served site's wasm files and the single file's inlined English one.
  for (const file of ["www/pkg/gisty_bg.wasm", "dist/www/pkg/gisty_bg.wasm", "dist/www/pkg-all/gisty_bg.wasm"]) {
    const names = exportsOf(file);
    assert.ok(names.includes("summarize") && !names.some((e) => /testpanic/i.test(e)), `${file}: ${names.join(", ")}`);
  }
  const english = fs.readFileSync(path.join(root, "www/pkg/gisty_bg.wasm")).toString("base64");
  assert.ok(fs.readFileSync(singleFile, "utf8").includes(`"${english}"`), "the single file inlines www/pkg's wasm");
  // The test site's worker bundles the test build's glue, and its wasm exports the hook.
  assert.match(fs.readFileSync(path.join(root, "target/web-test-pkg/gisty.js"), "utf8"), /export function __testPanic\(/);
  assert.ok(exportsOf(path.relative(root, path.join(testRoot, "pkg/gisty_bg.wasm"))).some((e) => /testpanic/i.test(e)));
});
