#!/usr/bin/env bash
# The page's JS unit tests: the modules in www/ that need no DOM, under Node's own test runner
# (tests/unit/*.test.mjs). Needs only node; installs nothing. Works from any directory.
# usage: scripts/test-js.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# A regression to quadratic work on the 10 MB cases would hang rather than fail: a generous
# per-test limit turns that into a failure (it is no speed check: every case takes seconds).
node --test --test-timeout=300000 tests/unit/
