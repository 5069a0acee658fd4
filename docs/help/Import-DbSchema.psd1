@{
    Synopsis    = 'Reads the schema of a live database into SchemaModel objects.'
    Description = @'
Import-DbSchema reads the catalog of a live PostgreSQL, MySQL, MariaDB or SQLite database into the same engine-neutral SchemaModel that New-DbDesign builds: tables, columns with their native and logical types, defaults, identity, primary, unique and foreign keys, checks, indexes (method, key expressions, partial predicate, included columns), partition keys, comments, sequences, view names and row-level security policies. It returns one SchemaModel per schema (per database on MySQL and MariaDB).

The catalog is read with one query per kind of object, never one per table, so databases with thousands of tables import in seconds. The session is read-only, with a statement timeout; the password never appears in output, verbose messages or errors.

Compare the result with a design (Compare-DbSchema), draw it (Get-DbErDiagram -Schema) or keep it as a snapshot (ConvertTo-Json).
'@
    Parameters  = @{
        ConnectionString = 'A connection string for the engine''s driver (Npgsql, MySqlConnector, Microsoft.Data.Sqlite). Accepts pipeline input by property name. Takes many, and piped objects with a ConnectionString property.'
        Server           = 'Host name or address of the server; for SQLite the database file. Use with -Database and -Credential instead of -ConnectionString. Takes many names (-Server db1, db2, ''db3,5433''; host,port as SQL Server writes it, or host:port), piped strings, or piped objects with Server, Port, Database and Engine properties (Import-Csv output); they are swept in parallel (-ThrottleLimit).'
        Port             = 'TCP port; default the engine''s port (5432 PostgreSQL, 3306 MySQL/MariaDB).'
        Database         = 'The database to connect to.'
        Credential       = 'User name and password. The password goes straight to the driver and is never shown.'
        Engine           = 'The engine of the server: postgresql (default), mysql, mariadb, sqlite or sqlserver (SQL Server and Azure SQL Database).'
        Schema           = 'Schemas (databases on MySQL/MariaDB) to read; wildcards allowed. Default: every user schema that has tables (on MySQL/MariaDB the connection''s database).'
        Table            = 'Tables to read; wildcards allowed. Default: every table.'
    }
    Examples    = @(
        @{
            Title   = 'Import a PostgreSQL schema'
            Code    = '$shop = Import-DbSchema -Server db1 -Database shop -Credential (Get-Credential) -Schema shop_fast'
            Remarks = 'Reads every table of schema shop_fast; $shop.Tables lists them with columns, keys and indexes.'
        }
        @{
            Title   = 'Import some tables of a MariaDB database'
            Code    = 'Import-DbSchema -Engine mariadb -ConnectionString $env:SHOP_DB -Table order*, customer'
            Remarks = 'Reads the tables whose names start with order, and customer, of the connection''s database.'
        }
        @{
            Title   = 'Check that production matches the design'
            Code    = 'Compare-DbSchema -Reference (Import-DbSchema -ConnectionString $env:PROD_DB -Schema shop_fast) -Difference (New-DbDesign -Path ./shop.yaml)'
            Remarks = 'Lists every difference between the live schema and the design; no output means they match.'
        }
    )
    Notes       = 'SQL Server is read from its sys.* catalog views through Microsoft.Data.SqlClient (computed columns, identity, filtered, included and columnstore indexes, partition schemes, MS_Description comments, sequences, views, temporal and memory-optimized tables); Oracle has no live driver in the module.'
    Links       = @('Compare-DbSchema', 'New-DbMigrationScript', 'Get-DbErDiagram')
}
