#!/usr/bin/env bash
# End-to-end: `revarch init` writes each template, `revarch check` passes on it, an introduced
# mistake is reported at its exact file:line:col with exit 1, --json is valid JSON, and bad
# input exits 2. Usage: check_init.sh <revarch binary> <repo root>
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_rc() {  # expect_rc <want> <description> <command...>
  local want=$1 what=$2; shift 2
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    fail "$what: exit $rc, want $want"; cat "$work/out" "$work/err"
  fi
}

for tpl in japan-enterprise global-saas; do
  expect_rc 0 "init $tpl" "$bin" init --template "$tpl" "$work/$tpl"
  [ -f "$work/$tpl/architecture.yaml" ] || fail "init $tpl wrote no architecture.yaml"
  cmp -s "$work/$tpl/architecture.yaml" "$root/examples/$tpl/architecture.yaml" ||
    fail "init $tpl: the written design differs from examples/$tpl/architecture.yaml"
  expect_rc 0 "check $tpl" "$bin" check "$work/$tpl/architecture.yaml" --today 2026-11-23
  grep -q "0 errors" "$work/out" || fail "check $tpl: no '0 errors' summary"
done

# init refuses to overwrite, unless --force.
expect_rc 2 "init over an existing design" "$bin" init "$work/japan-enterprise"
expect_rc 0 "init --force" "$bin" init --force "$work/japan-enterprise"
expect_rc 2 "init with an unknown template" "$bin" init --template nope "$work/x"

# An unknown field is reported at its exact position.
design="$work/japan-enterprise/architecture.yaml"
broken="$work/broken.yaml"
line=$(grep -n '      - when: contact.seniority in' "$design" | head -1 | cut -d: -f1)
[ -n "$line" ] || fail "the template has no contact.seniority fit rule"
sed "${line}s/contact.seniority/contact.senority/" "$design" >"$broken"
expect_rc 1 "check with a typo" "$bin" check "$broken" --today 2026-11-23
want="$broken:$line:15: error: unknown field 'contact.senority' (did you mean 'contact.seniority'?) [unknown-field]"
grep -qxF "$want" "$work/out" || { fail "typo not reported as: $want"; cat "$work/out"; }

# --json parses, and counts the error.
"$bin" check "$broken" --json --today 2026-11-23 >"$work/json"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["errors"] == 1, d
assert d["diagnostics"][0]["code"] == "unknown-field", d
assert d["diagnostics"][0]["line"] == int(sys.argv[2]), d
' "$work/json" "$line" || fail "--json output is not the expected JSON"

# A design in the current folder is the default.
(cd "$work/global-saas" && "$bin" check --today 2026-11-23 >/dev/null) || fail "check with no argument"

# Unreadable input and bad usage exit 2.
expect_rc 2 "check of a missing file" "$bin" check "$work/does-not-exist.yaml"
expect_rc 2 "check with a bad --today" "$bin" check "$design" --today 2026-13-40
expect_rc 2 "check with an unknown flag" "$bin" check "$design" --frobnicate

if [ "$failures" -ne 0 ]; then
  echo "check_init: $failures failed"
  exit 1
fi
echo "check_init: all passed"
