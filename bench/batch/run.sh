#!/usr/bin/env bash
# Batch growth: batches of 50, 100 and 200 requests through infrastructure/statemachine/batch.asl.json (a Map of
# startExecution.sync:2 over render.asl.json, MaxConcurrency 4) on the local engine and stack, each in a fresh JVM
# and data directory run by this script on this machine, with a premade-clip fake provider (BatchBench.java says
# why). Prints wall time, per-request time, CPU, peak RSS and heap for each size, then the growth from the smallest
# to the largest batch, next to the growth of the batch size itself.
# Usage: bench/batch/run.sh   (BATCH_SIZES="50 100 200", BATCH_MAX_CONCURRENCY=4, BENCH_JAVA_OPTS= to override)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes="${BATCH_SIZES:-50 100 200}"
concurrency="${BATCH_MAX_CONCURRENCY:-4}"

bash "$root/infrastructure/local/native-deps.sh"
(cd "$root" && mvn -B -q -DskipTests -pl infrastructure/local/cli -am install)
cli="$root/infrastructure/local/cli"
cp="$cli/target/classes:$(cat "$cli/target/runtime-classpath.txt")"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB," \
  "$(java -version 2>&1 | head -1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
  line="$(java ${BENCH_JAVA_OPTS:-} -cp "$cp" "$here/BatchBench.java" "$n" "$concurrency" "$scratch/data-$n" 2>"$scratch/log-$n")" || {
    echo "batch of $n failed; last log lines:" >&2; tail -20 "$scratch/log-$n" >&2; exit 1; }
  echo "$line load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$scratch/results"
  case "$line" in *status=SUCCEEDED*) ;; *) grep -h "the batch ended" "$scratch/log-$n" >&2 || true ;; esac
  rm -rf "$scratch/data-$n"
done

awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[NR, kv[1]] = kv[2] } rows = NR }
  END {
    printf "growth from n=%s to n=%s (%.1fx the requests): wall %.2fx, per-request %.2fx, cpu %.2fx, peak RSS %.2fx, peak heap %.2fx, heap after GC %.2fx\n",
      v[1, "n"], v[rows, "n"], v[rows, "n"] / v[1, "n"], v[rows, "wall_s"] / v[1, "wall_s"],
      v[rows, "per_request_ms"] / v[1, "per_request_ms"], v[rows, "cpu_s"] / v[1, "cpu_s"],
      v[rows, "peak_rss_mib"] / v[1, "peak_rss_mib"], v[rows, "peak_heap_mib"] / v[1, "peak_heap_mib"],
      v[rows, "heap_after_gc_mib"] / v[1, "heap_after_gc_mib"]
  }' "$scratch/results"
