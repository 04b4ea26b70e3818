#!/usr/bin/env bash
# Imports the whole real sample (../shared/data/ercot) into a fresh DuckDB store, several times,
# and prints wall time, rows/s and peak RSS per run, then their medians.
# Usage: bench/import-sample.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
sample=../shared/data/ercot
[[ -f "$sample/MANIFEST.md" ]] || { echo "The real sample is not at $sample" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Ercot.Cli -c Release -v q --nologo >/dev/null
cli=$(ls Ercot.Cli/bin/Release/net10.0/*/ercot.dll | head -n 1)
work=$(mktemp -d -t ercot-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

for run in $(seq 1 "$runs"); do
  rm -f "$work/ercot.duckdb"
  /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" import "$sample" --store "$work/ercot.duckdb" >"$work/out" 2>/dev/null
  read -r wall rss <"$work/time"
  rows=$(sed -n 's/^[0-9]* files, \([0-9,]*\) rows.*/\1/p' "$work/out" | tr -d ,)
  printf 'run %d: %6.2f s wall, %8.0f rows/s, peak RSS %4.0f MiB (%s rows)\n' "$run" "$wall" "$(awk -v r="$rows" -v w="$wall" 'BEGIN { print r / w }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$rows"
  echo "$wall $rss $rows" >>"$work/runs"
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
wall=$(awk '{ print $1 }' "$work/runs" | median)
rss=$(awk '{ print $2 }' "$work/runs" | median)
rows=$(awk '{ print $3; exit }' "$work/runs")
printf 'median of %d: %.2f s wall, %.0f rows/s, peak RSS %.0f MiB\n' "$runs" "$wall" "$(awk -v r="$rows" -v w="$wall" 'BEGIN { print r / w }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
