#!/usr/bin/env bash
# Validates every state machine with asl-validator (npm), as written and with the deployment's
# DefinitionSubstitutions filled by example ARNs (so the Resource ARN checks run too).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="${REELFORGE_TOOLS_DIR:-$HOME/.cache/reelforge/node-tools}"
validator="$tools/node_modules/.bin/asl-validator"

if [ ! -x "$validator" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --silent --no-audit --no-fund --no-save asl-validator@4.0.0 >/dev/null
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
account=123456789012
for definition in "$root"/infrastructure/statemachine/*.asl.json; do
  "$validator" --json-path "$definition"
  substituted="$scratch/$(basename "$definition")"
  sed -e "s/\${\([A-Za-z]*\)FunctionArn}/arn:aws:lambda:us-east-1:$account:function:reelforge-\1:live/g" \
      -e "s/\${\([A-Za-z]*\)StateMachineArn}/arn:aws:states:us-east-1:$account:stateMachine:reelforge-\1/g" \
      -e "s/\${MediaClusterArn}/arn:aws:ecs:us-east-1:$account:cluster\/reelforge-media/g" \
      -e "s/\${MediaTaskDefinitionArn}/arn:aws:ecs:us-east-1:$account:task-definition\/reelforge-media:1/g" \
      -e "s/\${\([A-Za-z]*\)}/example-\1/g" "$definition" > "$substituted"
  "$validator" --json-path "$substituted"
done
