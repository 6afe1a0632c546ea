// Makes code written for the built-in Summarizer API (WICG Writing Assistance APIs) run in every
// browser and in Node: `import "gisty/polyfill"`.
// - Where there is no Summarizer, globalThis.Summarizer becomes gisty's.
// - Where there is one (Chrome's, with or without its model), it is wrapped: availability() and
//   create() ask it first and fall back to gisty for the options it reports "unavailable" (a
//   browser without the model, a language it lacks). Its answers otherwise stand.
// `polyfill` says which of the two was done, and `provider(summarizer)` who made a summarizer.

import { Summarizer as Gisty } from "./summarizer.js";

const native =
  typeof globalThis.Summarizer === "function" && !globalThis.Summarizer[Symbol.for("gisty.polyfill")]
    ? globalThis.Summarizer
    : null;

/** The options availability() takes: create()'s without its signal and monitor. */
function coreOptions(options) {
  if (options == null || typeof options !== "object") return options;
  const { signal: _signal, monitor: _monitor, ...core } = options;
  return core;
}

/** What the native API says for these options; "unavailable" when it cannot say (it throws
 * for something other than a bad option). */
async function nativeAvailability(options) {
  try {
    return await native.availability(coreOptions(options));
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError) throw e;
    return "unavailable";
  }
}

/** The built-in Summarizer first, gisty's for what it cannot do. */
class Wrapped {
  constructor() {
    throw new TypeError("Illegal constructor: use Summarizer.create()");
  }

  static async availability(options) {
    const answer = await nativeAvailability(options);
    return answer === "unavailable" ? Gisty.availability(options) : answer;
  }

  static async create(options) {
    if ((await nativeAvailability(options)) !== "unavailable") return native.create(options);
    return Gisty.create(options);
  }

  static [Symbol.hasInstance](value) {
    return value instanceof Gisty || value instanceof native;
  }
}

/** "gisty" when gisty's Summarizer was installed (there was none), "wrapped" when the built-in
 * one was wrapped, "none" when another copy of this polyfill had already done either. */
export const polyfill = globalThis.Summarizer?.[Symbol.for("gisty.polyfill")]
  ? "none"
  : native
    ? "wrapped"
    : "gisty";

if (polyfill !== "none") {
  const installed = native ? Wrapped : Gisty;
  Object.defineProperty(installed, Symbol.for("gisty.polyfill"), { value: polyfill });
  Object.defineProperty(installed, "provider", { value: polyfill, enumerable: true });
  globalThis.Summarizer = installed;
}

/** Who made a summarizer: "gisty" or "native" (the browser's own). */
export function provider(summarizer) {
  return summarizer instanceof Gisty ? "gisty" : "native";
}

export { Gisty as Summarizer };
