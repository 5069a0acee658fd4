@{
    Synopsis    = 'Plans the partitioning of a table and writes its scripts: create or convert, premake, maintenance, retention, scheduling and alerting.'
    Description = @'
New-PartitionScript returns a PartitionScript: the plan (strategy, key, interval, boundaries, premake, retention, the changes to keys and foreign keys the engine requires, the sizing arithmetic, reasons and warnings) and its steps, one SQL file each, in the order they run. Every step can be run on its own and run again.

Pass a design from New-DbDesign to plan a design table (-Table; without it, every table the design partitions), or name an existing table with -Table and -Column and the connection parameters: the live definition, size and key range are read, and the steps convert the populated table online (PostgreSQL: partitioned copy, sync trigger, resumable batched copy, count and checksum verification, short-lock swap by renaming, verified drop of the old table, rollback script; SQL Server: in place, the clustered primary key and the indexes rebuilt online on the partition scheme, the foreign keys that reference the table dropped and re-added WITH CHECK around it, a staging table for SWITCH).

Without -Interval the interval is sized from the forecast (or the live table): the longest calendar interval whose partition stays inside the target band, keeps at least twelve partitions inside the retention and stays under the engine's partition limit (MySQL/MariaDB 8,192, SQL Server 15,000). Every primary key and unique constraint must contain the partition key on PostgreSQL and MySQL: the plan adds it to a generated primary key. On PostgreSQL every other uniqueness (a natural primary key, a unique constraint, a unique index on an expression or with a predicate) stays enforced across all partitions through an unpartitioned lookup table with the same unique index, written by a trigger in the same transaction (one more row and index entry per write; maintenance frees the keys of expired partitions); on MySQL the plan drops such a key and says how to keep it. A design's partitioning (its -Retention default) expires only event tables: a table other tables reference never gets the design's retention. MySQL and MariaDB partitioned tables cannot have foreign keys: the plan drops them and adds an orphan check.

The output pipes to ConvertTo-DbSql (SqlScript objects) and Export-DbDesign -InputObject (files under partitioning/<table>/).
'@
    Parameters  = @{
        Design           = 'The DbDesign from New-DbDesign whose table is planned. Accepts pipeline input.'
        Table            = 'With a design: the table to plan (every table the design partitions when omitted). With a connection: the existing table, as table or schema.table.'
        Column           = 'The partition key. Defaults to the design table''s created-at column.'
        Strategy         = 'Range (default), List or Hash.'
        Interval         = 'Day, Week, Month, Quarter or Year for a time key, or a whole number: the width of each range of an integer key. Sized from the forecast when omitted.'
        Start            = 'Lower bound of the first partition the script creates explicitly. Without it, partitions are created when the script runs, for the current period and the premake window.'
        Premake          = 'Partitions kept ready ahead of the current one (default 4).'
        Retention        = 'How long rows are kept: 90d, 26w, 12m, 5y. Partitions whose upper bound is older are detached and dropped. Defaults to the design''s retention.'
        Mode             = 'Native (the engine''s DDL and a maintenance routine), PgPartman (pg_partman on PostgreSQL; an existing table becomes a partitioned copy under pg_partman, filled by the online copy and partition_data_proc, verified, then swapped in by renaming) or TimescaleDb (a hypertable on PostgreSQL with TimescaleDB).'
        PartmanVersion   = 'The pg_partman major version (4 or 5) whose create_parent signature is used. With a connection, the installed extension''s version; otherwise 5.'
        HashPartitions   = 'Number of hash partitions. Sized from the forecast when omitted (at least 4, a power of two).'
        Values           = 'The values of a list plan, one partition each. Defaults to the members of an enum column.'
        MemoryGB         = 'Server memory for the TimescaleDB chunk interval. Defaults to the design''s hardware.memoryGb.'
        ConnectionString = 'Connection string of the live database holding the existing table. The password is never echoed. Takes many, and piped objects with a ConnectionString property.'
        Server           = 'Host of the live database (instead of -ConnectionString). Takes many names (-Server db1, db2, ''db3,5433''; host,port as SQL Server writes it, or host:port), piped strings, or piped objects with Server, Port, Database and Engine properties (Import-Csv output); they are swept in parallel (-ThrottleLimit).'
        Port             = 'Port of the live database.'
        Database         = 'Database name of the live database.'
        Credential       = 'User and password for the live database.'
        Engine           = 'The engine: with a connection, the live server''s engine (default postgresql); with a design, the engine to re-design for.'
    }
    Examples    = @(
        @{
            Title   = 'Partition the tables a design chose to partition'
            Code    = 'New-DbDesign -Path ./examples/requirements/iot-telemetry.yaml | New-PartitionScript | Format-List Table, Interval, Sizing'
            Remarks = 'One PartitionScript per large table, with the sizing arithmetic that chose its interval.'
        }
        @{
            Title   = 'Monthly partitions with pg_partman 4.x, exported as files'
            Code    = 'New-DbDesign -Path ./examples/requirements/saas-projects.yaml | New-PartitionScript -Table task -Interval Month -Mode PgPartman -PartmanVersion 4 | Export-DbDesign -Path ./out'
            Remarks = 'Writes partitioning/task/01-parent.sql, 02-partman.sql, the pg_cron schedule and the DEFAULT alert query.'
        }
        @{
            Title   = 'Convert an existing table online'
            Code    = 'New-PartitionScript -ConnectionString $cs -Table public.orders -Column created_at -Interval Month -Retention 2y | ConvertTo-DbSql'
            Remarks = 'Reads the live table and writes the conversion steps: create-partitioned, sync-trigger, copy, verify, swap, schedule, alert, drop-old and rollback.'
        }
        @{
            Title   = 'MariaDB range plan'
            Code    = 'New-DbDesign -Path ./examples/requirements/iot-telemetry.yaml -Engine mariadb | New-PartitionScript -Table reading'
            Remarks = 'RANGE COLUMNS partitions with a maintenance procedure and event; the foreign keys it drops are listed with what replaces them.'
        }
    )
    Notes       = 'Step files can be re-run. pg_cron schedules are created from the postgres database (cron.schedule_in_database). SQL Server output is proven with Microsoft''s T-SQL parser; Oracle and TimescaleDB output is checked as text.'
    Links       = @('New-DbDesign', 'ConvertTo-DbSql', 'Export-DbDesign', 'Get-DbCapacityForecast')
}
