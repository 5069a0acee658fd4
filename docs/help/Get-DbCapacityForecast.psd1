@{
    Synopsis    = 'Forecasts the rows and storage of each table and index of a design: today, after one and three years, and at retention.'
    Description = @'
Get-DbCapacityForecast returns one row per table of a design with its rows and its heap, index and total bytes today, after one year, after three years and at the retention horizon. The figures follow the engine's storage rules (for PostgreSQL: tuple header, null bitmap, alignment, item pointers, page header, fillfactor, TOAST for wide values and B-tree leaf sizing) applied to the table's stated rows and growth.

Pass a design from New-DbDesign, or a requirement (or a requirements file with -Path), which is designed first. With -Detailed, each table row is followed by one row per index.
'@
    Parameters  = @{
        Design      = 'The DbDesign whose forecast is returned, from New-DbDesign. Accepts pipeline input.'
        Requirement = 'A DbRequirement from Import-DbRequirement; it is designed first (as New-DbDesign would). Accepts pipeline input.'
        Path        = 'Path of one or more requirements files (wildcards allowed); each is read and designed first. Accepts FullName from the pipeline, so Get-ChildItem output binds.'
        Engine      = 'With -Requirement or -Path: the engine to design for, overriding the requirements file''s engine.'
        Detailed    = 'Also writes one row per index (table, index, method, entry bytes, bytes today and at retention, and whether the size is an estimate).'
    }
    Examples    = @(
        @{
            Title   = 'Forecast a designed example'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml | Get-DbCapacityForecast'
            Remarks = 'One row per table: rows today, +1 year, +3 years and at retention, and the heap, index and total sizes.'
        }
        @{
            Title   = 'Per-index sizes, straight from the requirements file'
            Code    = '(Get-DbCapacityForecast -Path ./examples/requirements/iot-telemetry.yaml).Indexes | Sort-Object BytesAtRetention -Descending | Select-Object -First 5'
            Remarks = 'Designs the file, then lists the five indexes that will be largest at retention.'
        }
        @{
            Title   = 'Total at retention of every example'
            Code    = 'Get-ChildItem ./examples/requirements/*.yaml | Get-DbCapacityForecast | Measure-Object TotalAtRetention -Sum'
            Remarks = 'The bytes all examples would occupy at their retention horizons.'
        }
    )
    Notes       = 'The same forecast is the CapacityForecast property of a design and a table in design.md under Partitioning Strategy. bench/README states its error against pg_relation_size on loaded sample rows.'
    Links       = @('New-DbDesign', 'Export-DbDesign')
}
