# shellcheck shell=bash disable=SC2034
# Shared by the benchmark scripts (sourced, not run); the variables it sets ($cli, $wall, $rss_mib) are theirs.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The median of the numbers on standard input, one a line.
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# Builds the ercot CLI in Release and sets $cli to its dll; makes sure GNU time is there for peak RSS.
build_cli() {
  command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
  dotnet build Ercot.Cli -c Release -v q --nologo >/dev/null
  cli=$(find Ercot.Cli/bin/Release/net10.0 -name ercot.dll | sort | head -n 1)
}

# timed OUT_FILE COMMAND...: runs the command with its output in OUT_FILE; sets $wall (s) and $rss_mib.
timed() {
  local out=$1; shift
  /usr/bin/time -f '%e %M' -o "$out.time" "$@" >"$out" 2>/dev/null
  read -r wall rss <"$out.time"
  rss_mib=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
}
