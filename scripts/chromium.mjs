// Debian's Chromium as every script and test here starts it: headless, without the sandbox
// (containers), and quiet (no network of its own, no updates, no sync, no first-run pages).
// Callers add a fresh --user-data-dir where they start Chromium themselves.

/** The browser: $CHROMIUM, or Debian's. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Its flags. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
