#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: installs Debian's postgresql when missing, makes its own cluster under
# a temporary folder (never touching Debian's own cluster), listens on 127.0.0.1 only, and prints the connection
# string of a role that may create databases (each test portal creates and drops its own database).
#   bash tests/postgres.sh start   # idempotent; prints the connection string on stdout
#   bash tests/postgres.sh stop
set -euo pipefail

PGPORT=${TAYNINHCCHC_PG_PORT:-55432}
PGROOT=${TAYNINHCCHC_PG_DIR:-/tmp/tayninhcchc-pg}
DATA="$PGROOT/data"
SOCKETS="$PGROOT/sockets"
ROLE=tayninhcchc
PASSWORD=tayninhcchc-tests   # loopback-only throwaway cluster

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$dir" ]; then
        echo "Installing Debian postgresql…" >&2
        as_root apt-get update -qq >&2
        # Keep Debian's own cluster from starting: it is not ours to run.
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    echo "$dir"
}

start() {
    local bin
    bin=$(bin_dir)
    as_root mkdir -p "$PGROOT" "$SOCKETS"
    as_root chown postgres:postgres "$PGROOT" "$SOCKETS"
    if [ ! -f "$DATA/PG_VERSION" ]; then
        as_postgres "$bin/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_postgres "$bin/pg_ctl" -D "$DATA" -l "$PGROOT/server.log" -w -o \
            "-c listen_addresses=127.0.0.1 -p $PGPORT -k $SOCKETS -c max_connections=300 -c fsync=on -c synchronous_commit=on" start >/dev/null
    fi
    as_postgres "$bin/psql" -h "$SOCKETS" -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
    echo "Host=127.0.0.1;Port=$PGPORT;Username=$ROLE;Password=$PASSWORD;Database=postgres"
}

stop() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$bin" ] && [ -f "$DATA/PG_VERSION" ] || return 0
    as_postgres "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
}

case ${1:-start} in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
