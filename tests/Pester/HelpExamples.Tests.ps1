# Every example of every cmdlet's help runs as written, from a copy of examples/help/ (the files the examples name) next
# to examples/requirements/, against the local test servers. The only changes are the server names, mapped below.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # Examples that demonstrate a failing gate: they pass when they succeed or end with exactly this error.
    $gates = @{ 'Invoke-DbHealthCheck#2' = 'HealthCheckFailed'; 'Get-IndexRecommendation#5' = 'IndexRecommendationsFound'; 'Save-DbHealthHistory#4' = 'HealthCheckFailed' }
    $script:Examples = foreach ($file in Get-ChildItem (Join-Path $RepoRoot 'docs/help') -Filter '*.psd1' | Sort-Object Name) {
        $number = 0
        foreach ($example in (Import-PowerShellDataFile -LiteralPath $file.FullName).Examples) {
            $number++
            $name = '{0}#{1}' -f $file.BaseName, $number
            @{ Name = $name; Code = $example.Code; Gate = $gates[$name] }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("dbarch-examples-{0}" -f [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $Work | Out-Null

    # PostgreSQL: the ShopFast example database (ecommerce.yaml's build scripts, schema shop_fast) plus public.orders for
    # the partitioning example; the shop of examples/help/shop.yaml (the live database the migration examples start
    # from); an empty database for the example that builds one with psql.
    $pg = if ($env:DBARCHITECT_PG_CONNECTION) { $env:DBARCHITECT_PG_CONNECTION } else { 'Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres' }
    $parts = @{}
    foreach ($pair in $pg -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $parts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
    $script:PgHost = $parts['host']
    $script:PgPort = if ($parts['port']) { $parts['port'] } else { '5432' }
    $script:PgUser = $parts['username']
    $env:PGHOST = $PgHost; $env:PGPORT = $PgPort; $env:PGUSER = $PgUser; $env:PGPASSWORD = $parts['password']
    $suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:PgDb = "pipeline_help_$suffix"
    $script:PgEmpty = "pipeline_helpsql_$suffix"
    $script:ShopDb = "pipeline_helpshop_$suffix"
    # The health history the Save-DbHealthHistory and Get-DbHealthTrend examples write and read ($env:HISTORY_DB).
    $script:HistoryDb = "pipeline_helphist_$suffix"
    $psql = @('-X', '-q', '-v', 'ON_ERROR_STOP=1')
    & psql @psql -d postgres -c "CREATE DATABASE $PgDb TEMPLATE template0" | Out-Null
    & psql @psql -d postgres -c "CREATE DATABASE $PgEmpty TEMPLATE template0" | Out-Null
    & psql @psql -d postgres -c "CREATE DATABASE $ShopDb TEMPLATE template0" | Out-Null
    & psql @psql -d postgres -c "CREATE DATABASE $HistoryDb TEMPLATE template0" | Out-Null
    (New-DbDesign -Path (Join-Path $RepoRoot 'examples/help/shop.yaml') | ConvertTo-DbSql | Where-Object IsBuildStep).Text -join "`n" | & psql @psql -d $ShopDb | Out-Null
    $build = (New-DbDesign -Path (Join-Path $RepoRoot 'examples/requirements/ecommerce.yaml') | ConvertTo-DbSql | Where-Object IsBuildStep).Text -join "`n"
    $build | & psql @psql -d $PgDb | Out-Null
    & psql @psql -d $PgDb -c 'CREATE TABLE public.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now()); INSERT INTO public.orders (created_at) SELECT now() - g * interval ''1 hour'' FROM generate_series(1, 2000) g; ANALYZE;' | Out-Null
    $script:PgCs = ($pg -replace 'Database=[^;]*', '') + ";Database=$PgDb"
    $script:ShopCs = ($pg -replace 'Database=[^;]*', '') + ";Database=$ShopDb"
    $script:HistoryCs = ($pg -replace 'Database=[^;]*', '') + ";Database=$HistoryDb"

    # MariaDB: a database with the tables the Import-DbSchema example names.
    $maria = if ($env:DBARCHITECT_MARIADB_CONNECTION) { $env:DBARCHITECT_MARIADB_CONNECTION } else { 'Server=127.0.0.1;Port=3306;User ID=dbarchitect_test;Password=dbarchitect_test' }
    $mparts = @{}
    foreach ($pair in $maria -split ';' | Where-Object { $_ }) { $k, $v = $pair -split '=', 2; $mparts[$k.Trim().ToLowerInvariant()] = $v.Trim() }
    $script:MariaArgs = @('-h', $mparts['server'], '-P', $(if ($mparts['port']) { $mparts['port'] } else { '3306' }), '-u', $mparts['user id'], "-p$($mparts['password'])")
    $script:MariaDb = "pipeline_help_$suffix"
    & mariadb @MariaArgs -e "CREATE DATABASE $MariaDb; USE $MariaDb; CREATE TABLE customer (id bigint PRIMARY KEY, email varchar(200) NOT NULL UNIQUE); CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status varchar(20) NOT NULL, KEY ix_orders_customer (customer_id), CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id)); CREATE TABLE order_item (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));"
    $script:MariaCs = ($maria.TrimEnd(';')) + ";Database=$MariaDb"

    # What the examples call a server: db1's database shop and $env:SHOP_DB are the shop database (MariaDB's for the one
    # MariaDB example); $env:DB, $env:PROD_DB, $cs and the calibration source the ShopFast example database (its
    # public.orders has statistics); Get-Credential the test login.
    $script:Mapping = [ordered]@{
        "'Host=db1;Database=shop;Username=dba'"     = "'$PgCs'"
        '"Host=db1;Database=shop;Username=advisor"' = "'$PgCs'"
        '-Server db1 -Database shop'                = "-Server $PgHost -Port $PgPort -Database $ShopDb"
        '-d shop'                                   = "-d $PgEmpty"
    }
    $script:TestCredential = [pscredential]::new($PgUser, (ConvertTo-SecureString $parts['password'] -AsPlainText -Force))
    function Get-Credential { $TestCredential }
}

AfterAll {
    & psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PgDb WITH (FORCE)" | Out-Null
    & psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $PgEmpty WITH (FORCE)" | Out-Null
    & psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $ShopDb WITH (FORCE)" | Out-Null
    & psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $HistoryDb WITH (FORCE)" | Out-Null
    & mariadb @MariaArgs -e "DROP DATABASE IF EXISTS $MariaDb"
    Remove-Item Env:SHOP_DB, Env:DB, Env:PROD_DB, Env:HISTORY_DB -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Help examples' {
    It 'has examples to run' {
        $Examples.Count | Should -BeGreaterThan 30
    }

    It '<Name> runs as written' -ForEach $Examples {
        $folder = Join-Path $Work ($Name -replace '[^\w]', '_')
        New-Item -ItemType Directory -Path (Join-Path $folder 'examples') | Out-Null
        Copy-Item -Path (Join-Path $RepoRoot 'examples/help/*') -Destination $folder -Recurse
        Copy-Item -Path (Join-Path $RepoRoot 'examples/requirements') -Destination (Join-Path $folder 'examples') -Recurse
        $code = $Code
        foreach ($entry in $Mapping.GetEnumerator()) { $code = $code.Replace($entry.Key, $entry.Value) }
        $code | Should -Not -Match '\bdb1\b' -Because 'every server name is mapped to a test server'
        $env:SHOP_DB = if ($Name -eq 'Import-DbSchema#2') { $MariaCs } else { $ShopCs }
        $env:DB = $PgCs; $env:PROD_DB = $PgCs; $cs = $PgCs; $env:HISTORY_DB = $HistoryCs

        $failure = $null
        Push-Location $folder
        try {
            # Every error counts, non-terminating ones too; warnings are output like any other.
            $ErrorActionPreference = 'Stop'
            $null = & ([scriptblock]::Create($code)) 3>$null 6>$null
        }
        catch { $failure = $_ }
        finally {
            $ErrorActionPreference = 'Continue'
            Pop-Location
        }

        if ($Gate -and $failure) {
            $failure.FullyQualifiedErrorId | Should -BeLike "$Gate*" -Because "$Name demonstrates the $Gate gate"
        }
        else {
            $failure | Should -BeNullOrEmpty -Because "$Name ran: $code"
        }
    }
}
