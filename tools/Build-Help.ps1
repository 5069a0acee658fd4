#Requires -Version 7.4
<#
.SYNOPSIS
    Generates module/en-US/DbArchitect.PS.dll-Help.xml (MAML) from the cmdlets' own metadata and docs/help/<Cmdlet>.psd1.
.DESCRIPTION
    Imports the freshly built module (run this script in its own process, as the build does: `dotnet pwsh -NoProfile
    -File tools/Build-Help.ps1`, so no session keeps the new assembly loaded), reads every cmdlet's parameter sets,
    types, mandatory flags, positions, pipeline input, aliases, wildcard support, defaults and output types from
    Get-Command, and joins them with the text source of the cmdlet. Fails (exit 1) when a cmdlet has no text source,
    no synopsis or description, fewer than two examples, or a parameter without a description, and when a text source
    describes a parameter the cmdlet does not have.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../module/DbArchitect.PS.psd1'),
    [string] $SourcePath = (Join-Path $PSScriptRoot '../docs/help'),
    [string] $OutputPath = (Join-Path $PSScriptRoot '../module/en-US/DbArchitect.PS.dll-Help.xml')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$module = Import-Module $ModulePath -PassThru -Force
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
$standardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

# Parameters every live cmdlet shares are described once; a cmdlet's own source may still say more.
$sharedFile = Join-Path $SourcePath 'shared/LiveTargets.psd1'
$shared = if (Test-Path -LiteralPath $sharedFile) { (Import-PowerShellDataFile -LiteralPath $sharedFile).Parameters } else { @{} }

$problems = [System.Collections.Generic.List[string]]::new()
$sources = @{}
foreach ($command in $commands) {
    $file = Join-Path $SourcePath "$($command.Name).psd1"
    if (-not (Test-Path -LiteralPath $file)) {
        $problems.Add("$($command.Name): no help text source at $file")
        continue
    }

    $source = Import-PowerShellDataFile -LiteralPath $file
    $sources[$command.Name] = $source
    foreach ($key in 'Synopsis', 'Description') {
        if (-not $source.ContainsKey($key) -or [string]::IsNullOrWhiteSpace($source[$key])) {
            $problems.Add("$($command.Name): $key is missing in $file")
        }
    }

    $examples = @(if ($source.ContainsKey('Examples')) { $source.Examples })
    if ($examples.Count -lt 2) {
        $problems.Add("$($command.Name): $($examples.Count) example(s) in $file; at least two are required")
    }
    foreach ($example in $examples) {
        if ([string]::IsNullOrWhiteSpace($example.Title) -or [string]::IsNullOrWhiteSpace($example.Code) -or [string]::IsNullOrWhiteSpace($example.Remarks)) {
            $problems.Add("$($command.Name): every example needs Title, Code and Remarks in $file")
        }
    }

    $described = if ($source.ContainsKey('Parameters')) { $source.Parameters } else { @{} }
    foreach ($name in $shared.Keys) {
        if ($command.Parameters.ContainsKey($name) -and -not $described.ContainsKey($name)) { $described[$name] = $shared[$name] }
    }
    $source.Parameters = $described
    foreach ($name in $command.Parameters.Keys) {
        if ($name -in $commonParameters) { continue }
        if (-not $described.ContainsKey($name) -or [string]::IsNullOrWhiteSpace($described[$name])) {
            $problems.Add("$($command.Name): parameter -$name has no description in $file")
        }
    }
    foreach ($name in $described.Keys) {
        if (-not $command.Parameters.ContainsKey($name)) {
            $problems.Add("$($command.Name): $file describes -$name, which the cmdlet does not have")
        }
    }
}

if ($problems.Count -gt 0) {
    foreach ($problem in $problems) { [Console]::Error.WriteLine("Build-Help: error: $problem") }
    exit 1
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Write-Paragraphs([System.Xml.XmlWriter] $Writer, [string] $Text) {
    $paragraphs = @(($Text -replace "`r", '') -split "`n\s*`n" | ForEach-Object { ($_ -split "`n" | ForEach-Object Trim) -join ' ' } | Where-Object { $_ })
    if ($paragraphs.Count -eq 0) { $paragraphs = @('') }
    foreach ($paragraph in $paragraphs) { $Writer.WriteElementString('maml', 'para', $maml, $paragraph) }
}

function Write-Description([System.Xml.XmlWriter] $Writer, [string] $Text) {
    $Writer.WriteStartElement('maml', 'description', $maml)
    Write-Paragraphs $Writer $Text
    $Writer.WriteEndElement()
}

function Get-TypeName([type] $Type) {
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'System.Management.Automation.SwitchParameter' }
    $Type.FullName
}

