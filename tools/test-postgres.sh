#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on loopback for the tests and print the
# environment the suite reads. Usage: eval "$(bash tools/test-postgres.sh PORT)"
# Stop it with: pg_ctl -D "$PMDESK_TEST_PGROOT/data" -m immediate stop
set -euo pipefail
port=${1:-55432}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgroot=$(mktemp -d /tmp/pmdesk-pg-$port.XXXXXX)
pgpass=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$pgpass" >"$pgroot/pwfile"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$pgroot"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$pgbin/initdb" -D "$pgroot/data" -U pmdesk_admin --pwfile="$pgroot/pwfile" \
  -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/log" -w start \
  -o "-p $port -k $pgroot -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
  >/dev/null
echo "export PMDESK_TEST_PGROOT=$pgroot"
echo "export PMDESK_TEST_PGBIN=$pgbin"
echo "export PMDESK_TEST_POSTGRES=postgresql://pmdesk_admin:$pgpass@127.0.0.1:$port/postgres"
