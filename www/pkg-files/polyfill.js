// Makes code written for Chrome's built-in Summarizer API run in every browser and in Node:
// `import "gisty/polyfill"` sets globalThis.Summarizer to gisty's where there is none. Where
// the browser has its own, it is left in place (it may be "available" with its model).

import { Summarizer } from "./summarizer.js";

if (typeof globalThis.Summarizer === "undefined") {
  globalThis.Summarizer = Summarizer;
}

export { Summarizer };
