using DbArchitect.Core.Engines.PostgreSql.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Tests.Health;

/// <summary>EXTENSION_CVE's shipped advisories and how an installed and an available version are judged against them.</summary>
public sealed class ExtensionAdvisoryTests
{
    [Fact]
    public void Every_shipped_advisory_names_a_cve_a_fixed_version_and_an_https_source()
    {
        var advisories = PostgreSqlExtensionAdvisory.All;
        Assert.True(advisories.Count >= 5, $"{advisories.Count} advisories");
        Assert.All(advisories, a =>
        {
            Assert.Matches(@"^CVE-\d{4}-\d{4,}$", a.Cve);
            Assert.StartsWith("https://", a.Source, StringComparison.Ordinal);
            Assert.Matches(@"^\d+(\.\d+)+$", a.FixedIn);
            Assert.False(string.IsNullOrWhiteSpace(a.Impact));
        });
    }

    [Theory]
    [InlineData("1.4-1", "1.4", 1)]
    [InlineData("0.10.0", "0.9.1", 1)]
    [InlineData("4.5.1", "4.5.1", 0)]
    [InlineData("2.9", "2.9.3", -1)]
    [InlineData("1.10", "1.9", 1)]
    public void Versions_compare_part_by_part_as_numbers(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(PostgreSqlExtensionAdvisory.Compare(left, right)));
    }

    [Theory]
    // adminpack's fix is in its scripts: only the UPDATE applies it, whatever the package.
    [InlineData("adminpack", "1.0", "2.1", "CVE-2018-1115", "ALTER EXTENSION UPDATE")]
    [InlineData("pg_partman", "4.4.0", "4.4.0", "CVE-2021-33204", "package upgrade")]
    // timescaledb is affected from 2.8.0 only.
    [InlineData("timescaledb", "2.8.1", "2.9.3", "CVE-2023-25149", "ALTER EXTENSION UPDATE")]
    // pgvector's fixes are in the library: only a package older than the fix leaves the server exposed.
    [InlineData("vector", "0.8.0", "0.8.1", "CVE-2026-3172,CVE-2026-18022", "package upgrade")]
    // The parallel HNSW build overflow came with parallel builds in 0.6.0 (pgvector issue 959): 0.5.1 has only the IVFFlat one.
    [InlineData("vector", "0.5.1", "0.5.1", "CVE-2026-18022", "package upgrade")]
    public void An_affected_version_is_reported_with_its_cve_and_the_fix_that_reaches_it(string extension, string installed, string available, string cves, string fixBy)
    {
        var rows = Judge(extension, installed, available);
        Assert.Equal(cves.Split(','), rows.Select(r => r.String("cve")));
        Assert.All(rows, r => Assert.Equal(fixBy, r.String("fix_by")));
    }

    [Theory]
    [InlineData("adminpack", "2.1", "2.1")]
    [InlineData("pg_partman", "4.7.2", "4.7.2")]
    [InlineData("timescaledb", "2.7.2", "2.7.2")]
    [InlineData("timescaledb", "2.9.3", "2.14.2")]
    [InlineData("vector", "0.8.0", "0.8.7")]
    [InlineData("hstore", "1.4", "1.8")]
    public void A_fixed_unaffected_or_unlisted_version_draws_nothing(string extension, string installed, string available)
    {
        Assert.Empty(Judge(extension, installed, available));
    }

    private static List<LiveRow> Judge(string extension, string installed, string available) =>
        PostgreSqlExtensionCve.Findings(
            new LiveRow(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["extension_name"] = extension, ["installed"] = installed, ["available"] = available }),
            PostgreSqlExtensionAdvisory.All).ToList();
}
