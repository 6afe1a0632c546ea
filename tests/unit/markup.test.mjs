// www/markup.js, the worker's markup reader: Markdown and large HTML to plain text, exactly, and
// hostile markup (floods, deep nesting, unclosed constructs) read in one pass with the same text.
// Run by scripts/test-js.sh: `node --test tests/unit/`.

import { test } from "node:test";
import assert from "node:assert/strict";

import { htmlToPlainText, stripMarkdown } from "../../www/markup.js";

const MB = 1024 * 1024;
const text = (html) => htmlToPlainText(html).text;

/**
 * assert.equal for strings of megabytes: the same full-string comparison, with a message that
 * says where they part instead of printing both.
 */
function same(actual, expected, what = "text") {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at += 1;
  const near = (s) => JSON.stringify(s.slice(Math.max(0, at - 20), at + 40));
  assert.fail(
    `${what}: ${actual.length} characters, expected ${expected.length}; they differ at ${at}: ` +
      `${near(actual)}, expected ${near(expected)}`,
  );
}

test("Markdown: empty, blank and whitespace-only input give empty text", () => {
  assert.equal(stripMarkdown(""), "");
  assert.equal(stripMarkdown(" \t\n\r\n  \n"), "");
  assert.equal(stripMarkdown("\uFEFF"), "\uFEFF".trim());
});

test("Markdown: block markers go, each block keeps its own line", () => {
  const source = [
    "---",
    "title: Front matter",
    "---",
    "# A title #",
    "",
    "Setext heading",
    "==============",
    "",
    "A paragraph with *emphasis*, **strong**, _under_, __double__ and ~~struck~~ words.",
    "",
    "- one",
    "* two",
    "+ three",
    "1. four",
    "2) five",
    "- [x] done",
    "",
    "> quoted",
    "> > twice",
    "",
    "***",
    "",
    "| a | b |",
    "|---|:---:|",
    "| c | d |",
    "",
    "[id]: https://example.org/",
    "[^1]: A footnote's text.",
  ].join("\n");
  assert.equal(
    stripMarkdown(source),
    [
      "A title",
      "",
      "Setext heading",
      "",
      "A paragraph with emphasis, strong, under, double and struck words.",
      "",
      "one",
      "two",
      "three",
      "four",
      "five",
      "done",
      "",
      "quoted",
      "twice",
      "",
      "a · b",
      "c · d",
    ].join("\n"),
  );
});

test("Markdown: links keep their text; images, footnote marks and code blocks go", () => {
  assert.equal(
    stripMarkdown(
      'See [the docs](https://example.org/a_(b) "Title"), [a ref][id], ![a chart](c.png "t")' +
        " here[^1], <https://example.org/x> and `inline code`.\n\n```js\nlet x = 1;\n```\n~~~\nmore\n~~~\nAfter.",
    ),
    "See the docs, a ref,  here, https://example.org/x and inline code.\n\nAfter.",
  );
});

test("Markdown: code spans keep their text, a lone backtick stays", () => {
  assert.equal(stripMarkdown("`a `b `c"), "a b `c");
});

test("Markdown: escapes are kept as the characters they escape", () => {
  assert.equal(stripMarkdown("\\*not em\\* and \\[not a link\\](x) and 2 \\* 3"), "*not em* and [not a link](x) and 2 * 3");
});

test("Markdown: headings need a space after the hashes; closing hashes need one before", () => {
  assert.equal(stripMarkdown("#hashtag"), "#hashtag");
  assert.equal(stripMarkdown("## Title##"), "Title##");
  assert.equal(stripMarkdown("### Title ###   "), "Title");
  assert.equal(stripMarkdown("# #"), "");
  assert.equal(stripMarkdown("####### seven"), "####### seven");
});

test("Markdown: CRLF, CR and LF line endings read alike", () => {
  const lf = "# Title\n\nOne line.\nTwo *lines*.\n\n- item";
  const expected = "Title\n\nOne line.\nTwo lines.\n\nitem";
  assert.equal(stripMarkdown(lf), expected);
  assert.equal(stripMarkdown(lf.replaceAll("\n", "\r\n")), expected);
  assert.equal(stripMarkdown(lf.replaceAll("\n", "\r")), expected);
  assert.equal(stripMarkdown("# Title\r\n\rOne line.\nTwo *lines*.\r\n\r\n- item"), expected);
});

