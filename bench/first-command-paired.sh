#!/usr/bin/env bash
# Issue 18 rows 0-2 as paired differences: ROUNDS rounds of whole pwsh processes run back to back -- a bare
# `pwsh -NoProfile -c 1`, PowerShell's floor (an empty script module imported and its function run in a pipeline), the
# first `New-DbDesign ecommerce.yaml | Export-DbDesign` and `Import-Module` alone -- and the medians of each process's
# difference from the bare start of its own round. On a shared 2-CPU machine the medians of separate blocks of runs
# (bench/issue-table.sh) move by hundreds of milliseconds from one run to the next; a round's processes see the same
# moment of the machine. BASE_MODULE=path/to/DbArchitect.PS.psd1 adds another build's first command to every round.
# Usage: ./build.sh; bench/first-command-paired.sh [rounds]
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pwsh-common.sh"
ROUNDS="${1:-15}"
# One process: "wall_ms cpu_ms".
run() { pwsh_run "$1" | cut -d' ' -f1-2; }
first() { echo "Import-Module '$1'; New-DbDesign -Path '$SPEC' | Export-DbDesign -Path '$OUT/design' -Force | Out-Null"; }
run "Import-Module '$MODULE'" >/dev/null # warm the disk cache
for _ in $(seq "$ROUNDS"); do
  echo "$(run 1) $(run "$FLOOR_COMMAND") $(run "$(first "$MODULE")") $(run "Import-Module '$MODULE'") $( [ -n "${BASE_MODULE:-}" ] && run "$(first "$BASE_MODULE")" || echo "0 0")"
done > "$OUT/rounds"
over() { echo "$(awk "{ print \$$1 - \$1 }" "$OUT/rounds" | median) ms wall, $(awk "{ print \$$2 - \$2 }" "$OUT/rounds" | median) ms CPU"; }
echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $ROUNDS rounds; medians of each process's difference from its round's bare start"
echo "| process | over a bare start |"
echo "|---|---:|"
echo "| bare pwsh -NoProfile -c 1 (itself) | $(cut -d' ' -f1 "$OUT/rounds" | median) ms wall, $(cut -d' ' -f2 "$OUT/rounds" | median) ms CPU |"
echo "| 0. PowerShell's floor: empty script module + one function call | $(over 3 4) |"
echo "| 1. first New-DbDesign ecommerce.yaml \| Export-DbDesign | $(over 5 6) |"
echo "| 2. Import-Module | $(over 7 8) |"
[ -n "${BASE_MODULE:-}" ] && echo "| 1. the same with $BASE_MODULE | $(over 9 10) |"
exit 0
