#!/usr/bin/env bash
# Instructions per CNN/DM dev article in WebAssembly: the web build (www/pkg) run by V8 in Node,
# counted by valgrind's callgrind, for the figure of issue 19's item 3 that does not swing with
# the machine as Chromium's wall-clock times do (they moved 2x between sessions' machines).
#
# Each pass summarizes the 100 cnndm-dev articles through a fresh Engine, each article once (its
# first sight, the engine knowing the words of the articles before it). The figure is the
# difference of a run of 3 passes and a run of 1, over the 200 calls between them: start-up,
# compiling and loading cancel. V8 runs with --predictable (one thread, fixed seeds) and
# --no-liftoff (every function compiled once by the optimizing compiler, as the page's warm-up
# leaves them), so two runs agree to about 0.1 %. The figure counts V8's own work for the calls
# too (the glue's JS, garbage collection, TextEncoder): what a reader's browser pays.
#
# usage: scripts/wasm-instructions.sh              the figure for www/pkg (built when missing)
#        scripts/wasm-instructions.sh --pkg DIR    another web build (an older checkout's)
#        scripts/wasm-instructions.sh --stages     also the top functions: a build of the same
#                                                  source that keeps its names (target/wasm-names)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

pkg=www/pkg
stages=0
while [ $# -gt 0 ]; do
  case $1 in
    --pkg) pkg=$2; shift ;;
    --stages) stages=1 ;;
    *) echo "usage: $0 [--pkg DIR] [--stages]" >&2; exit 2 ;;
  esac
  shift
done
if ! command -v valgrind >/dev/null; then
  echo "wasm-instructions: valgrind is needed (apt-get install -y valgrind)" >&2
  exit 1
fi
if [ "$pkg" = www/pkg ] && [ ! -f www/pkg/gisty_bg.wasm ]; then bash scripts/build.sh web; fi
if [ "$stages" = 1 ]; then
  # The web build's settings (wasm-pack.toml: opt-level "s", English only), names kept, no
  # wasm-opt: the functions are the same, their sizes a little larger.
  pkg=target/wasm-names
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s CARGO_PROFILE_RELEASE_STRIP=false \
    wasm-pack --quiet build --release --target web --out-dir "$PWD/$pkg" --out-name gisty \
    --no-pack -- --no-default-features
fi

out=target/wasm-instructions/run-$$
trap 'rm -rf "$out"' EXIT
mkdir -p "$out"
flags=(--predictable --hash-seed=1 --random-seed=1 --no-liftoff)
run() { # passes
  local extra=()
  # (--perf-basic-prof also writes V8's log: into $out, not the working directory)
  if [ "$stages" = 1 ]; then extra=(--perf-basic-prof --no-logfile-per-isolate --logfile="$out/v8.log"); fi
  valgrind --tool=callgrind --dump-instr=yes --smc-check=all \
    --callgrind-out-file="$out/callgrind.$1" node "${flags[@]}" "${extra[@]}" \
    scripts/wasm-instructions.mjs "$pkg" "$1" > "$out/log.$1" 2>&1
  local pid
  pid=$(sed -n 's/^==\([0-9]*\)== Collected.*/\1/p' "$out/log.$1")
  if [ "$stages" = 1 ]; then mv "/tmp/perf-$pid.map" "$out/perf.$1.map"; fi
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/log.$1"
}
one=$(run 1)
three=$(run 3)
awk -v a="$one" -v b="$three" -v p="$pkg" 'BEGIN {
  printf "wasm instructions (%s): %.3f M per article, first sight (%d - %d over 200 calls)\n",
    p, (b - a) / 200 / 1e6, b, a }'
[ "$stages" = 1 ] || exit 0

# Each run's instructions by function: callgrind's instruction addresses, placed in V8's map of
# the code it made (--perf-basic-prof); the rest by callgrind's own symbol (V8 and Node's C++).
python3 - "$out" <<'PY'
import bisect, collections, re, sys
out = sys.argv[1]
def profile(n):
    ranges = []
    for line in open(f"{out}/perf.{n}.map"):
        start, size, name = line.rstrip("\n").split(" ", 2)
        name = re.sub(r"::h[0-9a-f]{16}|-\d+-turbofan$| file:///\S+", "", name)
        ranges.append((int(start, 16), int(size, 16), name))
    ranges.sort()
    starts = [r[0] for r in ranges]
    cost, names, fn, last, skip = collections.Counter(), {}, "?", 0, False
    for line in open(f"{out}/callgrind.{n}"):
        if line.startswith("calls="):
            skip = True  # the next cost line is the call's inclusive cost
            continue
        if line.startswith("fn="):
            m = re.match(r"fn=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
            if m.group(2):
                names[m.group(1)] = m.group(2)
            fn = names.get(m.group(1), "?")
            continue
        if line[0] not in "0123456789+-*":
            continue
        parts = line.split()
        p = parts[0]
        last = int(p, 16) if p.startswith("0x") else last + int(p[1:], 0) if p[0] == "+" \
            else last - int(p[1:], 0) if p[0] == "-" else last
        if skip:
            skip = False
            continue
        ir = int(parts[2]) if len(parts) > 2 else 0
        i = bisect.bisect_right(starts, last) - 1
        if i >= 0 and last < ranges[i][0] + ranges[i][1]:
            cost[ranges[i][2]] += ir
        else:
            cost["(V8/Node) " + fn[:70]] += ir
    return cost
a, b = profile(1), profile(3)
diff = collections.Counter({k: (b[k] - a[k]) / 200 for k in set(a) | set(b)})
jit = sum(v for k, v in diff.items() if not k.startswith("(V8/Node)"))
print(f"in code V8 compiled (wasm, the glue's JS, builtins): {jit / 1e6:.3f} M per article")
print("top functions, instructions per article (self):")
for k, v in [kv for kv in diff.most_common() if not kv[0].startswith("(V8/Node)")][:30]:
    print(f"{v:>10.0f} {100 * v / jit:5.1f}%  {k[3:] if k.startswith('JS:') else k}"[:130])
PY
