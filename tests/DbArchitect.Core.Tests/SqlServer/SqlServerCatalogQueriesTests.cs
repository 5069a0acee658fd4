using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>Import-DbSchema's SQL Server catalog queries parse in ScriptDom (T-SQL 160) and read set-wise, never per table.</summary>
public sealed class SqlServerCatalogQueriesTests
{
    [Fact]
    public void EveryCatalogQueryParsesAsTSql160()
    {
        foreach (var (query, i) in SqlServerCatalogQueries.All.Select((q, i) => (q, i)))
        {
            var errors = TSqlProof.ParseErrors(new SqlScript($"catalog{i}.sql", i, ScriptKind.Reference, "sqlserver", "catalog query", query, false));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void EveryCatalogQueryIsOneSelectFilteredBySchemaNotByTable()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var query in SqlServerCatalogQueries.All)
        {
            using var reader = new StringReader(query);
            var script = (TSqlScript)parser.Parse(reader, out var errors);
            Assert.Empty(errors);
            var statement = Assert.Single(Assert.Single(script.Batches).Statements);
            Assert.IsType<SelectStatement>(statement);
            Assert.Contains("@schemas", query, StringComparison.Ordinal);
            Assert.DoesNotContain("@table", query, StringComparison.OrdinalIgnoreCase);
        }
    }
}
