#!/usr/bin/env bash
# Engine throughput: Reelforge's ASL engine vs aws-local-stepfunctions 3.0.0 (npm) on the same no-op definition
# (Pass → Map(N × Pass/Choice/Succeed) → Succeed, 3 + 3N transitions), both in-process, run by this script on this
# machine. Each side, in a fresh process, makes the same number of untimed warm-up runs, then the timed runs.
# Per N and round it prints transitions per second for each side and their ratio (ours / peer), the order of the two
# sides alternating between rounds; then, per N, the median of the per-round ratios.
#
# With mode "http" our side is ServeThroughput: the same engine behind reelforge serve's Step Functions server,
# driven over HTTP, one StartSyncExecution of an EXPRESS machine per run; the peer stays in-process, as it has no
# server. The client is a plain AWS JSON 1.0 POST with the JDK's HttpClient (unsigned: serve checks no signature), or
# with BENCH_CLIENT=sdk the AWS SDK for Java's SfnClient (URLConnection client, SigV4, the SDK's marshalling).
#
# Usage: nice -n 10 bash bench/engine-throughput/run.sh [rounds] [warmups] [inprocess|http]   (defaults 5, 20, inprocess)
#        (chrt -f 10 in front instead of nice for near-quiet numbers on a loaded machine)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
warmups="${2:-20}"
mode="${3:-inprocess}"
tools="${REELFORGE_TOOLS_DIR:-$HOME/.cache/reelforge/node-tools}"
[ -d "$tools/node_modules/aws-local-stepfunctions" ] || \
  npm install --prefix "$tools" --silent --no-audit --no-fund --no-save aws-local-stepfunctions@3.0.0 asl-validator@4.0.0 >/dev/null

# Built in the reactor, not installed: the classpath names this checkout's jars.
module="infrastructure/local/states-engine"; main="EngineThroughput.java"
if [ "$mode" = http ]; then module="infrastructure/local/cli"; main="ServeThroughput.java"; fi
(cd "$root" && mvn -B -q -Dmaven.test.skip=true -pl "$module" -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime)
cp="$root/$module/target/classes:$(cat "$root/$module/target/bench-classpath.txt")"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
node --input-type=module -e "import {definition} from '$here/definition.mjs'; console.log(JSON.stringify(definition()))" > "$scratch/definition.json"
ln -s "$tools/node_modules" "$here/node_modules" 2>/dev/null || true
trap 'rm -rf "$scratch"; rm -f "$here/node_modules"' EXIT

client="${BENCH_CLIENT:-json}"
ours() { java -Dslf4j.internal.verbosity=ERROR -cp "$cp" "$here/$main" "$scratch/definition.json" "$1" "$2" "$warmups" "$client"; }
peer() { node "$here/peer.mjs" "$1" "$2" "$warmups"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "mode: $mode$([ "$mode" = http ] && echo " (client: $client)"); warm-up: $warmups untimed runs on each side before its timed runs"
printf "%-6s %-6s %-6s %-10s %14s %14s %8s\n" N runs round order "reelforge t/s" "peer t/s" ratio
summary=()
for n in 100 1000; do
  runs=$(( n == 100 ? 200 : 20 ))
  ratios=()
  for round in $(seq "$rounds"); do
    if (( round % 2 == 1 )); then
      order="ours,peer"; o="$(ours "$n" "$runs")"; p="$(peer "$n" "$runs")"
    else
      order="peer,ours"; p="$(peer "$n" "$runs")"; o="$(ours "$n" "$runs")"
    fi
    r="$(echo "$o / $p" | bc -l)"
    ratios+=("$r")
    printf "%-6s %-6s %-6s %-10s %14s %14s %8.2f\n" "$n" "$runs" "$round" "$order" "$o" "$p" "$r"
  done
  summary+=("$(printf "N=%s: median of the %s per-round ratios %.2f (range %.2f-%.2f)" "$n" "$rounds" \
    "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | sort -g | sed -n 1p)" \
    "$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)")")
done
printf '%s\n' "${summary[@]}"
