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
  // HTML comments (the -{2}: see inert() in scripts/single-file.mjs), scripts and styles.
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
    if (/^ {0,3}([-*_])(?: *\1){2,} *$/.test(raw)) {
      out.push(""); // a thematic break
      continue;
    }
    if (/^ {0,3}(?:=+|-+) *$/.test(raw)) continue; // a setext heading's underline
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(raw)) continue; // [id]: https://... or a footnote text
    if (raw.includes("|") && /^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$/.test(raw)) {
      continue; // a table's header rule
    }
    let line = raw
      .replace(/^(?: {0,3}>\s?)+/, "")
      .replace(/^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/, "$1")
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, "");
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

/**
 * `text` without the spans that start where `open` matches and end after the match of
 * `close(match)` (a global pattern), in one pass. An unclosed span is left in place: nothing after
 * it can close a span either.
 */
function cut(text, open, close) {
  const parts = [];
  let at = 0;
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const end = close(m);
    end.lastIndex = open.lastIndex;
    if (!end.exec(text)) break;
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
// most 500 characters), and run only on lines with their closing mark, so that a line full of
// openers with no closer is read in time proportional to its length.
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
      .replace(/!\[[^\]]{0,500}\](?:\([^)]{0,500}\)|\[[^\]]{0,500}\])/g, "")
      .replace(/\[\^[^\]]{1,500}\]/g, "")
      .replace(/\[([^\]]{1,500})\]\((?:[^()\s]|\([^)]{0,500}\)){0,500}(?:\s+["'(][^)]{0,500})?\)/g, "$1")
      .replace(/\[([^\]]{1,500})\]\[[^\]]{0,500}\]/g, "$1");
  }
  if (s.includes(">")) {
    s = s.replace(/<((?:https?|mailto):[^>\s]{1,500})>/g, "$1").replace(/<\/?[a-zA-Z][^>]{0,500}>/g, "");
  }
  if (s.includes("**") || s.includes("__")) s = s.replace(/(\*\*|__)(?=\S)([\s\S]{0,500}?\S)\1/g, "$2");
  if (s.includes("~~")) s = s.replace(/~~(?=\S)([\s\S]{0,500}?\S)~~/g, "$1");
  s = s
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2");
  return s.replace(/\uE000(\d+)\uE001/g, (_, i) => escaped[Number(i)]);
}

/** Elements that make a paragraph of their own. */
const BLOCKS = new Set(
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
/** "<!" and two hyphens, written so that the single-file build can inline this in a <script>. */
const COMMENT = "<!\u002d-";
const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));

/**
 * A large HTML page as { text, title, language }, read without a DOM: the text of its body, a
 * paragraph per block element, without scripts, styles, navigation, headers, footers and forms.
 * (Smaller pages get Readability's article extraction, on the page: see extract.js.)
 */
export function htmlToPlainText(html) {
  const blocks = [];
  let line = "";
  const flush = () => {
    const text = decodeEntities(line).replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
    line = "";
  };
  let title;
  let language;
  const skipping = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    const end = lt < 0 ? html.length : lt;
    if (end > at && skipping.length === 0) line += html.slice(at, end);
    if (lt < 0) break;
    if (html.startsWith(COMMENT, lt)) {
      const close = html.indexOf("-->", lt + 4);
      if (close < 0) break; // a comment to the end
      at = close + 3;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt < 0) {
      if (skipping.length === 0) line += html.slice(lt);
      break;
    }
    const tag = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 100)));
    if (!tag) {
      // A doctype, a processing instruction, or a "<" that starts no tag ("a < b").
      if (html[lt + 1] === "!" || html[lt + 1] === "?") {
        at = gt + 1;
      } else {
        if (skipping.length === 0) line += "<";
        at = lt + 1;
      }
      continue;
    }
    const name = tag[2].toLowerCase();
    at = gt + 1;
    if (tag[1]) {
      const open = skipping.lastIndexOf(name);
      if (open >= 0) skipping.length = open;
      else if (BLOCKS.has(name) && skipping.length === 0) flush();
      continue;
    }
    if (name === "body") skipping.length = 0; // a <head> whose end tag was left out ends here
    if (name === "html") {
      language ??= /\slang\s*=\s*["']?([\w-]{1,35})/i.exec(html.slice(lt, Math.min(gt, lt + 2000)))?.[1];
    }
    if (RAW.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, "gi");
      close.lastIndex = at;
      const found = close.exec(html);
      if (!found) break; // raw text to the end
      if (name === "title" && title === undefined) {
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
      skipping.push(name);
    } else if (BLOCKS.has(name) && skipping.length === 0) {
      flush();
    }
  }
  flush();
  return { text: blocks.join("\n\n"), title, language };
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

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z][a-zA-Z\d]{1,31}));/g;

function decodeEntities(text) {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (all, dec, hex, name) => {
    if (name) return Object.hasOwn(NAMED, name) ? NAMED[name] : all;
    const code = dec ? Number(dec) : parseInt(hex, 16);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : "\ufffd";
  });
}
