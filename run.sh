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

# A first start ends in a forecast: simulate two years of the five trading hubs into
# .ercot/ercot.duckdb, then, while the registry has no champion, build the features of the last
# thirteen months up to tomorrow and train every model on them (a couple of minutes, once; later
# starts skip both).
dotnet build Ercot.Cli -c Release -v q --nologo >/dev/null
dotnet Ercot.Cli/bin/Release/net10.0/linux-x64/ercot.dll bootstrap

# The application, its output also kept in .ercot/apphost.log. Ready once the gateway's /health
# answers; if it does not, say which service failed and where to look.
log=.ercot/apphost.log
# In a session of its own, so that Ctrl+C here stops the AppHost and everything it started, as one group.
setsid dotnet run --project Ercot.AppHost --launch-profile http "$@" > >(tee "$log") 2>&1 &
apphost=$!
trap 'echo "Stopping Ercot ..."; kill -TERM -- -$apphost 2>/dev/null; wait $apphost 2>/dev/null; exit 0' INT TERM
health=""
for _ in $(seq 240); do
  kill -0 $apphost 2>/dev/null || { echo "The AppHost exited; its output is in $log." >&2; exit 1; }
  health=$(curl -s -m 2 http://localhost:5180/health || true)
  [[ "$health" == *'"status"'* ]] && break
  sleep 1
done
key=$(dotnet user-secrets list --project Ercot.AppHost 2>/dev/null | sed -n "s/^$secret_name = //p")
# ERCOT's operating days are Central time, whatever this machine's zone.
tomorrow=$(TZ=America/Chicago date -d tomorrow +%F)
if [[ "$health" != *'"status"'* ]]; then
  echo "The gateway did not answer http://localhost:5180/health within 4 minutes. The AppHost output is in $log;" >&2
  echo "open the dashboard (login link above), Resources: a service that is not Running shows why in its Console logs." >&2
elif [[ "$health" == *'backend(s) down'* ]]; then
  echo "The gateway is up, but not every service: $(grep -o 'backend(s) down: [^(]*' <<<"$health"). See the dashboard's Console logs of that service, or $log." >&2
else
  cat <<MSG

  Ercot is ready: dashboard http://localhost:15180 (login link above), gateway http://localhost:5180

  The trading desk: open http://localhost:5180/desk/ and paste your key.

  Tomorrow's forecast for the North hub, with its 80% interval:
      curl -H "X-Api-Key: $key" "http://localhost:5180/forecast?settlementPoint=HB_NORTH&date=$tomorrow"
  A ready-to-score body for that day, then the same rows through /score:
      curl -H "X-Api-Key: $key" "http://localhost:5180/forecast/rows?settlementPoint=HB_NORTH&date=$tomorrow" > rows.json
      curl -H "X-Api-Key: $key" -H "Content-Type: application/json" --data @rows.json http://localhost:5180/score
  Stop with Ctrl+C.

MSG
fi
wait $apphost
