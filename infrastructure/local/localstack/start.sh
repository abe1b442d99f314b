#!/usr/bin/env bash
# Starts LocalStack in host mode (no Docker) on 127.0.0.1 and a free port, waits until /_localstack/health reports
# every service, and writes what stop.sh needs to a state file (shell syntax: LOCALSTACK_PID, LOCALSTACK_PORT,
# LOCALSTACK_ENDPOINT, LOCALSTACK_DIR, LOCALSTACK_LOG, LOCALSTACK_STARTED). Prints the endpoint URL on stdout.
#
#   bash infrastructure/local/localstack/start.sh [--state-file FILE] [--mock-config FILE] [--timeout SECONDS]
#
# Defaults: state file .reelforge/localstack.state in the checkout; mock config mock-config.json next to this script
# (Step Functions Local MockConfigFile format, used by executions started as <stateMachineArn>#<testCase>); timeout
# 120 s. The process runs in its own session, with its data and logs in a fresh temporary directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
state_file="$repo/.reelforge/localstack.state"
mock_config="$here/mock-config.json"
timeout_s=120
services="s3,stepfunctions,events,scheduler,iam,sts"

while [ $# -gt 0 ]; do
  case "$1" in
    --state-file) state_file="$2"; shift 2 ;;
    --mock-config) mock_config="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

if [ -f "$state_file" ]; then
  # shellcheck disable=SC1090
  . "$state_file"
  if kill -0 "$LOCALSTACK_PID" 2>/dev/null; then
    echo "LocalStack from $state_file is still running (pid $LOCALSTACK_PID); run stop.sh first" >&2
    exit 1
  fi
  rm -f "$state_file"
fi
[ -f "$mock_config" ] || { echo "no mock configuration at $mock_config" >&2; exit 2; }
mock_config="$(cd "$(dirname "$mock_config")" && pwd)/$(basename "$mock_config")"

venv="$(bash "$here/install.sh")"
python="$venv/bin/python"
port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
dir="$(mktemp -d "${TMPDIR:-/tmp}/reelforge-localstack.XXXXXX")"
log="$dir/localstack.log"

started=$SECONDS
GATEWAY_LISTEN="127.0.0.1:$port" \
SERVICES="$services" \
EAGER_SERVICE_LOADING=1 \
SFN_MOCK_CONFIG="$mock_config" \
FILESYSTEM_ROOT="$dir/fs" \
TMPDIR="$dir" \
SKIP_SSL_CERT_DOWNLOAD=1 \
DISABLE_EVENTS=1 \
  setsid "$python" -m localstack.runtime.main >"$log" 2>&1 </dev/null &
pid=$!
start_time="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f20)"  # field 22: start time

mkdir -p "$(dirname "$state_file")"
cat > "$state_file" <<EOF
LOCALSTACK_PID=$pid
LOCALSTACK_STARTED=$start_time
LOCALSTACK_PORT=$port
LOCALSTACK_ENDPOINT=http://127.0.0.1:$port
LOCALSTACK_DIR=$dir
LOCALSTACK_LOG=$log
EOF

# Ready when every service is "available" or "running" in /_localstack/health.
health_ok() {
  curl -fsS --max-time 2 "http://127.0.0.1:$port/_localstack/health" 2>/dev/null | "$python" -c '
import json, sys
try:
    states = json.load(sys.stdin).get("services", {})
except ValueError:
    sys.exit(1)
sys.exit(0 if all(states.get(s) in ("available", "running") for s in sys.argv[1].split(",")) else 1)' "$services"
}

deadline=$((SECONDS + timeout_s))
until health_ok; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "LocalStack exited during start; the end of $log:" >&2
    tail -n 30 "$log" >&2
    rm -f "$state_file"
    exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    echo "LocalStack was not ready within ${timeout_s}s; the end of $log:" >&2
    tail -n 30 "$log" >&2
    bash "$here/stop.sh" --state-file "$state_file" --keep-dir >&2 || true
    exit 1
  fi
  sleep 0.5
done
echo "LocalStack ready on http://127.0.0.1:$port in $((SECONDS - started)) s (pid $pid, log $log)" >&2
echo "http://127.0.0.1:$port"
