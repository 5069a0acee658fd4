namespace DbArchitect.Core.Reporting;

/// <summary>
/// The findings of one run with the tool that made them, in a fixed order (rule, target, file, line), so every writer
/// produces the same bytes for the same findings whatever order they arrived in.
/// </summary>
public sealed class PipelineReport
{
    public PipelineReport(string toolName, string toolVersion, string title, IEnumerable<IReportFinding> findings, DateTimeOffset startedAt, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        ToolName = toolName;
        ToolVersion = toolVersion;
        Title = title;
        StartedAt = startedAt;
        Elapsed = elapsed;
        Findings = findings
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Target ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"DbArchitect.PS": the SARIF driver name and the JUnit suites' prefix.</summary>
    public string ToolName { get; }

    public string ToolVersion { get; }

    /// <summary>"Health check of postgresql://host:5432/shop": a heading, never credentials.</summary>
    public string Title { get; }

    public IReadOnlyList<IReportFinding> Findings { get; }

    /// <summary>When the run began (JUnit's timestamp); the caller's clock, so a test can fix it and get the same bytes.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How long the whole run took (JUnit's testsuites time).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>How many findings there are of each level (every level present, zero included), lowest level first.</summary>
    public IReadOnlyList<KeyValuePair<ReportLevel, int>> Counts() =>
        Enum.GetValues<ReportLevel>().Select(level => new KeyValuePair<ReportLevel, int>(level, Findings.Count(f => f.Level == level))).ToList();

    /// <summary>One finding per rule id, for the rule lists of SARIF: the first in order that names the rule's documentation (a Pass row may not).</summary>
    public IReadOnlyList<IReportFinding> Rules() =>
        Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).Select(g => g.FirstOrDefault(f => f.HelpUri is not null) ?? g.First()).ToList();
}
