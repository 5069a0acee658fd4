# The module as a package: layout, manifest, exports, verbs, help, format views, lazy loading at import; publishing to
# a local repository and an install that runs; about topics, HelpUri, views readable at 120 columns, -Verbose lines.

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
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-module-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Work | Out-Null
    # Core lives in the module's own load context, so its types are reached through a cmdlet's output type.
    $script:CoreAssembly = (Get-Command New-DbDesign).OutputType.Type.Assembly
    $script:InformationUri = $CoreAssembly.GetType('DbArchitect.Core.Reporting.ReportTool', $true).GetField('InformationUri').GetRawConstantValue()
}

AfterAll {
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Module layout' {
    It 'keeps only the cmdlet assembly at the module root' {
        $rootDlls = @(Get-ChildItem -LiteralPath $ModuleDir -Filter '*.dll' | ForEach-Object Name)
        $rootDlls | Should -Be @('DbArchitect.PS.dll')
    }

    It 'keeps Core and its dependencies in Dependencies/' {
        $dependencies = @(Get-ChildItem -LiteralPath (Join-Path $ModuleDir 'Dependencies') -Filter '*.dll' | ForEach-Object Name)
        $dependencies | Should -Contain 'DbArchitect.Core.dll'
        $dependencies | Should -Contain 'YamlDotNet.dll'
    }

    # The Release build on linux-x64 (the only one crossgen2 runs for) precompiles what a first command loads: Core and
    # its JSON and YAML libraries for a design, the PostgreSQL and MariaDB/MySQL drivers for a live command, and the
    # cmdlets' own assembly at the module's root.
    It 'ships <_> as a ReadyToRun image' -Skip:(-not $IsLinux -or [Runtime.InteropServices.RuntimeInformation]::OSArchitecture -ne 'X64') -ForEach @('DbArchitect.PS', 'DbArchitect.Core', 'YamlDotNet', 'System.Text.Json', 'Npgsql', 'MySqlConnector') {
        $path = if ($_ -eq 'DbArchitect.PS') { Join-Path $ModuleDir "$_.dll" } else { Join-Path $ModuleDir "Dependencies/$_.dll" }
        $stream = [IO.File]::OpenRead($path)
        try {
            $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            $pe.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size | Should -BeGreaterThan 0 -Because "$_.dll should carry native code for .NET 10 on linux-x64"
            $pe.Dispose()
        }
        finally { $stream.Dispose() }
    }

    It 'never ships System.Management.Automation.dll' {
        @(Get-ChildItem -LiteralPath $ModuleDir -Recurse -Filter 'System.Management.Automation.dll').Count | Should -Be 0
    }
}

Describe 'Manifest' {
    It 'loads DbArchitect.PS.dll as the root module, version 0.1.0, PowerShell 7.4 Core' {
        $Manifest.RootModule | Should -Be 'DbArchitect.PS.dll'
        $Manifest.ModuleVersion | Should -Be '0.1.0'
        $Manifest.PowerShellVersion | Should -Be '7.4'
        $Manifest.CompatiblePSEditions | Should -Be @('Core')
        $Manifest.GUID | Should -Be '11876e33-2f37-44e7-b251-1518c92b7c69'
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports no functions, aliases or variables' {
        @($Manifest.FunctionsToExport).Count | Should -Be 0
        @($Manifest.AliasesToExport).Count | Should -Be 0
        @($Manifest.VariablesToExport).Count | Should -Be 0
    }

    It 'lists exactly the cmdlets of the assembly in CmdletsToExport' {
        $assembly = [DbArchitect.PS.ModuleInitializer].Assembly
        $inAssembly = @($assembly.GetExportedTypes() |
                ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName } | Sort-Object)
        $inAssembly.Count | Should -BeGreaterThan 0
        @($Manifest.CmdletsToExport | Sort-Object) | Should -Be $inAssembly
        @((Get-Command -Module DbArchitect.PS).Name | Sort-Object) | Should -Be $inAssembly
    }

    It 'uses approved verbs only' {
        $approved = @(Get-Verb | ForEach-Object Verb)
        foreach ($command in Get-Command -Module DbArchitect.PS) {
            $approved | Should -Contain $command.Verb -Because "$($command.Name) must use an approved verb"
        }
    }
}

