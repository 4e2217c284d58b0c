#!/usr/bin/env bash
# Start-up time and memory of the published portal: shipped content/ against a generated 25,000-procedure catalogue.
#
#   tests/bench/startup.sh
#   RUNS=5 COUNT=25000 tests/bench/startup.sh
#
# For each content folder, RUNS times: start `dotnet TayNinhCchc.Web.dll` (Release publish, temp SQLite file; the
# first run of each creates and migrates the database, later runs reuse it, as a restart would), time from launch
# until GET /health answers 200, then read VmRSS from /proc/<pid>/status at that moment and 5 s later, and VmHWM
# (peak RSS). Prints one line per run and a median table. Stops by itself; cleans up on exit.
#
# Knobs (environment): RUNS (3), COUNT (25000), SHIPPED (content folder, default <repo>/content), KEEP=1.
set -euo pipefail
# shellcheck source=tests/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-3}
COUNT=${COUNT:-25000}
SHIPPED=${SHIPPED:-$REPO/content}

ensure_tools curl

WORK=$(mktemp -d /tmp/tayninhcchc-startup.XXXXXX)
PORTAL_PID=
cleanup() {
    local status=$?
    stop_pid "$PORTAL_PID"
    if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

publish_portal "$WORK"
GENERATED="$WORK/catalogue-$COUNT"
generate_catalogue "$WORK" "$COUNT" "$GENERATED"
PORT=$(free_port 18580)
BASE="http://127.0.0.1:$PORT"
RESULTS="$WORK/results.tsv"
: >"$RESULTS"

# measure LABEL CONTENT RUN
measure() {
    local label=$1 content=$2 run=$3 start ready ms rss_ready rss_later hwm procedures health
    start=$(date +%s%N)
    start_portal "$WORK/publish" "$content" "$WORK/portal-$label.db" "$PORT" "$WORK/portal-$label-$run.log"
    wait_http "$BASE/health" 300 "$PORTAL_PID" || { tail -30 "$WORK/portal-$label-$run.log" >&2; die "portal ($label) did not become healthy"; }
    ready=$(date +%s%N)
    rss_ready=$(rss_kb "$PORTAL_PID" VmRSS)
    ms=$(((ready - start) / 1000000))
    sleep 5
    rss_later=$(rss_kb "$PORTAL_PID" VmRSS)
    hwm=$(rss_kb "$PORTAL_PID" VmHWM)
    health=$(curl -s --max-time 10 -H "$PROXY_HEADER" "$BASE/health" || true)
    procedures=$(curl -s --max-time 60 -H "$PROXY_HEADER" "$BASE/du-lieu/thu-tuc.json" | grep -c '"code":' || true)
    stop_pid "$PORTAL_PID"
    PORTAL_PID=
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$run" "$ms" "$rss_ready" "$rss_later" "$hwm" "$procedures" >>"$RESULTS"
    log "$label run $run: ready in ${ms} ms, RSS ${rss_ready} kB at ready, ${rss_later} kB 5 s later, peak ${hwm} kB, $procedures procedures, health: $health"
}

for run in $(seq 1 "$RUNS"); do
    # Alternate, so both see the same machine noise.
    measure shipped "$SHIPPED" "$run"
    measure "generated-$COUNT" "$GENERATED" "$run"
done

echo
echo "=== Start-up: published portal (Release), launch until /health = 200; RSS from /proc/<pid>/status ==="
echo "runs per content: $RUNS (run 1 creates and migrates a fresh SQLite file); medians; $(nproc) cores"
echo
echo "| content | procedures | ready (median) | ready (each run) | VmRSS at ready | VmRSS +5 s | VmHWM (peak) |"
echo "|---|---:|---:|---|---:|---:|---:|"
for label in shipped "generated-$COUNT"; do
    awk -F'\t' -v l="$label" '
        function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                         return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
        $1 == l { n++; ms[n] = $3; each = each (n > 1 ? ", " : "") $3; r[n] = $4; r5[n] = $5; h[n] = $6; p = $7 }
        END { printf "| %s | %s | %.0f ms | %s | %.0f MB | %.0f MB | %.0f MB |\n", l, p, median(ms, n), each, median(r, n) / 1024, median(r5, n) / 1024, median(h, n) / 1024 }
    ' "$RESULTS"
done
echo
awk -F'\t' -v g="generated-$COUNT" '
    $1 == "shipped" { s += $3; sr += $5; n++ } $1 == g { t += $3; tr += $5; m++ }
    END { printf "generated/shipped: start-up %.1fx (mean), RSS after start %.1fx (mean), +%.0f MB\n", (t / m) / (s / n), (tr / m) / (sr / n), (tr / m - sr / n) / 1024 }
' "$RESULTS"
