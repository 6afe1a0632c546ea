#!/usr/bin/env bash
# The page's tests, in headless Chromium driven by playwright-core: builds the page
# (scripts/build-page.sh), serves the built site dist/www on a free loopback port, and runs
# tests/page/, which also open the single-file build from disk. The tests that make the wasm
# panic use target/www-test: the site bundled with the test build of the wasm
# (scripts/build.sh web-test, which exports __testPanic) in place of the English build.
# Screenshots go to target/page-artifacts/. Then the core paths (paste, files chosen and dropped,
# the combined card, the single-file build) again in Firefox ESR through geckodriver
# (tests/firefox/).
# scripts/test.sh runs it; it also runs alone.
# usage: scripts/test-page.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ ! -d node_modules/playwright-core ] || [ ! -x /usr/bin/chromium ] ||
  [ ! -d node_modules/selenium-webdriver ] || ! command -v firefox-esr >/dev/null ||
  ! command -v geckodriver >/dev/null; then
  bash scripts/setup.sh --all
fi

bash scripts/build-page.sh
bash scripts/build.sh web-test
node scripts/bundle-page.mjs --pkg target/web-test-pkg --out target/www-test

artifacts=$PWD/target/page-artifacts
mkdir -p "$artifacts"
log=$(mktemp)
node scripts/static-server.mjs --root dist/www --port 0 >"$log" 2>&1 &
server=$!
# Waited for, not only signalled: a server still exiting (or a zombie no one reaps) when this
# script ends counts, for scripts/test.sh, as a process left running.
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -n 1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "test-page.sh: the static server did not start:" >&2
  cat "$log" >&2
  exit 1
fi
echo "--- the page (dist/www) at $url, the single-file build at dist/gisty.html"

GISTY_URL=$url GISTY_TEST_ROOT=$PWD/target/www-test GISTY_SINGLE_FILE=$PWD/dist/gisty.html GISTY_ARTIFACTS=$artifacts \
  node --test --test-concurrency=1 tests/page/
echo "--- the core paths in $(firefox-esr --version) (geckodriver $(geckodriver --version | awk 'NR == 1 { print $2 }'))"
GISTY_URL=$url GISTY_SINGLE_FILE=$PWD/dist/gisty.html GISTY_ARTIFACTS=$artifacts \
  node --test --test-concurrency=1 tests/firefox/
echo "--- screenshots in ${artifacts#"$PWD"/}/"
