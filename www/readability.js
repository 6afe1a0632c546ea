/*! Mozilla Readability 0.6.0 (npm @mozilla/readability), Copyright (c) 2010 Arc90 Inc, Apache
 * License 2.0 (readability-LICENSE.md beside the built page, or
 * node_modules/@mozilla/readability/LICENSE.md). */
// Readability reduces an HTML page to its article. The page imports this module only when an
// HTML file arrives, so a reader who pastes text never loads it; scripts/bundle-page.mjs bundles
// it from node_modules into a chunk of its own.

export { default as Readability } from "@mozilla/readability/Readability.js";
