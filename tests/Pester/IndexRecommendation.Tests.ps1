# Get-IndexRecommendation as a user meets it: design input for every relational engine, rejected candidates,
# budgets, piping to ConvertTo-DbSql and Export-DbDesign, -FailOnRecommendation, the table view and errors.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:ecommerce = Join-Path $RepoRoot 'examples/requirements/ecommerce.yaml'
    $script:design = New-DbDesign -Path $script:ecommerce
}

Describe 'Get-IndexRecommendation' {
    It 'agrees with the design''s own planner: its access patterns need no new index, and every candidate says why' {
        $all = @($script:design | Get-IndexRecommendation -IncludeRejected)
        $all | Should -Not -BeNullOrEmpty
        $all[0].GetType().FullName | Should -Be 'DbArchitect.Core.Indexing.IndexRecommendation'
        @($all | Where-Object { -not $_.Rejected }).Count | Should -Be 0
        $all | ForEach-Object { $_.Reason | Should -Not -BeNullOrEmpty; $_.Sql | Should -Match '^CREATE (UNIQUE )?INDEX CONCURRENTLY IF NOT EXISTS' }
        ($all | Where-Object Reason -like 'already exists as*') | Should -Not -BeNullOrEmpty
        @($script:design | Get-IndexRecommendation).Count | Should -Be 0
    }

    It 'writes engine-right DDL for <Engine>' -ForEach @(
        @{ Engine = 'mysql'; Pattern = 'ALGORITHM=INPLACE, LOCK=NONE;$' }
        @{ Engine = 'mariadb'; Pattern = 'ALGORITHM=INPLACE, LOCK=NONE;$' }
        @{ Engine = 'sqlserver'; Pattern = 'WITH \(ONLINE = ON\);$' }
        @{ Engine = 'oracle'; Pattern = ' ONLINE;$' }
        @{ Engine = 'sqlite'; Pattern = '^CREATE (UNIQUE )?INDEX IF NOT EXISTS|^DROP INDEX IF EXISTS' }
    ) {
        $advice = New-DbDesign -Path $script:ecommerce -Engine $Engine | Get-IndexRecommendation -IncludeRejected
        $advice | Should -Not -BeNullOrEmpty
        $advice | ForEach-Object { $_.Engine | Should -Be $Engine; $_.Sql | Should -Match $Pattern }
    }

    Context 'a T-SQL workload read against a catalog, no server' {
        BeforeAll {
            $script:tsql = Join-Path $TestDrive 'top.sql'
            Set-Content -Path $script:tsql -Value @(
                '-- calls: 500'
                'SELECT TOP (10) c.id, c.full_name FROM customer AS c WHERE c.loyalty_points > @min ORDER BY c.loyalty_points DESC;'
                'SELECT c.nickname FROM customer c;'
            )
        }

        It 'parses the workload with ScriptDom against the piped design and warns about the unknown column' {
            $advice = @(New-DbDesign -Path $script:ecommerce -Engine sqlserver | Get-IndexRecommendation -Workload $script:tsql -WarningVariable warned 3>$null)
            $points = @($advice | Where-Object { $_.Table -eq 'customer' -and $_.Columns[0] -eq 'loyalty_points desc' })
            $points.Count | Should -Be 1
            $points[0].Confidence | Should -Be 'Heuristic'
            $points[0].Sql | Should -Match '^CREATE NONCLUSTERED INDEX .* INCLUDE \(\[full_name\], \[id\]\) WITH \(ONLINE = ON\);$'
            ($warned -join "`n") | Should -Match "column 'nickname' is not in table 'customer'"
        }

        It 'takes a schema model as the catalog with -Schema and -Engine' {
            $physical = (New-DbDesign -Path $script:ecommerce -Engine sqlserver).Physical
            $advice = @(Get-IndexRecommendation -Schema $physical -Engine sqlserver -Workload $script:tsql 3>$null)
            @($advice | Where-Object { $_.Columns[0] -eq 'loyalty_points desc' }).Count | Should -Be 1
        }

        It 'takes a piped schema model whose Engine is empty (a design''s physical model) with -Engine' {
            $physical = (New-DbDesign -Path $script:ecommerce -Engine sqlserver).Physical
            $physical.Engine | Should -BeNullOrEmpty
            $advice = @($physical | Get-IndexRecommendation -Engine sqlserver -Workload $script:tsql 3>$null)
            @($advice | Where-Object { $_.Columns[0] -eq 'loyalty_points desc' }).Count | Should -Be 1
            $advice | ForEach-Object { $_.Engine | Should -Be 'sqlserver' }
        }

        It 'takes a piped schema model without -Engine and reads it as PostgreSQL''s, which parses no T-SQL offline' {
            { (New-DbDesign -Path $script:ecommerce -Engine sqlserver).Physical | Get-IndexRecommendation -Workload $script:tsql -ErrorAction Stop } |
                Should -Throw -ErrorId 'WorkloadParserNotAvailable*'
        }

        It 'refuses offline parsing for an engine whose server explains the workload' {
            { $script:design | Get-IndexRecommendation -Workload $script:tsql -ErrorAction Stop } | Should -Throw -ErrorId 'WorkloadParserNotAvailable*'
        }
    }

    It 'reports a missing workload file as an error that names it' {
        { Get-IndexRecommendation -ConnectionString 'Host=127.0.0.1;Username=nobody' -Workload (Join-Path $TestDrive 'none.sql') -ErrorAction Stop } | Should -Throw -ErrorId 'WorkloadFileNotFound*'
    }

    It 'validates -Validate and -MaxWidth' {
        { Get-IndexRecommendation -ConnectionString 'Host=x' -Validate Sometimes } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { $script:design | Get-IndexRecommendation -MaxWidth 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    Context 'against the real PostgreSQL test server' {
        BeforeAll {
            $pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
            $parts = @{}
            foreach ($pair in $pg -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $parts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
            $script:psqlArgs = @('-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', $parts['host'], '-p', $(if ($parts['port']) { $parts['port'] } else { '5432' }), '-U', $parts['username'])
            $env:PGPASSWORD = $parts['password']
            $script:db = 'dbarch_ixpester_' + [guid]::NewGuid().ToString('N').Substring(0, 8)
            & psql @script:psqlArgs -d postgres -c "CREATE DATABASE $script:db TEMPLATE template0" | Out-Null
            & psql @script:psqlArgs -d $script:db -v scale=0.02 -f (Join-Path $RepoRoot 'bench/index-advisor/shop-schema.sql') | Out-Null
            & psql @script:psqlArgs -d $script:db -c 'CREATE EXTENSION hypopg' | Out-Null
            $script:cs = ($pg -replace 'Database=[^;]*', '') + ";Database=$script:db"
            $script:workload = Join-Path $RepoRoot 'bench/index-advisor/workload.sql'
        }

        AfterAll {
            & psql @script:psqlArgs -d postgres -c "DROP DATABASE IF EXISTS $script:db WITH (FORCE)" | Out-Null
        }

        It 'advises a workload file with HypoPG what-if figures' {
            $advice = @(Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload)
            $creates = @($advice | Where-Object { $_.Action -eq 'Create' -and $_.Confidence -eq 'WhatIf' })
            $creates.Count | Should -BeGreaterThan 3
            $creates | ForEach-Object { $_.CostAfter | Should -BeLessThan $_.CostBefore; $_.Sql | Should -Match '^CREATE INDEX CONCURRENTLY' }
        }

        It 'takes a PostgreSQL server log as the workload, with calls from the log' {
            $log = Join-Path $TestDrive 'postgresql.log'
            Set-Content -Path $log -Value @(
                "2026-11-25 01:10:00.101 UTC [4242] shop@shop LOG:  duration: 12.345 ms  statement: SELECT id, total FROM orders WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 20"
                "2026-11-25 01:10:00.202 UTC [4242] shop@shop LOG:  duration: 10.000 ms  statement: SELECT id, total FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 20"
                "2026-11-25 01:10:01.050 UTC [4243] shop@shop LOG:  duration: 45.500 ms  execute <unnamed>: SELECT id FROM orders"
                "`tWHERE channel = `$1 AND created_at >= `$2"
                "2026-11-25 01:10:01.050 UTC [4243] shop@shop DETAIL:  parameters: `$1 = 'web', `$2 = '2026-01-01'"
            )
            $advice = @(Get-IndexRecommendation -ConnectionString $script:cs -Workload $log -Verbose 4>&1 | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $history = @($advice | Where-Object { $_.Action -eq 'Create' -and $_.Reason -match '^serves l1 ' })
            $history.Count | Should -Be 1
            # At this scale a customer has a handful of orders, so HypoPG prices the sort as nearly free and the narrower
            # index wins; what this test proves is that the log's statements reach the server-planned advisor.
            $history[0].Columns[0] | Should -Be 'customer_id'
            $history[0].Confidence | Should -Be 'WhatIf'
            @($advice | Where-Object { $_.Action -eq 'Create' -and $_.Reason -match '^serves l2 ' })[0].Columns[0] | Should -Be 'channel'
        }

        It 'reads a file of one statement per line without semicolons, as Dexter does' {
            $lines = Join-Path $TestDrive 'dexter.sql'
            Set-Content -Path $lines -Value @(
                "SELECT id, total FROM orders WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 20"
                "SELECT id, created_at FROM orders WHERE total = 42.00"
            )
            $advice = @(Get-IndexRecommendation -ConnectionString $script:cs -Workload $lines | Where-Object { $_.Action -eq 'Create' -and $null -ne $_.CostBefore })
            ($advice | Where-Object { $_.Reason -match '^serves q1 ' }).Columns[0] | Should -Be 'customer_id'
            ($advice | Where-Object { $_.Reason -match '^serves q2 ' }).Columns[0] | Should -Be 'total'
        }

        It 'says so as an error when no statement of the workload can be planned, and -FailOnRecommendation fails' {
            $bad = Join-Path $TestDrive 'unplannable.sql'
            Set-Content -Path $bad -Value @('SELECT * FROM no_such_table WHERE a = 1', 'SELECT nonsense FROM orders')
            $out = @(Get-IndexRecommendation -ConnectionString $script:cs -Workload $bad -ErrorVariable failed -ErrorAction SilentlyContinue)
            $out | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'WorkloadNotPlanned*'
            "$($failed[0])" | Should -Match 'None of the 2 statement'
            { Get-IndexRecommendation -ConnectionString $script:cs -Workload $bad -FailOnRecommendation -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'IndexAdviceIncomplete*'
        }

        It 'honours -MaxIndexes' {
            @(Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload -MaxIndexes 2 | Where-Object { $_.Action -eq 'Create' -and $_.Confidence -eq 'WhatIf' }).Count | Should -Be 2
        }

        It 'pipes to ConvertTo-DbSql and Export-DbDesign as one script per recommendation' {
            $advice = @(Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload -MaxIndexes 3)
            $scripts = @($advice | ConvertTo-DbSql)
            $scripts.Count | Should -Be $advice.Count
            $scripts[0].RelativePath | Should -BeLike 'index-advice/01-*.sql'
            $folder = Join-Path $TestDrive 'advice'
            $advice | Export-DbDesign -Path $folder
            @(Get-ChildItem (Join-Path $folder 'index-advice') -Filter *.sql).Count | Should -Be $advice.Count
        }

        It 'stops with IndexRecommendationsFound under -FailOnRecommendation after writing the recommendations' {
            $script:written = @()
            { Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload -MaxIndexes 1 -FailOnRecommendation | ForEach-Object { $script:written += $_ } } | Should -Throw -ErrorId 'IndexRecommendationsFound*'
            $script:written | Should -Not -BeNullOrEmpty
        }

        It 'shows the table view' {
            $text = Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload -MaxIndexes 1 | Format-Table | Out-String -Width 300
            $text | Should -Match 'Action\s+Table\s+Index\s+Columns\s+Benefit%\s+SizeMB\s+Confidence'  # the rule and reason are long sentences: Format-List shows them
        }

        It 'uses the heuristic model with -Validate None' {
            $advice = @(Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload -Validate None | Where-Object { $_.Action -eq 'Create' -and $null -ne $_.CostBefore })
            $advice | Should -Not -BeNullOrEmpty
            $advice | ForEach-Object { $_.Confidence | Should -Be 'Heuristic' }
        }

        It 'falls back to what-if plans when -Validate Real is not confirmed' {
            $advice = Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload -Validate Real -MaxIndexes 2 -WhatIf -WarningVariable warned 3>$null
            "$warned" | Should -BeLike '*-Validate Real was not confirmed*'
            @($advice | Where-Object Confidence -eq 'Real').Count | Should -Be 0
        }

        It 'measures real builds with -Validate Real -Confirm:$false and leaves no index behind' {
            $advice = Get-IndexRecommendation -ConnectionString $script:cs -Workload $script:workload -Validate Real -MaxIndexes 2 -Confirm:$false
            @($advice | Where-Object Confidence -eq 'Real').Count | Should -BeGreaterThan 0
            (& psql @script:psqlArgs -d $script:db -Atc "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix\_%'") | Should -Be '0'
        }
    }
}
