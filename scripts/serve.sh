#!/usr/bin/env bash
# The page, served: installs what is missing (scripts/setup.sh), builds the page
# (scripts/build-page.sh), then serves the built site, dist/www, on 127.0.0.1 until Ctrl-C.
# usage: scripts/serve.sh            PORT=9000 scripts/serve.sh
# The port is $PORT (default 8080), or the next free one after it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
bash scripts/build-page.sh

echo
echo "The single-file build, which also works opened from disk: $PWD/dist/gisty.html"
exec node scripts/static-server.mjs --root dist/www --port "${PORT:-8080}"
