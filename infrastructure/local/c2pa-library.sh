#!/usr/bin/env bash
# Puts the C2PA SDK's C library (libc2pa_c.so: c2pa-rs with its C API, MIT OR Apache-2.0, Content Authenticity
# Initiative) where the reelforge-media jar carries it as a classpath resource (linux-x86-64/libc2pa_c.so, where
# JNA looks), so every output can carry Content Credentials and nothing is downloaded at run time. The library
# comes from PyPI's manylinux wheel c2pa-python==0.38.1 (c2pa/libs/libc2pa_c.so), fetched once with
# `pip download --no-deps` into the user's cache and checked against the SHA-256s pinned below; later builds (and
# offline ones) copy it from the cache. functions/media/pom.xml runs this at generate-resources.
#
#   bash infrastructure/local/c2pa-library.sh OUTPUT_DIR   # -> OUTPUT_DIR/linux-x86-64/libc2pa_c.so
#
# Environment: REELFORGE_PYTHON (an interpreter with pip to use), REELFORGE_CACHE_DIR (default ~/.cache/reelforge).
set -euo pipefail
out="${1:?usage: c2pa-library.sh OUTPUT_DIR}"
cache="${REELFORGE_CACHE_DIR:-$HOME/.cache/reelforge}"
readonly VERSION=0.38.1
readonly WHEEL="c2pa_python-$VERSION-py3-none-manylinux_2_28_x86_64.whl"
readonly WHEEL_SHA256=0885fc72b7741b2af91305d1768618c827d802fa8963cd11f2fe2d00500651d0
readonly MEMBER=c2pa/libs/libc2pa_c.so
readonly LIBRARY_SHA256=876096c8c3a17b4942269675504d3ead1228309f589f73d76204cc6358148605
dir="$cache/c2pa-python-$VERSION"
library="$dir/libc2pa_c.so"

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
  echo "c2pa-library: the build fetches the C2PA library with pip and found no Python with pip" \
    "(tried: ${REELFORGE_PYTHON:-} python3 python). Debian/Ubuntu: apt-get install python3-pip, or set REELFORGE_PYTHON." >&2
  return 1
}

fetch() {
  local python tmp
  python="$(find_python)"
  tmp="$(mktemp -d "$cache/c2pa-download.XXXXXX")"
  trap 'rm -rf "$tmp"' RETURN
  echo "c2pa-library: fetching c2pa-python==$VERSION from PyPI into $dir (first build only, 16 MB)" >&2
  # --platform: the wheel is chosen for the machine the media task runs on, whatever machine builds it
  "$python" -m pip download --no-deps --only-binary=:all: --platform manylinux_2_28_x86_64 --python-version 3.11 \
      --disable-pip-version-check --no-input --quiet "c2pa-python==$VERSION" -d "$tmp" >&2 \
    || { echo "c2pa-library: pip could not download c2pa-python==$VERSION (pip needs to reach PyPI or a mirror set in pip.conf)" >&2; return 1; }
  has_sha256 "$tmp/$WHEEL" "$WHEEL_SHA256" \
    || { echo "c2pa-library: $WHEEL does not have the pinned SHA-256 $WHEEL_SHA256; refusing it" >&2; return 1; }
  "$python" - "$tmp/$WHEEL" "$tmp" "$MEMBER" <<'PY'
import sys, zipfile
wheel, target, member = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    z.extract(member, target)
PY
  has_sha256 "$tmp/$MEMBER" "$LIBRARY_SHA256" \
    || { echo "c2pa-library: the library inside $WHEEL is not the pinned one" >&2; return 1; }
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$tmp/$MEMBER" "$library"
}

if ! has_sha256 "$library" "$LIBRARY_SHA256"; then
  mkdir -p "$cache"
  exec 9>"$cache/c2pa-python-$VERSION.lock"
  flock 9
  has_sha256 "$library" "$LIBRARY_SHA256" || fetch
fi
mkdir -p "$out/linux-x86-64"
if ! has_sha256 "$out/linux-x86-64/libc2pa_c.so" "$LIBRARY_SHA256"; then
  cp "$library" "$out/linux-x86-64/libc2pa_c.so"
fi
