// A PDF's text through Mozilla's PDF.js (pdfjs-dist, bundled from its npm package; its worker is
// the file pdf.worker.min.mjs beside the page, copied by scripts/bundle-page.mjs). This module is
// a chunk of its own, loaded when the first PDF arrives.
//
// PDF.js gives positioned runs of text. The page's text is rebuilt from them: runs on one
// baseline make a line; lines in the top and bottom bands of the page that repeat on other pages
// (running headers and footers, digits aside) and lines that are only a page number are dropped;
// a wider gap than the lines' usual spacing, or a line that stops short after a full stop, ends
// a paragraph; a word hyphenated at a line's end is joined again.

import { getDocument, GlobalWorkerOptions, PDFWorker } from "pdfjs-dist";
import { ExtractError } from "./extract.js";

GlobalWorkerOptions.workerSrc = new URL("pdf.worker.min.mjs", self.location.href).href;

/** PDF.js's worker, started by the first PDF and kept for the next (its file is loaded once). */
let worker = null;

/** The share of the page's height at its top and at its bottom where headers and footers live. */
const BAND = 0.1;

/**
 * The text of the PDF `bytes` as { text }, within `limit` ms; an ExtractError for a PDF that is
 * encrypted, damaged, without a text layer or too slow to read.
 */
export async function pdfToText(bytes, limit) {
  worker ??= new PDFWorker();
  const task = getDocument({
    data: bytes,
    worker,
    // Nothing is fetched: no fonts, no character maps, no scripting, no eval.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new ExtractError(`Reading this PDF took longer than ${limit / 1000} s; it was stopped.`)),
      limit,
    );
  });
  try {
    return await Promise.race([read(task), timeout]);
  } catch (e) {
    throw explain(e);
  } finally {
    clearTimeout(timer);
    task.destroy();
  }
}

function explain(e) {
  if (e instanceof ExtractError) return e;
  if (e?.name === "PasswordException") {
    return new ExtractError("This PDF is encrypted (password-protected); gisty cannot read it.");
  }
  if (e?.name === "InvalidPDFException" || e?.name === "FormatError") {
    return new ExtractError(`This PDF is damaged or incomplete (${e.message}).`);
  }
  return new ExtractError(`This PDF could not be read (${e?.message ?? e}).`);
}

async function read(task) {
  const doc = await task.promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const [, , , height] = page.view;
    const content = await page.getTextContent();
    pages.push({ height, lines: lines(content.items) });
    page.cleanup();
  }
  if (!pages.some((p) => p.lines.some((l) => l.text.trim()))) {
    throw new ExtractError("This PDF has no text layer (a scan?): gisty reads a PDF's text, not its pictures.");
  }
  return { text: paragraphs(dropFurniture(pages)) };
}

/** Runs on one baseline (within a third of their height), in the order PDF.js gives them. */
function lines(items) {
  const out = [];
  let line = null;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const [, , , scale, x, y] = item.transform;
    const size = Math.abs(scale) || item.height || 10;
    const sameLine = line && Math.abs(line.y - y) < size / 3 && x >= line.right - size;
    if (!sameLine) {
      if (line) out.push(line);
      line = { x, y, size, right: x, text: "" };
    }
    // A gap between runs wider than a fifth of the size is a space PDF.js did not write.
    if (line.text && x - line.right > size / 5 && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += " ";
    line.text += item.str;
    line.right = x + (item.width ?? 0);
    if (item.hasEOL) {
      out.push(line);
      line = null;
    }
  }
  if (line) out.push(line);
  return out.filter((l) => l.text.trim());
}

const PAGE_NUMBER = /^\s*(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?\s*(?:(?:of|\/)\s*\d{1,4})?\s*$/i;

/** The lines of every page without its running headers, footers and page numbers. */
function dropFurniture(pages) {
  const key = (l) => l.text.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();
  const inBand = (l, height) => l.y > height * (1 - BAND) || l.y < height * BAND;
  const seen = new Map();
  for (const { height, lines: ls } of pages) {
    for (const k of new Set(ls.filter((l) => inBand(l, height)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeats = (k) => pages.length > 1 && (seen.get(k) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map(({ height, lines: ls }) =>
    ls.filter((l) => !(inBand(l, height) && (PAGE_NUMBER.test(l.text) || repeats(key(l))))),
  );
}

/** Lines into paragraphs, a blank line between them, hyphenation at line ends undone. */
function paragraphs(pages) {
  const all = pages.flatMap((ls, page) => ls.map((l) => ({ ...l, page })));
  // The usual spacing of lines: the most common gap between neighbours going down a column.
  const gaps = new Map();
  for (let i = 1; i < all.length; i += 1) {
    const gap = Math.round(all[i - 1].y - all[i].y);
    if (all[i].page === all[i - 1].page && gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  const leading = [...gaps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 12;
  // A column's width: the longest lines' extent.
  const widths = all.map((l) => l.right - l.x).sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.9)] ?? 0;
  const out = [];
  let text = "";
  all.forEach((l, i) => {
    const prev = all[i - 1];
    let breaks = false;
    if (prev) {
      const gap = prev.y - l.y;
      const down = prev.page === l.page && gap > 0;
      const short = prev.right - prev.x < full * 0.8 && /[.!?:"”’)]$/.test(prev.text.trim());
      breaks = (down && gap > leading * 1.35) || short;
    }
    if (breaks && text) {
      out.push(text);
      text = "";
    }
    const line = l.text.replace(/\s+/g, " ").trim();
    if (!text) text = line;
    else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else text += ` ${line}`;
  });
  if (text) out.push(text);
  return out.join("\n\n");
}
