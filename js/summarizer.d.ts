// Types of gisty's Summarizer: the shape of Chrome's built-in Summarizer API.

/** What kind of summary: see BUDGETS for how many sentences each gives. */
export type SummarizerType = "key-points" | "tldr" | "teaser" | "headline";
export type SummarizerFormat = "markdown" | "plain-text";
export type SummarizerLength = "short" | "medium" | "long";
export type Availability = "unavailable" | "downloadable" | "downloading" | "available";
/** Accepted and checked; gisty is as fast and as capable either way. */
export type SummarizerPreference = "auto" | "speed" | "capability";

export interface SummarizerCreateCoreOptions {
  /** Default: "key-points". */
  type?: SummarizerType;
  /** Default: "markdown". */
  format?: SummarizerFormat;
  /** Default: "short". */
  length?: SummarizerLength;
  /** Default: "auto". */
  preference?: SummarizerPreference;
  /** BCP 47 tags (an invalid one is a RangeError; they are kept canonicalized): the first one is
   * a hint for the text's language, which is detected. See gisty's `languages()`. */
  expectedInputLanguages?: ReadonlyArray<string>;
  expectedContextLanguages?: ReadonlyArray<string>;
  /** gisty picks sentences, it does not translate: must be the input's language. */
  outputLanguage?: string;
}

/** Receives `downloadprogress` events while the wasm loads: `loaded` 0, then 1. */
export interface CreateMonitor extends EventTarget {
  ondownloadprogress: ((this: CreateMonitor, event: ProgressEvent) => unknown) | null;
}

export interface SummarizerCreateOptions extends SummarizerCreateCoreOptions {
  signal?: AbortSignal;
  monitor?: (monitor: CreateMonitor) => void;
  /** Words that steer every summary of this summarizer toward them (gisty's `focus`): sentences
   * with none of them keep a quarter of their score. */
  sharedContext?: string;
}

/** availability() takes create()'s options; its signal and monitor are not used. */
export type SummarizerAvailabilityOptions = SummarizerCreateCoreOptions;

export interface SummarizerSummarizeOptions {
  signal?: AbortSignal;
  /** Words that steer this summary toward them, together with the sharedContext. */
  context?: string;
}

/** Sentences per type and length. */
export declare const BUDGETS: Readonly<
  Record<SummarizerType, Readonly<Record<SummarizerLength, number>>>
>;

/** A headline's most words per length: 12, 17 and 22. */
export declare const HEADLINE_WORDS: Readonly<Record<SummarizerLength, number>>;

/** inputQuota: the most UTF-8 bytes the core summarizes at once (50 MiB). */
export declare const INPUT_QUOTA: number;

export declare class Summarizer {
  /** Use Summarizer.create(). */
  private constructor();
  /** "available", or "unavailable" for a language gisty does not know. */
  static availability(options?: SummarizerAvailabilityOptions): Promise<Availability>;
  /** Aborting `signal` after creation destroys the summarizer. */
  static create(options?: SummarizerCreateOptions): Promise<Summarizer>;
  /** The summary: markdown bullets for key-points in markdown format, else sentences; a
   * headline of at most HEADLINE_WORDS words. */
  summarize(input: string, options?: SummarizerSummarizeOptions): Promise<string>;
  /** The summary in chunks, one a sentence, that concatenate to what summarize() gives. Throws
   * at once when destroyed or aborted; an abort later errors the stream. */
  summarizeStreaming(input: string, options?: SummarizerSummarizeOptions): ReadableStream<string>;
  /** The input's size in the unit of inputQuota: UTF-8 bytes. */
  measureInputUsage(input: string, options?: SummarizerSummarizeOptions): Promise<number>;
  /** INPUT_QUOTA: a longer input is a QuotaExceededError. */
  readonly inputQuota: number;
  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  readonly sharedContext: string;
  readonly expectedInputLanguages: ReadonlyArray<string> | null;
  readonly expectedContextLanguages: ReadonlyArray<string> | null;
  readonly outputLanguage: string | null;
  /** Later calls reject with an AbortError; running streams error with it. */
  destroy(): void;
}
