/* tslint:disable */
/* eslint-disable */

/** A file read by `readFile`. */
export interface ReadFile {
    /** Its text: for Word, OpenDocument and EPUB files, a paragraph per paragraph (a blank line
     * between them); for Markdown and HTML, the source with its markup. */
    text: string;
    /** What it was read as. */
    format: "text" | "markdown" | "html" | "docx" | "odt" | "epub";
    /** The encoding a text, Markdown or HTML file was decoded from ("UTF-8", "UTF-16LE",
     * "UTF-16BE", "windows-1252"); absent for the zip formats. */
    encoding?: "UTF-8" | "UTF-16LE" | "UTF-16BE" | "windows-1252";
    /** What the reader should know (a fallback encoding, a misleading name, skipped chapters). */
    warnings: string[];
}



/** Options of `summarize`, `rank` and `summarizeMany`. Give at most one of `sentences`, `ratio`
 * and `words`. */
export interface SummarizeOptions {
    /** At most this many sentences: a whole number, at least 1. The default is 3 sentences. */
    sentences?: number;
    /** This share of the text's sentences, above 0 and at most 1 (rounded, at least one). */
    ratio?: number;
    /** At most this many words: a whole number, at least 1. */
    words?: number;
    /** How sentences are scored. Default: "gisty". */
    method?: Method;
    /** The text's title, when it is not the text's first line. For `summarizeMany`, the title of
     * every document that has none of its own. */
    title?: string;
    /** Words to steer the summary toward ("security guarantees"): sentences with none of them
     * keep a quarter of their score. Default: none. */
    focus?: string;
    /** The text's language, as an ISO 639-1 code, or "auto" (the default): detected, for each
     * document of `summarizeMany` on its own. A language this build does not stem (see
     * `languages()`) is summarized as "und": words unstemmed, no stop list. */
    language?: Language | "und" | "auto";
    /** The language the text is declared in (an HTML page's `lang`, such as "fr-CA"): used when
     * the language is detected and the text does not clearly say otherwise. A tag gisty does
     * not know is ignored. */
    languageHint?: string;
    /** Similarity above which a sentence repeats one already picked, from 0 to 1 (1 keeps
     * repeats). Default: 0.5. */
    redundancy?: number;
    /** Whether the default method may favour the lede (the first sentences). Default: true. */
    position?: boolean;
}

/** A scoring method. */
export type Method = "gisty" | "lexrank" | "textrank" | "lead";

/** A language gisty knows, as an ISO 639-1 code. */
export type Language =
| "ar" | "da" | "de" | "el" | "en" | "es" | "fi" | "fr" | "hu" | "it" | "ja" | "ko" | "nl"
| "no" | "pt" | "ro" | "ru" | "sv" | "ta" | "tr" | "zh";

/** A sentence of the input with its score. */
export interface ScoredSentence {
    /** The sentence, exactly as in the input: `input.slice(start, end) === text`. */
    text: string;
    /** Its index among the text's sentences (headings and boilerplate are not counted). */
    index: number;
    /** Higher is more summary-worthy; comparable within one call only. */
    score: number;
    /** Where it starts in the input, in UTF-16 code units (a JS string index). */
    start: number;
    /** Where it ends in the input (exclusive), in UTF-16 code units. */
    end: number;
    /** Which document it is from: its index in `summarizeMany`'s `docs`; 0 for one text. Its
     * offsets are into that document: `docs[doc].slice(start, end) === text`. */
    doc: number;
    /** `summarizeMany` only: the documents that report the same content, as indices into `docs`,
     * ascending, `doc` among them. A document supports a sentence when it mentions more than half
     * of the weight of the sentence's concepts (word pairs, weighted by how many documents use
     * them), or has a sentence that nearly paraphrases it. */
    support?: number[];
}

/** A summary: the chosen sentences in document order, and what they were chosen from. */
export interface Summary {
    /** The chosen sentences, in document order. */
    sentences: ScoredSentence[];
    /** How many sentences the text has (the candidates). */
    totalSentences: number;
    /** How many words the text's sentences have. */
    totalWords: number;
    /** The language the text was summarized in: an ISO 639-1 code, or "und" when it was not
     * known (or not stemmed by this build). */
    language: Language | "und";
}

/** A document: its text, its title when that is not its first line, and its captions. Other
 * properties are ignored. */
export interface Doc {
    text: string;
    title?: string;
    /** Parts of `text` that are captions (an HTML page's `<figcaption>` and `<caption>`), as
     * `[start, end]` UTF-16 ranges: shown and ranked like other sentences, never chosen for a
     * summary. Plain-text captions beside a credit line are found without them. */
    captions?: ReadonlyArray<readonly [number, number]>;
    /** When it was published: a `Date`, milliseconds since 1970, or a string `Date.parse` reads.
     * When every document of `summarizeMany` has one, the combined summary tells the story in
     * their order, earlier reports first. */
    date?: Date | number | string;
}

