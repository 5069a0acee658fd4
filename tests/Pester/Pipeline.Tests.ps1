# What a CI pipeline meets: report files that GitHub code scanning, Azure DevOps and JUnit readers accept (validated by
# the SARIF Multitool, the SARIF SDK's own validator), gates that fail the job, annotations that can be switched, and
# -WhatIf that sends no statement that changes a server.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-pipeline-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path (Join-Path $Work 'migrations') | Out-Null
    $script:Weird = Join-Path $Work 'migrations/V3__weird name, with comma.sql'
    Set-Content -LiteralPath $Weird -Value "ALTER TABLE orders ADD COLUMN note text NOT NULL;`nCREATE INDEX ix_orders_a ON orders (a);`nDROP TABLE legacy;"
    $script:Clean = Join-Path $Work 'migrations/V1__clean.sql'
    Set-Content -LiteralPath $Clean -Value "SET lock_timeout = '2s';`nCREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY);"
    $script:SqliteDb = Join-Path $Work 'shop.db'
    & sqlite3 $SqliteDb 'CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));' | Out-Null
    $script:Pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }

    # The SARIF Multitool, pinned and installed by the project's script (npm). Its validate writes its findings as SARIF.
    $script:Multitool = (& bash (Join-Path $RepoRoot 'scripts/restore-sarif-multitool.sh') 2>$null | Select-Object -Last 1)
    function Test-SarifFile([string] $Path) {
        $log = "$Path.validation.sarif"
        Remove-Item -LiteralPath $log -ErrorAction SilentlyContinue
        $output = & $Multitool validate $Path --output $log 2>&1
        if (-not (Test-Path -LiteralPath $log)) { throw "sarif-multitool wrote no log: $output" }
        # Every result of the validator's own log is a problem it found (errors and warnings; notes are not enabled).
        @((Get-Content -LiteralPath $log -Raw | ConvertFrom-Json).runs[0].results | Where-Object { $_ } |
            ForEach-Object { "$($_.ruleId): $($_.message | ConvertTo-Json -Compress -Depth 3)" })
    }
}

