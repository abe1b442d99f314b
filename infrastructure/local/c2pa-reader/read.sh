#!/usr/bin/env bash
# An independent C2PA reader for the tests: c2pa-python 0.38.1's own Reader (its ctypes binding, not Reelforge's JNA
# one) in a virtualenv under ~/.cache/reelforge, built on first use from PyPI: the dependencies pinned in
# requirements.txt, then the c2pa-python wheel itself, refused unless it has the pinned SHA-256.
#
#   bash infrastructure/local/c2pa-reader/read.sh TRUST_ANCHORS_PEM FILE...   # one JSON line per file
#
# Environment: REELFORGE_PYTHON (a Python >= 3.10 with venv and pip), REELFORGE_CACHE_DIR (default ~/.cache/reelforge).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${REELFORGE_CACHE_DIR:-$HOME/.cache/reelforge}"
readonly VERSION=0.38.1
readonly WHEEL="c2pa_python-$VERSION-py3-none-manylinux_2_28_x86_64.whl"
readonly WHEEL_SHA256=0885fc72b7741b2af91305d1768618c827d802fa8963cd11f2fe2d00500651d0
venv="$cache/c2pa-reader-$(cat "$here/requirements.txt" "$here/read.sh" | sha256sum | cut -c1-12)"

build() {
  local python="${REELFORGE_PYTHON:-python3}" tmp
  command -v "$python" >/dev/null 2>&1 || { echo "c2pa-reader: no $python (set REELFORGE_PYTHON)" >&2; return 1; }
  echo "c2pa-reader: building $venv (first use only)" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$here/requirements.txt" >&2
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  "$venv/bin/pip" download --quiet --disable-pip-version-check --no-input --no-deps --only-binary=:all: \
      "c2pa-python==$VERSION" -d "$tmp" >&2
  [ "$(sha256sum "$tmp/$WHEEL" | cut -d' ' -f1)" = "$WHEEL_SHA256" ] \
    || { echo "c2pa-reader: $WHEEL does not have the pinned SHA-256; refusing it" >&2; return 1; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input --no-deps "$tmp/$WHEEL" >&2
  touch "$venv/.complete"
}

if [ ! -f "$venv/.complete" ]; then
  mkdir -p "$cache"
  exec 9>"$venv.lock"
  flock 9
  [ -f "$venv/.complete" ] || build
fi
exec "$venv/bin/python" "$here/read.py" "$@"
