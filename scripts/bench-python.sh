#!/usr/bin/env bash
# The Python figures of the README: builds the release wheel (`maturin build --release`, one
# abi3 wheel for CPython 3.9+) and prints its size, then runs scripts/bench-python.py with that
# wheel first on PYTHONPATH (unpacked under target/, the test venv's editable build untouched).
# usage: scripts/bench-python.sh [bench-python.py ARGS...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# shellcheck source=scripts/setup.sh
source scripts/setup.sh
bash scripts/setup.sh --python >/dev/null
venv=$(python_venv_dir)
export PATH="$venv/bin:$PATH"

cargo build --release --quiet --bin gisty
rm -f target/wheels/gisty-*.whl
maturin build --release --quiet -m python/Cargo.toml -o target/wheels
wheel=$(ls target/wheels/gisty-*.whl)
echo "bench-python.sh: $(basename "$wheel"): $(stat -c %s "$wheel") bytes" \
  "($(awk -v b="$(stat -c %s "$wheel")" 'BEGIN { printf "%.1f", b / 1024 }') kB)" >&2

site=target/bench-python/site
rm -rf "$site"
python -m pip install -q --disable-pip-version-check --no-deps --target "$site" "$wheel"
PYTHONPATH="$PWD/$site" exec python scripts/bench-python.py "$@"
