// The Summarizer API (the shape of Chrome's built-in `Summarizer`, WICG Writing Assistance APIs)
// answered by gisty: the same calls work in every browser and in Node, with no model download.
//
// gisty is extractive: a summary is made of the text's own sentences, chosen by the wasm core.
// Types and lengths map to sentence budgets (see BUDGETS):
//
//   type        short  medium  long   what it is
//   key-points    3      5      7     the best sentences as a list ("- " bullets in markdown)
//   tldr          1      3      5     the best sentences as one paragraph (the lede counts)
//   teaser        1      3      5     the sentences most central to the body, ignoring the
//                                     lede prior: a taste of the text, not its opening
//   headline    12     17     22     words at most: the text's title when it fits, else the
//                                     best sentence that fits, else the best cut at a word + "…"
//
// `sharedContext` (create) and `context` (summarize) steer the choice toward their words: both,
// joined, are the core's `focus`, under which a sentence with none of their (content) words
// keeps a quarter of its score, so sentences about them come first whatever the type. A context
// of stop words only, or of words the text never uses, changes nothing. The text's own title is
// untouched: its heading, if any, still counts.
//
// In a browser the wasm is fetched from beside gisty.js on the first availability() or create();
// call gisty's `init(url)` first to load it from elsewhere. Under Node the npm package's "node"
// entry for this module (node-summarizer.js) has instantiated it already.

import init, * as gisty from "./gisty.js";

/** Sentences per type and length. */
export const BUDGETS = Object.freeze({
  "key-points": Object.freeze({ short: 3, medium: 5, long: 7 }),
  tldr: Object.freeze({ short: 1, medium: 3, long: 5 }),
  teaser: Object.freeze({ short: 1, medium: 3, long: 5 }),
  headline: Object.freeze({ short: 1, medium: 1, long: 1 }),
});

/** A headline's most words per length (the spec's guidance for headlines): the title when it
 * fits, else the best sentence that fits, else the best sentence cut at a word, ending "…". */
export const HEADLINE_WORDS = Object.freeze({ short: 12, medium: 17, long: 22 });

/** The most input, as measureInputUsage() counts it (UTF-8 bytes): the core's limit
 * (gisty::MAX_INPUT_BYTES, 50 MiB), above which it refuses a text. */
export const INPUT_QUOTA = 50 * 1024 * 1024;

const TYPES = Object.keys(BUDGETS);
const FORMATS = ["markdown", "plain-text"];
const LENGTHS = ["short", "medium", "long"];
const PREFERENCES = ["auto", "speed", "capability"];
// The languages this build of the core stems, as ISO 639-1 codes (gisty's Language::NAMES):
// English only in the page's build, all in the npm package. Read once the wasm is loaded.
const languages = () => gisty.languages();

let ready;

/** Instantiates the wasm once (init() does nothing when it is loaded already, as under Node). */
function load() {
  ready ??= init();
  return ready;
}