test("Markdown: scripts, styles and comments never reach the text, closed or not", () => {
  assert.equal(
    stripMarkdown("Before.\n<script>alert('x')</script>\n<style>p { color: red }</style>\n<!-- a note -->\nAfter."),
    "Before.\n\nAfter.",
  );
  assert.equal(stripMarkdown("A<script>\nsteal()\n</script  >B"), "AB");
  assert.equal(stripMarkdown("Before.\n\n<script>\nsteal();\nmore();"), "Before.");
  assert.equal(stripMarkdown("Before.\n\n   <STYLE>\nbody { }"), "Before.");
  assert.equal(stripMarkdown("Before.\n\n<!-- never closed\nhidden"), "Before.");
  // Inside a line, an unclosed tag is prose that names one, not a block.
  assert.equal(stripMarkdown("Put a <script> tag in the head.\nNext."), "Put a  tag in the head.\nNext.");
});

test("Markdown: Unicode passes through: emoji, combining marks, right-to-left text", () => {
  const source = "# Café 👩‍👩‍👧 e\u0301\n\nשלום *עולם* and مرحبا **بالعالم** 🇫🇷.";
  assert.equal(stripMarkdown(source), "Café 👩‍👩‍👧 e\u0301\n\nשלום עולם and مرحبا بالعالم 🇫🇷.");
});

test("Markdown: a megabyte of entities is left as written (Markdown text is not decoded)", () => {
  const flood = "&amp;".repeat(MB / 5);
  same(stripMarkdown(flood), flood);
});

test("Markdown: 10 MB of nested list items, one per line", () => {
  const lines = [];
  for (let i = 0; lines.length * 16 < 10 * MB; i += 1) lines.push(`${" ".repeat(i % 12)}- item ${i % 10}`);
  const expected = lines.map((_, i) => `item ${i % 10}`).join("\n");
  same(stripMarkdown(lines.join("\n")), expected);
});

test("Markdown: 10 MB lines of markers (thematic, list, quote, heading, table) in one pass", () => {
  const dashes = "- ".repeat(5 * MB);
  same(stripMarkdown(`${dashes}x`), `${"- ".repeat(5 * MB - 1)}x`);
  same(stripMarkdown(dashes), ""); // a thematic break, however long
  same(stripMarkdown(`${"> ".repeat(5 * MB)}x`), "x");
  same(stripMarkdown(`# a${" ".repeat(10 * MB)}b`), `a${" ".repeat(10 * MB)}b`);
  same(stripMarkdown(`|${"---|".repeat(MB)}`), "");
  // Not a rule (the x), nor a row (no closing pipe), and too long for its inline markup.
  same(stripMarkdown(`|${"---|".repeat(MB)}x`), `|${"---|".repeat(MB)}x`);
});

test("Markdown: 10 MB of inline openers without closers, in 20,000-character lines", () => {
  for (const opener of ["[a](", "![a](", "[a][", "[^a", "**a ", "__a ", "~~a ", "<a ", "<http:a ", "*a ", "_a "]) {
    const line = opener.repeat(Math.floor(19_000 / opener.length));
    const source = Array(Math.ceil((10 * MB) / line.length)).fill(line).join("\n");
    same(stripMarkdown(source), source.trim(), opener);
  }
});

test("Markdown: a line past 20,000 characters keeps its inline markup", () => {
  const long = `*a* ${"word ".repeat(5000)}`;
  same(stripMarkdown(long), long.trim());
  same(stripMarkdown("<ul><li>".repeat(MB)), "<ul><li>".repeat(MB));
});

test("HTML: empty and whitespace-only pages", () => {
  const none = { text: "", title: undefined, language: undefined, captions: [] };
  assert.deepEqual(htmlToPlainText(""), none);
  assert.deepEqual(htmlToPlainText(" \r\n\t "), none);
});

