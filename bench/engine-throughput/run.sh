#!/usr/bin/env bash
# Engine throughput: Reelforge's ASL engine vs aws-local-stepfunctions 3.0.0 (npm) on the same no-op definition
# (Pass → Map(N × Pass/Choice/Succeed) → Succeed), both in-process, run by this script on this machine.
# Prints transitions per second for each and the ratio (ours / peer).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="${REELFORGE_TOOLS_DIR:-$HOME/.cache/reelforge/node-tools}"
[ -d "$tools/node_modules/aws-local-stepfunctions" ] || \
  npm install --prefix "$tools" --silent --no-audit --no-fund --no-save aws-local-stepfunctions@3.0.0 asl-validator@4.0.0 >/dev/null

(cd "$root" && mvn -B -q -DskipTests -pl infrastructure/local/states-engine -am install \
  && mvn -B -q -f infrastructure/local/states-engine/pom.xml dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt)
cp="$root/infrastructure/local/states-engine/target/classes:$(cat "$root/infrastructure/local/states-engine/target/bench-classpath.txt")"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
node --input-type=module -e "import {definition} from '$here/definition.mjs'; console.log(JSON.stringify(definition()))" > "$scratch/definition.json"
ln -s "$tools/node_modules" "$here/node_modules" 2>/dev/null || true
trap 'rm -rf "$scratch"; rm -f "$here/node_modules"' EXIT

printf "%-6s %-6s %14s %14s %8s\n" N runs "reelforge t/s" "peer t/s" ratio
for n in 100 1000; do
  runs=$(( n == 100 ? 200 : 20 ))
  ours=$(java -cp "$cp" "$here/EngineThroughput.java" "$scratch/definition.json" "$n" "$runs")
  peer=$(node "$here/peer.mjs" "$n" "$runs")
  printf "%-6s %-6s %14s %14s %8.2f\n" "$n" "$runs" "$ours" "$peer" "$(echo "$ours / $peer" | bc -l)"
done
