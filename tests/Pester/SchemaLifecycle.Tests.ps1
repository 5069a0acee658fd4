# Import-DbSchema, Compare-DbSchema and New-DbMigrationScript as a user meets them: designs compared with designs, the
# migration plan and its Flyway files, data-loss refusal, rename hints, and a live PostgreSQL import of an applied design.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:MigrationFixtures = Join-Path $RepoRoot 'tests/fixtures/migration'
    $script:V1 = New-DbDesign -Path (Join-Path $MigrationFixtures 'shop-v1.yaml') -ErrorAction Stop
    $script:V2 = New-DbDesign -Path (Join-Path $MigrationFixtures 'shop-v2.yaml') -ErrorAction Stop
    $script:PgConnection = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
    function Invoke-Psql([string] $Database, [string[]] $Arguments) {
        $parts = @{}
        foreach ($pair in $PgConnection.Split(';', [StringSplitOptions]::RemoveEmptyEntries)) { $k, $v = $pair.Split('=', 2); $parts[$k.Trim()] = $v }
        $env:PGPASSWORD = $parts['Password']
        try { & psql -X -q -v ON_ERROR_STOP=1 -h $parts['Host'] -p $parts['Port'] -U $parts['Username'] -d $Database @Arguments 2>&1 | Out-String }
        finally { Remove-Item Env:PGPASSWORD -ErrorAction SilentlyContinue }
        if ($LASTEXITCODE -ne 0) { throw "psql failed on $Database" }
    }
    function Get-DatabaseConnection([string] $Database) { ($PgConnection -replace 'Database=[^;]*', '').TrimEnd(';') + ";Database=$Database" }
}

Describe 'Compare-DbSchema' {
    It 'returns nothing for a design compared with itself' {
        @(Compare-DbSchema -Reference $V1 -Difference $V1 -ErrorAction Stop).Count | Should -Be 0
    }

    It 'lists added columns, changed types, the new index and the new foreign key between two designs' {
        $differences = @(Compare-DbSchema -Reference $V1 -Difference $V2 -ErrorAction Stop)
        $differences[0].GetType().FullName | Should -Be 'DbArchitect.Core.Schema.SchemaDifference'
        $differences | Where-Object { $_.Change -eq 'Added' -and $_.ObjectKind -eq 'Column' -and $_.Name -eq 'loyalty_points' } | Should -Not -BeNullOrEmpty
        $quantity = $differences | Where-Object { $_.Name -eq 'quantity' -and $_.Property -eq 'Type' }
        "$($quantity.ReferenceValue) -> $($quantity.DifferenceValue)" | Should -Be 'integer -> bigint'
        $differences | Where-Object { $_.Change -eq 'Added' -and $_.ObjectKind -eq 'ForeignKey' } | Should -Not -BeNullOrEmpty
        $differences | Where-Object { $_.Change -eq 'Added' -and $_.ObjectKind -eq 'Index' } | Should -Not -BeNullOrEmpty
    }

    It 'reports a rename only when told, through -RenameMap' {
        $renamed = @(Compare-DbSchema $V2 $V1 -RenameMap @{ 'customer.nickname' = 'full_name' } -ErrorAction Stop) | Where-Object Change -eq 'Renamed'
        $renamed | Should -Not -BeNullOrEmpty
        @(Compare-DbSchema $V2 $V1 -ErrorAction Stop | Where-Object Change -eq 'Renamed').Count | Should -Be 0
    }

    It 'rejects an input that is neither a design nor a schema' {
        { Compare-DbSchema -Reference 'text' -Difference $V1 -ErrorAction Stop } | Should -Throw -ErrorId 'SchemaInputNotSupported,*'
    }
}

