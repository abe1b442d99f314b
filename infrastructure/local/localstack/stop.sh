#!/usr/bin/env bash
# Stops the LocalStack that start.sh started: only the process recorded in the state file (checked against its
# recorded start time, so a reused pid is never hit) and the processes of the session it leads, TERM first, KILL
# after 15 s. Then removes its temporary directory and the state file. Nothing to stop is not an error.
#
#   bash infrastructure/local/localstack/stop.sh [--state-file FILE] [--keep-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
state_file="$repo/.reelforge/localstack.state"
keep_dir=false
while [ $# -gt 0 ]; do
  case "$1" in
    --state-file) state_file="$2"; shift 2 ;;
    --keep-dir) keep_dir=true; shift ;;
    *) echo "unknown argument: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

if [ ! -f "$state_file" ]; then
  echo "no LocalStack state at $state_file; nothing to stop" >&2
  exit 0
fi
# shellcheck disable=SC1090
. "$state_file"

start_time_of() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20; }

# The processes in the session started by start.sh (setsid makes the pid the session id).
session_members() { ps -e -o pid=,sid= | awk -v sid="$LOCALSTACK_PID" '$2 == sid { print $1 }'; }

if [ "$(start_time_of "$LOCALSTACK_PID")" = "$LOCALSTACK_STARTED" ]; then
  members="$(session_members)"
  # shellcheck disable=SC2086
  [ -n "$members" ] && kill -TERM $members 2>/dev/null || true
  for _ in $(seq 1 30); do
    [ -z "$(session_members)" ] && break
    sleep 0.5
  done
  members="$(session_members)"
  if [ -n "$members" ]; then
    echo "LocalStack (pid $LOCALSTACK_PID) did not stop within 15 s; killing its session: $members" >&2
    # shellcheck disable=SC2086
    kill -KILL $members 2>/dev/null || true
  fi
  echo "LocalStack (pid $LOCALSTACK_PID, port $LOCALSTACK_PORT) stopped" >&2
else
  echo "LocalStack (pid $LOCALSTACK_PID) is not running any more" >&2
fi
if [ "$keep_dir" = false ] && [ -n "${LOCALSTACK_DIR:-}" ] && [[ "$LOCALSTACK_DIR" == */reelforge-localstack.* ]]; then
  rm -rf "$LOCALSTACK_DIR"
fi
rm -f "$state_file"
