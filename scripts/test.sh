#!/usr/bin/env bash
# Runs every test of newslens, after installing what is missing (scripts/setup.sh):
# fmt, clippy (native and wasm32), rustdoc, native tests, wasm tests under Node and
# headless Chromium, the release package build with its size budget, Node API tests,
# TypeScript checks of the .d.ts, a Vite build of an app using the package, the DOM fixtures
# and the end-to-end demo and element tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser

step() { printf '\n== %s\n' "$*"; }
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native, all features) and (wasm32)"
cargo clippy -q --all-targets --features eval,train -- -D warnings
cargo clippy -q --lib --tests --target wasm32-unknown-unknown --features dom -- -D warnings

step "cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps --features cli

step "cargo test (native; train adds the tools' own tests, e.g. the numeric gold reader)"
cargo test -q --features train

step "generated summary weights are not stale (skipped without the BBC data)"
if [ -d "${BBC_DATA:-../shared/data/bbc_news_summary}" ]; then
  "$(tools/venv.sh)" tools/train_summary.py --check
else
  echo "skipped: ${BBC_DATA:-../shared/data/bbc_news_summary} not found"
fi

step "cargo test --target wasm32-unknown-unknown (the SIMD unit tests and the API in Node; headless Chromium)"
cargo test --target wasm32-unknown-unknown --features dom --lib --test wasm_node --test wasm_browser --test dom_browser

step "release build of pkg/ (size budget)"
scripts/build.sh

step "Node: the package API, import by name, and a Vite 7 app bundling it (run in Chromium)"
node --test tests/js/

step "TypeScript: tsc --noEmit over a typed usage file"
node_modules/.bin/tsc -p tests/js/tsconfig.json

step "end to end: the demo page and the <news-lens> article page in Chromium"
node --test tests/e2e/

echo
echo "all tests passed"
