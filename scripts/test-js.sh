#!/usr/bin/env bash
# The page's JS unit tests: the modules in www/ that need no DOM, under Node's own test runner
# (tests/unit/*.test.mjs). Needs only node; installs nothing. Works from any directory.
# usage: scripts/test-js.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

node --test tests/unit/
