<#
.SYNOPSIS
    Times New-DbDesign | Export-DbDesign through the module for a synthetic N-entity spec: the first (cold) run in a
    fresh session, which pays for loading and JIT, and the median of warm runs.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/cmdlet-time.ps1 -Entities 1000
#>
param([int] $Entities = 1000, [int] $Runs = 5)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$spec = Join-Path ([IO.Path]::GetTempPath()) "dbarch-bench-$Entities.yaml"
if (-not (Test-Path $spec)) {
    & dotnet run -c Release --project (Join-Path $root 'bench/DbArchitect.Bench') -- $Entities | Out-Null
}
Import-Module (Join-Path $root 'module/DbArchitect.PS.psd1')
$out = Join-Path ([IO.Path]::GetTempPath()) "dbarch-bench-cmdlet-$Entities"
$times = foreach ($run in 0..$Runs) {
    (Measure-Command { New-DbDesign -Path $spec | Export-DbDesign -Path $out -Force | Out-Null }).TotalMilliseconds
}
Remove-Item -Recurse -Force $out
$warm = $times | Select-Object -Skip 1 | Sort-Object
'{0} entities through the cmdlets: cold {1:N0} ms (first call in a fresh session), warm median {2:N0} ms over {3} runs' -f `
    $Entities, $times[0], $warm[[int][math]::Floor($warm.Count / 2)], $warm.Count
