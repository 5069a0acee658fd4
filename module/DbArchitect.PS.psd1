@{
    RootModule           = 'DbArchitect.PS.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '11876e33-2f37-44e7-b251-1518c92b7c69'
    Author               = 'DbArchitect.PS contributors'
    CompanyName          = 'DbArchitect.PS'
    Copyright            = '(c) DbArchitect.PS contributors. All rights reserved.'
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
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('database', 'schema', 'design', 'postgresql', 'sql', 'ddl', 'yaml', 'dba', 'mermaid', 'erd', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri   = ''
            ReleaseNotes = 'First slice: requirements format 1, PostgreSQL design, SQL scripts, ER diagram, design export.'
        }
    }
}
