#!/usr/bin/env bash
# Measures what Import-Module DbArchitect.PS adds to a bare `pwsh -NoProfile` start, two ways:
#  1. wall clock of whole processes: pwsh that exits at once vs pwsh that imports the module and exits (median of N);
#  2. inside fresh processes: a Stopwatch around Import-Module alone, and around importing an empty manifest (the
#     fixed cost of any module import), median of N.
# Run after ./build.sh. Usage: bench/import-time.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${1:-15}"
# The local tool runs pwsh.dll on the dotnet host; call it directly so `dotnet tool run`'s own start-up is not counted.
PSHOME_DIR="$(dotnet pwsh -NoProfile -Command '$PSHOME' 2>/dev/null | tail -n 1)"
[ -f "$PSHOME_DIR/pwsh.dll" ] || { echo "pwsh not found; run dotnet tool restore and ./build.sh first" >&2; exit 1; }
pwsh_() { dotnet "$PSHOME_DIR/pwsh.dll" "$@"; }
MODULE="$PWD/module/DbArchitect.PS.psd1"
EMPTY="$(mktemp -d)/Empty.psd1"
echo "@{ ModuleVersion = '1.0.0' }" > "$EMPTY"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
wall() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

pwsh_ -NoProfile -Command "Import-Module '$MODULE'" >/dev/null # warm the disk cache
bare=$(for _ in $(seq "$RUNS"); do wall pwsh_ -NoProfile -Command 'exit'; done | median)
with=$(for _ in $(seq "$RUNS"); do wall pwsh_ -NoProfile -Command "Import-Module '$MODULE'; exit"; done | median)
inner=$(for _ in $(seq "$RUNS"); do pwsh_ -NoProfile -Command "\$s = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$MODULE'; [int]\$s.Elapsed.TotalMilliseconds"; done | median)
empty=$(for _ in $(seq "$RUNS"); do pwsh_ -NoProfile -Command "\$s = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$EMPTY'; [int]\$s.Elapsed.TotalMilliseconds"; done | median)

echo "pwsh $(pwsh_ -NoProfile -Command '$PSVersionTable.PSVersion.ToString()'), $(nproc) CPUs, median of $RUNS runs"
echo "| measure | ms |"
echo "|---|---:|"
echo "| bare pwsh -NoProfile start and exit (wall) | $bare |"
echo "| same, with Import-Module DbArchitect.PS (wall) | $with |"
echo "| added by the import (wall difference) | $((with - bare)) |"
echo "| Import-Module DbArchitect.PS, timed inside pwsh | $inner |"
echo "| Import-Module of an empty manifest, timed inside pwsh (fixed cost of any import) | $empty |"
