using System.Text;
using System.Text.Json;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// The findings a team has accepted: a file of fingerprints (see <see cref="ReportFingerprint"/>). A run filtered by it
/// reports only what is new, so a pipeline can gate on regressions while old debt is paid off. Only problems (Info and
/// above) are recorded; Pass and Skipped rows always pass through.
/// </summary>
public sealed class ReportBaseline
{
    private readonly HashSet<string> _fingerprints;

    private ReportBaseline(IEnumerable<string> fingerprints)
    {
        _fingerprints = new HashSet<string>(fingerprints, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _fingerprints.Count;

    public static ReportBaseline From(IEnumerable<IReportFinding> findings) =>
        new(findings.Where(f => ReportLevels.IsProblem(f.Level)).Select(ReportFingerprint.Of));

    /// <summary>Reads the JSON written by <see cref="ToJson"/>; a malformed file is a <see cref="FormatException"/>.</summary>
    public static ReportBaseline Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("fingerprints", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The baseline file has no 'fingerprints' array.");
            }

            return new ReportBaseline(list.EnumerateArray().Select(e => e.GetString() ?? throw new FormatException("A baseline fingerprint is not a string.")));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The baseline file is not valid JSON: {ex.Message}", ex);
        }
    }

    public bool Contains(IReportFinding finding) => _fingerprints.Contains(ReportFingerprint.Of(finding));

    /// <summary>The findings not in the baseline (problems), plus every Pass/Skipped row.</summary>
    public IReadOnlyList<T> OnlyNew<T>(IEnumerable<T> findings)
        where T : IReportFinding =>
        findings.Where(f => !ReportLevels.IsProblem(f.Level) || !Contains(f)).ToList();

    /// <summary>Sorted fingerprints, one per line of a small JSON document, so a baseline diffs cleanly in git.</summary>
    public string ToJson()
    {
        var text = new StringBuilder("{\n  \"version\": 1,\n  \"fingerprints\": [");
        var sorted = _fingerprints.Select(f => f.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append("    \"").Append(sorted[i]).Append('"');
        }

        text.Append(sorted.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return text.ToString();
    }
}
