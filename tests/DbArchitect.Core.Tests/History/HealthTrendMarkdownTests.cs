using DbArchitect.Core.History;

namespace DbArchitect.Core.Tests.History;

public sealed class HealthTrendMarkdownTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static HealthTrend Trend(string message = "plain message", string server = "db1")
    {
        var runs = new[] { new HealthHistoryRun("r1", "nightly", Day, Day, "0.1.0", 2), new HealthHistoryRun("r2", null, Day.AddDays(1), Day.AddDays(1), "0.1.0", 1) };
        var rows = new[]
        {
            new HealthHistoryRow("r1", server, 5432, "shop", "postgresql", "UNUSED_INDEX", "Warning", "public.old_idx", "unused"),
            new HealthHistoryRow("r1", server, 5432, "shop", "postgresql", "FK_WITHOUT_INDEX", "Warning", "public.a.fk", "fk"),
            new HealthHistoryRow("r2", server, 5432, "shop", "postgresql", "FK_WITHOUT_INDEX", "Critical", "public.a.fk", "fk"),
            new HealthHistoryRow("r2", server, 5432, "shop", "postgresql", "UNUSED_INDEX", "Pass", "shop", string.Empty),
            new HealthHistoryRow("r2", server, 5432, "shop", "postgresql", "TABLE_WITHOUT_PK", "Warning", "public.log", message),
        };
        return HealthTrend.Compute(runs, rows);
    }

    [Fact]
    public void Lists_runs_then_per_server_counts_regressions_resolved_and_persistent_findings()
    {
        var md = HealthTrendMarkdown.Render(Trend());

        Assert.Contains("| 1 | 1 | 1 | 0 |", md, StringComparison.Ordinal); // regressions, resolved, persistent, not checked
        Assert.Contains("| r1 | nightly | 2026-12-01 02:00:00 | 2 | 2 |", md, StringComparison.Ordinal);
        Assert.Contains("## Server db1:5432", md, StringComparison.Ordinal);
        Assert.Contains("| r2 | 2026-12-02 02:00:00 | 2 | 1 | 1 | 0 | 0 |", md, StringComparison.Ordinal);
        var regressions = Section(md, "### Regressions");
        Assert.Contains("| shop | postgresql | TABLE_WITHOUT_PK | public.log | Warning | plain message |", regressions, StringComparison.Ordinal);
        Assert.DoesNotContain("FK", regressions, StringComparison.Ordinal);
        Assert.Contains("UNUSED_INDEX | public.old_idx | Warning | 2026-12-01 02:00:00 |", Section(md, "### Resolved"), StringComparison.Ordinal);
        Assert.Contains("FK_WITHOUT_INDEX | public.a.fk | Critical | 2026-12-01 02:00:00, 2 of 2 |", Section(md, "### Persistent"), StringComparison.Ordinal);
        Assert.DoesNotContain("Not checked in the latest run (found", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_messages_and_server_names_cannot_break_the_table_or_inject_markup()
    {
        var md = HealthTrendMarkdown.Render(Trend("a | b\n## injected <script>alert(1)</script> [x](http://e) `c`", server: "evil|host\n# h"));

        var regressions = Section(md, "### Regressions");
        var row = Assert.Single(regressions.Split('\n'), l => l.Contains("TABLE", StringComparison.Ordinal));
        Assert.Contains("a \\| b \\#\\# injected \\<script\\>alert(1)\\</script\\> \\[x\\](http://e) \\`c\\`", row, StringComparison.Ordinal);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Count(row, @"(?<!\\)\|")); // six cells: the escaped pipe did not add one
        Assert.DoesNotContain("\n## injected", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# h", md, StringComparison.Ordinal);
        Assert.Contains("## Server evil\\|host \\# h:5432", md, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_history_says_so()
    {
        var md = HealthTrendMarkdown.Render(HealthTrend.Compute(Array.Empty<HealthHistoryRun>(), Array.Empty<HealthHistoryRow>()));
        Assert.Contains("No runs are recorded", md, StringComparison.Ordinal);
    }

    private static string Section(string md, string heading)
    {
        var start = md.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " is missing");
        var end = md.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? md[start..] : md[start..end];
    }
}
