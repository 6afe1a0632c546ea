#!/usr/bin/env bash
# The Python tests: builds the gisty package into the venv of scripts/setup.sh (maturin develop,
# an unoptimized build sharing the core's debug build with `cargo test`), builds the release CLI
# the tests compare against, and runs pytest on python/tests: the API, then PySpark in local[2]
# mode (one session for every Spark test) and Dask on the CNN/DM dev set, each summary checked
# against `target/release/gisty --jsonl`.
# usage: scripts/test-python.sh [PYTEST ARGS...]   (e.g. -k spark, python/tests/test_api.py)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The helpers of setup.sh (sourcing it runs nothing), then what these tests need.
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
bash scripts/setup.sh --python >/dev/null

venv=$(python_venv_dir)
export VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH"

# PySpark 4 wants Java 17+: when the `java` on PATH is older, a 17 or 21 that Debian installed.
have=$(java_major)
if [ -z "$have" ] || [ "$have" -lt 17 ]; then
  for home in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/java-21-openjdk-*; do
    if [ -x "$home/bin/java" ]; then
      export JAVA_HOME="$home" PATH="$home/bin:$PATH"
      break
    fi
  done
fi

echo "test-python.sh: building the CLI (release) and the package (maturin develop)"
cargo build --release --quiet --bin gisty
maturin develop --quiet -m python/Cargo.toml

if [ $# -eq 0 ]; then
  set -- python/tests
fi
# -p no:cacheprovider: no .pytest_cache left in the clone.
exec python -m pytest -p no:cacheprovider -q "$@"