/** Two documents that say nearly the same thing (a rewrite, a syndicated copy). */
export interface Duplicate {
    /** The earlier document's index in `docs`. */
    a: number;
    /** The later document's index in `docs`. */
    b: number;
    /** Their entry in `MultiSummary.similarity`: at least 0.35. */
    similarity: number;
}

/** A summary of several documents. */
export interface MultiSummary {
    /** The chosen sentences in story order (by where each stands in its document, the ledes of
     * every document first); `doc` names its document and `support` every document that reports
     * it. */
    sentences: (ScoredSentence & { support: number[] })[];
    /** The pairs of near-duplicate documents, most similar first. */
    duplicates: Duplicate[];
    /** Document similarity: `similarity[a][b]`, from 0 to 1, is how well the sentences of each of
     * the two are matched by sentences of the other (1 on the diagonal). */
    similarity: number[][];
    /** How many sentences the documents have (the candidates). */
    totalSentences: number;
    /** How many words the documents' sentences have. */
    totalWords: number;
    /** The language each document was summarized in, by index into `docs` (see
     * `Summary.language`). */
    languages: (Language | "und")[];
}

/** Options of `keywords`. */
export interface KeywordOptions {
    /** At most this many phrases: a whole number, at least 1. Default: 10. */
    count?: number;
    /** As in `SummarizeOptions`: a code or "auto" (the default). */
    language?: Language | "und" | "auto";
    /** As in `SummarizeOptions`. */
    languageHint?: string;
}

/** A key phrase: a term the text keeps returning to, one word or several. */
export interface Keyword {
    /** The phrase as the text writes it most often. */
    text: string;
    /** Relative weight: the best phrase scores 1. */
    score: number;
    /** How many times it occurs. */
    count: number;
}



/**
 * The language of `text` as an ISO 639-1 code, or "und" when unsure or not one gisty knows:
 * what it is, even when this build does not stem it (see `languages()`). Reads a bounded part
 * of the start of the text.
 */
export function detectLanguage(text: string): Language | "und";

/**
 * The key phrases of a text, or of several documents together (an array, as for
 * `summarizeMany`), best first.
 *
 * Throws an `Error` for a bad item or option, as `summarizeMany` does.
 */
export function keywords(input: string | ReadonlyArray<string | Doc>, options?: KeywordOptions): Keyword[];

/**
 * The languages this build summarizes in their own terms (stemmer, stop words), as ISO 639-1
 * codes: the page's build has English only, the npm package every language.
 */
export function languages(): Language[];

/**
 * Every sentence of `text` with its score, in document order.
 *
 * The length options are checked but do not shorten the result. Throws an `Error` naming the
 * option when an option is invalid.
 */
export function rank(text: string | Doc, options?: SummarizeOptions): ScoredSentence[];

/**
 * Reads a file's bytes into text, as the CLI does (`gisty::read`): text in UTF-8, UTF-16 or
 * windows-1252, Word (.docx), OpenDocument (.odt) and EPUB (.epub) files. `name` is the file's
 * name, whose extension says what it should be. Throws an `Error` saying what is wrong with a
 * binary, damaged, encrypted or oversized file, or a zip bomb. (Only in the builds with the
 * `files` feature: the page's "web-files" build and the npm packages.)
 */
export function readFile(bytes: Uint8Array | number[], name: string): ReadFile;

/**
 * Summarizes `text`: its best sentences within the length budget, in document order.
 *
 * Text without sentences gives an empty summary. Throws an `Error` naming the option when an
 * option is invalid.
 */
export function summarize(text: string | Doc, options?: SummarizeOptions): Summary;

/**
 * Summarizes several documents about one subject together: a fact several of them tell
 * appears once, and the length options apply to the whole summary. Each sentence names its
 * document (`doc`, an index into `docs`) and has offsets into it.
 *
 * Throws an `Error` naming the item when an item of `docs` is neither a string nor
 * `{ text, title? }`, and naming the option when an option is invalid.
 */
export function summarizeMany(docs: ReadonlyArray<string | Doc>, options?: SummarizeOptions): MultiSummary;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly detectLanguage: (a: number, b: number) => [number, number];
    readonly keywords: (a: any, b: any) => [number, number, number];
    readonly languages: () => any;
    readonly rank: (a: any, b: any) => [number, number, number];
    readonly readFile: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly start: () => void;
    readonly summarize: (a: any, b: any) => [number, number, number];
    readonly summarizeMany: (a: any, b: any) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
