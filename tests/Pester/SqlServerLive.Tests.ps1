# SQL Server live without a server: every live cmdlet takes -Engine sqlserver, connects through the module's own
# Microsoft.Data.SqlClient, and reports an unreachable server as that target's clear, credential-free error; the
# completers offer SQL Server and its checks.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModuleManifest -Force
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $script:ClosedPort = $probe.LocalEndpoint.Port; $probe.Stop()
    $script:Secret = 'Pester-S3cret-never-shown'
    $script:Closed = "Server=127.0.0.1,$ClosedPort;Database=shop;User ID=auditor;Password=$Secret;Encrypt=Optional;Connect Timeout=3"
}

Describe 'SQL Server live' {
    It '<Name> takes -Engine sqlserver and reports a closed port as ConnectionFailed without the password' -ForEach @(
        @{ Name = 'Invoke-DbHealthCheck'; Run = { Invoke-DbHealthCheck -Engine sqlserver -ConnectionString $Closed } }
        @{ Name = 'Import-DbSchema'; Run = { Import-DbSchema -Engine sqlserver -ConnectionString $Closed } }
        @{ Name = 'Compare-DbSchema'; Run = { New-DbDesign -Path $ShopYaml -Engine sqlserver | Compare-DbSchema -Engine sqlserver -ConnectionString $Closed } }
        @{ Name = 'Get-IndexRecommendation'; Run = { Get-IndexRecommendation -Engine sqlserver -ConnectionString $Closed } }
        @{ Name = 'New-PartitionScript'; Run = { New-PartitionScript -Engine sqlserver -ConnectionString $Closed -Table dbo.orders -Column created_at } }
        @{ Name = 'Get-DbConfigRecommendation'; Run = { Get-DbConfigRecommendation -Engine sqlserver -ConnectionString $Closed } }
    ) {
        # A sweep writes the target's error and goes on; a single-target cmdlet stops with it: both count.
        $ErrorActionPreference = 'Continue'
        $failed = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        try {
            & $Run 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $failed.Add($_) } }
        }
        catch {
            $failed.Add($_)
        }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
        $failed.Count | Should -BeGreaterOrEqual 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed*'
        "$($failed[0])" | Should -BeLike "*sqlserver://127.0.0.1,$ClosedPort/shop as auditor*"
        ($failed | ForEach-Object { "$_ $($_.ErrorDetails.RecommendedAction)" }) -join "`n" | Should -Not -BeLike "*$Secret*"
    }

    It 'completes -Engine of the live cmdlets with sqlserver' {
        $line = 'Invoke-DbHealthCheck -Engine sq'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('sqlite', 'sqlserver')
        $line = 'Import-DbSchema -Engine sqls'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('sqlserver')
    }

    It 'completes the SQL Server checks for -Engine sqlserver' {
        $line = 'Invoke-DbHealthCheck -Engine sqlserver -Check LAST_'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('LAST_BACKUP_AGE', 'LAST_CHECKDB')
    }
}
