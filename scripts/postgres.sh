#!/usr/bin/env bash
# Installs PostgreSQL (Debian's package) once, then starts a throwaway cluster on a free loopback port
# as the postgres user. Sourced by test.sh: sets ERCOT_TEST_POSTGRES (an Npgsql connection string)
# and defines stop_postgres.
set -euo pipefail

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "Installing PostgreSQL (apt) ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)

pg_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# The data folder must be the postgres user's, somewhere that user can reach: the system temp folder,
# not a TMPDIR that may point under root's home.
pg_data=$(env -u TMPDIR mktemp -d -t ercot-postgres.XXXXXX)
chown postgres:postgres "$pg_data"
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data/data" -l "$pg_data/postgres.log" -w \
  -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null

stop_postgres() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_data"
}

export ERCOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL on 127.0.0.1:$pg_port"
