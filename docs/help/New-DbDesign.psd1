@{
    Synopsis    = 'Designs a database from requirements: the engine-neutral model and the physical design for one engine.'
    Description = @'
New-DbDesign turns a DbRequirement (from Import-DbRequirement or the pipeline) or a requirements file (-Path) into a DbDesign object. The design holds the requirements, the engine-neutral logical model and the physical model for the chosen engine: tables named by the naming convention, primary keys by the key convention, foreign keys with the declared ON DELETE, constraints, junction tables, timestamps, soft delete, audit and multi-tenancy features, and one index per access pattern, each index carrying the reason it exists. Every decision is recorded with its reason in the Decisions property, and anything worth a second look in Warnings.

The engine is the one named in the requirements file; -Engine overrides it. With engine: auto the design uses the best-ranked engine of Get-DbTechnologyRecommendation that can generate a design today, and records which engine ranked first when that is another. The design also carries the whole ranking (Technologies), the supporting technologies (SupportingTechnologies), the scalability roadmap (Roadmap) and the sharding plan (Distribution). Tab completion offers every engine id the requirements format knows; an unknown engine stops the command with a clear error before anything is read.
'@
    Parameters  = @{
        Requirement = 'A DbRequirement from Import-DbRequirement. Accepts pipeline input.'
        Path        = 'Path of a requirements file to read and design in one step, the same as Import-DbRequirement -Path piped to New-DbDesign. Wildcards are expanded; binds FullName and PSPath from the pipeline.'
        Engine      = 'The engine to design for, overriding the engine of the requirements file, for example postgresql. Press Tab to complete the known engine ids.'
        CalibrationConnectionString = 'A connection string of a live database this design replaces or extends (PostgreSQL). Its column statistics (pg_stats: average width and share of NULLs, one query) replace the typical widths of matching attributes, so the capacity forecast, backup sizes and partitioning rest on what the application really stores. Run ANALYZE there first. The password never appears in output or errors.'
        CalibrationSchema = 'The schema of the calibration database to read statistics from. Default: the schema the design creates.'
    }
    Examples    = @(
        @{
            Title   = 'Calibrate the forecast on the database the design replaces'
            Code    = "New-DbDesign -Path ./examples/requirements/ecommerce.yaml -CalibrationConnectionString 'Host=db1;Database=shop;Username=dba' -CalibrationSchema public"
            Remarks = 'Reads pg_stats of the public schema of the live shop database (ANALYZE it first) and takes the average width and share of NULLs of every column whose table and name match an attribute; the capacity forecast then states which figures came from those statistics. The password comes from ~/.pgpass or PGPASSWORD and never appears in output.'
        }
        @{
            Title   = 'Design the e-commerce example'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml'
            Remarks = 'Reads the file and shows the application, engine, number of tables, indexes and warnings of its design.'
        }
        @{
            Title   = 'Design from a requirement object and look at the tables'
            Code    = @'
$design = Import-DbRequirement ./examples/requirements/ecommerce.yaml | New-DbDesign -Engine postgresql
$design.Tables
$design.Tables | Where-Object Name -eq 'customer' | ForEach-Object Indexes
'@
            Remarks = 'Keeps the design in a variable, lists its tables with their column and index counts, then the indexes of one table with the reason for each.'
        }
        @{
            Title   = 'See why the design looks the way it does'
            Code    = '(New-DbDesign -Path ./examples/requirements/ecommerce.yaml).Decisions | Format-Table Area, Subject, Decision, Reason -Wrap'
            Remarks = 'Every decision of the design engine (keys, types, indexes, features) is listed with its reason.'
        }
    )
    Notes       = 'The design is deterministic: the same requirements give the same design.'
    Links       = @('Import-DbRequirement', 'Get-DbTechnologyRecommendation', 'ConvertTo-DbSql', 'Export-DbDesign', 'Get-DbErDiagram')
}
