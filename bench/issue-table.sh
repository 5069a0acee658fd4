#!/usr/bin/env bash
# Issue 18's table in one run: every row, our figure beside the peer's (or the baseline it is measured over), with the
# peak working set (maximum resident set, /usr/bin/time) of the process that produced our figure.
#  1. first `New-DbDesign ecommerce.yaml | Export-DbDesign` in a new pwsh process, over a bare `pwsh -NoProfile -c 1`;
#  2. `Import-Module` over the same bare start;
#  0. PowerShell's own floor for rows 1-2: importing an empty script module and running its one function in a
#     pipeline, over the same bare start (what any module's first command costs before its own code runs);
#  3. N-entity specs read + designed + exported in process (DbArchitect.Bench, one process per size, median of runs);
#  4. Import-DbSchema of a T-table database beside `pg_dump --schema-only` of the same database (bench/schema-import.ps1);
#  5. Invoke-DbHealthCheck's 46 checks on a T-table database (DbArchitect.Bench --health; check_postgres is timed by
#     bench/health-side-by-side.ps1 on its planted-fault database, not here);
#  6. Get-IndexRecommendation beside Dexter: bench/index-vs-dexter.sh when DEXTER_HOME points at Dexter 0.4.2.
# Whole-process figures are medians of RUNS. Rows 4-6 build databases on the test server (minutes for 10,000 tables);
# SKIP="4 5 6" leaves rows out. Run after ./build.sh.
# Usage: bench/issue-table.sh [runs] [entity sizes...]    e.g. SKIP="5 6" TABLES=10000 bench/issue-table.sh 5 1000 4000 10000
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pwsh-common.sh"
RUNS="${1:-5}"; shift || true
SIZES="${*:-1000 4000}"
TABLES="${TABLES:-10000}"
SKIP=" ${SKIP:-} "
BENCH="bench/DbArchitect.Bench/bin/Release/net10.0/DbArchitect.Bench"
dotnet build bench/DbArchitect.Bench -c Release -nologo -v q </dev/null >/dev/null

# Medians over RUNS of a command: "wall cpu peak".
pwsh_median() {
  for _ in $(seq "$RUNS"); do pwsh_run "$1"; done > "$OUT/runs"
  echo "$(cut -d' ' -f1 "$OUT/runs" | median) $(cut -d' ' -f2 "$OUT/runs" | median) $(cut -d' ' -f3 "$OUT/runs" | median)"
}
skipped() { [[ "$SKIP" == *" $1 "* ]]; }

echo "Issue 18 bench: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start, pwsh $(dotnet "$PSHOME_DIR/pwsh.dll" -NoProfile -c '$PSVersionTable.PSVersion.ToString()'), $(date -u +%F)"
echo
echo "| row | ours | peer or baseline | ours over it | ours peak working set |"
echo "|---|---:|---:|---:|---:|"
pwsh_run "Import-Module '$MODULE'" >/dev/null # warm the disk cache
read -r bw bc bp <<<"$(pwsh_median 1)"
read -r fw fc _ <<<"$(pwsh_median "$FLOOR_COMMAND")"
echo "| 0. PowerShell's floor: an empty script module imported and its function run in a pipeline, whole process (CPU) | $fw ms ($fc ms) | bare pwsh $bw ms ($bc ms) | +$((fw - bw)) ms (+$((fc - bc)) ms CPU) | – |"
if ! skipped 1; then
  read -r w c p <<<"$(pwsh_median "Import-Module '$MODULE'; New-DbDesign -Path '$SPEC' | Export-DbDesign -Path '$OUT/design' -Force | Out-Null")"
  echo "| 1. first New-DbDesign ecommerce.yaml \| Export-DbDesign, whole process (CPU) | $w ms ($c ms) | bare pwsh $bw ms ($bc ms) | +$((w - bw)) ms (+$((c - bc)) ms CPU); +$((w - fw)) ms over the floor | $p MB (bare $bp MB) |"
fi
if ! skipped 2; then
  read -r w c p <<<"$(pwsh_median "Import-Module '$MODULE'")"
  echo "| 2. Import-Module, whole process (CPU) | $w ms ($c ms) | bare pwsh $bw ms ($bc ms) | +$((w - bw)) ms (+$((c - bc)) ms CPU); +$((w - fw)) ms over the floor | $p MB |"
fi
if ! skipped 3; then
  for n in $SIZES; do
    /usr/bin/time -f "%M" -o "$OUT/time" "$BENCH" --runs "$RUNS" "$n" > "$OUT/bench" 2>&1
    row="$(grep "^| $n |" "$OUT/bench")"
    total="$(awk -F'|' '{ gsub(/ /, "", $10); print $10 }' <<<"$row")"
    bytes="$(awk -F'|' '{ gsub(/ /, "", $6); print $6 }' <<<"$row")"
    echo "| 3. $n-entity spec, read + design + export, warm, in process ($bytes bytes written) | $total ms | target $([ "$n" -le 1000 ] && echo '500 ms' || echo "$((n / 2)) ms (linear)") | – | $(( $(cat "$OUT/time") / 1024 )) MB |"
  done
fi
if ! skipped 4; then
  line="$(dotnet "$PSHOME_DIR/pwsh.dll" -NoProfile -File bench/schema-import.ps1 -Tables "$TABLES" -Runs "$RUNS" -PgDump 2>&1 | tail -n 1)"
  get() { tr ' ' '\n' <<<"$line" | awk -F= -v k="$1" '$1 == k { print $2 }'; }
  ours="$(get import_median_ms)"; peer="$(get pg_dump_median_ms)"
  if [ -n "$ours" ] && [ -n "$peer" ]; then
    echo "| 4. Import-DbSchema of $TABLES tables vs pg_dump --schema-only | $ours ms | $peer ms | ratio $(awk -v a="$ours" -v b="$peer" 'BEGIN { printf "%.2f", a / b }') | $(get peak_working_set_mb) MB |"
  else
    echo "| 4. Import-DbSchema of $TABLES tables vs pg_dump --schema-only | not run: ${line:-no output} | | | |"
  fi
fi
if ! skipped 5; then
  /usr/bin/time -f "%M" -o "$OUT/time" "$BENCH" --health "$TABLES" > "$OUT/health" 2>&1
  total="$(grep -E "^\| $TABLES \|" "$OUT/health" | awk -F'|' '{ gsub(/ /, "", $7); print $7 }')"
  echo "| 5. Invoke-DbHealthCheck (all PostgreSQL checks) on $TABLES tables, warm median | ${total:-not run} ms | check_postgres: bench/health-side-by-side.ps1 | – | $(( $(cat "$OUT/time") / 1024 )) MB |"
fi
if ! skipped 6; then
  if [ -n "${DEXTER_HOME:-}" ]; then
    bash bench/index-vs-dexter.sh "$RUNS" 1 | sed 's/^/    /'
    echo "| 6. Get-IndexRecommendation vs Dexter 0.4.2 | see the lines above | | | |"
  else
    echo "| 6. Get-IndexRecommendation vs Dexter 0.4.2 | not run: set DEXTER_HOME (bench/README section 11) | | | |"
  fi
fi
