#!/usr/bin/env bash
# A kill -9 in the middle of an ingest leaves a consistent store, and re-running the ingest ends
# with exactly the counts of a clean ingest; a third run adds nothing.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

"$bin" demo --size small --seed 7 "$tmp/world" >/dev/null

# A clean ingest gives the reference count.
set +e
"$bin" ingest -q --json -w "$tmp/clean" "$tmp/world" >"$tmp/clean.json"
rc=$?
set -e
[ "$rc" -le 1 ] || fail "clean ingest exited $rc"
expected=$(json 'd["events_in_log"]' <"$tmp/clean.json")
[ "$expected" -gt 0 ] || fail "clean ingest stored no events"

# Kill an ingest that commits many small batches, part way through.
mkdir -p "$tmp/crash"
"$bin" ingest -q --batch-size 200 -w "$tmp/crash" "$tmp/world" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  [ -s "$tmp/crash/revarch.db" ] && break
  sleep 0.02
done
sleep 0.3
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

integrity=$(sqlite3 "$tmp/crash/revarch.db" "PRAGMA integrity_check;")
[ "$integrity" = "ok" ] || fail "integrity_check after kill -9: $integrity"
partial=$(sqlite3 "$tmp/crash/revarch.db" "SELECT count(*) FROM events;" 2>/dev/null || echo 0)
echo "events stored before the kill: $partial of $expected"

set +e
"$bin" ingest -q --json -w "$tmp/crash" "$tmp/world" >"$tmp/rerun.json"
rc=$?
set -e
[ "$rc" -le 1 ] || fail "re-run exited $rc"
got=$(json 'd["events_in_log"]' <"$tmp/rerun.json")
[ "$got" = "$expected" ] || fail "after re-run the log holds $got events, expected $expected"
accepted=$(json 'sum(s["accepted"] for s in d["sources"])' <"$tmp/rerun.json")
[ $((partial + accepted)) -eq "$expected" ] || fail "partial $partial + accepted $accepted != $expected"

# The same files a third time add nothing.
set +e
"$bin" ingest -q --json -w "$tmp/crash" "$tmp/world" >"$tmp/third.json"
set -e
again=$(json 'sum(s["accepted"] for s in d["sources"])' <"$tmp/third.json")
[ "$again" -eq 0 ] || fail "third run accepted $again events"
dups=$(json 'sum(s["duplicates"] for s in d["sources"])' <"$tmp/third.json")
# read = events + rows quarantined whole; every event is a duplicate now.
events=$(json 'sum(s["read"] - s["quarantined"] for s in d["sources"])' <"$tmp/third.json")
[ "$dups" -eq "$events" ] || fail "third run: $dups duplicates of $events events read"
echo "ok: kill -9 mid-ingest, re-run restores exactly $expected events"
