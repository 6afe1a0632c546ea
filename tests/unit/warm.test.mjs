// www/warm.js: the made-up text the page's worker warms the wasm on, and the warm-up itself
// (one call a task, so a request that arrives meanwhile is not held up; an error ends it).
// Run by scripts/test-js.sh: `node --test tests/unit/`.

import { test } from "node:test";
import assert from "node:assert/strict";

import { warmText, warmUp } from "../../www/warm.js";

test("the warm-up text is the same every time, article-sized, a title and sentences", () => {
  const text = warmText();
  assert.equal(text, warmText());
  assert.ok(text.length > 2000 && text.length < 5000, `${text.length} bytes`);
  const [title, body, ...rest] = text.split("\n\n");
  assert.equal(rest.length, 0);
  assert.ok(!title.endsWith("."));
  const sentences = body.split(/(?<=[.!?]"?) (?=["A-Z])/);
  assert.ok(sentences.length >= 20, `${sentences.length} sentences`);
  // Varied words, not one repeated: the stemmer and the graph see an article's variety.
  assert.ok(new Set(body.toLowerCase().match(/[a-z']+/g)).size >= 30);
  assert.match(body, /\d+\.\d%/);
  assert.match(body, /"[^"]+," he said\./);
});

test("warmUp makes its calls one a task, letting other work run between them", async () => {
  const log = [];
  const mod = {
    summarize(text, options) {
      assert.equal(text, warmText());
      assert.deepEqual(options, { sentences: 3 });
      log.push("call");
    },
  };
  const done = warmUp(mod, 5);
  assert.deepEqual(log, [], "no call before the caller's task ends");
  setTimeout(() => log.push("other"), 0);
  await done;
  assert.equal(log.filter((x) => x === "call").length, 5);
  assert.ok(log.indexOf("other") < log.lastIndexOf("call"), log.join(" "));
});

test("an error ends the warm-up quietly", async () => {
  let calls = 0;
  const mod = {
    summarize() {
      calls += 1;
      throw new Error("broken");
    },
  };
  await warmUp(mod, 10);
  assert.equal(calls, 1);
});
