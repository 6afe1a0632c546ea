// From a dropped or picked file to the plain text the summarizer reads: .txt as it is, .md with
// its markup stripped, .html reduced to its main article by Mozilla's Readability; .docx, .odt
// and .epub, and text that is not UTF-8, through the core's reader (gisty::read, in the worker's
// web-files build); .pdf through Mozilla's PDF.js (pdf.js, loaded when the first PDF arrives).
// Anything else, and anything that is not text, is refused with a message that names the
// file's problem.
//
// HTML is parsed here, on the main thread, because workers have no DOMParser. DOMParser makes an
// inert document: its scripts never run, its event handlers never fire, nothing it names is
// loaded. The text taken from it is shown with textContent only. Parsing takes the main thread
// for as long as it lasts, so only pages up to DOM_HTML_CHARS are parsed here; Markdown, and larger
// pages, are read by markup.js in the worker (the caller's `offload`).

import { BLOCKS, Blocks, CAPTIONS } from "./markup.js";
import { onDemand } from "./on-demand.js";

/* global SINGLE_FILE */
/** PDF.js and the page's PDF reader, loaded the first time a PDF arrives (chunks of their own). */
// (A ternary on SINGLE_FILE, which esbuild folds: the single-file bundle keeps no import().)
const loadPdf = SINGLE_FILE
  ? () => Promise.reject(new ExtractError("The single-file page does not read PDF files (PDF.js is left out of it): use the served page (scripts/serve.sh)."))
  : onDemand(() => import("./pdf.js"), (why) => new ExtractError(`The PDF reader could not be loaded (${why}).`));

/** The largest Word, OpenDocument, EPUB or PDF file read: 200 MiB (the core's MAX_FILE_BYTES). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** The most time the reading of one PDF may take, in ms. */
const PDF_TIME_LIMIT = 30_000;

/** Readability, loaded the first time an HTML file is read here (a chunk of its own). */
let readability = null;
const loadReadability = () => {
  readability ??= import("./readability.js").then(
    (m) => m.Readability,
    (e) => {
      readability = null;
      throw new ExtractError(`The HTML reader could not be loaded (${e?.message ?? e}).`);
    },
  );
  return readability;
};

/** A file the page will not summarize; the message is for the reader. */
export class ExtractError extends Error {}

/**
 * The most text the summarizer takes at once, in UTF-8 bytes: 50 MiB, the core's own limit (its
 * tables take several times the text in memory, and a tab must not run out of it). A larger file
 * is refused before it is read.
 */
export const MAX_BYTES = 50 * 1024 * 1024;

/** What the page says of a text or file of `bytes` bytes, above MAX_BYTES. */
export function tooLarge(bytes, what = "This file") {
  const limit = megabytes(MAX_BYTES);
  return `${what} is ${megabytes(bytes)} MB; gisty summarizes at most ${limit} MB at once.`;
}

/**
 * `bytes` in MiB as the core writes them: whole numbers whole ("50"), others with one decimal,
 * rounded up so that a size just over the limit never reads as the limit itself ("50.1").
 */
function megabytes(bytes) {
  const MB = 1024 * 1024;
  if (bytes % MB === 0) return String(bytes / MB);
  const tenths = Math.ceil((bytes * 10) / MB);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/**
 * The length of `texts` together in UTF-8 bytes, as the core counts for its limit, when that is
 * above MAX_BYTES; otherwise 0.
 */
export function oversize(...texts) {
  const units = texts.reduce((n, t) => n + t.length, 0);
  // Each UTF-16 unit is one to three bytes: most inputs are decided without a look at them.
  if (units * 3 <= MAX_BYTES) return 0;
  let bytes = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
    }
  }
  return bytes > MAX_BYTES ? bytes : 0;
}

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
  docx: "container",
  odt: "container",
  epub: "container",
  pdf: "pdf",
};

const MIME_KINDS = { "text/plain": "text", "text/markdown": "markdown", "text/html": "html" };

const PDF = "a PDF document";
const ZIP = "a ZIP archive";
/** What a file's first bytes say it is, for the message when it is not text. */
const MAGIC = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  [PDF, [0x25, 0x50, 0x44, 0x46]],
  [ZIP, [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a WebAssembly module", [0x00, 0x61, 0x73, 0x6d]],
  ["a program", [0x7f, 0x45, 0x4c, 0x46]],
];

/**
 * HTML parsed on the page up to this many characters: DOMParser takes about 15 ms per MB, and
 * Readability (stopped past READABILITY_ELEMENTS) and the walk for the text about as much again.
 */
const DOM_HTML_CHARS = 3_000_000;
/** Readability gives up on a page with more elements than this (about 0.3 s of work). */
const READABILITY_ELEMENTS = 15_000;

/**
 * Reads a File into { text, title, language }: the text to summarize, the document's title when
 * it has one apart from the text, and its language tag when it declares one.
 * `offload(kind, source)`, with kind "markdown" or "html", reads markup in the summarizer's
 * worker (markup.js) and resolves to the same shape.
 * Throws an ExtractError for a file the page does not read.
 */
export async function readFile(file, offload) {
  const kind = kindOf(file);
  const document = kind === "container" || kind === "pdf";
  // Checked before the file is read: a file of gigabytes never becomes a string in this tab.
  if (document && file.size > MAX_FILE_BYTES) {
    throw new ExtractError(`This file is ${megabytes(file.size)} MB; gisty reads files of at most 200 MB.`);
  }
  if (!document && file.size > MAX_BYTES) throw new ExtractError(tooLarge(file.size));
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    throw new ExtractError(`This file could not be read (${e?.message ?? e}).`);
  }
  const magic = sniff(bytes);
  if (!kind) {
    const what = magic ? `; this is ${magic}` : `, not ${describeType(file)}`;
    throw new ExtractError(`gisty reads .txt, .md, .html, .docx, .odt, .epub and .pdf files${what}.`);
  }
  if (kind === "pdf") {
    if (magic !== PDF) throw new ExtractError(wrongPdf(magic));
    const { pdfToText } = await loadPdf();
    return pdfToText(bytes, PDF_TIME_LIMIT);
  }
  // The core's reader decides for a zip (whatever its name says), a Word, OpenDocument or EPUB
  // name, and text a browser would decode as windows-1252.
  if (kind === "container" || magic === ZIP || (!magic && !bytes.includes(0) && !utf8(bytes) && !(kind === "html" && declaredCharset(bytes)))) {
    bytes = null; // the worker's reader reads the file itself (readFile, through Blob.arrayBuffer)
    return readInWorker(file, offload);
  }
  if (magic) throw new ExtractError(`This file is ${magic}, not text.`);
  const source = decode(bytes, kind);
  bytes = null; // the text is all that is needed now: let the bytes go
  if (kind === "markdown" || (kind === "html" && source.length > DOM_HTML_CHARS)) {
    try {
      return await offload(kind, source);
    } catch (e) {
      throw new ExtractError(e?.message ?? String(e));
    }
  }
  if (kind === "html") return htmlToText(source);
  return { text: source.replace(/\r\n?/g, "\n") };
}

