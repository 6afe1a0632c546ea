// The summary card, one component for every kind: a document's card and the combined card on the
// page, and the browser extension's panel. A card ("view" below) is its elements { card, meta,
// keywords, summary, more }. What differs between the kinds (a document's language and source
// view; the combined card's source links, support and duplicates) is theirs: documents.js and
// combined.js decorate each sentence's item; ask.js asks the worker for what the page's cards show.

import { countWords, number, plural } from "./format.js";

/**
 * The most summary sentences a card lists (a percentage of a 50 MB text is many thousands, and
 * laying them all out would freeze the page); copy and download give them all.
 */
const SHOWN_SENTENCES = 1000;

/**
 * Shows a summary (the worker's `answer`: { summary, ms }) on the card: a list item per sentence
 * (the first SHOWN_SENTENCES), which `decorate(li, sentence)` may add to, and the meta line;
 * `empty` is the meta line of a text with no sentence, `from` what it adds after the count.
 */
export function showSummary(view, { summary, ms }, { empty, from = "", decorate = () => {} }) {
  const rank = ranks(summary.sentences);
  const items = summary.sentences.slice(0, SHOWN_SENTENCES).map((s, i) => {
    const li = sentenceItem(s, rank.get(i));
    decorate(li, s);
    return li;
  });
  showSentences(view, summary, items, { ms, empty, from });
}

/** Shows the summary's sentences (`items`, the first of them) and its meta line. */
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

/**
 * One summary sentence as a list item: its text, with its score and its rank by score (1: the
 * best) for readers of the markup and the tests. The item reads in the text's direction (Arabic
 * right to left, in a list of any language): dir="auto" on the item, and none on the text, which
 * the item's direction would otherwise not be taken from.
 */
function sentenceItem(sentence, rank) {
  const li = document.createElement("li");
  li.dir = "auto";
  li.dataset.score = String(sentence.score);
  li.dataset.rank = String(rank);
  const text = document.createElement("span");
  text.className = "sentence";
  text.textContent = sentence.text;
  li.append(text);
  return li;
}

/** The rank of each sentence (by index) by score, ties to the earlier one. */
function ranks(sentences) {
  const byScore = [...sentences.keys()].sort((a, b) => sentences[b].score - sentences[a].score || a - b);
  return new Map(byScore.map((i, r) => [i, r + 1]));
}

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
