#!/usr/bin/env bash
# Regenerates the quality table: ROUGE of gisty (every method) on the dev sets in tests/data/eval,
# scored by scripts/score.py. The DUC 2007 multi-document set is NIST data that the repository
# never holds, and no test reads anything outside the repository: its rows are added only when
# $GISTY_DUC names the file (for local tuning: GISTY_DUC=path/to/duc2007-dev.jsonl), otherwise the
# script says it skipped them.
# usage: scripts/eval.sh [--check]   (--check fails when a figure drops below the floors in
#                                     scripts/eval-floors.txt; floors of skipped rows are skipped)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${GISTY_EVAL_DIR:-tests/data/eval}
duc=${GISTY_DUC:-}
out=${GISTY_EVAL_OUT:-target/eval}
mkdir -p "$out/cnndm" "$out/bbc" "$out/duc"
python3 -c 'import rouge_score' 2>/dev/null || bash scripts/setup.sh --native >/dev/null
cargo build --release --quiet --bin gisty
bin=target/release/gisty

run() { # name gold score-args -- gisty-args...
  local name=$1 gold=$2 score_args=$3
  shift 4
  "$bin" --jsonl "$@" < "$gold" > "$out/$name.jsonl"
  local r
  # shellcheck disable=SC2086 # score_args is a list of flags
  r=$(python3 scripts/score.py $score_args "$gold" "$out/$name.jsonl" | tail -n 1)
  printf '%-28s %s\n' "$name" "$r"
}

{
  for m in gisty lexrank textrank lead; do
    run "cnndm/$m" "$eval_dir/cnndm-dev.jsonl" "" -- -n 3 -m $m
  done
  run "cnndm/gisty-no-position" "$eval_dir/cnndm-dev.jsonl" "" -- -n 3 --no-position
  for m in gisty lexrank textrank lead; do
    run "bbc/$m" "$eval_dir/bbc-dev.jsonl" "" -- -r 0.4 -m $m
  done
  if [ -n "$duc" ] && [ -f "$duc" ]; then
    # DUC 2007: 25 articles a topic, 250-word summaries, ROUGE recall (the DUC convention),
    # with the topic statement as focus and without it.
    python3 - "$duc" "$out/duc/no-focus-gold.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as o:
    for line in f:
        if line.strip():
            item = json.loads(line)
            item.pop("focus", None)
            o.write(json.dumps(item) + "\n")
PY
    for m in gisty lexrank; do
      run "duc/$m" "$duc" "--recall --words 250" -- -w 250 -m $m
    done
    run "duc/gisty-no-focus" "$out/duc/no-focus-gold.jsonl" "--recall --words 250" -- -w 250
  else
    echo "duc: skipped (GISTY_DUC=${duc:-unset} names no file: the DUC 2007 set is not redistributable)" >&2
  fi
} | tee "$out/table.txt"

if [ "${1:-}" = "--check" ]; then
  python3 - "$out/table.txt" scripts/eval-floors.txt <<'PY'
import re, sys
got = {}
for line in open(sys.argv[1]):
    name, rest = line.split(None, 1)
    got[name] = [float(x) for x in re.findall(r"R-\S+ ([\d.]+)", rest)]
bad = 0
floored = set()
for line in open(sys.argv[2]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, *floors = line.split()
    floored.add(name)
    if len(floors) != 3 or any(float(f) <= 0 for f in floors):
        print(f"FAIL {name}: a floor for each of R-1, R-2 and R-Lsum, all above 0 (a 0 floor cannot fail)")
        bad += 1
        continue
    if name not in got:
        if name.startswith("duc/"):
            print(f"skip {name} (no DUC data here)")
            continue
        print(f"FAIL {name}: no such row in the table")
        bad += 1
        continue
    for label, floor, value in zip(["R-1", "R-2", "R-Lsum"], map(float, floors), got[name]):
        ok = value >= floor
        bad += not ok
        stale = "  (stale: more than 0.5 above its floor; raise the floor)" if value - floor > 0.5 else ""
        print(f"{'ok  ' if ok else 'FAIL'} {name} {label} {value:.2f} >= {floor:.2f}{stale}")
for name in sorted(set(got) - floored):
    print(f"FAIL {name}: measured but without a floor in {sys.argv[2]}")
    bad += 1
sys.exit(1 if bad else 0)
PY
fi
