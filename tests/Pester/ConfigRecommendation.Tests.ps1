# Get-DbConfigRecommendation as a user meets it: hardware parameters, requirement and design input, overrides,
# text outputs, errors, the table view and tab completion.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
}

Describe 'Get-DbConfigRecommendation' {
    It 'returns PGTune''s values for stated hardware, each row with a reason and restart flag' {
        $rows = Get-DbConfigRecommendation -MemoryGb 64 -Cpus 16 -Storage ssd -Workload oltp
        $rows[0].GetType().FullName | Should -Be 'DbArchitect.Core.Engines.ConfigSetting'
        $byName = @{}; $rows | ForEach-Object { $byName[$_.Name] = $_ }
        $byName['max_connections'].Value | Should -Be '300'
        $byName['shared_buffers'].Value | Should -Be '16GB'
        $byName['shared_buffers'].Unit | Should -Be 'GB'
        $byName['shared_buffers'].RequiresRestart | Should -BeTrue
        $byName['work_mem'].Value | Should -Be '13981kB'
        "$($byName['work_mem'].Source)" | Should -Be 'PgTune'
        $byName['effective_cache_size'].RequiresRestart | Should -BeFalse
        $rows | ForEach-Object { $_.Reason | Should -Not -BeNullOrEmpty }
    }

    It 'defaults to PGTune''s web profile and honours -MaxConnections' {
        $rows = Get-DbConfigRecommendation -MemoryGb 4 -Cpus 2
        ($rows | Where-Object Name -eq 'max_connections').Value | Should -Be '200'
        ($rows | Where-Object Name -eq 'work_mem').Value | Should -Be '5242kB'
        (Get-DbConfigRecommendation -MemoryGb 4 -MaxConnections 50 | Where-Object Name -eq 'max_connections').Value | Should -Be '50'
    }

    It 'takes hardware and workload from a piped requirement and derives connections from its users' {
        $rows = Import-DbRequirement -Path $ExampleYaml | Get-DbConfigRecommendation
        $connections = $rows | Where-Object Name -eq 'max_connections'
        $connections.Value | Should -Be '75'
        "$($connections.Source)" | Should -Be 'Derived'
        $connections.Reason | Should -Match '5,000 concurrent users'
        ($rows | Where-Object Name -eq 'log_min_duration_statement').Value | Should -Be '100ms'
    }

    It 'lets parameters override a design''s hardware' {
        $design = New-DbDesign -Path $ExampleYaml
        ($design | Get-DbConfigRecommendation -MemoryGb 8 | Where-Object Name -eq 'shared_buffers').Value | Should -Be '2GB'
        ($design | Get-DbConfigRecommendation -Workload dw | Where-Object Name -eq 'default_statistics_target').Value | Should -Be '500'
    }

    It 'returns the postgresql.conf snippet or the ALTER SYSTEM script as text' {
        $conf = Get-DbConfigRecommendation -MemoryGb 8 -Cpus 4 -AsConfigFile
        $conf | Should -BeOfType [string]
        $conf | Should -Match '(?m)^shared_buffers = 2GB    # pgtune$'
        $sql = Get-DbConfigRecommendation -MemoryGb 8 -Cpus 4 -AsAlterSystem
        $sql | Should -Match "(?m)^ALTER SYSTEM SET shared_buffers = '2GB';$"
        $sql | Should -Match '(?m)^SELECT pg_reload_conf\(\);$'
    }

    It 'refuses both text outputs at once' {
        { Get-DbConfigRecommendation -MemoryGb 8 -AsConfigFile -AsAlterSystem -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigOutputConflict,DbArchitect.PS.Commands.GetDbConfigRecommendationCommand'
    }

    It 'reports a requirement without memory and suggests -MemoryGb' {
        $path = Join-Path $TestDrive 'nomem.yaml'
        Set-Content -LiteralPath $path -Encoding utf8NoBOM -Value @'
format: 1
application: { name: Tiny }
entities:
  - name: note
    attributes:
      - { name: body, type: text }
'@
        $errors = @()
        $rows = Import-DbRequirement -Path $path | Get-DbConfigRecommendation -ErrorVariable errors -ErrorAction SilentlyContinue
        $rows | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConfigMemoryMissing,*'
        $errors[0].ErrorDetails.RecommendedAction | Should -Match '-MemoryGb'
        (Import-DbRequirement -Path $path | Get-DbConfigRecommendation -MemoryGb 2 | Where-Object Name -eq 'shared_buffers').Value | Should -Be '512MB'
    }

    It 'completes -Workload and -Engine' {
        $line = 'Get-DbConfigRecommendation -MemoryGb 8 -Workload '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('desktop', 'dw', 'mixed', 'oltp', 'web')
        $line = 'Get-DbConfigRecommendation -MemoryGb 8 -Engine post'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('postgresql')
    }

    It 'shows Name, Value, Unit and Reason in its table view' {
        $text = Get-DbConfigRecommendation -MemoryGb 8 | Select-Object -First 2 | Format-Table | Out-String -Width 300
        $text | Should -Match 'Name\s+Value\s+Unit\s+Reason'
        $text | Should -Match 'shared_buffers\s+2GB\s+GB\s+PGTune'
    }

    It 'declares its output types and has help with examples' {
        (Get-Command Get-DbConfigRecommendation).OutputType.Type.FullName | Should -Contain 'DbArchitect.Core.Engines.ConfigSetting'
        @((Get-Help Get-DbConfigRecommendation -Full).examples.example).Count | Should -BeGreaterOrEqual 2
    }
}
