#!/usr/bin/env bash
# Regenerates the quality table: ROUGE of gisty (every method) on the dev sets in ../shared/eval.
# usage: scripts/eval.sh [--check]   (--check fails when a figure drops below the floors in
#                                     scripts/eval-floors.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${GISTY_EVAL_DIR:-../shared/eval}
out=${GISTY_EVAL_OUT:-target/eval}
mkdir -p "$out/cnndm" "$out/bbc"
python3 -c 'import rouge_score' 2>/dev/null || python3 -m pip install -q rouge-score
cargo build --release --quiet --bin gisty
bin=target/release/gisty

run() { # name gold args...
  local name=$1 gold=$2; shift 2
  "$bin" --jsonl "$@" < "$eval_dir/$gold" > "$out/$name.jsonl"
  local r
  r=$(python3 "$eval_dir/score.py" "$eval_dir/$gold" "$out/$name.jsonl" | tail -n 1)
  printf '%-28s %s\n' "$name" "$r"
}

{
  for m in gisty lexrank textrank lead; do run "cnndm/$m" cnndm-dev.jsonl -n 3 -m $m; done
  run "cnndm/gisty-no-position" cnndm-dev.jsonl -n 3 --no-position
  for m in gisty lexrank textrank lead; do run "bbc/$m" bbc-dev.jsonl -r 0.4 -m $m; done
} | tee "$out/table.txt"

if [ "${1:-}" = "--check" ]; then
  python3 - "$out/table.txt" scripts/eval-floors.txt <<'PY'
import re, sys
got = {}
for line in open(sys.argv[1]):
    name, rest = line.split(None, 1)
    got[name] = [float(x) for x in re.findall(r"R-\S+ ([\d.]+)", rest)]
bad = 0
for line in open(sys.argv[2]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, *floors = line.split()
    for label, floor, value in zip(["R-1", "R-2", "R-Lsum"], map(float, floors), got[name]):
        ok = value >= floor
        bad += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name} {label} {value:.2f} >= {floor:.2f}")
sys.exit(1 if bad else 0)
PY
fi
