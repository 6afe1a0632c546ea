// What survives a reload of this tab: the pasted text (its first megabyte) and the settings, kept
// in sessionStorage, which only this tab reads and which nothing sends anywhere; the names of
// dropped files, so that the page can say they were not kept (their contents never are).

const KEY = "gisty:session";
/** The most of a pasted text kept, in UTF-8 bytes. */
export const KEPT_BYTES = 1_000_000;

/**
 * The saved session, or null: { text, cut (bytes not kept), settings, files (names) }. Anything
 * unreadable (another version's, or storage turned off) is no session.
 */
export function loadSession() {
  let raw;
  try {
    raw = sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const saved = JSON.parse(raw);
    if (typeof saved !== "object" || saved === null) return null;
    return {
      text: typeof saved.text === "string" ? saved.text : "",
      cut: Number.isFinite(saved.cut) && saved.cut > 0 ? saved.cut : 0,
      settings: typeof saved.settings === "object" && saved.settings !== null ? saved.settings : {},
      files: Array.isArray(saved.files) ? saved.files.filter((f) => typeof f === "string") : [],
    };
  } catch {
    return null;
  }
}

/**
 * Saves the session; returns how many bytes of the text were not kept (0: all of it), or null
 * when the browser does not let the page keep anything.
 */
export function saveSession({ text, settings, files }) {
  const { kept, cut } = firstBytes(text, KEPT_BYTES);
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ text: kept, cut, settings, files }));
    return cut;
  } catch {
    return null;
  }
}

export function clearSession() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to clear
  }
}

/** The longest start of `text` that is at most `limit` bytes in UTF-8, cut between characters. */
export function firstBytes(text, limit) {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= limit) return { kept: text, cut: 0 };
  let end = limit;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1; // not inside a character
  return { kept: new TextDecoder().decode(bytes.subarray(0, end)), cut: bytes.length - end };
}

/** Whether the whole input is one web address (which the page cannot fetch). */
export function isAddress(text) {
  return /^\s*https?:\/\/[^\s/$.?#][^\s]*\s*$/i.test(text);
}
