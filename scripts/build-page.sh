#!/usr/bin/env bash
# Builds the page: the web build of the wasm into www/pkg (scripts/build.sh web), Mozilla's
# Readability from node_modules into www/vendor, and the single-file build dist/gisty.html that
# works when opened from disk.
# usage: scripts/build-page.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

readability=node_modules/@mozilla/readability
if [ ! -f "$readability/Readability.js" ] || ! command -v wasm-pack >/dev/null; then
  bash scripts/setup.sh --all
fi

bash scripts/build.sh web

# Readability is a script that defines a global function; the page imports it as a module.
mkdir -p www/vendor
version=$(node -p "require('./$readability/package.json').version")
{
  printf '// Mozilla Readability %s, from the npm package @mozilla/readability (Apache-2.0, see\n' "$version"
  printf '// readability-LICENSE.md), copied by scripts/build-page.sh with an ES module export added.\n'
  cat "$readability/Readability.js"
  printf '\nexport { Readability };\n'
} >www/vendor/readability.js
cp "$readability/LICENSE.md" www/vendor/readability-LICENSE.md
echo "build-page: www/vendor/readability.js (Readability $version)"

node scripts/single-file.mjs dist/gisty.html
