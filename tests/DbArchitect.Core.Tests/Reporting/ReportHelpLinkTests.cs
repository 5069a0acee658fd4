using DbArchitect.Core.Health;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Reporting;

/// <summary>The helpUri of every rule lands on its own section: the anchors exist in the generated documentation.</summary>
public sealed class ReportHelpLinkTests
{
    [Fact]
    public void Every_health_check_help_uri_names_a_heading_of_docs_health_checks()
    {
        var headings = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "docs", "health-checks.md"))
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => l.TrimStart('#', ' ').Trim().ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var id in HealthCheckCatalog.Ids())
        {
            var uri = ReportTool.HealthCheckHelp(id);
            Assert.StartsWith(ReportTool.InformationUri + "/blob/main/docs/health-checks.md#", uri, StringComparison.Ordinal);
            Assert.Contains(uri[(uri.IndexOf('#', StringComparison.Ordinal) + 1)..], headings);
        }
    }
}
