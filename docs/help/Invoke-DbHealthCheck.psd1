@{
    Synopsis    = 'Checks a live database for what PgHero, check_postgres, sp_Blitz and MySQLTuner find, and what they miss: one result per check and target.'
    Description = @'
Invoke-DbHealthCheck connects read-only (short statement and lock timeouts) and runs every health check of the engine: PostgreSQL (46 checks), MariaDB/MySQL, SQLite and SQL Server (28 checks; on Azure SQL Database what the service manages itself, backups, CHECKDB, Agent jobs, server memory, MAXDOP, tempdb and TDE certificates, is Skipped with the reason). Each check reads the catalogs set-wise (one query per check, never one per table), so a database of 10,000 tables is checked in seconds.

Every check emits HealthCheckResult rows: CheckId (stable; all are documented in docs/health-checks.md), Category, Status (Pass, Info, Warning, Critical, Skipped, Error), Priority, Engine, Database, Target, Measured, Threshold, Message, Recommendation, FixSql where a safe fix exists, Evidence (the figures the finding came from) and Duration. A check that finds nothing emits one Pass row, so a pipeline proves coverage; -FailOnly hides Pass rows. A check the server cannot run (version, privilege, missing extension) is Skipped with the reason; a check that fails is an Error row with the reason; neither stops the run.

Thresholds are overridable per check, per database or per object: -Threshold @{ DEAD_TUPLES = 10; 'UNUSED_INDEX@shop:public.big_idx' = @{ Warning = 500 } } or a settings file (-SettingsPath, JSON with "thresholds" and "exclusions"). Exclusions carry a reason and turn a finding into a Skipped row that shows the reason.

For pipelines: -OutputFormat JUnit|Sarif|Markdown|Json with -OutputPath writes a report (atomically; an existing file is replaced only with -Force); -Baseline reports only findings not in the baseline file (-UpdateBaseline writes it); under GitHub Actions (GITHUB_ACTIONS) and Azure DevOps (TF_BUILD) findings are also written as annotations (-Annotations None|GitHub|AzureDevOps|Auto chooses); -FailOn Warning|Critical ends with a terminating error that summarises the counts. Credentials never appear in any output.
'@
    Parameters  = @{
        Annotations          = 'Where CI annotations go: Auto (default: GitHub Actions commands when GITHUB_ACTIONS is set, Azure DevOps logging commands when TF_BUILD is set, none otherwise), None (the findings stay in the output and the report), GitHub or AzureDevOps (that system''s commands whatever the environment, e.g. on a self-hosted agent).'
        ConnectionString     = 'The driver connection string of the database to check (Host=…;Database=…;Username=…;Password=… for PostgreSQL). Its password is never shown. Takes many, and piped objects with a ConnectionString property.'
        Server               = 'The server host name (or the SQLite file path) when not using -ConnectionString. Takes many names (-Server db1, db2, ''db3,5433''; host,port as SQL Server writes it, or host:port), piped strings, or piped objects with Server, Port, Database and Engine properties (Import-Csv output); they are swept in parallel (-ThrottleLimit).'
        Port                 = 'The server port; the engine''s default when not given.'
        Database             = 'The database to check.'
        Credential           = 'The login, as a PSCredential.'
        Engine               = 'postgresql (default), mariadb, mysql, sqlite or sqlserver. Tab completion lists the engines that can be reached live.'
        Check                = 'Only these check ids (wildcards allowed, e.g. *INDEX*). Tab completion lists the engine''s check ids.'
        ExcludeCheck         = 'Check ids (wildcards allowed) not to run. Tab completion lists the engine''s check ids.'
        Threshold            = 'Threshold overrides: keys CHECK_ID, CHECK_ID@database, CHECK_ID:target or CHECK_ID@database:target (target wildcards allowed); values a number (the warning level) or @{ Warning = …; Critical = … }. Win over the settings file.'
        SettingsPath         = 'A JSON settings file with "thresholds" (keys as for -Threshold) and "exclusions" (check, database, target, reason; the reason is required).'
        FailOnly             = 'Do not output Pass rows (reports still contain them).'
        FailOn               = 'Warning, Critical or Info: after the run, end the script as throw does with the error HealthCheckFailed (pwsh -File then exits 1, whatever $ErrorActionPreference; try/catch catches it) when any finding is at or above this level; the message summarises the counts. A check that could not run (Error row) counts above Warning, so -FailOn Warning also catches a broken check.'
        OutputFormat         = 'JUnit, Sarif, Markdown or Json: the report written to -OutputPath. Taken from the extension (.xml, .sarif, .md, .json) when not given.'
        OutputPath           = 'The report file. Written all-or-nothing; an existing file is replaced only with -Force.'
        Force                = 'Replace an existing -OutputPath file.'
        Baseline             = 'A baseline file of finding fingerprints: findings it holds are left out, so only new problems are reported.'
        UpdateBaseline       = 'Write the findings of this run to the -Baseline file instead of filtering by it.'
        Deep                 = 'Also run the expensive integrity checks (amcheck''s bt_index_check on PostgreSQL), within -DeepBudgetSeconds.'
        DeepBudgetSeconds    = 'Time budget of the -Deep pass in seconds (default 60); indexes left unchecked are named in its row.'
        AllowExtensionCreate = 'Let checks create the extension they need (amcheck with -Deep). Creating it goes through ShouldProcess: -WhatIf creates nothing (the session stays read-only) and -Confirm asks. Without it nothing is ever created and such checks are Skipped with the reason.'
    }
    Examples    = @(
        @{
            Title   = 'Morning check of a PostgreSQL database'
            Code    = 'Invoke-DbHealthCheck -Server db1 -Database shop -Credential (Get-Credential) -FailOnly'
            Remarks = 'Lists every finding grouped by status, worst first: Critical, Warning, Info, Skipped rows with their reasons.'
        }
        @{
            Title   = 'Gate a deploy in a pipeline'
            Code    = 'Invoke-DbHealthCheck -ConnectionString $env:DB -OutputPath health.xml -Baseline health-baseline.json -FailOn Warning'
            Remarks = 'Writes a JUnit report with one test case per check and target, reports only findings not in the baseline, and fails the job with a count summary when a new Warning or Critical appears.'
        }
        @{
            Title   = 'Tune thresholds and accept a known finding'
            Code    = 'Invoke-DbHealthCheck -ConnectionString $cs -Threshold @{ DEAD_TUPLES = 10; ''UNUSED_INDEX:public.report_*'' = @{ Warning = 500 } } -SettingsPath ./health.json'
            Remarks = 'health.json can hold { "exclusions": [ { "check": "TABLE_WITHOUT_PK", "target": "public.audit_log", "reason": "append-only log" } ] }; the excluded row shows as Skipped with that reason.'
        }
        @{
            Title   = 'Only the index checks, as SARIF for code scanning'
            Code    = 'Invoke-DbHealthCheck -ConnectionString $cs -Check *INDEX* -OutputFormat Sarif -OutputPath health.sarif -Force'
            Remarks = 'Runs FK_WITHOUT_INDEX, DUPLICATE_INDEX, REDUNDANT_INDEX, UNUSED_INDEX, INVALID_INDEX and INDEX_BLOAT and writes SARIF 2.1.0 with rule ids and levels.'
        }
    )
    Notes       = 'Every CheckId, its engines, default threshold and reasoning are listed in docs/health-checks.md. bench/README.md ("Health check on 10,000 tables") has the speed measurement.'
    Links       = @('Get-DbConfigRecommendation', 'Export-DbDesign')
}
