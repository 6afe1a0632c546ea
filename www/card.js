// The summary card, one component for both kinds: a document's card and the combined card of all
// the documents together. A card ("owner" below) is { key, el, answer, keywordsFor }: `el` its
// elements { card, name, meta, keywords, summary, more }, `answer` the worker's { summary, ms } it
// shows, `keywordsFor` the texts whose key phrases it shows (or asked for). What differs between
// the two kinds (a document's language and source view; the combined card's source links, support
// and duplicates) is theirs: documents.js and combined.js.

import { SUPERSEDED } from "./engine.js";
import { countWords, number, plural } from "./format.js";
import { engine, prefs } from "./page.js";

/** Key phrases shown per card, and for all the documents together. */
export const KEYWORDS = 8;
/**
 * The most summary sentences a card lists (a percentage of a 50 MB text is many thousands, and
 * laying them all out would freeze the page); copy and download give them all.
 */
const SHOWN_SENTENCES = 1000;

/**
 * Asks the worker for a card's summary while the card says it is busy, and its key phrases when
 * they are of other texts than those shown. `request` is { message, size } as engine.request takes
 * them; `keywords`, { message, of: [texts], size }; `stale()` says the card is gone (or is another
 * document's now). Resolves to the answer, kept as `owner.answer`, or null: superseded, stale, or
 * failed, when `fail(message)` has been called.
 */
export async function summarizeCard(owner, { request, keywords, stale = () => false, fail }) {
  const { card } = owner.el;
  card.setAttribute("aria-busy", "true");
  const asked = engine.request(owner.key, request.message, request.size);
  // Key phrases depend on the texts alone: asked for once per text, after its summary.
  if (!sameTexts(owner.keywordsFor, keywords.of)) askKeywords(owner, keywords, stale);
  let answer;
  try {
    answer = await asked;
  } catch (error) {
    if (stale()) return null;
    card.removeAttribute("aria-busy");
    fail(error.message);
    return null;
  }
  if (answer === SUPERSEDED || stale()) return null;
  card.removeAttribute("aria-busy");
  card.dataset.focus = request.message.options.focus ?? "";
  owner.answer = answer;
  return answer;
}

const sameTexts = (a, b) => a?.length === b.length && a.every((t, i) => t === b[i]);

/** Asks for a card's key phrases and shows them, unless what they are of changed meanwhile. */
async function askKeywords(owner, { message, of, size }, stale) {
  owner.keywordsFor = of;
  let answer;
  try {
    answer = await engine.request(`${owner.key}#keywords`, message, size);
  } catch {
    answer = { keywords: [] }; // the summary says what went wrong; the chips are extras
    if (owner.keywordsFor === of) owner.keywordsFor = null; // asked again with the next summary
  }
  if (answer === SUPERSEDED || owner.keywordsFor !== of || stale()) return;
  showKeywords(owner.el.keywords, answer.keywords);
}

/** Drops what was asked for a card, its summary and its key phrases, and the chips shown. */
export function forgetCard(owner) {
  engine.forget(owner.key);
  engine.forget(`${owner.key}#keywords`);
  owner.el.card.removeAttribute("aria-busy");
  owner.keywordsFor = null;
  showKeywords(owner.el.keywords, []);
}

/**
 * Shows `owner.answer`: a list item per sentence (the first SHOWN_SENTENCES), which `decorate(li,
 * sentence)` may add to, and the meta line; `empty` is the meta line of a text with no sentence,
 * `from` what it adds after the sentence count.
 */
export function showSummary(owner, { empty, from = "", decorate = () => {} }) {
  const { summary, ms } = owner.answer;
  const rank = ranks(summary.sentences);
  const items = summary.sentences.slice(0, SHOWN_SENTENCES).map((s, i) => {
    const li = sentenceItem(s, rank.get(i));
    decorate(li, s);
    return li;
  });
  const view = owner.el;
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
export function showFailure(owner, message, meta) {
  owner.answer = null;
  const view = owner.el;
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
 * that is the current focus pressed.
 */
function showKeywords(list, keywords) {
  const focus = prefs.focus().toLowerCase();
  const chips = keywords.map((k) => {
    const li = document.createElement("li");
    const chip = document.createElement("button");
    chip.type = "button";
    chip.dir = "auto";
    chip.textContent = k.text;
    chip.title = `Focus the summaries on “${k.text}” (${plural(k.count, "occurrence")})`;
    chip.setAttribute("aria-pressed", String(k.text.toLowerCase() === focus));
    li.append(chip);
    return li;
  });
  list.replaceChildren(...chips);
  list.hidden = chips.length === 0;
}
