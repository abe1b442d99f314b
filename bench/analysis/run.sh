#!/usr/bin/env bash
# Review analysis cost vs the decode floor, both run by this script on the same 10 s 1080p clip.
#   bench/analysis/run.sh [rounds]      (default 5; prints every round, the medians and the ratio)
# The target (issues 3 and 16) is <= 1.3x a plain `ffmpeg -i clip -f null -` decode.
# Builds in one reactor without `mvn install` (nothing is written into ~/.m2): the bench's classpath is the
# reactor's own target/classes directories plus the dependency jars Maven already holds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/infrastructure/local/native-deps.sh"
cd "$root"
build=(-B -q -pl functions/media -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt)
mvn -o "${build[@]}" >&2 || mvn "${build[@]}" >&2
cp="functions/media/target/test-classes:functions/media/target/classes:$(cat functions/media/target/bench-classpath.txt)"
exec java -cp "$cp" dev.reelforge.media.analysis.AnalysisBench "${1:-5}"
