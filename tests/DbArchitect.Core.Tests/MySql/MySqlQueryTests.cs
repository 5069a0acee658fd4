using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.MySql;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Design;

namespace DbArchitect.Core.Tests.MySql;

/// <summary>The query templates of the MySQL-family engines for the shop (multi-tenant, so every query carries the tenant).</summary>
public sealed class MySqlQueryTests
{
    private static DbDesign Shop(string engine)
    {
        var shop = Spec.Shop(tenancy: Tenancy.Multi);
        return DesignEngine.Create(shop with
        {
            AccessPatterns = shop.AccessPatterns.Concat(new[]
            {
                Spec.Pattern("customer by email", "customer", where: new[] { "email" }),
                Spec.Pattern("customers by preference", "customer", where: new[] { "preferences" }),
                Spec.Pattern("orders by status", "order", orderBy: new[] { new SortKey("status", false), new SortKey("created_at", true) }, limit: 50),
                Spec.Pattern("product words", "product", search: new[] { "name" }),
            }).ToList(),
        }, engine);
    }

    private static QueryTemplate Template(DbDesign design, string pattern) => design.QueryTemplates.Single(t => t.AccessPattern == pattern);

    private static int Placeholders(string sql) => sql.Count(c => c == '?');

    [Theory]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    public void EveryPatternHasATemplateWhosePlaceholdersMatchItsParameters(string engine)
    {
        var design = Shop(engine);
        Assert.All(design.QueryTemplates, t => Assert.NotEqual(QueryShape.Skipped, t.Shape));
        foreach (var statement in design.QueryTemplates.SelectMany(t => t.Statements))
        {
            Assert.Equal(Placeholders(statement.Sql), statement.Parameters.Count);
            Assert.DoesNotContain("SELECT *", statement.Sql, StringComparison.Ordinal);
            Assert.DoesNotContain("OFFSET", statement.Sql, StringComparison.Ordinal);
            Assert.Contains("t.tenant_id = ?", statement.Sql, StringComparison.Ordinal);
            Assert.Equal(QueryParameterKind.Tenant, statement.Parameters.First(p => p.Kind != QueryParameterKind.SearchTerm).Kind);
        }
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    public void KeysetPagesContinueFromTheCursorWithTheKeyAsTieBreaker(string engine)
    {
        var template = Template(Shop(engine), "customer order history");
        Assert.Equal(QueryShape.KeysetPage, template.Shape);
        var first = template.Statements[0];
        var next = template.Statements[1];
        Assert.Equal("q_customer_order_history_next", next.Name);
        Assert.EndsWith("ORDER BY t.created_at DESC, t.id DESC\nLIMIT 20", first.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Parameters, p => p.Kind == QueryParameterKind.Cursor);
        Assert.Contains("AND t.created_at <= ? AND (t.created_at, t.id) < (?, ?)\nORDER BY t.created_at DESC, t.id DESC\nLIMIT 20", next.Sql, StringComparison.Ordinal);
        Assert.Equal(new[] { "created_at", "created_at", "id" }, next.Parameters.Where(p => p.Kind == QueryParameterKind.Cursor).Select(p => p.Column));
        Assert.Equal(first.Parameters, next.Parameters.Take(first.Parameters.Count));
        Assert.Contains(template.ServingIndexes, i => i == "ix_order_tenant_id_customer_id_created_at");
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    public void MixedSortDirectionsUseTheExpandedOrForm(string engine)
    {
        var next = Template(Shop(engine), "orders by status").Statements[1];
        Assert.Contains("t.status >= ? AND (t.status > ? OR (t.status = ? AND t.created_at < ?) OR (t.status = ? AND t.created_at = ? AND t.id < ?))", next.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain(") < (", next.Sql, StringComparison.Ordinal);
        Assert.Equal(new[] { "status", "status", "status", "created_at", "status", "created_at", "id" },
            next.Parameters.Where(p => p.Kind == QueryParameterKind.Cursor).Select(p => p.Column));
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    public void TimeBucketsHaveARunningTotalAndASevenBucketMovingAverage(string engine)
    {
        var template = Template(Shop(engine), "daily revenue");
        Assert.Equal(QueryShape.TimeBuckets, template.Shape);
        var sql = template.Statements.Single().Sql;
        const string day = "CAST(DATE(t.created_at) AS DATETIME)";
        Assert.StartsWith($"SELECT {day} AS day, SUM(t.total) AS sum_total, SUM(SUM(t.total)) OVER (ORDER BY {day} ROWS UNBOUNDED PRECEDING) AS running_sum_total, AVG(SUM(t.total)) OVER (ORDER BY {day} ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS moving_avg_7", sql, StringComparison.Ordinal);
        Assert.Contains($"GROUP BY {day}\nORDER BY {day}", sql, StringComparison.Ordinal);
        Assert.Equal(new[] { QueryParameterKind.Tenant, QueryParameterKind.RangeStart, QueryParameterKind.RangeEnd }, template.Statements[0].Parameters.Select(p => p.Kind));
    }

    [Theory]
    [InlineData(TimeBucket.Hour, "CAST(DATE_FORMAT(x, '%Y-%m-%d %H:00:00') AS DATETIME)")]
    [InlineData(TimeBucket.Week, "CAST(DATE(x) - INTERVAL WEEKDAY(x) DAY AS DATETIME)")]
    [InlineData(TimeBucket.Month, "CAST(DATE_FORMAT(x, '%Y-%m-01') AS DATETIME)")]
    [InlineData(TimeBucket.Year, "CAST(DATE_FORMAT(x, '%Y-01-01') AS DATETIME)")]
    public void BucketsStartAtTheStartOfTheirUnit(TimeBucket bucket, string expected) =>
        Assert.Equal(expected, MySqlQueryBuilder.Bucket(bucket, "x"));

    [Theory]
    [InlineData("mysql", "product search", "IN NATURAL LANGUAGE MODE")]
    [InlineData("mariadb", "product search", "IN NATURAL LANGUAGE MODE")]
    [InlineData("mysql", "product words", "IN BOOLEAN MODE")]
    [InlineData("mariadb", "product words", "IN BOOLEAN MODE")]
    public void FullTextSearchMatchesExactlyTheColumnsOfABuiltFulltextIndex(string engine, string pattern, string mode)
    {
        var design = Shop(engine);
        var statement = Template(design, pattern).Statements.Single();
        var indexes = MySqlDesigns.Script(design, "_indexes.sql");
        var matched = System.Text.RegularExpressions.Regex.Matches(statement.Sql, @"MATCH \(([^)]*)\) AGAINST \(\? ([A-Z ]+)\)")
            .Select(m => (Columns: m.Groups[1].Value.Replace("t.", string.Empty, StringComparison.Ordinal), Mode: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(matched);
        Assert.All(matched, m =>
        {
            Assert.Equal(mode, m.Mode);
            Assert.Contains($"ON product ({m.Columns})", indexes.Split('\n').Where(l => l.StartsWith("CREATE FULLTEXT INDEX", StringComparison.Ordinal)).Aggregate(string.Empty, (a, l) => a + l + "\n"), StringComparison.Ordinal);
        });
        // Each MATCH appears in the ranking and in the WHERE, each with its own positional term.
        Assert.Equal(matched.Count, statement.Parameters.Count(p => p.Kind == QueryParameterKind.SearchTerm));
        Assert.Equal(QueryParameterKind.SearchTerm, statement.Parameters[0].Kind);
        Assert.Equal(QueryParameterKind.SearchTerm, statement.Parameters[^1].Kind);
        Assert.EndsWith("ORDER BY `relevance` DESC\nLIMIT 20", statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailLookupUsesMySqlsFunctionalIndexExpression()
    {
        var design = Shop("mysql");
        var sql = Template(design, "customer by email").Statements.Single().Sql;
        Assert.Contains("AND LOWER(t.email) = LOWER(?)", sql, StringComparison.Ordinal);
        Assert.Contains("(LOWER(email))", MySqlDesigns.Script(design, "_indexes.sql"), StringComparison.Ordinal);
    }

    [Fact]
    public void EmailLookupUsesMariaDbsIndexedLowerColumn()
    {
        var design = Shop("mariadb");
        var sql = Template(design, "customer by email").Statements.Single().Sql;
        Assert.Contains("AND t.email_lower = LOWER(?)", sql, StringComparison.Ordinal);
        Assert.Contains("(tenant_id, email_lower)", MySqlDesigns.Script(design, "_indexes.sql"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    public void JsonContainmentUsesJsonContains(string engine)
    {
        var statement = Template(Shop(engine), "customers by preference").Statements.Single();
        Assert.Contains("AND JSON_CONTAINS(t.preferences, ?)", statement.Sql, StringComparison.Ordinal);
        Assert.Equal(QueryParameterKind.Contains, statement.Parameters[^1].Kind);
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    public void TheQueriesFilePreparesEveryStatementAsAnEscapedLiteral(string engine)
    {
        var design = Shop(engine);
        var file = MySqlDesigns.Script(design, MySqlQueries.RelativePath);
        var prepares = file.Split('\n').Where(l => l.StartsWith("PREPARE ", StringComparison.Ordinal)).ToList();
        Assert.Equal(design.QueryTemplates.Sum(t => t.Statements.Count), prepares.Count);
        // Each statement is one escaped literal on one line: quotes doubled, newlines as \n.
        var statements = design.QueryTemplates.SelectMany(t => t.Statements).ToList();
        for (var i = 0; i < statements.Count; i++)
        {
            Assert.Equal($"PREPARE {statements[i].Name} FROM '{statements[i].Sql.Replace("'", "''", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}';", prepares[i]);
        }
    }
}
