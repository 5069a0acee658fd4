using System.Text;
using System.Text.Json;

namespace DbArchitect.Core.Reporting;

/// <summary>The report as JSON for other tools: the tool, counts per level, and every finding with its fingerprint.</summary>
public static class JsonReportWriter
{
    public static string Write(PipelineReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("tool", report.ToolName);
            json.WriteString("version", report.ToolVersion);
            json.WriteString("title", report.Title);
            json.WriteStartObject("counts");
            foreach (var (level, count) in report.Counts())
            {
                json.WriteNumber(level.ToString(), count);
            }

            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.RuleId);
                json.WriteString("title", f.Title);
                json.WriteString("category", f.Category);
                json.WriteString("level", f.Level.ToString());
                json.WriteString("message", f.Message);
                WriteOptional(json, "target", f.Target);
                if (f.Location is { } location)
                {
                    json.WriteStartObject("location");
                    json.WriteString("file", location.File);
                    if (location.Line is { } line)
                    {
                        json.WriteNumber("line", line);
                    }

                    if (location.Column is { } column)
                    {
                        json.WriteNumber("column", column);
                    }

                    json.WriteEndObject();
                }

                WriteOptional(json, "recommendation", f.Recommendation);
                WriteOptional(json, "helpUri", f.HelpUri);
                json.WriteString("fingerprint", ReportFingerprint.Of(f));
                if (f.Properties.Count > 0)
                {
                    json.WriteStartObject("properties");
                    foreach (var (key, value) in f.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        json.WriteString(key, value);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
