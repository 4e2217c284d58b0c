#!/usr/bin/env bash
# Survey ingest benchmark: acknowledged ratings per second over real HTTP (32 concurrent citizens, each opening the
# form, doing its proof of work at a low difficulty and posting it with its antiforgery token) against 1 node on SQLite, 1 node on PostgreSQL
# and 2 nodes on PostgreSQL, beside the raw one-commit-per-rating SQLite loop measured in the same run on the same
# disk. Prints the figures side by side.
# Usage: bash tests/bench/ingest.sh   (CONFIGS="sqlite postgres postgres2" CLIENTS=32 POW_DIFFICULTY=4 SECONDS_MEASURED=20 WARMUP=30; the warm-up lets tiered JIT settle, which takes ~20 s)
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "$0")/lib.sh"

CONFIGS=${CONFIGS:-sqlite postgres postgres2}
CLIENTS=${CLIENTS:-32}
# Leading zero bits the clients must find: 4 = 16 SHA-256 per rating on average (as in the test suite). The server checks
# one hash whatever the difficulty; the clients share the two cores with the portal, so their search is kept small.
POW_DIFFICULTY=${POW_DIFFICULTY:-4}
SECONDS_MEASURED=${SECONDS_MEASURED:-20}
WARMUP=${WARMUP:-30}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/tayninhcchc-ingest.XXXXXX")
PIDS=()
cleanup() { local pid; for pid in "${PIDS[@]}"; do stop_pid "$pid"; done; rm -rf "$OUT"; }
trap cleanup EXIT

ensure_tools curl sqlite3
publish_portal "$OUT"
TOOL=$(bench_tool "$OUT")

# start_nodes COUNT PROVIDER CONNECTION: starts COUNT portal processes; sets URLS (comma-separated).
start_nodes() {
    local count=$1 provider=$2 connection=$3 i port urls=()
    for i in $(seq 1 "$count"); do
        port=$(free_port $((5300 + 10 * i)))
        # Later settings win: the connection string given here replaces start_portal's SQLite default.
        # Bot protection at benchmark settings: a low proof-of-work difficulty (the issue's "low configured difficulty"), no
        # minimum fill time (these clients post at once and would all be stored flagged) and no rate limit (one address).
        PORTAL_ARGS=(--Database:Provider="$provider" --ConnectionStrings:Portal="$connection"
            --Database:MigrateOnStartup="$([ "$provider" = Sqlite ] && echo true || echo false)"
            --BotProtection:ProofOfWorkDifficulty="$POW_DIFFICULTY" --BotProtection:MinimumFillTime=00:00:00 --BotProtection:PermitsPerMinute=1000000)
        start_portal "$OUT/publish" "$REPO/content" "unused.db" "$port" "$OUT/node-$i.log"
        PIDS+=("$PORTAL_PID")
        wait_http "http://127.0.0.1:$port/health" 60 "$PORTAL_PID" || { tail -20 "$OUT/node-$i.log" >&2; die "node $i did not start"; }
        urls+=("http://127.0.0.1:$port")
    done
    URLS=$(IFS=,; echo "${urls[*]}")
}

stop_nodes() { local pid; for pid in "${PIDS[@]}"; do stop_pid "$pid"; done; PIDS=(); }

run_ingest() {
    local name=$1
    log "$name: $CLIENTS clients, ${WARMUP} s warm-up, ${SECONDS_MEASURED} s measured"
    (cd "$REPO" && dotnet "$TOOL" ingest --url "$URLS" --clients "$CLIENTS" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP" --csv "$OUT/$name.csv") >&2
}

for config in $CONFIGS; do
    case $config in
        sqlite)
            start_nodes 1 Sqlite "Data Source=$OUT/portal.db"
            run_ingest sqlite; stop_nodes ;;
        postgres | postgres2)
            server=$(bash "$REPO/tests/postgres.sh" start)
            psql "$(echo "$server" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/')" -q \
                -c 'DROP DATABASE IF EXISTS tayninhcchc_bench WITH (FORCE)' -c 'CREATE DATABASE tayninhcchc_bench' >/dev/null
            connection="${server%Database=postgres}Database=tayninhcchc_bench;Maximum Pool Size=200"
            (cd "$OUT/publish" && dotnet TayNinhCchc.Web.dll migrate --Database:Provider=Postgres --ConnectionStrings:Portal="$connection" --Logging:LogLevel:Default=Warning) >/dev/null
            start_nodes "$([ "$config" = postgres2 ] && echo 2 || echo 1)" Postgres "$connection"
            run_ingest "$config"; stop_nodes ;;
        *) die "unknown configuration '$config'" ;;
    esac
done

log "raw Microsoft.Data.Sqlite loop, same disk, same durability"
(cd "$REPO" && dotnet "$TOOL" ingest-raw --seconds 10 --synchronous FULL --csv "$OUT/raw.csv") >&2
IFS=, read -r _ RAW_RATE RAW_P99 <"$OUT/raw.csv"

echo
printf '%-52s %10s %9s %9s %12s\n' "" "acked/s" "p50 ms" "p99 ms" "vs raw loop"
for config in $CONFIGS; do
    IFS=, read -r _ _ RATE P50 P99 <"$OUT/$config.csv"
    case $config in
        sqlite) label="1 node, SQLite (WAL, synchronous=FULL)" ;;
        postgres) label="1 node, PostgreSQL (synchronous_commit=on)" ;;
        postgres2) label="2 nodes, PostgreSQL (client round-robin)" ;;
    esac
    awk -v l="$label" -v r="$RATE" -v a="$P50" -v b="$P99" -v raw="$RAW_RATE" 'BEGIN { printf "%-52s %10.0f %9.1f %9.1f %11.2fx\n", l, r, a, b, r / raw }'
done
awk -v raw="$RAW_RATE" -v p="$RAW_P99" 'BEGIN { printf "%-52s %10.0f %9s %9.2f %12s\n", "raw SQLite prepared insert, 1 commit per rating", raw, "", p, "1.00x" }'
echo "targets (issue 4): >= 1,000 acknowledged/s and >= 0.5x the raw loop; $CLIENTS clients and the portal share this machine's $(nproc) cores"