/** Reads one enum option the way WebIDL does: a TypeError naming the option and its values. */
function choice(options, name, allowed, fallback) {
  const value = options[name];
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    throw new TypeError(
      `Summarizer: ${name} must be one of ${allowed.map((v) => `"${v}"`).join(", ")}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** One BCP 47 tag, canonicalized ("EN-us" → "en-US"); a RangeError for an invalid one. */
function languageTag(value, name) {
  const tag = String(value);
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    throw new RangeError(`Summarizer: ${name} has an invalid language tag ${JSON.stringify(tag)}`);
  }
}

function languageList(options, name) {
  const value = options[name];
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value[Symbol.iterator] !== "function") {
    throw new TypeError(`Summarizer: ${name} must be an array of language tags, got ${JSON.stringify(value)}`);
  }
  return Object.freeze(Array.from(value, (tag) => languageTag(tag, name)));
}

/** "en-US" → "en"; null when gisty does not know the language. */
function baseLanguage(tag) {
  const code = tag.toLowerCase().split("-")[0];
  return languages().includes(code) ? code : null;
}

/** The create options checked and filled in: a TypeError for an invalid value, a RangeError
 * for an invalid language tag. */
function coreOptions(options) {
  options ??= {};
  if (typeof options !== "object") {
    throw new TypeError(`Summarizer: options must be an object, got ${JSON.stringify(options)}`);
  }
  return {
    type: choice(options, "type", TYPES, "key-points"),
    format: choice(options, "format", FORMATS, "markdown"),
    length: choice(options, "length", LENGTHS, "short"),
    preference: choice(options, "preference", PREFERENCES, "auto"),
    expectedInputLanguages: languageList(options, "expectedInputLanguages"),
    expectedContextLanguages: languageList(options, "expectedContextLanguages"),
    outputLanguage: options.outputLanguage == null ? null : languageTag(options.outputLanguage, "outputLanguage"),
  };
}

/** Whether every language named is one gisty knows (it cannot translate, so output = input). */
function supported(o) {
  const tags = [...(o.expectedInputLanguages ?? []), ...(o.expectedContextLanguages ?? [])];
  if (o.outputLanguage !== null) tags.push(o.outputLanguage);
  const input = o.expectedInputLanguages?.[0];
  if (o.outputLanguage !== null && input && baseLanguage(o.outputLanguage) !== baseLanguage(input)) {
    return false;
  }
  return tags.every((t) => baseLanguage(t) !== null);
}

const abortError = () => new DOMException("The operation was aborted.", "AbortError");

function throwIfAborted(signal) {
  if (signal?.aborted) throw signal.reason ?? abortError();
}

/** The input string; a TypeError when there is none (WebIDL's required argument). */
function inputText(args, what) {
  if (args.length === 0 || args[0] === undefined || args[0] === null) {
    throw new TypeError(`Summarizer: ${what}() needs the text to summarize, got ${args.length ? args[0] : "nothing"}`);
  }
  return String(args[0]);
}

/** UTF-8 bytes of a string, the unit of the core's input limit. */
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: 4 bytes for 2 units
      i++;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

function progressEvent(loaded) {
  if (typeof ProgressEvent === "function") {
    return new ProgressEvent("downloadprogress", { loaded, total: 1, lengthComputable: true });
  }
  const event = new Event("downloadprogress");
  Object.defineProperties(event, {
    loaded: { value: loaded },
    total: { value: 1 },
    lengthComputable: { value: true },
  });
  return event;
}

/** What create()'s `monitor` callback receives: downloadprogress events, through
 * addEventListener or its ondownloadprogress handler. */
class CreateMonitor extends EventTarget {
  #handler = null;
  get ondownloadprogress() {
    return this.#handler;
  }
  set ondownloadprogress(handler) {
    if (this.#handler) this.removeEventListener("downloadprogress", this.#handler);
    this.#handler = typeof handler === "function" ? handler : null;
    if (this.#handler) this.addEventListener("downloadprogress", this.#handler);
  }
}

/** Markdown markup, escaped so that a sentence renders as its own text: inline characters
 * anywhere, and what would start a heading, quote or list at its start. */
function escapeMarkdown(s) {
  return s
    .replace(/[\\`*_[\]<>]/g, "\\$&")
    .replace(/^#/, "\\#")
    .replace(/^([-+=])(?=\s|$)/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}

const words = (s) => s.match(/\S+/g) ?? [];

/** The headline of a text, as HEADLINE_WORDS says, from the core's ranking of its sentences. */
function headline(text, ranked, limit) {
  const title = titleLine(text, ranked);
  if (title && words(title).length <= limit) return title;
  const best = [...ranked].sort((a, b) => b.score - a.score || a.index - b.index);
  const fits = best.find((s) => words(s.text).length <= limit);
  if (fits) return words(fits.text).join(" ");
  if (!best.length) return title ? `${words(title).slice(0, limit).join(" ")}…` : "";
  return `${words(best[0].text).slice(0, limit).join(" ")}…`;
}

/** The text's first line when it is a title: the core took it for a heading (no sentence of
 * its ranking covers it) and the text goes on after it. A Markdown "#" is dropped. */
function titleLine(text, ranked) {
  const m = /^\s*([^\n]*\S)[^\S\n]*(?:\n|$)/.exec(text);
  if (!m || m.index + m[0].length >= text.trimEnd().length) return null;
  const start = text.indexOf(m[1]);
  const end = start + m[1].length;
  if (ranked.some((s) => s.start < end && s.end > start)) return null;
  const title = m[1].replace(/^#+\s*/, "").trim();
  return title ? words(title).join(" ") : null;
}

const token = Symbol("Summarizer");

/** A summarizer with fixed type, format and length, like the one Chrome's API creates. */
export class Summarizer {
  #o;
  #sharedContext;
  #language;
  // Aborted by destroy(), or by create()'s signal: every call after, and every stream still
  // running, ends with its reason.
  #life = new AbortController();

  /** Use Summarizer.create(). */
  constructor(key, o, sharedContext) {
    if (key !== token) throw new TypeError("Illegal constructor: use Summarizer.create()");
    this.#o = o;
    this.#sharedContext = sharedContext;
    // The text's language is detected; an expected input language is a hint, which decides
    // when the text itself does not clearly say (a short text, a close call).
    this.#language = o.expectedInputLanguages?.[0] ?? null;
  }

  /** "available" for every option gisty can honour, "unavailable" for a language it does not
   * know; rejects with a TypeError for an invalid option and a RangeError for an invalid
   * language tag. */
  static async availability(options) {
    const o = coreOptions(options);
    await load();
    return supported(o) ? "available" : "unavailable";
  }

  /** A summarizer for the given type, format and length (defaults: key-points, markdown,
   * short). `monitor` receives downloadprogress events for the wasm: 0, then 1 when loaded.
   * Aborting `signal` later destroys the summarizer. */
  static async create(options) {
    const o = coreOptions(options);
    options ??= {};
    const signal = options.signal;
    throwIfAborted(signal);
    let monitor = null;
    if (typeof options.monitor === "function") {
      monitor = new CreateMonitor();
      options.monitor(monitor);
    }
    monitor?.dispatchEvent(progressEvent(0));
    await load();
    throwIfAborted(signal);
    if (!supported(o)) {
      throw new DOMException(
        `Summarizer: gisty summarizes ${languages().join(", ")} text, in the input's language`,
        "NotSupportedError",
      );
    }
    monitor?.dispatchEvent(progressEvent(1));
    const shared = options.sharedContext == null ? "" : String(options.sharedContext);
    const summarizer = new Summarizer(token, o, shared);
    signal?.addEventListener("abort", () => summarizer.#end(signal.reason ?? abortError()), {
      once: true,
      signal: summarizer.#life.signal,
    });
    return summarizer;
  }

  get type() {
    return this.#o.type;
  }
  get format() {
    return this.#o.format;
  }
  get length() {
    return this.#o.length;
  }
  get sharedContext() {
    return this.#sharedContext;
  }
  get expectedInputLanguages() {
    return this.#o.expectedInputLanguages;
  }
  get expectedContextLanguages() {
    return this.#o.expectedContextLanguages;
  }
  get outputLanguage() {
    return this.#o.outputLanguage;
  }
  /** INPUT_QUOTA: the most UTF-8 bytes the core summarizes at once. */
  get inputQuota() {
    return INPUT_QUOTA;
  }

  /** The summary as one string. */
  async summarize(...args) {
    const input = inputText(args, "summarize");
    const options = args[1] ?? {};
    this.#check(options.signal);
    return this.#pieces(input, options).join("");
  }

  /** The summary as a stream of string chunks, one a sentence; they concatenate to what
   * summarize() returns. Throws at once for a destroyed summarizer or an aborted signal; an
   * abort later errors the stream. */
  summarizeStreaming(...args) {
    const input = inputText(args, "summarizeStreaming");
    const options = args[1] ?? {};
    this.#check(options.signal);
    const signals = [options.signal, this.#life.signal].filter(Boolean);
    const stop = new AbortController();
    let pieces;
    let i = 0;
    return new ReadableStream({
      start: (controller) => {
        for (const s of signals) {
          s.addEventListener("abort", () => controller.error(s.reason ?? abortError()), {
            once: true,
            signal: stop.signal,
          });
        }
      },
      pull: (controller) => {
        try {
          this.#check(options.signal);
          pieces ??= this.#pieces(input, options);
        } catch (e) {
          stop.abort();
          throw e;
        }
        if (i < pieces.length) controller.enqueue(pieces[i++]);
        else {
          stop.abort();
          controller.close();
        }
      },
      cancel: () => stop.abort(),
    });
  }

  /** How much of inputQuota `input` uses: its UTF-8 bytes. */
  async measureInputUsage(...args) {
    const input = inputText(args, "measureInputUsage");
    this.#check(args[1]?.signal);
    return utf8Length(input);
  }

  /** Frees the summarizer: later calls reject with an AbortError, and streams still running
   * error with it. */
  destroy() {
    this.#end(new DOMException("The summarizer has been destroyed.", "AbortError"));
  }

  #end(reason) {
    if (!this.#life.signal.aborted) this.#life.abort(reason);
  }

  #check(signal) {
    if (this.#life.signal.aborted) throw this.#life.signal.reason;
    throwIfAborted(signal);
  }

  /** The summary's chunks: one per sentence, with their separators. */
  #pieces(input, options) {
    const usage = utf8Length(input);
    if (usage > INPUT_QUOTA) {
      throw new DOMException(
        `Summarizer: the input is ${usage} bytes of UTF-8, over the inputQuota of ${INPUT_QUOTA}`,
        "QuotaExceededError",
      );
    }
    const { type, format, length } = this.#o;
    const focus = [this.#sharedContext, options?.context == null ? "" : String(options.context)]
      .filter((s) => s)
      .join("\n");
    const core = {
      language: "auto",
      languageHint: this.#language ?? undefined,
      position: type !== "teaser",
      focus: focus || undefined,
    };
    const markdown = format === "markdown";
    if (type === "headline") {
      const line = headline(input, gisty.rank(input, core), HEADLINE_WORDS[length]);
      return line ? [markdown ? escapeMarkdown(line) : line] : [];
    }
    const summary = gisty.summarize(input, { ...core, sentences: BUDGETS[type][length] });
    return summary.sentences.map((s, k) => {
      let text = words(s.text).join(" ");
      if (markdown) text = escapeMarkdown(text);
      if (type === "key-points") return `${k ? "\n" : ""}${markdown ? "- " : ""}${text}`;
      return k ? ` ${text}` : text;
    });
  }
}
