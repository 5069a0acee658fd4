@{
    Synopsis    = 'Ranks every database engine the requirements format knows against a requirement, best first, with the reasons for each score.'
    Description = @'
Get-DbTechnologyRecommendation scores each known engine (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle, SQLite, MongoDB, Cassandra, DynamoDB, Redis, InfluxDB, TimescaleDB, Neo4j, Amazon Neptune, ClickHouse) against a DbRequirement (from Import-DbRequirement or the pipeline) or a requirements file (-Path), and writes one TechnologyRecommendation per engine, best first.

Every engine starts from the same base score; each factor the requirement asks for moves it up or down by the engine's capability: application kind, volume and growth, read/write ratio, latency target, concurrency, TPS, relationship density, access-pattern shapes (joins, time buckets and ranges, aggregates, fuzzy and full-text search, key lookups), consistency needs (money, enforced deletes, multi-tenancy) and JSON-heavy attributes. Each object carries Rank, Engine, DisplayName, Category (relational, document, wide-column, key-value, time-series, graph, analytics), Score (0-100), Verdict, TopReasons (the three factors that moved the score most, as text) and Reasons (every factor with its points and the figures it came from). The ranking is deterministic.

Each answer is an architecture: Parts lists the stores beside the engine that serve part of the workload much better (live positions in a Redis GEO set, a Redis cache-aside for hot reads, a search engine, an analytics store, a connection pooler), each with the entities and access patterns it serves (Serves), the figures of the requirement that decided it (Figures) and its Reason; Architecture sums it up in one line.

New-DbDesign uses the same ranking when the requirements say engine: auto, choosing the best-ranked engine that can generate a design today (with a warning when the engine ranked first cannot), and generates the parts Redis can serve into their own folders.
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
            Title   = 'See the architecture of the social app'
            Code    = '(Get-DbTechnologyRecommendation -Path ./examples/requirements/social-content.yaml -Top 1).Parts | Format-List Role, Technology, Serves, Figures, Reason'
            Remarks = 'A relational primary, a Redis cache-aside for the hot reads (95% of traffic) with the entities and access patterns it serves, and a connection pooler for 100,000 concurrent users, each with the figures behind it. A spec with live positions (tests/fixtures/polyglot/ride-hailing.yaml) gets a Redis GEO set too.'
        }
        @{
            Title   = 'Compare the winners of several requirement files'
            Code    = 'Get-ChildItem ./examples/requirements/*.yaml | ForEach-Object { $file = $_.Name; Get-DbTechnologyRecommendation -Path $_.FullName -Top 1 | Select-Object @{ n = "File"; e = { $file } }, Engine, Score }'
            Remarks = 'Contrasting requirements get contrasting answers: relational engines for the stores and SaaS, a time-series engine for telemetry.'
        }
    )
    Notes       = 'Cassandra, InfluxDB, TimescaleDB, Neo4j and ClickHouse are ranked but cannot generate a design yet; New-DbDesign records which engine ranked first when it designs for another, and warns.'
    Links       = @('Import-DbRequirement', 'New-DbDesign', 'Export-DbDesign')
}
