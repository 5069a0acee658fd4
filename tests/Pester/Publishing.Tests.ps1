# A module that publishes and explains itself: Publish-PSResource to a local repository and an install that works,
# the manifest's links and versions, about topics, HelpUri, readable default views and -Verbose lines.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:CmdletNames = @((Get-Command -Module DbArchitect.PS -CommandType Cmdlet).Name | Sort-Object)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Manifest = Import-PowerShellDataFile -LiteralPath $ModuleManifest
    $script:ModuleDir = Split-Path -Parent $ModuleManifest
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-publish-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Work | Out-Null
    # Core lives in the module's own load context, so its types are reached through a cmdlet's output type.
    $script:CoreAssembly = (Get-Command New-DbDesign).OutputType.Type.Assembly
    $script:InformationUri = $CoreAssembly.GetType('DbArchitect.Core.Reporting.ReportTool', $true).GetField('InformationUri').GetRawConstantValue()
}

AfterAll {
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Publishing' {
    It 'publishes to a local folder repository, installs into a scratch module path, and the installed copy runs' {
        # The folder PowerShell publishes must carry the module's name; the repository and the install path are scratch.
        $stage = Join-Path $Work 'stage/DbArchitect.PS'
        $repository = Join-Path $Work 'repository'
        $installed = Join-Path $Work 'modules'
        New-Item -ItemType Directory -Path $stage, $repository, $installed | Out-Null
        Copy-Item -Path (Join-Path $ModuleDir '*') -Destination $stage -Recurse
        $result = Invoke-ChildPwsh -ScriptText @"
`$ErrorActionPreference = 'Stop'
`$name = 'dbarch-test-' + [guid]::NewGuid().ToString('n').Substring(0, 8)
Register-PSResourceRepository -Name `$name -Uri '$repository' -Trusted
try {
    Publish-PSResource -Path '$stage' -Repository `$name
    Save-PSResource -Name DbArchitect.PS -Repository `$name -Path '$installed' -TrustRepository
}
finally { Unregister-PSResourceRepository -Name `$name }
`$env:PSModulePath = '$installed' + [System.IO.Path]::PathSeparator + `$env:PSModulePath
Import-Module DbArchitect.PS
'base=' + (Get-Module DbArchitect.PS).ModuleBase
'version=' + (Get-Module DbArchitect.PS).Version
'settings=' + @(Get-DbConfigRecommendation -MemoryGb 16 -Cpus 4).Count
"@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        @(Get-ChildItem -LiteralPath $repository -Filter 'DbArchitect.PS.0.1.0.nupkg').Count | Should -Be 1
        $result.Output | Should -Contain ('base=' + (Join-Path $installed 'DbArchitect.PS/0.1.0'))
        $result.Output | Should -Contain 'version=0.1.0'
        ($result.Output | Where-Object { $_ -like 'settings=*' }) | Should -Not -Be 'settings=0'
    }

    It 'fills the gallery links and release notes, and the project link is the one SARIF reports name' {
        $data = $Manifest.PrivateData.PSData
        $data.ProjectUri | Should -Be $InformationUri
        $data.LicenseUri | Should -Be ($data.ProjectUri + '/blob/main/LICENSE')
        $data.ReleaseNotes | Should -Match '0\.1\.0'
        $Manifest.HelpInfoURI | Should -BeLike ($data.ProjectUri + '/*')
        Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'LICENSE') | Should -Match '^MIT License'
    }

    It 'has the same version in the manifest and in both assemblies' {
        $version = [version]$Manifest.ModuleVersion
        $assemblies = @([DbArchitect.PS.ModuleInitializer].Assembly, $CoreAssembly)
        foreach ($assembly in $assemblies) {
            $assembly.GetName().Version.ToString(3) | Should -Be $version.ToString(3) -Because $assembly.GetName().Name
        }
    }
}

Describe 'Help that explains the module' {
    It 'has the about topic <_>' -ForEach @('about_DbArchitect', 'about_DbArchitect_Requirements') {
        Join-Path $ModuleDir "en-US/$_.help.txt" | Should -Exist
        $text = Get-Help $_ | Out-String
        $text | Should -Match "TOPIC\s+$_"
        $text.Length | Should -BeGreaterThan 2000
    }

    It 'names every top-level key of the requirements schema in about_DbArchitect_Requirements' {
        $schema = Get-Content -Raw -LiteralPath (Join-Path $ModuleDir 'schemas/requirements.schema.json') | ConvertFrom-Json
        $text = Get-Content -Raw -LiteralPath (Join-Path $ModuleDir 'en-US/about_DbArchitect_Requirements.help.txt')
        foreach ($key in $schema.properties.PSObject.Properties.Name) { $text | Should -Match "\b$key\b" -Because "the topic documents '$key'" }
    }

    It '<_> has a HelpUri that points at its help source in the project' -ForEach $CmdletNames {
        $uri = (Get-Command $_).HelpUri
        $uri | Should -Be ("{0}/blob/main/docs/help/{1}.psd1" -f $InformationUri, $_)
        Join-Path $RepoRoot "docs/help/$_.psd1" | Should -Exist
    }
}

