#!/usr/bin/env bash
# Runs the criterion benches (benches/summarize.rs) and prints what they measured as a table:
# input, bytes, time per iteration, µs per article, MiB/s.
# usage: scripts/bench.sh [FILTER]   (FILTER: a criterion name filter, e.g. cnndm or scaling)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

started=$(date +%s)
cargo bench --bench summarize -- "$@"

python3 - "$started" target/criterion <<'PY'
import json, os, sys
from pathlib import Path

started, root = float(sys.argv[1]), Path(sys.argv[2])
rows = []
for est in root.glob("**/new/estimates.json"):
    mtime = est.stat().st_mtime
    if mtime < started:
        continue  # from an earlier run, or filtered out of this one
    meta = json.loads((est.parent / "benchmark.json").read_text())
    e = json.loads(est.read_text())
    # Criterion reports the slope when it sampled linearly, the mean otherwise.
    ns = (e.get("slope") or e["mean"])["point_estimate"]
    nbytes = (meta.get("throughput") or {}).get("Bytes")
    articles = int(meta["value_str"]) if (meta.get("value_str") or "").isdigit() else None
    rows.append((mtime, meta["full_id"], nbytes, ns, articles))

def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns:.0f} ns"

if not rows:
    sys.exit("bench.sh: no benchmark results from this run")
print()
print(f"{'input':<38} {'bytes':>9} {'time':>11} {'µs/article':>11} {'MiB/s':>7}")
for _, name, nbytes, ns, articles in sorted(rows):
    per = f"{ns / 1e3 / articles:.1f}" if articles else "-"
    mibs = f"{nbytes / (ns / 1e9) / 2**20:.2f}" if nbytes else "-"
    print(f"{name:<38} {nbytes or '-':>9} {fmt_time(ns):>11} {per:>11} {mibs:>7}")
PY
