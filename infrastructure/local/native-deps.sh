#!/usr/bin/env bash
# The FFmpeg build from Maven (org.bytedeco:ffmpeg) ships every codec and filter we use, but its libavdevice
# is linked against the PulseAudio client library, which the ffmpeg/ffprobe executables load at start even
# though Reelforge never records sound. This makes sure libpulse.so.0 is present, installing Debian's
# libpulse0 (from the Debian package registry) when it is missing and we are allowed to. Idempotent and quiet.
#
# The media tests also speak test dialogue with Debian's espeak-ng (the dialogue check's speech detector is
# measured against it). It is installed alongside when missing; without it those tests skip outside CI and fail
# under CI=true, so here a missing espeak-ng is fatal only under CI. The review page's browser test drives Debian's
# chromium headless through the DevTools protocol (no chromium-driver needed); it is installed the same way.
set -euo pipefail

have_libpulse() {
  ldconfig -p 2>/dev/null | grep -q 'libpulse\.so\.0 ' && return 0
  for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib; do
    [ -e "$dir/libpulse.so.0" ] && return 0
  done
  return 1
}

have_espeak() {
  command -v espeak-ng >/dev/null 2>&1
}

have_chromium() {
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]
}

missing=()
have_libpulse || missing+=(libpulse0)
have_espeak || missing+=(espeak-ng)
have_chromium || missing+=(chromium)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "reelforge: installing ${missing[*]} (FFmpeg's libpulse0; espeak-ng for the dialogue tests; chromium for the browser tests)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt=(apt-get -o DPkg::Lock::Timeout=300)  # wait for another install on the machine instead of failing at once
  "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { "${apt[@]}" update -q >/dev/null 2>&1 && "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}" >/dev/null; } \
    || true
fi

status=0
if ! have_libpulse; then
  cat >&2 <<'MSG'
reelforge: the bundled FFmpeg needs the PulseAudio client library (libpulse.so.0), which is not installed.
  Debian/Ubuntu: sudo apt-get install libpulse0      Fedora/Amazon Linux: sudo dnf install pulseaudio-libs
MSG
  status=1
fi
if ! have_espeak; then
  echo "reelforge: espeak-ng is not installed; the dialogue tests will skip (Debian/Ubuntu: sudo apt-get install espeak-ng)" >&2
  [ -n "${CI:-}" ] && status=1
fi
if ! have_chromium; then
  echo "reelforge: chromium is not installed; the browser tests will skip (Debian/Ubuntu: sudo apt-get install chromium)" >&2
  [ -n "${CI:-}" ] && status=1
fi
exit "$status"
