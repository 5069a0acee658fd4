using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;

namespace DbArchitect.Core.Tests.PostgreSql;

public sealed class PostgreSqlQueriesTests
{
    private static SqlScript Queries() =>
        new PostgreSqlScripts().Generate(PgModels.Named("hostile")).Single(s => s.Kind == ScriptKind.Queries);

    [Fact]
    public void AccessPatternTemplatesAreAReferenceScriptInASubFolder()
    {
        var script = Queries();
        Assert.Equal("queries/access_patterns.sql", script.RelativePath);
        Assert.False(script.IsBuildStep);
        Assert.False(script.RunsInTransaction);
        Assert.Equal(8, script.Order);
        Assert.DoesNotContain("BEGIN;", script.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoAccessPatternsNoQueryScript() =>
        Assert.DoesNotContain(new PostgreSqlScripts().Generate(PgModels.Design(PgModels.Hostile())), s => s.Kind == ScriptKind.Queries);

    [Fact]
    public void TemplatesArePreparedWithTypedParametersAndNameTheIndexesThatServeThem()
    {
        var text = Queries().Text;
        Assert.Contains("-- Served by: order_tenant_id_user_id_created_at_idx\nPREPARE customer_order_history (uuid) AS\n    SELECT *\n    FROM shop.\"order\"\n    WHERE user_id = $1\n    ORDER BY created_at DESC\n    LIMIT 20;", text, StringComparison.Ordinal);
        Assert.Contains("PREPARE daily_revenue (timestamptz, timestamptz) AS\n    SELECT date_trunc('day', created_at) AS day, sum(\"Total\") AS sum", text, StringComparison.Ordinal);
        Assert.Contains("WHERE lower(\"Email\") = lower($1) AND deleted_at IS NULL;", text, StringComparison.Ordinal);
        Assert.Contains("-- Skipped: no table for entity ghost.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FullTextSearchRepeatsTheIndexExpressionSoTheIndexApplies() =>
        Assert.Contains(
            "WHERE to_tsvector('english'::regconfig, coalesce(\"select\", '') || ' ' || coalesce(status, '') || ' ' || coalesce(\"Total\"::text, '')) @@ websearch_to_tsquery('english'::regconfig, $1);",
            Queries().Text, StringComparison.Ordinal);
}
