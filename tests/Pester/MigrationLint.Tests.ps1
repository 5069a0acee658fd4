# Test-DbMigrationScript as a user meets it: files and pipelines, rule selection, suppressions, reports and -FailOn.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Unsafe = Join-Path $RepoRoot 'tests/fixtures/migrations/unsafe'
    $script:Safe = Join-Path $RepoRoot 'tests/fixtures/migrations/safe'

    function New-Migration([string] $Name, [string] $Sql) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Sql -Encoding utf8NoBOM
        $path
    }
}

Describe 'Test-DbMigrationScript' {
    It 'reports a finding with rule, severity, file, line, column, message and fix' {
        $finding = Test-DbMigrationScript (Join-Path $Unsafe "changing-column-type.sql") -ExcludeRule prefer-robust-stmts
        $finding | Should -HaveCount 1
        $finding.GetType().FullName | Should -Be 'DbArchitect.Core.Lint.LintFinding'
        $finding.RuleId | Should -Be 'changing-column-type'
        "$($finding.Severity)" | Should -Be 'Error'
        $finding.File | Should -BeLike '*changing-column-type.sql'
        $finding.Line | Should -Be 3
        $finding.Column | Should -Be 43
        $finding.Message | Should -Match 'ACCESS EXCLUSIVE'
        $finding.Fix | Should -Match 'new column'
    }

    It 'reads wildcard paths and finds nothing in the safe corpus' {
        Test-DbMigrationScript -Path (Join-Path $Safe '*.sql') | Should -BeNullOrEmpty
    }

    It 'reports files under the current folder by their relative path' {
        Push-Location $RepoRoot
        try { (Test-DbMigrationScript -Path 'tests/fixtures/migrations/unsafe/ban-drop-table.sql').File | Should -Be 'tests/fixtures/migrations/unsafe/ban-drop-table.sql' }
        finally { Pop-Location }
    }

    It 'takes files from Get-ChildItem and SQL text from the pipeline' {
        (Get-ChildItem (Join-Path $Unsafe 'ban-vacuum-full.sql') | Test-DbMigrationScript).RuleId | Should -Be 'ban-vacuum-full'
        ("SET lock_timeout = '1s';`nSET statement_timeout = '1s';`nCLUSTER orders;" | Test-DbMigrationScript).RuleId | Should -Be 'ban-cluster'
    }

    It 'lints the scripts ConvertTo-DbSql generates, taking the engine from them' {
        $findings = New-DbDesign -Path $ExampleYaml | ConvertTo-DbSql | Where-Object IsBuildStep | Test-DbMigrationScript -SameDeployment
        @($findings | Where-Object { "$($_.Severity)" -eq 'Error' }) | Should -HaveCount 0
        @($findings | Where-Object Category -ne 'Types') | Should -HaveCount 0
    }

    It 'runs the rules of the engine named by -Engine' {
        $path = New-Migration 'my.sql' "SET SESSION lock_wait_timeout = 5;`nALTER TABLE t ADD COLUMN c int;"
        (Test-DbMigrationScript -Path $path -Engine mysql).RuleId | Should -Be 'require-online-alter'
        $ms = New-Migration 'ms.sql' "SET LOCK_TIMEOUT 5000;`nGO`nCREATE INDEX ix ON dbo.t (c);"
        (Test-DbMigrationScript -Path $ms -Engine sqlserver).RuleId | Should -Be 'require-concurrent-index-creation'
    }

    It 'selects rules with -Rule and -ExcludeRule wildcards' {
        $path = New-Migration 'drops.sql' "SET lock_timeout = '1s';`nSET statement_timeout = '1s';`nDROP TABLE IF EXISTS a;`nTRUNCATE b CASCADE;`nVACUUM FULL c;"
        (Test-DbMigrationScript -Path $path -Rule 'ban-*' -ExcludeRule 'ban-drop-*').RuleId | Sort-Object | Should -Be @('ban-truncate-cascade', 'ban-vacuum-full')
    }

    It 'reports a missing file as MigrationScriptNotFound and lints the others' {
        $records = @()
        $findings = Test-DbMigrationScript -Path (Join-Path $TestDrive 'missing.sql'), (Join-Path $Unsafe 'ban-cluster.sql') -ErrorVariable records -ErrorAction SilentlyContinue
        $findings.RuleId | Should -Be 'ban-cluster'
        $records[0].FullyQualifiedErrorId | Should -BeLike 'MigrationScriptNotFound*'
        "$($records[0])" | Should -Match 'migration script does not exist'
    }

    It 'stops on an unknown rule id with UnknownLintRule' {
        $path = New-Migration 'x.sql' 'SELECT 1;'
        { Test-DbMigrationScript -Path $path -Rule 'ban-drop-tabel' -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownLintRule*'
    }

    It 'honours suppression comments and shows them with -IncludeSuppressed' {
        $path = New-Migration 'suppressed.sql' "SET lock_timeout = '1s';`nSET statement_timeout = '1s';`n-- dbarchitect-disable-next-line ban-drop-table -- retired in v12`nDROP TABLE IF EXISTS old;"
        Test-DbMigrationScript -Path $path | Should -BeNullOrEmpty
        $hidden = Test-DbMigrationScript -Path $path -IncludeSuppressed
        $hidden.Suppressed | Should -BeTrue
        $hidden.SuppressionReason | Should -Be 'retired in v12'
    }

    It 'writes a SARIF report once and refuses to overwrite it without -Force' {
        $report = Join-Path $TestDrive 'lint.sarif'
        $null = Test-DbMigrationScript -Path (Join-Path $Unsafe 'ban-drop-table.sql') -OutputFormat Sarif -OutputPath $report
        $sarif = Get-Content -LiteralPath $report -Raw | ConvertFrom-Json
        $sarif.version | Should -Be '2.1.0'
        $sarif.runs[0].results[0].ruleId | Should -Be 'ban-drop-table'
        $sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine | Should -Be 3
        { Test-DbMigrationScript -Path (Join-Path $Unsafe 'ban-drop-table.sql') -OutputFormat Sarif -OutputPath $report -ErrorAction Stop } | Should -Throw
        $null = Test-DbMigrationScript -Path (Join-Path $Unsafe 'ban-cluster.sql') -OutputFormat Sarif -OutputPath $report -Force
        (Get-Content -LiteralPath $report -Raw | ConvertFrom-Json).runs[0].results[0].ruleId | Should -Be 'ban-cluster'
    }

    It 'writes a JUnit report with one failure per finding' {
        $report = Join-Path $TestDrive 'lint.xml'
        $null = Test-DbMigrationScript -Path (Join-Path $Unsafe 'transaction-nesting.sql') -OutputFormat JUnit -OutputPath $report
        ([xml](Get-Content -LiteralPath $report -Raw)).SelectNodes('//failure').Count | Should -Be 2
    }

    It 'does not write the report under -WhatIf' {
        $report = Join-Path $TestDrive 'whatif.json'
        $null = Test-DbMigrationScript -Path (Join-Path $Unsafe 'ban-cluster.sql') -OutputFormat Json -OutputPath $report -WhatIf
        Test-Path -LiteralPath $report | Should -BeFalse
    }

    It 'takes the report format from the -OutputPath extension' {
        $report = Join-Path $TestDrive 'inferred.md'
        $null = Test-DbMigrationScript -Path (Join-Path $Unsafe 'ban-cluster.sql') -OutputPath $report
        Get-Content -LiteralPath $report -Raw | Should -Match 'ban-cluster'
    }

    It 'accepts the findings of a baseline and reports only new ones' {
        $baseline = Join-Path $TestDrive 'baseline.json'
        $old = New-Migration 'old.sql' "SET lock_timeout = '1s';`nSET statement_timeout = '1s';`nVACUUM FULL orders;"
        $null = Test-DbMigrationScript -Path $old -Baseline $baseline -UpdateBaseline
        Test-Path -LiteralPath $baseline | Should -BeTrue
        Test-DbMigrationScript -Path $old -Baseline $baseline -FailOn Warning | Should -BeNullOrEmpty
        Add-Content -LiteralPath $old -Value 'CLUSTER orders;'
        (Test-DbMigrationScript -Path $old -Baseline $baseline).RuleId | Should -Be 'ban-cluster'
    }

    It 'needs -OutputFormat and -OutputPath together' {
        { Test-DbMigrationScript -Path (Join-Path $Unsafe 'ban-cluster.sql') -OutputFormat Json } | Should -Throw -ErrorId 'MigrationLintReportArgumentsInvalid*' -ExpectedMessage '*needs -OutputPath*'
    }

    It 'fails with MigrationLintFailed at the -FailOn level, after writing the findings' {
        $path = Join-Path $Unsafe 'prefer-text-field.sql'
        Test-DbMigrationScript -Path $path -FailOn Error | Should -HaveCount 1
        $errorRecord = $null
        try { $null = Test-DbMigrationScript -Path $path -FailOn Warning } catch { $errorRecord = $_ }
        $errorRecord.FullyQualifiedErrorId | Should -BeLike 'MigrationLintFailed*'
        "$errorRecord" | Should -Match '1 finding at Warning'
    }

    It 'completes -Engine and -Rule' {
        $line = 'Test-DbMigrationScript -Engine sqls'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('sqlserver')
        $line = 'Test-DbMigrationScript -Engine mysql -Rule require-onl'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('require-online-alter')
    }

    It 'shows findings in a table with severity, rule, location and message' {
        $text = Test-DbMigrationScript -Path (Join-Path $Unsafe 'ban-cluster.sql') | Out-String -Width 250
        $text | Should -Match 'Severity\s+RuleId\s+Location\s+Message'
        $text | Should -Match 'ban-cluster'
    }
}
