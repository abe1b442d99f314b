#!/usr/bin/env bash
# Validates template.yaml with the tools AWS users run, installed here from PyPI into a cached virtualenv:
# cfn-lint, `sam validate --lint` and `sam build` (no credentials needed; the region is only for the linter).
# sam build uses BuildMethod: makefile (functions/handlers/Makefile for the light package, functions/handlers-media/
# Makefile for the FFmpeg one, both through functions/lambda-packages.mk) with --build-in-source: our Maven build
# compiles release-17 bytecode, which the java21 Lambda runtime runs; SAM's own Maven workflow is not used.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
requirements="$root/infrastructure/checks/aws-tools-requirements.txt"
cache="${REELFORGE_TOOLS_DIR:-$HOME/.cache/reelforge}"
stamp="$(sha256sum "$requirements" | cut -c1-12)"
venv="$cache/aws-tools-$stamp"

find_python() {
  local candidate
  for candidate in "${REELFORGE_PYTHON:-}" "$(command -v pyenv >/dev/null 2>&1 && pyenv root)/versions/3.12."*/bin/python \
      "$(command -v python3.12 || true)" "$(command -v python3.13 || true)" "$(command -v python3.11 || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return
    fi
  done
  echo "validate-template: no Python 3.11-3.13 found (set REELFORGE_PYTHON)" >&2
  exit 1
}

if [ ! -x "$venv/bin/sam" ] || [ ! -f "$venv/.complete" ]; then
  python="$(find_python)"
  echo "installing cfn-lint, aws-sam-cli, awscli into $venv with $python"
  rm -rf "$venv"
  mkdir -p "$cache"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  touch "$venv/.complete"
fi

export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" SAM_CLI_TELEMETRY=0
cd "$root"

echo "== cfn-lint $("$venv/bin/cfn-lint" --version | awk '{print $2}') template.yaml"
"$venv/bin/cfn-lint" template.yaml
echo "cfn-lint: no findings"

echo "== sam validate --lint"
"$venv/bin/sam" validate --lint --template-file template.yaml

echo "== sam build (makefile builder, our Maven build)"
build_dir="$(mktemp -d)"
trap 'rm -rf "$build_dir"' EXIT
rm -rf functions/handlers/target/lambda functions/handlers-media/target/lambda
PATH="$venv/bin:$PATH" "$venv/bin/sam" build --build-in-source --template-file template.yaml --build-dir "$build_dir" 2>&1 \
  | grep -v '^\[\*\]\|^Commands you can use next\|^=*$' || { echo "sam build failed" >&2; exit 1; }

has_ffmpeg() { compgen -G "$1/lib/ffmpeg-*.jar" >/dev/null || compgen -G "$1/lib/javacpp-*.jar" >/dev/null; }
for function in Validate Submit Poll PostProcess Finalize RecordFailure Ingest; do
  artifact="$build_dir/${function}Function"
  [ -f "$artifact/dev/reelforge/handlers/${function}Handler.class" ] \
    || { echo "sam build: ${function}Function lacks ${function}Handler.class" >&2; exit 1; }
  ! has_ffmpeg "$artifact" || { echo "sam build: the light ${function}Function carries FFmpeg" >&2; exit 1; }
done
for function in ReviewScore Recut SubmitAnimatic PollAnimatic; do
  artifact="$build_dir/${function}Function"
  compgen -G "$artifact/lib/reelforge-handlers-[0-9]*.jar" >/dev/null && has_ffmpeg "$artifact" \
    && [ -f "$artifact/META-INF/services/dev.reelforge.wiring.ProviderAdapterFactory" ] \
    || { echo "sam build: ${function}Function is not the media package (handlers, FFmpeg, animatic)" >&2; exit 1; }
done
[ -f "$build_dir/ReviewScoreFunction/dev/reelforge/handlers/media/ReviewScoreHandler.class" ] \
  || { echo "sam build: ReviewScoreFunction lacks ReviewScoreHandler.class" >&2; exit 1; }
[ -f "$build_dir/RecutFunction/dev/reelforge/handlers/media/RecutHandler.class" ] \
  || { echo "sam build: RecutFunction lacks RecutHandler.class" >&2; exit 1; }
echo "sam build: 11 functions packaged: 7 light, $(du -sh "$build_dir/ValidateFunction" | cut -f1) each, no FFmpeg;" \
  "4 media (ReviewScore, Recut, SubmitAnimatic, PollAnimatic), $(du -sh "$build_dir/ReviewScoreFunction" | cut -f1) each"
