// What the extension runs in the tab being read, injected by background.js only when the reader
// asks (never on every page). It runs in the extension's isolated world, so the page's scripts
// cannot see it and a page whose policy forbids inline script does not stop it.
//
// Reading: the selection when the reader has selected text, else the page's main article, found
// by the page's own reader (www/extract.js: Readability and caption marking) on a clone of the
// live document, which it rewrites. Highlighting: the CSS Custom Highlight API, ranges over the
// page's text nodes, so nothing of the page changes, not a node, not an attribute.

import { documentText } from "../www/extract.js";

const SUMMARY = "gisty-summary";
const CURRENT = "gisty-current";
/** Text that is never shown as text: a sentence is not looked for in it. */
const UNSHOWN = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA"]);

globalThis.gistyReader ??= (() => {
  /** The ranges of the summary's sentences, in its order (null: not found on the page). */
  let ranges = [];
  let styled = false;

  /**
   * The page's text without its white space (the article's text collapses and breaks it where the
   * page's markup does not), and for each of its characters the text node and offset it is at.
   */
  function pageText() {
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        UNSHOWN.has(node.parentElement?.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const chars = [];
    const nodes = [];
    const offsets = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      for (let i = 0; i < data.length; i += 1) {
        if (/\s/.test(data[i])) continue;
        chars.push(data[i]);
        nodes.push(node);
        offsets.push(i);
      }
    }
    return { text: chars.join(""), nodes, offsets };
  }

  /** The Range over `sentence` in `page`, looked for from `from` on first, or null. */
  function find(page, sentence, from) {
    const needle = sentence.replace(/\s+/g, "");
    if (!needle) return null;
    let at = page.text.indexOf(needle, from);
    if (at < 0) at = page.text.indexOf(needle);
    if (at < 0) return null;
    const last = at + needle.length - 1;
    const range = new Range();
    range.setStart(page.nodes[at], page.offsets[at]);
    range.setEnd(page.nodes[last], page.offsets[last] + 1);
    return { range, end: last + 1 };
  }

  return {
    /** { source, text, title, language, captions, url }: what the panel summarizes. */
    async read() {
      const language = document.documentElement.lang || undefined;
      const selected = getSelection()?.toString().replace(/\r\n?/g, "\n").trim();
      const page = { title: document.title.trim() || location.href, url: location.href };
      if (selected) return { source: "selection", text: selected, language, captions: [], ...page };
      const article = await documentText(document.cloneNode(true), () => document.cloneNode(true));
      return { source: "article", ...article, ...page, title: article.title ?? page.title };
    },

    /**
     * Highlights `sentences` (the summary's, in document order) where they stand on the page;
     * returns the text each highlight covers, null for a sentence not found.
     */
    highlight(sentences) {
      const page = pageText();
      let from = 0;
      ranges = sentences.map((s) => {
        const found = find(page, s, from);
        if (!found) return null;
        from = found.end;
        return found.range;
      });
      CSS.highlights.set(SUMMARY, new Highlight(...ranges.filter(Boolean)));
      CSS.highlights.delete(CURRENT);
      return ranges.map((r) => (r ? r.toString() : null));
    },

    /** Scrolls the page to the summary's sentence `index` and marks it; false if it is not there. */
    scrollTo(index) {
      const range = ranges[index];
      if (!range) return false;
      CSS.highlights.set(CURRENT, new Highlight(range));
      const element = range.startContainer.parentElement;
      element?.scrollIntoView({ block: "center", behavior: "smooth" });
      return true;
    },

    clear() {
      ranges = [];
      CSS.highlights.delete(SUMMARY);
      CSS.highlights.delete(CURRENT);
      return true;
    },

    /** Whether background.js has added the highlights' style sheet to this page. */
    styled: () => styled,
    markStyled: () => {
      styled = true;
      return true;
    },
  };
})();
