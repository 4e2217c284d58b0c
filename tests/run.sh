#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing (Debian chromium, postgresql and nginx, the npm
# packages), checks the content, runs every test project on SQLite and the web tests again on PostgreSQL, and prints
# one summary line over both runs ("N passed, N failed, N skipped").
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian Chromium for the browser tests (never a browser downloaded by Playwright).
if ! [ -x /usr/bin/chromium ]; then
    echo "Installing Debian chromium…"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# Debian nginx as the load balancer of the two-node cluster test. Its own service must not start (port 80 is not ours).
if ! [ -x /usr/sbin/nginx ]; then
    echo "Installing Debian nginx…"
    policy=/usr/sbin/policy-rc.d
    as_root sh -c "[ -e $policy ] || { printf '#!/bin/sh\\nexit 101\\n' > $policy && chmod 755 $policy && touch $policy.tayninhcchc; }"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    as_root sh -c "[ -e $policy.tayninhcchc ] && rm -f $policy $policy.tayninhcchc || true"
fi

# axe-core for the accessibility checks, from the npm registry, pinned by tests/package-lock.json.
if ! [ -f tests/node_modules/axe-core/axe.min.js ]; then
    echo "Installing axe-core…"
    (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
export AXE_CORE_PATH="$repo/tests/node_modules/axe-core/axe.min.js"

# A throwaway PostgreSQL cluster for this run only: a fresh data folder and a free loopback port, stopped and removed
# when the script exits however it exits. The same suite runs against both database providers.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 30000))
        # Nothing answers on a free port: the connection attempt fails.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    echo "no free loopback port found" >&2
    return 1
}
TAYNINHCCHC_PG_DIR=$(mktemp -d /tmp/tayninhcchc-pg.XXXXXX)
TAYNINHCCHC_PG_PORT=$(free_port)
export TAYNINHCCHC_PG_DIR TAYNINHCCHC_PG_PORT
stop_postgres() { bash "$repo/tests/postgres.sh" stop || true; rm -rf "$TAYNINHCCHC_PG_DIR"; }
trap stop_postgres EXIT
postgres=$(bash tests/postgres.sh start)

dotnet tool restore >/dev/null
dotnet restore TayNinhCchc.sln
dotnet build TayNinhCchc.sln --no-restore -c Release

echo "Checking content/…"
dotnet run --no-build -c Release --project src/TayNinhCchc.Web -- check-content "$repo/content"

results="$repo/tests/TestResults"
rm -rf "$results"
mkdir -p "$results"
set +e
echo "Running every test project on SQLite…"
# One project at a time (-maxcpucount:1): the browser tests share two cores with 600 web tests otherwise, and their
# waits then ran out on a loaded CI machine.
dotnet test TayNinhCchc.sln --no-build -c Release -maxcpucount:1 --filter "Provider!=Postgres" \
    --logger "console;verbosity=normal" --results-directory "$results/sqlite" 2>&1 | tee "$results/sqlite.log"
sqlite_status=${PIPESTATUS[0]}
echo "Running the web tests on PostgreSQL…"
TAYNINHCCHC_TEST_POSTGRES="$postgres" dotnet test tests/TayNinhCchc.Web.Tests --no-build -c Release --filter "Provider!=Sqlite" \
    --logger "console;verbosity=normal" --results-directory "$results/postgres" 2>&1 | tee "$results/postgres.log"
postgres_status=${PIPESTATUS[0]}
set -e
status=$((sqlite_status != 0 ? sqlite_status : postgres_status))

# Each failed test with its message, next to the closing line, where a long CI log is still read.
awk '
    /^[[:space:]]+Failed [^[:space:]]+.* \[[^]]*\][[:space:]]*$/ { show = 1; print "FAILED: " FILENAME; }
    show && /^[[:space:]]+Stack Trace:/ { show = 0 }
    show { print }
' "$results/sqlite.log" "$results/postgres.log"

# One closing line summed over all test assemblies, for CI.
awk '
    /^[[:space:]]+Passed: [0-9]+[[:space:]]*$/  { p += $2 }
    /^[[:space:]]+Failed: [0-9]+[[:space:]]*$/  { f += $2 }
    /^[[:space:]]+Skipped: [0-9]+[[:space:]]*$/ { s += $2 }
    END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$results/sqlite.log" "$results/postgres.log"
exit "$status"
