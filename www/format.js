// Summaries as text to copy or download: plain text, Markdown, and one file for all documents.

/**
 * Words as the core counts them: runs of letters and digits, each CJK character a word of its own.
 * The page counts a summary's words with this to set them against the core's count of the input.
 */
export function countWords(text) {
  let words = 0;
  let inWord = false;
  for (const c of text) {
    const alphanumeric = ALPHANUMERIC.test(c);
    if (alphanumeric && (!inWord || CJK.test(c))) words += 1;
    inWord = alphanumeric;
  }
  return words;
}

// Rust's char::is_alphanumeric, and the ranges of the core's is_cjk.
const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;

/** A summary as plain text: a sentence per line. */
export function summaryText(sentences) {
  return sentences.map((s) => clean(s.text)).join("\n");
}

/** A document's summary as Markdown: its name as a heading, a bullet per sentence. */
export function summaryMarkdown(doc, level = 1) {
  const heading = `${"#".repeat(level)} ${escapeMarkdown(doc.name)}`;
  const items = doc.sentences.map((s) => `- ${escapeMarkdown(clean(s.text))}`);
  return [heading, "", ...(items.length ? items : ["_No sentences to summarize._"]), ""].join("\n");
}

/**
 * The summary of several documents together, `{ name, sentences }` where each sentence also has
 * `source` (its document's name): plain text, a sentence per line with its source after it.
 */
export function combinedText(combined) {
  return combined.sentences.map((s) => `${clean(s.text)} (${s.source})`).join("\n");
}

/** The summary of several documents together as Markdown, each sentence's source in italics. */
export function combinedMarkdown(combined, level = 1) {
  const heading = `${"#".repeat(level)} ${escapeMarkdown(combined.name)}`;
  const items = combined.sentences.map(
    (s) => `- ${escapeMarkdown(clean(s.text))} _(${escapeMarkdown(s.source)})_`,
  );
  return [heading, "", ...(items.length ? items : ["_No sentences to summarize._"]), ""].join("\n");
}

/**
 * Every document's summary, as one Markdown or plain-text file; first, when there is one, the
 * summary of all of them together.
 */
export function allSummaries(docs, format, combined = null) {
  if (format === "md") {
    const parts = docs.map((d) => summaryMarkdown(d, 2));
    if (combined) parts.unshift(combinedMarkdown(combined, 2));
    return ["# Summaries", "", ...parts].join("\n");
  }
  const section = (name, body) => `${name}\n${"=".repeat(Math.min(name.length, 72))}\n${body}\n`;
  const parts = docs.map((d) => section(d.name, summaryText(d.sentences)));
  if (combined) parts.unshift(section(combined.name, combinedText(combined)));
  return parts.join("\n");
}

function clean(text) {
  return text.replace(/\s+/g, " ").trim();
}

function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>|#]/g, "\\$&");
}

/** A count as the page writes it: "1,234". */
export function number(n) {
  return n.toLocaleString("en");
}

/** "1 sentence", "2 sentences". */
export function plural(n, word) {
  return `${number(n)} ${word}${n === 1 ? "" : "s"}`;
}

/** A file name for a document's summary: "report.html" gives "report-summary.md". */
export function downloadName(name, format) {
  const base = name.replace(/\.[a-z0-9]+$/i, "").replace(/[^\p{L}\p{N}._-]+/gu, "-") || "text";
  return `${base}-summary.${format}`;
}
