#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, checks the content, runs every test
# project and prints one summary line ("N passed, N failed, N skipped").
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

# axe-core for the accessibility checks, from the npm registry, pinned by tests/package-lock.json.
if ! [ -f tests/node_modules/axe-core/axe.min.js ]; then
    echo "Installing axe-core…"
    (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
export AXE_CORE_PATH="$repo/tests/node_modules/axe-core/axe.min.js"

dotnet tool restore >/dev/null
dotnet restore TayNinhCchc.sln
dotnet build TayNinhCchc.sln --no-restore -c Release

echo "Checking content/…"
dotnet run --no-build -c Release --project src/TayNinhCchc.Web -- check-content "$repo/content"

results="$repo/tests/TestResults"
rm -rf "$results"
set +e
dotnet test TayNinhCchc.sln --no-build -c Release --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee "$results.log"
status=${PIPESTATUS[0]}
set -e

# One closing line summed over all test assemblies, for CI.
awk '
    /^[[:space:]]+Passed: [0-9]+[[:space:]]*$/  { p += $2 }
    /^[[:space:]]+Failed: [0-9]+[[:space:]]*$/  { f += $2 }
    /^[[:space:]]+Skipped: [0-9]+[[:space:]]*$/ { s += $2 }
    END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$results.log"
rm -f "$results.log"
exit "$status"
