#!/usr/bin/env bash
# Measures the AppHost's cold start: from `dotnet run` of the (already built) AppHost until the
# gateway answers /health through its public endpoint. Prints each run and the median.
# Usage: bench/apphost-cold-start.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
gateway=http://localhost:5180/health
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if curl -s -o /dev/null "$gateway"; then
  echo "Something already answers on $gateway; stop it first." >&2
  exit 1
fi
dotnet build Ercot.AppHost -v q --nologo >/dev/null

times=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  dotnet run --project Ercot.AppHost --launch-profile http --no-build >/dev/null 2>&1 &
  pid=$!
  until curl -s -o /dev/null -m 1 "$gateway"; do
    kill -0 "$pid" 2>/dev/null || { echo "the AppHost exited early" >&2; exit 1; }
    sleep 0.1
  done
  elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
  times+=("$elapsed")
  printf 'run %d: %.2f s\n' "$run" "$elapsed"
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # Let DCP stop the services before the next cold start.
  while pgrep -f 'Ercot\.(Gateway|Features|Training|Inference)' >/dev/null; do sleep 0.2; done
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "median of %d: %.2f s\n", NR, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
