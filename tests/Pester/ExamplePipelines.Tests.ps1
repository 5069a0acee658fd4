# The pipeline definitions of examples/pipelines/ run here as far as a machine without GitHub or Azure DevOps allows:
# every pwsh step's script runs as the runner would run it (pwsh, $ErrorActionPreference = 'Stop', exit with
# $LASTEXITCODE), in a scratch checkout, with the CI system's environment variables, against a scratch database on the
# local PostgreSQL that stands in for the service container or the secret connection. Steps that are actions or tasks
# (upload SARIF, publish JUnit) cannot run: the files they would publish are checked instead (JUnit with test cases,
# SARIF that the SARIF Multitool validates with no errors).

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Pipelines = @(Get-ChildItem (Join-Path $RepoRoot 'examples/pipelines') -Filter '*.yml' | Sort-Object Name | ForEach-Object { @{ File = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-ci-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Work | Out-Null
    $script:Multitool = (& bash (Join-Path $RepoRoot 'scripts/restore-sarif-multitool.sh') 2>$null | Select-Object -Last 1)

    $pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
    $script:PgParts = @{}
    foreach ($pair in $pg -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $PgParts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
    if (-not $PgParts['port']) { $PgParts['port'] = '5432' }
    $script:PgBase = $pg -replace 'Database=[^;]*', ''

    # The steps of a pipeline file: each list item under the top-level or job-level 'steps:', with its shell and script.
    # A small reader for the shapes these files use (run: |, pwsh: |, bash: ..., uses:/task: with inputs), not YAML at large.
    function Get-PipelineSteps([string] $Path) {
        $lines = Get-Content -LiteralPath $Path
        $start = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match '^\s*steps:\s*$' })
        $indent = ([regex]::Match($lines[$start + 1], '^\s*')).Length
        $steps = @(); $current = $null
        for ($i = $start + 1; $i -lt $lines.Count; $i++) {
            $line = $lines[$i]
            if ($line.Trim() -and ([regex]::Match($line, '^\s*')).Length -lt $indent) { break }
            # (An empty list is false in PowerShell: test for $null.)
            if ($line -match "^\s{$indent}- ") { if ($null -ne $current) { $steps += , $current }; $current = [System.Collections.Generic.List[string]]::new() }
            if ($null -ne $current) { $current.Add($line) }
        }
        if ($null -ne $current) { $steps += , $current }
        foreach ($step in $steps) {
            $text = $step -join "`n"
            $shell = if ($text -match '(?m)^\s*(- )?pwsh:') { 'pwsh' } elseif ($text -match '(?m)^\s*(- )?bash:|shell: bash') { 'bash' } elseif ($text -match '(?m)^\s*run:') { 'pwsh' } else { $null }
            $script = $null
            for ($j = 0; $j -lt $step.Count; $j++) {
                if ($step[$j] -match '^(\s*)(- )?(run|pwsh|bash):\s*(.*)$') {
                    $keyIndent = $Matches[1].Length + ([string]$Matches[2]).Length
                    if ($Matches[4] -ne '|') { $script = $Matches[4]; break }
                    $body = @(); for ($k = $j + 1; $k -lt $step.Count -and (-not $step[$k].Trim() -or ([regex]::Match($step[$k], '^\s*')).Length -gt $keyIndent); $k++) { $body += $step[$k] }
                    $cut = ($body | Where-Object { $_.Trim() } | ForEach-Object { ([regex]::Match($_, '^\s*')).Length } | Measure-Object -Minimum).Minimum
                    $script = ($body | ForEach-Object { if ($_.Length -ge $cut) { $_.Substring($cut) } else { '' } }) -join "`n"
                    break
                }
            }
            [pscustomobject]@{ Text = $text; Shell = $(if ($script) { $shell }); Script = $script }
        }
    }

    function Invoke-Step([string] $Checkout, [string] $Script) {
        # As GitHub's and Azure's pwsh runners do: stop on errors, exit with the last native exit code.
        Invoke-ChildPwsh -ScriptText @"
Set-Location -LiteralPath '$Checkout'
`$ErrorActionPreference = 'Stop'
$Script
if ((Test-Path -LiteralPath variable:\LASTEXITCODE)) { exit `$LASTEXITCODE }
"@
    }

    function Test-JUnitFiles([string[]] $Files) {
        $Files | Should -Not -BeNullOrEmpty
        foreach ($file in $Files) {
            $xml = [xml](Get-Content -Raw -LiteralPath $file)
            [int]$xml.testsuites.tests | Should -BeGreaterThan 0 -Because "$file counts its checks"
        }
    }

    function Test-SarifFiles([string[]] $Files) {
        $Files | Should -Not -BeNullOrEmpty
        foreach ($file in $Files) {
            $log = "$file.validation"
            $null = & $Multitool validate $file --output $log 2>&1
            $problems = @((Get-Content -Raw -LiteralPath $log | ConvertFrom-Json).runs[0].results | Where-Object { $_ -and $_.ruleId -ne 'SARIF2017' })
            $problems | Should -BeNullOrEmpty -Because "$file is valid SARIF"
            Remove-Item -LiteralPath $log
        }
    }
}

