#!/usr/bin/env bash
# The dialogue check's speech detector (Silero VAD on ONNX Runtime) on a 10 s clip, against the decode floor.
#   bench/speech/run.sh [rounds]      (default 5; prints the one-time load, every round, the medians and the share)
# Issue 16 keeps the whole analysis within 1.3x a plain `ffmpeg -i clip -f null -` decode: the detector must be small.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/infrastructure/local/native-deps.sh"
cd "$root"
# within the reactor the classpath names functions/core/target/classes, so nothing is installed into ~/.m2
build=(-B -q -pl functions/media -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt)
mvn -o "${build[@]}" >&2 || mvn "${build[@]}" >&2
cp="functions/media/target/test-classes:functions/media/target/classes:$(cat functions/media/target/bench-classpath.txt)"
exec java -cp "$cp" dev.reelforge.media.analysis.SpeechDetectorBench "${1:-5}"
