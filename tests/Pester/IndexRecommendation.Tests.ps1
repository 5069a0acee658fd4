# Get-IndexRecommendation as a user meets it: design input for every relational engine, rejected candidates,
# budgets, piping to ConvertTo-DbSql and Export-DbDesign, -FailOnRecommendation, the table view and errors.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:ecommerce = Join-Path $RepoRoot 'examples/requirements/ecommerce.yaml'
    $script:design = New-DbDesign -Path $script:ecommerce
}

Describe 'Get-IndexRecommendation' {
    It 'advises a design from the pipeline with reasons, figures and online DDL' {
        $all = $script:design | Get-IndexRecommendation -IncludeRejected
        $all | Should -Not -BeNullOrEmpty
        $all[0].GetType().FullName | Should -Be 'DbArchitect.Core.Indexing.IndexRecommendation'
        $all | ForEach-Object { $_.Reason | Should -Not -BeNullOrEmpty; $_.Sql | Should -Not -BeNullOrEmpty }
        $created = @($all | Where-Object { -not $_.Rejected -and $_.Action -eq 'Create' })
        $created.Count | Should -BeGreaterThan 0
        $created | ForEach-Object { $_.Sql | Should -Match '^CREATE (UNIQUE )?INDEX CONCURRENTLY IF NOT EXISTS' ; $_.Confidence | Should -BeIn @('Heuristic', 'Statistics') }
        ($all | Where-Object Rejected | Where-Object Reason -like 'already exists as*') | Should -Not -BeNullOrEmpty
    }

    It 'returns only chosen recommendations without -IncludeRejected' {
        $script:design | Get-IndexRecommendation | ForEach-Object { $_.Rejected | Should -BeFalse }
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

    It 'honours -MaxIndexes' {
        @($script:design | Get-IndexRecommendation -MaxIndexes 1 | Where-Object { $_.Action -eq 'Create' -and $_.Confidence -eq 'Heuristic' }).Count | Should -BeLessOrEqual 1
    }

    It 'pipes to ConvertTo-DbSql and Export-DbDesign as one script per recommendation' {
        $advice = @($script:design | Get-IndexRecommendation)
        $scripts = @($advice | ConvertTo-DbSql)
        $scripts.Count | Should -Be $advice.Count
        $scripts[0].RelativePath | Should -BeLike 'index-advice/01-*.sql'
        $folder = Join-Path $TestDrive 'advice'
        $advice | Export-DbDesign -Path $folder
        @(Get-ChildItem (Join-Path $folder 'index-advice') -Filter *.sql).Count | Should -Be $advice.Count
    }

    It 'stops with IndexRecommendationsFound under -FailOnRecommendation after writing the recommendations' {
        $written = @()
        { $script:design | Get-IndexRecommendation -FailOnRecommendation | ForEach-Object { $written += $_ } } | Should -Throw -ErrorId 'IndexRecommendationsFound*'
    }

    It 'shows the table view' {
        $text = $script:design | Get-IndexRecommendation | Format-Table | Out-String -Width 300
        $text | Should -Match 'Action\s+Table\s+Index\s+Columns\s+Benefit%\s+SizeMB\s+Confidence\s+Rule'
    }

    It 'reports a missing workload file as an error that names it' {
        { Get-IndexRecommendation -ConnectionString 'Host=127.0.0.1;Username=nobody' -Workload (Join-Path $TestDrive 'none.sql') -ErrorAction Stop } | Should -Throw -ErrorId 'WorkloadFileNotFound*'
    }

    It 'validates -Validate and -MaxWidth' {
        { Get-IndexRecommendation -ConnectionString 'Host=x' -Validate Sometimes } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { $script:design | Get-IndexRecommendation -MaxWidth 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
