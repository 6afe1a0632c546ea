#!/usr/bin/env bash
# Checks that no adversarial input family makes `summarize` grow faster than n log n: runs the
# criterion bench benches/scaling.rs (64 KB to 4 MB, each size 4 times the last), prints each
# family's times and the ratio between consecutive sizes, and fails when a ratio is above 5.5
# (n log n gives about 4.3 at these sizes, linear 4, quadratic 16).
# usage: scripts/scaling.sh [MAX_BYTES]   (e.g. 1048576 to stop at 1 MB: quicker, less telling)
# Needs a quiet machine: another busy process skews the ratios.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

started=$(date +%s)
GISTY_SCALING_MAX=${1:-} cargo bench --bench scaling -- scaling/

python3 - "$started" target/criterion/scaling <<'PY'
import json, sys
from pathlib import Path

LIMIT = 5.5
started, root = float(sys.argv[1]), Path(sys.argv[2])
families = {}
for est in root.glob("*/*/new/estimates.json"):
    if est.stat().st_mtime < started:
        continue  # from an earlier run, or another bench's group of the same name
    meta = json.loads((est.parent / "benchmark.json").read_text())
    e = json.loads(est.read_text())
    ns = (e.get("slope") or e["mean"])["point_estimate"]
    families.setdefault(meta["function_id"], []).append((int(meta["value_str"]), ns))

def size(b):
    return f"{b >> 20} MB" if b >= 1 << 20 else f"{b >> 10} KB"

failed = []
print(f"{'family':<20}{'size':>8}{'time':>12}{'MB/s':>9}{'ratio':>8}")
for family, rows in sorted(families.items()):
    rows.sort()
    prev = None
    for b, ns in rows:
        ratio = ns / prev if prev else None
        mbs = b / (1 << 20) / (ns / 1e9)
        mark = ""
        if ratio is not None and ratio > LIMIT:
            mark = "  <-- over n log n"
            failed.append(f"{family} at {size(b)}: x{ratio:.1f}")
        r = f"x{ratio:.1f}" if ratio else ""
        print(f"{family:<20}{size(b):>8}{ns / 1e6:>10.1f}ms{mbs:>9.1f}{r:>8}{mark}")
        prev = ns
if failed:
    print(f"scaling.sh: growth above x{LIMIT} per 4x input: " + "; ".join(failed), file=sys.stderr)
    sys.exit(1)
print(f"scaling.sh: every family grows at most x{LIMIT} per 4x input")
PY
