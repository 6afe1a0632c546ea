// The settings every card and the combined summary share: the length (in sentences, percent of
// the sentences or words, with a slider and a number box that follow each other), the method, the
// focus words and the score shading; as the options the summarizer takes, and as what a reload
// keeps (session.js).

/** Length modes: the slider's range and the value each starts at. */
const LENGTHS = {
  sentences: { min: 1, max: 20, step: 1, value: 3, unit: (n) => (n === 1 ? "sentence" : "sentences") },
  percent: { min: 5, max: 100, step: 5, value: 20, unit: () => "% of the sentences" },
  words: { min: 20, max: 500, step: 10, value: 100, unit: (n) => (n === 1 ? "word" : "words") },
};

/**
 * The settings' controls ({ mode, range, number, method, focus, shade }, the page's elements;
 * `shade` may be left out, as the browser extension's panel, which shades nothing, does);
 * `changed()` is called when the length, the method or the shading changes (the focus box is the
 * page's to listen to: it applies once typing pauses).
 */
export function createSettings({ mode, range, number, method, focus, shade }, changed) {
  const lengths = Object.fromEntries(Object.entries(LENGTHS).map(([k, v]) => [k, v.value]));

  /** The slider follows the number; `box`: the number box too (not while it is being typed in). */
  function showLength({ box = true } = {}) {
    const m = LENGTHS[mode.value];
    const n = lengths[mode.value];
    Object.assign(range, { min: m.min, max: m.max, step: m.step });
    range.value = String(Math.min(Math.max(n, m.min), m.max));
    range.setAttribute("aria-valuetext", `${n} ${m.unit(n)}`);
    if (!box) return;
    Object.assign(number, { min: "1", max: mode.value === "percent" ? "100" : "", step: "1" });
    number.value = String(n);
  }

  function setLength(raw) {
    const n = Math.round(Number(raw));
    const max = mode.value === "percent" ? 100 : Infinity;
    if (!Number.isFinite(n) || n < 1 || n > max) return false;
    lengths[mode.value] = n;
    return true;
  }

  mode.addEventListener("change", () => {
    showLength();
    changed();
  });
  range.addEventListener("input", () => {
    setLength(range.value);
    showLength();
    changed();
  });
  number.addEventListener("input", () => {
    if (!setLength(number.value)) return; // a half-typed number: wait for the rest
    showLength({ box: false });
    changed();
  });
  number.addEventListener("change", () => showLength());
  method.addEventListener("change", changed);
  shade?.addEventListener("change", changed);

  const settings = {
    /** The focus words, spaces folded. */
    focus: () => focus.value.replace(/\s+/g, " ").trim(),

    /** The length, method and focus options, as the summarizer takes them. */
    options() {
      const n = lengths[mode.value];
      const length = mode.value === "percent" ? { ratio: n / 100 } : { [mode.value]: n };
      const words = settings.focus();
      return { ...length, method: method.value, ...(words ? { focus: words } : {}) };
    },

    /** What a reload keeps: plain data. */
    snapshot: () => ({
      mode: mode.value,
      lengths: { ...lengths },
      method: method.value,
      focus: focus.value,
      shade: shade?.checked ?? false,
    }),

    /** Puts back a snapshot, of this page or another version's: what is not valid is left as is. */
    restore(saved) {
      if (Object.hasOwn(LENGTHS, saved.mode)) mode.value = saved.mode;
      for (const [m, n] of Object.entries(saved.lengths ?? {})) {
        const max = m === "percent" ? 100 : 1_000_000;
        if (Object.hasOwn(LENGTHS, m) && Number.isInteger(n) && n >= 1 && n <= max) lengths[m] = n;
      }
      if ([...method.options].some((o) => o.value === saved.method)) method.value = saved.method;
      if (typeof saved.focus === "string") focus.value = saved.focus;
      if (shade) shade.checked = saved.shade === true;
      showLength();
    },

    /** The settings as the page starts. */
    reset() {
      mode.value = "sentences";
      for (const [m, { value }] of Object.entries(LENGTHS)) lengths[m] = value;
      method.value = "gisty";
      focus.value = "";
      if (shade) shade.checked = false;
      showLength();
    },
  };
  showLength();
  return settings;
}
