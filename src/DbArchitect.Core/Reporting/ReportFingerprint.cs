using System.Security.Cryptography;
using System.Text;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// A finding's identity across runs: rule, target and file place, never the message (its figures change from run to
/// run while the problem stays the same one). Hex SHA-256, so a baseline file holds no object names.
/// </summary>
public static class ReportFingerprint
{
    public static string Of(IReportFinding finding)
    {
        var key = string.Join(
            "\u001f",
            finding.RuleId,
            finding.Target ?? string.Empty,
            finding.Location?.File.Replace('\\', '/') ?? string.Empty,
            finding.Location?.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
    }
}
