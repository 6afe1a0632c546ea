// Markup to plain text without a DOM, in the summarizer's worker: Markdown, and HTML too large to
// parse on the page's main thread (extract.js parses the rest there, with Readability).
//
// Run in the worker, a slow file never freezes the page, and one made to be slow (the patterns
// here are bounded, but markup can be built against any parser) meets the engine's time limit.
// Everything is read in one pass or in passes whose cost grows with the text, not its square.

/**
 * Markdown to plain text: headings, lists and quotes lose their markers (each stays on its own
 * line), links keep their text, images, code blocks, HTML and reference definitions go.
 */
export function stripMarkdown(source) {
  let text = source
    .replace(/\r\n?/g, "\n")
    .replace(/^\uFEFF?---\n[\s\S]*?\n(?:---|\.\.\.)\n/, ""); // YAML front matter
  // HTML comments (the -{2}: see inert() in scripts/bundle-page.mjs), scripts and styles.
  text = cut(text, /<!-{2}/g, () => /-->/g);
  text = cut(text, /<(script|style)\b/gi, (m) => new RegExp(`</${m[1]}\\s*>`, "gi"));
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
    // Character classes rather than a repeated group, which backtracks a step per mark and runs
    // out of stack on a long line of them.
    if (/^ {0,3}(?:-[- ]*|\*[* ]*|_[_ ]*)$/.test(raw) && raw.replaceAll(" ", "").length >= 3) {
      out.push(""); // a thematic break
      continue;
    }
    if (/^ {0,3}(?:=+|-+) *$/.test(raw)) continue; // a setext heading's underline
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(raw)) continue; // [id]: https://... or a footnote text
    if (raw.includes("|") && isTableRule(raw)) continue;
    let line = heading(raw.replace(/^(?: {0,3}>\s?)+/, "")).replace(
      /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/,
      "",
    );
    if (line.includes("|") && /^\s*\|.*\|\s*$/.test(line)) {
      line = line.trim().slice(1, -1).split("|").map((cell) => cell.trim()).join(" · ");
    }
    out.push(stripInline(line));
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A table's header rule: cells of three hyphens or more, each maybe with colons, between pipes. */
function isTableRule(line) {
  if (!/^[\s|:-]+$/.test(line)) return false;
  const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
  return cells.every((cell) => /^\s*:?-{3,}:?\s*$/.test(cell));
}

/**
 * An ATX heading's text ("## Title ##" gives "Title"); any other line as it is. Read by hand: a
 * pattern for the closing hashes retries its run of spaces at every space of a long line.
 */