AfterAll {
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'SARIF the module writes' {
    It 'has the multitool at hand' {
        $Multitool | Should -Not -BeNullOrEmpty
        Test-Path -LiteralPath $Multitool | Should -BeTrue
    }

    It 'is a file the multitool would reject before the fix (so the referee can fail)' {
        $bad = Join-Path $Work 'bad.sarif'
        Set-Content -LiteralPath $bad -Value '{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"r","message":{"text":"m."},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a b.sql"}}}]}]}]}'
        (Test-SarifFile $bad) -join "`n" | Should -Match 'SARIF1002'
    }

    It 'validates with 0 errors and 0 warnings for a lint run over a migration named with spaces and commas' {
        Push-Location $Work
        try { $null = Test-DbMigrationScript -Path $Weird -OutputPath lint.sarif -Force } finally { Pop-Location }
        $sarif = Get-Content -LiteralPath (Join-Path $Work 'lint.sarif') -Raw | ConvertFrom-Json
        $sarif.runs[0].results.Count | Should -BeGreaterThan 2
        $sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri | Should -Be 'migrations/V3__weird%20name%2C%20with%20comma.sql'
        $sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId | Should -Be '%SRCROOT%'
        Test-SarifFile (Join-Path $Work 'lint.sarif') | Should -BeNullOrEmpty
    }

    It 'validates with 0 errors for a health check of <Name>, every result with a physical location' -ForEach @(
        @{ Name = 'SQLite'; Arguments = @{ Engine = 'sqlite'; Server = '<sqlite>' } }
        @{ Name = 'PostgreSQL'; Arguments = @{ ConnectionString = '<pg>'; Check = 'FSYNC_OFF', 'CONNECTIONS_USED', 'DATA_CHECKSUMS_OFF', 'SUPERUSER*' } }
    ) {
        $arguments = @{} + $Arguments
        foreach ($key in @($arguments.Keys)) { if ($arguments[$key] -eq '<sqlite>') { $arguments[$key] = $SqliteDb } elseif ($arguments[$key] -eq '<pg>') { $arguments[$key] = $Pg } }
        $path = Join-Path $Work "health-$Name.sarif"
        $null = Invoke-DbHealthCheck @arguments -OutputPath $path -Force -Annotations None
        $run = (Get-Content -LiteralPath $path -Raw | ConvertFrom-Json).runs[0]
        $run.tool.driver.informationUri | Should -Match '^https://'
        $run.tool.driver.rules | ForEach-Object { $_.helpUri | Should -Match '^https://'; $_.help.text | Should -Not -BeNullOrEmpty }
        $run.results | ForEach-Object { $_.locations[0].physicalLocation.artifactLocation.uri | Should -Not -BeNullOrEmpty }
        $run.results.Count | Should -BeGreaterThan 0 -Because 'a result shows its location is accepted'
        # A live finding's stand-in artifact (engine/database) has no lines, so no region is known: the one warning the
        # multitool may give it (SARIF2017, region missing) is the only one allowed. No errors at all.
        Test-SarifFile $path | Where-Object { $_ -notlike 'SARIF2017: *Warning_MissingRegion*' } | Should -BeNullOrEmpty
    }
}

Describe 'JUnit the module writes' {
    It 'counts a clean lint run''s rules as passing cases, with times and a timestamp' {
        $path = Join-Path $Work 'clean.xml'
        Test-DbMigrationScript -Path $Clean -OutputPath $path -Force | Should -BeNullOrEmpty
        $xml = [xml](Get-Content -LiteralPath $path -Raw)
        [int]$xml.testsuites.tests | Should -BeGreaterThan 10
        [int]$xml.testsuites.failures | Should -Be 0
        $xml.testsuites.time | Should -Match '^\d+\.\d{3}$'
        $xml.SelectNodes('//testsuite') | ForEach-Object { $_.timestamp | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$' }
        $xml.SelectNodes('//testcase') | ForEach-Object { $_.time | Should -Not -BeNullOrEmpty }
    }
}

Describe 'A pipeline cannot pass while checking nothing' {
    It 'refuses an -OutputPath whose extension names no format (<Command>)' -ForEach @(
        @{ Command = 'Test-DbMigrationScript'; Id = 'MigrationLintReportArgumentsInvalid*' }
        @{ Command = 'Invoke-DbHealthCheck'; Id = 'HealthReportArgumentsInvalid*' }
    ) {
        $report = Join-Path $Work 'report.txt'
        $call = if ($Command -eq 'Test-DbMigrationScript') { { Test-DbMigrationScript -Path $Clean -OutputPath $report } } else { { Invoke-DbHealthCheck -Engine sqlite -Server $SqliteDb -OutputPath $report } }
        $call | Should -Throw -ErrorId $Id -ExpectedMessage "*'report.txt' names no report format*"
        Test-Path -LiteralPath $report | Should -BeFalse
    }

    It 'refuses a -Check pattern that names no check, before connecting' {
        { Invoke-DbHealthCheck -Engine sqlite -Server (Join-Path $Work 'never-opened.db') -Check 'FK_WITHOUT_INDX' } | Should -Throw -ErrorId 'HealthCheckUnknown*' -ExpectedMessage "*No health check matches 'FK_WITHOUT_INDX'*"
        { Invoke-DbHealthCheck -Engine sqlite -Server $SqliteDb -ExcludeCheck 'NOPE*' } | Should -Throw -ErrorId 'HealthCheckUnknown*'
    }

    It 'refuses a -Check that names only another engine''s checks for that target' {
        $errors = $null
        $rows = Invoke-DbHealthCheck -Engine sqlite -Server $SqliteDb -Check 'AUTOVACUUM_OFF' -ErrorVariable errors -ErrorAction SilentlyContinue
        $rows | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'HealthCheckNoneSelected*'
    }

    It 'refuses a -Rule pattern that names no rule, even before any script is read' {
        { Test-DbMigrationScript -Path (Join-Path $Work 'none-*.sql') -Rule 'ban-drop-tabel' } | Should -Throw -ErrorId 'UnknownLintRule*'
    }

    It 'makes pwsh -File exit 1 when -FailOn trips (<Name>), whatever $ErrorActionPreference, and 0 when it does not' -ForEach @(
        @{ Name = 'lint'; Failing = "Test-DbMigrationScript -Path '<weird>' -FailOn Warning | Out-Null"; Passing = "Test-DbMigrationScript -Path '<clean>' -FailOn Warning | Out-Null" }
        @{ Name = 'health check'; Failing = "Invoke-DbHealthCheck -Engine sqlite -Server '<db>' -FailOn Warning -Annotations None | Out-Null"; Passing = "Invoke-DbHealthCheck -Engine sqlite -Server '<db>' -FailOn Critical -Annotations None | Out-Null" }
    ) {
        foreach ($case in @(@{ Line = $Failing; Code = 1 }, @{ Line = $Passing; Code = 0 })) {
            $line = $case.Line.Replace('<weird>', $Weird.Replace("'", "''")).Replace('<clean>', $Clean).Replace('<db>', $SqliteDb)
            $result = Invoke-ChildPwsh -ScriptText @"
`$ErrorActionPreference = 'Continue'
Import-Module '$ModuleManifest'
$line
'reached the end'
"@
            $result.ExitCode | Should -Be $case.Code -Because $result.Text
            ($result.Text -match 'reached the end') | Should -Be ($case.Code -eq 0)
        }
    }

    It 'lets try/catch handle a -FailOn failure' {
        $caught = $null
        try { Test-DbMigrationScript -Path $Weird -FailOn Warning | Out-Null } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'MigrationLintFailed*'
    }
}

Describe '-Annotations' {
    It 'writes <Mode> annotations <When>' -ForEach @(
        @{ Mode = 'None'; When = 'not at all, even under GitHub Actions'; Environment = 'GITHUB_ACTIONS'; Pattern = $null }
        @{ Mode = 'AzureDevOps'; When = 'without TF_BUILD'; Environment = $null; Pattern = '##vso`[task.logissue type=*' }
        @{ Mode = 'GitHub'; When = 'under Azure DevOps'; Environment = 'TF_BUILD'; Pattern = '::warning *' }
        @{ Mode = 'Auto'; When = 'for the CI system the environment names'; Environment = 'GITHUB_ACTIONS'; Pattern = '::warning *' }
    ) {
        $set = if ($Environment) { "`$env:$Environment = 'true'" } else { "Remove-Item Env:GITHUB_ACTIONS, Env:TF_BUILD -ErrorAction SilentlyContinue" }
        $result = Invoke-ChildPwsh -ScriptText @"
Remove-Item Env:GITHUB_ACTIONS, Env:TF_BUILD -ErrorAction SilentlyContinue
$set
Import-Module '$ModuleManifest'
Invoke-DbHealthCheck -Engine sqlite -Server '$SqliteDb' -Annotations $Mode | Out-Null
"@
        $lines = @($result.Output | Where-Object { $_ -like '::*' -or $_ -like '##vso*' })
        if ($Pattern) { $lines | Should -Not -BeNullOrEmpty; $lines | ForEach-Object { $_ | Should -BeLike $Pattern } } else { $lines | Should -BeNullOrEmpty }
    }
}

Describe 'Nothing writes under -WhatIf' {
    BeforeAll {
        $parts = @{}
        foreach ($pair in $Pg -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $parts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
        $script:psqlArgs = @('-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', $parts['host'], '-p', $(if ($parts['port']) { $parts['port'] } else { '5432' }), '-U', $parts['username'])
        $env:PGPASSWORD = $parts['password']
        $script:db = 'pipeline_whatif_' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        & psql @psqlArgs -d postgres -c "CREATE DATABASE $db TEMPLATE template0" | Out-Null
        # pg_stat_statements (preloaded by scripts/start-postgres.sh) records every statement a session sends, utility
        # statements too: the log of what the cmdlets sent. A small table gives the advisor something to index.
        & psql @psqlArgs -d $db -c @'
CREATE EXTENSION pg_stat_statements;
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, note text);
INSERT INTO orders SELECT g, g % 500, 'n' FROM generate_series(1, 20000) AS g;
CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
ANALYZE;
'@ | Out-Null
        $script:cs = ($Pg -replace 'Database=[^;]*', '') + ";Database=$db"
        $script:workload = Join-Path $Work 'workload.sql'
        Set-Content -LiteralPath $workload -Value "-- calls: 1000`nSELECT id, note FROM orders WHERE customer_id = 42;"
        function Get-Catalog { & psql @psqlArgs -d $db -c "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension; SELECT count(*) FROM pg_class; SELECT count(*) FROM pg_index;" }
        function Reset-StatementLog { & psql @psqlArgs -d $db -c "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)" | Out-Null }
        function Get-StatementLog {
            # The test's own psql sessions use application_name psql; their statements are the reset and this query, left out.
            # Comments (Npgsql's type loading starts with one) are removed, then each statement is one line.
            & psql @psqlArgs -d $db -c "SELECT regexp_replace(regexp_replace(query, '--[^\n]*', '', 'g'), '\s+', ' ', 'g') FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'"
        }
    }

    AfterAll {
        & psql @psqlArgs -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" | Out-Null
    }

    It 'neither creates an extension nor sends a statement that changes the server (<Name>)' -ForEach @(
        @{ Name = 'Invoke-DbHealthCheck -AllowExtensionCreate -Deep -WhatIf'; Run = { Invoke-DbHealthCheck -ConnectionString $cs -AllowExtensionCreate -Deep -WhatIf -Annotations None } ; Extension = 'amcheck' }
        @{ Name = 'Get-IndexRecommendation -AllowExtensionCreate -WhatIf'; Run = { Get-IndexRecommendation -ConnectionString $cs -Workload $workload -AllowExtensionCreate -WhatIf 3>$null } ; Extension = 'hypopg' }
        @{ Name = 'Get-IndexRecommendation -Validate Real -WhatIf'; Run = { Get-IndexRecommendation -ConnectionString $cs -Workload $workload -Validate Real -WhatIf 3>$null } ; Extension = 'hypopg' }
        @{ Name = 'Import-DbSchema'; Run = { Import-DbSchema -ConnectionString $cs } ; Extension = 'hypopg' }
    ) {
        $before = Get-Catalog
        Reset-StatementLog
        $null = & $Run
        $sent = @(Get-StatementLog)
        $after = Get-Catalog

        $after | Should -Be $before
        $before[0] | Should -Not -Match $Extension
        $sent.Count | Should -BeGreaterThan 0 -Because 'the cmdlet read the catalogs'
        # Reads, session settings and transaction control only: nothing that creates, alters, drops or writes.
        $changing = @($sent | Where-Object { $_ -notmatch '^\s*(SELECT|WITH|SHOW|SET|RESET|BEGIN|START TRANSACTION|COMMIT|ROLLBACK|EXPLAIN|PREPARE|EXECUTE|DEALLOCATE|DISCARD|VALUES)\b' })
        $changing | Should -BeNullOrEmpty
        @($sent | Where-Object { $_ -match '\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|TRUNCATE|GRANT|REVOKE|VACUUM|REINDEX)\b' -and $_ -notmatch '^\s*(SELECT|WITH|EXPLAIN)\b' }) | Should -BeNullOrEmpty
    }

    It 'says under -WhatIf what it would have changed' {
        # What-if lines go to the host, not to a stream: a child pwsh's standard output catches them.
        $result = Invoke-ChildPwsh -ScriptText @"
Import-Module '$ModuleManifest'
Invoke-DbHealthCheck -ConnectionString '$cs' -AllowExtensionCreate -Deep -Check AMCHECK_INTEGRITY -WhatIf -Annotations None | Out-Null
Get-IndexRecommendation -ConnectionString '$cs' -Workload '$workload' -AllowExtensionCreate -WhatIf 3>`$null | Out-Null
"@
        $result.Text | Should -Match 'What if: .*CREATE EXTENSION amcheck'
        $result.Text | Should -Match 'What if: .*CREATE EXTENSION hypopg'
    }

    It 'creates the extension when the change is confirmed, so the gate is what stopped it' {
        $rows = Invoke-DbHealthCheck -ConnectionString $cs -AllowExtensionCreate -Deep -Check AMCHECK_INTEGRITY -Confirm:$false -Annotations None
        "$($rows[0].Status)" | Should -Be 'Pass'
        (& psql @psqlArgs -d $db -c "SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'") | Should -Be '1'
    }

    It 'asks before -Validate Real by default (ConfirmImpact High)' {
        $attribute = [System.Management.Automation.CmdletAttribute]((Get-Command Get-IndexRecommendation).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0])
        "$($attribute.ConfirmImpact)" | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }
}
