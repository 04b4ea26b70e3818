#!/usr/bin/env bash
# For a machine with a GPU: trains the deep model for a fixed number of epochs on CUDA, then on the
# CPU, on simulated features (2 years x 5 hubs), and prints seconds per epoch for each. Under five
# minutes in all on a current GPU machine. Usage: bench/gpu-check.sh [epochs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/native-deps.sh

epochs=${1:-3}
build_cli
work=$(mktemp -d -t ercot-gpu.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet "$cli" simulate --from 2023-01-01 --to 2024-12-31 --points 5 --seed 1 --store "$work/sim.duckdb" >/dev/null
dotnet "$cli" build-features --from 2023-01-01 --to 2024-12-31 --store "$work/sim.duckdb" --artifacts "$work/artifacts" >/dev/null

for device in cuda cpu; do
  echo "== $device, $epochs epochs"
  ERCOT_DEEP_DEVICE=$device ERCOT_DEEP_EPOCHS=$epochs \
    dotnet "$cli" train --from 2023-01-01 --to 2024-12-31 --models deep --artifacts "$work/artifacts" 2>&1 >/dev/null \
    | grep -E 'trained in|CUDA|cuda' || echo "($device not available)"
done
