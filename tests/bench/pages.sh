#!/usr/bin/env bash
# Page throughput of the portal against nginx serving a saved copy of the same page.
#
#   sudo tests/bench/pages.sh                  # shipped content/ (falls back to a generated 2,500 catalogue)
#   CONTENT=/path/to/content tests/bench/pages.sh
#
# Publishes the portal in Release to a temp folder, starts it on 127.0.0.1 with a temp SQLite file, saves the HTML
# of one /thu-tuc/{code} page, serves that copy with nginx on another loopback port, warms the portal up
# (tiered JIT), then runs the same wrk load against both and prints req/s, p50, p99 and the portal/nginx ratios.
# Also measures the search page /thu-tuc?q=... (SEARCH_QUERY; SEARCH=0 to skip), which has no nginx twin.
# Stops by itself; everything it started is stopped and its temp folder removed on exit.
#
# Knobs (environment): CONTENT, WARMUP (s, 40), DURATION (s, 20), THREADS (2), CONNECTIONS (32),
# SEARCH (1), SEARCH_QUERY ("dang ky khai sinh"), KEEP=1 keeps the temp folder.
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONTENT=${CONTENT:-$REPO/content}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SEARCH=${SEARCH:-1}
SEARCH_QUERY=${SEARCH_QUERY:-dang ky khai sinh}

ensure_tools curl wrk nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/tayninhcchc-pages.XXXXXX)
chmod 755 "$WORK" # nginx workers (user nobody when run as root) read the saved page from here
PORTAL_PID=
NGINX_PID=
cleanup() {
    local status=$?
    stop_pid "$NGINX_PID"
    stop_pid "$PORTAL_PID"
    if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

publish_portal "$WORK"
PORT=$(free_port 18480)
BASE="http://127.0.0.1:$PORT"

start_and_wait() {
    log "starting the portal on $BASE with Content:Root=$1"
    start_portal "$WORK/publish" "$1" "$WORK/portal.db" "$PORT" "$WORK/portal.log"
    wait_http "$BASE/health" 180 "$PORTAL_PID" || { tail -30 "$WORK/portal.log" >&2; die "portal did not become healthy"; }
}

start_and_wait "$CONTENT"
CODE=$(first_procedure_code "$BASE")
if [ -z "$CODE" ]; then
    log "the catalogue in $CONTENT is empty: using a generated 2,500 catalogue instead"
    stop_pid "$PORTAL_PID"
    CONTENT="$WORK/catalogue-2500"
    generate_catalogue "$WORK" 2500 "$CONTENT"
    start_and_wait "$CONTENT"
    CODE=$(first_procedure_code "$BASE")
    [ -n "$CODE" ] || die "no procedure in the generated catalogue"
fi
PROCEDURES=$(curl -s --max-time 30 -H "$PROXY_HEADER" "$BASE/du-lieu/thu-tuc.json" | grep -c '"code":' || true)
PAGE="/thu-tuc/$CODE"

# The saved copy nginx serves: exactly the bytes the portal sends for this page.
mkdir -p "$WORK/www/thu-tuc" "$WORK/nginx/tmp"
STATUS=$(curl -s -o "$WORK/www$PAGE" -w '%{http_code}' --max-time 30 -H "$PROXY_HEADER" "$BASE$PAGE")
[ "$STATUS" = 200 ] || die "GET $PAGE answered $STATUS"
chmod -R a+rX "$WORK/www"
BYTES=$(stat -c %s "$WORK/www$PAGE")

NGINX_PORT=$(free_port $((PORT + 1)))
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
error_log $WORK/nginx/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    default_type "text/html; charset=utf-8";
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
    }
}
EOF
"$NGINX" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' >"$WORK/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
wait_http "$NGINX_BASE$PAGE" 20 "$NGINX_PID" || { cat "$WORK/nginx/error.log" "$WORK/nginx/stdout.log" >&2 || true; die "nginx did not start"; }
cmp -s "$WORK/www$PAGE" <(curl -s --max-time 10 "$NGINX_BASE$PAGE") || die "nginx does not serve the saved bytes"

# run_wrk NAME URL SECONDS: wrk with latency distribution; output kept in $WORK/wrk-NAME.txt.
run_wrk() {
    timeout $(($3 + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --latency -H "$PROXY_HEADER" "$2" >"$WORK/wrk-$1.txt" 2>&1 \
        || { cat "$WORK/wrk-$1.txt" >&2; die "wrk failed on $2"; }
}

# wrk_field NAME rps|p50|p99|errors: one figure from a wrk output (latencies in ms).
wrk_field() {
    awk -v want="$2" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        $1 == "Requests/sec:" { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { errors = $NF }
        /Socket errors:/ { errors += 0 }
        END {
            if (want == "rps") printf "%.0f", rps
            else if (want == "p50") printf "%.2f", p50
            else if (want == "p99") printf "%.2f", p99
            else printf "%d", errors
        }' "$WORK/wrk-$1.txt"
}

log "warming up the portal for ${WARMUP}s (tiered JIT), and nginx for 5s"
run_wrk warmup-portal "$BASE$PAGE" "$WARMUP"
run_wrk warmup-nginx "$NGINX_BASE$PAGE" 5
if [ "$SEARCH" = 1 ]; then
    SEARCH_PATH="/thu-tuc?q=$(printf '%s' "$SEARCH_QUERY" | sed 's/ /+/g')"
    run_wrk warmup-search "$BASE$SEARCH_PATH" 10
fi

log "measuring ${DURATION}s each: portal $PAGE, nginx copy$([ "$SEARCH" = 1 ] && echo ", portal search")"
run_wrk portal "$BASE$PAGE" "$DURATION"
run_wrk nginx "$NGINX_BASE$PAGE" "$DURATION"
[ "$SEARCH" = 1 ] && run_wrk search "$BASE$SEARCH_PATH" "$DURATION"

row() { printf '| %s | %s | %s ms | %s ms | %s |\n' "$1" "$(wrk_field "$2" rps)" "$(wrk_field "$2" p50)" "$(wrk_field "$2" p99)" "$(wrk_field "$2" errors)"; }
echo
echo "=== Pages: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, portal warmed up ${WARMUP}s, all on 127.0.0.1 ==="
echo "content: $CONTENT ($PROCEDURES procedures); page $PAGE: $BYTES bytes of HTML"
echo
echo "| target | req/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
row "portal $PAGE (Release, Kestrel)" portal
row "nginx, saved copy of the same page" nginx
[ "$SEARCH" = 1 ] && row "portal $SEARCH_PATH" search
echo
awk -v pr="$(wrk_field portal rps)" -v nr="$(wrk_field nginx rps)" -v pp="$(wrk_field portal p99)" -v np="$(wrk_field nginx p99)" \
    'BEGIN { printf "portal/nginx: throughput %.2fx (target >= 0.8x), p99 latency %.2fx\n", pr / nr, pp / np }'
if [ "$SEARCH" = 1 ]; then
    awk -v sr="$(wrk_field search rps)" -v nr="$(wrk_field nginx rps)" 'BEGIN { printf "search page/nginx: throughput %.2fx\n", sr / nr }'
fi
