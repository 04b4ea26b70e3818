#!/usr/bin/env bash
# Feature-build benchmark. (1) ~1M feature rows from simulated tables: 8 years x 15 settlement points
# (simulated once and kept in .tools/bench/), built several times: wall time and peak RSS per run and
# their medians. (2) The real sample (../shared/data/ercot) imported, then built for 2024: wall time.
# Usage: bench/build-features.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-3}
build_cli
mkdir -p .tools/bench
store=.tools/bench/sim-8y-15p.duckdb
if [[ ! -f "$store" ]]; then
  echo "Simulating 2017-2024 x 15 points into $store (once) ..."
  dotnet "$cli" simulate --from 2017-01-01 --to 2024-12-31 --points 15 --seed 1 --store "$store" | tail -n 1
fi
work=$(mktemp -d -t ercot-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

for run in $(seq 1 "$runs"); do
  rm -rf "$work/artifacts"
  timed "$work/out" dotnet "$cli" build-features --from 2017-01-01 --to 2024-12-31 --store "$store" --artifacts "$work/artifacts"
  printf 'run %d: %6.1f s wall, peak RSS %5s MiB — %s\n' "$run" "$wall" "$rss_mib" "$(head -n 1 "$work/out")"
  echo "$wall $rss_mib" >>"$work/runs"
done
printf 'simulated, median of %d: %.1f s wall, peak RSS %s MiB\n' "$runs" "$(awk '{ print $1 }' "$work/runs" | median)" "$(awk '{ print $2 }' "$work/runs" | median)"

sample=../shared/data/ercot
if [[ -f "$sample/MANIFEST.md" ]]; then
  dotnet "$cli" import "$sample" --store "$work/real.duckdb" >/dev/null
  timed "$work/out" dotnet "$cli" build-features --from 2024-01-01 --to 2024-12-31 --store "$work/real.duckdb" --artifacts "$work/real"
  printf 'real sample, 2024: %.1f s wall, peak RSS %s MiB — %s\n' "$wall" "$rss_mib" "$(head -n 1 "$work/out")"
fi
