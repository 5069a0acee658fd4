#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester/*.Tests.ps1) against ./module with Pester 5.7.1 from the NuGet cache.
.DESCRIPTION
    Pester is restored into the NuGet cache by tests/DbArchitect.PS.TestAssets (PackageDownload), so nothing is installed
    from the PowerShell Gallery. Prints one machine-readable line, `PESTER_SUMMARY passed=N failed=N skipped=N total=N`,
    and exits 1 when a test failed, when Pester could not run, or when no test ran.
#>
[CmdletBinding()]
param(
    [string[]] $Path = @(Join-Path $PSScriptRoot '*.Tests.ps1'),
    [string] $ResultPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
$pester = Join-Path $cache 'pester/5.7.1/tools/Pester.psd1'
if (-not (Test-Path -LiteralPath $pester)) {
    Write-Host "Pester 5.7.1 not found at $pester; restore the solution first (dotnet build DbArchitect.PS.sln)."
    Write-Host 'PESTER_SUMMARY passed=0 failed=0 skipped=0 total=0'
    exit 1
}
Import-Module $pester -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = @(Resolve-Path $Path | ForEach-Object ProviderPath)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.StackTraceVerbosity = 'Filtered'
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $ResultPath
}

# The tests run with PowerShell's default preference, as a user's session would.
$ErrorActionPreference = 'Continue'
$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
Write-Host ("PESTER_SUMMARY passed={0} failed={1} skipped={2} total={3}" -f $result.PassedCount, $failed, $result.SkippedCount, $result.TotalCount)
if ($failed -gt 0 -or $result.PassedCount -eq 0) { exit 1 }
exit 0
