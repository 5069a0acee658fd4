@{
    Synopsis    = 'Ranks every database engine the requirements format knows against a requirement, best first, with the reasons for each score.'
    Description = @'
Get-DbTechnologyRecommendation scores each known engine (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle, SQLite, MongoDB, Cassandra, DynamoDB, Redis, InfluxDB, TimescaleDB, Neo4j, Amazon Neptune, ClickHouse) against a DbRequirement (from Import-DbRequirement or the pipeline) or a requirements file (-Path), and writes one TechnologyRecommendation per engine, best first.

Every engine starts from the same base score; each factor the requirement asks for moves it up or down by the engine's capability: application kind, volume and growth, read/write ratio, latency target, concurrency, TPS, relationship density, access-pattern shapes (joins, time buckets and ranges, aggregates, fuzzy and full-text search, key lookups), consistency needs (money, enforced deletes, multi-tenancy) and JSON-heavy attributes. Each object carries Rank, Engine, DisplayName, Category (relational, document, wide-column, key-value, time-series, graph, analytics), Score (0-100), Verdict, TopReasons (the three factors that moved the score most, as text) and Reasons (every factor with its points and the figures it came from). The ranking is deterministic.

New-DbDesign uses the same ranking when the requirements say engine: auto, choosing the best-ranked engine that can generate a design today.
'@
    Parameters  = @{
        Requirement = 'A DbRequirement from Import-DbRequirement. Accepts pipeline input.'
        Path        = 'Path of a requirements file to read and rank in one step. Wildcards are expanded; binds FullName and PSPath from the pipeline.'
        Top         = 'Writes only the first N engines of the ranking (at least 1). By default every known engine is written.'
    }
    Examples    = @(
        @{
            Title   = 'Rank the engines for the telemetry example'
            Code    = 'Get-DbTechnologyRecommendation -Path ./examples/requirements/iot-telemetry.yaml -Top 5'
            Remarks = 'Shows the five best-fitting engines with their category, score, verdict and the three factors that moved each score most; a time-series engine ranks first for this firehose.'
        }
        @{
            Title   = 'See every reason behind the best fit'
            Code    = @'
$best = Import-DbRequirement ./examples/requirements/ecommerce.yaml | Get-DbTechnologyRecommendation -Top 1
$best.Reasons | Format-Table Factor, Points, Explanation -Wrap
'@
            Remarks = 'Each reason names the factor, the points it added or took away, and the figures from the requirements it was computed from.'
        }
        @{
            Title   = 'Compare the winners of several requirement files'
            Code    = 'Get-ChildItem ./examples/requirements/*.yaml | ForEach-Object { $file = $_.Name; Get-DbTechnologyRecommendation -Path $_.FullName -Top 1 | Select-Object @{ n = "File"; e = { $file } }, Engine, Score }'
            Remarks = 'Contrasting requirements get contrasting answers: relational engines for the stores and SaaS, a time-series engine for telemetry.'
        }
    )
    Notes       = 'Engines other than PostgreSQL are ranked but cannot generate a design yet; New-DbDesign records which engine ranked first when it designs for another.'
    Links       = @('Import-DbRequirement', 'New-DbDesign', 'Export-DbDesign')
}
