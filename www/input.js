// What the reader gives the page: text typed or pasted in the text area, files chosen, dropped
// or pasted, and the sample articles.

import { combined } from "./combined.js";
import { addDoc, fileError, removeDoc, setText, setTitle, summarizeDoc } from "./documents.js";
import { SUPERSEDED } from "./engine.js";
import { ExtractError, readFile } from "./extract.js";
import { plural } from "./format.js";
import { bringIntoView, debounce, docs, engine, say, ui, view } from "./page.js";
import { saveLater } from "./reload.js";
import { isAddress } from "./session.js";

const TYPING_PAUSE_MS = 250;
/** Text longer than this arriving in one input event is a paste (or a drop of text), not typing. */
const PASTE_CHARS = 200;
let typedLength = 0;

/** The text area's text, summarized once typing pauses (`.cancel()` drops a pending run). */
export const typed = debounce(() => {
  const text = ui.input.value;
  let doc = docs.get("pasted");
  saveLater();
  // A web address alone: not a text to summarize, and not one the page may fetch.
  ui.urlNote.hidden = !isAddress(text);
  if (!ui.urlNote.hidden) say("That is a web address: save the page and drop the file here.");
  if (!text.trim() || !ui.urlNote.hidden) {
    if (doc) removeDoc(doc);
    return;
  }
  if (!doc) doc = addDoc("pasted", "Pasted text", { first: true });
  setText(doc, text);
  summarizeDoc(doc);
}, TYPING_PAUSE_MS);

/** Puts `text` in the text area (a reload's, or "" for Clear), summarized as if typed. */
export function setInput(text) {
  ui.input.value = text;
  typedLength = text.length;
  if (text) typed();
  else typed.cancel();
}

ui.input.addEventListener("input", (event) => {
  const grew = ui.input.value.length - typedLength;
  typedLength = ui.input.value.length;
  const pasted = event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop";
  // The caret stays in the text area: the status line announces the summary.
  if (pasted || grew > PASTE_CHARS) view.reveal = { combined: false, focus: false };
  typed();
});

ui.fileInput.addEventListener("change", () => {
  addFiles(ui.fileInput.files);
  ui.fileInput.value = ""; // choosing the same file again is a new change
});

// Files dropped anywhere on the page; text dragged into the text area keeps its usual behaviour.
let dragDepth = 0;
const hasFiles = (event) => event.dataTransfer?.types.includes("Files");
window.addEventListener("dragenter", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth += 1;
  ui.overlay.hidden = false;
});
window.addEventListener("dragover", (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
});
window.addEventListener("dragleave", (event) => {
  if (!hasFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) ui.overlay.hidden = true;
});
window.addEventListener("drop", (event) => {
  dragDepth = 0;
  ui.overlay.hidden = true;
  if (!hasFiles(event)) return;
  event.preventDefault();
  addFiles(event.dataTransfer.files);
});
// Files pasted outside the text area (copied in a file manager) are dropped files too.
document.addEventListener("paste", (event) => {
  if (event.target === ui.input || !event.clipboardData?.files.length) return;
  event.preventDefault();
  addFiles(event.clipboardData.files);
});

let nextFile = 1;

/** Reads files into new cards; returns their documents. */
function addFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) return [];
  const withText = [...docs.values()].filter((d) => !d.failed).length;
  view.reveal = { combined: withText + files.length >= 2, focus: true };
  say(`Reading ${plural(files.length, "file")}…`);
  return files.map((file) => {
    const doc = addDoc(`file-${nextFile++}`, file.name);
    // Markdown and large HTML are read in the worker, like the summaries: never on this thread.
    // "file": a Word, OpenDocument or EPUB file, or text not in UTF-8, read by the core's
    // reader (the web-files build, loaded by the worker when the first such file arrives).
    const offload = (kind, source, name) =>
      engine.request(`${doc.key}#read`, { kind, source, name }, source.length);
    readFile(file, offload).then(
      (read) => {
        if (docs.get(doc.key) !== doc || read === SUPERSEDED) return;
        doc.language = read.language;
        setTitle(doc, read.title);
        setText(doc, read.text, read.captions ?? []);
        summarizeDoc(doc);
      },
      (error) => {
        if (docs.get(doc.key) !== doc) return;
        const message =
          error instanceof ExtractError ? error.message : `This file could not be read (${error}).`;
        fileError(doc, message);
      },
    );
    return doc;
  });
}

// The repository's five sample articles (tests/data/samples), which scripts/bundle-page.mjs
// bundles as "gisty:samples": a chunk of the page's own origin, loaded on the first click (inline
// in the single-file build). They are read as dropped files are.
ui.trySamples.addEventListener("click", async () => {
  if ([...docs.values()].some((d) => d.sample)) {
    say("The sample articles are already here.");
    bringIntoView(combined.el.card.hidden ? ui.docs.querySelector(".doc") : combined.el.card);
    return;
  }
  ui.trySamples.disabled = true;
  say("Loading the sample articles…");
  try {
    const { samples } = await import("gisty:samples");
    const added = addFiles(samples.map((s) => new File([s.text], s.name, { type: "text/plain" })));
    for (const doc of added) doc.sample = true;
  } catch (error) {
    say(`The sample articles could not be loaded (${error.message}).`);
  } finally {
    ui.trySamples.disabled = false;
  }
});