AfterAll {
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Example pipelines' {
    It 'runs every step of <File> against the local server and leaves the files its publish steps take' -ForEach $Pipelines {
        $github = $File -like '*github-actions*'
        $checkout = Join-Path $Work ($File -replace '\W', '_')
        New-Item -ItemType Directory -Path $checkout | Out-Null
        Copy-Item -Path (Join-Path $RepoRoot 'module') -Destination $checkout -Recurse
        Copy-Item -Path (Join-Path $RepoRoot 'examples') -Destination $checkout -Recurse
        $staging = Join-Path $checkout 'staging'
        New-Item -ItemType Directory -Path $staging | Out-Null

        # The service container (or the secret connection): a scratch database on the local server.
        $db = 'pipeline_ci_' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $env:PGPASSWORD = $PgParts['password']
        & psql -X -q -h $PgParts['host'] -p $PgParts['port'] -U $PgParts['username'] -d postgres -c "CREATE DATABASE $db TEMPLATE template0" | Out-Null
        $saved = @{}
        $environment = @{
            PGHOST = $PgParts['host']; PGPORT = $PgParts['port']; PGUSER = $PgParts['username']; PGPASSWORD = $PgParts['password']; PGDATABASE = $db
            DB_CONNECTION = "$PgBase;Database=$db"
            DB_USER = $PgParts['username']; DB_PASSWORD = $PgParts['password']
            # One runner of the matrix here (GitHub's SHARD from matrix.shard, Azure's job position and count).
            SHARD = $(if ($github) { '1/1' }); SYSTEM_JOBPOSITIONINPHASE = $(if (-not $github) { '1' }); SYSTEM_TOTALJOBSINPHASE = $(if (-not $github) { '1' })
            GITHUB_ACTIONS = $(if ($github) { 'true' }); GITHUB_STEP_SUMMARY = $(if ($github) { Join-Path $checkout 'step-summary.md' })
            TF_BUILD = $(if (-not $github) { 'True' }); BUILD_ARTIFACTSTAGINGDIRECTORY = $(if (-not $github) { $staging })
            # The health-check pipelines keep their results in a history database (here the scratch one), as one run per build.
            HISTORY_DB = "$PgBase;Database=$db"
            GITHUB_RUN_ID = $(if ($github) { '4242' }); BUILD_BUILDID = $(if (-not $github) { '4242' })
        }
        foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        try {
            # What a team commits with the pipelines: health settings (an exclusion needs its reason) and, for the
            # baseline pipeline, the accepted findings. The stand-in server is shared and long-lived: its checkpoint
            # history is every test's load, which a fresh service container would not have.
            New-Item -ItemType Directory -Path (Join-Path $checkout '.dbhealth') | Out-Null
            Set-Content -LiteralPath (Join-Path $checkout '.dbhealth/settings.json') -Value (@{
                    thresholds = @{ DEAD_TUPLES = 25 }
                    exclusions = @(@{ check = 'CHECKPOINT_PRESSURE'; reason = 'the shared test server''s checkpoint history, not this database' })
                } | ConvertTo-Json -Depth 4)
            # The estate the health-check pipelines sweep: the scratch database, as a team's inventory would list it.
            Set-Content -LiteralPath (Join-Path $checkout '.dbhealth/estate.csv') -Value @('server,port,engine,database,tags', "$($PgParts['host']),$($PgParts['port']),postgresql,$db,ci")
            if ($File -like 'health-check.github-actions.yml') {
                Invoke-DbHealthCheck -ConnectionString $environment.DB_CONNECTION -SettingsPath (Join-Path $checkout '.dbhealth/settings.json') -Baseline (Join-Path $checkout '.dbhealth/baseline.json') -UpdateBaseline -Annotations None | Out-Null
            }

            $steps = @(Get-PipelineSteps (Join-Path $RepoRoot "examples/pipelines/$File"))
            $ran = 0
            foreach ($step in $steps) {
                if ($step.Shell -eq 'pwsh') {
                    $script = $step.Script.Replace('$(Build.ArtifactStagingDirectory)', $staging)
                    $result = Invoke-Step $checkout $script
                    $result.ExitCode | Should -Be 0 -Because "the step ran:`n$script`n---`n$($result.Text)"
                    $ran++
                }
                elseif ($step.Shell -eq 'bash') {
                    # The build: this test runs on the module the suite built.
                    $step.Script | Should -Match 'dotnet build DbArchitect\.PS\.sln'
                }
                elseif ($step.Text -match 'upload-sarif') {
                    Test-SarifFiles @(Resolve-Path (Join-Path $checkout ([regex]::Match($step.Text, 'sarif_file:\s*(\S+)').Groups[1].Value)) | ForEach-Object ProviderPath)
                }
                elseif ($step.Text -match 'action-junit-report') {
                    Test-JUnitFiles @(Resolve-Path (Join-Path $checkout ([regex]::Match($step.Text, 'report_paths:\s*(\S+)').Groups[1].Value)) | ForEach-Object ProviderPath)
                }
                elseif ($step.Text -match 'PublishTestResults') {
                    $pattern = [regex]::Match($step.Text, 'testResultsFiles:\s*(\S+)').Groups[1].Value.Replace('$(Build.ArtifactStagingDirectory)', $staging)
                    Test-JUnitFiles @(Resolve-Path $pattern | ForEach-Object ProviderPath)
                }
                elseif ($step.Text -match 'PublishBuildArtifacts') {
                    $folder = [regex]::Match($step.Text, 'PathtoPublish:\s*(\S+)').Groups[1].Value.Replace('$(Build.ArtifactStagingDirectory)', $staging)
                    Test-SarifFiles @(Get-ChildItem -LiteralPath $folder -Filter '*.sarif' | ForEach-Object FullName)
                }
            }
            $ran | Should -BeGreaterThan 0
            if ($File -like 'database.*') {
                # The design was built in the database the later steps checked.
                (& psql -X -At -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'shop_fast'") | Should -BeGreaterThan 5
            }
            if ($github -and $File -like 'database.*') { Get-Content -Raw -LiteralPath $environment.GITHUB_STEP_SUMMARY | Should -Match 'Health check' }
            if ($File -like 'health-check.*') {
                # The shard's results reached the history as one run named by the build, passes included.
                $run = $(if ($github) { 'github:4242' } else { 'azure:4242' })
                (& psql -X -At -c "SELECT string_agg(DISTINCT run_id, ','), count(*) > 0, bool_or(severity = 'Pass') FROM dbarchitect_history.health_result") |
                    Should -Be "$run|t|t"
            }
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            & psql -X -q -h $PgParts['host'] -p $PgParts['port'] -U $PgParts['username'] -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" | Out-Null
        }
    }
}
