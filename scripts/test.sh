#!/usr/bin/env bash
# The project's test command: installs what is missing, then lints and tests everything, in order,
# stopping at the first failure. Works from any directory; CI runs it through .ci/run.
# usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

passed=()
skipped=()
began=$SECONDS
current=""

# Each step runs in its own process group, so that whatever it leaves running (a server, a
# browser) can be stopped when it ends, and an interrupt stops it too.
stop_group() { # pgid
  if kill -0 -- "-$1" 2>/dev/null; then
    kill -TERM -- "-$1" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$1" 2>/dev/null || true
    return 0
  fi
  return 1
}

interrupted() {
  if [ -n "$current" ]; then
    stop_group "$current" || true
  fi
  echo "test.sh: interrupted" >&2
  exit 130
}
trap interrupted INT TERM

step() { # name command...
  local name=$1 t0=$SECONDS rc=0
  shift
  echo
  echo "==> $name"
  if command -v setsid >/dev/null 2>&1; then
    # Started in the background, the step reads /dev/null: no step may wait for input.
    setsid -w "$@" &
    current=$!
    wait "$current" || rc=$?
    if stop_group "$current"; then
      echo "test.sh: warning: step '$name' left processes running; stopped them" >&2
    fi
    current=""
  else
    "$@" || rc=$?
  fi
  if [ "$rc" -ne 0 ]; then
    echo >&2
    echo "test.sh: FAILED at step '$name' (exit $rc) after $((SECONDS - began))s;" \
      "passed before it: ${passed[*]:-none}" >&2
    exit "$rc"
  fi
  passed+=("$name")
  echo "--- $name: ok ($((SECONDS - t0))s)"
}

optional() { # name script
  if [ -f "$2" ]; then
    step "$1" bash "$2"
  else
    echo
    echo "==> $1: skipped ($2 does not exist yet)"
    skipped+=("$1")
  fi
}

step setup bash scripts/setup.sh
step fmt cargo fmt --all -- --check
step js-unit bash scripts/test-js.sh
step clippy cargo clippy --all-targets -- -D warnings
step clippy-counters cargo clippy --all-targets --features work-counters -- -D warnings
step clippy-wasm cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step test cargo test --all-targets --no-fail-fast
step doctest cargo test --doc
# Complexity by work counts, not clocks (tests/growth.rs): 4x the input, at most 4.6x the work.
step growth cargo test --features work-counters --test growth
# Just under the 50 MB input limit, a summary: too slow unoptimized, so it runs optimized here.
step limit cargo test --release --test hostile -- --ignored
step eval bash scripts/eval.sh --check
# The Python package on the core, with PySpark local[2] and Dask (scripts/test-python.sh).
optional python scripts/test-python.sh
optional wasm scripts/test-wasm.sh
optional page scripts/test-page.sh
optional extension scripts/test-extension.sh

echo
summary="test.sh: all ${#passed[@]} steps passed in $((SECONDS - began))s (${passed[*]})"
[ ${#skipped[@]} -eq 0 ] || summary+="; skipped: ${skipped[*]}"
echo "$summary"
