# shellcheck shell=bash
# Shared helpers for tests/bench/*.sh (sourced, not run). Everything listens on 127.0.0.1 only.

PORTAL_ARGS=()
# The portals run as in Production, where plain HTTP is redirected to HTTPS: every request says what the TLS proxy in
# front of a node says (loopback is a known proxy).
PROXY_HEADER="X-Forwarded-Proto: https"
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Installs the Debian packages providing the given commands when any is missing (needs root).
# Services are kept from starting during the install: nginx must not grab port 80.
ensure_tools() {
    local missing=() cmd pkg
    for cmd in "$@"; do
        command -v "$cmd" >/dev/null 2>&1 && continue
        case $cmd in
            nginx) pkg=nginx ;; wrk) pkg=wrk ;; curl) pkg=curl ;; *) pkg=$cmd ;;
        esac
        missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: run as root, or apt-get install -y ${missing[*]}"
    log "installing ${missing[*]} from Debian"
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    [ "$created_policy" -eq 1 ] && rm -f "$policy"
    return 0
}

# Prints the first port at or above $1 that nothing listens on (loopback).
free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

# publish_portal OUT_DIR: Release publish of the portal into OUT_DIR/publish. Intermediate files go to
# OUT_DIR/artifacts, so the repository's bin/ and obj/ (used by everyone's builds) are not touched.
publish_portal() {
    local out=$1
    log "publishing the portal (Release) to $out/publish"
    dotnet publish "$REPO/src/TayNinhCchc.Web/TayNinhCchc.Web.csproj" -c Release -o "$out/publish" \
        --artifacts-path "$out/artifacts" -v quiet -nologo >"$out/publish.log" 2>&1 \
        || { tail -30 "$out/publish.log" >&2; die "dotnet publish failed"; }
}

# generate_catalogue OUT_DIR COUNT TARGET: builds tests/TayNinhCchc.Benchmarks (Release, artifacts under OUT_DIR)
# and writes a synthetic catalogue of COUNT procedures into TARGET.
generate_catalogue() {
    local out=$1 count=$2 target=$3 dll
    dll=$(bench_tool "$out")
    log "generating $count synthetic procedures in $target"
    (cd "$REPO" && dotnet "$dll" generate --count "$count" --out "$target" --no-check) >&2
}

# bench_tool OUT_DIR: builds tests/TayNinhCchc.Benchmarks (Release, artifacts under OUT_DIR) once; prints its dll.
bench_tool() {
    local out=$1
    local dll="$out/artifacts/bin/TayNinhCchc.Benchmarks/release/TayNinhCchc.Benchmarks.dll"
    if [ ! -f "$dll" ]; then
        log "building the benchmark tool (Release)"
        dotnet build "$REPO/tests/TayNinhCchc.Benchmarks/TayNinhCchc.Benchmarks.csproj" -c Release \
            --artifacts-path "$out/artifacts" -v quiet -nologo >"$out/build-bench.log" 2>&1 \
            || { tail -30 "$out/build-bench.log" >&2; die "building the benchmark tool failed"; }
    fi
    echo "$dll"
}

# portal_keys DIR: prints the settings Production refuses to start without (README, Deployment), made once in DIR with
# openssl as an operator would, so every node of a run shares them.
portal_keys() {
    local dir=$1/keys name
    if [ ! -f "$dir/data-protection.pfx" ]; then
        mkdir -p "$dir"
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=tayninhcchc-bench" \
            -keyout "$dir/data-protection.key" -out "$dir/data-protection.crt" 2>/dev/null
        openssl pkcs12 -export -inkey "$dir/data-protection.key" -in "$dir/data-protection.crt" \
            -out "$dir/data-protection.pfx" -passout pass:
        for name in survey-dossier survey-client BotProtection; do openssl rand -base64 32 >"$dir/$name"; done
    fi
    for name in survey-dossier survey-client BotProtection; do echo "--Secrets:$name=$(cat "$dir/$name")"; done
    echo "--DataProtection:CertificatePath=$dir/data-protection.pfx"
}

# start_portal PUBLISH_DIR CONTENT_DIR SQLITE_FILE PORT LOG_FILE: starts the published portal in the background
# and sets PORTAL_PID (the dotnet process itself: the subshell execs it). Extra settings: the PORTAL_ARGS array.
start_portal() {
    local publish=$1 content=$2 db=$3 port=$4 logfile=$5 keys
    mapfile -t keys < <(portal_keys "$(dirname "$publish")")
    (cd "$publish" && exec dotnet TayNinhCchc.Web.dll \
        --urls "http://127.0.0.1:$port" "${keys[@]}" \
        --Content:Root="$content" \
        --Content:WatchForChanges=false \
        --ConnectionStrings:Portal="Data Source=$db" \
        --Logging:LogLevel:Default=Warning "${PORTAL_ARGS[@]}") >"$logfile" 2>&1 &
    PORTAL_PID=$!
}

# wait_http URL SECONDS [PID]: waits until URL answers 200; fails when PID dies or time runs out.
wait_http() {
    local url=$1 seconds=$2 pid=${3:-} deadline code
    deadline=$(($(date +%s) + seconds))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
        [ "$code" = 200 ] && return 0
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        sleep 0.05
    done
    return 1
}

# stop_pid PID: TERM, then KILL after 10 s; only ever the process this script started.
stop_pid() {
    local pid=$1 i
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# rss_kb PID FIELD: VmRSS or VmHWM of a process in kB, from /proc/PID/status.
rss_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# first_procedure_code BASE_URL: first code in the open-data catalogue, empty when the catalogue is empty.
first_procedure_code() {
    curl -s --max-time 30 -H "$PROXY_HEADER" "$1/du-lieu/thu-tuc.json" | grep -o '"code": *"[0-9]\.[0-9]*"' | head -1 | grep -o '[0-9]\.[0-9]*' || true
}
