#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each one.
#   scripts/fuzz.sh --smoke        a few seconds each (CI)
#   scripts/fuzz.sh [SECONDS]      longer runs on demand (default 300 s each)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=300
if [ "${1:-}" = "--smoke" ]; then seconds=${REVARCH_FUZZ_SMOKE_SECONDS:-5}; elif [ -n "${1:-}" ]; then seconds=$1; fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j2
shopt -s nullglob
targets=(build/fuzz/fuzz/*_fuzz)
if [ ${#targets[@]} -eq 0 ]; then echo "fuzz: no targets built"; exit 0; fi
passed=0; failed=0
for t in "${targets[@]}"; do
  name=$(basename "$t")
  corpus_src="fuzz/corpus/${name%_fuzz}"
  work=$(mktemp -d)
  [ -d "$corpus_src" ] && cp -r "$corpus_src"/. "$work"/
  dict=()
  [ -f "fuzz/${name%_fuzz}.dict" ] && dict=(-dict="$PWD/fuzz/${name%_fuzz}.dict")
  echo "fuzz: $name for ${seconds}s"
  if (cd "$work" && "$OLDPWD/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=4096 "${dict[@]}" . >"$work/log" 2>&1); then
    passed=$((passed + 1)); tail -1 "$work/log"
  else
    failed=$((failed + 1)); tail -40 "$work/log"
  fi
  rm -rf "$work"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
