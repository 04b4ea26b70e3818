#!/usr/bin/env bash
# Native libraries the trainers load, from Debian's packages (installed once): XGBoost's C library
# and the OpenMP runtime that XGBoost and LightGBM use. Sourced by run.sh and test.sh.
set -euo pipefail

missing=()
for package in libxgboost0 libgomp1; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if (( ${#missing[@]} > 0 )); then
  echo "Installing ${missing[*]} (apt) ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# OpenMP threads that spin while waiting slow single fits down many times on a small shared machine.
export OMP_WAIT_POLICY=PASSIVE
