// From a dropped or picked file to the plain text the summarizer reads: .txt as it is, .md with
// its markup stripped, .html reduced to its main article by Mozilla's Readability. Anything else,
// and anything that is not text, is refused with a message that names the file's problem.
//
// HTML is parsed here, on the main thread, because workers have no DOMParser. DOMParser makes an
// inert document: its scripts never run, its event handlers never fire, nothing it names is
// loaded. The text taken from it is shown with textContent only.

import { Readability } from "./vendor/readability.js";

/** A file the page will not summarize; the message is for the reader. */
export class ExtractError extends Error {}

/** Larger files would take minutes and much memory to summarize. */
const MAX_BYTES = 10_000_000;

const KINDS = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  mkd: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
};

const MIME_KINDS = { "text/plain": "text", "text/markdown": "markdown", "text/html": "html" };

/** What a file's first bytes say it is, for the message when it is not text. */
const MAGIC = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["a ZIP archive (or a .docx, .odt or .epub)", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a WebAssembly module", [0x00, 0x61, 0x73, 0x6d]],
  ["a program", [0x7f, 0x45, 0x4c, 0x46]],
];

/**
 * Reads a File into { text, title, language }: the text to summarize, the document's title when
 * it has one apart from the text, and its language tag when it declares one.
 * Throws an ExtractError for a file the page does not read.
 */
export async function readFile(file) {
  const kind = kindOf(file);
  if (file.size > MAX_BYTES) {
    throw new ExtractError(
      `This file is too large to summarize here (${megabytes(file.size)}; the limit is ${megabytes(MAX_BYTES)}).`,
    );
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    throw new ExtractError(`This file could not be read (${e?.message ?? e}).`);
  }
  const magic = sniff(bytes);
  if (!kind) {
    const what = magic ? `; this is ${magic}` : `, not ${describeType(file)}`;
    throw new ExtractError(`gisty reads .txt, .md and .html files${what}.`);
  }
  if (magic) throw new ExtractError(`This file is ${magic}, not text.`);
  const source = decode(bytes, kind);
  if (kind === "markdown") return { text: stripMarkdown(source) };
  if (kind === "html") return htmlToText(source);
  return { text: source.replace(/\r\n?/g, "\n") };
}

function kindOf(file) {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (ext && ext in KINDS) return KINDS[ext];
  // A file with an extension the page does not know is refused whatever its type says, so a
  // .csv or .js is not summarized as prose because the system calls it text/plain.
  if (!ext) return MIME_KINDS[file.type.split(";")[0]] ?? null;
  return null;
}

function describeType(file) {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1];
  if (ext) return `a .${ext} file`;
  return file.type ? `${file.type}` : "a file without an extension";
}

function megabytes(n) {
  return `${(n / 1e6).toFixed(1)} MB`;
}

function sniff(bytes) {
  for (const [name, magic] of MAGIC) {
    if (magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b)) return name;
  }
  return null;
}

/** The file's text: UTF-8 (or UTF-16 with a byte order mark), or what an HTML file declares. */
function decode(bytes, kind) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // Text has no NUL bytes; binary formats are full of them.
  if (bytes.includes(0)) throw new ExtractError("This file is binary, not text.");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const declared = kind === "html" ? declaredCharset(bytes) : null;
    if (declared) return declared.decode(bytes);
    throw new ExtractError("This file is not UTF-8 text (save it as UTF-8 and try again).");
  }
}

/** A decoder for the charset an HTML file's <meta> declares, if the browser knows it. */
function declaredCharset(bytes) {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Markdown to plain text: headings, lists and quotes lose their markers (each stays on its own
 * line), links keep their text, images, code blocks, HTML and reference definitions go.
 */
export function stripMarkdown(source) {
  const text = source
    .replace(/\r\n?/g, "\n")
    .replace(/^\uFEFF?---\n[\s\S]*?\n(?:---|\.\.\.)\n/, "") // YAML front matter
    .replace(/<!-{2}[\s\S]*?-->/g, "") // HTML comments (the -{2}: see inert() in scripts/single-file.mjs)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "");
  const out = [];
  let fence = null;
  for (const raw of text.split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (/^ {0,3}([-*_])(?: *\1){2,} *$/.test(raw)) {
      out.push(""); // a thematic break
      continue;
    }
    if (/^ {0,3}(?:=+|-+) *$/.test(raw)) continue; // a setext heading's underline
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(raw)) continue; // [id]: https://... or a footnote text
    if (/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(raw) && raw.includes("|")) {
      continue; // a table's header rule
    }
    let line = raw
      .replace(/^(?: {0,3}>\s?)+/, "")
      .replace(/^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/, "$1")
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, "");
    if (/^\s*\|.*\|\s*$/.test(line)) {
      line = line.trim().slice(1, -1).split("|").map((cell) => cell.trim()).join(" · ");
    }
    out.push(stripInline(line));
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function stripInline(line) {
  // Escaped characters are set aside first, so that \* is never read as emphasis.
  const escaped = [];
  let s = line.replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_, c) => {
    escaped.push(c);
    return `\uE000${escaped.length - 1}\uE001`;
  });
  s = s
    .replace(/`+([^`]+?)`+/g, "$1")
    .replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])/g, "")
    .replace(/\[\^[^\]]+\]/g, "")
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+["'(][^)]*)?\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2");
  return s.replace(/\uE000(\d+)\uE001/g, (_, i) => escaped[Number(i)]);
}

const BLOCKS = new Set(
  (
    "ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER " +
    "FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TD TH TR UL"
  ).split(" "),
);
const UNREAD = new Set(
  "SCRIPT STYLE NOSCRIPT TEMPLATE SVG MATH IFRAME OBJECT EMBED CANVAS BUTTON SELECT TEXTAREA".split(" "),
);
/** Page furniture dropped when Readability finds no article and the whole body is read. */
const FURNITURE = "script, style, noscript, template, nav, header, footer, aside, form";

/**
 * An HTML page's main article as { text, title, language }: paragraphs, headings and list items
 * each become a paragraph of the text.
 */
export function htmlToText(html) {
  const parser = new DOMParser();
  const doc = parser.parseFromString(html, "text/html");
  const language = doc.documentElement.getAttribute("lang") || undefined;
  const pageTitle = doc.title.trim();
  let article = null;
  try {
    // serializer: keep the article as an element rather than an HTML string to parse again.
    article = new Readability(doc, { serializer: (element) => element }).parse();
  } catch {
    // A page too large or odd for Readability is read whole, below.
  }
  let root = article?.content;
  if (!root || !root.textContent.trim()) {
    // Readability changes the document it reads: the whole page comes from a fresh parse.
    root = parser.parseFromString(html, "text/html").body;
    for (const element of root.querySelectorAll(FURNITURE)) element.remove();
  }
  const title = (article?.title || pageTitle).trim() || undefined;
  return { text: blockText(root), title, language: article?.lang || language };
}

/** The text of an element, a paragraph per block element, whitespace inside one collapsed. */
export function blockText(root) {
  const blocks = [];
  let line = "";
  const flush = () => {
    const text = line.replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
    line = "";
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        line += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (UNREAD.has(tag)) continue;
        if (tag === "BR") {
          flush();
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks.join("\n\n");
}
