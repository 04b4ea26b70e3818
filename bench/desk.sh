#!/usr/bin/env bash
# The desk's Tomorrow page in a real browser, against the running application (start it with ./run.sh first):
# seconds from pressing "Sign in" to every chart drawn, in a fresh browser context each run, then reloads with the
# scripts cached; medians. Usage: bench/desk.sh [runs] [yyyy-MM-dd]  (the key: $ERCOT_KEY, else the development key)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/chromium.sh

runs=${1:-5}
date=${2:-}
key=${ERCOT_KEY:-$(dotnet user-secrets list --project Ercot.AppHost 2>/dev/null | sed -n 's/^Ercot:DevelopmentApiKey = //p')}
if [[ -z "$key" ]]; then
  echo "No key: set ERCOT_KEY, or run ./run.sh once to make the development key." >&2
  exit 1
fi
curl -sf -m 5 http://localhost:5180/alive >/dev/null || { echo "The gateway does not answer on http://localhost:5180; start ./run.sh first." >&2; exit 1; }

dotnet build bench/Ercot.Bench -c Release -v q --nologo >/dev/null || { echo "bench/Ercot.Bench does not build:" >&2; dotnet build bench/Ercot.Bench -c Release -v q --nologo | grep -E "error" >&2; exit 1; }
bench=$(find bench/Ercot.Bench/bin/Release/net10.0 -name Ercot.Bench.dll | sort | head -n 1)
# shellcheck disable=SC2086 # the date is one optional word
dotnet "$bench" desk http://localhost:5180 "$key" "$runs" $date
