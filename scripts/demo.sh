#!/usr/bin/env bash
# Sets up, builds pkg/ and serves the demo; prints its URL. PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
