#!/usr/bin/env bash
# Imports the whole real sample (../shared/data/ercot) into a fresh DuckDB store, several times,
# and prints wall time, rows/s and peak RSS per run, then their medians.
# Usage: bench/import-sample.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
sample=../shared/data/ercot
[[ -f "$sample/MANIFEST.md" ]] || { echo "The real sample is not at $sample" >&2; exit 1; }
source bench/lib.sh
build_cli
work=$(mktemp -d -t ercot-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

for run in $(seq 1 "$runs"); do
  rm -f "$work/ercot.duckdb"
  timed "$work/out" dotnet "$cli" import "$sample" --store "$work/ercot.duckdb"
  rows=$(sed -n 's/^[0-9]* files, \([0-9,]*\) rows.*/\1/p' "$work/out" | tr -d ,)
  printf 'run %d: %6.2f s wall, %8.0f rows/s, peak RSS %4s MiB (%s rows)\n' "$run" "$wall" "$(awk -v r="$rows" -v w="$wall" 'BEGIN { print r / w }')" "$rss_mib" "$rows"
  echo "$wall $rss_mib $rows" >>"$work/runs"
done

wall=$(awk '{ print $1 }' "$work/runs" | median)
rows=$(awk '{ print $3; exit }' "$work/runs")
printf 'median of %d: %.2f s wall, %.0f rows/s, peak RSS %s MiB\n' "$runs" "$wall" "$(awk -v r="$rows" -v w="$wall" 'BEGIN { print r / w }')" "$(awk '{ print $2 }' "$work/runs" | median)"