/** A file read by the core's reader in the worker, then as its format says. */
async function readInWorker(file, offload) {
  let read;
  try {
    read = await offload("file", file, file.name);
  } catch (e) {
    throw new ExtractError(sentence(e?.message ?? String(e)));
  }
  if (read.format === "html") return htmlToText(read.text);
  return { text: read.text, warnings: read.warnings };
}

/** The core's message as a sentence for a card: a capital first, a full stop last. */
function sentence(message) {
  const s = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(s) ? s : `${s}.`;
}

function wrongPdf(magic) {
  return magic
    ? `This file is named .pdf, but it is ${magic}: wrong extension?`
    : "This file is named .pdf, but it is not a PDF document: wrong extension?";
}

function utf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
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

/** Elements whose text is not the article's, in a DOM (markup.js's BLOCKS make the paragraphs). */
const UNREAD = new Set(
  "script style noscript template svg math iframe object embed canvas button select textarea".split(" "),
);
/** Blocks that caption a picture without being a <figcaption>, by their class or id. */
const CAPTION_LIKE = [
  '[class*="caption" i]',
  '[class*="credit" i]',
  '[id*="caption" i]',
  '[class*="wp-caption" i]',
].join(", ");
const CAPTION_CLASS = "gisty-caption";
/** Page furniture dropped when Readability finds no article and the whole body is read. */
const FURNITURE = "script, style, noscript, template, nav, header, footer, aside, form";

/**
 * An HTML page's main article as { text, title, language }: paragraphs, headings and list items
 * each become a paragraph of the text. (Async: Readability is loaded on first use.)
 */
export function htmlToText(html) {
  const parser = new DOMParser();
  const parse = () => parser.parseFromString(html, "text/html");
  return documentText(parse(), parse);
}

/**
 * A document's main article, as htmlToText gives it. Readability rewrites the document it reads,
 * so `doc` is a copy that is not kept (a parse, or the browser extension's clone of a live tab),
 * and `fresh()` makes another, read whole when Readability finds no article.
 */
export async function documentText(doc, fresh) {
  const Readability = await loadReadability();
  const language = doc.documentElement.getAttribute("lang") || undefined;
  const pageTitle = doc.title.trim();
  let article = null;
  // Caption blocks that are not <figcaption>s ("<p class=caption>", "<div class=credit>")
  // keep a mark through Readability, which drops other classes.
  for (const element of doc.querySelectorAll(CAPTION_LIKE)) element.classList.add(CAPTION_CLASS);
  try {
    // serializer: keep the article as an element rather than an HTML string to parse again.
    article = new Readability(doc, {
      serializer: (element) => element,
      maxElemsToParse: READABILITY_ELEMENTS,
      classesToPreserve: [CAPTION_CLASS],
    }).parse();
  } catch {
    // A page too large (past maxElemsToParse, Readability throws) or odd for Readability is
    // read whole, below.
  }
  let root = article?.content;
  if (!root || !root.textContent.trim()) {
    // Readability changes the document it reads: the whole page comes from a fresh copy.
    root = fresh().body;
    for (const element of root.querySelectorAll(FURNITURE)) element.remove();
    for (const element of root.querySelectorAll(CAPTION_LIKE)) element.classList.add(CAPTION_CLASS);
  }
  const title = (article?.title || pageTitle).trim() || undefined;
  const { text, captions } = blockText(root);
  return { text, title, language: article?.lang || language, captions };
}

/**
 * The text of an element, a paragraph per block element, whitespace inside one collapsed, and
 * the ranges of that text that are captions (see markup.js's Blocks).
 */
export function blockText(root) {
  const blocks = new Blocks();
  let line = "";
  let captions = 0;
  const flush = () => {
    blocks.add(line, captions > 0);
    line = "";
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        line += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toLowerCase();
        if (UNREAD.has(tag)) continue;
        if (tag === "br") {
          flush();
          continue;
        }
        const block = BLOCKS.has(tag);
        const caption = CAPTIONS.has(tag) || child.classList.contains(CAPTION_CLASS);
        if (block) flush();
        captions += caption;
        walk(child);
        if (block) flush();
        captions -= caption;
      }
    }
  };
  walk(root);
  flush();
  return { text: blocks.text(), captions: blocks.captions };
}
