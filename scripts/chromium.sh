#!/usr/bin/env bash
# Debian's Chromium, which the desk's browser tests drive through Playwright (browser downloads are not reachable
# here). Installed once; its path is exported for the tests. Sourced by test.sh.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium (apt) ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
CHROMIUM_PATH="$(command -v chromium)"
export CHROMIUM_PATH
