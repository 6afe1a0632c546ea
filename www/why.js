// Why this sentence: beside each summary sentence, a control that reveals in words and numbers
// what put it there. The numbers are the core's own (the `explain` option: each part of the
// score as the method computed it, the concepts a combined summary's sentence covers, what it
// was preferred over); nothing is recomputed here. They are asked for when a reader first opens
// one: the English build leaves explaining out for its size budget, so the worker asks the
// all-languages build (from the page's own origin) for the same summary, explained. The summary
// is deterministic, so its sentences are the ones shown. Text is written with textContent only.

import { SUPERSEDED } from "./engine.js";

let panels = 0;

/**
 * A memo of the explained summary for one answer: `ask()` sends `message` (worker.js's
 * "explain" request) for `key` once, and every later call gets the same promise.
 */
export function explainer(engine, key, message, size) {
  let asked = null;
  return () =>
    (asked ??= engine.request(key, message, size).then((answer) => {
      if (answer === SUPERSEDED) throw new Error("the summary changed meanwhile");
      return answer.summary;
    }));
}

/**
 * Adds the control and its panel to `li`, the element of the summary sentence `sentence` (its
 * `doc` and `index` find it in the explained summary). `explained()` resolves to the summary
 * explained; `names[doc]` is each document's name in a combined summary (null for one text).
 * Nothing is added to the li's text until the panel is first opened.
 */
export function addWhy(li, sentence, explained, names = null) {
  const id = `why-${++panels}`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "why";
  button.dataset.testid = "why";
  // Its visible label is CSS content, so that the sentence's text stays the li's text.
  button.setAttribute("aria-label", "Why this sentence?");
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", id);
  const panel = document.createElement("div");
  panel.id = id;
  panel.className = "why-panel";
  panel.dataset.testid = "why-panel";
  panel.hidden = true;
  button.addEventListener("click", () => toggle(button, panel, sentence, explained, names));
  li.append(button, panel);
}

async function toggle(button, panel, sentence, explained, names) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  panel.hidden = !open;
  if (!open || panel.dataset.state) return;
  panel.dataset.state = "loading";
  panel.textContent = "Working out why…";
  try {
    const summary = await explained();
    const s = summary.sentences.find((x) => x.doc === sentence.doc && x.index === sentence.index);
    if (!s?.explanation) throw new Error("this sentence is not in the summary any more");
    // Paragraphs, not a list: the panel is inside a summary's list item, whose items are its
    // sentences.
    const lines = reasons(s, { names, documents: names?.length ?? 1 }).map((line) => {
      const p = document.createElement("p");
      p.dir = "auto";
      p.textContent = line;
      return p;
    });
    panel.replaceChildren(...lines);
    panel.dataset.state = "done";
  } catch (error) {
    panel.textContent = `Could not say why: ${error.message}`;
    delete panel.dataset.state; // opening it again asks again
  }
}

/** A number as the panel writes it: three significant digits ("0.031", "1.43", "66.8"). */
export function figure(x) {
  return String(Number(x.toPrecision(3)));
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st… */
export function ordinal(n) {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

const quoted = (words) => words.map((w) => `‘${w}’`).join(", ");

/**
 * What put sentence `s` (with its `explanation`, and `support` in a combined summary) in the
 * summary, one line a reason: its score and rank, then each part its method used, then what it
 * was preferred over. `names[doc]` names the documents of a combined summary (null for one
 * text), `documents` is how many there are.
 */
export function reasons(s, { names = null, documents = 1 } = {}) {
  const e = s.explanation;
  const where = (doc, index) => `sentence ${index + 1}${names ? ` of ${names[doc]}` : ""}`;
  const lines = [];
  const concepts = e.concepts ? " (the weight of its concepts)" : "";
  lines.push(`Score ${figure(e.score)}${concepts}: ${ordinal(e.rank)} of ${e.of} sentences.`);
  const p = e.position;
  if (p) {
    const lede = p.ledeRank <= 3 ? " (lede)" : "";
    const of = names ? names[s.doc] : "the text";
    lines.push(
      `${ordinal(p.index + 1)} sentence of ${of}${lede}: position ${figure(p.prior)} × weight ` +
        `${figure(p.weight)}, +${figure(p.part)} to its score.`,
    );
  }
  const c = e.centrality;
  if (c) {
    lines.push(
      `Centrality ${figure(c.value)} (the average sentence has 1), ${ordinal(c.rank)} of ${c.of}: ` +
        `+${figure(c.part)}.`,
    );
  }
  const t = e.title;
  if (t) {
    lines.push(
      t.terms.length
        ? `Shares ${quoted(t.terms)} with the title: +${figure(t.part)}.`
        : "Shares no word with the title.",
    );
  }
  if (e.length !== undefined && e.length < 1) {
    lines.push(`Its length (too short to stand alone, or long for a short summary): score × ${figure(e.length)}.`);
  }
  const f = e.focus;
  if (f) {
    lines.push(
      f.terms.length
        ? `Matches the focus with ${quoted(f.terms)} (relevance ${figure(f.relevance)}): score × ${figure(f.factor)}.`
        : `Has none of the focus words: score × ${figure(f.factor)}.`,
    );
  }
  const k = e.concepts;
  if (k) {
    const top = k.top.map((x) => `‘${x.words}’ (${x.documents} of ${documents})`).join(", ");
    const told = s.support?.length ? `, in ${s.support.length} of ${documents} articles` : "";
    lines.push(`Covers concepts ${top || "found in one article only"}${told}; ${k.count} concepts in all.`);
  }
  for (const o of e.preferredOver) {
    const w = o.why;
    const why =
      w.kind === "repeats"
        ? w.doc === s.doc && w.index === s.index
          ? `repeats this one, similarity ${figure(w.similarity)}`
          : `repeats ${where(w.doc, w.index)}, similarity ${figure(w.similarity)}`
        : "out of the length budget";
    lines.push(`Preferred over ${where(o.doc, o.index)} (score ${figure(o.score)}: ${why}).`);
  }
  return lines;
}
