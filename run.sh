#!/usr/bin/env bash
# Sets up and runs the whole Ercot application on the embedded default (local artifact folder),
# with the Aspire dashboard. Safe to run again: every step checks before it acts.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is required: https://dot.net" >&2
  exit 1
fi

source scripts/native-deps.sh

# A development API key for this machine, generated once into the AppHost's user secrets. The
# gateway gets only its hash and honours it only in the Development environment.
secret_name="Ercot:DevelopmentApiKey"
if ! dotnet user-secrets list --project Ercot.AppHost 2>/dev/null | grep -q "^$secret_name = "; then
  key="ercot_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  dotnet user-secrets set "$secret_name" "$key" --project Ercot.AppHost >/dev/null
  cat <<MSG

  Your development API key (shown once; it works only against this machine's Development gateway):

      $key

  Call the gateway with it:   curl -H "X-Api-Key: $key" http://localhost:5180/model/info
  Show it again:              dotnet user-secrets list --project Ercot.AppHost

MSG
fi

# The embedded default needs data: on first start, simulate two years of the five trading hubs into
# .ercot/ercot.duckdb (about half a minute); later starts find it filled and skip this.
dotnet run --project Ercot.Cli -c Release -- simulate \
  --from "$(date -d '2 years ago' +%F)" --to "$(date -d yesterday +%F)" --points 5 --seed 1 --if-empty

echo "Starting Ercot: dashboard http://localhost:15180 (login link below), gateway http://localhost:5180"
exec dotnet run --project Ercot.AppHost --launch-profile http "$@"
