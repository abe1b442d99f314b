#!/usr/bin/env bash
# Installs LocalStack (localstack-core, host mode, no Docker) from PyPI into a virtualenv on Python >= 3.12 and
# prints the venv's directory on stdout. The venv lives in the user's cache, keyed by a hash of requirements.txt
# and the interpreter, so every checkout and every later run reuses it: a second call returns at once.
#
#   bash infrastructure/local/localstack/install.sh            # -> /root/.cache/reelforge/localstack-venv-<hash>
#
# Environment: LOCALSTACK_PYTHON (an interpreter to use), REELFORGE_CACHE_DIR (default ~/.cache/reelforge).
# Exit status 3 means no Python >= 3.12 was found (the message says what was tried); any other failure is 1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
requirements="$here/requirements.txt"
cache="${REELFORGE_CACHE_DIR:-$HOME/.cache/reelforge}"
readonly NO_PYTHON=3

# Prints "<real executable> <version>" for the first interpreter >= 3.12 among the candidates.
find_python() {
  local candidates=()
  [ -n "${LOCALSTACK_PYTHON:-}" ] && candidates+=("$LOCALSTACK_PYTHON")
  candidates+=(python3.13 python3.12 python3)
  local pyenv_root
  pyenv_root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  if [ -d "$pyenv_root/versions" ]; then
    while IFS= read -r version; do
      candidates+=("$pyenv_root/versions/$version/bin/python3")
    done < <(ls "$pyenv_root/versions" | sort -rV)
  fi
  local candidate
  for candidate in "${candidates[@]}"; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      "$candidate" -c 'import sys; print(sys.executable, "%d.%d.%d" % sys.version_info[:3])'
      return 0
    fi
  done
  echo "LocalStack needs Python >= 3.12 (localstack-core 2026.3.0 uses PEP 695 syntax) and none was found." >&2
  echo "Tried: ${candidates[*]}" >&2
  echo "Install one, e.g. 'pyenv install 3.13' or your OS package python3.12, or set LOCALSTACK_PYTHON." >&2
  return 1
}

if ! found="$(find_python)"; then
  exit "$NO_PYTHON"
fi
python="${found% *}"
python_version="${found##* }"
hash="$( { cat "$requirements"; echo "$python $python_version"; } | sha256sum | cut -c1-12)"
venv="$cache/localstack-venv-$hash"
marker="$venv/.reelforge-complete"

if [ -f "$marker" ] && [ -x "$venv/bin/python" ]; then
  echo "$venv"
  exit 0
fi

mkdir -p "$cache"
log="$venv.install.log"
exec 9>"$venv.lock"
flock 9
if [ ! -f "$marker" ]; then
  echo "Installing LocalStack with Python $python_version into $venv (first run only, about a minute; log: $log)" >&2
  started=$SECONDS
  rm -rf "$venv"
  : > "$log"
  if ! { "$python" -m venv "$venv" \
      && "$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet -r "$requirements" \
      && "$venv/bin/python" -c 'import localstack.runtime.main, localstack.services.stepfunctions.provider'
      } >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "Installing LocalStack failed; full log: $log. pip needs to reach PyPI (or a mirror set in pip.conf)." >&2
    rm -rf "$venv"
    exit 1
  fi
  echo "$python $python_version" > "$marker"
  echo "LocalStack installed in $((SECONDS - started)) s" >&2
fi
echo "$venv"
