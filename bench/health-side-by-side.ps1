<#
.SYNOPSIS
    Issue 16's side-by-side: seeds a scratch MariaDB database and a scratch PostgreSQL database with planted faults and
    healthy controls (bench/health/*.sql, listed in bench/health/faults.tsv), runs Invoke-DbHealthCheck (-Deep) and
    the peer tools that run here, and prints recall, false positives and time per tool. Everything it creates (the
    databases, the bench_hc_* accounts and role, the bench_hcpg_* roles) is dropped at the end.
.DESCRIPTION
    Peers (scripts/install-bench-tools.sh installs them): pt-duplicate-key-checker and MySQLTuner on MariaDB,
    check_postgres (every action that reads a database's objects) on PostgreSQL. A peer finds a fault when its output
    matches the fault's peer_pattern (the object's name); a peer's false positive is an output line naming a control.
    Invoke-DbHealthCheck finds a fault when a finding has the fault's CheckId and Target; its false positives are
    findings on the controls.
.EXAMPLE
    ./build.sh && scripts/install-bench-tools.sh && dotnet pwsh -NoProfile -File bench/health-side-by-side.ps1
#>
param(
    [string] $MariaDbHost = '127.0.0.1', [int] $MariaDbPort = 3306,
    [string] $PgHost = '127.0.0.1', [int] $PgPort = 5432,
    [string] $User = 'dbarchitect_test', [string] $Password = 'dbarchitect_test'
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$here = Join-Path $PSScriptRoot 'health'
Import-Module (Join-Path $root 'module/DbArchitect.PS.psd1')

# An engine written "<engine>-own" is a fault planted in a throw-away server of that engine (server options or files
# the shared servers must keep: performance_schema, ssl, pg_hba.conf, a crashed table); it counts with its engine.
$faults = Get-Content (Join-Path $here 'faults.tsv') | Where-Object { $_ -notmatch '^#' -and $_ } | ForEach-Object {
    $f = $_ -split "`t"
    [pscustomobject]@{ Engine = $f[0] -replace '-own$', ''; Own = $f[0].EndsWith('-own'); CheckId = $f[1]; Target = $f[2]; PeerPattern = $f[3]; Fault = $f[4] }
}
$controls = @{
    mariadb    = '\bok_\w+|bench_hc_(locked|sock|strong|reader|role)\b|\bft_(used|multi|proc)\b'
    postgresql = '\bok_\w+|\bclosed_schema\b|bench_hcpg_(ok|group)\b|\bpg_partman\b'
}
$suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
$env:MYSQL_PWD = $Password
$env:PGPASSWORD = $Password

function Invoke-Client([string] $Program, [string[]] $Arguments, [string] $InputText) {
    $output = $InputText | & $Program @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) { throw "$Program failed: $output" }
    $output
}
function Maria([string] $Sql, [string] $Database) {
    $arguments = @('--protocol=tcp', '-h', $MariaDbHost, '-P', $MariaDbPort, '-u', $User, '--batch')
    if ($Database) { $arguments += "--database=$Database" }
    Invoke-Client mariadb $arguments $Sql
}
function Pg([string] $Sql, [string] $Database = 'postgres') {
    Invoke-Client psql @('-h', $PgHost, '-p', $PgPort, '-U', $User, '-d', $Database, '-v', 'ON_ERROR_STOP=1', '-q', '-X') $Sql
}
function Get-FreePort {
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop(); $port
}
$isRoot = (& id -u) -eq '0'
# A throw-away mariadbd (performance_schema = ON) in a temporary folder on a free port; root logs in over TCP without a password.
function Start-OwnMariaDb {
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("bench-mariadb-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory $folder | Out-Null
    $user = @(); if ($isRoot) { & chown mysql:mysql $folder; $user = @('--user=mysql') }
    & mariadb-install-db --no-defaults "--datadir=$folder/data" --auth-root-authentication-method=normal --skip-test-db @user *> "$folder/install.log"
    $port = Get-FreePort
    $process = Start-Process mariadbd -PassThru -ArgumentList (@('--no-defaults', "--datadir=$folder/data", "--port=$port", '--bind-address=127.0.0.1',
        "--socket=$folder/mysqld.sock", "--pid-file=$folder/mysqld.pid", "--log-error=$folder/error.log", '--innodb-buffer-pool-size=64M', '--performance-schema=ON') + $user)
    foreach ($i in 1..120) { & mariadb-admin --protocol=tcp -h 127.0.0.1 -P $port -u root ping *> $null; if ($LASTEXITCODE -eq 0) { break }; Start-Sleep -Milliseconds 500 }
    [pscustomobject]@{ Folder = $folder; Port = $port; Process = $process }
}
function Stop-OwnMariaDb($Server) {
    & mariadb-admin --protocol=tcp -h 127.0.0.1 -P $Server.Port -u root shutdown *> $null
    $Server.Process.WaitForExit(60000) | Out-Null
    Remove-Item -Recurse -Force $Server.Folder
}
function MariaOwn($Server, [string] $Sql, [string] $Database) {
    $arguments = @('--protocol=tcp', '-h', '127.0.0.1', '-P', $Server.Port, '-u', 'root', '--batch')
    if ($Database) { $arguments += "--database=$Database" }
    $saved = $env:MYSQL_PWD; $env:MYSQL_PWD = ''
    try { Invoke-Client mariadb $arguments $Sql } finally { $env:MYSQL_PWD = $saved }
}
# A throw-away PostgreSQL 15 cluster (initdb, as the postgres user when run as root) on a free port, with the server
# configuration the shared cluster must keep: ssl off (initdb's default), a trust line for 10.0.0.0/8, md5 hashing.
function Start-OwnPg {
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("bench-pg-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory $folder | Out-Null
    $Password | Set-Content "$folder/pwfile"
    if ($isRoot) { & chown -R postgres:postgres $folder }
    PgTool initdb -D "$folder/data" -U postgres -A scram-sha-256 "--pwfile=$folder/pwfile" -E UTF8 --no-sync *> "$folder/initdb.log"
    if ($LASTEXITCODE -ne 0) { throw "initdb failed: $(Get-Content -Raw "$folder/initdb.log")" }
    Add-Content "$folder/data/pg_hba.conf" 'host    all             all             10.0.0.0/8              trust'
    Add-Content "$folder/data/postgresql.conf" 'password_encryption = md5'
    $trustLine = @(Get-Content "$folder/data/pg_hba.conf").Count
    $port = Get-FreePort
    PgTool pg_ctl -D "$folder/data" -l "$folder/server.log" -w -t 60 -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$folder" start *> $null
    if ($LASTEXITCODE -ne 0) { throw "pg_ctl start failed: $(Get-Content -Raw "$folder/server.log")" }
    [pscustomobject]@{ Folder = $folder; Port = $port; TrustLine = $trustLine }
}
function Stop-OwnPg($Cluster) {
    PgTool pg_ctl -D "$($Cluster.Folder)/data" -w -t 60 -m fast stop *> $null
    Remove-Item -Recurse -Force $Cluster.Folder
}
# initdb and pg_ctl refuse to run as root: as root they run as the postgres user. No named parameter: pg_ctl's own
# options (-t, -D …) would bind to it.
function PgTool {
    $path = "/usr/lib/postgresql/15/bin/$($args[0])"
    $rest = @($args | Select-Object -Skip 1)
    if ($isRoot) { & runuser -u postgres -- $path @rest } else { & $path @rest }
}
function Timed([scriptblock] $Run) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $text = try { (& $Run 2>&1 | Out-String) } catch { "FAILED: $_" }
    [pscustomobject]@{ Output = $text; Seconds = $clock.Elapsed.TotalSeconds }
}
function Score([string] $Tool, [string] $Engine, $Found, [int] $FalsePositives, [double] $Seconds, [string] $Note) {
    $planted = @($faults | Where-Object Engine -eq $Engine).Count
    [pscustomobject]@{
        Tool = $Tool; Engine = $Engine; Found = $Found.Count; Planted = $planted
        Recall = '{0:0} %' -f (100 * $Found.Count / $planted); FalsePositives = $FalsePositives
        Seconds = [math]::Round($Seconds, 2); Note = $Note
    }
}
function Score-Module([string] $Engine, $Results, [double] $Seconds) {
    $findings = @($Results | Where-Object { $_.Status -in 'Info', 'Warning', 'Critical' })
    $found = @($faults | Where-Object Engine -eq $Engine | Where-Object { $f = $_; $findings | Where-Object { $_.CheckId -eq $f.CheckId -and $_.Target -eq $f.Target } })
    $onControls = @($findings | Where-Object { $_.Target -match $controls[$Engine] })
    $findings | Where-Object { $r = $_; $faults | Where-Object { $_.Engine -eq $Engine -and $_.CheckId -eq $r.CheckId -and $_.Target -eq $r.Target } } |
        ForEach-Object { Write-Host "  found: $($_.Status) $($_.CheckId) $($_.Target): $($_.Message)" }
    $onControls | ForEach-Object { Write-Host "  false positive: $($_.CheckId) $($_.Target): $($_.Message)" }
    $missed = @($faults | Where-Object Engine -eq $Engine | Where-Object { $_ -notin $found })
    $missed | ForEach-Object { Write-Host "  missed: $($_.CheckId) $($_.Target) ($($_.Fault))" }
    # Findings that are neither a planted fault nor on a control: the server's own state (shown, not scored).
    $findings | Where-Object { $r = $_; -not ($faults | Where-Object { $_.Engine -eq $Engine -and $_.CheckId -eq $r.CheckId -and $_.Target -eq $r.Target }) -and $r.Target -notmatch $controls[$Engine] } |
        ForEach-Object { Write-Host "  other: $($_.Status) $($_.CheckId) $($_.Target): $($_.Message)" }
    Score 'Invoke-DbHealthCheck -Deep' $Engine $found $onControls.Count $Seconds "$($findings.Count) findings, $(@($Results | Where-Object Status -eq 'Error').Count) errors"
}
# A peer's finding is an output line that reports a problem ($FindingLine: MySQLTuner's [!!], check_postgres's
# WARNING/CRITICAL); listing an object in an inventory is not finding it.
function Score-Peer([string] $Tool, [string] $Engine, $Run, [string] $FindingLine, [string] $Note) {
    # Nagios performance data (after " | ") lists every object measured, not only those reported.
    $lines = @($Run.Output -split "`n" | ForEach-Object { ($_ -split ' \| ')[0] } | Where-Object { $_ -match $FindingLine })
    $found = @($faults | Where-Object Engine -eq $Engine | Where-Object { $p = $_.PeerPattern; @($lines | Where-Object { $_ -match $p }).Count -gt 0 })
    $onControls = @($lines | Where-Object { $_ -match $controls[$Engine] })
    $onControls | ForEach-Object { Write-Host "  false positive ($Tool): $($_.Trim())" }
    Score $Tool $Engine $found $onControls.Count $Run.Seconds $Note
}

$rows = @()

# MariaDB ------------------------------------------------------------------------------------------------------------
$mdb = "bench_health_$suffix"
$mariaAccounts = "DROP USER IF EXISTS 'bench_hc_same'@'localhost', 'bench_hc_common'@'localhost', 'bench_hc_nopass'@'localhost', 'bench_hc_wild'@'%', 'bench_hc_wildrole'@'%', 'bench_hc_locked'@'localhost', 'bench_hc_sock'@'localhost', 'bench_hc_strong'@'10.0.0.5', 'bench_hc_reader'@'%'; DROP ROLE IF EXISTS bench_hc_role;"
Maria $mariaAccounts | Out-Null
Maria "CREATE DATABASE ``$mdb`` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci" | Out-Null
$ownMaria = Start-OwnMariaDb
try {
    Maria (Get-Content -Raw (Join-Path $here 'mariadb-faults.sql')) $mdb | Out-Null
    # Purge removes the deleted rows from fault_frag's pages within seconds on an idle server; until then they still count.
    foreach ($i in 1..120) {
        $left = (Maria "SELECT COUNT(*) FROM fault_frag USE INDEX (); SELECT COUNT(*) FROM fault_frag FORCE INDEX (fault_frag_v); SELECT COALESCE(MAX(n), 0) AS n FROM (SELECT SUM(number_records) AS n FROM information_schema.innodb_buffer_page WHERE page_type = 'INDEX' AND table_name = '``$mdb``.``fault_frag``' GROUP BY index_name) x" $mdb)[-1]
        if ([long] $left -le 21000) { break }
        Start-Sleep -Milliseconds 500
    }
    # The throw-away server: FULLTEXT indexes searched or not (performance_schema's digests), and a MyISAM table whose data
    # file a crash cut short.
    MariaOwn $ownMaria (Get-Content -Raw (Join-Path $here 'mariadb-own-faults.sql')) | Out-Null
    $data = [IO.File]::Open("$($ownMaria.Folder)/data/bench_own/crashed.MYD", 'Open', 'Write'); $data.SetLength(100000); $data.Dispose()
    Write-Host "MariaDB: $mdb seeded, and bench_own on a throw-away server (port $($ownMaria.Port), performance_schema = ON)"
    $cs = "Server=$MariaDbHost;Port=$MariaDbPort;User ID=$User;Password=$Password;Database=$mdb"
    $ownCs = "Server=127.0.0.1;Port=$($ownMaria.Port);User ID=root;Database=bench_own"
    Invoke-DbHealthCheck -Engine mariadb -ConnectionString $cs | Out-Null   # warm-up: loading and JIT are not the check's cost
    $default = Timed { Invoke-DbHealthCheck -Engine mariadb -ConnectionString $cs | Out-Null }
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $results = @(Invoke-DbHealthCheck -Engine mariadb -ConnectionString $cs -Deep)
    $sharedSeconds = $clock.Elapsed.TotalSeconds
    $clock.Restart()
    $results += @(Invoke-DbHealthCheck -Engine mariadb -ConnectionString $ownCs -Deep)
    $ownSeconds = $clock.Elapsed.TotalSeconds
    $rows += Score-Module 'mariadb' $results ($sharedSeconds + $ownSeconds)
    $rows[-1].Note += ("; shared server {0:0.00} s, throw-away server {1:0.00} s; default run {2:0.00} s" -f $sharedSeconds, $ownSeconds, $default.Seconds)

    $ptdkc = Timed {
        pt-duplicate-key-checker --host $MariaDbHost --port $MariaDbPort --user $User --password $Password --databases $mdb
        pt-duplicate-key-checker --host 127.0.0.1 --port $ownMaria.Port --user root --databases bench_own
    }
    $rows += Score-Peer 'pt-duplicate-key-checker' 'mariadb' $ptdkc '.' 'duplicate and prefix-redundant indexes only'
    $tuner = Timed {
        mysqltuner --host $MariaDbHost --port $MariaDbPort --user $User --pass $Password --forcemem 4096 --forceswap 0 --nocolor --verbose
        mysqltuner --host 127.0.0.1 --port $ownMaria.Port --user root --pass '' --forcemem 4096 --forceswap 0 --nocolor --verbose
    }
    $tunerNote = if ($tuner.Output -match 'Illegal division by zero|FAILED') { 'crashed near the end: ' + ([regex]::Match($tuner.Output, '(Illegal division by zero[^\n]*|FAILED[^\n]*)').Value.Trim()) + '; the report up to there is scored' } else { 'server-wide report (MySQLTuner 1.9.9, Debian)' }
    $rows += Score-Peer 'MySQLTuner' 'mariadb' $tuner '\[!!\]' $tunerNote
    $tuner.Output | Set-Content (Join-Path ([IO.Path]::GetTempPath()) 'bench-mysqltuner.txt')
    $ptdkc.Output | Set-Content (Join-Path ([IO.Path]::GetTempPath()) 'bench-pt-dkc.txt')
}
finally {
    Maria "DROP DATABASE IF EXISTS ``$mdb``" | Out-Null
    Maria $mariaAccounts | Out-Null
    Stop-OwnMariaDb $ownMaria
}

# PostgreSQL ---------------------------------------------------------------------------------------------------------
$pdb = "bench_health_$suffix"
$pgRoles = 'DROP ROLE IF EXISTS bench_hcpg_nopass, bench_hcpg_super, bench_hcpg_ok, bench_hcpg_group, bench_hcpg_md5'
Pg $pgRoles | Out-Null
Pg "CREATE DATABASE $pdb" | Out-Null
$ownPg = Start-OwnPg
$faults | Where-Object { $_.Target -like '*{trust_line}*' } | ForEach-Object { $_.Target = $_.Target -replace '\{trust_line\}', $ownPg.TrustLine }
try {
    Pg (Get-Content -Raw (Join-Path $root 'tests/DbArchitect.Integration.Tests/Health/pg-health-fixture.sql')) $pdb | Out-Null
    # The failing concurrent build leaves the invalid index (the fault); its error is expected.
    & psql -h $PgHost -p $PgPort -U $User -d $pdb -q -X -c 'CREATE UNIQUE INDEX CONCURRENTLY fault_invalid_v_key ON app.fault_invalid (v)' 2>&1 | Out-Null
    Pg (Get-Content -Raw (Join-Path $here 'postgresql-faults.sql')) $pdb | Out-Null
    Pg 'VACUUM ANALYZE app.ok_parent, app.ok_child, app.ok_used, app.ok_serial, app.ok_events, app.fault_events, app.ok_growth, app.fault_growth' $pdb | Out-Null
    Pg 'VACUUM ANALYZE app.fault_bloat' $pdb | Out-Null
    Pg 'ANALYZE app.fault_stale; INSERT INTO app.fault_stale SELECT generate_series(2001, 3500)' $pdb | Out-Null
    Write-Host "PostgreSQL: $pdb seeded"
    $cs = "Host=$PgHost;Port=$PgPort;Username=$User;Password=$Password;Database=$pdb"
    Invoke-DbHealthCheck -Engine postgresql -ConnectionString $cs | Out-Null
    $default = Timed { Invoke-DbHealthCheck -Engine postgresql -ConnectionString $cs | Out-Null }
    $ownCs = "Host=127.0.0.1;Port=$($ownPg.Port);Username=postgres;Password=$Password;Database=postgres"
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $results = @(Invoke-DbHealthCheck -Engine postgresql -ConnectionString $cs -Deep)
    $sharedSeconds = $clock.Elapsed.TotalSeconds
    $clock.Restart()
    $results += @(Invoke-DbHealthCheck -Engine postgresql -ConnectionString $ownCs -Deep)
    $ownSeconds = $clock.Elapsed.TotalSeconds
    $rows += Score-Module 'postgresql' $results ($sharedSeconds + $ownSeconds)
    $rows[-1].Note += ("; shared server {0:0.00} s, throw-away cluster {1:0.00} s; default run {2:0.00} s" -f $sharedSeconds, $ownSeconds, $default.Seconds)

    $actions = 'autovac_freeze', 'bloat', 'disabled_triggers', 'last_analyze', 'last_vacuum', 'last_autoanalyze', 'last_autovacuum', 'locks', 'prepared_txns', 'sequence', 'txn_idle', 'txn_time', 'txn_wraparound', 'backends', 'index_size', 'table_size'
    $checkPostgres = Timed {
        foreach ($action in $actions) {
            "== $action"
            check_postgres --action=$action --host=$PgHost --port=$PgPort --dbuser=$User --dbname=$pdb 2>&1
            check_postgres --action=$action --host=127.0.0.1 --port=$($ownPg.Port) --dbuser=postgres --dbname=postgres 2>&1
        }
    }
    $rows += Score-Peer 'check_postgres' 'postgresql' $checkPostgres 'WARNING|CRITICAL' ("{0} actions: {1}" -f $actions.Count, ($actions -join ', '))
    $checkPostgres.Output | Set-Content (Join-Path ([IO.Path]::GetTempPath()) 'bench-check-postgres.txt')
}
finally {
    Pg "DROP DATABASE IF EXISTS $pdb WITH (FORCE)" | Out-Null
    Pg $pgRoles | Out-Null
    Stop-OwnPg $ownPg
}

'| tool | engine | planted faults found | recall | false positives | seconds | note |'
'|---|---|---:|---:|---:|---:|---|'
foreach ($row in $rows) {
    '| {0} | {1} | {2} of {3} | {4} | {5} | {6:0.00} | {7} |' -f $row.Tool, $row.Engine, $row.Found, $row.Planted, $row.Recall, $row.FalsePositives, $row.Seconds, $row.Note
}
