#!/usr/bin/env bash
# README command 2: start PostgreSQL 15, MariaDB 10.11, dynalite and a throw-away Redis 7.0 (installing them when absent; needs root on a fresh machine), build (Release),
# run every test project of the solution and the Pester suite, and end with a plain "N passed, N failed" line.
# Exits non-zero when a test failed, a runner could not run, or no test ran at all.
#
# ./test.sh --fresh (and every CI run, CI=true) runs against brand-new servers instead of the long-lived ones: a new
# PostgreSQL cluster and a new MariaDB data directory on free ports, configured by the same scripts and removed at the
# end. No extension, role, database or setting an earlier run left behind exists there, as on a new machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

FRESH=0
for arg in "$@"; do
    case "$arg" in
        --fresh) FRESH=1 ;;
        *) echo "usage: ./test.sh [--fresh]" >&2; exit 2 ;;
    esac
done
if [ "${CI:-}" = "true" ]; then FRESH=1; fi

# The first port from $1 up that nothing listens on and no PostgreSQL cluster is configured for.
free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
        || pg_lsclusters -h 2>/dev/null | awk -v p="$port" '$3 == p { found = 1 } END { exit !found }'; do
        port=$((port + 1))
    done
    echo "$port"
}

PG_PORT=5432
MARIADB_PORT=3306
REDIS_DIR=""
REDIS_PORT=6390
FRESH_CLUSTER=""
FRESH_MARIADB=""
remove_fresh_servers() {
    if [ -n "$FRESH_CLUSTER" ]; then
        pg_dropcluster --stop 15 "$FRESH_CLUSTER" >/dev/null 2>&1 || echo "test.sh: could not drop cluster 15/$FRESH_CLUSTER" >&2
    fi
    if [ -n "$REDIS_DIR" ]; then
        redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
        rm -rf "$REDIS_DIR"
    fi
    if [ -n "$FRESH_MARIADB" ]; then
        mariadb-admin --socket="$FRESH_MARIADB/mysqld.sock" shutdown >/dev/null 2>&1 || true
        rm -rf "$FRESH_MARIADB"
    fi
}

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

passed=0
failed=0
broken=()
# Names (and first message line) of failed tests, repeated at the end so a log cut to its tail still says which failed.
failures=()

DYNALITE_PID_FILE=""
stop_dynalite() {
    if [ -n "$DYNALITE_PID_FILE" ] && [ -s "$DYNALITE_PID_FILE" ]; then
        kill "$(cat "$DYNALITE_PID_FILE")" 2>/dev/null || true
    fi
    if [ -n "$DYNALITE_PID_FILE" ]; then rm -f "$DYNALITE_PID_FILE"; fi
}

summary() {
    local code=$?
    remove_fresh_servers
    stop_dynalite
    if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
        broken+=("setup (exit $code)")
        failed=1
    fi
    echo
    if [ "${#broken[@]}" -gt 0 ]; then
        echo "Runners that did not run to completion: ${broken[*]}"
    fi
    if [ "${#failures[@]}" -gt 0 ]; then
        echo "Failed tests:"
        printf '  %s\n' "${failures[@]}"
    fi
    echo "$passed passed, $failed failed"
}
trap summary EXIT

if [ "$FRESH" -eq 1 ]; then
    FRESH_CLUSTER="dbarch_fresh_$$"
    PG_PORT=$(free_port 55432)
    PG_CLUSTER="$FRESH_CLUSTER" PG_PORT="$PG_PORT" bash scripts/start-postgres.sh
    FRESH_MARIADB=$(mktemp -d /tmp/dbarch-mariadb.XXXXXX)
    MARIADB_PORT=$(free_port 53306)
    MARIADB_DATADIR="$FRESH_MARIADB" MARIADB_PORT="$MARIADB_PORT" bash scripts/start-mariadb.sh
else
    bash scripts/start-postgres.sh
    bash scripts/start-mariadb.sh
fi
# dynalite (the DynamoDB API, in memory) for the DynamoDB designs; a new one per run, stopped at the end.
DYNALITE_PID_FILE="$(mktemp)"
DBARCHITECT_DYNAMODB_ENDPOINT="$(DYNALITE_PID_FILE="$DYNALITE_PID_FILE" bash scripts/start-dynalite.sh)"
export DBARCHITECT_DYNAMODB_ENDPOINT
# Redis is always a throw-away instance (no persistence, own folder, free port), stopped at the end.
REDIS_DIR=$(mktemp -d /tmp/dbarch-redis.XXXXXX)
REDIS_PORT=$(free_port 56390)
REDIS_DIR="$REDIS_DIR" REDIS_PORT="$REDIS_PORT" bash scripts/start-redis.sh
export DBARCHITECT_REDIS_CONNECTION="127.0.0.1:$REDIS_PORT"
export DBARCHITECT_PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres"
export DBARCHITECT_MARIADB_CONNECTION="Server=127.0.0.1;Port=$MARIADB_PORT;User ID=dbarchitect_test;Password=dbarchitect_test"
# psql run by a test without -p reaches the same server.
export PGPORT="$PG_PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore
# The referees the tests call (they install them too when missing): the SARIF Multitool validates every SARIF file the
# module writes; squawk referees the PostgreSQL lint rules. Pinned npm packages in the git-ignored tools/.
bash scripts/restore-sarif-multitool.sh >/dev/null
bash scripts/restore-squawk.sh >/dev/null
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
    # Each failed result: its name, then the first line of its message (trx keeps both in the UnitTestResult element).
    while IFS= read -r entry; do
        failures+=("$entry")
    done < <(awk '
        /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
        want && /<Message>/ { line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line); print name " — " substr(line, 1, 240); want = 0; next }
        want && /<\/UnitTestResult>/ { print name; want = 0 }
    ' "$trx")
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
    while IFS= read -r entry; do
        failures+=("Pester: $entry")
    done < <(sed -E 's/\x1b\[[0-9;]*m//g' "$pester_log" | grep -E '^\s*\[-\]' | sed -E 's/^\s*\[-\] //' | cut -c1-240)
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
