// Types of gisty's Summarizer: the shape of Chrome's built-in Summarizer API.

/** What kind of summary: see BUDGETS for how many sentences each gives. */
export type SummarizerType = "key-points" | "tldr" | "teaser" | "headline";
export type SummarizerFormat = "markdown" | "plain-text";
export type SummarizerLength = "short" | "medium" | "long";
export type Availability = "unavailable" | "downloadable" | "downloading" | "available";

export interface SummarizerCreateCoreOptions {
  /** Default: "key-points". */
  type?: SummarizerType;
  /** Default: "markdown". */
  format?: SummarizerFormat;
  /** Default: "short". */
  length?: SummarizerLength;
  /** BCP 47 tags; the first one chooses gisty's stemmer (default English). gisty knows en, fr,
   * de, es, it, pt, nl and ru. */
  expectedInputLanguages?: string[];
  expectedContextLanguages?: string[];
  /** gisty picks sentences, it does not translate: must be the input's language. */
  outputLanguage?: string;
}

/** Receives `downloadprogress` events while the wasm loads: `loaded` 0, then 1. */
export interface CreateMonitor extends EventTarget {}

export interface SummarizerCreateOptions extends SummarizerCreateCoreOptions {
  signal?: AbortSignal;
  monitor?: (monitor: CreateMonitor) => void;
  /** Words that steer every summary of this summarizer toward them (gisty's `focus`): sentences
   * with none of them keep a quarter of their score. */
  sharedContext?: string;
}

export interface SummarizerSummarizeOptions {
  signal?: AbortSignal;
  /** Words that steer this summary toward them, together with the sharedContext. */
  context?: string;
}

/** Sentences per type and length. */
export declare const BUDGETS: Readonly<
  Record<SummarizerType, Readonly<Record<SummarizerLength, number>>>
>;

export declare class Summarizer {
  /** Use Summarizer.create(). */
  private constructor();
  /** "available", or "unavailable" for a language gisty does not know. */
  static availability(options?: SummarizerCreateCoreOptions): Promise<Availability>;
  static create(options?: SummarizerCreateOptions): Promise<Summarizer>;
  /** The summary: markdown bullets for key-points in markdown format, else sentences. */
  summarize(input: string, options?: SummarizerSummarizeOptions): Promise<string>;
  /** The summary in chunks, one a sentence, that concatenate to what summarize() gives. */
  summarizeStreaming(input: string, options?: SummarizerSummarizeOptions): ReadableStream<string>;
  /** The input's word count (there is no quota). */
  measureInputUsage(input: string, options?: SummarizerSummarizeOptions): Promise<number>;
  /** Infinity: gisty has no context window. */
  readonly inputQuota: number;
  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  readonly sharedContext: string;
  readonly expectedInputLanguages: ReadonlyArray<string> | null;
  readonly expectedContextLanguages: ReadonlyArray<string> | null;
  readonly outputLanguage: string | null;
  /** Later calls reject with an InvalidStateError. */
  destroy(): void;
}
