using System.Text;
using System.Text.Json;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// SARIF 2.1.0 (the format GitHub code scanning and Azure DevOps read): one run, the tool's rules with ids, help text
/// and helpUri, one result per problem (Info and above) with its level, location and a fingerprint that matches the
/// baseline's. Pass and Skipped rows are not results; the rule list still names every rule that ran.
/// Every result has a physical location, since code scanning rejects a file whose results have none: a file finding
/// names its file (a percent-encoded URI relative to %SRCROOT%) and region; a live finding names its database as a
/// stand-in artifact ("postgresql/shop" under DATABASES) and the object as a logical location.
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
            WriteUriBases(json);
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
        json.WriteString("informationUri", ReportTool.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.RuleId);
            json.WriteString("name", PascalName(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.HelpText ?? rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri ?? ReportTool.InformationUri);
            json.WriteStartObject("help");
            json.WriteString("text", HelpText(report, rule));
            json.WriteEndObject();
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
        WritePhysicalLocation(json, finding);
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

    /// <summary>Declares the two bases the artifact URIs are relative to, so a consumer knows neither is a machine path.</summary>
    private static void WriteUriBases(Utf8JsonWriter json)
    {
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(ReportUri.SourceRoot);
        json.WriteStartObject("description");
        json.WriteString("text", "The folder the command ran in (a CI job's checkout): migration file paths are relative to it.");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject(ReportUri.Databases);
        json.WriteStartObject("description");
        json.WriteString("text", "Not a folder: findings that come from no file name their source here (a live database as engine/database, SQL text piped in as input), a stand-in artifact that stays the same from run to run.");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, IReportFinding finding)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, baseId) = finding.Location is { File.Length: > 0 } file
            ? ReportUri.ForFile(file.File)
            : (ReportUri.EncodePath(finding.Source ?? "input"), ReportUri.Databases);
        json.WriteString("uri", uri);
        if (baseId is not null)
        {
            json.WriteString("uriBaseId", baseId);
        }

        json.WriteEndObject();
        if (finding.Location is { File.Length: > 0, Line: { } line } region)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            if (region.Column is { } column)
            {
                json.WriteNumber("startColumn", column);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The rule's documentation and, where a finding of it says what to do, that advice, then where to read more.</summary>
    private static string HelpText(PipelineReport report, IReportFinding rule)
    {
        var advice = report.Findings.FirstOrDefault(f => string.Equals(f.RuleId, rule.RuleId, StringComparison.Ordinal) && f.Recommendation is not null)?.Recommendation;
        var text = new StringBuilder(rule.HelpText ?? rule.Title);
        if (advice is not null && rule.HelpText?.Contains(advice, StringComparison.Ordinal) != true)
        {
            text.Append(" What to do: ").Append(advice);
        }

        return text.Append(" Documentation: ").Append(rule.HelpUri ?? ReportTool.InformationUri).ToString();
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
