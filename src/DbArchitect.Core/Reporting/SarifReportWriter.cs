using System.Text;
using System.Text.Json;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// SARIF 2.1.0 (the format GitHub code scanning and Azure DevOps read): one run, the tool's rules with ids and help,
/// one result per problem (Info and above) with its level, location (file region, or the object as a logical
/// location) and a fingerprint that matches the baseline's. Pass and Skipped rows are not results; the rule list still
/// names every rule that ran.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(PipelineReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            var rules = report.Rules();
            WriteTool(json, report, rules);
            json.WriteStartArray("results");
            foreach (var finding in report.Findings.Where(f => ReportLevels.IsProblem(f.Level)))
            {
                WriteResult(json, finding, rules);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter json, PipelineReport report, IReadOnlyList<IReportFinding> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", report.ToolName);
        json.WriteString("version", report.ToolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.RuleId);
            json.WriteString("name", PascalName(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            if (rule.HelpUri is not null)
            {
                json.WriteString("helpUri", rule.HelpUri);
            }

            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, IReportFinding finding, IReadOnlyList<IReportFinding> rules)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", IndexOf(rules, finding.RuleId));
        json.WriteString("level", ReportLevels.Sarif(finding.Level));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Recommendation is null ? finding.Message : $"{finding.Message} {finding.Recommendation}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (finding.Location is { } location)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", location.File.Replace('\\', '/'));
            json.WriteEndObject();
            if (location.Line is { } line)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", line);
                if (location.Column is { } column)
                {
                    json.WriteNumber("startColumn", column);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (finding.Target is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.Target);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("dbarchitect/v1", ReportFingerprint.Of(finding));
        json.WriteEndObject();
        if (finding.Properties.Count > 0)
        {
            json.WriteStartObject("properties");
            foreach (var (key, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static int IndexOf(IReadOnlyList<IReportFinding> rules, string ruleId)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (string.Equals(rules[i].RuleId, ruleId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>SARIF's rule "name" is an identifier-like word: "Foreign key without an index" → "ForeignKeyWithoutAnIndex".</summary>
    private static string PascalName(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var word in title.Split(' ', '-', '_', '/', '(', ')', ',', '.').Where(w => w.Length > 0))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return builder.ToString();
    }
}
