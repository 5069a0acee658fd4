namespace DbArchitect.Core.Reporting;

/// <summary>The file formats a pipeline report is written in (-OutputFormat).</summary>
public enum ReportFormat
{
    JUnit,
    Sarif,
    Markdown,
    Json,
}

/// <summary>Picks the writer for a format.</summary>
public static class ReportWriter
{
    public static string Write(PipelineReport report, ReportFormat format) => format switch
    {
        ReportFormat.JUnit => JUnitReportWriter.Write(report),
        ReportFormat.Sarif => SarifReportWriter.Write(report),
        ReportFormat.Markdown => MarkdownReportWriter.Write(report),
        ReportFormat.Json => JsonReportWriter.Write(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };
}