function heading(line) {
  const marker = /^ {0,3}#{1,6}(?=\s|$)/.exec(line);
  if (!marker) return line;
  const text = line.slice(marker[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end -= 1;
  return end === 0 || /\s/.test(text[end - 1]) ? text.slice(0, end).trimEnd() : text;
}

/**
 * `text` without the spans that start where `open` matches and end after the match of
 * `close(match)` (a global pattern), in one pass. An unclosed span that starts a line is an HTML
 * block, as CommonMark reads it, and runs to the end: a script never closed is still no prose.
 * One inside a line is left in place ("a `<script>` tag"); nothing after it can close a span.
 */
function cut(text, open, close) {
  const parts = [];
  let at = 0;
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const end = close(m);
    end.lastIndex = open.lastIndex;
    if (!end.exec(text)) {
      if (/(?:^|\n) {0,3}$/.test(text.slice(Math.max(0, m.index - 4), m.index))) {
        parts.push(text.slice(at, m.index));
        at = text.length;
      }
      break;
    }
    parts.push(text.slice(at, m.index));
    at = open.lastIndex = end.lastIndex;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/**
 * Lines longer than this keep their inline markup: no prose has paragraphs this long, and a line
 * of openers without closers would cost each pattern its bound at every opener.
 */
const INLINE_LINE = 20_000;

// The inline patterns bound how far each looks (a link's text or address, an emphasis, a tag: at
// most 500 characters), and none looks past the next opener of its kind, so that a line full of
// openers with no closer is read in time proportional to its length, not 500 times that.
function stripInline(line) {
  if (line.length > INLINE_LINE) return line;
  // Escaped characters are set aside first, so that \* is never read as emphasis.
  const escaped = [];
  let s = line.replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_, c) => {
    escaped.push(c);
    return `\uE000${escaped.length - 1}\uE001`;
  });
  if (s.includes("`")) s = s.replace(/(?<!`)`+([^`]+)`+/g, "$1");
  if (s.includes("]")) {
    s = s
      .replace(/!\[[^[\]]{0,500}\](?:\([^()[\]]{0,500}\)|\[[^[\]]{0,500}\])/g, "")
      .replace(/\[\^[^[\]]{1,500}\]/g, "")
      .replace(/\[([^[\]]{1,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,500}(?:\s+["'(][^()[\]]{0,500})?\)/g, "$1")
      .replace(/\[([^[\]]{1,500})\]\[[^[\]]{0,500}\]/g, "$1");
  }
  if (s.includes(">")) {
    s = s.replace(/<((?:https?|mailto):[^<>\s]{1,500})>/g, "$1").replace(/<\/?[a-zA-Z][^<>]{0,500}>/g, "");
  }
  if (s.includes("**")) s = s.replace(/\*\*(?=\S)((?:[^*]|\*(?!\*)){0,500}?\S)\*\*/g, "$1");
  if (s.includes("__")) s = s.replace(/__(?=\S)((?:[^_]|_(?!_)){0,500}?\S)__/g, "$1");
  if (s.includes("~~")) s = s.replace(/~~(?=\S)((?:[^~]|~(?!~)){0,500}?\S)~~/g, "$1");
  s = s
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2");
  return s.replace(/\uE000(\d+)\uE001/g, (_, i) => escaped[Number(i)]);
}

/** Elements that make a paragraph of their own (by lower-case name; the page's DOM reader too). */
export const BLOCKS = new Set(
  (
    "address article aside blockquote caption dd details div dl dt figcaption figure footer form " +
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul br"
  ).split(" "),
);
/** Elements whose content is not text to read: raw text up to their end tag. */
const RAW = new Set(
  "script style textarea title iframe noscript noembed noframes xmp template".split(" "),
);
/** Elements whose content is skipped: not prose, or page furniture rather than the article. */
const SKIPPED = new Set(
  "head svg math object canvas button select nav header footer aside form video audio".split(" "),
);
/** "<!" and two hyphens (the single-file build escapes the "<" again where minifying joins them). */
const COMMENT = "<!\u002d-";
const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));

/**
 * A large HTML page as { text, title, language }, read without a DOM: the text of its body, a
 * paragraph per block element, without scripts, styles, navigation, headers, footers and forms.
 * (Smaller pages get Readability's article extraction, on the page: see extract.js.)
 */
export function htmlToPlainText(html) {
  const blocks = new Blocks();
  const line = []; // the block's runs of text, joined once (a string grown by "+=" is slower)
  // How many <figcaption> and <caption> elements are open: text inside one is a caption.
  let captions = 0;
  const flush = () => {
    blocks.add(line.join(""), captions > 0);
    line.length = 0;
  };
  let title;
  let language;
  const skipping = [];
  // How many of each element `skipping` holds: an end tag of one it does not hold is told at once,
  // not by a search of the stack (a page of a million open <nav>s and as many stray end tags).
  const skipped = new Map();
  const skip = (name) => {
    skipping.push(name);
    skipped.set(name, (skipped.get(name) ?? 0) + 1);
  };
  const unskip = (depth) => {
    for (const name of skipping.splice(depth)) skipped.set(name, skipped.get(name) - 1);
  };
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    const end = lt < 0 ? html.length : lt;
    // Each run of text is decoded alone: "&am<b></b>p;" is not an ampersand.
    if (end > at && skipping.length === 0) line.push(decodeEntities(html.slice(at, end)));
    if (lt < 0) break;
    if (html.startsWith(COMMENT, lt)) {
      const close = html.indexOf("-->", lt + 4);
      if (close < 0) break; // a comment to the end
      at = close + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag) {
      // A doctype, a processing instruction, a CDATA section (a comment, outside SVG and MathML)
      // or a "<" that starts no tag ("a < b").
      if (html[lt + 1] === "!" || html[lt + 1] === "?") {
        const gt = html.indexOf(">", lt + 2);
        if (gt < 0) break;
        at = gt + 1;
      } else {
        if (skipping.length === 0) line.push("<");
        at = lt + 1;
      }
      continue;
    }
    const gt = tagEnd(html, lt + tag[0].length);
    if (gt < 0) break; // a tag cut off by the end of the file, which a browser drops too
    const name = tag[2].toLowerCase();
    at = gt + 1;
    if (tag[1]) {
      if (skipped.get(name)) unskip(skipping.lastIndexOf(name));
      else if (BLOCKS.has(name) && skipping.length === 0) {
        flush();
        if (CAPTIONS.has(name) && captions > 0) captions -= 1;
      }
      continue;
    }
    if (name === "body") unskip(0); // a <head> whose end tag was left out ends here
    if (name === "html") {
      language ??= /\slang\s*=\s*["']?([\w-]{1,35})/i.exec(html.slice(lt, Math.min(gt, lt + 2000)))?.[1];
    }
    if (RAW.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, "gi");
      close.lastIndex = at;
      const found = close.exec(html);
      if (!found) break; // raw text to the end
      // The document's title, not an SVG drawing's (nor one in anything else skipped but <head>).
      if (name === "title" && title === undefined && skipping.every((n) => n === "head")) {
        title = decodeEntities(html.slice(at, found.index)).replace(/\s+/g, " ").trim() || undefined;
      }
      const after = html.indexOf(">", found.index);
      at = after < 0 ? html.length : after + 1;
      continue;
    }
    if (VOID.has(name) || html[gt - 1] === "/") {
      if (BLOCKS.has(name) && skipping.length === 0) flush();
      continue;
    }
    if (SKIPPED.has(name)) {
      if (skipping.length === 0) flush();
      skip(name);
    } else if (BLOCKS.has(name) && skipping.length === 0) {
      flush();
      if (CAPTIONS.has(name)) captions += 1;
    }
  }
  flush();
  return { text: blocks.text(), title, language, captions: blocks.captions };
}

/** Elements whose text is a caption: shown with the article, never chosen for its summary. */
export const CAPTIONS = new Set(["figcaption", "caption"]);

/**
 * The paragraphs of a page's text, joined by blank lines, and where its captions are in that
 * text: `captions` lists [start, end) ranges in UTF-16 units, in order, for the core to mark.
 */
export class Blocks {
  #parts = [];
  #length = 0;
  captions = [];

  /** Adds one block's text, its white space collapsed; `caption` marks it as a caption. */
  add(raw, caption = false) {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!text) return;
    if (this.#parts.length > 0) this.#length += 2; // the "\n\n" before it
    if (caption) this.captions.push([this.#length, this.#length + text.length]);
    this.#parts.push(text);
    this.#length += text.length;
  }

  text() {
    return this.#parts.join("\n\n");
  }
}

/** A start or end tag's "<", "/" and name, matched where it stands (sticky). */
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)/y;

/**
 * Where the tag whose attributes start at `from` ends: the index of its ">", past any inside a
 * quoted attribute value (title="a > b"); -1 if the file ends first.
 */
function tagEnd(html, from) {
  let value = false; // after an "=", where a quote opens a quoted value
  for (let i = from; i < html.length; i += 1) {
    const c = html[i];
    if (c === ">") return i;
    if (value && (c === '"' || c === "'")) {
      i = html.indexOf(c, i + 1);
      if (i < 0) return -1;
      value = false;
    } else if (c === "=") {
      value = true;
    } else if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r" && c !== "\f") {
      value = false;
    }
  }
  return -1;
}

/** Named character references common in prose; others stay as they are written. */
const NAMED = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“",
  rdquo: "”", bdquo: "„", laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›", bull: "•",
  middot: "·", copy: "©", reg: "®", trade: "™", deg: "°", euro: "€", pound: "£", yen: "¥",
  cent: "¢", sect: "§", para: "¶", times: "×", divide: "÷", plusmn: "±", frac12: "½",
  frac14: "¼", frac34: "¾", prime: "′", Prime: "″", dagger: "†", Dagger: "‡", thinsp: "\u2009",
  ensp: "\u2002", emsp: "\u2003", zwnj: "\u200c", zwj: "\u200d", iexcl: "¡", iquest: "¿",
  agrave: "à", aacute: "á", acirc: "â", atilde: "ã", auml: "ä", aring: "å", aelig: "æ",
  ccedil: "ç", egrave: "è", eacute: "é", ecirc: "ê", euml: "ë", igrave: "ì", iacute: "í",
  icirc: "î", iuml: "ï", ntilde: "ñ", ograve: "ò", oacute: "ó", ocirc: "ô", otilde: "õ",
  ouml: "ö", oslash: "ø", ugrave: "ù", uacute: "ú", ucirc: "û", uuml: "ü", yacute: "ý",
  yuml: "ÿ", szlig: "ß", Agrave: "À", Aacute: "Á", Acirc: "Â", Auml: "Ä", Ccedil: "Ç",
  Egrave: "È", Eacute: "É", Ecirc: "Ê", Iacute: "Í", Ntilde: "Ñ", Oacute: "Ó", Ouml: "Ö",
  Uacute: "Ú", Uuml: "Ü", oelig: "œ", OElig: "Œ", scaron: "š", Scaron: "Š",
};

const REFERENCE = /&(?:#(\d+)|#[xX]([\da-fA-F]+)|([a-zA-Z][a-zA-Z\d]{1,31}));/g;

/**
 * What &#128; to &#159; stand for: windows-1252's characters, as browsers read them (old pages
 * write &#150; for a dash and &#146; for an apostrophe), where the code is a C1 control otherwise.
 */
const WINDOWS_1252 =
  "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeEntities(text) {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (all, dec, hex, name) => {
    if (name) return Object.hasOwn(NAMED, name) ? NAMED[name] : all;
    // However many digits: Number and parseInt give a number past 0x10FFFF (or Infinity) for them.
    const code = dec ? Number(dec) : parseInt(hex, 16);
    if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80];
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : "\ufffd";
  });
}
