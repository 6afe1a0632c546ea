// Asking the worker for what a card of the page shows (card.js draws it): its summary and its key
// phrases, for a document's card and the combined card alike. A card here ("owner") is { key, el,
// answer, keywordsFor }: `el` its elements, `answer` the worker's { summary, ms } it shows,
// `keywordsFor` the texts whose key phrases it shows (or asked for).

import { showError, showKeywords } from "./card.js";
import { SUPERSEDED } from "./engine.js";
import { engine, prefs } from "./page.js";

/** Key phrases shown per card, and for all the documents together. */
export const KEYWORDS = 8;

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
  showKeywords(owner.el.keywords, answer.keywords, prefs.focus());
}

/** Drops what was asked for a card, its summary and its key phrases, and the chips shown. */
export function forgetCard(owner) {
  engine.forget(owner.key);
  engine.forget(`${owner.key}#keywords`);
  owner.el.card.removeAttribute("aria-busy");
  owner.keywordsFor = null;
  showKeywords(owner.el.keywords, [], prefs.focus());
}

/** An error in place of the card's summary; `meta` says what is missing ("No summary."). */
export function showFailure(owner, message, meta) {
  owner.answer = null;
  showError(owner.el, message, meta);
}
