using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Design;

namespace DbArchitect.Core.Tests.PostgreSql;

public sealed class PostgreSqlQueriesTests
{
    private static SqlScript Queries() =>
        new PostgreSqlScripts().Generate(PgModels.Named("hostile")).Single(s => s.Kind == ScriptKind.Queries);

    private static QueryTemplate Template(DbDesign design, string pattern) => design.QueryTemplates.Single(t => t.AccessPattern == pattern);

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
    public void TemplatesArePreparedWithTypedParametersTheTenantPredicateAndNameTheIndexesThatServeThem()
    {
        var text = Queries().Text;
        Assert.Contains("-- Served by: order_tenant_id_user_id_created_at_idx\n", text, StringComparison.Ordinal);
        Assert.Contains("PREPARE customer_order_history (uuid, uuid) AS\n    SELECT tenant_id, id, user_id,", text, StringComparison.Ordinal);
        Assert.Contains("    WHERE tenant_id = $1 AND user_id = $2\n    ORDER BY created_at DESC, id DESC\n    LIMIT 20;", text, StringComparison.Ordinal);
        Assert.Contains("PREPARE user_by_email (varchar(320)) AS\n    SELECT * FROM shop.user_by_email($1);", text, StringComparison.Ordinal);
        Assert.Contains("-- Skipped: No table for entity ghost.", text, StringComparison.Ordinal);
        // Only a call of a tenant query function selects *: its columns are the function's declared ones.
        var statements = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal) && !l.StartsWith("    SELECT * FROM shop.", StringComparison.Ordinal)));
        Assert.DoesNotContain("SELECT *", statements, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFSET", statements, StringComparison.Ordinal);
    }

    [Fact]
    public void FullTextSearchRepeatsTheIndexExpressionSoTheIndexApplies() =>
        Assert.Contains(
            "WHERE tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid AND to_tsvector('english'::regconfig, coalesce(\"select\", '') || ' ' || coalesce(status, '') || ' ' || coalesce(\"Total\"::text, '')) @@ websearch_to_tsquery('english'::regconfig, $1)\n    ORDER BY rank DESC\n    LIMIT 20;",
            new PostgreSqlScripts().Generate(PgModels.Named("hostile")).Single(s => s.Kind == ScriptKind.Security).Text, StringComparison.Ordinal);

    [Fact]
    public void SortedLimitedPatternGetsAFirstPageAndARowValueCursorWithThePrimaryKeyAsTieBreaker()
    {
        var design = DesignEngine.Create(Spec.Shop());
        var history = Template(design, "customer order history");
        Assert.Equal(QueryShape.KeysetPage, history.Shape);
        Assert.Equal(new[] { "customer_order_history", "customer_order_history_next" }, history.Statements.Select(s => s.Name));
        var next = history.Statements[1];
        Assert.Contains("WHERE customer_id = $1 AND (created_at, id) < ($2, $3)\nORDER BY created_at DESC, id DESC\nLIMIT 20", next.Sql, StringComparison.Ordinal);
        Assert.Equal(new[] { "uuid", "timestamptz", "uuid" }, next.Parameters.Select(p => p.NativeType));
        var index = design.Physical.FindTable("order")!.Indexes.Single(i => i.Name == Assert.Single(history.ServingIndexes));
        Assert.Equal(new[] { "customer_id", "created_at desc", "id desc" }, index.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void MixedSortDirectionsExpandTheCursorAndBoundTheLeadingSortColumn()
    {
        var requirement = Spec.Shop() with
        {
            AccessPatterns = new[]
            {
                Spec.Pattern("board", "order", where: new[] { "status" }, orderBy: new[] { new SortKey("total", false), new SortKey("created_at", true) }, limit: 50),
            },
        };
        var next = Template(DesignEngine.Create(requirement), "board").Statements[1].Sql;
        Assert.Contains("WHERE status = $1 AND total >= $2 AND (total > $2 OR (total = $2 AND created_at < $3) OR (total = $2 AND created_at = $3 AND id < $4))", next, StringComparison.Ordinal);
        Assert.Contains("ORDER BY total, created_at DESC, id DESC", next, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeBucketsAggregateWithARunningTotalAndAMovingAverageOverARange()
    {
        var sql = Template(DesignEngine.Create(Spec.Shop()), "daily revenue").Statements.Single().Sql;
        Assert.Equal(
            "SELECT date_trunc('day', created_at) AS day, sum(total) AS sum_total, sum(sum(total)) OVER w AS running_sum_total, avg(sum(total)) OVER (w ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS moving_avg_7\n" +
            "FROM shop_fast.\"order\"\nWHERE created_at >= $1 AND created_at < $2\nGROUP BY 1\nWINDOW w AS (ORDER BY date_trunc('day', created_at))\nORDER BY 1",
            sql);
    }

    [Fact]
    public void FuzzySearchOverSeveralColumnsOrsTheirTrigramPredicatesAndRanksByTheBestSimilarity()
    {
        var design = DesignEngine.Create(Spec.Shop());
        var search = Template(design, "product search");
        Assert.Equal(new[] { "ix_product_name_trgm", "ix_product_description_trgm" }, search.ServingIndexes);
        var sql = search.Statements.Single().Sql;
        Assert.Contains("greatest(public.similarity(name, $1), public.similarity(description, $1)) AS similarity", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE (name OPERATOR(public.%) $1 OR description OPERATOR(public.%) $1)\nORDER BY similarity DESC\nLIMIT 20", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFiltersUseContainmentAndProjectionsListColumns()
    {
        var requirement = Spec.Shop() with
        {
            AccessPatterns = new[] { Spec.Pattern("by preference", "customer", where: new[] { "preferences" }) },
        };
        var template = Template(DesignEngine.Create(requirement), "by preference");
        var sql = template.Statements.Single().Sql;
        Assert.StartsWith("SELECT id, email, full_name, status, preferences, created_at, updated_at\n", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE preferences @> $1::jsonb", sql, StringComparison.Ordinal);
        Assert.Equal("ix_customer_preferences_gin", Assert.Single(template.ServingIndexes));
    }

    [Fact]
    public void EveryPatternHasAQueryOptimizationDecisionNamingItsIndex()
    {
        var design = DesignEngine.Create(Spec.Shop());
        var decisions = design.Decisions.Where(d => d.Area == DesignAreas.QueryOptimization).ToList();
        Assert.Equal(design.Requirement.AccessPatterns.Select(p => p.Name), decisions.Select(d => d.Subject));
        Assert.All(decisions, d => Assert.StartsWith("Served by ix_", d.Decision, StringComparison.Ordinal));
    }
}