test("HTML: a paragraph per block, the title and language, furniture left out", () => {
  const page = [
    "<!DOCTYPE html>",
    '<html lang="en-GB"><head><title> A  &amp; B </title><meta charset="utf-8">',
    "<style>body { color: red }</style><script>var leak = 1;</script></head>",
    "<body><nav><a href=/>Home</a></nav><header>Site</header>",
    "<h1>Heading</h1><p>First <b>bold</b>\n  para.</p><div>Second<br>line</div>",
    "<ul><li>one<li>two</ul><aside>ad</aside><form><input value=x>form</form>",
    "<footer>foot</footer><p>Last.</body></html>",
  ].join("\n");
  assert.deepEqual(htmlToPlainText(page), {
    text: "Heading\n\nFirst bold para.\n\nSecond\n\nline\n\none\n\ntwo\n\nLast.",
    title: "A & B",
    language: "en-GB",
    captions: [],
  });
});

test("HTML: script, style and other raw text never reach the text", () => {
  assert.equal(
    text("<p>a<script>document.write('<p>leak</p>')</script>b<style>p::after{content:'leak'}</style>c</p>"),
    "abc",
  );
  assert.equal(text("<p>a<SCRIPT type=module>leak</SCRIPT >b<textarea><p>leak</textarea>c"), "abc");
  assert.equal(text("<p>a<script>'</script>'leak'</script>b"), "a'leak'b");
  assert.equal(text("<p>kept</p><script>never closed <p>leak</p>"), "kept");
  assert.equal(text("<p>kept</p><style>never closed"), "kept");
  assert.equal(text("<template><p>leak</p></template><noscript>leak</noscript>ok"), "ok");
});

test("HTML: comments, closed and unclosed, doctype, processing instructions and CDATA", () => {
  assert.equal(text("a<!-- <p>leak</p> -->b<!---->c"), "abc");
  assert.equal(text("kept<!-- never closed <p>leak"), "kept");
  assert.equal(text("<?xml version='1.0'?><!DOCTYPE html>text"), "text");
  // Outside SVG and MathML, CDATA is a bogus comment that ends at the first ">", as in browsers.
  assert.equal(text("<p><![CDATA[ x < y ]]>z</p>"), "z");
  assert.equal(text("<p><![CDATA[ a > b ]]>z</p>"), "b ]]>z");
});

test("HTML: a > inside a quoted attribute value does not end the tag", () => {
  assert.equal(text(`<p title="a > b">x</p><p data-x='1>2' class=c>y</p>`), "x\n\ny");
  assert.equal(text(`<img alt="x>y" src="z">after`), "after");
  assert.equal(text(`<a href="/x" title = "q>r">link</a>`), "link");
  // An unquoted value, or a quote that opens no value, is read as browsers read it.
  assert.equal(text(`<a b=c'd>e</a>`), "e");
  // A quote that never closes runs to the end, and the tag with it.
  assert.equal(text(`<p>kept</p><p title="never closed>leak`), "kept");
});

test("HTML: unclosed and stray tags", () => {
  assert.equal(text("<p>unclosed <b>bold <i>italic"), "unclosed bold italic");
  assert.equal(text("</p></div>stray</li> ends</b> here"), "stray\n\nends here");
  assert.equal(text("a < b and c<d"), "a < b and c"); // "<d" at the end is a tag cut off
  assert.equal(text("<p>cut off <b"), "cut off");
  assert.equal(text("<nav>menu</div>still menu</nav>text"), "text");
  assert.equal(text("<head><p>no body tag</p>"), "");
  assert.equal(text("<head><title>T</title><body><p>body</p>"), "body");
});

test("HTML: an SVG's title is not the document's", () => {
  assert.deepEqual(htmlToPlainText("<body><svg><title>icon</title></svg><p>x</p>"), {
    text: "x",
    title: undefined,
    language: undefined,
    captions: [],
  });
  assert.equal(htmlToPlainText("<head><title>Page</title></head><svg><title>icon</title></svg>").title, "Page");
});

