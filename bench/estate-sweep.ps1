<#
.SYNOPSIS
    Wall time of one Invoke-DbHealthCheck sweep over an estate of scratch databases on the local PostgreSQL and MariaDB,
    closed ports (refused at once) and, with -Silent N, silent servers (accept, never answer; each should cost its 1 s
    connect timeout, but a worker was seen held past it by the driver — see bench/README.md section 14), with
    -ThrottleLimit 1, 8 and 32.
.DESCRIPTION
    Creates the scratch databases (prefix estate_bench_<suffix>_), runs each throttle -Runs times and reports the
    median, and drops the databases. Every target is a piped object with Engine and ConnectionString, as an inventory
    exported to CSV would be. The figures go to bench/README.md, section 14.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/estate-sweep.ps1
#>
param(
    [int] $PgDatabases = 12,
    [int] $MariaDatabases = 150,
    [int] $Closed = 50,
    [int] $Silent = 0,
    [int[]] $Throttle = @(1, 8, 32),
    [int] $Runs = 3,
    [string[]] $Check = @('CONNECTIONS_USED')
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'module/DbArchitect.PS.psd1')

$pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
$maria = if ($env:DBARCHITECT_MARIADB_CONNECTION) { $env:DBARCHITECT_MARIADB_CONNECTION } else { 'Server=127.0.0.1;Port=3306;User ID=dbarchitect_test;Password=dbarchitect_test' }
function Split-Connection([string] $Text) {
    $parts = @{}
    foreach ($pair in $Text -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $parts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
    $parts
}
$p = Split-Connection $pg
$m = Split-Connection $maria
$env:PGHOST = $p['host']; $env:PGPORT = $(if ($p['port']) { $p['port'] } else { '5432' }); $env:PGUSER = $p['username']; $env:PGPASSWORD = $p['password']
$mariaArgs = @('-h', $m['server'], '-P', $(if ($m['port']) { $m['port'] } else { '3306' }), '-u', $m['user id'], "-p$($m['password'])")
$pgBase = ($pg -replace 'Database=[^;]*;?', '').TrimEnd(';')
$mariaBase = ($maria -replace 'Database=[^;]*;?', '').TrimEnd(';')

$suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
$pgDbs = @(1..$PgDatabases | ForEach-Object { 'estate_bench_{0}_pg{1:000}' -f $suffix, $_ })
$mariaDbs = @(1..$MariaDatabases | ForEach-Object { 'estate_bench_{0}_my{1:000}' -f $suffix, $_ })
$listeners = @()
try {
    ($pgDbs | ForEach-Object { "CREATE DATABASE $_ TEMPLATE template0;" }) -join "`n" | & psql -X -q -v ON_ERROR_STOP=1 -d postgres | Out-Null
    ($mariaDbs | ForEach-Object { "CREATE DATABASE $_;" }) -join "`n" | & mariadb @mariaArgs

    # Silent servers first, so no closed port is one of theirs (the sweep would count the two as one target).
    $listeners = @(for ($i = 0; $i -lt $Silent; $i++) { $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(100); $l })
    $taken = @($listeners | ForEach-Object { $_.LocalEndpoint.Port })
    $closedPorts = @($(for ($i = 0; $i -lt $Closed; $i++) {
            $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $port = $l.LocalEndpoint.Port; $l.Stop(); $port
        }) | Where-Object { $_ -notin $taken } | Sort-Object -Unique)

    $targets = @(
        $pgDbs | ForEach-Object { [pscustomobject]@{ Engine = 'postgresql'; ConnectionString = "$pgBase;Database=$_" } }
        $mariaDbs | ForEach-Object { [pscustomobject]@{ Engine = 'mariadb'; ConnectionString = "$mariaBase;Database=$_" } }
        $closedPorts | ForEach-Object { [pscustomobject]@{ Engine = 'postgresql'; ConnectionString = "Host=127.0.0.1;Port=$_;Username=nobody;Password=nobody;Database=nowhere" } }
        $listeners | ForEach-Object { [pscustomobject]@{ Engine = 'postgresql'; ConnectionString = "Host=127.0.0.1;Port=$($_.LocalEndpoint.Port);Username=nobody;Password=nobody;Database=nowhere;Timeout=1" } }
    )
    $reachable = $pgDbs.Count + $mariaDbs.Count
    $null = $targets | Select-Object -First 3 | Invoke-DbHealthCheck -Check $Check -ErrorAction SilentlyContinue   # warm up: load, JIT

    $rows = foreach ($limit in $Throttle) {
        $times = foreach ($run in 1..$Runs) {
            $errors = $null
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $results = @($targets | Invoke-DbHealthCheck -Check $Check -ThrottleLimit $limit -ErrorVariable errors -ErrorAction SilentlyContinue)
            $clock.Stop()
            $answered = @($results | ForEach-Object { "$($_.Engine)/$($_.Database)" } | Sort-Object -Unique).Count
            if ($answered -ne $reachable -or @($errors).Count -ne $closedPorts.Count + $listeners.Count) {
                throw "Throttle ${limit}: $answered of $reachable targets answered and $(@($errors).Count) errors for $($closedPorts.Count + $listeners.Count) unreachable targets."
            }
            $clock.Elapsed.TotalSeconds
        }
        $sorted = @($times | Sort-Object)
        [pscustomobject]@{
            Throttle = $limit
            Targets  = $targets.Count
            Results  = $reachable
            Errors   = $closedPorts.Count + $listeners.Count
            MedianS  = [math]::Round($sorted[[int][math]::Floor($sorted.Count / 2)], 2)
            MinS     = [math]::Round($sorted[0], 2)
        }
    }

    '{0} targets: {1} PostgreSQL and {2} MariaDB databases, {3} closed ports, {4} silent servers (1 s connect timeout); checks {5}; median of {6} runs' -f `
        $targets.Count, $pgDbs.Count, $mariaDbs.Count, $closedPorts.Count, $listeners.Count, ($Check -join ', '), $Runs
    '| -ThrottleLimit | targets | results | errors | median s | min s |'
    '|---:|---:|---:|---:|---:|---:|'
    foreach ($row in $rows) {
        '| {0} | {1} | {2} | {3} | {4} | {5} |' -f $row.Throttle, $row.Targets, $row.Results, $row.Errors, $row.MedianS.ToString('0.00', [cultureinfo]::InvariantCulture), $row.MinS.ToString('0.00', [cultureinfo]::InvariantCulture)
    }
}
finally {
    $listeners | ForEach-Object { $_.Stop() }
    ($pgDbs | ForEach-Object { "DROP DATABASE IF EXISTS $_ WITH (FORCE);" }) -join "`n" | & psql -X -q -d postgres | Out-Null
    ($mariaDbs | ForEach-Object { "DROP DATABASE IF EXISTS $_;" }) -join "`n" | & mariadb @mariaArgs
}
