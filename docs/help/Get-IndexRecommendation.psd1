@{
    Synopsis    = 'Recommends indexes to create, drop or replace for a design, a workload file, or a live database, with the figures behind each.'
    Description = @'
Get-IndexRecommendation is the index advisor. It builds one model of the workload - weighted scans per table (equality, range, IN, prefix and infix LIKE, IS NULL, join keys, ORDER BY with direction, GROUP BY, projected columns, LIMIT) plus writes with their rates - from one of three inputs:

- a DbDesign from the pipeline: its access patterns, weighted by perSecond, over row counts from the requirements;
- a workload file (-Workload) and a connection: the server explains every statement (PostgreSQL: PREPARE, then EXPLAIN EXECUTE of the generic plan), so tables, aliases and columns come from the plan and the catalog, never from guessing names;
- a workload file (-Workload) with a design (pipeline) or a schema (-Schema, from Import-DbSchema or a design's Physical) as the catalog and no server: for SQL Server each statement is parsed with Microsoft's T-SQL parser (ScriptDom, TSql160Parser); aliases and columns are resolved against the catalog, a statement naming a table or column the catalog lacks (or an ambiguous unqualified column) is skipped with a warning naming it, and costs are the heuristic model's (Confidence Heuristic). Engines whose server can explain the workload refuse this mode and ask for a connection;
- a PostgreSQL server log (.log, stderr or csvlog with log_min_duration_statement) as -Workload: statements are normalized, aggregated into calls and total time, and explained by the server like a .sql file;
- a connection alone: the server's statement statistics (PostgreSQL: pg_stat_statements, with pg_stat_user_tables for write rates).

On MariaDB and MySQL the statements of -Workload are explained with EXPLAIN FORMAT=JSON (write literals, not ? placeholders), the catalog comes from information_schema and index use from performance_schema when it is on; these servers have no hypothetical indexes, so every figure there is Confidence Heuristic. Without -Workload the statements come from performance_schema.events_statements_summary_by_digest (calls and total time per digest of the current database; MySQL 8's sample statement, or the digest text with its ? placeholders as literals); when performance_schema is off a warning says so and only the existing indexes are reviewed.

Candidates per scan put equality columns first (most selective first, from pg_stats on a live server), then one range column or the ORDER BY columns with their direction, up to -MaxWidth keys; covering variants with INCLUDE, partial indexes for constant tests on low-distinct columns, lower() expression keys, trigram GIN for LIKE '%x%', jsonb_path_ops GIN for containment, and BRIN for ranges over columns stored in time order. A greedy search picks the set: each round re-costs every candidate together with the indexes already chosen and takes the largest saving of the weighted workload cost minus the write overhead, within -MaxIndexes and -MaxSizeMB. A candidate under which any statement would cost more is never taken.

On PostgreSQL with the HypoPG extension installed, costs are what-if plans (Confidence WhatIf): hypothetical indexes are private to the session and nothing is built. Without HypoPG the advisor falls back to its heuristic cost model and says so (Confidence Heuristic); -AllowExtensionCreate lets it run CREATE EXTENSION hypopg. -Validate Real builds the chosen indexes for real inside one transaction, measures, and rolls back (asks for confirmation; CREATE INDEX blocks writes to the table while it builds).

The same pass reviews the existing indexes: exact duplicates, left-prefix redundancy, merge suggestions ((a) INCLUDE (x) + (a, b) becomes (a, b) INCLUDE (x)), unused indexes (no scans since the statistics were reset, with their age) and foreign keys without an index (on tables of at least 10,000 rows). An index that enforces something - a primary key, any UNIQUE index (constraint or not, expression or not), an exclusion constraint, the replica identity - or is the last one serving a foreign key's lookups is never proposed for dropping. An unused index is a Review item without DDL unless -IncludeDropScript is given, and never DDL before the usage counters (pg_stat_database.stats_reset, or the server's start) are 7 days old.

When no statement of -Workload can be planned, the run ends with the error WorkloadNotPlanned (quoting why) instead of returning the review alone, and -FailOnRecommendation then fails with IndexAdviceIncomplete.

Each IndexRecommendation has Action (Create, Drop, Replace, Review), Table, Columns (with direction), Include, Predicate, Method, Rule and Reason (which statements, which figures), CostBefore and CostAfter (weighted cost of the statements it touches, in planner units), BenefitPercent, EstimatedSizeMB, WriteOverhead, Confidence and Sql: the engine's online DDL (CREATE INDEX CONCURRENTLY on PostgreSQL, ALGORITHM=INPLACE, LOCK=NONE on MySQL and MariaDB, WITH (ONLINE = ON) on SQL Server, ONLINE on Oracle). Pipe them to ConvertTo-DbSql or Export-DbDesign to get script files. Sessions are read-only with statement and lock timeouts unless -Validate Real or -AllowExtensionCreate needs to write.
'@
    Parameters  = @{
        Schema               = 'A SchemaModel (Import-DbSchema output, or $design.Physical) used as the catalog for -Workload when no server is connected. Accepts pipeline input. The engine is -Engine when given, else the schema''s own engine.'
        Design               = 'A DbDesign from New-DbDesign. Its access patterns are the workload and its indexes the existing set. Accepts pipeline input.'
        ConnectionString     = 'The connection string of the live database to advise. Takes many, and piped objects with a ConnectionString property.'
        Server               = 'Host name of the live server (with -Port, -Database and -Credential instead of -ConnectionString). Takes many names (-Server db1, db2, ''db3,5433''; host,port as SQL Server writes it, or host:port), piped strings, or piped objects with Server, Port, Database and Engine properties (Import-Csv output); they are swept in parallel (-ThrottleLimit).'
        Port                 = 'Port of the live server; the engine default when omitted.'
        Database             = 'Database to advise on the live server.'
        Credential           = 'User name and password for the live server. The password is never shown or written anywhere.'
        Engine               = 'Engine of the live server: postgresql (default), mariadb, mysql or sqlserver (workload from -Workload, else Query Store, or the plan cache when Query Store is off, merged with the missing-index DMVs). Other engines have design mode only.'
        Workload             = 'One or more SQL files of statements to advise for, instead of the server''s statement statistics. Statements are separated by semicolons; a file with no semicolon is one statement per line (the form Dexter reads), a line that does not begin a statement continuing the one before. A comment line "-- weight: N" or "-- calls: N" before a statement gives its weight (1 otherwise). A .csv file is read as a pg_stat_statements export: a header with a query column and optionally calls, the weight.'
        MaxIndexes           = 'Most indexes to recommend creating, counting every one the run proposes: the search''s own first, by measured benefit, then the review''s foreign-key and merge indexes in what is left; the others are returned with -IncludeRejected and the reason "budget".'
        MaxSizeMB            = 'Most total estimated size, in MB, of the indexes recommended for creation.'
        MaxWidth             = 'Most key columns in a candidate index. Default 3.'
        Validate             = 'How the choice is checked on a live server: None (heuristic cost model), WhatIf (HypoPG what-if plans when the extension is installed; the default), or Real (additionally builds the chosen indexes in a transaction, measures and rolls back; asks for confirmation by default, ConfirmImpact High, and under -WhatIf validates with what-if plans instead).'
        AllowExtensionCreate = 'Allows CREATE EXTENSION hypopg when the extension is available on the server but not installed in the database. Like -Validate Real it changes the server, so it asks first (ConfirmImpact High: -Confirm:$false to proceed in a script) and -WhatIf creates nothing. Without it, nothing is installed and the heuristic model is used.'
        IncludeRejected      = 'Also returns the candidates that were not chosen, each with the reason (no benefit, write overhead, a statement would get slower, budget, already exists).'
        IncludeDropScript    = 'Turns unused indexes (0 scans over usage counters at least 7 days old) into DROP INDEX statements instead of Review items. Indexes that enforce something or serve a foreign key''s lookups are never dropped, with or without it.'
        FailOnRecommendation = 'Ends the script as throw does, with the error IndexRecommendationsFound (pwsh -File then exits 1), when any recommendation was made, after writing them: for pipelines that gate on missing or redundant indexes.'
    }
    Examples    = @(
        @{
            Title   = 'Advise a SQL Server workload against a design, without a server'
            Code    = 'New-DbDesign -Path ./shop.yaml -Engine sqlserver | Get-IndexRecommendation -Workload ./querystore-top.sql -MaxIndexes 5'
            Remarks = 'Each statement is parsed by ScriptDom and resolved against the design''s tables; the result is CREATE NONCLUSTERED INDEX ... WITH (ONLINE = ON) with INCLUDE and filters, Confidence Heuristic.'
        }
        @{
            Title   = 'Advise a design'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml | Get-IndexRecommendation -IncludeRejected'
            Remarks = 'Costs the access patterns of the design against its planned indexes, and lists what to add or drop and the candidates that lost.'
        }
        @{
            Title   = 'Advise a workload file against a live PostgreSQL database'
            Code    = 'Get-IndexRecommendation -ConnectionString "Host=db1;Database=shop;Username=advisor" -Workload ./workload.sql -MaxIndexes 5 -MaxSizeMB 500'
            Remarks = 'The server explains every statement; with HypoPG installed each figure is a what-if plan.'
        }
        @{
            Title   = 'Live mode in a pipeline, with scripts'
            Code    = @'
$advice = Get-IndexRecommendation -Server db1 -Database shop -Credential (Get-Credential) -Workload ./workload.sql
$advice | Where-Object Sql | Export-DbDesign -Path ./index-advice -Force
'@
            Remarks = 'Reads pg_stat_statements and writes one script per recommendation (CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY).'
        }
        @{
            Title   = 'Fail a build when the workload needs indexes'
            Code    = 'Get-IndexRecommendation -ConnectionString $cs -Workload ./queries/*.sql -FailOnRecommendation'
            Remarks = 'Writes the recommendations and then stops with the error IndexRecommendationsFound.'
        }
    )
    Notes       = 'HypoPG hypothetical indexes live only in the advisor''s session. CREATE INDEX CONCURRENTLY cannot run inside a transaction block: apply those scripts with autocommit on.'
    Links       = @('New-DbDesign', 'ConvertTo-DbSql', 'Export-DbDesign')
}
