@{
    Synopsis    = 'Reads the health history and tells, per finding over the last runs, what is new since the previous run, what was resolved and what persists; or writes that as a Markdown report.'
    Description = @'
Get-DbHealthTrend reads the last -Last runs (by start time) of the health history Save-DbHealthHistory writes and returns one HealthTrendItem per finding (a check on an object of one database): Server, Port, Database, Engine, CheckId, Target, the Severity and Message when last seen, FirstSeen and LastSeen (run starts, UTC, within the window), RunsPresent of RunsInWindow, and Change with NewSincePreviousRun and ResolvedSincePreviousRun.

Change compares the latest run with the one before it: New (a regression: found now, not before; with only one run everything is new), Persistent (found in both), Resolved (found before, and the latest run ran the same check on the same database without finding it), NotChecked (found before, but the latest run did not run that check there: the target was unreachable, or the check was Skipped or failed, so nobody knows) and Earlier (seen in an older run of the window only).

A finding is a result of severity -MinimumSeverity (Info by default) or above, or an Error row (a check that could not run). Pass and Skipped rows are not findings; they only prove which checks ran.

-AsMarkdown returns the Markdown trend report as one string, and -OutputPath writes it to a file (all-or-nothing; an existing file is replaced only with -Force): the runs of the window, then per server the findings per run by severity, the regressions, the resolved findings and the persistent ones. Every value from the history is escaped for Markdown. The history database is opened read-only; its password never appears.
'@
    Parameters  = @{
        ConnectionString = 'The Npgsql connection string of the PostgreSQL history database Save-DbHealthHistory writes to. Its password is never shown.'
        Last             = 'How many of the latest runs to read (1 to 1000, default 10).'
        MinimumSeverity  = 'Info (default), Warning or Critical: the lowest severity that counts as a finding. Error rows (checks that could not run) always count.'
        AsMarkdown       = 'Return the Markdown trend report as one string instead of the trend objects.'
        OutputPath       = 'Write the Markdown trend report to this file (the trend objects are then not output unless -AsMarkdown asks for the text).'
        Force            = 'Replace an existing -OutputPath file.'
    }
    Examples    = @(
        @{
            Title   = 'What broke since the last run'
            Code    = @'
Invoke-DbHealthCheck -ConnectionString $env:DB | Save-DbHealthHistory $env:HISTORY_DB -RunLabel nightly
Get-DbHealthTrend -ConnectionString $env:HISTORY_DB -Last 10 | Where-Object NewSincePreviousRun | Format-Table ServerName, Database, CheckId, Target, Severity
'@
            Remarks = 'Saves tonight''s run, then lists the regressions: findings of the latest run that the run before it did not have.'
        }
        @{
            Title   = 'A Markdown trend report for the pipeline summary'
            Code    = 'Get-DbHealthTrend $env:HISTORY_DB -Last 30 -MinimumSeverity Warning -OutputPath health-trend.md -Force'
            Remarks = 'Writes the runs of the last 30, and per server the findings per run, the regressions, the resolved and the persistent findings; on GitHub Actions append it to $env:GITHUB_STEP_SUMMARY.'
        }
        @{
            Title   = 'Findings that never go away'
            Code    = 'Get-DbHealthTrend $env:HISTORY_DB | Where-Object { $_.RunsPresent -eq $_.RunsInWindow } | Sort-Object Severity -Descending'
            Remarks = 'Lists what every run of the window found: candidates for a fix, a higher threshold, or an exclusion with a reason.'
        }
    )
    Notes       = 'docs/health-history.md documents the tables and has example queries for what the cmdlet does not cover.'
    Links       = @('Save-DbHealthHistory', 'Invoke-DbHealthCheck')
}
