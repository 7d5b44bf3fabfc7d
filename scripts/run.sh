#!/usr/bin/env bash
# Sets everything up and runs the main job: the release build, then a workspace from the
# japan-enterprise template, checked.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2
bin=build/release/bin/revarch
out=${1:-work}
rm -rf "$out"
"$bin" version
