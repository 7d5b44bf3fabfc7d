#!/usr/bin/env bash
# Sets everything up and runs the test-suite: the sanitized (ASan + UBSan) build with every
# unit, data-driven and end-to-end test, then a short smoke run of each libFuzzer target.
# Slow tiers (large worlds, long fuzzing) are left out: scripts/fuzz.sh, scripts/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=2

cmake --preset debug >/dev/null
cmake --build --preset debug -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset debug

if [ "${REVARCH_SKIP_FUZZ:-0}" != "1" ]; then
  bash scripts/fuzz.sh --smoke
fi
