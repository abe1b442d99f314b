#!/usr/bin/env bash
# Post-processing cost: Reelforge's MediaPlanRenderer on a 10 s 1920x1080 30 fps clip into two renditions
# (9:16 1080x1920 and 1:1 1080x1080: grade, watermark, high-pass + afftdn, two-pass loudnorm, H.264 + AAC, faststart)
# plus poster.jpg and thumbnail.jpg, each then given its signed C2PA Content Credentials as the media task does,
# vs the equivalent plain ffmpeg command lines (the same loudness measuring pass,
# then the same filter graph, encoder options and stills), both with the bundled ffmpeg, run by this script on this
# machine. Both sides write the same four files.
#
# One untimed warm-up run of each side first (file cache; it also yields the exact filter graph ours runs, which the
# plain side then runs). Then per round one run of each side, the order alternating between rounds. Prints every
# round's seconds and its ratio (ours / plain), then the median of those per-round ratios and their range.
#
# Usage: nice -n 10 bash bench/postprocess/run.sh [rounds]   (default 9)
set -euo pipefail
export LC_ALL=C  # printf and bc agree on the decimal point
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-9}"

# Built in the reactor, not installed: the classpath names this checkout's jars.
(cd "$root" && mvn -B -q -o -DskipTests -pl functions/media -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime)
cp="$root/functions/media/target/classes:$(cat "$root/functions/media/target/bench-classpath.txt")"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

# Locate the bundled ffmpeg and the library links it needs (the Java side resolves both; one tiny run does it).
java -cp "$cp" "$here/PostprocessBench.java" /nonexistent "$scratch/probe" >/dev/null 2>&1 || true
ffmpeg_bin="$(find "$HOME/.javacpp/cache" -path '*linux-x86_64/ffmpeg' -type f | sed -n 1p)"
libs="$(dirname "$ffmpeg_bin")"
mkdir -p "$scratch/so"; ln -sf "$libs/libva.so" "$scratch/so/libva.so.2"; ln -sf "$libs/libva-drm.so" "$scratch/so/libva-drm.so.2"
ff() { LD_LIBRARY_PATH="$scratch/so:$libs" "$ffmpeg_bin" -hide_banner -nostdin "$@"; }

clip="$scratch/clip-1080p.mp4"
ff -v error -f lavfi -i "testsrc2=s=1920x1080:r=30:d=10" -f lavfi -i "sine=f=220:r=48000:d=10,volume=0.3" \
  -c:v libopenh264 -b:v 8M -pix_fmt yuv420p -c:a aac -b:a 160k -shortest "$clip"

# The watermark PNGs have the renderer's size for a 1080 short side (4 px per font pixel: 300x44).
ff -v error -f lavfi -i "color=c=black@0.6:s=300x44,format=rgba" -frames:v 1 "$scratch/wm0.png"
cp "$scratch/wm0.png" "$scratch/wm1.png"

# Ours: prints its seconds (timed inside the JVM around MediaPlanRenderer.render) and then the graph it ran.
ours() {
  local out; out="$(java -cp "$cp" "$here/PostprocessBench.java" "$clip" "$scratch/ours" 2>"$scratch/ours.log")"
  grep -h "Content Credentials" "$scratch/ours.log" >>"$scratch/credentials.log" || true
  rm -rf "$scratch/ours"
  echo "$out"
}

# Plain: the renderer's loudness measuring pass, then its graph with the same outputs; wall seconds of both commands.
plain() {
  local start end
  start=$(date +%s.%N)
  ff -v error -nostats -vn -i "$clip" -filter_complex \
    "[0:a]highpass=f=80,afftdn=nr=12,loudnorm=I=-14:TP=-1.5:LRA=20:print_format=json,aresample=48000,atrim=end=10[apol]" \
    -map "[apol]" -f null - 2>/dev/null
  ff -v error -y -i "$clip" -i "$scratch/wm0.png" -i "$scratch/wm1.png" -filter_complex "$graph" \
    -map "[v0]" -map "[a0]" -c:a aac -b:a 160k -ar 48000 -ac 2 -c:v libopenh264 -b:v 7464960 -g 60 -pix_fmt yuv420p \
      -movflags +faststart -f mp4 "$scratch/plain-9x16.mp4" \
    -map "[v1]" -map "[a1]" -c:a aac -b:a 160k -ar 48000 -ac 2 -c:v libopenh264 -b:v 4199040 -g 60 -pix_fmt yuv420p \
      -movflags +faststart -f mp4 "$scratch/plain-1x1.mp4" \
    -map "[poster]" -frames:v 1 -q:v 2 -f image2 -update 1 "$scratch/plain-poster.jpg" \
    -map "[thumb]" -frames:v 1 -q:v 4 -f image2 -update 1 "$scratch/plain-thumbnail.jpg"
  end=$(date +%s.%N)
  rm -f "$scratch"/plain-*
  echo "$end - $start" | bc -l
}

warm="$(ours)"
graph="$(echo "$warm" | sed -n 2p)"
case "$graph" in *"[poster]"*"[thumb]"*) ;; *) echo "the renderer's graph has no poster and thumbnail outputs: $graph" >&2; exit 1 ;; esac
plain >/dev/null
head -1 "$scratch/ours.log"
echo "warm-up done (one untimed run of each side); $rounds rounds follow"

printf "%-6s %-12s %9s %9s %8s %6s\n" round order "ours s" "plain s" ratio load
ratios=(); ours_times=(); plain_times=()
for i in $(seq "$rounds"); do
  if (( i % 2 == 1 )); then
    order="ours,plain"; o="$(ours | sed -n 1p)"; p="$(plain)"
  else
    order="plain,ours"; p="$(plain)"; o="$(ours | sed -n 1p)"
  fi
  o="$(printf '%.2f' "$o")"; p="$(printf '%.2f' "$p")"  # the ratio is made of the seconds as printed
  r="$(echo "$o / $p" | bc -l)"
  ratios+=("$r"); ours_times+=("$o"); plain_times+=("$p")
  printf "%-6s %-12s %9.2f %9.2f %8.3f %6s\n" "$i" "$order" "$o" "$p" "$r" "$(cut -d' ' -f1 /proc/loadavg)"
done

median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }
sorted="$(printf '%s\n' "${ratios[@]}" | sort -g | xargs printf '%.3f ')"
printf "per-round ratios, sorted: %s\n" "$sorted"
printf "median of the %s per-round ratios: %.3f (range %.3f-%.3f; target <= 1.15)\n" "$rounds" \
  "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | sort -g | sed -n 1p)" \
  "$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)"
printf "Content Credentials share of ours, per run: %s\n" "$(sed -n 's/.*Content Credentials \([0-9.]*\) s of \([0-9.]*\) s/\1\/\2/p' "$scratch/credentials.log" | xargs)"
printf "median seconds of each side (for scale; not what the ratio is made of): ours %.2f, plain %.2f\n" \
  "$(printf '%s\n' "${ours_times[@]}" | median)" "$(printf '%s\n' "${plain_times[@]}" | median)"
