# Sourced by the bench scripts that time whole pwsh processes (issue-table.sh, first-command-paired.sh): the local
# PowerShell tool, the built module and example, a scratch folder removed on exit, and the timing helpers.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PSHOME_DIR="$(dotnet pwsh -NoProfile -Command '$PSHOME' 2>/dev/null | tail -n 1)"
[ -f "$PSHOME_DIR/pwsh.dll" ] || { echo "pwsh not found; run dotnet tool restore and ./build.sh first" >&2; exit 1; }
MODULE="$PWD/module/DbArchitect.PS.psd1"
SPEC="$PWD/examples/requirements/ecommerce.yaml"
OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# One pwsh process: "wall_ms cpu_ms peak_mb".
pwsh_run() {
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" dotnet "$PSHOME_DIR/pwsh.dll" -NoProfile -c "$1" >/dev/null 2>&1
  awk '{ printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4 / 1024 }' "$OUT/time"
}

# PowerShell's floor for a module's first command: an empty script module and the command that imports it and runs
# its one function in a pipeline.
mkdir -p "$OUT/empty"
printf "@{ ModuleVersion = '1.0'; RootModule = 'Empty.psm1'; FunctionsToExport = @('Get-Nothing') }\n" > "$OUT/empty/Empty.psd1"
printf 'function Get-Nothing { 1 }\n' > "$OUT/empty/Empty.psm1"
FLOOR_COMMAND="Import-Module '$OUT/empty/Empty.psd1'; Get-Nothing | Out-Null"
