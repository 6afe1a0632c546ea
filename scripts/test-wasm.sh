#!/usr/bin/env bash
# The WebAssembly package's tests: builds every package of wasm-pack.toml (failing over the size
# budget), lints the wasm-only code, runs tests/web.rs in headless Chromium against the web build,
# the Node tests of the packed npm package and its consumer matrix (tests/consumers). scripts/test.sh runs it; it also runs alone,
# calling scripts/setup.sh first when a tool it needs is missing.
# usage: scripts/test-wasm.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

pinned=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$({ wasm-bindgen --version 2>/dev/null || true; } | awk '{ print $2 }')
if ! command -v wasm-pack >/dev/null || [ "$have" != "$pinned" ] ||
  ! command -v chromedriver >/dev/null || [ ! -d node_modules/typescript ] ||
  ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  bash scripts/setup.sh --all
fi

echo "--- the binding's packages (cargo tree, wasm32, normal dependencies)"
# Issue 16: each does a real job in src/wasm.rs and src/wasm/types.rs, so each is a normal
# dependency of the wasm build.
tree=$(cargo tree --target wasm32-unknown-unknown -e normal --depth 1 --prefix none)
for package in wasm-bindgen web-sys js-sys serde-wasm-bindgen console_error_panic_hook; do
  if ! grep -q "^$package v" <<<"$tree"; then
    echo "test-wasm: $package is not a normal dependency of the wasm build:" >&2
    echo "$tree" >&2
    exit 1
  fi
done

echo "--- build (scripts/build.sh)"
bash scripts/build.sh

echo "--- clippy (wasm32: the binding and tests/web.rs)"
cargo clippy --target wasm32-unknown-unknown --lib --test web -- -D warnings

echo "--- tests/web.rs in headless Chromium"
chromedriver=$(command -v chromedriver)
CHROMEDRIVER=$chromedriver wasm-pack test --headless --chrome --chromedriver "$chromedriver" \
  -- --test web

echo "--- the npm package in Node (tests/node)"
node --test tests/node/

echo "--- the npm package in fresh projects: Node, CommonJS, TypeScript, Deno, Bun, Vite 8 and 7, webpack, esbuild, pages, workers (tests/consumers)"
node --test tests/consumers/
