# Save-DbHealthHistory and Get-DbHealthTrend as a user meets them: real health-check results (a SQLite file, no server
# needed for the checks) kept in a scratch PostgreSQL history database; -WhatIf; results without Server/Port; errors.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-history-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Work | Out-Null
    $script:Db = Join-Path $Work 'shop.db'
    & sqlite3 $Db 'CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));' | Out-Null

    $pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
    $parts = @{}
    foreach ($pair in $pg -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $parts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
    $env:PGHOST = $parts['host']; $env:PGPORT = if ($parts['port']) { $parts['port'] } else { '5432' }; $env:PGUSER = $parts['username']; $env:PGPASSWORD = $parts['password']
    $script:HistoryDb = 'dbarch_history_pester_' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    & psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $HistoryDb TEMPLATE template0" | Out-Null
    $script:History = ($pg -replace 'Database=[^;]*', '') + ";Database=$HistoryDb"

    function Get-HistoryScalar([string] $Sql) { (& psql -X -q -t -A -d $HistoryDb -c $Sql) -join '' }
}

AfterAll {
    & psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $HistoryDb WITH (FORCE)" | Out-Null
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Save-DbHealthHistory and Get-DbHealthTrend' {
    It 'writes nothing under -WhatIf, and its message names the history database without the password' {
        # What-if messages go to the host, not to a stream: a child pwsh shows what a user sees. The password is one no
        # server accepts, so a connection attempt would fail the command too.
        $secret = 'WhatIf-S3cret-never-shown'
        $child = Invoke-ChildPwsh -ScriptText @"
Import-Module '$ModuleManifest'
Invoke-DbHealthCheck -Engine sqlite -Server '$Db' | Save-DbHealthHistory -ConnectionString '$(($History -replace 'Password=[^;]*', '') + ";Password=$secret")' -WhatIf -ErrorAction Stop 3>`$null
"@
        $child.ExitCode | Should -Be 0
        $child.Text | Should -BeLike "*What if*result(s)*postgresql://*$HistoryDb*"
        $child.Text | Should -Not -BeLike "*$secret*"
        Get-HistoryScalar "SELECT count(*) FROM pg_namespace WHERE nspname = 'dbarchitect_history'" | Should -Be '0'
        Get-HistoryScalar "SELECT count(*) FROM pg_stat_activity WHERE datname = '$HistoryDb' AND application_name LIKE 'DbArchitect%'" | Should -Be '0'
    }

    It 'keeps two runs of real results and reports the regression between them, as objects and as Markdown' {
        $first = Invoke-DbHealthCheck -Engine sqlite -Server $Db | Save-DbHealthHistory $History -RunId 'pester-1' -RunLabel 'before' 3>$null
        $first.RunId | Should -Be 'pester-1'
        $first.Results | Should -BeGreaterThan 5
        $first.CreatedTables | Should -BeTrue
        Get-HistoryScalar "SELECT count(*) FROM dbarchitect_history.health_result WHERE run_id = 'pester-1'" | Should -Be "$($first.Results)"
        Get-HistoryScalar "SELECT count(DISTINCT module_version) || ':' || max(module_version) FROM dbarchitect_history.health_result" | Should -Be "1:$((Get-Module DbArchitect.PS).Version)"

        & sqlite3 $Db 'CREATE TABLE orphan (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));' | Out-Null
        $second = Invoke-DbHealthCheck -Engine sqlite -Server $Db | Save-DbHealthHistory $History -RunId 'pester-2' 3>$null
        $second.CreatedTables | Should -BeFalse

        $trend = Get-DbHealthTrend -ConnectionString $History -Last 5
        $trend[0].GetType().FullName | Should -Be 'DbArchitect.Core.History.HealthTrendItem'
        $new = @($trend | Where-Object NewSincePreviousRun)
        $new.Target | Should -Contain 'orphan.fk0'
        ($trend | Where-Object Target -eq 'child.fk0').Change | ForEach-Object { "$_" } | Should -Be 'Persistent'

        # The default view fits 120 columns with every header whole.
        $text = $trend | Out-String -Width 120
        ($text -split "`r?`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        $header = ($text -split "`r?`n") | Where-Object { $_ -match '^Change\b' } | Select-Object -First 1
        foreach ($label in 'Change', 'Severity', 'Server', 'Database', 'CheckId', 'Runs', 'Target') { $header | Should -Match "\b$label\b" }
        $text | Should -Match 'orphan\.fk0'

        $md = Get-DbHealthTrend $History -AsMarkdown
        $md | Should -BeOfType [string]
        $md | Should -Match '## Regressions'
        $md | Should -Match 'orphan\.fk0'
        $md | Should -Match '\| pester-1 \| before \|'

        $file = Join-Path $Work 'trend.md'
        Get-DbHealthTrend $History -OutputPath $file | Should -BeNullOrEmpty
        Get-Content -LiteralPath $file -Raw | Should -Match '# Health trend'
        { Get-DbHealthTrend $History -OutputPath $file -ErrorAction Stop } | Should -Throw -ExpectedMessage '*already exists*'
    }

    It 'keeps results that do not say their server, with one warning and NULL there' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ CheckId = 'TABLE_WITHOUT_PK'; Status = 'Warning'; Database = 'legacy'; Target = "public.t$_"; Message = 'm'; Evidence = @{ rows = $_ } } }
        $warnings = $null
        $written = $rows | Save-DbHealthHistory $History -RunId 'pester-noserver' -WarningVariable warnings 3>$null
        $written.Results | Should -Be 3
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -BeLike '3 result(s) do not say their Engine, Port, Server*'
        Get-HistoryScalar "SELECT count(*) FROM dbarchitect_history.health_result WHERE run_id = 'pester-noserver' AND server IS NULL AND port IS NULL AND database = 'legacy' AND evidence ->> 'rows' = '2'" | Should -Be '1'
    }

    It 'refuses an object that is not a health-check result with its own error and keeps the others' {
        $errors = $null
        $written = @([pscustomobject]@{ Name = 'not a result' }, [pscustomobject]@{ CheckId = 'A'; Status = 'Pass'; Server = 'db9'; Port = 5432; Database = 'd'; Engine = 'postgresql' }) |
            Save-DbHealthHistory $History -RunId 'pester-mixed' -ErrorVariable errors -ErrorAction SilentlyContinue
        $written.Results | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'HealthHistoryInputInvalid*'
    }

    It 'reports an unreachable history database as one clear ErrorRecord without the password' {
        $secret = 'Wr0ng-Pester-S3cret'
        $bad = ($History -replace 'Password=[^;]*', '') + ";Password=$secret"
        $err = $null
        try { [pscustomobject]@{ CheckId = 'A'; Status = 'Pass' } | Save-DbHealthHistory $bad -ErrorAction Stop 3>$null } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'HealthHistoryConnectionFailed*'
        "$($err.CategoryInfo.Category)" | Should -Be 'ConnectionError'
        $err.ErrorDetails.Message | Should -BeLike '*health history database*'
        ($err | Out-String) + $err.Exception.ToString() | Should -Not -BeLike "*$secret*"
    }

    It 'says so when a database holds no history' {
        $empty = 'dbarch_history_pester_empty_' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        & psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $empty TEMPLATE template0" | Out-Null
        try {
            $err = $null
            try { Get-DbHealthTrend (($History -replace 'Database=[^;]*', '') + ";Database=$empty") -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'HealthHistoryNotFound*'
            $err.ErrorDetails.RecommendedAction | Should -BeLike '*Save-DbHealthHistory*'
        }
        finally {
            & psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $empty WITH (FORCE)" | Out-Null
        }
    }
}
