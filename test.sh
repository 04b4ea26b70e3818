#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (idempotent), starts Azurite and PostgreSQL,
# builds and runs Ercot.Tests. Extra arguments go to `dotnet test` (e.g. --filter Gateway).
set -euo pipefail
cd "$(dirname "$0")"

source scripts/shell-check.sh
source scripts/workflow-check.sh
source scripts/native-deps.sh
source scripts/chromium.sh
source scripts/azurite.sh
source scripts/postgres.sh
# Azurite keeps nothing (in-memory) and may linger on SIGTERM: stop it outright.
trap 'kill -9 "$AZURITE_PID" 2>/dev/null || true; stop_postgres' EXIT

# ASPIRE_ALLOW_UNSECURED_TRANSPORT: the AppHost under test serves plain HTTP on loopback (no dev certificate here).
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

status=0
dotnet test Ercot.sln --logger "console;verbosity=normal" --results-directory .tools/test-results "$@" \
  | tee .tools/test-output.log || status=$?
# One plain closing line: "Tests: N passed, N failed, N skipped".
awk '$1 == "Passed:" && NF == 2 { p += $2 } $1 == "Failed:" && NF == 2 { f += $2 } $1 == "Skipped:" && NF == 2 { s += $2 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' .tools/test-output.log
exit "$status"
