using DbArchitect.Core.Health;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Tests.Health;

public sealed class HealthCatalogTests
{
    [Fact]
    public void PostgreSql_has_at_least_forty_checks_and_every_engine_id_is_unique()
    {
        Assert.True(HealthCheckCatalog.Ids("postgresql").Count >= 40, $"{HealthCheckCatalog.Ids("postgresql").Count} PostgreSQL checks");
        foreach (var engine in new[] { "postgresql", "mariadb", "mysql", "sqlite", "sqlserver" })
        {
            var checks = HealthCheckCatalog.For(engine);
            Assert.NotEmpty(checks);
            Assert.Equal(checks.Count, checks.Select(c => c.Id).Distinct().Count());
        }
    }

    [Fact]
    public void Every_check_documents_its_id_category_and_query()
    {
        foreach (var check in HealthCheckCatalog.All)
        {
            Assert.Matches("^[A-Z][A-Z0-9_]+$", check.Id);
            Assert.False(string.IsNullOrWhiteSpace(check.Title), check.Id);
            Assert.False(string.IsNullOrWhiteSpace(check.Category), check.Id);
            Assert.True(check.Description.Length >= 60, $"{check.Id} needs a real description");
            Assert.False(string.IsNullOrWhiteSpace(check.Sql), check.Id);
        }
    }

    [Fact]
    public void A_shared_check_id_means_the_same_category_on_every_engine()
    {
        foreach (var group in HealthCheckCatalog.All.GroupBy(c => c.Id))
        {
            Assert.Single(group.Select(c => c.Category).Distinct());
        }
    }

    [Fact]
    public void SqlServer_check_queries_parse_with_the_TSql160_parser()
    {
        var checks = HealthCheckCatalog.For("sqlserver");
        Assert.True(checks.Count >= 12);
        foreach (var check in checks)
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(check.Sql!);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, $"{check.Id}: {string.Join("; ", errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"))}");
        }
    }

    [Fact]
    public void Check_selection_takes_wildcards_and_exclusions()
    {
        var selected = HealthCheckCatalog.Select("postgresql", new[] { "*index*" }, new[] { "unused_index" }).Select(c => c.Id).ToList();
        Assert.Contains("FK_WITHOUT_INDEX", selected);
        Assert.Contains("DUPLICATE_INDEX", selected);
        Assert.DoesNotContain("UNUSED_INDEX", selected);
        Assert.DoesNotContain("TABLE_WITHOUT_PK", selected);
    }

    [Fact]
    public void Committed_health_check_documentation_matches_the_catalog()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "docs", "health-checks.md");
        var expected = HealthCheckDocumentation.Markdown();
        if (Environment.GetEnvironmentVariable("DBARCHITECT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected, "docs/health-checks.md is out of date: run this test with DBARCHITECT_UPDATE_GOLDEN=1.");
    }
}
