# The estate sweep as a DBA runs it: many -Server names, piped strings and objects, inventories with bad rows,
# -ThrottleLimit, -Shard, -EnableException, -CredentialName through a SecretManagement vault (a stub module here),
# Ctrl+C, and the proof: a sweep of 200+ targets (scratch databases on the local PostgreSQL and MariaDB plus closed
# ports) returns every reachable target's results and exactly one error per unreachable target.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-estate-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Work | Out-Null

    $pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
    $parts = @{}
    foreach ($pair in $pg -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $parts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
    $script:PgHost = $parts['host']
    $script:PgPort = [int]$(if ($parts['port']) { $parts['port'] } else { 5432 })
    $script:Credential = [pscredential]::new($parts['username'], (ConvertTo-SecureString $parts['password'] -AsPlainText -Force))
    $env:PGHOST = $PgHost; $env:PGPORT = $PgPort; $env:PGUSER = $parts['username']; $env:PGPASSWORD = $parts['password']

    $maria = if ($env:DBARCHITECT_MARIADB_CONNECTION) { $env:DBARCHITECT_MARIADB_CONNECTION } else { 'Server=127.0.0.1;Port=3306;User ID=dbarchitect_test;Password=dbarchitect_test' }
    $mparts = @{}
    foreach ($pair in $maria -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $mparts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
    $script:MariaHost = $mparts['server']
    $script:MariaPort = [int]$(if ($mparts['port']) { $mparts['port'] } else { 3306 })
    $script:MariaArgs = @('-h', $MariaHost, '-P', $MariaPort, '-u', $mparts['user id'], "-p$($mparts['password'])")

    # Ports nothing listens on: bound for a moment by the kernel's choice, then released.
    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $port
    }

    # The scratch databases of this run (prefix estate_<suffix>_), created at once and dropped in AfterAll. Most are on
    # MariaDB, where CREATE and DROP DATABASE take milliseconds; PostgreSQL's DROP DATABASE waits for a checkpoint
    # (about 1.5 s each here), so it gets a dozen.
    $script:Suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:PgDbs = @(1..12 | ForEach-Object { 'estate_{0}_pg{1:000}' -f $Suffix, $_ })
    $script:MariaDbs = @(1..150 | ForEach-Object { 'estate_{0}_my{1:000}' -f $Suffix, $_ })
    ($PgDbs | ForEach-Object { "CREATE DATABASE $_ TEMPLATE template0;" }) -join "`n" | & psql -X -q -v ON_ERROR_STOP=1 -d postgres | Out-Null
    ($MariaDbs | ForEach-Object { "CREATE DATABASE $_;" }) -join "`n" | & mariadb @MariaArgs
}

