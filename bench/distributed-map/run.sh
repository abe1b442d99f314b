#!/usr/bin/env bash
# Distributed Map memory: N items from a JSON manifest in the local S3 (S3Proxy through the AWS SDK) through a
# Distributed Map into a light child state machine (Pass → Choice → Succeed), results to S3 by ResultWriter, each N
# in a fresh JVM with the same heap limit, on this machine. Prints one line per N, then the peak-RSS ratio of the
# largest to the smallest N (the target: at most 1.2x from 1,000 to 10,000 items).
# Usage: nice -n 10 bash bench/distributed-map/run.sh   (DMAP_SIZES="1000 10000", BENCH_JAVA_OPTS="-Xmx256m")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes="${DMAP_SIZES:-1000 10000}"
opts="${BENCH_JAVA_OPTS:--Xmx256m}"

# Built in the reactor, not installed: the classpath names this checkout's jars.
(cd "$root" && mvn -B -q -Dmaven.test.skip=true -pl infrastructure/local/cli -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime)
cli="$root/infrastructure/local/cli"
cp="$cli/target/classes:$(cat "$cli/target/bench-classpath.txt")"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), JVM options: $opts, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
  java $opts -Dslf4j.internal.verbosity=ERROR -cp "$cp" "$here/DistributedMapBench.java" "$n" "$scratch/data-$n" 2>"$scratch/log-$n" \
    | tee -a "$scratch/results" || { echo "n=$n failed:" >&2; tail -20 "$scratch/log-$n" >&2; exit 1; }
  rm -rf "$scratch/data-$n"
done
awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[NR, kv[1]] = kv[2] } rows = NR }
  END { printf "peak RSS from n=%s to n=%s: %.2fx (heap after GC %.2fx)\n", v[1, "n"], v[rows, "n"],
        v[rows, "peak_rss_mib"] / v[1, "peak_rss_mib"], v[rows, "heap_after_gc_mib"] / v[1, "heap_after_gc_mib"] }' "$scratch/results"
