#!/usr/bin/env bash
# Puts Silero VAD's ONNX model (silero_vad.onnx, MIT licence, Silero Team) where the reelforge-media jar picks it
# up as a classpath resource, so the dialogue check's speech detector carries its model and nothing is downloaded
# at run time. The model comes from the PyPI wheel silero-vad==6.2.3 (silero_vad/data/silero_vad.onnx), fetched
# once with `pip download --no-deps` into the user's cache and checked against the SHA-256s pinned below; later
# builds (and offline ones) copy it from the cache. functions/media/pom.xml runs this at generate-resources.
#
#   bash infrastructure/local/silero-vad-model.sh OUTPUT_DIR   # -> OUTPUT_DIR/dev/reelforge/media/analysis/silero_vad.onnx
#
# Environment: REELFORGE_PYTHON (an interpreter with pip to use), REELFORGE_CACHE_DIR (default ~/.cache/reelforge).
set -euo pipefail
out="${1:?usage: silero-vad-model.sh OUTPUT_DIR}"
cache="${REELFORGE_CACHE_DIR:-$HOME/.cache/reelforge}"
readonly VERSION=6.2.3
readonly WHEEL="silero_vad-$VERSION-py3-none-any.whl"
readonly WHEEL_SHA256=7b7f5436cfcb02fae583a05b512ea96467fd449fe54cb49a5e4f06c51a1e43b8
readonly MEMBER=silero_vad/data/silero_vad.onnx
readonly MODEL_SHA256=1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3
readonly LICENSE_MEMBER="silero_vad-$VERSION.dist-info/licenses/LICENSE"
readonly LICENSE_SHA256=2e63e9a38b6e8fc0c7bc37ce174caca1862870856c6daf5697cfb785e925520b
dir="$cache/silero-vad-$VERSION"
model="$dir/silero_vad.onnx"

has_sha256() {
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

find_python() {
  local candidate
  for candidate in "${REELFORGE_PYTHON:-}" python3 python; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 \
        && "$candidate" -m pip --version >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  echo "silero-vad-model: the build fetches Silero VAD's model with pip and found no Python with pip" \
    "(tried: ${REELFORGE_PYTHON:-} python3 python). Debian/Ubuntu: apt-get install python3-pip, or set REELFORGE_PYTHON." >&2
  return 1
}

fetch() {
  local python tmp
  python="$(find_python)"
  tmp="$(mktemp -d "$cache/silero-vad-download.XXXXXX")"
  trap 'rm -rf "$tmp"' RETURN
  echo "silero-vad-model: fetching silero-vad==$VERSION from PyPI into $dir (first build only, 11 MB)" >&2
  "$python" -m pip download --no-deps --only-binary=:all: --disable-pip-version-check --no-input --quiet \
      "silero-vad==$VERSION" -d "$tmp" >&2 \
    || { echo "silero-vad-model: pip could not download silero-vad==$VERSION (pip needs to reach PyPI or a mirror set in pip.conf)" >&2; return 1; }
  has_sha256 "$tmp/$WHEEL" "$WHEEL_SHA256" \
    || { echo "silero-vad-model: $WHEEL does not have the pinned SHA-256 $WHEEL_SHA256; refusing it" >&2; return 1; }
  "$python" - "$tmp/$WHEEL" "$tmp" "$MEMBER" "$LICENSE_MEMBER" <<'PY'
import sys, zipfile
wheel, target, *members = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    for member in members:
        z.extract(member, target)
PY
  has_sha256 "$tmp/$MEMBER" "$MODEL_SHA256" && has_sha256 "$tmp/$LICENSE_MEMBER" "$LICENSE_SHA256" \
    || { echo "silero-vad-model: the model or licence inside $WHEEL is not the pinned one" >&2; return 1; }
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$tmp/$MEMBER" "$model"
  cp "$tmp/$LICENSE_MEMBER" "$dir/LICENSE"
}

if ! has_sha256 "$model" "$MODEL_SHA256"; then
  mkdir -p "$cache"
  exec 9>"$cache/silero-vad-$VERSION.lock"
  flock 9
  has_sha256 "$model" "$MODEL_SHA256" || fetch
fi
mkdir -p "$out/dev/reelforge/media/analysis"
cp "$model" "$out/dev/reelforge/media/analysis/silero_vad.onnx"
