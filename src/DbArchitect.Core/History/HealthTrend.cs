using System.Globalization;
using DbArchitect.Core.Health;

namespace DbArchitect.Core.History;

/// <summary>
/// The trend over the last runs of a health history: every finding of the window with what happened to it between the
/// previous run and the latest (new, resolved, persistent), and per server the findings of each run. A finding is a
/// result at or above the minimum severity (Info, Warning or Critical) or an Error row (a check that could not run);
/// Pass and Skipped rows are not findings, but they prove which checks ran, which is what tells "resolved" from "not
/// checked".
/// </summary>
public sealed record HealthTrend(IReadOnlyList<HealthHistoryRun> Runs, IReadOnlyList<HealthTrendItem> Items, IReadOnlyList<HealthTrendCount> Counts, HealthStatus MinimumSeverity)
{
    /// <summary>What reports show for results that carried no Server property.</summary>
    public const string UnknownServer = "(server not recorded)";

    public HealthHistoryRun? Latest => Runs.Count > 0 ? Runs[^1] : null;

    public HealthHistoryRun? Previous => Runs.Count > 1 ? Runs[^2] : null;

    public static string ServerName(string? server, int? port) => server is null
        ? UnknownServer
        : port is { } p ? server + ":" + p.ToString(CultureInfo.InvariantCulture) : server;

    /// <summary>The trend of <paramref name="runs"/> (any order) from their <paramref name="rows"/>; rows of other runs are ignored.</summary>
    public static HealthTrend Compute(IEnumerable<HealthHistoryRun> runs, IEnumerable<HealthHistoryRow> rows, HealthStatus minimumSeverity = HealthStatus.Info)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(rows);
        if (minimumSeverity is not (HealthStatus.Info or HealthStatus.Warning or HealthStatus.Critical))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumSeverity), minimumSeverity, "The minimum severity is Info, Warning or Critical.");
        }

        var ordered = runs.OrderBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            index[ordered[i].RunId] = i;
        }

        var inWindow = rows.Where(r => index.ContainsKey(r.RunId)).ToList();
        var latest = ordered.Count - 1;
        var previous = ordered.Count - 2;

        // Which check ran on which database in the latest run (a Pass, Info, Warning or Critical row says it did).
        var checkedInLatest = inWindow
            .Where(r => index[r.RunId] == latest && Ran(r.Severity))
            .Select(r => CheckOn(r))
            .ToHashSet(StringComparer.Ordinal);

        var items = new List<HealthTrendItem>();
        foreach (var finding in inWindow.Where(r => IsFinding(r.Severity, minimumSeverity)).GroupBy(r => r.FindingKey, StringComparer.Ordinal))
        {
            var seen = finding.OrderBy(r => index[r.RunId]).ToList();
            var present = seen.Select(r => index[r.RunId]).ToHashSet();
            var last = seen[^1];
            var first = seen[0];
            var change = present.Contains(latest)
                ? (present.Contains(previous) ? HealthTrendChange.Persistent : HealthTrendChange.New)
                : present.Contains(previous)
                    ? (checkedInLatest.Contains(CheckOn(last)) ? HealthTrendChange.Resolved : HealthTrendChange.NotChecked)
                    : HealthTrendChange.Earlier;
            items.Add(new HealthTrendItem
            {
                Server = last.Server,
                Port = last.Port,
                Database = last.Database,
                Engine = last.Engine,
                CheckId = last.CheckId,
                Target = last.Target,
                Severity = last.Severity,
                Message = last.Message,
                Change = change,
                FirstSeen = ordered[index[first.RunId]].StartedAt,
                LastSeen = ordered[index[last.RunId]].StartedAt,
                FirstSeenRunId = first.RunId,
                LastSeenRunId = last.RunId,
                RunsPresent = present.Count,
                RunsInWindow = ordered.Count,
            });
        }

        var sorted = items
            .OrderBy(i => i.ServerName, StringComparer.Ordinal)
            .ThenBy(i => i.Change)
            .ThenByDescending(i => Rank(i.Severity))
            .ThenBy(i => i.Database ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(i => i.CheckId, StringComparer.Ordinal)
            .ThenBy(i => i.Target, StringComparer.Ordinal)
            .ToList();
        return new HealthTrend(ordered, sorted, CountsPerRun(ordered, inWindow, minimumSeverity), minimumSeverity);
    }

    /// <summary>Per server (by name) and run, oldest run first: the findings by severity, or Checked = false.</summary>
    private static List<HealthTrendCount> CountsPerRun(List<HealthHistoryRun> runs, List<HealthHistoryRow> rows, HealthStatus minimumSeverity)
    {
        var counts = new List<HealthTrendCount>();
        foreach (var server in rows.GroupBy(r => ServerName(r.Server, r.Port), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byRun = server.ToLookup(r => r.RunId, StringComparer.Ordinal);
            foreach (var run in runs)
            {
                var found = byRun[run.RunId].Where(r => IsFinding(r.Severity, minimumSeverity)).ToList();
                counts.Add(new HealthTrendCount(
                    server.Key, run.RunId, run.StartedAt, byRun[run.RunId].Any(), found.Count,
                    found.Count(r => Is(r.Severity, HealthStatus.Critical)),
                    found.Count(r => Is(r.Severity, HealthStatus.Warning)),
                    found.Count(r => Is(r.Severity, HealthStatus.Info)),
                    found.Count(r => Is(r.Severity, HealthStatus.Error))));
            }
        }

        return counts;
    }

    /// <summary>Info &lt; Warning &lt; Critical &lt; Error (a check that could not run outranks any finding, as for -FailOn); 0 for Pass, Skipped and unknown text.</summary>
    internal static int Rank(string severity) => Parse(severity) switch
    {
        HealthStatus.Info => 1,
        HealthStatus.Warning => 2,
        HealthStatus.Critical => 3,
        HealthStatus.Error => 4,
        _ => 0,
    };

    internal static bool IsFinding(string severity, HealthStatus minimumSeverity)
    {
        var rank = Rank(severity);
        return rank > 0 && rank >= Rank(minimumSeverity.ToString());
    }

    /// <summary>The check really ran (a Skipped or Error row proves nothing about the objects it would have looked at).</summary>
    private static bool Ran(string severity) => Parse(severity) is HealthStatus.Pass or HealthStatus.Info or HealthStatus.Warning or HealthStatus.Critical;

    private static bool Is(string severity, HealthStatus status) => Parse(severity) == status;

    private static HealthStatus? Parse(string severity) =>
        Enum.TryParse<HealthStatus>(severity, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(severity, out _) ? status : null;

    private static string CheckOn(HealthHistoryRow row) => string.Join(
        "\u001f", row.Server ?? string.Empty, row.Port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row.Database ?? string.Empty, row.Engine ?? string.Empty, row.CheckId);
}
