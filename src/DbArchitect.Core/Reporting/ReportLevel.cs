namespace DbArchitect.Core.Reporting;

/// <summary>
/// How serious a finding is, in rising order, so thresholds compare with &lt; and &gt;=. Pass and Skipped are rows that
/// prove coverage (a check ran and found nothing, or could not run); the rest are problems.
/// </summary>
public enum ReportLevel
{
    Pass = 0,
    Skipped = 1,
    Info = 2,
    Note = 3,
    Warning = 4,
    Error = 5,
    Critical = 6,
}

/// <summary>The spellings other tools use for a <see cref="ReportLevel"/>.</summary>
public static class ReportLevels
{
    /// <summary>SARIF 2.1.0 result.level: none for rows that are not problems, note, warning or error.</summary>
    public static string Sarif(ReportLevel level) => level switch
    {
        ReportLevel.Pass or ReportLevel.Skipped => "none",
        ReportLevel.Info or ReportLevel.Note => "note",
        ReportLevel.Warning => "warning",
        _ => "error",
    };

    /// <summary>True for a level a pipeline treats as a problem (Warning and above).</summary>
    public static bool IsFailure(ReportLevel level) => level >= ReportLevel.Warning;

    /// <summary>True for a finding that is a problem of any weight (Info and above), as opposed to Pass/Skipped rows.</summary>
    public static bool IsProblem(ReportLevel level) => level >= ReportLevel.Info;
}
