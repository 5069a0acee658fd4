@{
    Synopsis    = 'Turns a design into the ordered SQL scripts that build it.'
    Description = @'
ConvertTo-DbSql generates the SQL scripts of a DbDesign as SqlScript objects: numbered scripts that build the database when applied in order to an empty database (extensions, tables, foreign keys, indexes, triggers, security, audit), and optional or reference scripts (query templates, jobs, configuration) whose RelativePath puts them in a sub-folder. Each script has its order, kind, engine, a description and its text.

With -Engine the design is first re-created for that engine from the same requirements, so one requirements file can be compared across engines.
'@
    Parameters  = @{
        Design = 'The DbDesign to generate SQL for, from New-DbDesign. Accepts pipeline input.'
        InputObject = 'Anything else that carries SQL: index recommendations (Get-IndexRecommendation), partition plans (New-PartitionScript), migration steps (New-DbMigrationScript). Their scripts are written unchanged. Accepts pipeline input.'
        Engine = 'Generate the SQL for this engine instead of the design''s own: the design is re-created from its requirements for that engine first. Press Tab to complete the known engine ids.'
    }
    Examples    = @(
        @{
            Title   = 'List the scripts of a design'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml | ConvertTo-DbSql'
            Remarks = 'Shows each script with its order, relative path, kind, line count and description.'
        }
        @{
            Title   = 'Apply the build scripts with psql'
            Code    = @'
New-DbDesign -Path ./examples/requirements/ecommerce.yaml |
    ConvertTo-DbSql |
    Where-Object IsBuildStep |
    ForEach-Object { $_.Text | psql -v ON_ERROR_STOP=1 -d shop }
'@
            Remarks = 'Sends the numbered build scripts, in order, to a PostgreSQL database; psql stops at the first error.'
        }
        @{
            Title   = 'Read one script'
            Code    = '(New-DbDesign -Path ./examples/requirements/ecommerce.yaml | ConvertTo-DbSql | Where-Object Kind -eq Indexes).Text'
            Remarks = 'Prints the index script; every CREATE INDEX is preceded by the reason for the index.'
        }
    )
    Notes       = 'Export-DbDesign writes the same scripts to files, together with the ER diagram, the design document and the design JSON.'
    Links       = @('New-DbDesign', 'Export-DbDesign')
}