Describe 'Default views at 120 characters' {
    BeforeAll {
        $script:Db = Join-Path $Work 'view.db'
        & sqlite3 $Db 'CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));' | Out-Null
        # Where a column starts, read off the header line (labels are left-aligned except the right-aligned figures).
        function Get-HeaderLine([string] $Text, [string] $First) { ($Text -split "`r?`n") | Where-Object { $_ -match "^$First\b" } | Select-Object -First 1 }
    }

    It 'shows the health check Message whole, wrapped, never cut' {
        $rows = Invoke-DbHealthCheck -Engine sqlite -Server $Db -Annotations None
        $text = $rows | Out-String -Width 120
        ($text -split "`r?`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        120 - (Get-HeaderLine $text 'CheckId').IndexOf('Message') | Should -BeGreaterOrEqual 30
        $flat = ($text -replace '\s+', ' ')
        foreach ($row in $rows) {
            # Every word of every message is on screen (wrapping may split a long word, so words are checked).
            foreach ($word in $row.Message -split '\s+' | Where-Object Length -LE 25) { $flat | Should -Match ([regex]::Escape($word)) }
        }
    }

    It 'keeps the IndexRecommendation headers whole' {
        $text = New-DbDesign -Path (Join-Path $RepoRoot 'examples/requirements/ecommerce.yaml') | Get-IndexRecommendation -IncludeRejected | Out-String -Width 120
        $header = Get-HeaderLine $text 'Action'
        foreach ($label in 'Action', 'Table', 'Index', 'Columns', 'Benefit%', 'SizeMB', 'Confidence') { $header | Should -Match ([regex]::Escape($label)) }
        ($text -split "`r?`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        $header.IndexOf('Benefit%') - $header.IndexOf('Columns') | Should -BeGreaterOrEqual 20 -Because 'Columns takes the width the fixed columns leave'
    }
}

Describe 'Offline cmdlets say what they did with -Verbose' {
    It '<Name> writes a verbose line with its figures' -ForEach @(
        @{ Name = 'Import-DbRequirement'; Run = { Import-DbRequirement -Path $ExampleYaml -Verbose }; Pattern = 'Read .*ecommerce.yaml: \w+ \(\d+ entities, \d+ relationships, \d+ access patterns\)' }
        @{ Name = 'New-DbDesign'; Run = { New-DbDesign -Path $ExampleYaml -Verbose }; Pattern = 'Designed \w+ for .+: \d+ tables, \d+ indexes, \d+ decisions, \d+ warnings' }
        @{ Name = 'ConvertTo-DbSql'; Run = { New-DbDesign -Path $ExampleYaml | ConvertTo-DbSql -Verbose }; Pattern = 'Generated \d+ SQL scripts of \w+ for ' }
        @{ Name = 'Get-DbCapacityForecast'; Run = { Get-DbCapacityForecast -Path $ExampleYaml -Verbose }; Pattern = 'Forecast for \w+: \d+ tables, [\d,]+ rows and [\d,]+ MB at retention' }
        @{ Name = 'Get-DbErDiagram'; Run = { New-DbDesign -Path $ExampleYaml | Get-DbErDiagram -Verbose }; Pattern = 'Rendered \d+ tables of .+ as a Mermaid erDiagram' }
        @{ Name = 'Get-DbTechnologyRecommendation'; Run = { Get-DbTechnologyRecommendation -Path $ExampleYaml -Verbose }; Pattern = 'Scored \d+ engines for \w+; best \w+ \(\d+ points\)' }
        @{ Name = 'Get-DbConfigRecommendation'; Run = { Get-DbConfigRecommendation -MemoryGb 16 -Cpus 4 -Verbose }; Pattern = '\d+ settings recommended for server' }
        @{ Name = 'Export-DbDesign'; Run = { New-DbDesign -Path $ExampleYaml | Export-DbDesign -Path (Join-Path $Work 'export') -Force -Verbose }; Pattern = 'Wrote \d+ files \(postgresql\) to ' }
        @{ Name = 'Test-DbMigrationScript'; Run = { 'SELECT 1;' | Test-DbMigrationScript -Verbose }; Pattern = 'Linting 1 script\(s\) for postgresql' }
    ) {
        $verbose = @(& $Run 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ($verbose -join "`n") | Should -Match $Pattern
    }
}
