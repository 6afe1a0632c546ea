// The driver of scripts/wasm-instructions.sh: summarizes the 100 cnndm-dev articles `passes`
// times with the web build in Node, each pass through a fresh Engine that learns the words as it
// goes (each article's first call: issue 19's "first sight"), as the page's worker does.
//
// usage: node scripts/wasm-instructions.mjs PKG_DIR PASSES
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [pkg, passes] = [path.resolve(process.argv[2]), Number(process.argv[3])];
const gisty = await import(pathToFileURL(path.join(pkg, "gisty.js")));
gisty.initSync({ module: fs.readFileSync(path.join(pkg, "gisty_bg.wasm")) });
const articles = fs
  .readFileSync(path.join(root, "tests/data/eval/cnndm-dev.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line).text);
let sentences = 0;
for (let p = 0; p < passes; p += 1) {
  const engine = new gisty.Engine();
  for (const text of articles) sentences += engine.summarize(text, { sentences: 3 }).sentences.length;
  engine.free();
}
console.log(`${articles.length} articles, ${passes} passes, ${sentences} sentences`);
