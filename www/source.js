// A card's source view: the document's text with its summary's sentences marked, built from text
// nodes only (the offsets are UTF-16, as String.prototype.slice counts); every sentence shaded by
// its score on request; the sentence a link of the combined summary points to marked as the
// target. A long text is shown a part at a time: laying out megabytes of text takes seconds.

import { number } from "./format.js";

/** Characters per part of a long text (a part ends at the end of a line). */
export const SOURCE_PART = 200_000;

/**
 * Fills the source view: `el` has `source` (the text's element), `legend` and `pager` (with
 * .pager-where and the "earlier" and "later" buttons). `view`: { answer, shaded, target, part },
 * where answer is the worker's ({ summary, ranked }) or null, target a { start, end } or null,
 * part the part of a long text to show. Returns the part shown.
 */
export function drawSource(el, text, { answer, shaded, target, part }) {
  const { source, legend } = el;
  const [from, to, shown] = sourcePart(el.pager, text, part);
  if (!answer) {
    source.classList.remove("shaded");
    legend.hidden = true;
    source.replaceChildren(text.slice(from, to));
    return shown;
  }
  const { summary, ranked } = answer;
  shaded = Boolean(shaded && ranked);
  const chosen = new Set(summary.sentences.map((s) => s.index));
  // The sentences to mark in [from, to): every one, shaded by score, or the summary's.
  let spans = [];
  let low = Infinity;
  let high = -Infinity;
  if (shaded) {
    for (const score of ranked.score) {
      low = Math.min(low, score);
      high = Math.max(high, score);
    }
    const { index, start, end, score } = ranked;
    for (let i = firstEndingAfter(end, from); i < end.length && start[i] < to; i += 1) {
      spans.push({ index: index[i], start: start[i], end: end[i], score: score[i] });
    }
  } else {
    spans = summary.sentences.filter((s) => s.end > from && s.start < to);
  }
  if (target && target.end > from && target.start < to && !spans.some((s) => s.start === target.start)) {
    spans = [...spans, { ...target, index: -1 }].sort((a, b) => a.start - b.start);
  }
  const parts = [];
  let at = from;
  for (const s of spans) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (start < at) continue;
    if (start > at) parts.push(text.slice(at, start));
    const span = document.createElement(chosen.has(s.index) ? "mark" : "span");
    span.textContent = text.slice(start, end);
    if (shaded && s.index >= 0) {
      const score = high > low ? (s.score - low) / (high - low) : 1;
      span.classList.add("scored");
      span.style.setProperty("--score", score.toFixed(3));
      span.title = `Score ${s.score.toFixed(3)}`;
    }
    if (target?.start === s.start) span.classList.add("target");
    parts.push(span);
    at = end;
  }
  parts.push(text.slice(at, to));
  source.classList.toggle("shaded", shaded);
  legend.hidden = !shaded;
  source.replaceChildren(...parts);
  return shown;
}

/** The index of the first of `ends` (ascending) above `at`. */
function firstEndingAfter(ends, at) {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ends[mid] > at) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The part of `text` to show, as [from, to, part]: all of it, or, for a long text, part `part`
 * (kept within range); the pager says which, or is hidden.
 */
function sourcePart(pager, text, part) {
  if (text.length <= SOURCE_PART) {
    pager.hidden = true;
    return [0, text.length, 0];
  }
  const parts = Math.ceil(text.length / SOURCE_PART);
  part = Math.min(Math.max(part, 0), parts - 1);
  const [from, to] = [partStart(text, part), partStart(text, part + 1)];
  pager.hidden = false;
  pager.querySelector(".pager-where").textContent =
    `Part ${number(part + 1)} of ${number(parts)} of a long text ` +
    `(characters ${number(from + 1)}–${number(to)} of ${number(text.length)}).`;
  pager.querySelector('[data-action="earlier"]').disabled = part === 0;
  pager.querySelector('[data-action="later"]').disabled = part === parts - 1;
  return [from, to, part];
}

/** Where part `part` of a long text starts: after the end of the line its first character is on. */
function partStart(text, part) {
  const at = part * SOURCE_PART;
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const newline = text.indexOf("\n", at);
  return newline >= 0 && newline - at < 5_000 ? newline + 1 : at;
}

/** The part of `text` that has the character at `at`. */
export function partOf(text, at) {
  if (text.length <= SOURCE_PART) return 0;
  const part = Math.floor(at / SOURCE_PART);
  return at < partStart(text, part) ? part - 1 : part;
}
