# Get-DbTechnologyRecommendation as a user meets it: binding, the pipeline from Import-DbRequirement, -Top, the table
# view, and contrasting answers for contrasting requirements.
# (Arrays have their own Rank property, so ranks are read with ForEach-Object Rank, not member enumeration.)

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Examples = Join-Path $RepoRoot 'examples/requirements'
    function Get-Example([string] $Name) { Join-Path $Examples "$Name.yaml" }
}

Describe 'Get-DbTechnologyRecommendation' {
    It 'ranks every known engine once, best first, from a piped requirement' {
        $ranking = @(Import-DbRequirement (Get-Example ecommerce) | Get-DbTechnologyRecommendation -ErrorAction Stop)
        # Every engine of the registry, and nothing else: the count follows the one list of engines.
        # Core loads in the module's own load context, so its types are reached through an object of it, not by name.
        $registry = $ranking[0].GetType().Assembly.GetType('DbArchitect.Core.Engines.EngineRegistry', $true)
        $known = @($registry::Entries | ForEach-Object Id)
        $known.Count | Should -BeGreaterThan 13
        $ranking.Count | Should -Be $known.Count
        $ranking[0].GetType().FullName | Should -Be 'DbArchitect.Core.Technology.TechnologyRecommendation'
        (($ranking | ForEach-Object Rank) -join ',') | Should -Be ((1..$known.Count) -join ',')
        @($ranking.Engine | Sort-Object -Unique) | Should -Be @($known | Sort-Object -Unique)
        for ($i = 1; $i -lt $ranking.Count; $i++) { $ranking[$i - 1].Score | Should -BeGreaterOrEqual $ranking[$i].Score }
    }

    It 'reads a file with -Path and keeps the first N with -Top' {
        $ranking = @(Get-DbTechnologyRecommendation -Path (Get-Example saas-projects) -Top 3 -ErrorAction Stop)
        $ranking.Count | Should -Be 3
        (($ranking | ForEach-Object Rank) -join ',') | Should -Be '1,2,3'
    }

    It 'binds -Path from Get-ChildItem output by property name' {
        $ranking = @(Get-ChildItem (Get-Example social-content) | Get-DbTechnologyRecommendation -Top 1 -ErrorAction Stop)
        $ranking.Count | Should -Be 1
    }

    It 'rejects -Top 0 at binding' {
        { Get-DbTechnologyRecommendation -Path (Get-Example ecommerce) -Top 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'reports a missing file as RequirementFileNotFound' {
        $errors = @()
        Get-DbTechnologyRecommendation -Path (Join-Path $TestDrive 'missing.yaml') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RequirementFileNotFound,*'
    }

    It 'gives contrasting answers: relational for the store, a time-series engine for telemetry' {
        (Get-DbTechnologyRecommendation -Path (Get-Example ecommerce) -Top 1).Engine | Should -Be 'postgresql'
        $iot = @(Get-DbTechnologyRecommendation -Path (Get-Example iot-telemetry))
        $iot[0].Engine | Should -BeIn @('timescaledb', 'influxdb', 'clickhouse')
        $iot[0].Category | Should -Not -Be 'relational'
        ($iot | Where-Object Engine -EQ 'postgresql' | ForEach-Object Rank) | Should -BeGreaterThan 1
        (Get-DbTechnologyRecommendation -Path (Get-Example social-content) -Top 1).Category | Should -Be 'relational'
    }

    It 'carries every reason with its figures and a readable summary of the top ones' {
        $best = Get-DbTechnologyRecommendation -Path (Get-Example iot-telemetry) -Top 1
        $best.TopReasons | Should -Match '^Kind \+20; '
        $series = $best.Reasons | Where-Object Factor -EQ 'Time series'
        $series.Points | Should -BeGreaterThan 0
        $series.Explanation | Should -Match '1,728,000,000 new records/day'
    }

    It 'shows Rank, Engine, Category, Score and Verdict in the default table view' {
        $text = Get-DbTechnologyRecommendation -Path (Get-Example ecommerce) -Top 2 | Out-String -Width 300
        $text | Should -Match 'Rank\s+Engine\s+Category\s+Score\s+Verdict'
        $text | Should -Match '1\s+postgresql\s+relational\s+\d+\s+Best fit'
    }

    It 'answers with an architecture: the parts beside the best fit, each with what it serves, its figures and why' {
        $best = Get-DbTechnologyRecommendation -Path (Join-Path $RepoRoot 'tests/fixtures/polyglot/ride-hailing.yaml') -Top 1 -ErrorAction Stop
        $best.Architecture | Should -Match '^PostgreSQL \+ Live positions: Redis GEO set'
        $geo = $best.Parts | Where-Object Role -EQ 'Live positions'
        $geo.Engine | Should -Be 'redis'
        @($geo.Serves.AccessPatterns) | Should -Be @('latest position of a driver')
        $geo.Reason | Should -Match '25,000 position writes/s'
    }

    It 'warns when engine: auto ranks first an engine that cannot be designed, naming the one it used' {
        $warnings = @()
        $design = New-DbDesign -Path (Join-Path $RepoRoot 'tests/fixtures/polyglot/metrics-events.yaml') -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop
        $design.Engine | Should -Be 'postgresql'
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'ranked TimescaleDB first .* cannot generate a design yet; this design uses PostgreSQL 15'
        $quiet = @()
        New-DbDesign -Path (Get-Example ecommerce) -WarningVariable quiet -WarningAction SilentlyContinue -ErrorAction Stop | Out-Null
        $quiet.Count | Should -Be 0
    }

    It 'keeps -Engine of a known engine that cannot be designed a clear EngineNotImplemented error' {
        { New-DbDesign -Path (Join-Path $RepoRoot 'tests/fixtures/polyglot/metrics-events.yaml') -Engine timescaledb -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngineNotImplemented,*'
    }

    It 'exports the parts of the architecture into their own folders' {
        $out = Join-Path $TestDrive 'ride'
        New-DbDesign -Path (Join-Path $RepoRoot 'tests/fixtures/polyglot/ride-hailing.yaml') -ErrorAction Stop | Export-DbDesign -Path $out -ErrorAction Stop | Out-Null
        Test-Path (Join-Path $out 'parts/redis-geo/redis/commands.redis') | Should -BeTrue
        Get-Content -Raw (Join-Path $out 'design.md') | Should -Match 'generated in parts/redis-geo/'
    }

    It 'is what New-DbDesign carries as the ranking of its design' {
        $design = New-DbDesign -Path (Get-Example iot-telemetry) -ErrorAction Stop
        ($design.Technologies.Engine -join ',') | Should -Be ((Get-DbTechnologyRecommendation -Path (Get-Example iot-telemetry)).Engine -join ',')
        @($design.Roadmap).Count | Should -BeGreaterThan 1
    }
}
