// The page: text and files in, a card per document out, and with two documents or more a summary
// of them all together on top; every setting applied live.
//
// Summaries are made in worker.js (through engine.js), so the page never waits on the wasm.
// Everything the reader gives the page is shown with textContent: it is text, never markup.
//
// The modules, by what they do: page.js (what they share: elements, documents, the engine, the
// settings), input.js (typing, pasting, files, the samples), card.js (the summary card, both
// kinds), documents.js (a document's card), combined.js (the combined card), focus.js (the focus
// box and key phrase chips), reload.js (what a reload keeps; Clear), export.js (copy, download).
// Some import each other (a document's new summary asks for the combined one, which marks the
// documents' duplicates): only functions cross, called once every module is loaded.

import { combine, combinedSummary } from "./combined.js";
import { summarizeDoc } from "./documents.js";
import { download } from "./export.js";
import { onFocus } from "./focus.js";
import { allSummaries } from "./format.js";
import "./input.js";
import { debounce, docs, onSettings, ui } from "./page.js";
import { restore, saveLater } from "./reload.js";

const SETTINGS_PAUSE_MS = 100;

/** Every summary again with the new settings (the length, the method, the shading, the focus). */
const settingsChanged = debounce(() => {
  for (const doc of docs.values()) if (doc.text !== null) summarizeDoc(doc);
  combine();
  saveLater();
}, SETTINGS_PAUSE_MS);
onSettings(settingsChanged);
onFocus(settingsChanged);

/** Every summary in one file, the combined one first. */
function exportAll(format) {
  const summarized = [...docs.values()]
    .filter((d) => d.answer)
    .map((d) => ({ name: d.name, sentences: d.answer.summary.sentences }));
  if (summarized.length === 0) return;
  const type = format === "md" ? "text/markdown" : "text/plain";
  download(`gisty-summaries.${format}`, allSummaries(summarized, format, combinedSummary()), type);
}
ui.exportMd.addEventListener("click", () => exportAll("md"));
ui.exportTxt.addEventListener("click", () => exportAll("txt"));

restore();
