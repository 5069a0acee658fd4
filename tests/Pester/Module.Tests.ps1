# The module as a package: layout, manifest, exports, verbs, help, format views, and lazy loading at import.

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
