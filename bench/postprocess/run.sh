#!/usr/bin/env bash
# Post-processing cost: Reelforge's MediaPlanRenderer on a 10 s 1920x1080 30 fps clip into two renditions
# (9:16 1080x1920 and 1:1 1080x1080: grade, watermark, high-pass + afftdn, two-pass loudnorm, H.264 + AAC, faststart)
# vs the equivalent plain ffmpeg command lines (the same loudness measuring pass, then the same filter graph and
# encoder options), both with the bundled ffmpeg, run by this script on this machine. Prints seconds and the ratio.
# Usage: bench/postprocess/run.sh [runs]   (default 3; the median of each side is compared)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"

(cd "$root" && mvn -B -q -o -DskipTests -pl functions/media -am install \
  && mvn -B -q -o -f functions/media/pom.xml dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt)
cp="$root/functions/media/target/classes:$(cat "$root/functions/media/target/bench-classpath.txt")"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

# Locate the bundled ffmpeg and the library links it needs (the Java side resolves both; one tiny run does it).
java -cp "$cp" "$here/PostprocessBench.java" /nonexistent "$scratch/probe" >/dev/null 2>&1 || true
ffmpeg_bin="$(find "$HOME/.javacpp/cache" -path '*linux-x86_64/ffmpeg' -type f | head -1)"
libs="$(dirname "$ffmpeg_bin")"
mkdir -p "$scratch/so"; ln -sf "$libs/libva.so" "$scratch/so/libva.so.2"; ln -sf "$libs/libva-drm.so" "$scratch/so/libva-drm.so.2"
ff() { LD_LIBRARY_PATH="$scratch/so:$libs" "$ffmpeg_bin" -hide_banner -nostdin "$@"; }

clip="$scratch/clip-1080p.mp4"
ff -v error -f lavfi -i "testsrc2=s=1920x1080:r=30:d=10" -f lavfi -i "sine=f=220:r=48000:d=10,volume=0.3" \
  -c:v libopenh264 -b:v 8M -pix_fmt yuv420p -c:a aac -b:a 160k -shortest "$clip"

# The watermark PNGs have the renderer's size for a 1080 short side (4 px per font pixel: 300x44).
ff -v error -f lavfi -i "color=c=black@0.6:s=300x44,format=rgba" -frames:v 1 "$scratch/wm0.png"
cp "$scratch/wm0.png" "$scratch/wm1.png"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours_times=(); plain_times=()
for i in $(seq "$runs"); do
  result="$(java -cp "$cp" "$here/PostprocessBench.java" "$clip" "$scratch/ours-$i" 2>"$scratch/ours.log")"
  ours_times+=("$(echo "$result" | head -1)")
  graph="$(echo "$result" | sed -n 2p)"
  start=$(date +%s.%N)
  ff -v error -nostats -vn -i "$clip" -filter_complex \
    "[0:a]highpass=f=80,afftdn=nr=12,loudnorm=I=-14:TP=-1.5:LRA=20:print_format=json,aresample=48000[apol]" \
    -map "[apol]" -f null - 2>/dev/null
  ff -v error -y -i "$clip" -i "$scratch/wm0.png" -i "$scratch/wm1.png" -filter_complex "$graph" \
    -map "[v0]" -map "[a0]" -c:a aac -b:a 160k -ar 48000 -ac 2 -c:v libopenh264 -b:v 7464960 -g 60 -pix_fmt yuv420p \
      -movflags +faststart -f mp4 "$scratch/plain-9x16.mp4" \
    -map "[v1]" -map "[a1]" -c:a aac -b:a 160k -ar 48000 -ac 2 -c:v libopenh264 -b:v 4199040 -g 60 -pix_fmt yuv420p \
      -movflags +faststart -f mp4 "$scratch/plain-1x1.mp4"
  end=$(date +%s.%N)
  plain_times+=("$(echo "$end - $start" | bc -l)")
  rm -rf "$scratch/ours-$i"
done
head -1 "$scratch/ours.log"
ours="$(printf '%s\n' "${ours_times[@]}" | median)"
plain="$(printf '%s\n' "${plain_times[@]}" | median)"
printf "runs %s  ours: %s  plain ffmpeg: %s\n" "$runs" "${ours_times[*]}" "${plain_times[*]}"
printf "median seconds  ours %.2f  plain %.2f  ratio %.3f (target <= 1.15)\n" "$ours" "$plain" "$(echo "$ours / $plain" | bc -l)"
