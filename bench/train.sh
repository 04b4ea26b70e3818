#!/usr/bin/env bash
# Training benchmark: each model alone (all cores) on ~1M simulated feature rows (8 years x 15 points,
# built once into .tools/bench/): one fit of a fixed size — 500 trees for each booster, 3 epochs for the
# network (its figure is seconds per epoch) — with wall time and peak RSS, medians of several runs; then
# each family as it really trains (search, early stopping, refit) once, with what it chose. Then the real sample: train Jan-Aug 2024, validate Sep, test Oct-Dec, the metrics.
# Usage: bench/train.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/native-deps.sh

runs=${1:-3}
build_cli
store=.tools/bench/sim-8y-15p.duckdb
features=.tools/bench/features-8y-15p
if [[ ! -f "$store" ]]; then
  dotnet "$cli" simulate --from 2017-01-01 --to 2024-12-31 --points 15 --seed 1 --store "$store" | tail -n 1
fi
if [[ ! -f "$features/features/schema.json" ]]; then
  dotnet "$cli" build-features --from 2017-01-01 --to 2024-12-31 --store "$store" --artifacts "$features" | head -n 1
fi
work=$(mktemp -d -t ercot-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

for model in lightgbm xgboost deep; do
  : >"$work/runs"
  for run in $(seq 1 "$runs"); do
    rm -rf "$features/models"
    iterations=$([[ $model == deep ]] && echo 3 || echo 500)
    /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" train --from 2017-01-01 --to 2024-12-31 --models "$model" --fixed-iterations "$iterations" \
      --artifacts "$features" >"$work/out" 2>"$work/progress"
    read -r wall rss <"$work/time"
    rss_mib=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    printf '%s run %d: %6.1f s wall, peak RSS %5s MiB — %s\n' "$model" "$run" "$wall" "$rss_mib" "$(grep ' trained in ' "$work/progress")"
    echo "$wall $rss_mib" >>"$work/runs"
  done
  printf '%s, median of %d: %.1f s wall, peak RSS %s MiB\n' "$model" "$runs" "$(awk '{ print $1 }' "$work/runs" | median)" "$(awk '{ print $2 }' "$work/runs" | median)"
done

for model in lightgbm xgboost; do
  rm -rf "$features/models"
  /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" train --from 2017-01-01 --to 2024-12-31 --models "$model" --artifacts "$features" >"$work/out" 2>"$work/progress"
  read -r wall rss <"$work/time"
  printf '%s as trained (search, early stopping, refit): %.1f s wall — %s\n' "$model" "$wall" "$(grep ' trained in ' "$work/progress")"
done

sample=../shared/data/ercot
if [[ -f "$sample/MANIFEST.md" ]]; then
  dotnet "$cli" import "$sample" --store "$work/real.duckdb" >/dev/null
  dotnet "$cli" build-features --from 2024-01-01 --to 2024-12-31 --store "$work/real.duckdb" --artifacts "$work/real" >/dev/null
  echo "Real sample: train 2024-01..08, validate 09, test 10..12"
  dotnet "$cli" train --from 2024-01-01 --to 2024-12-31 --validation-from 2024-09-01 --test-from 2024-10-01 --artifacts "$work/real" 2>/dev/null
fi
