#!/usr/bin/env bash
# Review analysis cost vs the decode floor, both run by this script on the same 10 s 1080p clip.
#   bench/analysis/run.sh [rounds]      (default 5; prints every round, the medians and the ratio)
# The target (issue 3) is <= 1.3x a plain `ffmpeg -i clip -f null -` decode.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/infrastructure/local/native-deps.sh"
cd "$root"
mvn -B -q -o -pl functions/media -am install -DskipTests >&2 || mvn -B -q -pl functions/media -am install -DskipTests >&2
mvn -B -q -o -pl functions/media test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="functions/media/target/test-classes:functions/media/target/classes:$(cat functions/media/target/bench-classpath.txt)"
exec java -cp "$cp" dev.reelforge.media.analysis.AnalysisBench "${1:-5}"
