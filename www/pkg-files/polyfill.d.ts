// `import "gisty/polyfill"`: globalThis.Summarizer is gisty's where the browser has none.

import { Summarizer } from "./summarizer.js";

export { Summarizer };

declare global {
  /** Chrome's built-in Summarizer where there is one, else gisty's. */
  var Summarizer: typeof import("./summarizer.js").Summarizer;
}
