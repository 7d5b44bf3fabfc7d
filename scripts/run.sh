#!/usr/bin/env bash
# Sets everything up and runs the main job, end to end on the embedded SQLite store:
#   1. a workspace from the japan-enterprise template, checked;
#   2. the small demo world in the sources' real export formats;
#   3. ingest of every source (bad rows are quarantined and reported: exit 1 is expected);
#   4. the replay of the log through the design (revarch build), when built;
#   5. explain for one contact.
# Usage: scripts/run.sh [WORKSPACE_DIR]   (default: ./work; it is recreated)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target revarch_bin
bin=$PWD/build/release/bin/revarch
ws=${1:-work}
rm -rf "$ws"

step() { printf '\n== %s\n' "$*"; }
# Runs a command that exits 1 when it has findings to report (quarantined rows), 0 when clean.
findings_ok() { "$@" || { rc=$?; [ "$rc" -eq 1 ] || exit "$rc"; }; }

step "revarch init --template japan-enterprise $ws"
"$bin" init --template japan-enterprise "$ws"
step "revarch check $ws/architecture.yaml"
"$bin" check "$ws/architecture.yaml"

step "revarch demo --size small --seed 42 $ws/demo"
"$bin" demo --size small --seed 42 "$ws/demo"

# The Salesforce data is ingested from the weekly Data Export ZIP; demo/salesforce-loose/
# holds the same CSVs unzipped and is left out so nothing is read twice.
step "revarch ingest -w $ws (HubSpot, Salesforce, Sansan, Eight, GA4)"
findings_ok "$bin" ingest -w "$ws" "$ws/demo/hubspot" "$ws/demo/salesforce" "$ws/demo/sansan" \
  "$ws/demo/eight" "$ws/demo/ga4"

step "revarch build -w $ws (replay the log through the design)"
"$bin" build -w "$ws"

# One person who is in several tools: the first e-mail of the HubSpot contacts export.
email=$(grep -o -m1 '[A-Za-z0-9._%+-]*@[A-Za-z0-9.-]*\.[a-z]*' "$ws"/demo/hubspot/*contacts*.csv | head -1)
step "revarch explain -w $ws contact $email"
"$bin" explain -w "$ws" contact "$email"
