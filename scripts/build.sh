#!/usr/bin/env bash
# Builds the npm package in pkg/: release wasm, wasm-bindgen --target web, wasm-opt -Oz -ocimfs 0.
# Prints the package size (gzipped) and fails if it is over the budget.
#   scripts/build.sh --names DIR   the same build with the wasm's function names kept, in DIR
#                                  instead of pkg/, for profilers (bench/profile.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_BYTES=$((1024 * 1024)) # 1 MB gzipped: wasm + JS glue

pkg=pkg
names=""
if [ "${1:-}" = "--names" ]; then
  [ -n "${2:-}" ] || { echo "build: --names needs a folder to build into" >&2; exit 2; }
  pkg=$2
  names=yes
  if [ -e "$pkg" ] && [ ! -f "$pkg/newslens_bg.wasm" ]; then
    echo "build: $pkg exists and is not an earlier build; give a new folder" >&2
    exit 2
  fi
elif [ -n "${1:-}" ]; then
  echo "build: unknown argument $1 (scripts/build.sh [--names DIR])" >&2
  exit 2
fi

cargo build -q --lib --release --target wasm32-unknown-unknown --features dom
rm -rf "$pkg" && mkdir -p "$pkg"
wasm-bindgen ${names:+--keep-debug} --target web --out-dir "$pkg" --out-name newslens \
  target/wasm32-unknown-unknown/release/newslens.wasm
# -ocimfs 0: no inlining of every function with a single caller. That inlining folds the whole
# pipeline into a few huge functions, which V8 compiles into slower code: without it analyze()
# is 7-18% faster in Node, cold start 4 ms shorter and the wasm 6 KB smaller gzipped (README).
node_modules/.bin/wasm-opt ${names:+-g} -Oz -ocimfs 0 --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-simd --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$pkg/newslens_bg.wasm" -o "$pkg/newslens_bg.wasm"
cp js/package.json js/README.md "$pkg/"
cp src/dom/styles.css "$pkg/newslens.css"
cp js/element.js js/element.d.ts js/analyzer-worker.js js/analyzer-worker.d.ts js/worker.js js/worker.d.ts "$pkg/"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$version\"/" "$pkg/package.json"

total=0
for f in "$pkg"/{newslens_bg.wasm,newslens.js,element.js,analyzer-worker.js,worker.js,newslens.css}; do
  n=$(gzip -9 -c "$f" | wc -c)
  total=$((total + n))
  printf '%-24s %8d bytes, %8d gzipped\n' "$f" "$(wc -c < "$f")" "$n"
done
printf 'package size: %d bytes gzipped (budget %d)\n' "$total" "$BUDGET_BYTES"
if [ -n "$names" ]; then
  echo "(a build with function names, for profiling: the budget is for pkg/)"
elif [ "$total" -gt "$BUDGET_BYTES" ]; then
  echo "error: pkg/ is over its size budget of $BUDGET_BYTES gzipped bytes" >&2
  exit 1
fi
