#!/usr/bin/env bash
# The FFmpeg build from Maven (org.bytedeco:ffmpeg) ships every codec and filter we use, but its libavdevice
# is linked against the PulseAudio client library, which the ffmpeg/ffprobe executables load at start even
# though Reelforge never records sound. This makes sure libpulse.so.0 is present, installing Debian's
# libpulse0 (from the Debian package registry) when it is missing and we are allowed to. Idempotent and quiet.
set -euo pipefail

have_libpulse() {
  ldconfig -p 2>/dev/null | grep -q 'libpulse\.so\.0 ' && return 0
  for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib; do
    [ -e "$dir/libpulse.so.0" ] && return 0
  done
  return 1
}

have_libpulse && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "reelforge: installing libpulse0 (needed by the bundled FFmpeg executables)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends libpulse0 >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q --no-install-recommends libpulse0 >/dev/null; }
  have_libpulse && exit 0
fi

cat >&2 <<'MSG'
reelforge: the bundled FFmpeg needs the PulseAudio client library (libpulse.so.0), which is not installed.
  Debian/Ubuntu: sudo apt-get install libpulse0      Fedora/Amazon Linux: sudo dnf install pulseaudio-libs
MSG
exit 1
