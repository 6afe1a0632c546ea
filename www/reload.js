// What a reload of this tab keeps (session.js): the pasted text, the settings and the names of
// the files dropped; put back after the reload, with a note on what was not kept; and Clear,
// which forgets it all.

import { removeAll, updateEmpty } from "./documents.js";
import { focusApplied } from "./focus.js";
import { number } from "./format.js";
import { setInput } from "./input.js";
import { debounce, docs, prefs, say, ui } from "./page.js";
import { clearSession, KEPT_BYTES, loadSession, saveSession } from "./session.js";

const INITIAL_SETTINGS = JSON.stringify(prefs.snapshot());

/** Keeps the pasted text, the settings and the names of the files dropped, for this tab. */
function save() {
  const files = [...docs.values()].filter((d) => d.key.startsWith("file-") && !d.sample).map((d) => d.name);
  const kept = prefs.snapshot();
  if (!ui.input.value && files.length === 0 && JSON.stringify(kept) === INITIAL_SETTINGS) {
    clearSession(); // nothing to keep
    return;
  }
  const cut = saveSession({ text: ui.input.value, settings: kept, files });
  if (cut === null) return; // this browser keeps nothing: nothing to say either
  if (cut > 0) {
    showSessionNote(
      `Only the first ${kiloBytes(KEPT_BYTES)} of this text is kept if the page is reloaded ` +
        `(${kiloBytes(cut)} more is not).`,
    );
  } else if (ui.sessionNote.dataset.kind === "cut") {
    showSessionNote("");
  }
}

/** `save` once the reader pauses. */
export const saveLater = debounce(save, 300);

// A reload (or leaving the page) within the pause still keeps what is on the page now: the
// last keystrokes in the focus box, a setting changed a moment ago.
addEventListener("pagehide", () => {
  saveLater.cancel();
  save();
});

function showSessionNote(message, kind = "cut") {
  ui.sessionNote.textContent = message;
  ui.sessionNote.dataset.kind = message ? kind : "";
  ui.sessionNote.hidden = !message;
}

function kiloBytes(n) {
  return n >= 1_000_000 ? `${number(n / 1_000_000)} MB` : `${number(Math.ceil(n / 1000))} kB`;
}

/** Puts back what the tab kept before a reload, if anything: the settings, then the pasted text. */
export function restore() {
  const saved = loadSession();
  if (!saved) return;
  prefs.restore(saved.settings);
  focusApplied();
  const notes = [];
  if (saved.text) {
    setInput(saved.text);
    if (saved.cut) {
      notes.push(
        `Only the first ${kiloBytes(KEPT_BYTES)} of the pasted text was kept across the reload ` +
          `(${kiloBytes(saved.cut)} more was not).`,
      );
    }
  }
  if (saved.files.length) {
    const names = saved.files.join(", ");
    notes.push(
      `Files are not kept across a reload: drop ${saved.files.length === 1 ? "it" : "them"} again (${names}).`,
    );
  }
  if (notes.length) showSessionNote(notes.join(" "), "restored");
}

/** Clear: the text box emptied, every card removed, the settings as they start; nothing kept. */
ui.clear.addEventListener("click", () => {
  removeAll();
  setInput("");
  ui.urlNote.hidden = true;
  showSessionNote("");
  prefs.reset();
  focusApplied();
  updateEmpty();
  saveLater.cancel();
  clearSession();
  say("Cleared: nothing is kept for this tab.");
});
