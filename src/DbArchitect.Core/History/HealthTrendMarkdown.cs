using System.Globalization;
using System.Text;
using DbArchitect.Core.Export;

namespace DbArchitect.Core.History;

/// <summary>
/// The trend as a Markdown report: the runs of the window, then per server its findings per run, the regressions (new
/// in the latest run), what the latest run resolved, and what persists. Every value from the history goes through
/// <see cref="MarkdownText"/>: messages and object names are data a server (or an attacker) wrote.
/// </summary>
public static class HealthTrendMarkdown
{
    public static string Render(HealthTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var md = new StringBuilder();
        md.Append("# Health trend\n\n");
        if (trend.Latest is not { } latest)
        {
            md.Append("No runs are recorded in this history yet; write one with Save-DbHealthHistory.\n");
            return md.ToString();
        }

        var items = trend.Items;
        md.Append(CultureInfo.InvariantCulture, $"{trend.Runs.Count} run(s) from {Time(trend.Runs[0].StartedAt)} to {Time(latest.StartedAt)} (UTC). ");
        md.Append(trend.Previous is { } previous
            ? $"The latest run ({Code(latest.RunId)}) is compared with the one before it ({Code(previous.RunId)}). "
            : $"The latest run ({Code(latest.RunId)}) is the only one, so every finding in it is new. ");
        md.Append(CultureInfo.InvariantCulture, $"Findings: severity {trend.MinimumSeverity} and above, and checks that failed (Error).\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"| Regressions | Resolved | Persistent | Not checked in the latest run |\n|---:|---:|---:|---:|\n| {Count(items, HealthTrendChange.New)} | {Count(items, HealthTrendChange.Resolved)} | {Count(items, HealthTrendChange.Persistent)} | {Count(items, HealthTrendChange.NotChecked)} |\n\n");

        md.Append("## Runs\n\n");
        md.Append(MarkdownText.Row("Run", "Label", "Started (UTC)", "Writes", "Findings")).Append('\n');
        md.Append("|---|---|---|---:|---:|\n");
        foreach (var run in trend.Runs)
        {
            var findings = trend.Counts.Where(c => string.Equals(c.RunId, run.RunId, StringComparison.Ordinal)).Sum(c => c.Findings);
            md.Append(MarkdownText.Row(MarkdownText.Cell(run.RunId), MarkdownText.Cell(run.Label), Time(run.StartedAt), MarkdownText.Number(run.Writes), MarkdownText.Number(findings))).Append('\n');
        }

        foreach (var server in trend.Counts.Select(c => c.ServerName).Distinct(StringComparer.Ordinal))
        {
            md.Append("\n## Server ").Append(MarkdownText.Escape(server)).Append("\n\n");
            md.Append("### Findings per run\n\n");
            md.Append(MarkdownText.Row("Run", "Started (UTC)", "Findings", "Critical", "Warning", "Info", "Error")).Append('\n');
            md.Append("|---|---|---:|---:|---:|---:|---:|\n");
            foreach (var count in trend.Counts.Where(c => string.Equals(c.ServerName, server, StringComparison.Ordinal)))
            {
                md.Append(count.Checked
                    ? MarkdownText.Row(MarkdownText.Cell(count.RunId), Time(count.StartedAt), MarkdownText.Number(count.Findings), MarkdownText.Number(count.Critical), MarkdownText.Number(count.Warning), MarkdownText.Number(count.Info), MarkdownText.Number(count.Error))
                    : MarkdownText.Row(MarkdownText.Cell(count.RunId), Time(count.StartedAt), "not checked", "–", "–", "–", "–")).Append('\n');
            }

            var ofServer = items.Where(i => string.Equals(i.ServerName, server, StringComparison.Ordinal)).ToList();
            Section(md, "Regressions (new in the latest run)", ofServer, HealthTrendChange.New, "Severity", "Message", i => MarkdownText.Cell(i.Severity), i => MarkdownText.Cell(i.Message));
            Section(md, "Resolved since the previous run", ofServer, HealthTrendChange.Resolved, "Last severity", "Last seen (UTC)", i => MarkdownText.Cell(i.Severity), i => Time(i.LastSeen));
            Section(md, "Persistent", ofServer, HealthTrendChange.Persistent, "Severity", "First seen (UTC), runs present", i => MarkdownText.Cell(i.Severity),
                i => $"{Time(i.FirstSeen)}, {MarkdownText.Number(i.RunsPresent)} of {MarkdownText.Number(i.RunsInWindow)}");
            if (ofServer.Any(i => i.Change == HealthTrendChange.NotChecked))
            {
                Section(md, "Not checked in the latest run (found in the previous one)", ofServer, HealthTrendChange.NotChecked, "Last severity", "Last seen (UTC)", i => MarkdownText.Cell(i.Severity), i => Time(i.LastSeen));
            }
        }

        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, List<HealthTrendItem> items, HealthTrendChange change, string fifth, string sixth, Func<HealthTrendItem, string> fifthCell, Func<HealthTrendItem, string> sixthCell)
    {
        md.Append("\n### ").Append(title).Append("\n\n");
        var rows = items.Where(i => i.Change == change).ToList();
        if (rows.Count == 0)
        {
            md.Append("None.\n");
            return;
        }

        md.Append(MarkdownText.Row("Database", "Engine", "Check", "Target", fifth, sixth)).Append('\n');
        md.Append("|---|---|---|---|---|---|\n");
        foreach (var item in rows)
        {
            md.Append(MarkdownText.Row(MarkdownText.Cell(item.Database), MarkdownText.Cell(item.Engine), MarkdownText.Cell(item.CheckId), MarkdownText.Cell(item.Target), fifthCell(item), sixthCell(item))).Append('\n');
        }
    }

    private static string Count(IReadOnlyList<HealthTrendItem> items, HealthTrendChange change) => MarkdownText.Number(items.Count(i => i.Change == change));

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A run id in prose, escaped (a run id is whatever the pipeline passed).</summary>
    private static string Code(string text) => MarkdownText.Escape(text);
}
