// Why this sentence through the binding (issue 17.3), in Node, on the built npm package (pkg/,
// scripts/build.sh npm): `explain: true` puts an `explanation` on each summary sentence, in
// camelCase, whose parts agree with the scores; without it there is none; the page's English
// build (www/pkg), which leaves explaining out, refuses the option by name.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const pkg = path.join(root, "pkg");
assert.ok(fs.existsSync(path.join(pkg, "node.js")), "pkg/ is not built: bash scripts/build.sh npm");
const gisty = await import(path.join(pkg, "node.js"));

const dir = path.join(root, "tests/data/samples");
const samples = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));

const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

test("explain: true explains each sentence of summarize, its parts adding up to its score", () => {
  const summary = gisty.summarize(samples[2], { explain: true });
  const ranked = gisty.rank(samples[2]);
  assert.equal(summary.sentences.length, 3);
  for (const s of summary.sentences) {
    const e = s.explanation;
    assert.ok(e, "an explanation");
    assert.equal(e.score, s.score);
    assert.equal(e.of, ranked.length);
    assert.equal(e.rank, 1 + ranked.filter((r) => r.score > s.score || (r.score === s.score && r.index < s.index)).length);
    const parts = (e.position?.part ?? 0) + e.centrality.part + (e.title?.part ?? 0);
    assert.ok(close(parts, s.score), `${parts} != ${s.score}`);
    if (e.position) {
      assert.equal(e.position.index, s.index);
      assert.ok(Number.isInteger(e.position.ledeRank) && e.position.ledeRank >= 1);
    }
    for (const w of e.title?.terms ?? []) assert.ok(s.text.includes(w), w);
    assert.ok(e.preferredOver.length > 0);
    for (const p of e.preferredOver) {
      assert.equal(p.score, ranked[p.index].score, "the score rank gives it");
      assert.ok(!summary.sentences.some((x) => x.index === p.index), "passed over, not chosen");
      assert.ok(["budget", "repeats"].includes(p.why.kind));
    }
    // camelCase only: no snake_case name crosses to JS.
    assert.ok(!JSON.stringify(e).includes("_"), JSON.stringify(e));
  }
});

test("summarizeMany explains with concepts; without explain there is no explanation", () => {
  const m = gisty.summarizeMany(samples, { explain: true });
  for (const s of m.sentences) {
    const c = s.explanation.concepts;
    assert.equal(c.weight, s.score);
    assert.ok(c.top.length > 0 && c.count >= c.top.length);
    for (const k of c.top) {
      assert.ok(s.text.includes(k.words), k.words);
      assert.ok(k.documents >= 2 && k.documents <= samples.length);
    }
    assert.equal(s.explanation.centrality, undefined);
    assert.equal(s.explanation.position, undefined);
    assert.ok(s.support.includes(s.doc));
  }
  for (const s of gisty.summarizeMany(samples).sentences) assert.equal(s.explanation, undefined);
  for (const s of gisty.summarize(samples[0]).sentences) assert.equal(s.explanation, undefined);
  for (const s of gisty.rank(samples[0], { explain: true })) assert.equal(s.explanation, undefined);
  assert.throws(() => gisty.summarize(samples[0], { explain: "yes" }), /explain must be true or false, got "yes"/);
});

test("LEAD explains by position alone; LexRank by centrality alone", () => {
  for (const s of gisty.summarize(samples[1], { method: "lead", explain: true }).sentences) {
    assert.deepEqual(Object.keys(s.explanation).sort(), ["of", "position", "preferredOver", "rank", "score"]);
    assert.equal(s.explanation.position.part, s.score);
  }
  for (const s of gisty.summarize(samples[1], { method: "lexrank", explain: true }).sentences) {
    assert.deepEqual(Object.keys(s.explanation).sort(), ["centrality", "of", "preferredOver", "rank", "score"]);
    assert.equal(s.explanation.centrality.value, s.score);
  }
});

test("the page's English build leaves explaining out and says so", async () => {
  const web = path.join(root, "www/pkg");
  assert.ok(fs.existsSync(path.join(web, "gisty.js")), "www/pkg is not built: bash scripts/build.sh web");
  const source = fs.readFileSync(path.join(web, "gisty.js"));
  const english = await import(`data:text/javascript;base64,${source.toString("base64")}`);
  english.initSync({ module: fs.readFileSync(path.join(web, "gisty_bg.wasm")) });
  assert.throws(() => english.summarize(samples[0], { explain: true }), /unknown field `explain`/);
});
