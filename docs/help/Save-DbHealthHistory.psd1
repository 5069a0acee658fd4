@{
    Synopsis    = 'Keeps health-check results: writes each run of Invoke-DbHealthCheck to a history table in a PostgreSQL database, so a team sees trends and regressions across runs.'
    Description = @'
Save-DbHealthHistory takes the results Invoke-DbHealthCheck emits (or any objects with the same properties) from the pipeline and writes them, as one run, to the health history in a PostgreSQL database. The tables (schema dbarchitect_history: health_run and health_result, documented in docs/health-history.md) are created on first use, under an advisory lock, so parallel runners that write their first run together cannot collide; a login with only SELECT and INSERT/UPDATE rights on existing tables can write too.

Each result is stored with the run id, the time it was recorded (UTC), where it came from (its Server, Port, Database and Engine properties, read by name; a result without them is stored with NULL there and reported as "(server not recorded)", with one warning), the check id, the severity (the result's Status), the target object, the message, the evidence as jsonb and the module version.

A run is named by -RunId, else by the CI system: github:<GITHUB_RUN_ID> on GitHub Actions, azure:<BUILD_BUILDID> on Azure DevOps, so every shard of a matrix or parallel job writes into the same run and the shards merge (the run keeps the earliest start and counts the writes). Outside CI each call is a new run (local:<UTC time>-<random>). A result written again for the same run, check, target and database (a re-run job) replaces its row; everything else is added.

Every value travels as a statement parameter; the whole write is one transaction. -WhatIf connects to nothing and writes nothing; the history database's password never appears in any message, error or output. Get-DbHealthTrend reads the history back.
'@
    Parameters  = @{
        InputObject      = 'A health-check result (Invoke-DbHealthCheck''s HealthCheckResult, or an object with CheckId, Status, Target, Message, Evidence and ideally Server, Port, Database, Engine). Takes pipeline input.'
        ConnectionString = 'The Npgsql connection string of the PostgreSQL history database (Host=…;Database=…;Username=…;Password=…). Its password is never shown.'
        RunId            = 'The run these results belong to (at most 200 characters). Shards of one pipeline run pass the same id. Default: github:<GITHUB_RUN_ID>, azure:<BUILD_BUILDID>, or a new local id.'
        RunLabel         = 'A label for the run, shown in the trend report (nightly, release-42). The first label given to a run stays.'
        PassThru         = 'Output the results that came in, instead of the summary of the write, so the command can sit in the middle of a pipeline.'
    }
    Examples    = @(
        @{
            Title   = 'Keep tonight''s health check'
            Code    = 'Invoke-DbHealthCheck -ConnectionString $env:DB | Save-DbHealthHistory -ConnectionString $env:HISTORY_DB -RunLabel nightly'
            Remarks = 'Writes every result (Pass rows too: they prove which checks ran) as a new run and returns RunId, Results, Targets and whether the tables were created.'
        }
        @{
            Title   = 'Two shards of one run, then only the failing rows'
            Code    = @'
$run = 'release-' + (Get-Date -Format 'yyyyMMddHHmm')
Invoke-DbHealthCheck -ConnectionString $env:DB -Check *INDEX* | Save-DbHealthHistory $env:HISTORY_DB -RunId $run
Invoke-DbHealthCheck -ConnectionString $env:DB -ExcludeCheck *INDEX* | Save-DbHealthHistory $env:HISTORY_DB -RunId $run -PassThru | Where-Object Status -ne 'Pass'
'@
            Remarks = 'Each runner of a pipeline saves its part under the same run id (on GitHub Actions and Azure DevOps the default id already is the same on every job); the history holds one run with both parts. -PassThru passes the results on.'
        }
        @{
            Title   = 'See what would be written'
            Code    = 'Invoke-DbHealthCheck -ConnectionString $env:DB -Check TABLE_WITHOUT_PK | Save-DbHealthHistory $env:HISTORY_DB -WhatIf'
            Remarks = 'Prints the history database (without its password) and the number of results; connects to nothing and writes nothing.'
        }
        @{
            Title   = 'Keep the run that fails the gate'
            Code    = 'try { Invoke-DbHealthCheck -ConnectionString $env:DB -FailOn Warning -OutVariable results } finally { $results | Save-DbHealthHistory $env:HISTORY_DB -RunLabel gate }'
            Remarks = '-FailOn ends the pipeline before a downstream Save-DbHealthHistory would write; -OutVariable keeps the results and finally saves them whether the gate passes or fails.'
        }
    )
    Notes       = 'docs/health-history.md documents the tables, their columns and indexes, with example queries. Invoke-DbHealthCheck -FailOn ends the pipeline before this cmdlet writes: collect with -OutVariable and save in finally (example 4).'
    Links       = @('Get-DbHealthTrend', 'Invoke-DbHealthCheck')
}
