#!/usr/bin/env bash
# Engine throughput: Reelforge's ASL engine vs aws-local-stepfunctions 3.0.0 (npm) on the same no-op definition
# (Pass → Map(N × Pass/Choice/Succeed) → Succeed, 3 + 3N transitions), both in-process, run by this script on this
# machine. Each side, in a fresh process, warms up with untimed runs, then makes the timed runs, both the same on
# each side. Per N and round it prints transitions per second for each side and their ratio (ours / peer), the order
# of the two sides alternating between rounds; then, per N, the median of the per-round ratios.
#
# Warm-up and timed phase are each a number of runs ("20") or of seconds ("10s"). The default is steady state, as
# JMH measures it: 10 s of warm-up, then 10 s timed, on each side (BENCHMARKS.md says why). A count as the warm-up
# with no timed phase given is the earlier definition: that many warm-up runs, then 200 timed runs at N=100 and 20 at
# N=1000 (e.g. `run.sh 3 20 http`).
#
# With mode "http" our side is ServeThroughput: the same engine behind reelforge serve's Step Functions server,
# driven over HTTP, one StartSyncExecution of an EXPRESS machine per run; the peer stays in-process, as it has no
# server. The client is a plain AWS JSON 1.0 POST with the JDK's HttpClient (unsigned: serve checks no signature), or
# with BENCH_CLIENT=sdk the AWS SDK for Java's SfnClient (URLConnection client, SigV4, the SDK's marshalling).
#
# Usage: nice -n 10 bash bench/engine-throughput/run.sh [rounds] [warmup] [inprocess|http] [timed]
#        (defaults 5, 10s, inprocess, 10s; chrt -f 10 in front instead of nice for near-quiet numbers on a loaded
#        machine)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
warmup="${2:-10s}"
mode="${3:-inprocess}"
timed="${4:-}"
if [ -z "$timed" ] && [[ "$warmup" == *s ]]; then timed=10s; fi
spec='^[0-9]+(\.[0-9]+)?s$|^[0-9]+$'
[[ "$warmup" =~ $spec ]] || { echo "warmup must be a number of runs (20) or of seconds (10s), not '$warmup'" >&2; exit 2; }
[ -z "$timed" ] || [[ "$timed" =~ $spec ]] || { echo "timed must be a number of runs (200) or of seconds (10s), not '$timed'" >&2; exit 2; }
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
ours() { java -Dslf4j.internal.verbosity=ERROR -cp "$cp" "$here/$main" "$scratch/definition.json" "$1" "$2" "$warmup" "$client"; }
peer() { node "$here/peer.mjs" "$1" "$2" "$warmup"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "mode: $mode$([ "$mode" = http ] && echo " (client: $client)"); on each side: warm-up $warmup (untimed), then timed ${timed:-200 runs at N=100, 20 at N=1000}"
printf "%-6s %-6s %-6s %-10s %14s %14s %8s\n" N runs round order "reelforge t/s" "peer t/s" ratio
summary=()
for n in 100 1000; do
  runs="${timed:-$(( n == 100 ? 200 : 20 ))}"
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
