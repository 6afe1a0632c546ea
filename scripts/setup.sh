#!/usr/bin/env bash
# Installs every tool the project's tests need, skipping what is already present; safe to rerun.
# usage: scripts/setup.sh [--native | --python | --all]
#   --native  what the native tests need: rustfmt, clippy, python rouge-score
#   --python  what the Python tests need: a venv with python/requirements-dev.txt, and Java 17+
#   --all     (default) also the wasm32 target, wasm-pack, the wasm-bindgen CLI matching
#             Cargo.lock, chromium with chromedriver, firefox-esr with geckodriver, the node
#             packages of package.json, and what --python installs
# Prints one line per tool: present or installed. Exits non-zero when a tool cannot be had.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '  %-22s %s\n' "$1" "$2"; }
die() {
  echo "setup.sh: $*" >&2
  exit 1
}

# Runs a command as root: directly, or through sudo without a password prompt (CI has no stdin).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

apt_updated=false
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* by hand"
  if ! $apt_updated; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# The version of the wasm-bindgen crate recorded in a Cargo.lock, or nothing.
lock_version() { # lockfile [package]
  local lock=$1 package=${2:-wasm-bindgen}
  [ -f "$lock" ] || return 0
  awk -v want="$package" '
    /^\[\[package\]\]/ { name = "" }
    /^name = / { name = $3; gsub(/"/, "", name) }
    /^version = / && name == want { v = $3; gsub(/"/, "", v); print v; exit }
  ' "$lock"
}

# The version `wasm-bindgen --version` reports ("wasm-bindgen 0.2.100"), or nothing.
installed_wasm_bindgen() {
  command -v wasm-bindgen >/dev/null 2>&1 || return 0
  { wasm-bindgen --version 2>/dev/null || true; } | awk '{ print $2; exit }'
}

rust() {
  if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
    command -v curl >/dev/null 2>&1 || die "Rust (rustup, cargo) is missing and curl is not there to fetch rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
      sh -s -- -y --profile minimal --no-modify-path ||
      die "cannot install Rust: see https://rustup.rs"
    say rustup "installed ($(rustc --version))"
  else
    say rustup "present ($(rustc --version))"
  fi
  local installed
  installed=$(rustup component list --installed)
  for c in rustfmt clippy; do
    if grep -q "^$c" <<<"$installed"; then
      say "$c" present
    else
      rustup component add "$c" >/dev/null
      say "$c" installed
    fi
  done
}

wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say wasm32-unknown-unknown present
  else
    rustup target add wasm32-unknown-unknown >/dev/null
    say wasm32-unknown-unknown installed
  fi
}

rouge() {
  if ! command -v python3 >/dev/null 2>&1; then
    apt_install python3 python3-pip
  fi
  if python3 -c 'import rouge_score' 2>/dev/null; then
    say rouge-score present
    return
  fi
  if ! python3 -m pip --version >/dev/null 2>&1; then
    python3 -m ensurepip --upgrade >/dev/null 2>&1 || apt_install python3-pip
  fi
  # A Debian system python refuses pip installs (PEP 668) unless told the user means it.
  python3 -m pip install -q rouge-score ||
    python3 -m pip install -q --break-system-packages rouge-score ||
    die "cannot install the python package rouge-score"
  python3 -c 'import rouge_score' || die "rouge-score installed but cannot be imported"
  say rouge-score installed
}

wasm_pack() {
  if command -v wasm-pack >/dev/null 2>&1; then
    say wasm-pack "present ($(wasm-pack --version))"
  else
    cargo install --quiet wasm-pack
    say wasm-pack "installed ($(wasm-pack --version))"
  fi
}

# wasm-bindgen refuses to process a module built with a different version of the crate, so the
# CLI must match Cargo.lock exactly.
wasm_bindgen() {
  local want have
  want=$(lock_version "$root/Cargo.lock")
  if [ -z "$want" ]; then
    say wasm-bindgen "skipped (no wasm-bindgen in Cargo.lock yet)"
    return
  fi
  have=$(installed_wasm_bindgen)
  if [ "$have" = "$want" ]; then
    say wasm-bindgen "present ($want)"
    return
  fi
  cargo install --quiet wasm-bindgen-cli --version "$want"
  have=$(installed_wasm_bindgen)
  [ "$have" = "$want" ] ||
    die "wasm-bindgen $want was installed but \`wasm-bindgen --version\` says ${have:-nothing} (check PATH)"
  say wasm-bindgen "installed ($want)"
}

chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say chromium present
  else
    apt_install chromium chromium-driver
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
      die "chromium or chromedriver still missing after apt-get install"
    fi
    say chromium installed
  fi
}

# The page's core paths also run in Firefox (tests/firefox/): Debian's firefox-esr, driven through
# geckodriver, which Debian does not package; cargo builds it (a few minutes, once).
firefox() {
  if command -v firefox-esr >/dev/null 2>&1; then
    say firefox-esr present
  else
    apt_install firefox-esr
    command -v firefox-esr >/dev/null 2>&1 || die "firefox-esr still missing after apt-get install"
    say firefox-esr installed
  fi
  if command -v geckodriver >/dev/null 2>&1; then
    say geckodriver "present ($(geckodriver --version | awk 'NR == 1'))"
  else
    cargo install --quiet --locked geckodriver || cargo install --quiet geckodriver ||
      die "cannot build geckodriver with cargo"
    command -v geckodriver >/dev/null 2>&1 || die "geckodriver was installed but is not on PATH"
    say geckodriver "installed ($(geckodriver --version | awk 'NR == 1'))"
  fi
}

node_packages() {
  if [ ! -f "$root/package.json" ]; then
    say node-packages "skipped (no package.json)"
    return
  fi
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  # npm records what it installed in node_modules/.package-lock.json: newer than the manifests
  # means node_modules is up to date.
  local stamp="$root/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$root/package.json" ] &&
    { [ ! -f "$root/package-lock.json" ] || [ "$stamp" -nt "$root/package-lock.json" ]; }; then
    say node-packages present
    return
  fi
  if [ -f "$root/package-lock.json" ]; then
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd "$root" && npm install --no-audit --no-fund --loglevel=error)
  fi
  say node-packages installed
}

