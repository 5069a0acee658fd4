# Invoke-DbHealthCheck as a user meets it: on a SQLite file (no server needed) and on the PostgreSQL test server;
# filtering, thresholds, exclusions, pipeline reports, baseline, FailOn, CI annotations, the view and completion.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-health-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Work | Out-Null
    $script:Db = Join-Path $Work 'shop.db'
    # A file with one planted fault (a foreign key without an index) next to a healthy indexed one.
    & sqlite3 $Db @'
CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE ok_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
CREATE INDEX ok_child_parent_idx ON ok_child (parent_id);
CREATE TABLE fault_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
PRAGMA journal_mode = WAL;
'@ | Out-Null
    $script:Pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
}

AfterAll {
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-DbHealthCheck' {
    It 'returns one row per check with the planted fault as a Warning and Pass rows for the rest' {
        $rows = Invoke-DbHealthCheck -Engine sqlite -Server $Db
        $rows[0].GetType().FullName | Should -Be 'DbArchitect.Core.Health.HealthCheckResult'
        $fk = $rows | Where-Object CheckId -eq 'FK_WITHOUT_INDEX'
        $fk.Target | Should -Be 'fault_child.fk0'
        "$($fk.Status)" | Should -Be 'Warning'
        $fk.FixSql | Should -Match '^CREATE INDEX'
        $fk.Database | Should -Be 'shop.db'
        ($rows | Where-Object CheckId -eq 'INTEGRITY_CHECK').Status | ForEach-Object { "$_" } | Should -Be 'Pass'
        "$($rows[0].Status)" | Should -Be 'Warning'   # worst first
        ($rows | Where-Object Target -like 'ok_child*' | Where-Object { "$($_.Status)" -ne 'Pass' }) | Should -BeNullOrEmpty
    }

    It 'refuses a mistyped SQLite path with the path and the fix, and creates no file (-<Form>)' -TestCases @(
        @{ Form = 'Server' }, @{ Form = 'ConnectionString' }
    ) {
        param($Form)
        $missing = Join-Path $Work "shop-typo-$Form.db"
        $connection = if ($Form -eq 'Server') { @{ Server = $missing } } else { @{ ConnectionString = "Data Source=$missing" } }
        $rows = $null
        $err = $null
        try { $rows = Invoke-DbHealthCheck -Engine sqlite @connection -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'SqliteDatabaseNotFound*'
        "$($err.CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        $err.ErrorDetails.Message | Should -BeLike "$missing*does not exist*"
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*Check the path*'
        "$err" | Should -Not -BeLike '*SQLite Error*'
        $rows | Should -BeNullOrEmpty
        Test-Path -LiteralPath $missing | Should -BeFalse
    }

    It 'hides Pass rows with -FailOnly and selects checks with -Check and -ExcludeCheck wildcards' {
        $failing = Invoke-DbHealthCheck -Engine sqlite -Server $Db -FailOnly
        $failing | ForEach-Object { "$($_.Status)" | Should -Not -Be 'Pass' }
        $ids = (Invoke-DbHealthCheck -Engine sqlite -Server $Db -Check '*_WITHOUT_*' -ExcludeCheck TABLE_WITHOUT_PK).CheckId | Sort-Object -Unique
        $ids | Should -Be @('FK_WITHOUT_INDEX')
    }

    It 'applies -Threshold overrides and settings-file exclusions with their reason' {
        $row = Invoke-DbHealthCheck -Engine sqlite -Server $Db -Check FREELIST_RATIO -Threshold @{ FREELIST_RATIO = @{ Warning = 5; Critical = 10 } }
        $row.Threshold | Should -Be 'warning ≥ 5 %, critical ≥ 10 %'
        $settings = Join-Path $Work 'health.json'
        Set-Content -LiteralPath $settings -Value '{ "exclusions": [ { "check": "FK_WITHOUT_INDEX", "target": "fault_*", "reason": "legacy table, dropped next release" } ] }'
        $fk = Invoke-DbHealthCheck -Engine sqlite -Server $Db -Check FK_WITHOUT_INDEX -SettingsPath $settings
        "$($fk.Status)" | Should -Be 'Skipped'
        $fk.Message | Should -BeLike 'Excluded (legacy table, dropped next release):*'
    }

    It 'stops on a settings file without a reason for an exclusion' {
        $bad = Join-Path $Work 'bad.json'
        Set-Content -LiteralPath $bad -Value '{ "exclusions": [ { "check": "FK_WITHOUT_INDEX" } ] }'
        { Invoke-DbHealthCheck -Engine sqlite -Server $Db -SettingsPath $bad -ErrorAction Stop } | Should -Throw -ErrorId 'HealthSettingsInvalid,DbArchitect.PS.Commands.InvokeDbHealthCheckCommand'
    }

    It 'writes a JUnit report atomically and refuses to overwrite it without -Force' {
        $report = Join-Path $Work 'health.xml'
        Invoke-DbHealthCheck -Engine sqlite -Server $Db -OutputPath $report | Out-Null
        [xml] $xml = Get-Content -LiteralPath $report -Raw
        $xml.testsuites.failures | Should -Be '1'
        $xml.testsuites.name | Should -Be 'Health check of sqlite shop.db'
        Get-Content -LiteralPath $report -Raw | Should -Not -BeLike "*$Work*"
        @($xml.SelectNodes('//testcase[failure]')).Count | Should -Be 1
        Invoke-DbHealthCheck -Engine sqlite -Server $Db -OutputPath $report -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'HealthReportExists*'
        Invoke-DbHealthCheck -Engine sqlite -Server $Db -OutputFormat Sarif -OutputPath $report -Force | Out-Null
        (Get-Content -LiteralPath $report -Raw | ConvertFrom-Json).version | Should -Be '2.1.0'
        Get-ChildItem -LiteralPath $Work -Filter '*.tmp' -Force | Should -BeNullOrEmpty
    }

    It 'writes nothing under -WhatIf' {
        $report = Join-Path $Work 'whatif.md'
        Invoke-DbHealthCheck -Engine sqlite -Server $Db -OutputPath $report -WhatIf | Out-Null
        Test-Path -LiteralPath $report | Should -BeFalse
    }

    It 'fails with a count summary on -FailOn Warning and passes on -FailOn Critical' {
        { Invoke-DbHealthCheck -Engine sqlite -Server $Db -FailOn Warning | Out-Null } | Should -Throw -ErrorId 'HealthCheckFailed,DbArchitect.PS.Commands.InvokeDbHealthCheckCommand' -ExpectedMessage '*1 finding at Warning or above (Warning 1;*'
        { Invoke-DbHealthCheck -Engine sqlite -Server $Db -FailOn Critical | Out-Null } | Should -Not -Throw
    }

    It 'reports only new findings against a baseline' {
        $baseline = Join-Path $Work 'baseline.json'
        Invoke-DbHealthCheck -Engine sqlite -Server $Db -Baseline $baseline -UpdateBaseline | Out-Null
        (Get-Content -LiteralPath $baseline -Raw | ConvertFrom-Json).fingerprints.Count | Should -Be 1
        { Invoke-DbHealthCheck -Engine sqlite -Server $Db -Baseline $baseline -FailOn Warning | Out-Null } | Should -Not -Throw
    }

    It 'writes GitHub Actions annotations when GITHUB_ACTIONS is set' {
        $result = Invoke-ChildPwsh -ScriptText @"
`$env:GITHUB_ACTIONS = 'true'
Import-Module '$ModuleManifest'
Invoke-DbHealthCheck -Engine sqlite -Server '$Db' | Out-Null
"@
        $result.Output | Where-Object { $_ -like '::warning *' } | Should -Be '::warning title=FK_WITHOUT_INDEX shop.db/fault_child.fk0::Foreign key (parent_id) → parent has no index.'
    }

    It 'groups the default table view by status' {
        $text = Invoke-DbHealthCheck -Engine sqlite -Server $Db | Out-String -Width 250
        $text | Should -Match 'Status: Warning'
        $text | Should -Match 'Status: Pass'
        $text | Should -Match 'FK_WITHOUT_INDEX'
    }

    It 'completes check ids for the engine typed' {
        $line = 'Invoke-DbHealthCheck -Engine sqlite -Check FREE'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('FREELIST_RATIO')
        $line = 'Invoke-DbHealthCheck -ExcludeCheck SECURITY_DEF'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('SECURITY_DEFINER_SEARCH_PATH')
    }

    It 'checks a real PostgreSQL server without the password appearing in any output' {
        $rows = Invoke-DbHealthCheck -ConnectionString $Pg -Check CONNECTIONS_USED, TXID_WRAPAROUND, FSYNC_OFF
        ($rows.CheckId | Sort-Object -Unique) | Should -Be @('CONNECTIONS_USED', 'FSYNC_OFF', 'TXID_WRAPAROUND')
        $rows | Where-Object { "$($_.Status)" -eq 'Error' } | Should -BeNullOrEmpty
        $report = Join-Path $Work 'pg.json'
        Invoke-DbHealthCheck -ConnectionString $Pg -Check CONNECTIONS_USED -OutputPath $report | Out-Null
        # The test login's password equals its user name (which targets show), so look for the secret's carriers instead.
        foreach ($text in @((Get-Content -LiteralPath $report -Raw), ($rows | ConvertTo-Json -Depth 4))) {
            $text | Should -Not -BeLike '*Password=*'
            $text | Should -Not -BeLike "*$Pg*"
        }
    }

    It 'reports a server that accepts and never answers as that target''s one error in a sweep, checks the others, and -FailOn fails' {
        # A local listener: the kernel accepts the connection, nothing ever answers.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $silent = "Host=127.0.0.1;Port=$port;Username=nobody;Password=nobody;Database=postgres;Timeout=2"
            $targets = @([pscustomobject]@{ ConnectionString = $silent }, [pscustomobject]@{ ConnectionString = $Pg })
            $errors = $null
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $rows = $targets | Invoke-DbHealthCheck -Check FSYNC_OFF -ErrorVariable errors -ErrorAction SilentlyContinue
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 20
            @($rows).CheckId | Should -Be @('FSYNC_OFF')
            @($errors).Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed*'
            "$($errors[0])" | Should -BeLike "*127.0.0.1:$port*"
            { $targets | Invoke-DbHealthCheck -Check FSYNC_OFF -FailOn Critical -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'HealthCheckIncomplete*'
        }
        finally {
            $listener.Stop()
        }
    }
}
