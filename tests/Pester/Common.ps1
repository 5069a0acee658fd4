# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll). Not a test file itself.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
$script:ModuleManifest = Join-Path $RepoRoot 'module/DbArchitect.PS.psd1'
$script:Fixtures = Join-Path $PSScriptRoot 'fixtures'
$script:ShopYaml = Join-Path $Fixtures 'shop.yaml'
$script:BlogYaml = Join-Path $Fixtures 'blog.yaml'
$script:ExampleYaml = Join-Path $RepoRoot 'examples/requirements/ecommerce.yaml'
$script:NuGetCache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }

# Runs a script file in a fresh `dotnet pwsh -NoProfile` child and returns its output lines and exit code.
function Invoke-ChildPwsh {
    param([Parameter(Mandatory)] [string] $ScriptText, [string[]] $Arguments = @())
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarchitect-child-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
    Set-Content -LiteralPath $file -Value $ScriptText -Encoding utf8
    try {
        Push-Location $RepoRoot
        $env:NO_COLOR = '1'
        $output = & dotnet pwsh -NoProfile -NonInteractive -File $file @Arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE; Text = ($output -join "`n") }
    }
    finally {
        Pop-Location
        Remove-Item Env:NO_COLOR -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}
