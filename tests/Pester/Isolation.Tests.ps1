# Dependency isolation: Core and YamlDotNet 18 load in the module's own AssemblyLoadContext, so the module works in a
# session that already holds another YamlDotNet. Each test runs in a fresh `dotnet pwsh -NoProfile` child process.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:OtherYaml = @('net8.0', 'netstandard2.0') |
        ForEach-Object { Join-Path $NuGetCache "yamldotnet/16.3.0/lib/$_/YamlDotNet.dll" } |
        Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
}

Describe 'Dependency isolation' {
    It 'finds YamlDotNet 16.3.0 in the NuGet cache (restored by tests/DbArchitect.PS.TestAssets)' {
        $OtherYaml | Should -Not -BeNullOrEmpty
    }

    It 'resolves Core into the private load context, which loads its own YamlDotNet next to a session-wide 16.3.0' {
        $child = Invoke-ChildPwsh -Arguments $OtherYaml, $ModuleManifest -ScriptText @'
param($OtherYaml, $Manifest)
$ErrorActionPreference = 'Stop'
Add-Type -Path $OtherYaml
Import-Module $Manifest
$null = Get-Command New-DbDesign -Syntax   # resolves the parameter types, so Core is loaded
$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'DbArchitect.Core' }
$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core)
$yaml = $context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('YamlDotNet'))
"core-context=$($context.Name)"
"core-path=$($core.Location)"
"private-yaml=$($yaml.GetName().Version) from $($yaml.Location)"
"default-yaml=" + ([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'YamlDotNet' } | ForEach-Object { "$($_.GetName().Version) from $($_.Location)" })
'@
        $child.ExitCode | Should -Be 0 -Because $child.Text
        $child.Output | Should -Contain 'core-context=DbArchitect.PS.Dependencies'
        ($child.Output | Where-Object { $_ -like 'core-path=*' }) | Should -BeLike '*Dependencies*DbArchitect.Core.dll'
        # YamlDotNet's assembly version is major.0.0.0: 18.0.0.0 is our 18.1.0 package, 16.0.0.0 the 16.3.0 one.
        ($child.Output | Where-Object { $_ -like 'private-yaml=*' }) | Should -BeLike 'private-yaml=18.0.0.0 from *Dependencies*YamlDotNet.dll'
        ($child.Output | Where-Object { $_ -like 'default-yaml=*' }) | Should -BeLike 'default-yaml=16.0.0.0 from *16.3.0*YamlDotNet.dll'
    }

    It 'designs and exports with YamlDotNet 16.3.0 already loaded, and both versions stay loaded' {
        $out = Join-Path $TestDrive 'conflict'
        $child = Invoke-ChildPwsh -Arguments $OtherYaml, $ModuleManifest, $ExampleYaml, $out -ScriptText @'
param($OtherYaml, $Manifest, $Example, $Out)
$ErrorActionPreference = 'Stop'
Add-Type -Path $OtherYaml
Import-Module $Manifest
$design = New-DbDesign -Path $Example
$result = $design | Export-DbDesign -Path $Out -Force
"tables=$($design.TableCount)"
"files=$($result.FileCount)"
$versions = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' } | ForEach-Object { $_.GetName().Version.ToString() } | Sort-Object
"yaml=$($versions -join ',')"
'@
        $child.ExitCode | Should -Be 0 -Because $child.Text
        $child.Output | Should -Contain 'yaml=16.0.0.0,18.0.0.0'
        [int](($child.Output | Where-Object { $_ -like 'tables=*' }) -replace 'tables=') | Should -BeGreaterThan 0
        [int](($child.Output | Where-Object { $_ -like 'files=*' }) -replace 'files=') | Should -BeGreaterThan 0
        Join-Path $out 'design.json' | Should -Exist
    }

    It 'unhooks the resolver on Remove-Module' {
        $child = Invoke-ChildPwsh -Arguments $ModuleManifest -ScriptText @'
param($Manifest)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
Remove-Module DbArchitect.PS
Import-Module $Manifest
(Get-Command New-DbDesign).OutputType.Type.FullName
'@
        $child.ExitCode | Should -Be 0 -Because $child.Text
        $child.Output | Should -Contain 'DbArchitect.Core.Design.DbDesign'
    }
}
