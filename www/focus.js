// The focus box and the key phrase chips: the focus applies as it is typed, once the typing
// pauses, and a chip puts its phrase in the box (again: takes it out).

import { debounce, prefs, say, ui } from "./page.js";

const TYPING_PAUSE_MS = 250;

/** The focus the summaries shown were asked with; the same words again change nothing. */
let applied = "";
const changed = [];
/** Calls `fn` when the focus changes. */
export const onFocus = (fn) => changed.push(fn);

/** The focus now in the box is what the summaries were made with (a reload, Clear). */
export function focusApplied() {
  applied = prefs.focus();
}

function applyFocus() {
  if (prefs.focus() === applied) return;
  applied = prefs.focus();
  showFocus();
  for (const fn of changed) fn();
}
ui.focus.addEventListener("input", debounce(applyFocus, TYPING_PAUSE_MS));

/** Marks the key phrase chips that are the focus. */
function showFocus() {
  const focus = prefs.focus().toLowerCase();
  for (const chip of document.querySelectorAll(".keywords button")) {
    chip.setAttribute("aria-pressed", String(chip.textContent.toLowerCase() === focus));
  }
}

/** A click on a card's key phrases: a chip sets the focus, or clears it when it is the focus. */
export function chipClicked(event) {
  const chip = event.target.closest(".keywords button");
  if (!chip) return;
  const pressed = chip.getAttribute("aria-pressed") === "true";
  ui.focus.value = pressed ? "" : chip.textContent;
  applyFocus();
  say(
    pressed
      ? "No focus: the summaries are back to the whole text."
      : `Focusing the summaries on “${chip.textContent}”.`,
  );
}