function Get-ShortTypeName([type] $Type) {
    $name = $Type.Name
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $name = $underlying.Name }
    $name
}

function Get-PipelineInput($SetMetadata) {
    $kinds = @()
    if ($SetMetadata.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($SetMetadata.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds.Count -eq 0) { 'False' } else { "True ($($kinds -join ', '))" }
}

function Get-Defaults($Command) {
    # The cmdlet's own property initializers are its defaults; an instance is cheap and never runs.
    $defaults = @{}
    $instance = [Activator]::CreateInstance($Command.ImplementingType)
    foreach ($name in $Command.Parameters.Keys) {
        $property = $Command.ImplementingType.GetProperty($name)
        if (-not $property) { continue }
        $value = $property.GetValue($instance)
        $defaults[$name] = if ($null -eq $value) { 'None' }
        elseif ($value -is [System.Management.Automation.SwitchParameter]) { 'False' }
        elseif ($value -is [array] -and $value.Count -eq 0) { 'None' }
        elseif ($value -is [string] -and $value.Length -eq 0) { 'None' }
        else { "$value" }
    }
    $defaults
}

function Write-Parameter([System.Xml.XmlWriter] $Writer, $Command, [string] $Name, $SetMetadata, [string] $Text, [hashtable] $Defaults) {
    $metadata = $Command.Parameters[$Name]
    $isSwitch = $metadata.SwitchParameter
    $wildcards = [bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $position = if ($null -eq $SetMetadata -or $SetMetadata.Position -lt 0) { 'named' } else { "$($SetMetadata.Position)" }
    $required = if ($null -ne $SetMetadata) { $SetMetadata.IsMandatory } else {
        @($metadata.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count -eq 0
    }
    $pipeline = if ($null -ne $SetMetadata) { Get-PipelineInput $SetMetadata } else {
        ($metadata.ParameterSets.Values | ForEach-Object { Get-PipelineInput $_ } | Sort-Object -Unique | Sort-Object { $_ -eq 'False' } | Select-Object -First 1)
    }

    $Writer.WriteStartElement('command', 'parameter', $cmd)
    $Writer.WriteAttributeString('required', "$required".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', "$($metadata.ParameterType.IsArray)".ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', "$wildcards".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $(if ($metadata.Aliases.Count) { $metadata.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $maml, $Name)
    Write-Description $Writer $Text
    if (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $cmd)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', "$($metadata.ParameterType.IsArray)".ToLowerInvariant())
        $Writer.WriteString((Get-ShortTypeName $metadata.ParameterType))
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $dev)
    $Writer.WriteElementString('maml', 'name', $maml, (Get-TypeName $metadata.ParameterType))
    $Writer.WriteElementString('maml', 'uri', $maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $dev, $Defaults[$Name])
    $Writer.WriteEndElement()
}

function Get-ParameterText($Source, [string] $Name) {
    if ($standardDescriptions.ContainsKey($Name)) { return $standardDescriptions[$Name] }
    $Source.Parameters[$Name]
}

function Test-Documented([string] $Name) {
    ($Name -notin $commonParameters) -or $standardDescriptions.ContainsKey($Name)
}

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [System.Text.UTF8Encoding]::new($false); NewLineChars = "`n" }
$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutputPath)
$temporary = "$OutputPath.tmp"
$writer = [System.Xml.XmlWriter]::Create($temporary, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        $source = $sources[$command.Name]
        $defaults = Get-Defaults $command
        $writer.WriteStartElement('command', 'command', $cmd)
        $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)

        $writer.WriteStartElement('command', 'details', $cmd)
        $writer.WriteElementString('command', 'name', $cmd, $command.Name)
        $writer.WriteElementString('command', 'verb', $cmd, $command.Verb)
        $writer.WriteElementString('command', 'noun', $cmd, $command.Noun)
        Write-Description $writer $source.Synopsis
        $writer.WriteEndElement()

        Write-Description $writer $source.Description

        $writer.WriteStartElement('command', 'syntax', $cmd)
        $sets = @($command.ParameterSets | Sort-Object { -not $_.IsDefault }, Name)
        foreach ($set in $sets) {
            $writer.WriteStartElement('command', 'syntaxItem', $cmd)
            $writer.WriteElementString('maml', 'name', $maml, $command.Name)
            $ordered = @($set.Parameters | Where-Object { Test-Documented $_.Name } |
                Sort-Object { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, { -not $_.IsMandatory }, Name)
            foreach ($parameter in $ordered) {
                $setMetadata = $command.Parameters[$parameter.Name].ParameterSets[$set.Name]
                if ($null -eq $setMetadata) { $setMetadata = $command.Parameters[$parameter.Name].ParameterSets['__AllParameterSets'] }
                Write-Parameter $writer $command $parameter.Name $setMetadata (Get-ParameterText $source $parameter.Name) $defaults
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'parameters', $cmd)
        foreach ($name in @($command.Parameters.Keys | Where-Object { Test-Documented $_ } | Sort-Object)) {
            $sets = $command.Parameters[$name].ParameterSets
            $only = if ($sets.Count -eq 1) { @($sets.Values)[0] } else { $null }
            Write-Parameter $writer $command $name $only (Get-ParameterText $source $name) $defaults
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'inputTypes', $cmd)
        $inputs = @($command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters } | ForEach-Object {
                $parameter = $_
                foreach ($set in $parameter.ParameterSets.Values) {
                    if ($set.ValueFromPipeline) { [pscustomobject]@{ Type = (Get-TypeName $parameter.ParameterType); Text = "You can pipe $(Get-ShortTypeName $parameter.ParameterType) objects to -$($parameter.Name)." } }
                    if ($set.ValueFromPipelineByPropertyName) { [pscustomobject]@{ Type = 'System.Management.Automation.PSObject'; Text = "Objects with a $((@($parameter.Name) + $parameter.Aliases) -join ', ') property bind to -$($parameter.Name) (for example the output of Get-ChildItem)." } }
                }
            } | Sort-Object Type, Text -Unique)
        if ($inputs.Count -eq 0) { $inputs = @([pscustomobject]@{ Type = 'None'; Text = 'This cmdlet does not take pipeline input.' }) }
        foreach ($input in $inputs) {
            $writer.WriteStartElement('command', 'inputType', $cmd)
            $writer.WriteStartElement('dev', 'type', $dev)
            $writer.WriteElementString('maml', 'name', $maml, $input.Type)
            $writer.WriteEndElement()
            Write-Description $writer $input.Text
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'returnValues', $cmd)
        foreach ($output in $command.OutputType) {
            $writer.WriteStartElement('command', 'returnValue', $cmd)
            $writer.WriteStartElement('dev', 'type', $dev)
            $writer.WriteElementString('maml', 'name', $maml, $output.Name)
            $writer.WriteEndElement()
            Write-Description $writer "$($command.Name) writes $($output.Name) objects to the pipeline."
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        if ($source.ContainsKey('Notes') -and $source.Notes) {
            $writer.WriteStartElement('maml', 'alertSet', $maml)
            $writer.WriteStartElement('maml', 'alert', $maml)
            Write-Paragraphs $writer $source.Notes
            $writer.WriteEndElement()
            $writer.WriteEndElement()
        }

        $writer.WriteStartElement('command', 'examples', $cmd)
        $number = 0
        foreach ($example in $source.Examples) {
            $number++
            $writer.WriteStartElement('command', 'example', $cmd)
            $writer.WriteElementString('maml', 'title', $maml, "--------- Example ${number}: $($example.Title) ---------")
            $writer.WriteElementString('dev', 'code', $dev, ($example.Code -replace "`r", '').Trim())
            $writer.WriteStartElement('dev', 'remarks', $dev)
            Write-Paragraphs $writer $example.Remarks
            $writer.WriteEndElement()
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'relatedLinks', $cmd)
        foreach ($link in @(if ($source.ContainsKey('Links')) { $source.Links })) {
            $writer.WriteStartElement('maml', 'navigationLink', $maml)
            $writer.WriteElementString('maml', 'linkText', $maml, $link)
            $writer.WriteElementString('maml', 'uri', $maml, '')
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

Move-Item -LiteralPath $temporary -Destination $OutputPath -Force
Write-Host "Build-Help: wrote help for $($commands.Count) cmdlets to $OutputPath"
