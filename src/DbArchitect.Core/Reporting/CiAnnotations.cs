using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Reporting;

/// <summary>
/// Workflow commands that make a CI server show findings in its UI: GitHub Actions (GITHUB_ACTIONS=true) and Azure
/// DevOps (TF_BUILD=True). Outside CI there are none. The caller writes the lines to standard output.
/// </summary>
public static class CiAnnotations
{
    /// <summary>The CI system the environment describes: "github", "azure-devops" or null.</summary>
    public static string? Detect(Func<string, string?> environment)
    {
        if (string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "github";
        }

        return string.Equals(environment("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) ? "azure-devops" : null;
    }

    /// <summary>
    /// The CI system -Annotations names: Auto (the environment's, <see cref="Detect"/>), None (no annotations: the
    /// findings are in the report only), GitHub or AzureDevOps (that system's commands, e.g. on a self-hosted agent
    /// that sets neither variable).
    /// </summary>
    public static string? Resolve(string mode, Func<string, string?> environment) => mode.ToUpperInvariant() switch
    {
        "AUTO" => Detect(environment),
        "NONE" => null,
        "GITHUB" => "github",
        "AZUREDEVOPS" => "azure-devops",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Annotations are Auto, None, GitHub or AzureDevOps."),
    };

    /// <summary>One line per problem finding (Note and above for GitHub, Warning and above for Azure DevOps, which has no notice level).</summary>
    public static IReadOnlyList<string> For(string? ciSystem, IEnumerable<IReportFinding> findings) => ciSystem switch
    {
        "github" => findings.Where(f => f.Level >= ReportLevel.Note).Select(GitHub).ToList(),
        "azure-devops" => findings.Where(f => f.Level >= ReportLevel.Warning).Select(Azure).ToList(),
        _ => Array.Empty<string>(),
    };

    /// <summary>::warning file=x.sql,line=3,col=5,title=RULE::message (GitHub's escaping of data and properties).</summary>
    public static string GitHub(IReportFinding f)
    {
        var command = f.Level >= ReportLevel.Error ? "error" : f.Level == ReportLevel.Warning ? "warning" : "notice";
        var properties = new List<string>();
        if (f.Location is { } location)
        {
            properties.Add("file=" + GitHubProperty(location.File.Replace('\\', '/')));
            if (location.Line is { } line)
            {
                properties.Add("line=" + line.ToString(CultureInfo.InvariantCulture));
            }

            if (location.Column is { } column)
            {
                properties.Add("col=" + column.ToString(CultureInfo.InvariantCulture));
            }
        }

        properties.Add("title=" + GitHubProperty(f.Target is null ? f.RuleId : $"{f.RuleId} {f.Target}"));
        return $"::{command} {string.Join(",", properties)}::{GitHubData(f.Message)}";
    }

    /// <summary>##vso[task.logissue type=warning;sourcepath=x.sql;linenumber=3;columnnumber=5;code=RULE]message.</summary>
    public static string Azure(IReportFinding f)
    {
        var builder = new StringBuilder("##vso[task.logissue type=").Append(f.Level >= ReportLevel.Error ? "error" : "warning");
        if (f.Location is { } location)
        {
            builder.Append(";sourcepath=").Append(AzureEscape(location.File.Replace('\\', '/')));
            if (location.Line is { } line)
            {
                builder.Append(";linenumber=").Append(line.ToString(CultureInfo.InvariantCulture));
            }

            if (location.Column is { } column)
            {
                builder.Append(";columnnumber=").Append(column.ToString(CultureInfo.InvariantCulture));
            }
        }

        builder.Append(";code=").Append(AzureEscape(f.RuleId)).Append(']');
        builder.Append(AzureEscape(f.Target is null ? f.Message : $"{f.Target}: {f.Message}"));
        return builder.ToString();
    }

    private static string GitHubData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string GitHubProperty(string text) =>
        GitHubData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string AzureEscape(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal);
}
