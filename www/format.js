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
  return sentences.map((s) => s.text.replace(/\s+/g, " ").trim()).join("\n");
}

/** A document's summary as Markdown: its name as a heading, a bullet per sentence. */
export function summaryMarkdown(doc, level = 1) {
  const heading = `${"#".repeat(level)} ${escapeMarkdown(doc.name)}`;
  const items = doc.sentences.map((s) => `- ${escapeMarkdown(s.text.replace(/\s+/g, " ").trim())}`);
  return [heading, "", ...(items.length ? items : ["_No sentences to summarize._"]), ""].join("\n");
}

/** Every document's summary, as one Markdown or plain-text file. */
export function allSummaries(docs, format) {
  if (format === "md") {
    return ["# Summaries", "", ...docs.map((d) => summaryMarkdown(d, 2))].join("\n");
  }
  return docs
    .map((d) => `${d.name}\n${"=".repeat(Math.min(d.name.length, 72))}\n${summaryText(d.sentences)}\n`)
    .join("\n");
}

function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>|#]/g, "\\$&");
}

/** A file name for a document's summary: "report.html" gives "report-summary.md". */
export function downloadName(name, format) {
  const base = name.replace(/\.[a-z0-9]+$/i, "").replace(/[^\p{L}\p{N}._-]+/gu, "-") || "text";
  return `${base}-summary.${format}`;
}
