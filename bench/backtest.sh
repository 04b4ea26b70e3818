#!/usr/bin/env bash
# Backtest benchmark on the real sample (../shared/data/ercot): imports it into a fresh store, builds features
# for 2024-01..2026-03 (15 points, true hourly settlement DART), then runs two walk-forwards and prints their
# reports with wall time and peak RSS:
#   1. 2025, monthly refits, expanding window from 2024-01-01, the models given (default lightgbm,xgboost);
#   2. Q4 2024 (the quarter with wind and solar forecasts), monthly refits, same window.
# Each fold trains up to two days before it starts; early stopping on the last 91 days of its window, then a refit.
# Usage: bench/backtest.sh [models=lightgbm,xgboost]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/native-deps.sh
export OMP_WAIT_POLICY=PASSIVE

models=${1:-lightgbm,xgboost}
sample=../shared/data/ercot
if [[ ! -f "$sample/MANIFEST.md" ]]; then
  echo "The real sample is not at $sample; nothing to benchmark." >&2
  exit 1
fi
build_cli
work=$(mktemp -d -t ercot-backtest.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet "$cli" import "$sample" --store "$work/real.duckdb" | tail -n 1
dotnet "$cli" build-features --from 2024-01-01 --to 2026-03-17 --store "$work/real.duckdb" --artifacts "$work/artifacts" | head -n 2

run() {
  local id=$1 from=$2 to=$3
  /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" backtest --train-from 2024-01-01 --from "$from" --to "$to" \
    --models "$models" --id "$id" --artifacts "$work/artifacts" --report 2>/dev/null
  read -r wall rss <"$work/time"
  printf '%s: %.0f s wall, peak RSS %.0f MiB\n\n' "$id" "$wall" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
}
run walk-forward-2025 2025-01-01 2025-12-31
run q4-2024 2024-10-01 2024-12-31
