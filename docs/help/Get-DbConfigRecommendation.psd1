@{
    Synopsis    = 'Recommends server settings for hardware and a workload: PGTune''s values plus what PGTune does not ask.'
    Description = @'
Get-DbConfigRecommendation returns one ConfigSetting row per server setting (Name, Value, Unit, Source, Reason, RequiresRestart). Source "PgTune" marks the value PGTune (pgtune.leopard.in.ua) gives for the same inputs: PostgreSQL 15 on Linux, the memory, CPUs, connections, storage and workload type (web, oltp, dw, mixed, desktop). Source "Derived" marks what PGTune does not ask about: max_connections from concurrent users through a connection pooler, work_mem from the statements really running at once (TPS x latency), autovacuum scaled to the write rate, slow-query logging and timeouts from the latency target, lock-wait and I/O timing, and pg_stat_statements.

Give the hardware directly (-MemoryGb, -Cpus, -Storage, -Workload, -MaxConnections), or pipe a requirement or design: its hardware and workload are used, the workload type comes from application.kind (oltp to oltp, analytics and time-series to dw, mixed and graph to mixed, document and key-value to web), and any parameter you give overrides it. A design's high-write tables also get per-table autovacuum thresholds (see Export-DbDesign's config/table_autovacuum.sql).

With -ConnectionString (SQL Server) the live server's hardware is the input and its current settings are shown beside the advice.

-AsConfigFile returns the postgresql.conf snippet and -AsAlterSystem the ALTER SYSTEM script instead of the rows.
'@
    Parameters  = @{
        Requirement    = 'A DbRequirement from Import-DbRequirement; its hardware and workload are the inputs. Accepts pipeline input.'
        Design         = 'A DbDesign from New-DbDesign; its requirement, tables and engine are the inputs. Accepts pipeline input.'
        ConnectionString = 'A live server (with -Engine sqlserver): its memory and logical CPUs (sys.dm_os_sys_info) are the input, and each setting''s value in use (sys.configurations) is added to its reason. -MemoryGb, -Cpus, -Storage and -Workload still override.'
        Server           = 'A live server instead of -ConnectionString (host, host,port or host:port; many names, piped strings or objects with Server, Port, Database and Engine properties are swept in parallel).'
        Port             = 'TCP port of the live server; the engine''s default when not given.'
        Database         = 'The database to connect to on the live server.'
        Credential       = 'User name and password for the live server; the password is never shown.'
        Engine         = 'The database engine to configure (tab completion lists the known engines). Default: postgresql, or the design''s engine.'
        MemoryGb       = 'Total RAM of the server in GB (PGTune''s "Total Memory"). Required without -Requirement or -Design; overrides hardware.memoryGb otherwise.'
        Cpus           = 'CPU cores of the server. Sizes the parallel workers and, with many users, the connection pool. Overrides hardware.cpus.'
        Storage        = 'Data storage: ssd (default), hdd, or network (also san). Sets random_page_cost and effective_io_concurrency. Overrides hardware.storage.'
        Workload       = 'PGTune''s workload type: web (default without a requirement), oltp, dw, mixed or desktop. Tab completion lists them. Overrides the type mapped from application.kind.'
        MaxConnections = 'An explicit max_connections (PGTune''s "Connections num"). Without it, connections are derived from workload.concurrentUsers, else PGTune''s default for the workload type.'
        AsConfigFile   = 'Return the postgresql.conf snippet as one string instead of the setting rows.'
        AsAlterSystem  = 'Return the ALTER SYSTEM script as one string instead of the setting rows. Run it with psql as a superuser, outside a transaction.'
    }
    Examples    = @(
        @{
            Title   = 'Settings for a server, as PGTune computes them'
            Code    = 'Get-DbConfigRecommendation -MemoryGb 64 -Cpus 16 -Storage ssd -Workload oltp'
            Remarks = 'Lists shared_buffers = 16GB, work_mem = 13981kB and the other PGTune values for this server, plus the derived logging settings, each with its reason.'
        }
        @{
            Title   = 'From a requirements file'
            Code    = 'Import-DbRequirement ./examples/requirements/ecommerce.yaml | Get-DbConfigRecommendation | Where-Object Source -eq Derived'
            Remarks = 'Shows what the requirement adds to PGTune: max_connections for 5,000 users through a pooler, autovacuum for its write rate, slow-query logging at twice the 50 ms target.'
        }
        @{
            Title   = 'Write the ALTER SYSTEM script'
            Code    = 'Get-DbConfigRecommendation -MemoryGb 8 -Cpus 4 -Workload web -AsAlterSystem | Set-Content ./alter_system.sql'
            Remarks = 'Saves the statements; apply them with psql -f ./alter_system.sql and restart for the settings whose RequiresRestart is true.'
        }
        @{
            Title   = 'Settings that need a restart'
            Code    = 'New-DbDesign -Path ./examples/requirements/iot-telemetry.yaml | Get-DbConfigRecommendation | Where-Object RequiresRestart'
            Remarks = 'Lists shared_buffers, max_connections, autovacuum_max_workers and the other settings read only at server start.'
        }
    )
    Notes       = 'The values agree with PGTune for the same inputs; bench/README.md ("PGTune agreement") lists the reference combinations and how to check them.'
    Links       = @('Import-DbRequirement', 'New-DbDesign', 'Export-DbDesign')
}