AfterAll {
    ($PgDbs | ForEach-Object { "DROP DATABASE IF EXISTS $_ WITH (FORCE);" }) -join "`n" | & psql -X -q -d postgres | Out-Null
    ($MariaDbs | ForEach-Object { "DROP DATABASE IF EXISTS $_;" }) -join "`n" | & mariadb @MariaArgs
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Estate sweep' {
    It 'takes many -Server names (host, host,port and host:port), sweeps a target named twice once, and stamps each result with its target' {
        $closed = Get-ClosedPort
        $errors = $null
        # The same target written two ways is swept once. (A bare host means port 5432: the fresh cluster of a CI run is
        # on another port, so the bare form is covered by the Core name tests, not here.)
        $rows = Invoke-DbHealthCheck -Server "$PgHost,$PgPort", "${PgHost}:$PgPort", "${PgHost}:$closed" -Database $PgDbs[0] -Credential $Credential -Check CONNECTIONS_USED -ErrorVariable errors -ErrorAction SilentlyContinue
        @($rows).Count | Should -Be 1
        $rows.Server | Should -Be $PgHost
        $rows.Port | Should -Be $PgPort
        $rows.Database | Should -Be $PgDbs[0]
        $rows.Engine | Should -Be 'postgresql'
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ConnectionFailed,DbArchitect.PS.Commands.InvokeDbHealthCheckCommand'
        "$($errors[0])" | Should -BeLike "*${PgHost}:$closed/*"
    }

    It 'binds piped strings and piped objects with Server, Port, Database and Engine (Import-Csv rows)' {
        $closed = Get-ClosedPort
        $errors = $null
        $fromStrings = "$PgHost,$PgPort", "127.0.0.1:$closed" | Invoke-DbHealthCheck -Credential $Credential -Database $PgDbs[1] -Check CONNECTIONS_USED -ErrorVariable errors -ErrorAction SilentlyContinue
        "$($fromStrings.Server):$($fromStrings.Port)/$($fromStrings.Database)" | Should -Be "${PgHost}:$PgPort/$($PgDbs[1])"
        @($errors).Count | Should -Be 1
        $csv = Join-Path $Work 'objects.csv'
        @(
            [pscustomobject]@{ Server = $PgHost; Port = $PgPort; Database = $PgDbs[2]; Engine = 'postgresql' }
            [pscustomobject]@{ Server = $MariaHost; Port = $MariaPort; Database = $MariaDbs[0]; Engine = 'mariadb' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv | Invoke-DbHealthCheck -Credential $Credential -Check CONNECTIONS_USED -ErrorAction Stop
        ($rows | Sort-Object Engine | ForEach-Object { "$($_.Engine) $($_.Server):$($_.Port)/$($_.Database)" }) | Should -Be @(
            "mariadb ${MariaHost}:$MariaPort/$($MariaDbs[0])", "postgresql ${PgHost}:$PgPort/$($PgDbs[2])")
    }

    It 'sends a bare piped name to Get-IndexRecommendation''s live sweep, and a piped design still to its design set' {
        $closed = Get-ClosedPort
        $errors = $null
        "127.0.0.1:$closed" | Get-IndexRecommendation -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^ConnectionFailed'
        $errors[0].Exception.Message | Should -Match "127\.0\.0\.1:$closed"
        $design = New-DbDesign -Path (Join-Path $RepoRoot 'examples/requirements/ecommerce.yaml')
        { $design | Get-IndexRecommendation -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Not -Throw
    }

    It 'reads an inventory, reports each bad row at file:line:column with the fix, and sweeps the good rows' {
        $inventory = Join-Path $Work 'estate.csv'
        @(
            'server,port,engine,database,tags'
            "$PgHost,$PgPort,postgresql,$($PgDbs[3]),prod"
            "$PgHost,99999,postgresql,$($PgDbs[4]),"
            "$MariaHost,$MariaPort,mariadb,$($MariaDbs[1]),eu"
            "$PgHost,,cassandra,x,"
        ) | Set-Content -LiteralPath $inventory
        $errors = $null
        $rows = Invoke-DbHealthCheck -InventoryPath $inventory -Credential $Credential -Check CONNECTIONS_USED -ErrorVariable errors -ErrorAction SilentlyContinue
        ($rows.Database | Sort-Object) | Should -Be (@($PgDbs[3], $MariaDbs[1]) | Sort-Object)
        @($errors).Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'EstatePortInvalid*'
        $errors[0].ErrorDetails.Message | Should -BeLike "${inventory}:3:*"
        $errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*1 to 65535*'
        $errors[1].FullyQualifiedErrorId | Should -BeLike 'InventoryEngineInvalid*'
        $errors[1].ErrorDetails.Message | Should -BeLike "${inventory}:5:*"
        $errors[1].ErrorDetails.RecommendedAction | Should -BeLike '*postgresql*mariadb*'
    }

    It 'sweeps only the inventory rows carrying a -Tag, completes the inventory''s tags, and says when a tag chooses nothing' {
        $inventory = Join-Path $Work 'tagged.csv'
        @(
            'server,port,engine,database,tags'
            "$PgHost,$PgPort,postgresql,$($PgDbs[5]),prod;eu"
            "$MariaHost,$MariaPort,mariadb,$($MariaDbs[2]),Prod"
            "$MariaHost,$MariaPort,mariadb,$($MariaDbs[3]),staging|reporting"
            "$MariaHost,$MariaPort,mariadb,$($MariaDbs[4]),"
        ) | Set-Content -LiteralPath $inventory
        $prod = @(Invoke-DbHealthCheck -InventoryPath $inventory -Tag PROD -Credential $Credential -Check CONNECTIONS_USED -ErrorAction Stop)
        ($prod.Database | Sort-Object) | Should -Be (@($PgDbs[5], $MariaDbs[2]) | Sort-Object)
        $union = @(Invoke-DbHealthCheck -InventoryPath $inventory -Tag eu, reporting -Credential $Credential -Check CONNECTIONS_USED -ErrorAction Stop)
        ($union.Database | Sort-Object) | Should -Be (@($PgDbs[5], $MariaDbs[3]) | Sort-Object)

        $none = @(Invoke-DbHealthCheck -InventoryPath $inventory -Tag qa -Credential $Credential -Check CONNECTIONS_USED -WarningVariable warned -ErrorAction Stop 3>$null)
        $none.Count | Should -Be 0
        "$warned" | Should -BeLike "*carries the tag qa*its tags are eu, prod, reporting, staging.*"
        { Invoke-DbHealthCheck -Server $PgHost -Tag prod -Credential $Credential -ErrorAction Stop } | Should -Throw -ErrorId 'EstateTagWithoutInventory*'

        Push-Location $Work
        try {
            $line = 'Invoke-DbHealthCheck -InventoryPath ./tagged.csv -Tag '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('eu', 'prod', 'reporting', 'staging')
            $line = 'Invoke-DbHealthCheck -InventoryPath ./tagged.csv -Tag st'
            $match = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $match.CompletionText | Should -Be @('staging')
            $match.ToolTip | Should -Be '1 target(s) tagged staging'
            $line = 'Invoke-DbHealthCheck -Tag '
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches).Count | Should -Be 0
        }
        finally { Pop-Location }
    }

    It 'makes a failing target terminating with -EnableException' {
        $closed = Get-ClosedPort
        { Invoke-DbHealthCheck -Server "127.0.0.1:$closed" -Check CONNECTIONS_USED -EnableException -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'ConnectionFailed,DbArchitect.PS.Commands.InvokeDbHealthCheckCommand'
        { Invoke-DbHealthCheck -Server "127.0.0.1:$closed" -Check CONNECTIONS_USED -ErrorAction SilentlyContinue } | Should -Not -Throw
    }

    It 'splits an estate into -Shard k/n that cover it exactly once, and validates and completes -Shard' {
        $names = @($MariaDbs[10..39])
        $all = foreach ($k in 1..3) {
            $names | ForEach-Object { [pscustomobject]@{ Server = $MariaHost; Port = $MariaPort; Database = $_; Engine = 'mariadb' } } |
                Invoke-DbHealthCheck -Credential $Credential -Check CONNECTIONS_USED -Shard "$k/3" -ErrorAction Stop |
                ForEach-Object { [pscustomobject]@{ Shard = $k; Database = $_.Database } }
        }
        @($all).Count | Should -Be $names.Count
        ($all.Database | Sort-Object) | Should -Be ($names | Sort-Object)
        @($all | Group-Object Shard).Count | Should -Be 3
        { Invoke-DbHealthCheck -Server $PgHost -Shard 5/4 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,DbArchitect.PS.Commands.InvokeDbHealthCheckCommand'
        $line = 'Invoke-DbHealthCheck -Server db1 -Shard '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '2/4'
        $line = 'Invoke-DbHealthCheck -Server db1 -Shard 3/'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('3/4')
    }

    It 'reads -CredentialName through SecretManagement (a stub vault here), and never shows the password' {
        $closed = Get-ClosedPort
        $none = $null
        Invoke-DbHealthCheck -Server $PgHost -Port $PgPort -CredentialName pg-test -Check CONNECTIONS_USED -ErrorVariable none -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $none[0].FullyQualifiedErrorId | Should -BeLike 'SecretManagementNotInstalled*'
        $none[0].ErrorDetails.RecommendedAction | Should -BeLike '*Install-PSResource Microsoft.PowerShell.SecretManagement*-Credential*'

        $modules = Join-Path $Work 'modules'
        $stub = New-Item -ItemType Directory -Path (Join-Path $modules 'Microsoft.PowerShell.SecretManagement/1.1.2') -Force
        Set-Content -LiteralPath (Join-Path $stub 'Microsoft.PowerShell.SecretManagement.psm1') -Value @"
function Get-Secret {
    param([Parameter(Mandatory)] [string] `$Name, [string] `$Vault)
    switch (`$Name) {
        'pg-test' { [pscredential]::new('$($Credential.UserName)', (ConvertTo-SecureString '$($Credential.GetNetworkCredential().Password)' -AsPlainText -Force)) }
        'wrong'   { [pscredential]::new('$($Credential.UserName)', (ConvertTo-SecureString 'Wr0ng-Estate-S3cret' -AsPlainText -Force)) }
        'text'    { 'just text' }
        default   { throw "The secret `$Name was not found." }
    }
}
"@
        New-ModuleManifest -Path (Join-Path $stub 'Microsoft.PowerShell.SecretManagement.psd1') -RootModule 'Microsoft.PowerShell.SecretManagement.psm1' -ModuleVersion 1.1.2 -FunctionsToExport Get-Secret
        $previous = $env:PSModulePath
        $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath
        try {
            $inventory = Join-Path $Work 'secrets.yaml'
            @"
- { server: $PgHost, port: $PgPort, database: $($PgDbs[6]), credential: pg-test }
- { server: $PgHost, port: $PgPort, database: $($PgDbs[7]), credential: wrong }
- { server: $PgHost, port: $PgPort, database: $($PgDbs[8]), credential: text }
- { server: $PgHost, port: $PgPort, database: $($PgDbs[9]), credential: missing }
- { server: $PgHost, port: $PgPort, database: $($PgDbs[10]) }
"@ | Set-Content -LiteralPath $inventory
            $errors = $null
            $all = Invoke-DbHealthCheck -InventoryPath $inventory -CredentialName pg-test -Check CONNECTIONS_USED -Verbose -ErrorVariable errors -ErrorAction SilentlyContinue *>&1
            $rows = @($all | Where-Object { $_.PSObject.TypeNames -contains 'DbArchitect.Core.Health.HealthCheckResult' })
            ($rows.Database | Sort-Object) | Should -Be @($PgDbs[6], $PgDbs[10])
            ($errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Sort-Object) | Should -Be @('ConnectionFailed', 'CredentialNotFound', 'CredentialNotPSCredential')
            $text = ($all | Out-String -Width 400) + ($errors | ForEach-Object { "$_ $($_.ErrorDetails.RecommendedAction) $($_.Exception.Message)" }) + (($rows | ConvertTo-Csv) -join "`n")
            $text | Should -Not -BeLike '*Wr0ng-Estate-S3cret*'
            $text | Should -Not -BeLike '*Password=*'
        }
        finally {
            $env:PSModulePath = $previous
            Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
        }
    }

    It 'documents the sweep parameters in Get-Help of every live cmdlet (<_>)' -ForEach @('Invoke-DbHealthCheck', 'Get-IndexRecommendation', 'Import-DbSchema', 'Compare-DbSchema', 'New-PartitionScript', 'Get-DbConfigRecommendation') {
        foreach ($name in 'InventoryPath', 'Tag', 'CredentialName', 'ThrottleLimit', 'Shard', 'EnableException') {
            (Get-Help $_ -Parameter $name).description.Text | Should -Not -BeNullOrEmpty -Because "$_ -$name"
        }
        (Get-Help $_ -Parameter Shard).description.Text | Should -BeLike '*stable hash*'
        (Get-Command $_).Parameters['Server'].ParameterSets.Values.ValueFromPipeline | Should -Contain $true
    }

    It 'stops a sweep on Ctrl+C (StopProcessing) without waiting out the targets' {
        # Servers that accept and never answer: without the stop, each would hold its worker for the 15 s connect timeout.
        $listeners = 1..4 | ForEach-Object { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $l }
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$ModuleManifest'; Invoke-DbHealthCheck -ConnectionString $(($listeners | ForEach-Object { "'Host=127.0.0.1;Port=$($_.LocalEndpoint.Port);Username=x;Password=y;Timeout=15'" }) -join ',') -ThrottleLimit 2")
            $async = $ps.BeginInvoke()
            Start-Sleep -Seconds 3
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
            $async.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Dispose()
        }
        finally {
            $listeners | ForEach-Object { $_.Stop() }
        }
    }

    It 'sweeps 200+ targets: every reachable one''s results, exactly one error per unreachable one, ready for Group-Object and Export-Csv' {
        $closed = @(1..50 | ForEach-Object { Get-ClosedPort } | Sort-Object -Unique)
        $targets = @(
            $PgDbs | ForEach-Object { [pscustomobject]@{ Server = $PgHost; Port = $PgPort; Database = $_; Engine = 'postgresql' } }
            $MariaDbs | ForEach-Object { [pscustomobject]@{ Server = $MariaHost; Port = $MariaPort; Database = $_; Engine = 'mariadb' } }
            $closed | ForEach-Object { [pscustomobject]@{ Server = '127.0.0.1'; Port = $_; Database = 'nowhere'; Engine = 'postgresql' } }
        )
        $targets.Count | Should -BeGreaterOrEqual 200
        $errors = $null
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $rows = $targets | Invoke-DbHealthCheck -Credential $Credential -Check CONNECTIONS_USED -ThrottleLimit 16 -ErrorVariable errors -ErrorAction SilentlyContinue
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 75
        Write-Host ("    {0} targets in {1:0.0} s" -f $targets.Count, $clock.Elapsed.TotalSeconds)

        $reachable = @($PgDbs) + @($MariaDbs)
        (@($rows | Select-Object -ExpandProperty Database -Unique) | Sort-Object) | Should -Be ($reachable | Sort-Object)
        @($rows).Count | Should -Be $reachable.Count
        @($errors).Count | Should -Be $closed.Count
        ($errors | ForEach-Object { if ("$_" -match '127\.0\.0\.1:(\d+)/') { [int]$Matches[1] } } | Sort-Object) | Should -Be $closed
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed*' }

        $groups = $rows | Group-Object Engine, Port
        @($groups).Count | Should -Be 2
        $csv = Join-Path $Work 'sweep.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $back = Import-Csv -LiteralPath $csv
        $back.Count | Should -Be $rows.Count
        $back[0].PSObject.Properties.Name | Should -Contain 'Server'
        $back[0].PSObject.Properties.Name | Should -Contain 'EvidenceText'
        ($back | Where-Object { $_.Database -eq $MariaDbs[0] }).Port | Should -Be "$MariaPort"
    }
}
