# Dependency isolation: Core, YamlDotNet 18 and Microsoft.Data.SqlClient 7.1 load in the module's own
# AssemblyLoadContext, so the module works in a session that already holds another YamlDotNet or SqlClient. Each test runs in a fresh `dotnet pwsh -NoProfile` child process.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:OtherYaml = @('net8.0', 'netstandard2.0') |
        ForEach-Object { Join-Path $NuGetCache "yamldotnet/16.3.0/lib/$_/YamlDotNet.dll" } |
        Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
    # The platform's own build of SqlClient (lib/ holds a stub that only throws PlatformNotSupportedException).
    $platform = if ($IsWindows) { 'win' } else { 'unix' }
    $script:OtherSqlClient = Join-Path $NuGetCache "microsoft.data.sqlclient/6.1.1/runtimes/$platform/lib/net8.0/Microsoft.Data.SqlClient.dll"
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

    It 'finds Microsoft.Data.SqlClient 6.1.1 in the NuGet cache (restored by tests/DbArchitect.PS.TestAssets)' {
        $OtherSqlClient | Should -Exist
    }

    It 'reaches SQL Server through its own SqlClient 7.1 with SqlClient 6.1 already loaded, and fails a closed port cleanly' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $child = Invoke-ChildPwsh -Arguments $OtherSqlClient, $ModuleManifest, $port -ScriptText @'
param($OtherSqlClient, $Manifest, $Port)
$ErrorActionPreference = 'Stop'
$null = [System.Reflection.Assembly]::LoadFrom($OtherSqlClient)
Import-Module $Manifest
$secret = 'Isolation-S3cret'
Invoke-DbHealthCheck -Engine sqlserver -ConnectionString "Server=127.0.0.1,$Port;User ID=sa;Password=$secret;Encrypt=Optional;Connect Timeout=3" -ErrorAction SilentlyContinue -ErrorVariable failed | Out-Null
"error-id=$($failed[0].FullyQualifiedErrorId)"
"error-has-secret=$($failed[0].ToString().Contains($secret))"
"error-text=$($failed[0].ToString())"
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Data.SqlClient' } | Sort-Object { $_.GetName().Version } | ForEach-Object {
    "sqlclient=$($_.GetName().Version.Major) in $([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name) from $($_.Location)"
}
'@
        $child.ExitCode | Should -Be 0 -Because $child.Text
        ($child.Output | Where-Object { $_ -like 'error-id=*' }) | Should -BeLike 'error-id=ConnectionFailed*'
        $child.Output | Should -Contain 'error-has-secret=False'
        ($child.Output | Where-Object { $_ -like 'error-text=*' }) | Should -BeLike "*sqlserver://127.0.0.1,$port/master as sa*"
        $versions = @($child.Output | Where-Object { $_ -like 'sqlclient=*' })
        $versions.Count | Should -Be 2 -Because $child.Text
        $versions[0] | Should -BeLike 'sqlclient=6 in Default from *6.1.1*'
        $versions[1] | Should -BeLike "sqlclient=7 in DbArchitect.PS.Dependencies from *Dependencies*runtimes*lib*Microsoft.Data.SqlClient.dll"
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
