#!/usr/bin/env bash
# Survey ingest: acknowledged ratings per second over real HTTP (32 concurrent citizens solving the proof-of-work at
# a low difficulty) beside the raw one-commit-per-rating SQLite loop, measured in the same run on the same disk.
# Usage: bash tests/bench/ingest.sh   (CLIENTS=32 SECONDS_MEASURED=20 WARMUP=10 DIFFICULTY=8)
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "$0")/lib.sh"

CLIENTS=${CLIENTS:-32}
SECONDS_MEASURED=${SECONDS_MEASURED:-20}
WARMUP=${WARMUP:-10}
DIFFICULTY=${DIFFICULTY:-8}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/tayninhcchc-ingest.XXXXXX")
PORTAL_PID=
cleanup() { stop_pid "$PORTAL_PID"; rm -rf "$OUT"; }
trap cleanup EXIT

ensure_tools curl
publish_portal "$OUT"
TOOL=$(bench_tool "$OUT")
PORT=$(free_port 5300)
# The rate limit protects against one abusive client; the benchmark's 32 citizens share one address, so it is lifted.
PORTAL_ARGS=(--BotProtection:ProofOfWorkDifficulty="$DIFFICULTY" --BotProtection:PermitsPerMinute=100000000)
start_portal "$OUT/publish" "$REPO/content" "$OUT/portal.db" "$PORT" "$OUT/portal.log"
wait_http "http://127.0.0.1:$PORT/health" 60 "$PORTAL_PID" || { tail -20 "$OUT/portal.log" >&2; die "portal did not start"; }

log "portal (SQLite, WAL, synchronous=FULL): $CLIENTS clients, ${WARMUP} s warm-up, ${SECONDS_MEASURED} s"
(cd "$REPO" && dotnet "$TOOL" ingest --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP" --csv "$OUT/portal.csv")
stop_pid "$PORTAL_PID"; PORTAL_PID=
STORED=$(sqlite3 "$OUT/portal.db" 'SELECT COUNT(*) FROM "Ratings"' 2>/dev/null || echo '?')

log "raw Microsoft.Data.Sqlite loop, same disk, same durability"
(cd "$REPO" && dotnet "$TOOL" ingest-raw --seconds 10 --synchronous FULL --csv "$OUT/raw.csv")

IFS=, read -r ACK _ PORTAL_RATE P50 P99 <"$OUT/portal.csv"
IFS=, read -r _ RAW_RATE RAW_P99 <"$OUT/raw.csv"
echo
printf '%-46s %12s %10s %10s\n' "" "ratings/s" "p50 ms" "p99 ms"
printf '%-46s %12.0f %10.1f %10.1f\n' "portal over HTTP ($CLIENTS clients, acknowledged)" "$PORTAL_RATE" "$P50" "$P99"
printf '%-46s %12.0f %10s %10.2f\n' "raw prepared insert, 1 commit per rating" "$RAW_RATE" "" "$RAW_P99"
awk -v a="$PORTAL_RATE" -v b="$RAW_RATE" 'BEGIN { printf "ratio portal / raw loop: %.2fx (target >= 0.5x and >= 1,000/s)\n", a / b }'
echo "ratings in the portal's database after the run: $STORED (acknowledged in the measured window: $ACK)"
