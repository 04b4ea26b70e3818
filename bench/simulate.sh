#!/usr/bin/env bash
# Simulates and stores 2 years x 15 settlement points into a fresh DuckDB store, several times, and
# prints wall time, SCED rows/s and peak RSS per run, then their medians.
# Usage: bench/simulate.sh [runs=3] [points=15] [from=2023-01-01] [to=2024-12-31]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-3}
points=${2:-15}
from=${3:-2023-01-01}
to=${4:-2024-12-31}
build_cli
work=$(mktemp -d -t ercot-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

for run in $(seq 1 "$runs"); do
  rm -f "$work/sim.duckdb"
  timed "$work/out" dotnet "$cli" simulate --from "$from" --to "$to" --points "$points" --seed "$run" --store "$work/sim.duckdb"
  sced=$(awk '/^hist_LMPbyResourceNodes/ { gsub(",", "", $2); print $2 }' "$work/out")
  total=$(sed -n 's/^\([0-9,]*\) rows in.*/\1/p' "$work/out" | tr -d ,)
  printf 'run %d: %6.1f s wall, %8.0f SCED rows/s (%s SCED rows, %s rows in all), peak RSS %4s MiB\n' \
    "$run" "$wall" "$(awk -v r="$sced" -v w="$wall" 'BEGIN { print r / w }')" "$sced" "$total" "$rss_mib"
  echo "$wall $rss_mib $sced" >>"$work/runs"
done

wall=$(awk '{ print $1 }' "$work/runs" | median)
sced=$(awk '{ print $3; exit }' "$work/runs")
printf 'median of %d: %.1f s wall, %.0f SCED rows/s, peak RSS %s MiB\n' "$runs" "$wall" "$(awk -v r="$sced" -v w="$wall" 'BEGIN { print r / w }')" "$(awk '{ print $2 }' "$work/runs" | median)"
