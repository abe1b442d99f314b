#!/usr/bin/env bash
# The LocalStack tier, as CI runs it: installs (or reuses) LocalStack, starts it with mock-config.json, runs the tests
# tagged "localstack" against it (they attach through REELFORGE_LOCALSTACK_STATE), stops it, and prints how long
# each step took. Needs Python >= 3.12 (install.sh says how to get one) and network access to PyPI on first use.
#
#   bash infrastructure/local/localstack/check.sh [extra maven arguments, e.g. -o]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
state="$root/.reelforge/localstack-check.state"
cd "$root"

echo "== LocalStack tier (engine conformance against LocalStack in host mode)"
began=$SECONDS
bash "$here/install.sh" >/dev/null
installed=$SECONDS
bash "$here/start.sh" --state-file "$state" >/dev/null
started=$SECONDS
trap 'bash "$here/stop.sh" --state-file "$state"' EXIT

REELFORGE_LOCALSTACK_STATE="$state" mvn -B "$@" -pl infrastructure/local/cli -am test \
  -Dreelforge.excludedGroups= -Dgroups=localstack -Dsurefire.failIfNoSpecifiedTests=false
tested=$SECONDS

bash "$here/stop.sh" --state-file "$state"
trap - EXIT
echo "== LocalStack tier: install/reuse $((installed - began)) s, start $((started - installed)) s," \
     "tests $((tested - started)) s, stop $((SECONDS - tested)) s, total $((SECONDS - began)) s"