Describe 'New-DbMigrationScript' {
    It 'plans expand, backfill and tighten steps with locks, rollback and risk' {
        $plan = Compare-DbSchema $V1 $V2 | New-DbMigrationScript -ErrorAction Stop
        $plan.GetType().FullName | Should -Be 'DbArchitect.Core.Migration.MigrationPlan'
        $phases = @($plan.Steps | ForEach-Object { "$($_.Phase)" } | Select-Object -Unique)
        $phases | Should -Contain 'Expand'
        $phases | Should -Contain 'Backfill'
        $phases | Should -Contain 'Tighten'
        ($plan.Steps | ForEach-Object Order) -join ',' | Should -Be ((1..$plan.Steps.Count) -join ',')
        $plan.Steps | Where-Object { $_.Sql -match 'CREATE INDEX CONCURRENTLY' } | ForEach-Object { $_.Transactional | Should -BeFalse }
        $plan.Steps | Where-Object { $_.Sql -match 'NOT VALID' } | Should -Not -BeNullOrEmpty
    }

    It 'writes Flyway-style files through ConvertTo-DbSql and Export-DbDesign' {
        $plan = Compare-DbSchema $V1 $V2 | New-DbMigrationScript -Version 3 -ErrorAction Stop
        $scripts = @($plan | ConvertTo-DbSql -ErrorAction Stop)
        ($scripts | Where-Object { $_.RelativePath -notlike '*/*' }).RelativePath | ForEach-Object { $_ | Should -Match '^V3_\d+__[a-z0-9_]+\.sql$' }
        $plan | Export-DbDesign -Path (Join-Path $TestDrive 'migration') -ErrorAction Stop | Out-Null
        @(Get-ChildItem (Join-Path $TestDrive 'migration') -Filter 'V3_*.sql').Count | Should -Be @($scripts | Where-Object { $_.RelativePath -notlike '*/*' }).Count
    }

    It 'refuses to drop columns without -AllowDataLoss and puts them last with it' {
        $errors = @()
        $none = Compare-DbSchema $V2 $V1 | New-DbMigrationScript -ErrorVariable errors -ErrorAction SilentlyContinue
        $none | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MigrationLosesData,*'
        $plan = Compare-DbSchema $V2 $V1 | New-DbMigrationScript -AllowDataLoss -ErrorAction Stop
        $last = $plan.Steps[-1]
        "$($last.Phase)" | Should -Be 'Destructive'
        $last.LosesData | Should -BeTrue
    }
}

Describe 'Import-DbSchema' {
    BeforeAll {
        $script:Database = 'dbarch_pester_schema_' + [guid]::NewGuid().ToString('n').Substring(0, 8)
        Invoke-Psql postgres @('-c', "CREATE DATABASE $Database")
        $script:Folder = Join-Path $TestDrive 'v1'
        $V1 | Export-DbDesign -Path $Folder -ErrorAction Stop | Out-Null
        foreach ($file in Get-ChildItem $Folder -Filter '*.sql' | Sort-Object Name) { Invoke-Psql $Database @('-f', $file.FullName) | Out-Null }
    }

    AfterAll {
        Invoke-Psql postgres @('-c', "DROP DATABASE IF EXISTS $Database WITH (FORCE)") | Out-Null
    }

    It 'reads the applied design back with no difference' {
        $schema = Import-DbSchema -ConnectionString (Get-DatabaseConnection $Database) -Schema $V1.Physical.Schema -ErrorAction Stop
        $schema.GetType().FullName | Should -Be 'DbArchitect.Core.Model.SchemaModel'
        $schema.Tables.Count | Should -Be $V1.Physical.Tables.Count
        @(Compare-DbSchema -Reference $schema -Difference $V1 -ErrorAction Stop).Count | Should -Be 0
        Get-DbErDiagram -Schema $schema | Should -Match 'erDiagram'
    }

    It 'compares a design with the live database directly and limits tables with -Table' {
        @($V2 | Compare-DbSchema -ConnectionString (Get-DatabaseConnection $Database) -ErrorAction Stop).Count | Should -BeGreaterThan 0
        $some = Import-DbSchema -ConnectionString (Get-DatabaseConnection $Database) -Schema $V1.Physical.Schema -Table 'cust*' -ErrorAction Stop
        @($some.Tables | ForEach-Object Name) | Should -Be @('customer')
    }

    It 'finds a hand-made sequence and view, and New-DbMigrationScript refuses the view with the way to do it' {
        $schemaName = $V1.Physical.Schema
        Invoke-Psql $Database @('-c', "CREATE SEQUENCE $schemaName.invoice_number INCREMENT 5; CREATE VIEW $schemaName.big_orders AS SELECT 1 AS one") | Out-Null
        try {
            $differences = @($V1 | Compare-DbSchema -ConnectionString (Get-DatabaseConnection $Database) -ErrorAction Stop)
            ($differences | Where-Object ObjectKind -eq 'Sequence').Name | Should -Be 'invoice_number'
            ($differences | Where-Object ObjectKind -eq 'View').Change.ToString() | Should -Be 'Removed'
            $differences | New-DbMigrationScript -AllowDataLoss -ErrorVariable refused -ErrorAction SilentlyContinue | Out-Null
            @($refused | Where-Object { $_.FullyQualifiedErrorId -like 'MigrationNotPlanned,*' }).Count | Should -Be 1
            "$refused" | Should -Match 'big_orders'
        }
        finally {
            Invoke-Psql $Database @('-c', "DROP VIEW $schemaName.big_orders; DROP SEQUENCE $schemaName.invoice_number") | Out-Null
        }
    }

    It 'never shows the password' {
        $out = Import-DbSchema -ConnectionString (Get-DatabaseConnection $Database) -Schema $V1.Physical.Schema -Verbose 4>&1 | Out-String
        $out | Should -Not -Match 'dbarchitect_test;'
        $out | Should -Not -Match 'Password'
    }
}
