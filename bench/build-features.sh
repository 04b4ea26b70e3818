#!/usr/bin/env bash
# Feature-build benchmark. (1) ~1M feature rows from simulated tables: 8 years x 15 settlement points
# (simulated once and kept in .tools/bench/), built several times: wall time and peak RSS per run and
# their medians. (2) The real sample (../shared/data/ercot) imported, then built for 2024: wall time.
# Usage: bench/build-features.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Ercot.Cli -c Release -v q --nologo >/dev/null
cli=$(ls Ercot.Cli/bin/Release/net10.0/*/ercot.dll | head -n 1)
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
  /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" build-features --from 2017-01-01 --to 2024-12-31 --store "$store" --artifacts "$work/artifacts" >"$work/out"
  read -r wall rss <"$work/time"
  printf 'run %d: %6.1f s wall, peak RSS %5.0f MiB — %s\n' "$run" "$wall" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(head -n 1 "$work/out")"
  echo "$wall $rss" >>"$work/runs"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
printf 'simulated, median of %d: %.1f s wall, peak RSS %.0f MiB\n' "$runs" "$(awk '{ print $1 }' "$work/runs" | median)" "$(awk '{ print $2 / 1024 }' "$work/runs" | median)"

sample=../shared/data/ercot
if [[ -f "$sample/MANIFEST.md" ]]; then
  dotnet "$cli" import "$sample" --store "$work/real.duckdb" >/dev/null
  /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" build-features --from 2024-01-01 --to 2024-12-31 --store "$work/real.duckdb" --artifacts "$work/real" >"$work/out"
  read -r wall rss <"$work/time"
  printf 'real sample, 2024: %.1f s wall, peak RSS %.0f MiB — %s\n' "$wall" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(head -n 1 "$work/out")"
fi
