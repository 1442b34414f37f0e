#!/usr/bin/env bash
# Fuzzes the core's analyze path with cargo-fuzz (libFuzzer); see docs/robustness.md.
#
#   scripts/fuzz.sh [SECONDS] [libFuzzer flags...]    # default 600 s
#
# Needs nightly features, which stable Rust 1.95 unlocks with RUSTC_BOOTSTRAP=1.
# Seeds fuzz/corpus/analyze/ from tests/data (each golden case and the sample
# article behind a 12-byte header of default options), then runs one fuzzing
# process; crashes land in fuzz/artifacts/analyze/. Replay one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run analyze fuzz/artifacts/analyze/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz # no --locked (see toolchain notes)

corpus=fuzz/corpus/analyze
mkdir -p "$corpus"
seed() { # seed NAME < text
  { head -c 12 /dev/zero; cat; } > "$corpus/seed-$1"
}
seed article < tests/data/belarus-2020-10-16.txt
for f in sentences summaries numeric; do
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" | sed 's/\\n/\n/g' | seed "$f-$n"
  done < <(sed -n 's/^> \{0,1\}//p' "tests/data/$f.txt")
done

# Speed is the budget (the tagger costs about a microsecond per byte): no sanitizer
# (the crate has no unsafe code; ASan costs 2-3x), no comparison tracing (4x)
# with a dictionary of news shapes instead, and texts up to 128 bytes, which
# gives about 3,500 runs/s on one core here. Overflow checks and debug
# assertions stay on (cargo-fuzz's default). Later flags override these.
cargo fuzz run --sanitizer none --no-trace-compares analyze "$corpus" -- \
  -max_total_time="$secs" -max_len=128 -dict=fuzz/analyze.dict -print_final_stats=1 "$@"
