// `import "gisty/polyfill"`: globalThis.Summarizer is gisty's where there is none, and wraps the
// built-in one where there is (gisty's answers what it reports "unavailable").
//
// No global is declared here: with the DOM's own types for the Summarizer API (such as
// @types/dom-chromium-ai) it would clash. Use this module's `Summarizer`, or those types.

export { Summarizer } from "./summarizer.js";
import type { Summarizer } from "./summarizer.js";

/** "gisty": gisty's Summarizer was installed, there was none. "wrapped": the built-in one was
 * wrapped, gisty answering what it reports "unavailable". "none": already done by another copy. */
export declare const polyfill: "gisty" | "wrapped" | "none";

/** Who made a summarizer: gisty, or the browser's built-in API. */
export declare function provider(summarizer: Summarizer | object): "gisty" | "native";