Describe 'Cmdlet shape' {
    It '<_> is sealed, has [OutputType] and derives from the shared base' -ForEach $CmdletNames {
        $command = Get-Command $_
        $command.ImplementingType.IsSealed | Should -BeTrue
        # Live cmdlets derive from DbArchitectLiveCmdlet, itself a DbArchitectCmdlet.
        $command.ImplementingType.IsSubclassOf([DbArchitect.PS.DbArchitectCmdlet]) | Should -BeTrue
        @($command.OutputType).Count | Should -BeGreaterThan 0
    }

    It 'uses no YamlDotNet or driver type in any parameter or output of <_>' -ForEach $CmdletNames {
        $command = Get-Command $_
        $types = @($command.Parameters.Values.ParameterType) + @($command.OutputType.Type)
        foreach ($type in $types) {
            $element = if ($type.HasElementType) { $type.GetElementType() } else { $type }
            $element.Assembly.GetName().Name | Should -Not -BeIn @('YamlDotNet', 'Npgsql') -Because "$($command.Name) exposes $($type.FullName)"
        }
    }

    It 'Export-DbDesign supports -WhatIf/-Confirm with ConfirmImpact Medium' {
        $attribute = [DbArchitect.PS.Commands.ExportDbDesignCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'Medium'
        (Get-Command Export-DbDesign).Parameters.Keys | Should -Contain 'WhatIf'
    }

    It 'declares the documented output types' {
        # Core lives in the module's private load context, so its types are compared by name: PowerShell type
        # literals ([DbArchitect.Core....]) only see the default context.
        (Get-Command Import-DbRequirement).OutputType.Type.FullName | Should -Be 'DbArchitect.Core.Requirements.DbRequirement'
        (Get-Command New-DbDesign).OutputType.Type.FullName | Should -Be 'DbArchitect.Core.Design.DbDesign'
        (Get-Command ConvertTo-DbSql).OutputType.Type.FullName | Should -Be 'DbArchitect.Core.Engines.SqlScript'
        (Get-Command Export-DbDesign).OutputType.Type.FullName | Should -Be 'DbArchitect.Core.Export.ExportResult'
        (Get-Command Get-DbErDiagram).OutputType.Type | Should -Be ([string])
        (Get-Command Get-DbTechnologyRecommendation).OutputType.Type.FullName | Should -Be 'DbArchitect.Core.Technology.TechnologyRecommendation'
    }
}

Describe 'Help' {
    BeforeAll {
        $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    }

    It 'ships the generated MAML file' {
        Join-Path $ModuleDir 'en-US/DbArchitect.PS.dll-Help.xml' | Should -Exist
    }

    It '<_> has a synopsis, a description and at least two examples' -ForEach $CmdletNames {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($_))\s*(\[|$)" -Because 'an auto-generated synopsis is only the syntax'
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It '<_> describes every non-common parameter' -ForEach $CmdletNames {
        $name = $_
        $help = Get-Help $name -Full
        $parameters = (Get-Command $name).Parameters.Keys | Where-Object { $_ -notin $Common }
        foreach ($parameter in $parameters) {
            $entry = $help.parameters.parameter | Where-Object name -EQ $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter of $name needs help"
            ($entry.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $name needs a description"
        }
    }

    It '<_> help matches the real signature (parameter sets, mandatory, pipeline input)' -ForEach $CmdletNames {
        $name = $_
        $help = Get-Help $name -Full
        $command = Get-Command $name
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
        foreach ($parameter in $help.parameters.parameter | Where-Object { $_.name -notin $Common }) {
            $metadata = $command.Parameters[$parameter.name]
            $metadata | Should -Not -BeNullOrEmpty -Because "help documents -$($parameter.name), which $name must have"
            $byValue = @($metadata.ParameterSets.Values | Where-Object ValueFromPipeline).Count -gt 0
            ($parameter.pipelineInput -match 'ByValue') | Should -Be $byValue -Because "-$($parameter.name) pipeline input"
        }
    }
}

Describe 'Format views' {
    It 'has a table view for <_>' -ForEach @(
        'DbArchitect.Core.Requirements.DbRequirement'
        'DbArchitect.Core.Design.DbDesign'
        'DbArchitect.Core.Engines.SqlScript'
        'DbArchitect.Core.Export.ExportResult'
        'DbArchitect.Core.Model.Table'
        'DbArchitect.Core.Model.Index'
        'DbArchitect.Core.Model.Column'
        'DbArchitect.Core.Design.DesignDecision'
    ) {
        $data = Get-FormatData -TypeName $_
        $data | Should -Not -BeNullOrEmpty
        @($data.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Count | Should -Be 1
    }

    It 'names only properties that exist on the type' {
        [xml] $format = Get-Content -Raw -LiteralPath (Join-Path $ModuleDir 'DbArchitect.PS.format.ps1xml')
        $core = (Get-Command New-DbDesign).OutputType.Type.Assembly
        foreach ($view in $format.Configuration.ViewDefinitions.View) {
            $type = $core.GetType($view.ViewSelectedBy.TypeName, $true)
            foreach ($property in $view.SelectNodes('.//PropertyName') | ForEach-Object InnerText) {
                $type.GetProperty($property) | Should -Not -BeNullOrEmpty -Because "$($type.Name).$property is shown in a view"
            }
        }
    }
}

Describe 'Import' {
    It 'loads neither Core nor YamlDotNet until a cmdlet needs them' {
        # A fresh cache folder: PowerShell's startup JIT profile (StartupProfileData-*) replays the assembly loads of the
        # previous session on a background thread, which would load Core without the module asking for it.
        $previousCache = $env:XDG_CACHE_HOME
        $env:XDG_CACHE_HOME = Join-Path $TestDrive 'cache'
        try {
            $child = Invoke-ChildPwsh -ScriptText @'
param($Manifest)
Import-Module $Manifest -ErrorAction Stop
$names = [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name }
"core=$($names -contains 'DbArchitect.Core') yaml=$($names -contains 'YamlDotNet')"
'@ -Arguments $ModuleManifest
        }
        finally {
            $env:XDG_CACHE_HOME = $previousCache
        }
        $child.ExitCode | Should -Be 0 -Because $child.Text
        $child.Output | Should -Contain 'core=False yaml=False'
    }
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
