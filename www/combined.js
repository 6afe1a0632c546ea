// With two documents or more, the combined card on top: one summary of them all (card.js), each
// sentence linked to the document it is from and to those that report it too, and the documents
// that nearly repeat each other.

import { forgetCard, KEYWORDS, showFailure, summarizeCard } from "./ask.js";
import { showSummary } from "./card.js";
import { chipClicked } from "./focus.js";
import { oversize, tooLarge } from "./extract.js";
import { deliver } from "./export.js";
import { combinedMarkdown, combinedText, plural } from "./format.js";
import { bringIntoView, debounce, docs, engine, prefs, say, ui, view } from "./page.js";
import { markDuplicates, showInSource, updateEmpty } from "./documents.js";
import { addWhy, explainer } from "./why.js";

/** Documents arrive one by one (files are read in parallel): the combined summary waits a beat. */
const COMBINE_PAUSE_MS = 150;

export const combined = {
  key: "combined",
  el: {
    card: ui.combined,
    name: ui.combined.querySelector(".doc-name"),
    meta: ui.combined.querySelector(".doc-meta"),
    keywords: ui.combined.querySelector(".keywords"),
    summary: ui.combined.querySelector(".summary"),
    more: ui.combined.querySelector(".more"),
    duplicates: ui.combined.querySelector(".duplicates"),
    duplicateList: ui.combined.querySelector(".duplicates ul"),
  },
  /** The answer shown: { summary, ms }, with the documents it is of ({ key, name }, in order). */
  answer: null,
  sources: [],
  /** The texts whose key phrases are shown (or asked for). */
  keywordsFor: null,
};
combined.el.card.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  if (button.dataset.action) act(button.dataset.action, button);
  else if (button.dataset.doc) {
    // A sentence's own source opens at the sentence; its other supporting sources, at their card.
    const li = button.closest("li");
    showInSource(button.dataset.doc, li?.dataset.doc === button.dataset.doc ? sentenceOf(li) : null);
  }
});
combined.el.keywords.addEventListener("click", chipClicked);

/** The span in its document of the combined summary's sentence `li`, or null. */
function sentenceOf(li) {
  if (!li?.dataset.start) return null;
  return { start: Number(li.dataset.start), end: Number(li.dataset.end) };
}

/**
 * Asks for the summary of every document together, once the documents settle: those with text
 * whose own summary did not fail, in card order. Fewer than two: no combined card.
 */
export const combine = debounce(async () => {
  const { card } = combined.el;
  const sources = [...docs.values()].filter((d) => d.text !== null && !d.failed);
  if (sources.length < 2) {
    if (view.reveal?.combined) {
      // No combined card after all (a file failed): the first summary is what to show.
      view.reveal.combined = false;
      const done = [...docs.values()].find((d) => d.answer);
      if (done) bringIntoView(done.el.card);
    }
    forgetCard(combined);
    card.hidden = true;
    combined.answer = null;
    markDuplicates([]);
    updateEmpty();
    return;
  }
  const texts = sources.map((d) => d.text);
  const input = sources.map((d) => ({
    text: d.text,
    ...(d.title ? { title: d.title } : {}),
    ...(d.captions?.length ? { captions: d.captions } : {}),
  }));
  const names = sources.map((d) => ({ key: d.key, name: d.name }));
  const size = texts.reduce((n, t) => n + t.length, 0);
  card.hidden = false;
  combined.el.name.textContent = `All ${sources.length} documents together`;
  const bytes = oversize(...texts);
  if (bytes) {
    forgetCard(combined);
    showCombinedError(tooLarge(bytes, "Together, these documents"));
    return;
  }
  // The reader's language for all when every card has the same one; else each is detected.
  const chosen = new Set(sources.map((d) => d.languageChoice));
  const language = chosen.size === 1 ? [...chosen][0] : "auto";
  const options = { ...prefs.options(), language };
  const answer = await summarizeCard(combined, {
    request: { message: { kind: "many", docs: input, options }, size },
    keywords: { message: { kind: "keywords", input, count: KEYWORDS, language }, of: texts, size },
    fail: showCombinedError,
  });
  if (!answer) return;
  combined.why = explainer(engine, "combined#why", { kind: "explain", docs: input, options }, size);
  combined.sources = names;
  showCombined();
  updateEmpty();
  if (view.reveal) bringIntoView(card);
}, COMBINE_PAUSE_MS);

function showCombinedError(message) {
  if (view.reveal) bringIntoView(combined.el.card);
  showFailure(combined, message, "No combined summary.");
  markDuplicates([]);
}

function showCombined() {
  const { summary } = combined.answer;
  const sources = combined.sources;
  const from = new Set(summary.sentences.map((s) => s.doc)).size;
  showSummary(combined.el, combined.answer, {
    empty: "No sentences to summarize in these texts.",
    from: `, from ${from} of ${sources.length} documents`,
    // Each sentence: a link to the document it is from, and the documents that report it.
    decorate: (li, s) => {
      const { key, name } = sources[s.doc];
      Object.assign(li.dataset, { start: String(s.start), end: String(s.end), doc: key });
      const link = docLink({ key, name });
      link.dataset.testid = "source-link";
      link.setAttribute("aria-label", `From ${name}: show it there`);
      li.append(" ", link);
      if (s.support?.length) li.append(supportLine(s.support.map((d) => sources[d]), sources.length));
      addWhy(li, s, combined.why, sources.map((d) => d.name));
    },
  });

  const pairs = summary.duplicates.map((d) => ({ a: sources[d.a], b: sources[d.b], similarity: d.similarity }));
  const lines = pairs.map(({ a, b, similarity }) => {
    const li = document.createElement("li");
    const said = ` are near duplicates (similarity ${similarity.toFixed(2)}).`;
    li.append(docLink(a), " and ", docLink(b), said);
    return li;
  });
  combined.el.duplicateList.replaceChildren(...lines);
  combined.el.duplicates.hidden = lines.length === 0;
  markDuplicates(pairs);
}

/**
 * "Reported in 3 of 5 sources: a.txt, b.txt, c.txt": the documents that tell what a combined
 * summary's sentence says (its support, from the core), each a link to its card.
 */
function supportLine(backers, of) {
  const p = document.createElement("span");
  p.className = "support";
  p.dataset.testid = "support";
  p.dataset.count = String(backers.length);
  p.append(`Reported in ${backers.length} of ${plural(of, "source")}: `);
  backers.forEach((doc, i) => {
    if (i > 0) p.append(", ");
    p.append(docLink(doc));
  });
  return p;
}

function docLink({ key, name }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "source-link";
  button.dataset.doc = key;
  button.textContent = name;
  button.setAttribute("aria-label", `Show ${name}`);
  return button;
}

/** The combined summary for export: { name, sentences: [{ text, source }] }, or null. */
export function combinedSummary() {
  if (!combined.answer || combined.el.card.hidden) return null;
  return {
    name: combined.el.name.textContent,
    sentences: combined.answer.summary.sentences.map((s) => ({
      text: s.text,
      source: combined.sources[s.doc].name,
    })),
  };
}

/** A button of the combined card: copy or download its summary. */
async function act(action, button) {
  const together = combinedSummary();
  if (!together) return;
  await deliver(action, button, {
    what: "The combined summary",
    file: `gisty-combined-summary.${action}`,
    plain: combinedText(together),
    markdown: () => combinedMarkdown(together),
    say,
  });
}
