<#
.SYNOPSIS
    Where the first New-DbDesign | Export-DbDesign of a session goes (issue 18 row 1): in a fresh process, each step's
    time and JIT-compiled methods (System.Runtime.JitInfo), then the assemblies loaded, with the module's private
    load context listed. Run it in a new process each time; a second call in the same session measures nothing.
.EXAMPLE
    ./build.sh; dotnet pwsh -NoProfile -File bench/first-call.ps1
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/first-call.ps1 -Module /tmp/before/module/DbArchitect.PS.psd1   # another build
#>
param(
    [string] $Module = (Join-Path (Split-Path -Parent $PSScriptRoot) 'module/DbArchitect.PS.psd1'),
    [string] $Path = (Join-Path (Split-Path -Parent $PSScriptRoot) 'examples/requirements/ecommerce.yaml')
)
$ErrorActionPreference = 'Stop'
$out = Join-Path ([IO.Path]::GetTempPath()) "dbarch-first-call-$PID"
$clock = [Diagnostics.Stopwatch]::StartNew()
$mark = @{ Ms = 0; Jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) }
function Step([string] $name) {
    $now = @{ Ms = $clock.ElapsedMilliseconds; Jit = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) }
    '{0,-15} {1,6} ms {2,6} methods JIT-compiled' -f $name, ($now.Ms - $script:mark.Ms), ($now.Jit - $script:mark.Jit)
    $script:mark = $now
}
Import-Module $Module
Step 'Import-Module'
$jitImported = $mark.Jit
$requirement = Import-DbRequirement -Path $Path
Step 'read'
$design = $requirement | New-DbDesign
Step 'design'
$design | Export-DbDesign -Path $out -Force | Out-Null
Step 'export'
Remove-Item -Recurse -Force $out
'the command after Import-Module: {0} methods JIT-compiled' -f ([System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jitImported)
$private = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'DbArchitect.PS.Dependencies'
'assemblies loaded: {0}; in the module''s load context: {1}' -f [AppDomain]::CurrentDomain.GetAssemblies().Count, (($private.Assemblies | ForEach-Object { $_.GetName().Name }) -join ', ')
