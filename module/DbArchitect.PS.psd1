@{
    RootModule           = 'DbArchitect.PS.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '11876e33-2f37-44e7-b251-1518c92b7c69'
    Author               = 'DbArchitect.PS contributors'
    CompanyName          = 'DbArchitect.PS'
    Copyright            = '(c) DbArchitect.PS contributors. MIT License.'
    Description          = 'Designs databases from a YAML requirements file: a validated requirements model, a physical design for PostgreSQL with keys, constraints and access-pattern indexes (each with its reason), numbered SQL scripts, a Mermaid ER diagram and a design document.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('DbArchitect.PS.format.ps1xml')
    CmdletsToExport      = @(
        'Import-DbRequirement'
        'New-DbDesign'
        'ConvertTo-DbSql'
        'Get-DbCapacityForecast'
        'Export-DbDesign'
        'Get-DbErDiagram'
        'New-PartitionScript'
        'Get-DbTechnologyRecommendation'
        'Get-DbConfigRecommendation'
        'Test-DbMigrationScript'
        'Import-DbSchema'
        'Compare-DbSchema'
        'New-DbMigrationScript'
        'Get-IndexRecommendation'
        'Invoke-DbHealthCheck'
        'Save-DbHealthHistory'
        'Get-DbHealthTrend'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('database', 'schema', 'design', 'postgresql', 'sql', 'ddl', 'yaml', 'dba', 'mermaid', 'erd', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            # The same address as ReportTool.InformationUri, which SARIF reports name (a Pester test compares them).
            ProjectUri   = 'https://github.com/dbarchitect/DbArchitect.PS'
            LicenseUri   = 'https://github.com/dbarchitect/DbArchitect.PS/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0: requirements format 1; designs for relational, document, key-value, wide-column, time-series, analytics and graph
engines; SQL scripts, ER diagrams and design documents; index, partition, configuration and technology advice; live
schema import, comparison and zero-downtime migrations; migration lint; health checks. Pipeline reports (JUnit, SARIF
2.1.0, Markdown, JSON) that validate against the common JUnit schema and the OASIS SARIF schema; -FailOn ends a script
with exit code 1; nothing changes a server under -WhatIf.
'@
        }
    }
    HelpInfoURI          = 'https://github.com/dbarchitect/DbArchitect.PS/tree/main/docs/help'
}
