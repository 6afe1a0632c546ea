#!/usr/bin/env bash
# Builds the page: the English, all-languages and file-reader web builds of the wasm into www/pkg,
# www/pkg-all and www/pkg-files (scripts/build.sh web web-all web-files), then, with esbuild (scripts/bundle-page.mjs), the
# served site in dist/www (its file list in dist/www-files.json) and the single-file build
# dist/gisty.html that works when opened from disk.
# usage: scripts/build-page.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ ! -f node_modules/esbuild/package.json ] || [ ! -f node_modules/@mozilla/readability/Readability.js ] ||
  ! command -v wasm-pack >/dev/null; then
  bash scripts/setup.sh --all
fi

bash scripts/build.sh web web-all web-files
node scripts/bundle-page.mjs --out dist/www --single dist/gisty.html
