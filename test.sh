#!/usr/bin/env bash
# README command 2: start PostgreSQL 15 and MariaDB 10.11 (installing them when absent; needs root on a fresh machine), build (Release),
# run every test project of the solution and the Pester suite, and end with a plain "N passed, N failed" line.
# Exits non-zero when a test failed, a runner could not run, or no test ran at all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

export DBARCHITECT_PG_CONNECTION="Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres"
export DBARCHITECT_MARIADB_CONNECTION="Server=127.0.0.1;Port=3306;User ID=dbarchitect_test;Password=dbarchitect_test"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

passed=0
failed=0
broken=()

summary() {
    local code=$?
    if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
        broken+=("setup (exit $code)")
        failed=1
    fi
    echo
    if [ "${#broken[@]}" -gt 0 ]; then
        echo "Runners that did not run to completion: ${broken[*]}"
    fi
    echo "$passed passed, $failed failed"
}
trap summary EXIT

bash scripts/start-postgres.sh
bash scripts/start-mariadb.sh

dotnet tool restore
if ! dotnet build DbArchitect.PS.sln -c Release -nologo; then
    broken+=("build")
    failed=$((failed + 1))
    exit 1
fi

# Every test project of the solution (IsTestProject=true), each with its own trx file.
mapfile -t projects < <(dotnet sln DbArchitect.PS.sln list | grep -E '\.csproj$' | tr '\\' '/')
for project in "${projects[@]}"; do
    if [ "$(dotnet msbuild "$project" -nologo -getProperty:IsTestProject 2>/dev/null | tr -d '[:space:]')" != "true" ]; then
        continue
    fi
    name="$(basename "$project" .csproj)"
    trx="$RESULTS/$name.trx"
    echo "==> dotnet test $project"
    set +e
    dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal"
    code=$?
    set -e
    if [ ! -f "$trx" ]; then
        broken+=("$name (exit $code, no results)")
        failed=$((failed + 1))
        continue
    fi
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(sed -nE 's/.* passed="([0-9]+)".*/\1/p' <<<"$counters")"
    f="$(sed -nE 's/.* failed="([0-9]+)".*/\1/p' <<<"$counters")"
    e="$(sed -nE 's/.* error="([0-9]+)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
    if [ "$code" -ne 0 ] && [ "$((${f:-0} + ${e:-0}))" -eq 0 ]; then
        broken+=("$name (exit $code)")
        failed=$((failed + 1))
    fi
    echo "==> $name: ${p:-0} passed, $((${f:-0} + ${e:-0})) failed"
done

echo "==> Pester"
set +e
pester_log="$RESULTS/pester.log"
dotnet pwsh -NoProfile -NonInteractive -File tests/Pester/Invoke-Tests.ps1 -ResultPath "$RESULTS/pester.xml" 2>&1 | tee "$pester_log"
code=${PIPESTATUS[0]}
set -e
line="$(grep -E '^PESTER_SUMMARY ' "$pester_log" | tail -n 1 || true)"
if [ -z "$line" ]; then
    broken+=("pester (exit $code, no summary)")
    failed=$((failed + 1))
else
    p="$(sed -nE 's/.* passed=([0-9]+).*/\1/p' <<<"$line")"
    f="$(sed -nE 's/.* failed=([0-9]+).*/\1/p' <<<"$line")"
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then
        broken+=("pester (exit $code)")
        failed=$((failed + 1))
    fi
fi

if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
exit 0
