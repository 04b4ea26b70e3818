#!/usr/bin/env bash
# Scoring benchmark: champions of every model trained on a year of the simulated 15-point features
# (bench/build-features.sh's, built here if missing), then (1) in-process single-row latency per model
# and for the ensemble, and a 10k-row batch; (2) single-row /score through the gateway on loopback at
# 500 and 1,000 requests/s and flat out, with the whole application running.
# Usage: bench/score.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/native-deps.sh

build_cli
dotnet build bench/Ercot.Bench -c Release -v q --nologo >/dev/null
bench=$(ls bench/Ercot.Bench/bin/Release/net10.0/*/Ercot.Bench.dll | head -n 1)
store=.tools/bench/sim-8y-15p.duckdb
artifacts=$(pwd)/.tools/bench/score
if [[ ! -f "$store" ]]; then
  dotnet "$cli" simulate --from 2017-01-01 --to 2024-12-31 --points 15 --seed 1 --store "$store" | tail -n 1
fi
if [[ ! -f "$artifacts/models/champion.json" ]]; then
  dotnet "$cli" build-features --from 2023-11-01 --to 2024-12-31 --store "$store" --artifacts "$artifacts" | head -n 1
  dotnet "$cli" train --from 2023-11-01 --to 2024-12-31 --artifacts "$artifacts" 2>/dev/null | tail -n 3
fi

echo "== in process"
dotnet "$bench" inprocess "$artifacts"

echo "== through the gateway (loopback)"
secret="Ercot:DevelopmentApiKey"
if ! dotnet user-secrets list --project Ercot.AppHost 2>/dev/null | grep -q "^$secret = "; then
  dotnet user-secrets set "$secret" "ercot_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" --project Ercot.AppHost >/dev/null
fi
key=$(dotnet user-secrets list --project Ercot.AppHost | sed -n "s/^$secret = //p")
ArtifactStore__Root="$artifacts" Gateway__RequestsPerMinute=100000000 \
  dotnet run --project Ercot.AppHost --launch-profile http >"$artifacts/apphost.log" 2>&1 &
apphost=$!
trap 'kill -TERM $apphost 2>/dev/null; wait $apphost 2>/dev/null || true' EXIT
# Ready once the inference API serves the champions (the gateway answers /model/info with 200).
until curl -s -H "X-Api-Key: $key" -o /dev/null -w '%{http_code}' http://localhost:5180/model/info | grep -q 200; do
  kill -0 $apphost 2>/dev/null || { echo "the AppHost exited; see $artifacts/apphost.log" >&2; exit 1; }
  sleep 1
done
dotnet "$bench" http http://localhost:5180 "$key" "$artifacts"
