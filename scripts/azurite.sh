#!/usr/bin/env bash
# Installs Azurite (npm) into .tools/ once, then starts its blob service on a free loopback port.
# Sourced by test.sh: sets ERCOT_TEST_AZURITE (a connection string) and AZURITE_PID.
set -euo pipefail

azurite_version=3.37.0
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo_root/.tools"

installed=$(node -p "try { require('$tools/node_modules/azurite/package.json').version } catch { '' }")
if [[ "$installed" != "$azurite_version" ]]; then
  echo "Installing azurite@$azurite_version into .tools/ ..."
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "azurite@$azurite_version" >/dev/null
fi

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
data=$(mktemp -d -t ercot-azurite.XXXXXX)
# The Blob SDK sends a newer API version than Azurite knows; the flag lets it through.
"$tools/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" \
  --skipApiVersionCheck --inMemoryPersistence --silent >"$data/azurite.log" 2>&1 &
AZURITE_PID=$!
disown "$AZURITE_PID" 2>/dev/null || true  # no job-control notice when test.sh stops it

for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
    echo "Azurite failed to start:" >&2; cat "$data/azurite.log" >&2; exit 1
  fi
  sleep 0.1
done

# Azurite's well-known development account (public, documented by Microsoft; not a secret).
export ERCOT_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
echo "Azurite blob service on 127.0.0.1:$port (pid $AZURITE_PID)"
