#!/usr/bin/env bash
# Cold start and package size of each light Lambda handler (issue 7): per run, a fresh JVM per handler with only the
# light package (functions/handlers/target/lambda) on the classpath, the template's environment for a fal-queue
# deployment pointed at the local stack (S3Proxy, moto, `reelforge serve`'s Step Functions, a fake fal queue),
# the handler built with its no-arg constructor and invoked once; fresh JVM to first response, medians.
#   bench/cold-start/run.sh [runs]      (default 5)
# Baselines in the same runs: an empty main on the same java and flags, and the same handlers from the old single
# package (all eight functions shipped it, FFmpeg included), built from git revision COLD_START_BASELINE_REV
# (default 599a148, the last one with that package) into bench/cold-start/target once; COLD_START_BASELINE_REV=none
# skips it. Maven runs offline first; MAVEN_OPTS (e.g. -Dmaven.repo.local=...) is honoured.
# COLD_START_JVM_FLAGS adds flags to each handler's JVM for profiling (%s becomes the handler), for example
#   COLD_START_JVM_FLAGS='-Xlog:class+load:file=/tmp/classes-%s.txt' bench/cold-start/run.sh 1
# The figures are taken without it. The table also gives each start's process CPU time (all threads), which moves
# less with other load on the machine than the wall times do.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
baseline_rev="${COLD_START_BASELINE_REV:-599a148}"
bash "$root/infrastructure/local/native-deps.sh"

mvn_build() { mvn -B -q -o "$@" >&2 || mvn -B -q "$@" >&2; }

# the CLI (the local stack this bench drives) and, on the way, both Lambda packages in target/lambda
(cd "$root" && mvn_build -pl infrastructure/local/cli -am install -DskipTests)
cli="$root/infrastructure/local/cli"
light="$root/functions/handlers/target/lambda"

old="-"
if [ "$baseline_rev" != none ]; then
  old="$here/target/baseline-$baseline_rev/package"
  if [ ! -f "$here/target/baseline-$baseline_rev/.complete" ]; then
    git -C "$root" cat-file -e "$baseline_rev^{commit}" 2>/dev/null \
      || { echo "cold-start: no revision $baseline_rev here; set COLD_START_BASELINE_REV=none or to a revision" >&2; exit 1; }
    source_dir="$here/target/baseline-$baseline_rev/source"
    rm -rf "$here/target/baseline-$baseline_rev" && mkdir -p "$source_dir" "$old/lib"
    git -C "$root" archive "$baseline_rev" | tar -x -C "$source_dir"
    # package only, in one reactor: nothing of the old revision is installed into the Maven repository
    (cd "$source_dir" && mvn_build -pl functions/handlers -am -DskipTests package \
      dependency:copy-dependencies -DincludeScope=runtime)
    cp -r "$source_dir/functions/handlers/target/classes/." "$old/"
    cp "$source_dir/functions/handlers/target/dependency/"*.jar "$old/lib/"
    rm -rf "$source_dir"
    touch "$here/target/baseline-$baseline_rev/.complete"
  fi
fi

mkdir -p "$here/target/invoke"
javac -d "$here/target/invoke" "$here/LambdaInvoke.java"
exec java -cp "$cli/target/classes:$(cat "$cli/target/runtime-classpath.txt")" "$here/ColdStartBench.java" \
  "$runs" "$light" "$old" "$here/target/invoke" "$here/request.json" "$root/events/s3-put.json"
