#!/usr/bin/env bash
# ShellCheck (apt, installed once) over every shell script of the repository; any finding fails the run.
# Sourced by test.sh.
set -euo pipefail

if ! command -v shellcheck >/dev/null; then
  echo "Installing shellcheck (apt) ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
fi
shellcheck --external-sources run.sh test.sh .ci/run scripts/*.sh bench/*.sh
