@{
    Synopsis    = 'Turns schema differences into an ordered, zero-downtime migration.'
    Description = @'
New-DbMigrationScript takes the SchemaDifference rows of Compare-DbSchema and returns a MigrationPlan: ordered MigrationStep objects, each with its SQL, the lock it takes, whether it may share a transaction, its rollback SQL, its risk and the reason it is written that way.

Steps follow expand/contract: new tables, columns and indexes first; then backfills; then constraints are tightened; then old objects are removed. On PostgreSQL every step that takes a strong lock runs in its own short transaction with lock_timeout and retries; indexes are built CONCURRENTLY outside transactions; foreign keys and checks are added NOT VALID and validated afterwards; a new NOT NULL column with a volatile default is added nullable, backfilled in committed keyset batches (resumable) and then made NOT NULL through a validated check; a type change that would rewrite the table goes through a new column kept in step by a trigger. On MySQL and MariaDB steps name ALGORITHM=INSTANT or INPLACE with LOCK=NONE, so the server refuses rather than blocks.

Steps that can lose data (drop table or column, narrowing type) are refused unless -AllowDataLoss, and then run last, each in a file of its own. The plan writes Flyway-style files V<version>_<n>__<description>.sql, a new file wherever the transaction mode changes, with undo/U… files for the rollbacks: pipe it to Export-DbDesign -Path or ConvertTo-DbSql.
'@
    Parameters  = @{
        InputObject        = 'The differences to migrate, from Compare-DbSchema. Accepts pipeline input.'
        AllowDataLoss      = 'Allow steps that can lose data; they run last, each in a file of its own.'
        Engine             = 'The engine to write for; default the engine of the compared schemas.'
        Version            = 'The Flyway version of the files (V<Version>_1__...). Default 2.'
        LockTimeoutSeconds = 'Longest wait for a strong lock per attempt, in seconds (default 2); writers queue behind a waiting DDL at most this long.'
        BatchSize          = 'Rows per backfill batch (default 1000); each batch commits on its own.'
        Backfill           = 'Values for new NOT NULL columns without a default: @{ ''table.column'' = ''SQL expression over the row'' }.'
    }
    Examples    = @(
        @{
            Title   = 'Migrate a live database to the new design'
            Code    = @'
New-DbDesign -Path ./shop-v2.yaml | Compare-DbSchema -ConnectionString $env:SHOP_DB |
    New-DbMigrationScript | Export-DbDesign -Path ./migrations/v2
'@
            Remarks = 'Writes V2_1__...sql, V2_2__...sql and their undo files; apply them in order with psql -v ON_ERROR_STOP=1 -f.'
        }
        @{
            Title   = 'Review the steps'
            Code    = '$v1 = New-DbDesign -Path ./v1.yaml; $v2 = New-DbDesign -Path ./v2.yaml; (Compare-DbSchema $v1 $v2 -RenameMap @{ ''customer.full_name'' = ''display_name'' } | New-DbMigrationScript).Steps | Format-Table Order, Phase, Table, Description, Lock, Risk'
            Remarks = 'Shows each step with the lock it takes and its risk.'
        }
        @{
            Title   = 'Allow a drop'
            Code    = 'Compare-DbSchema (New-DbDesign -Path ./v1.yaml) (New-DbDesign -Path ./v2.yaml) | New-DbMigrationScript -AllowDataLoss | ConvertTo-DbSql'
            Remarks = 'Drops removed columns and tables in the last files, after everything else.'
        }
    )
    Links       = @('Compare-DbSchema', 'Import-DbSchema', 'Export-DbDesign', 'ConvertTo-DbSql')
}
