#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ one after another (one fuzzer process at a time), each for
# SECONDS (default 600), with the committed seeds copied into its working corpus first. Installs
# cargo-fuzz when it is missing; needs the nightly toolchain.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: segment summarize summarize_many read)
#
# A crash or a timeout stops the run with libFuzzer's report; the input that caused it is saved
# under fuzz/artifacts/<target>/, and `cargo +nightly fuzz run <target> <that file>` replays it.
# Each finding becomes a named test in tests/hostile.rs. The last lines of each run (executions,
# time) are kept in fuzz/logs/<target>.log, the whole output in <target>.full.log (not committed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(segment summarize summarize_many read)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz.sh: the nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

mkdir -p fuzz/logs
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  cp -n "fuzz/seeds/$t/"* "fuzz/corpus/$t/" 2>/dev/null || true
  echo "==> fuzz $t for ${seconds}s"
  # No sanitizer: the crate has no unsafe code, and without ASan the fuzzer runs several times
  # faster; debug assertions and overflow checks stay on (cargo-fuzz's default).
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: one using 2 GB is a leak or a blow-up.
  # -max_len: inputs up to 64 KB, so that cost blow-ups on long inputs can show.
  set +e
  cargo +nightly fuzz run --sanitizer none "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 2>&1 | tee "fuzz/logs/$t.full.log" \
    | grep --line-buffered -E 'pulse|DONE|ERROR|SUMMARY|panicked|Test unit written'
  status=${PIPESTATUS[0]}
  set -e
  tail -n 30 "fuzz/logs/$t.full.log" | grep -E 'DONE|stat::|Done [0-9]+ runs' >"fuzz/logs/$t.log" || true
  cat "fuzz/logs/$t.log"
  if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: $t found a crash or a timeout (exit $status); see fuzz/logs/$t.full.log" >&2
    exit "$status"
  fi
done
echo "fuzz.sh: every target ran ${seconds}s with no crash or timeout"
