// The TOML that wasm-pack.toml needs: [table], [[array of tables]], comments, and key = value
// where the value is a string, a number, a boolean or an array of those, written as JSON writes
// them. scripts/build.sh reads its builds with it, scripts/bench-page.mjs its size budget.

/** The tables of `text` (the contents of `file`, named in errors), or an Error for a bad line. */
export function parseToml(text, file) {
  const root = {};
  let table = root;
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/^((?:[^"#]|"(?:[^"\\]|\\.)*")*)#.*$/, "$1").trim();
    let m;
    if (!line) return;
    if ((m = line.match(/^\[\[([\w-]+)\]\]$/))) {
      (root[m[1]] ??= []).push((table = {}));
    } else if ((m = line.match(/^\[([\w-]+)\]$/))) {
      table = root[m[1]] ??= {};
    } else if ((m = line.match(/^([\w-]+)\s*=\s*(.+)$/))) {
      try {
        table[m[1]] = JSON.parse(m[2]);
      } catch {
        throw new Error(`${file}:${i + 1}: cannot read the value ${m[2]}`);
      }
    } else {
      throw new Error(`${file}:${i + 1}: cannot read ${JSON.stringify(raw)}`);
    }
  });
  return root;
}
