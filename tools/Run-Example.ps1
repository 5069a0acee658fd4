#Requires -Version 7.4
<#
.SYNOPSIS
    Imports the freshly built module, designs examples/requirements/ecommerce.yaml and exports it to ./out/ecommerce.
#>
[CmdletBinding()]
param(
    [string] $Requirements = 'examples/requirements/ecommerce.yaml',
    [string] $OutputPath = './out/ecommerce'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)

Import-Module ./module/DbArchitect.PS.psd1 -Force
$result = New-DbDesign -Path $Requirements | Export-DbDesign -Path $OutputPath -Force

Write-Host ''
Write-Host "Design of $Requirements ($($result.Engine)) written to $($result.Path):"
$result.Files | Format-Table -AutoSize @{ Label = 'File'; Expression = { $_.RelativePath } }, Description | Out-Host
