#!/usr/bin/env bash
# Get-IndexRecommendation beside Dexter on the same 16-statement workload (bench/index-advisor/dexter-workload.sql, one
# statement per line with literals, the form Dexter reads) over the shop of bench/index-advisor/shop-schema.sql.
#  1. whole process: `pwsh -NoProfile` that imports the module and runs the cmdlet, wall clock, median of RUNS, beside a
#     bare `pwsh -NoProfile` start; the cmdlet's own time inside that process (Stopwatch around the call: cold, first
#     call in the process);
#  2. in process: the advisor through Core (DbArchitect.Bench --index-time), cold and warm median, split by phase;
#  3. Dexter 0.4.2 from its public source (DEXTER_HOME: a checkout of tag v0.4.2; needs Debian's ruby, ruby-pg,
#     ruby-pg-query and ruby-slop), wall clock, median of RUNS; skipped with a note when it is not there;
#  4. every index set built for real and measured by the one evaluator (DbArchitect.Bench --index-eval): relative cost.
# Run after ./build.sh. Usage: bench/index-vs-dexter.sh [runs] [scale]    (scale 1: 300,000 orders)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${1:-5}"
SCALE="${2:-1}"
SERVER="${DBARCHITECT_PG_CONNECTION:-Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres}"
field() { tr ';' '\n' <<<"$SERVER" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print $2 }'; }
HOST="$(field Host)"; PORT="$(field Port)"; PORT="${PORT:-5432}"; USER_="$(field Username)"; export PGPASSWORD="$(field Password)"
DB=dbarch_bench_ixdexter
CS="Host=$HOST;Port=$PORT;Username=$USER_;Password=$PGPASSWORD;Database=$DB"
WORKLOAD="$PWD/bench/index-advisor/dexter-workload.sql"
OUT="$(mktemp -d)"
trap 'psql -qX -h "$HOST" -p "$PORT" -U "$USER_" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null; rm -rf "$OUT"' EXIT

psql_() { psql -qX -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U "$USER_" "$@"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
wall() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

psql_ -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB TEMPLATE template0"
psql_ -d "$DB" -v scale="$SCALE" -f bench/index-advisor/shop-schema.sql >/dev/null
psql_ -d "$DB" -c 'CREATE EXTENSION hypopg' -c 'VACUUM ANALYZE'

BENCH="bench/DbArchitect.Bench/bin/Release/net10.0/DbArchitect.Bench.dll"
dotnet build bench/DbArchitect.Bench -c Release -nologo -v q >/dev/null
PSHOME_DIR="$(dotnet pwsh -NoProfile -Command '$PSHOME' 2>/dev/null | tail -n 1)"
pwsh_() { dotnet "$PSHOME_DIR/pwsh.dll" "$@"; }
MODULE="$PWD/module/DbArchitect.PS.psd1"
CMDLET="Import-Module '$MODULE'; \$s = [Diagnostics.Stopwatch]::StartNew(); \$r = @(Get-IndexRecommendation -ConnectionString '$CS' -Workload '$WORKLOAD'); [int]\$s.Elapsed.TotalMilliseconds; \$r | Where-Object Action -eq Create | ForEach-Object { \$_.Sql -replace ' CONCURRENTLY', '' } | Set-Content '$OUT/cmdlet.sql'"

echo "== $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), scale $SCALE, $(grep -c . "$WORKLOAD") statements, median of $RUNS runs"
pwsh_ -NoProfile -Command "$CMDLET" >/dev/null # warm the disk cache
bare=$(for _ in $(seq "$RUNS"); do wall pwsh_ -NoProfile -Command 'exit'; done | median)
whole=$(for _ in $(seq "$RUNS"); do wall pwsh_ -NoProfile -Command "$CMDLET"; done | median)
inner=$(for _ in $(seq "$RUNS"); do pwsh_ -NoProfile -Command "$CMDLET" | tail -n 1; done | median)
echo "| measure | ms |"
echo "|---|---:|"
echo "| bare pwsh -NoProfile start and exit (wall) | $bare |"
echo "| pwsh + Import-Module + Get-IndexRecommendation (wall) | $whole |"
echo "| the cmdlet call inside that process (cold: first call) | $inner |"

if [ -n "${DEXTER_HOME:-}" ] && [ -f "$DEXTER_HOME/exe/dexter" ] && command -v ruby >/dev/null; then
    sed 's/$/;/' "$WORKLOAD" > "$OUT/dexter-input.sql"
    dexter_() { ruby -I"$DEXTER_HOME/lib" "$DEXTER_HOME/exe/dexter" -h "$HOST" -p "$PORT" -U "$USER_" -d "$DB" --input-format sql < "$OUT/dexter-input.sql"; }
    dexter_ > "$OUT/dexter.log"
    dexter=$(for _ in $(seq "$RUNS"); do wall dexter_; done | median)
    echo "| Dexter $(ruby -I"$DEXTER_HOME/lib" -e 'require "dexter/version"; print Dexter::VERSION') (wall, ruby $(ruby -e 'print RUBY_VERSION')) | $dexter |"
    sed -n 's/^Index found: \([^ ]*\) (\(.*\))$/CREATE INDEX ON \1 (\2)/p' "$OUT/dexter.log" > "$OUT/dexter.sql"
else
    echo "Dexter not run: set DEXTER_HOME to a checkout of Dexter v0.4.2 and install ruby ruby-pg ruby-pg-query ruby-slop." >&2
fi

echo
dotnet "$BENCH" --index-time "$DB" "$WORKLOAD" "$OUT/core.sql" "$RUNS"
echo
cp "$OUT/cmdlet.sql" "$OUT/cmdlet-default.sql"
sets=("Get-IndexRecommendation (default)=$OUT/cmdlet-default.sql")
if [ -s "$OUT/dexter.sql" ]; then
    n=$(grep -c . "$OUT/dexter.sql")
    pwsh_ -NoProfile -Command "${CMDLET/-Workload/-MaxIndexes $n -Workload}" >/dev/null && cp "$OUT/cmdlet.sql" "$OUT/cmdlet-budget.sql"
    sets+=("Get-IndexRecommendation -MaxIndexes $n (Dexter's count)=$OUT/cmdlet-budget.sql" "Dexter=$OUT/dexter.sql")
fi
dotnet "$BENCH" --index-eval "$DB" "$WORKLOAD" "${sets[@]}"