test("HTML: character references, named, numeric, malformed and out of range", () => {
  assert.equal(text("&amp; &lt;p&gt; &quot;q&quot; &apos; &eacute; &mdash; &hellip;"), "& <p> \"q\" ' é — …");
  assert.equal(text("&#65;&#x42;&#X43; &#x1F600; &#0000065;"), "ABC 😀 A");
  assert.equal(text("[&#0;] [&#x110000;] [&#xD800;] [&#99999999999999999999;]"), "[\ufffd] [\ufffd] [\ufffd] [\ufffd]");
  assert.equal(text(`[&#x${"f".repeat(10_000)};]`), "[\ufffd]");
  assert.equal(text("&#150; &#146;s &#128; &#x9F;"), "– ’s € Ÿ");
  assert.equal(text("&amp &bogus; &AMP; &#; &#x; &#65 & amp; &amp;amp;"), "&amp &bogus; &AMP; &#; &#x; &#65 & amp; &amp;");
  // A reference is read within one run of text, never across a tag.
  assert.equal(text("&am<b></b>p;"), "&amp;");
  // Decoded text is text: "&lt;script&gt;" is prose about a script.
  assert.equal(text("&lt;script&gt;alert(1)&lt;/script&gt;"), "<script>alert(1)</script>");
  assert.equal(text("a&nbsp;&nbsp;b&thinsp;c"), "a b c");
});

test("HTML: a megabyte of &amp; decodes to a fifth of a megabyte of &", () => {
  same(text(`<p>${"&amp;".repeat(MB / 5)}</p>`), "&".repeat(MB / 5));
  same(text(`<p>${"&bogus;".repeat(MB / 7)}</p>`), "&bogus;".repeat(MB / 7));
});

test("HTML: CRLF, CR and mixed line endings are whitespace", () => {
  assert.equal(text("<p>one\r\ntwo\rthree\nfour</p>\r\n<p>five</p>"), "one two three four\n\nfive");
});

test("HTML: Unicode passes through", () => {
  assert.equal(
    text("<p dir=rtl>שלום עולם</p><p>e\u0301 👩‍👩‍👧 🇫🇷 مرحبا</p>"),
    "שלום עולם\n\ne\u0301 👩‍👩‍👧 🇫🇷 مرحبا",
  );
});

test("HTML: 10 MB of nested lists", () => {
  const n = Math.ceil((10 * MB) / 9);
  same(text("<ul><li>x".repeat(n)), Array(n).fill("x").join("\n\n"));
  same(text(`${"<ol><li><ul>".repeat(n / 2)}deep${"</ul></li></ol>".repeat(n / 2)}`), "deep");
});

test("HTML: 10 MB of hostile tags and brackets, read in one pass", () => {
  const n = (10 * MB) / 6;
  same(text(`${"x < y ".repeat(n)}>`), `${"x < y ".repeat(n)}>`.trim());
  same(text(`${"<nav>".repeat(MB)}${"</x>".repeat(MB)}after`), "");
  same(text(`${"<nav>".repeat(MB)}${"</nav>".repeat(MB)}after`), "after");
  same(text("<!--".repeat(MB)), "");
  same(text("<script>".repeat(MB)), "");
  same(text('<p title="'.repeat(MB)), "");
  same(text(`${"<!".repeat(MB)}>after`), "after");
  same(text(`${'<b title=">">'.repeat(MB)}after`), "after");
});

test("HTML: figure captions and table captions are marked, as UTF-16 ranges of the text", () => {
  const page = [
    "<p>Talks went on for hours.</p>",
    "<figure><img src=a.jpg><figcaption>Envoys in Miami on Sunday. <i>Photo: AP</i></figcaption></figure>",
    "<p>Both sides called them “productive” 🙂.</p>",
    "<table><caption>Casualties by year</caption><tr><td>2024</td></tr></table>",
    "<figure><figcaption><p>Two</p><p>paragraphs</p></figcaption></figure><p>End.</p>",
  ].join("");
  const got = htmlToPlainText(page);
  assert.equal(
    got.text,
    "Talks went on for hours.\n\nEnvoys in Miami on Sunday. Photo: AP\n\n" +
      "Both sides called them “productive” 🙂.\n\nCasualties by year\n\n2024\n\nTwo\n\nparagraphs\n\nEnd.",
  );
  const marked = got.captions.map(([a, b]) => got.text.slice(a, b));
  assert.deepEqual(marked, ["Envoys in Miami on Sunday. Photo: AP", "Casualties by year", "Two", "paragraphs"]);
  // An unclosed caption ends with its figure's text, and a stray end tag closes nothing.
  const open = htmlToPlainText("</figcaption><p>Prose.</p><figcaption>Cut off");
  assert.deepEqual(
    open.captions.map(([a, b]) => open.text.slice(a, b)),
    ["Cut off"],
  );
});
