#!/usr/bin/env bash
# The GitHub workflows against the Actions schema (npm @action-validator/cli, into .tools/ once) and yamllint (apt,
# once) over the workflows and azure.yaml; any finding fails the run. Sourced by test.sh.
set -euo pipefail

validator_version=0.6.0
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo_root/.tools"

if ! command -v yamllint >/dev/null; then
  echo "Installing yamllint (apt) ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq yamllint >/dev/null
fi
installed=$(node -p "try { require('$tools/node_modules/@action-validator/cli/package.json').version } catch { '' }")
if [[ "$installed" != "$validator_version" ]]; then
  echo "Installing @action-validator/cli@$validator_version into .tools/ ..."
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@action-validator/cli@$validator_version" >/dev/null
fi

yamllint --strict --config-file "$repo_root/.yamllint.yaml" "$repo_root/.github/workflows" "$repo_root/azure.yaml"
for workflow in "$repo_root"/.github/workflows/*.yml; do
  "$tools/node_modules/.bin/action-validator" "$workflow"
done
