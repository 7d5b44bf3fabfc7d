#!/usr/bin/env bash
# Builds the release preset and runs every benchmark in bench/, printing their figures.
#   scripts/bench.sh            all benchmarks
#   scripts/bench.sh NAME...    only these (e.g. expr_bench store_bench)
# Figures are recorded by hand in docs/performance.md with the machine and the command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB"
if [ $# -gt 0 ]; then names=("$@"); else names=(); for b in build/release/bench/*_bench; do names+=("$(basename "$b")"); done; fi
for n in "${names[@]}"; do
  echo "== $n"
  "build/release/bench/$n"
done