# The venv of the Python tests and benchmark (scripts/test-python.sh, scripts/bench-python.sh):
# outside the clone and outside target/, so that the system Python stays clean, `cargo clean`
# keeps it, and every clone on the machine shares one.
python_venv_dir() { echo "${GISTY_PY_VENV:-$HOME/.cache/gisty/py-venv}"; }

python_venv() {
  local venv want stamp
  venv=$(python_venv_dir)
  want="$root/python/requirements-dev.txt"
  # A copy of the requirements the venv was filled from: the same file means nothing to do.
  stamp="$venv/gisty-requirements.txt"
  if [ -x "$venv/bin/python" ] && cmp -s "$want" "$stamp" &&
    "$venv/bin/python" -c 'import maturin, pytest, pyspark, pandas, pyarrow, dask, sumy' 2>/dev/null; then
    say python-venv "present ($venv)"
    return
  fi
  if [ ! -x "$venv/bin/python" ]; then
    command -v python3 >/dev/null 2>&1 || apt_install python3
    mkdir -p "$(dirname "$venv")"
    # Debian's python3 has venv's pip only with python3-venv.
    python3 -m venv "$venv" 2>/dev/null || {
      rm -rf "$venv"
      apt_install python3-venv
      python3 -m venv "$venv"
    } || die "cannot make a Python venv at $venv"
  fi
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$want" ||
    die "cannot install python/requirements-dev.txt into $venv"
  cp "$want" "$stamp"
  say python-venv "installed ($venv)"
}

# The major version of the `java` on PATH (8 for "1.8.0_412"), or nothing.
java_major() {
  command -v java >/dev/null 2>&1 || return 0
  java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]); exit }'
}

# PySpark 4 runs on Java 17 or later; Debian 12 has 17, Debian 13 only 21.
java17() {
  local have
  have=$(java_major)
  if [ -n "$have" ] && [ "$have" -ge 17 ]; then
    say java "present (Java $have)"
    return
  fi
  if [ -n "$have" ] && ls -d /usr/lib/jvm/java-{17,21}-openjdk-* >/dev/null 2>&1; then
    say java "present (Java $have on PATH; scripts/test-python.sh uses /usr/lib/jvm's 17+)"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "Java 17+ is missing and apt-get is not there: install it by hand"
  apt_install openjdk-17-jre-headless 2>/dev/null || apt_install openjdk-21-jre-headless ||
    die "cannot install Java 17+ (openjdk-17-jre-headless or openjdk-21-jre-headless)"
  say java installed
}

main() {
  local mode=all
  for arg in "$@"; do
    case $arg in
      --native) mode=native ;;
      --python) mode=python ;;
      --all) mode=all ;;
      -h | --help)
        sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        return 0
        ;;
      *) die "unknown option $arg (expected --native, --python or --all)" ;;
    esac
  done
  echo "setup.sh: checking tools ($mode)"
  rust
  if [ "$mode" = python ]; then
    python_venv
    java17
    return
  fi
  rouge
  if [ "$mode" = all ]; then
    wasm_target
    wasm_pack
    wasm_bindgen
    chromium
    firefox
    node_packages
    python_venv
    java17
  fi
}

# Sourcing the script (for testing its helpers) does not run it.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
