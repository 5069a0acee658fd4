using System.Globalization;
using System.Text;
using System.Xml;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// JUnit XML as CI servers read it, valid against the common schema (Jenkins xunit-plugin's junit-10.xsd): one test
/// suite per category, one test case per rule and target (Pass rows are passing cases, so a clean run still counts its
/// checks), a failure element for each Warning/Error/Critical, a skipped element for rows that could not run. Times
/// are the rows' own, the timestamp is the run's start (UTC); the same findings and clock give the same bytes.
/// Documented extensions beyond that schema: a test case's <c>file</c> and <c>line</c> (GitLab shows them).
/// </summary>
public static class JUnitReportWriter
{
    public static string Write(PipelineReport report)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", report.Title);
            WriteCounts(writer, report.Findings, root: true);
            writer.WriteAttributeString("time", Seconds(report.Elapsed));
            foreach (var suite in report.Findings.GroupBy(f => f.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.WriteStartElement("testsuite");
                writer.WriteAttributeString("name", $"{report.ToolName}.{suite.Key}");
                WriteCounts(writer, suite.ToList(), root: false);
                writer.WriteAttributeString("time", Seconds(Sum(suite)));
                writer.WriteAttributeString("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                foreach (var finding in suite)
                {
                    WriteCase(writer, report, finding);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.Append('\n').ToString();
    }

    // The schema has no skipped count on testsuites; each testsuite carries its own.
    private static void WriteCounts(XmlWriter writer, IReadOnlyList<IReportFinding> findings, bool root)
    {
        writer.WriteAttributeString("tests", Count(findings.Count));
        writer.WriteAttributeString("failures", Count(findings.Count(f => ReportLevels.IsFailure(f.Level))));
        writer.WriteAttributeString("errors", "0");
        if (!root)
        {
            writer.WriteAttributeString("skipped", Count(findings.Count(f => f.Level == ReportLevel.Skipped)));
        }
    }

    private static TimeSpan Sum(IEnumerable<IReportFinding> findings) => findings.Aggregate(TimeSpan.Zero, (total, f) => total + (f.Elapsed ?? TimeSpan.Zero));

    /// <summary>Seconds with three decimals ("0.042"), the form the schema's time pattern takes.</summary>
    private static string Seconds(TimeSpan time) => Math.Max(time.TotalSeconds, 0).ToString("0.000", CultureInfo.InvariantCulture);

    private static void WriteCase(XmlWriter writer, PipelineReport report, IReportFinding finding)
    {
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("name", CaseName(finding));
        writer.WriteAttributeString("classname", $"{report.ToolName}.{finding.Category}.{finding.RuleId}");
        writer.WriteAttributeString("time", Seconds(finding.Elapsed ?? TimeSpan.Zero));
        if (finding.Location is { } location)
        {
            writer.WriteAttributeString("file", location.File);
            if (location.Line is { } line)
            {
                writer.WriteAttributeString("line", Count(line));
            }
        }

        if (ReportLevels.IsFailure(finding.Level))
        {
            writer.WriteStartElement("failure");
            writer.WriteAttributeString("message", finding.Message);
            writer.WriteAttributeString("type", finding.Level.ToString());
            writer.WriteString(Details(finding));
            writer.WriteEndElement();
        }
        else if (finding.Level == ReportLevel.Skipped)
        {
            writer.WriteStartElement("skipped");
            writer.WriteAttributeString("message", finding.Message);
            writer.WriteEndElement();
        }
        else if (finding.Level != ReportLevel.Pass)
        {
            writer.WriteElementString("system-out", $"{finding.Level}: {Details(finding)}");
        }

        writer.WriteEndElement();
    }

    private static string CaseName(IReportFinding finding)
    {
        var where = finding.Target ?? finding.Location?.ToString();
        return where is null ? $"{finding.RuleId} {finding.Title}" : $"{finding.RuleId} {where}";
    }

    private static string Details(IReportFinding finding)
    {
        var lines = new List<string> { finding.Message };
        if (finding.Target is not null)
        {
            lines.Add($"Target: {finding.Target}");
        }

        if (finding.Location is not null)
        {
            lines.Add($"Location: {finding.Location}");
        }

        if (finding.Recommendation is not null)
        {
            lines.Add($"Recommendation: {finding.Recommendation}");
        }

        if (finding.HelpUri is not null)
        {
            lines.Add($"Help: {finding.HelpUri}");
        }

        return string.Join("\n", lines);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says what the file will be.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
