using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Tests.Schema;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// Live index advice's workload on SQL Server, from rows shaped like Query Store's, the plan cache's and the
/// missing-index DMVs': statements without Query Store's parameter declarations, missing-index suggestions written as
/// the statements they stand for, the same statement from two sources counted once, and all of it read by the T-SQL
/// workload parser against a catalog.
/// </summary>
public sealed class SqlServerWorkloadSourcesTests
{
    private static LiveRow Row(params (string Column, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Column, v => v.Value, StringComparer.OrdinalIgnoreCase));

    [Theory]
    [InlineData("(@p1 int,@p2 decimal(9,2))SELECT 1 FROM t WHERE a = @p1", "SELECT 1 FROM t WHERE a = @p1")]
    [InlineData("SELECT 1 FROM t", "SELECT 1 FROM t")]
    [InlineData("(SELECT 1) UNION SELECT 2", "(SELECT 1) UNION SELECT 2")]
    public void Query_store_parameter_declarations_are_removed(string text, string expected) =>
        Assert.Equal(expected, SqlServerWorkloadSources.WithoutParameterList(text));

    [Theory]
    [InlineData("READ_WRITE", true)]
    [InlineData("READ_ONLY", true)]
    [InlineData("OFF", false)]
    [InlineData("ERROR", false)]
    [InlineData(null, false)]
    public void Query_store_is_read_when_it_holds_history(string? state, bool on) => Assert.Equal(on, SqlServerWorkloadSources.QueryStoreOn(state));

    [Fact]
    public void A_missing_index_suggestion_is_the_statement_it_stands_for()
    {
        var statement = Assert.Single(SqlServerWorkloadSources.FromMissingIndexes(new[]
        {
            Row(("schema_name", "dbo"), ("table_name", "order"), ("equality_columns", "[customer_id], [status]"), ("inequality_columns", "[created_at]"),
                ("included_columns", "[total]"), ("uses", 1200L), ("avg_user_impact", 87.5), ("avg_total_user_cost", 3.2)),
        }));
        Assert.Equal("SELECT [total] FROM [dbo].[order] WHERE [customer_id] = @p1 AND [status] = @p2 AND [created_at] > @p3", statement.Text);
        Assert.Equal(1200, statement.Weight);
        Assert.Equal("missing-index DMVs", statement.Source);
    }

    [Fact]
    public void The_same_statement_from_query_store_and_the_missing_index_dmvs_counts_once_with_both_weights()
    {
        var fromStore = SqlServerWorkloadSources.Statements(new[]
        {
            Row(("id", "42"), ("text", "(@p1 bigint)SELECT total FROM dbo.[order] WHERE customer_id = @p1"), ("executions", 300L), ("total_ms", 1500.0)),
            Row(("id", "43"), ("text", "  "), ("executions", 1L), ("total_ms", 1.0)),
        }, "Query Store, last 7 days");
        var fromCache = SqlServerWorkloadSources.Statements(new[]
        {
            Row(("id", "0x01"), ("text", "SELECT total  FROM dbo.[order]\\nWHERE customer_id = @p1;".Replace("\\n", "\n", StringComparison.Ordinal)), ("executions", 20L), ("total_ms", 100.0)),
        }, "plan cache");

        var merged = Assert.Single(SqlServerWorkloadSources.Merge(fromStore.Concat(fromCache)));

        Assert.Equal(320, merged.Weight);
        Assert.Equal(1600, merged.TotalMilliseconds);
        Assert.Equal("Query Store, last 7 days + plan cache", merged.Source);
    }

    [Fact]
    public void Server_statements_are_read_by_the_tsql_parser_against_the_imported_catalog()
    {
        var catalog = SchemaComparerTests.Migration("shop-v1.yaml", "sqlserver").Physical;
        var table = catalog.Tables.First(t => t.Columns.Count > 2);
        var column = table.Columns.First(c => c.Role == ColumnRole.Attribute).Name;
        var statements = SqlServerWorkloadSources.FromMissingIndexes(new[]
        {
            Row(("schema_name", catalog.Schema), ("table_name", table.Name), ("equality_columns", $"[{column}]"), ("inequality_columns", null),
                ("included_columns", null), ("uses", 50L)),
        });

        var parsed = new SqlServerEngine().IndexAdvice.Parser!.Parse(statements, catalog);

        var query = Assert.Single(parsed.Queries);
        Assert.Equal(50, query.Weight);
        Assert.DoesNotContain(parsed.Notes, n => n.StartsWith("warning:", StringComparison.Ordinal));
    }

    [Fact]
    public void Index_usage_rows_give_the_existing_indexes_their_reads_and_sizes()
    {
        var catalog = SchemaComparerTests.Migration("shop-v1.yaml", "sqlserver").Physical;
        var profiles = catalog.Tables.Select(t => DesignWorkload.Profile(catalog, t)).ToList();
        var (table, index) = profiles.SelectMany(p => p.Indexes.Where(i => i.Definition.Name is not null).Select(i => (p, i))).First();

        var withUsage = SqlServerWorkloadSources.WithUsage(profiles, new[]
        {
            Row(("schema_name", table.Schema), ("table_name", table.Name), ("index_name", index.Definition.Name), ("reads", 0L), ("size_bytes", 81920L)),
            Row(("schema_name", "other"), ("table_name", table.Name), ("index_name", index.Definition.Name), ("reads", 99L), ("size_bytes", 1L)),
        });

        var read = withUsage.Single(p => p.Name == table.Name).Indexes.Single(i => i.Definition.Name == index.Definition.Name);
        Assert.Equal(0, read.Scans);
        Assert.Equal(81920, read.SizeBytes);
        Assert.Equal(profiles.Sum(p => p.Indexes.Count), withUsage.Sum(p => p.Indexes.Count));
    }
}
