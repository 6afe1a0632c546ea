#!/usr/bin/env bash
# Instructions per CNN/DM dev article: the release CLI as shipped, a fresh process, the dev set's
# 100 articles through `--jsonl --jobs 1 -n 3`, counted by valgrind's callgrind (instructions do not
# swing with the machine's load as wall-clock time does).
#
# usage: scripts/instructions.sh            the total and the figure per article
#        scripts/instructions.sh --stages   also the top functions, from a build that keeps
#                                           symbols (target/instructions/, same optimization)
#        scripts/instructions.sh --bin PATH count another gisty binary (an older build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

stages=0
bin=
while [ $# -gt 0 ]; do
  case $1 in
    --stages) stages=1 ;;
    --bin) bin=$2; shift ;;
    *) echo "usage: $0 [--stages] [--bin PATH]" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v valgrind >/dev/null; then
  echo "instructions: valgrind is needed (apt-get install -y valgrind)" >&2
  exit 1
fi

out=target/instructions
mkdir -p "$out"
input=$out/cnndm-dev-100.jsonl
python3 - tests/data/eval/cnndm-dev.jsonl "$input" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as o:
    for line in f:
        d = json.loads(line)
        o.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
PY
articles=$(wc -l < "$input")

count() { # binary callgrind-out
  # One thread, one engine (a build with --jobs would use one a core): the figure is the work
  # of one pass, comparable with builds before --jobs.
  local jobs=()
  if "$1" --help | grep -q -- --jobs; then jobs=(--jobs 1); fi
  valgrind --tool=callgrind --callgrind-out-file="$2" "$1" --jsonl "${jobs[@]}" -n 3 < "$input" \
    > /dev/null 2> "$2.log"
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$2.log"
}

if [ -z "$bin" ]; then
  cargo build --release --quiet --bin gisty
  bin=target/release/gisty
fi
total=$(count "$bin" "$out/callgrind.out")
awk -v t="$total" -v n="$articles" -v b="$(wc -c < "$input")" 'BEGIN {
  printf "instructions: %d in all, %.3f M per article (%d articles), %.0f per input byte\n",
    t, t / n / 1e6, n, t / b }'

if [ "$stages" = 1 ]; then
  CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=1 CARGO_TARGET_DIR="$out/target" \
    cargo build --release --quiet --bin gisty
  count "$out/target/release/gisty" "$out/callgrind-symbols.out" > /dev/null
  echo "top functions (inlined callees counted in their caller):"
  callgrind_annotate "$out/callgrind-symbols.out" 2>/dev/null |
    grep -E '^ *[0-9,]+ \( *[0-9.]+%\)' | grep -v 'PROGRAM TOTALS' | head -25
fi
