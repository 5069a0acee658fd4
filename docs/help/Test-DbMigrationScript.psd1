@{
    Synopsis    = 'Lints migration scripts for statements that lock busy tables, rewrite them or lose data, and names the safe alternative.'
    Description = @'
Test-DbMigrationScript reads SQL migration files (or SqlScript objects and migration steps from the pipeline) and runs the lint rules of the engine over every statement. Each finding is a LintFinding with RuleId, Severity (Error, Warning, Information), File, Line and Column (1-based), Message (what the statement does to the table: the lock it takes, the rewrite or scan it causes, the data it deletes) and Fix (the statement or sequence to use instead).

PostgreSQL rules cover every rule of squawk (adding-field-with-default, adding-foreign-key-constraint, adding-not-nullable-field, adding-required-field, adding-serial-primary-key-field, ban-alter-domain-with-add-constraint, ban-char-field, ban-concurrent-index-creation-in-transaction, ban-create-domain-with-constraint, ban-drop-column, ban-drop-database, ban-drop-not-null, ban-drop-table, ban-truncate-cascade, ban-uncommitted-transaction, changing-column-type, constraint-missing-not-valid, disallowed-unique-constraint, identifier-too-long, prefer-bigint-over-int, prefer-bigint-over-smallint, prefer-identity, prefer-robust-stmts, prefer-text-field, prefer-timestamp-tz, renaming-column, renaming-table, require-concurrent-index-creation, require-concurrent-index-deletion, require-concurrent-partition-detach, require-concurrent-reindex, require-enum-value-ordering, require-lock-timeout, require-statement-timeout, transaction-nesting) and more: ban-vacuum-full, ban-cluster, ban-lock-table, ban-table-rewrite (SET TABLESPACE, SET LOGGED/UNLOGGED), ban-enum-add-value-in-transaction (before PostgreSQL 12), require-concurrent-refresh, ban-unbounded-dml.

MySQL and MariaDB: require-online-alter (ALGORITHM/LOCK), changing-column-type, adding-foreign-key-constraint, require-concurrent-index-creation, adding-primary-key, ban-table-rewrite (OPTIMIZE, FORCE, ENGINE=, CONVERT TO), ban-column-position, ban-drop-table, ban-drop-column, ban-drop-database, renaming-table, renaming-column, ban-truncate, ban-lock-table, ban-unbounded-dml, require-lock-timeout (lock_wait_timeout).

SQL Server (parsed with Microsoft's TSql160Parser): require-concurrent-index-creation (ONLINE = ON), constraint-missing-not-valid (WITH NOCHECK, then WITH CHECK CHECK CONSTRAINT), changing-column-type, adding-required-field, ban-drop-table, ban-drop-column, ban-drop-database, renaming-table and renaming-column (sp_rename), ban-truncate, ban-shrink, ban-unbounded-dml, require-lock-timeout (SET LOCK_TIMEOUT), sql-parse-error.

Every rule, with its severity, category, reason and safe alternative, is listed in docs/lint-rules.md. The same hazard has the same rule id on every engine.

Rules about existing tables know that a table created earlier in the same script is new and empty: creating its indexes or constraints is not a hazard. With -SameDeployment, tables created by earlier files of the same call count as new too (an initial build, or one release's files).

Silence a rule on the next statement with a comment that says why: -- dbarchitect-disable-next-line ban-drop-table -- retired in release 12. Use dbarchitect-disable-file for the whole file. squawk's squawk-ignore comments are honoured. A suppression without a reason is itself a finding (suppression-without-reason).

-OutputFormat and -OutputPath write the same JUnit, SARIF 2.1.0, Markdown or JSON report as Invoke-DbHealthCheck, atomically; -FailOn stops the pipeline with a terminating error (MigrationLintFailed) when a finding reaches the level, after the findings and the report are written.
'@
    Parameters  = @{
        Annotations          = 'Where CI annotations go: Auto (default: GitHub Actions commands when GITHUB_ACTIONS is set, Azure DevOps logging commands when TF_BUILD is set, none otherwise), None (the findings stay in the output and the report), GitHub or AzureDevOps (that system''s commands whatever the environment, e.g. on a self-hosted agent).'
        Path = 'Migration files to lint. Wildcards are allowed (./migrations/*.sql); files are read in the order given. Accepts the FullName of Get-ChildItem output from the pipeline.'
        InputObject = 'SqlScript objects (ConvertTo-DbSql), migration steps (New-DbMigrationScript) or anything else that carries scripts, FileInfo objects, or SQL text. Accepts pipeline input. SqlScript objects name their engine, so -Engine can be left out.'
        Engine = 'The engine whose rules to run: postgresql (default), mysql, mariadb or sqlserver. Press Tab to complete.'
        Rule = 'Run only these rule ids. Wildcards are allowed (ban-*). An id that matches no rule of the engine is an error (UnknownLintRule). Press Tab to complete.'
        ExcludeRule = 'Skip these rule ids. Wildcards are allowed (prefer-*). Press Tab to complete.'
        FailOn = 'End the script, as throw does, with the error MigrationLintFailed (pwsh -File then exits 1, whatever $ErrorActionPreference; try/catch catches it) when any finding reaches this level: Warning or Error (Info counts Information findings too; Critical is accepted for scripts shared with Invoke-DbHealthCheck). Suppressed and baselined findings never count.'
        OutputFormat = 'Also write a report file in this format: JUnit, Sarif, Markdown or Json (the writers Invoke-DbHealthCheck uses). When left out it is taken from the -OutputPath extension (.xml, .sarif, .md, .json).'
        OutputPath = 'The report file to write. It is written whole or not at all; an existing file is kept (MigrationLintReportExists) unless -Force is given.'
        Force = 'Replace an existing -OutputPath file.'
        Baseline = 'A baseline file: findings recorded in it (by rule, file and line) are accepted and neither output, reported nor counted by -FailOn, so a pipeline can be adopted on a folder of old migrations and gate only new findings.'
        UpdateBaseline = 'Write the findings of this run to -Baseline (replacing it) instead of filtering by it.'
        AssumeInTransaction = 'The migration tool runs each file inside a transaction (Flyway, Liquibase, Rails, Django): CREATE INDEX CONCURRENTLY and other statements that cannot run in a transaction become errors, and BEGIN/COMMIT in the file are nesting.'
        SameDeployment = 'The files are applied together, in order, in one deployment: a table created by an earlier file is new (empty, unused) to the later files too. Leave it off for a folder of historical migrations.'
        ServerVersion = 'The major version of the target server. PostgreSQL before 11 rewrites the table for any ADD COLUMN … DEFAULT; before 12 ALTER TYPE … ADD VALUE fails in a transaction. Defaults to the newest behaviour.'
        IncludeSuppressed = 'Also output the findings silenced by suppression comments, with Suppressed = $true and the SuppressionReason.'
    }
    Examples    = @(
        @{
            Title   = 'Lint a folder of migrations'
            Code    = 'Test-DbMigrationScript -Path ./migrations/*.sql'
            Remarks = 'One row per finding: severity, rule, file:line:column and the reason. Format-List shows the Fix of each.'
        }
        @{
            Title   = 'Gate a pull request and publish SARIF'
            Code    = 'Test-DbMigrationScript -Path ./migrations/V42__*.sql -AssumeInTransaction -OutputFormat Sarif -OutputPath ./lint.sarif -Force -FailOn Error'
            Remarks = 'Writes lint.sarif for code scanning, then fails the step if any finding is an Error.'
        }
        @{
            Title   = 'Lint the scripts the module generates'
            Code    = 'New-DbDesign -Path ./examples/requirements/ecommerce.yaml | ConvertTo-DbSql | Where-Object IsBuildStep | Test-DbMigrationScript -SameDeployment'
            Remarks = 'The build scripts create a new schema, so only the type rules speak (about types the requirements chose).'
        }
        @{
            Title   = 'Accept the findings of old migrations, gate new ones'
            Code    = @'
Test-DbMigrationScript -Path ./migrations/*.sql -Baseline ./lint-baseline.json -UpdateBaseline
Test-DbMigrationScript -Path ./migrations/*.sql -Baseline ./lint-baseline.json -FailOn Warning
'@
            Remarks = 'The first line records today''s findings; from then on only findings the baseline does not hold are reported and fail the build.'
        }
        @{
            Title   = 'MySQL with some rules only'
            Code    = 'Test-DbMigrationScript -Path ./db/*.sql -Engine mysql -Rule require-online-alter, changing-column-type'
            Remarks = 'Runs two MySQL rules.'
        }
    )
    Notes       = 'Rules are documented in docs/lint-rules.md. The PostgreSQL rules are checked against squawk on the corpus in tests/fixtures/migrations: they find at least every (file, line) squawk finds.'
    Links       = @('ConvertTo-DbSql')
}
