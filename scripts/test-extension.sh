#!/usr/bin/env bash
# The browser extension's tests (tests/extension/), in Chromium driven by playwright-core with the
# extension loaded unpacked (new headless mode): builds the shipped extension (scripts/build.sh
# extension: dist/extension/, its zip, dist/extension-firefox/) and the tests' builds
# (target/extension-test and target/extension-test-firefox: the same with host access to
# http://127.0.0.1/*, which a test needs since it cannot press the toolbar button), then runs the
# tests; those in Firefox (WebDriver BiDi) run where Firefox is installed and are skipped, saying
# so, where it is not. Screenshots go to target/extension-artifacts/.
# scripts/test.sh runs it; it also runs alone.
# usage: scripts/test-extension.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -d node_modules/playwright-core ] || [ ! -f node_modules/esbuild/package.json ] || [ ! -x /usr/bin/chromium ]; then
  bash scripts/setup.sh --all
fi

bash scripts/build.sh extension
node scripts/bundle-extension.mjs --test

artifacts=$PWD/target/extension-artifacts
mkdir -p "$artifacts"
GISTY_ARTIFACTS=$artifacts node --test --test-concurrency=1 tests/extension/
echo "--- screenshots in ${artifacts#"$PWD"/}/"
