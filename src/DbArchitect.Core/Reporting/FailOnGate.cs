using System.Globalization;

namespace DbArchitect.Core.Reporting;

/// <summary>The outcome of -FailOn: whether any finding reached the threshold, and the counts a pipeline log shows.</summary>
public sealed record FailOnVerdict(ReportLevel Threshold, bool Failed, int AtOrAbove, IReadOnlyList<KeyValuePair<ReportLevel, int>> Counts)
{
    /// <summary>"3 findings at Warning or above (Critical 1, Warning 2; Info 4, Pass 40)": the terminating error's text.</summary>
    public string Summary
    {
        get
        {
            var above = Counts.Where(c => c.Key >= Threshold && c.Value > 0).OrderByDescending(c => c.Key).Select(Part);
            var below = Counts.Where(c => c.Key < Threshold && c.Value > 0).OrderByDescending(c => c.Key).Select(Part);
            var noun = AtOrAbove == 1 ? "finding" : "findings";
            return $"{AtOrAbove.ToString(CultureInfo.InvariantCulture)} {noun} at {Threshold} or above ({string.Join(", ", above)}; {string.Join(", ", below)})"
                .Replace("(; ", "(", StringComparison.Ordinal).Replace("; )", ")", StringComparison.Ordinal).Replace(" ()", string.Empty, StringComparison.Ordinal);
        }
    }

    private static string Part(KeyValuePair<ReportLevel, int> c) => $"{c.Key} {c.Value.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Evaluates -FailOn Warning|Critical (or any level) over a run's findings.</summary>
public static class FailOnGate
{
    public static FailOnVerdict Evaluate(IEnumerable<IReportFinding> findings, ReportLevel threshold)
    {
        var list = findings.ToList();
        var counts = Enum.GetValues<ReportLevel>().Select(level => new KeyValuePair<ReportLevel, int>(level, list.Count(f => f.Level == level))).ToList();
        var atOrAbove = list.Count(f => f.Level >= threshold && ReportLevels.IsProblem(f.Level));
        return new FailOnVerdict(threshold, atOrAbove > 0, atOrAbove, counts);
    }
}
