#!/usr/bin/env bash
# Installs everything newslens needs on a fresh machine; a no-op when it is all there.
# Rust's wasm target, wasm-bindgen-cli (same version as the crate), npm dev packages,
# and Debian's Chromium + ChromeDriver for browser tests (with --browser).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)

step() { printf '\n== %s\n' "$*"; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || {
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # no --locked: the registry mirror here lacks one of its pinned transitive crates
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

stamp=node_modules/.package-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  step "apt-get install chromium chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
