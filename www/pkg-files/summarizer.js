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
//   headline      1      1      1     the single best sentence
//
// `sharedContext` (create) and `context` (summarize) steer the choice toward their words: both,
// joined, are the core's `focus`, under which a sentence with none of their (content) words
// keeps a quarter of its score, so sentences about them come first whatever the type. A context
// of stop words only, or of words the text never uses, changes nothing. The text's own title is
// untouched: its heading, if any, still counts.
//
// In a page without a bundler (the `web` build) the wasm is fetched from beside gisty.js on the
// first create(); call the build's `init(url)` first to load it from elsewhere.

// The web build's entry, whose wasm waits for init(). scripts/build.sh replaces this line in the
// npm package, where the wasm is ready on import.
import init, * as gisty from "./gisty.js";

/** Sentences per type and length. */
export const BUDGETS = Object.freeze({
  "key-points": Object.freeze({ short: 3, medium: 5, long: 7 }),
  tldr: Object.freeze({ short: 1, medium: 3, long: 5 }),
  teaser: Object.freeze({ short: 1, medium: 3, long: 5 }),
  headline: Object.freeze({ short: 1, medium: 1, long: 1 }),
});

const TYPES = Object.keys(BUDGETS);
const FORMATS = ["markdown", "plain-text"];
const LENGTHS = ["short", "medium", "long"];
// The languages this build of the core stems, as ISO 639-1 codes (gisty's Language::NAMES):
// English only in the page's build, all in the npm package. Read once the wasm is loaded.
const languages = () => gisty.languages();

let ready;

/** Instantiates the wasm once (init() does nothing when the page has done it already). */
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

function languageList(options, name) {
  const value = options[name];
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value[Symbol.iterator] !== "function") {
    throw new TypeError(`Summarizer: ${name} must be an array of language tags, got ${JSON.stringify(value)}`);
  }
  return Object.freeze(Array.from(value, String));
}

/** "en-US" → "en"; null when gisty does not know the language. */
function baseLanguage(tag) {
  const code = tag.toLowerCase().split(/[-_]/)[0];
  return languages().includes(code) ? code : null;
}

/** The create options checked and filled in; throws a TypeError for an invalid value. */
function coreOptions(options) {
  options ??= {};
  if (typeof options !== "object") {
    throw new TypeError(`Summarizer: options must be an object, got ${JSON.stringify(options)}`);
  }
  return {
    type: choice(options, "type", TYPES, "key-points"),
    format: choice(options, "format", FORMATS, "markdown"),
    length: choice(options, "length", LENGTHS, "short"),
    expectedInputLanguages: languageList(options, "expectedInputLanguages"),
    expectedContextLanguages: languageList(options, "expectedContextLanguages"),
    outputLanguage: options.outputLanguage == null ? null : String(options.outputLanguage),
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

function throwIfAborted(signal) {
  if (signal?.aborted) throw signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

function progressEvent(loaded) {
  if (typeof ProgressEvent === "function") {
    return new ProgressEvent("downloadprogress", { loaded, total: 1, lengthComputable: true });
  }
  const event = new Event("downloadprogress");
  Object.defineProperties(event, { loaded: { value: loaded }, total: { value: 1 } });
  return event;
}

/** Markdown's inline markup characters, escaped so a sentence renders as its own text. */
function escapeMarkdown(s) {
  return s.replace(/[\\`*_[\]<>]/g, "\\$&");
}

const token = Symbol("Summarizer");

/** A summarizer with fixed type, format and length, like the one Chrome's API creates. */
export class Summarizer {
  #o;
  #sharedContext;
  #language;
  #destroyed = false;

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
   * know; rejects with a TypeError for an invalid type, format or length. */
  static async availability(options) {
    await load();
    return supported(coreOptions(options)) ? "available" : "unavailable";
  }

  /** A summarizer for the given type, format and length (defaults: key-points, markdown,
   * short). `monitor` receives downloadprogress events for the wasm: 0, then 1 when loaded. */
  static async create(options) {
    await load();
    const o = coreOptions(options);
    options ??= {};
    throwIfAborted(options.signal);
    if (!supported(o)) {
      throw new DOMException(
        `Summarizer: gisty summarizes ${languages().join(", ")} text, in the input's language`,
        "NotSupportedError",
      );
    }
    let monitor = null;
    if (typeof options.monitor === "function") {
      monitor = new EventTarget();
      options.monitor(monitor);
      monitor.dispatchEvent(progressEvent(0));
    }
    await load();
    throwIfAborted(options.signal);
    monitor?.dispatchEvent(progressEvent(1));
    const shared = options.sharedContext == null ? "" : String(options.sharedContext);
    return new Summarizer(token, o, shared);
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
  /** No limit: gisty has no context window. */
  get inputQuota() {
    return Infinity;
  }

  /** The summary as one string. */
  async summarize(input, options = {}) {
    return this.#pieces(input, options).join("");
  }

  /** The summary as a stream of string chunks, one a sentence; they concatenate to what
   * summarize() returns. */
  summarizeStreaming(input, options = {}) {
    let pieces;
    let i = 0;
    return new ReadableStream({
      pull: (controller) => {
        // Errors (a destroyed summarizer, an aborted signal) surface as the stream's error.
        pieces ??= this.#pieces(input, options);
        if (i < pieces.length) controller.enqueue(pieces[i++]);
        else controller.close();
      },
    });
  }

  /** How much of the (unlimited) quota `input` uses: its word count. */
  async measureInputUsage(input, options = {}) {
    this.#check(options.signal);
    const words = String(input).match(/\S+/g);
    return words ? words.length : 0;
  }

  /** Frees the summarizer: later calls reject with an InvalidStateError. */
  destroy() {
    this.#destroyed = true;
  }

  #check(signal) {
    if (this.#destroyed) {
      throw new DOMException("The summarizer has been destroyed.", "InvalidStateError");
    }
    throwIfAborted(signal);
  }

  /** The summary's chunks: one per sentence, with their separators. */
  #pieces(input, options) {
    this.#check(options?.signal);
    const { type, format, length } = this.#o;
    const focus = [this.#sharedContext, options?.context ?? ""].filter((s) => s).join("\n");
    const summary = gisty.summarize(String(input), {
      sentences: BUDGETS[type][length],
      language: "auto",
      languageHint: this.#language ?? undefined,
      position: type !== "teaser",
      focus: focus || undefined,
    });
    const markdown = format === "markdown";
    return summary.sentences.map((s, k) => {
      let text = s.text.split(/\s+/).filter(Boolean).join(" ");
      if (markdown) text = escapeMarkdown(text);
      if (type === "key-points") return `${k ? "\n" : ""}${markdown ? "- " : ""}${text}`;
      return k ? ` ${text}` : text;
    });
  }
}
