// A module loaded on first use, for the page and the worker alike (PDF.js, the file reader's build).

/**
 * `load()`, run on the first call and its promise kept; a load that fails is forgotten, so the
 * next call tries again, and rejects with `failed(why)`.
 */
export function onDemand(load, failed) {
  let loading = null;
  return () =>
    (loading ??= load().catch((e) => {
      loading = null;
      throw failed(e?.message ?? e);
    }));
}
