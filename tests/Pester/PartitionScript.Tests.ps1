# New-PartitionScript as a user meets it: design input, sizing, steps that pipe to ConvertTo-DbSql and
# Export-DbDesign, pg_partman versions, errors with ids, the table view and tab completion.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:IotYaml = Join-Path $RepoRoot 'examples/requirements/iot-telemetry.yaml'
    $script:Iot = New-DbDesign -Path $IotYaml
}

Describe 'New-PartitionScript' {
    It 'plans every table the design partitions, each with its sizing arithmetic' {
        $scripts = @($Iot | New-PartitionScript -WarningAction SilentlyContinue)
        $scripts.Count | Should -BeGreaterThan 0
        $scripts[0].GetType().FullName | Should -Be 'DbArchitect.Core.Partitioning.PartitionScript'
        $reading = $scripts | Where-Object Table -eq 'reading'
        $reading.Strategy.ToString() | Should -Be 'Range'
        $reading.Key | Should -Be 'recordedAt'
        $reading.Sizing | Should -Match 'rows/day'
        $reading.Sizing | Should -Match 'per partition'
        $reading.Retention | Should -Be '90d'
    }

    It 'writes steps that pipe to ConvertTo-DbSql as numbered files under partitioning/alert' {
        $script = $Iot | New-PartitionScript -Table alert -Interval Month -Premake 2
        ($script.Steps | ForEach-Object Name) | Should -Be @('parent', 'foreign-keys', 'maintenance', 'schedule', 'alert-default-rows')
        $sql = @($script | ConvertTo-DbSql)
        $sql[0].RelativePath | Should -Be 'partitioning/alert/01-parent.sql'
        $sql[0].Text | Should -Match 'PARTITION BY RANGE \("createdAt"\)'
        ($sql | Where-Object RelativePath -like '*maintenance.sql').Text | Should -Match 'DETACH PARTITION'
    }

    It 'exports the steps with Export-DbDesign and honours -WhatIf' {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('partition-' + [guid]::NewGuid().ToString('n'))
        try {
            $script = $Iot | New-PartitionScript -Table alert -Interval Week
            $script | Export-DbDesign -Path $folder -WhatIf
            Test-Path $folder | Should -BeFalse
            $script | Export-DbDesign -Path $folder
            Test-Path (Join-Path $folder 'partitioning/alert/01-parent.sql') | Should -BeTrue
        }
        finally {
            Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'writes create_parent for pg_partman 4.x and 5.x with their own arguments' {
        $v4 = ($Iot | New-PartitionScript -Table alert -Interval Month -Mode PgPartman -PartmanVersion 4 | ConvertTo-DbSql | Where-Object RelativePath -like '*partman.sql').Text
        $v5 = ($Iot | New-PartitionScript -Table alert -Interval Month -Mode PgPartman -PartmanVersion 5 | ConvertTo-DbSql | Where-Object RelativePath -like '*partman.sql').Text
        $v4 | Should -Match "p_type => 'native'"
        $v4 | Should -Match "p_interval => 'monthly'"
        $v5 | Should -Match "p_type => 'range'"
        $v5 | Should -Match "p_interval => '1 month'"
    }

    It 'plans MariaDB with the foreign keys it drops and SQL Server with a partition function' {
        $maria = New-DbDesign -Path $IotYaml -Engine mariadb | New-PartitionScript -Table alert -Interval Month -WarningAction SilentlyContinue
        @($maria.Plan.ConstraintChanges | Where-Object Change -match 'foreign key').Count | Should -BeGreaterThan 0
        $sqlServer = $Iot | New-PartitionScript -Table alert -Interval Month -Engine sqlserver -WarningAction SilentlyContinue
        ($sqlServer | ConvertTo-DbSql)[0].Text | Should -Match 'CREATE PARTITION FUNCTION'
    }

    It 'reports a bad interval and an unknown column with their error ids' {
        $Iot | New-PartitionScript -Table alert -Interval Fortnight -ErrorVariable bad -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $bad[0].FullyQualifiedErrorId | Should -Match '^PartitionIntervalInvalid'
        $Iot | New-PartitionScript -Table alert -Column nope -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -Match '^PartitionKeyNotFound'
    }

    It 'completes -Mode with the modes of the chosen engine and refuses one the engine lacks' {
        $line = 'New-PartitionScript -Engine mariadb -Mode '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Native')
        $line = 'New-PartitionScript -Mode '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Native', 'PgPartman', 'TimescaleDb')
        $Iot | New-PartitionScript -Table alert -Engine mariadb -Mode pgpartman -ErrorVariable lacking -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $lacking[0].FullyQualifiedErrorId | Should -Match '^PartitionModeNotSupported'
        $lacking[0].Exception.Message | Should -Match 'Mode PgPartman is not available on mariadb'
        $Iot | New-PartitionScript -Table alert -Mode Sideways -ErrorVariable unknown -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $unknown[0].FullyQualifiedErrorId | Should -Match '^PartitionModeNotSupported'
    }

    It 'shows a table view and completes -Interval' {
        $text = $Iot | New-PartitionScript -Table alert -Interval Month | Format-Table | Out-String
        $text | Should -Match 'Strategy'
        $text | Should -Match 'alert'
        $line = 'New-PartitionScript -Interval Mo'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'Month'
    }

    Context 'on a live PostgreSQL table' {
        BeforeAll {
            # The integration server of tests/DbArchitect.Integration.Tests (PostgresServer.cs): same default.
            $script:PgDatabase = 'dbarch_pesterpart_' + [guid]::NewGuid().ToString('n').Substring(0, 8)
            $base = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
            $pairs = $base -split ';' | Where-Object { $_ -match '=' }
            $port = $pairs | Where-Object { $_ -match '^\s*Port\s*=' } | ForEach-Object { ($_ -split '=', 2)[1].Trim() }
            $script:PgPort = if ($port) { $port } else { '5432' }
            $env:PGPASSWORD = 'dbarchitect_test'
            & psql -X -q -h 127.0.0.1 -p $PgPort -U dbarchitect_test -d postgres -c "CREATE DATABASE $PgDatabase" | Out-Null
            & psql -X -q -h 127.0.0.1 -p $PgPort -U dbarchitect_test -d $PgDatabase -c "CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman; CREATE TABLE public.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, created_at timestamptz NOT NULL); INSERT INTO public.orders (created_at) SELECT timestamptz '2025-01-01' + g * interval '1 hour' FROM generate_series(1, 5000) AS g; ANALYZE public.orders;" | Out-Null
            $script:Cs = (@($pairs | Where-Object { $_ -notmatch '^\s*Database\s*=' }) + "Database=$PgDatabase") -join ';'
        }

        AfterAll {
            & psql -X -q -h 127.0.0.1 -p $PgPort -U dbarchitect_test -d postgres -c "DROP DATABASE IF EXISTS $PgDatabase WITH (FORCE)" | Out-Null
            Remove-Item Env:PGPASSWORD -ErrorAction SilentlyContinue
        }

        It 'reads the live table and writes its online conversion, sized from the live rows' {
            $script = New-PartitionScript -ConnectionString $Cs -Table public.orders -Column created_at
            $script.Converts | Should -BeTrue
            $script.Sizing | Should -Match 'the live table: 5,000 rows'
            ($script.Steps | ForEach-Object Name) | Should -Be @('create-partitioned', 'sync-trigger', 'copy', 'verify', 'swap', 'schedule', 'alert-default-rows', 'drop-old', 'rollback')
            ($script.Steps | Where-Object Name -eq 'schedule').Sql | Should -Match ([regex]::Escape("'$PgDatabase')"))
            $script.Boundaries[0].Name | Should -Be 'p2025'
        }

        It 'converts an existing table under pg_partman, reading the installed version, with partition_data_proc moving the old periods' {
            $script = New-PartitionScript -ConnectionString $Cs -Table orders -Column created_at -Mode PgPartman
            $script.Converts | Should -BeTrue
            ($script.Steps | ForEach-Object Name) | Should -Be @('create-partitioned', 'sync-trigger', 'copy', 'partition-data', 'verify', 'swap', 'schedule', 'alert-default-rows', 'drop-old', 'rollback')
            ($script.Steps | Where-Object Name -eq 'create-partitioned').Sql | Should -Match "p_type => 'native'"
            ($script.Steps | Where-Object Name -eq 'partition-data').Sql | Should -Match 'partman\.partition_data_proc'
        }
    }
}
