// The parts of a summary card that a document's card and the combined card share: the error in
// place of a summary, the meta line, the key phrase chips, the "… and N more" line. A card here
// is its elements: { card, meta, keywords, summary, more }.

import { countWords, number, plural } from "./format.js";

/** An error in place of the card's summary; `meta` says what is missing ("No summary."). */
export function showError(view, message, meta) {
  let p = view.card.querySelector(".doc-error");
  if (!p) {
    p = document.createElement("p");
    p.className = "doc-error";
    p.dataset.testid = "error";
    view.meta.after(p);
  }
  p.textContent = message;
  view.summary.replaceChildren();
  view.more.hidden = true;
  view.meta.textContent = meta;
}

/** Shows the summary's sentences (`items`, the first `shown` of them) and its meta line. */
export function showSentences(view, summary, items, { ms, empty, from = "" }) {
  view.card.querySelector(".doc-error")?.remove();
  view.summary.replaceChildren(...items);
  showMore(view.more, summary.sentences.length - items.length);
  const wordsOut = summary.sentences.reduce((n, s) => n + countWords(s.text), 0);
  view.meta.textContent =
    summary.totalSentences === 0
      ? empty
      : `${reduction(summary.totalWords, wordsOut)} · ` +
        `${summary.sentences.length} of ${plural(summary.totalSentences, "sentence")}${from} · ${duration(ms)}`;
}

/** Says how many sentences of a summary are not listed. */
function showMore(p, hidden) {
  p.hidden = hidden <= 0;
  p.textContent = `… and ${plural(hidden, "more sentence")}: copy or download the summary for all of them.`;
}

/** "1,234 words → 98 · 92% shorter" */
function reduction(wordsIn, wordsOut) {
  const shorter = wordsIn ? Math.round((1 - wordsOut / wordsIn) * 100) : 0;
  return `${number(wordsIn)} words → ${number(wordsOut)} · ${shorter}% shorter`;
}

function duration(ms) {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/**
 * The key phrases as chips (each puts its phrase in the focus box; again: takes it out), the one
 * that is the current `focus` pressed.
 */
export function showKeywords(list, keywords, focus) {
  const chips = keywords.map((k) => {
    const li = document.createElement("li");
    const chip = document.createElement("button");
    chip.type = "button";
    chip.dir = "auto";
    chip.textContent = k.text;
    chip.title = `Focus the summaries on “${k.text}” (${plural(k.count, "occurrence")})`;
    chip.setAttribute("aria-pressed", String(k.text.toLowerCase() === focus.toLowerCase()));
    li.append(chip);
    return li;
  });
  list.replaceChildren(...chips);
  list.hidden = chips.length === 0;
}
