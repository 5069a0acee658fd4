using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Indexing;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Indexing;

/// <summary>A T-SQL workload read by ScriptDom against the shop design's catalog: no SQL Server needed.</summary>
public sealed class SqlServerWorkloadTests
{
    private static readonly string FixturePath = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "workloads", "shop-sqlserver.sql");

    private static DbDesign Bare()
    {
        var design = DesignEngine.Create(Shop(), "sqlserver");
        return design with { Physical = design.Physical with { Tables = design.Physical.Tables.Select(t => t with { Indexes = t.Indexes.Where(i => i.Unique).ToList() }).ToList() } };
    }

    private static (IndexAdvice Advice, Workload Workload, List<string> Notes) Run()
    {
        var notes = new List<string>();
        var (advice, workload) = IndexAdvisorRun.ForWorkload("sqlserver", Bare().Physical, WorkloadFile.Read(FixturePath), new IndexAdvisorOptions(), notes);
        return (advice, workload, notes);
    }

    private static WorkloadScan Scan(Workload workload, string query, string table) =>
        Assert.Single(workload.Queries.Single(q => q.Id == query).Scans, s => s.Table == table);

    [Fact]
    public void AliasesResolveAndTopWithOrderByLandOnTheDrivingTable()
    {
        var scan = Scan(Run().Workload, "q1", "order");
        var predicate = Assert.Single(scan.Predicates);
        Assert.Equal(("customer_id", PredicateOperator.Equality), (predicate.Column, predicate.Operator));
        Assert.Equal(new[] { ("created_at", true) }, scan.OrderBy.Select(o => (o.Column, o.Descending)));
        Assert.Equal(20, scan.Limit);
        Assert.Equal(new[] { "id", "total", "status" }, scan.Projected);
    }

    [Fact]
    public void JoinKeysGoToBothSidesAndConstantsStayOnTheirTable()
    {
        var workload = Run().Workload;
        var customer = Scan(workload, "q2", "customer");
        var order = Scan(workload, "q2", "order");
        Assert.Contains(customer.Predicates, p => p is { Column: "id", Join: true, Operator: PredicateOperator.Equality });
        Assert.Contains(customer.Predicates, p => p is { Column: "status", Constant: "suspended", ConstantIsText: true });
        Assert.Contains(order.Predicates, p => p is { Column: "customer_id", Join: true });
        Assert.Contains(order.Predicates, p => p is { Column: "created_at", Operator: PredicateOperator.Range });
        Assert.Contains("email", customer.Projected);
    }

    [Fact]
    public void LikeInSubqueryExistsBetweenAndGroupByBecomeTheirOperators()
    {
        var workload = Run().Workload;
        Assert.Contains(Scan(workload, "q3", "customer").Predicates, p => p is { Column: "email", Operator: PredicateOperator.PrefixLike });
        Assert.Contains(Scan(workload, "q4", "order_item").Predicates, p => p is { Column: "order_id", Operator: PredicateOperator.Equality, Join: false });
        Assert.Contains(Scan(workload, "q4", "product").Predicates, p => p is { Column: "id", Join: true });
        var daily = Scan(workload, "q5", "order");
        Assert.Contains(daily.Predicates, p => p is { Column: "created_at", Operator: PredicateOperator.Range });
        Assert.Equal(new[] { "status" }, daily.GroupBy);
        var correlated = workload.Queries.Single(q => q.Id == "q6").Scans;
        Assert.Contains(correlated.Single(s => s.Table == "customer").Predicates, p => p is { Column: "preferences", Operator: PredicateOperator.IsNull });
        Assert.Contains(correlated.Single(s => s.Table == "order").Predicates, p => p is { Column: "customer_id", Join: true });
        Assert.Contains(correlated.Single(s => s.Table == "order").Predicates, p => p is { Column: "status", Constant: "pending" });
    }

    [Fact]
    public void UpdatesAreWritesWithTheirSetColumnsAndTheirRowLookup()
    {
        var workload = Run().Workload;
        var write = Assert.Single(workload.Writes);
        Assert.Equal(("order", WriteKind.Update, 2.0), (write.Table, write.Kind, write.Rate));
        Assert.Equal(new[] { "status" }, write.Columns);
        Assert.Contains(Scan(workload, "q7", "order").Predicates, p => p.Column == "id");
    }

    [Fact]
    public void UnknownColumnsAndTablesSkipTheStatementWithTheNameInsteadOfGuessing()
    {
        var (_, workload, notes) = Run();
        Assert.DoesNotContain(workload.Queries, q => q.Id is "q8" or "q9");
        Assert.Contains(notes, n => n.Contains("q8", StringComparison.Ordinal) && n.Contains("column 'nickname' is not in table 'customer'", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("q9", StringComparison.Ordinal) && n.Contains("table 'missing_table' is not in the catalog", StringComparison.Ordinal));
    }

    [Fact]
    public void CtesDerivedTablesAndUnionsAreReadInsideWithoutGuessingTheirColumns()
    {
        var notes = new List<string>();
        var (_, workload) = IndexAdvisorRun.ForWorkload("sqlserver", Bare().Physical, WorkloadFile.Parse("""
            WITH recent AS (SELECT customer_id, total FROM [order] WHERE created_at >= @since)
            SELECT r.customer_id, SUM(r.total) AS spent FROM recent r GROUP BY r.customer_id ORDER BY spent DESC;
            SELECT d.n FROM (SELECT status, COUNT(*) AS n FROM customer WHERE email LIKE '%@example.com' GROUP BY status) AS d;
            SELECT id FROM customer WHERE status = 'closed' UNION ALL SELECT id FROM product WHERE sku = @sku;
            """, "t.sql"), new IndexAdvisorOptions(), notes);
        Assert.Empty(notes);
        Assert.Contains(Scan(workload, "q1", "order").Predicates, p => p is { Column: "created_at", Operator: PredicateOperator.Range });
        Assert.Contains(Scan(workload, "q2", "customer").Predicates, p => p is { Column: "email", Operator: PredicateOperator.InfixLike });
        Assert.Equal(new[] { "status" }, Scan(workload, "q2", "customer").GroupBy);
        Assert.Contains(Scan(workload, "q3", "customer").Predicates, p => p is { Column: "status", Constant: "closed" });
        Assert.Contains(Scan(workload, "q3", "product").Predicates, p => p is { Column: "sku", Operator: PredicateOperator.Equality });
    }

    [Fact]
    public void UpdateFromAJoinReadsItsSetValuesFromTheJoinedTable()
    {
        var notes = new List<string>();
        var (_, workload) = IndexAdvisorRun.ForWorkload("sqlserver", Bare().Physical, WorkloadFile.Parse(
            "UPDATE o SET status = c.status FROM [order] AS o JOIN customer AS c ON c.id = o.customer_id WHERE c.email = @email", "t.sql"), new IndexAdvisorOptions(), notes);
        Assert.Empty(notes);
        var write = Assert.Single(workload.Writes);
        Assert.Equal(("order", WriteKind.Update), (write.Table, write.Kind));
        Assert.Contains(Scan(workload, "q1", "customer").Predicates, p => p is { Column: "email", Operator: PredicateOperator.Equality });
        Assert.Contains(Scan(workload, "q1", "order").Predicates, p => p is { Column: "customer_id", Join: true });
    }

    [Fact]
    public void AmbiguousUnqualifiedColumnsAreRefused()
    {
        // The only statement is refused, so there is no workload: an error that quotes why, never review-only advice.
        var notes = new List<string>();
        var error = Assert.Throws<DbArchitectException>(() => IndexAdvisorRun.ForWorkload("sqlserver", Bare().Physical,
            WorkloadFile.Parse("SELECT total FROM customer c JOIN [order] o ON o.customer_id = c.id WHERE status = 'active'", "t.sql"), new IndexAdvisorOptions(), notes));
        Assert.Equal("WorkloadNotPlanned", error.Errors[0].ErrorId);
        Assert.Contains("column 'status' is ambiguous", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Contains("column 'status' is ambiguous", StringComparison.Ordinal));
    }

    [Fact]
    public void RecommendsOnlineCoveringIndexesThatParseAsTSql()
    {
        var advice = Run().Advice;
        var creates = advice.Recommendations.Where(r => r.Action == RecommendationAction.Create).ToList();
        Assert.NotEmpty(creates);
        var history = Assert.Single(creates, r => r.Table == "order" && r.Columns.Count >= 2 && r.Columns[0] == "customer_id" && r.Columns[1] == "created_at desc");
        Assert.Contains("q1", history.Reason, StringComparison.Ordinal);
        Assert.All(creates.Where(r => r.Queries.Count > 0), r => Assert.Equal("Heuristic", r.Confidence));
        Assert.Contains(creates, r => r.Queries.Count > 0);
        Assert.All(advice.Recommendations.Concat(advice.Rejected), r =>
        {
            Assert.Contains("WITH (ONLINE = ON);", r.Sql, StringComparison.Ordinal);
            using var reader = new StringReader(r.Sql);
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
            Assert.True(errors.Count == 0, r.Sql + ": " + string.Join("; ", errors.Select(e => e.Message)));
        });
        Assert.Contains(advice.Recommendations.Concat(advice.Rejected), r => r.Include.Count > 0 && r.Sql.Contains("INCLUDE (", StringComparison.Ordinal));
        Assert.True(advice.RelativeWorkloadCost < 0.5, advice.RelativeWorkloadCost.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EnginesWhoseServerExplainsTheWorkloadRefuseOfflineParsing()
    {
        var error = Assert.Throws<DbArchitectException>(() => IndexAdvisorRun.ForWorkload("postgresql", DesignEngine.Create(Shop(), "postgresql").Physical,
            WorkloadFile.Parse("SELECT 1", "t.sql"), new IndexAdvisorOptions(), new List<string>()));
        Assert.Equal("WorkloadParserNotAvailable", error.Errors[0].ErrorId);
    }

    [Theory]
    [InlineData(50.0 * 1024 * 1024, "WITH (ONLINE = ON);")]
    [InlineData(3.0 * 1024 * 1024 * 1024, "WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES);")]
    public void ALargeIndexIsBuiltResumableAndParses(double estimatedBytes, string with)
    {
        var index = new DbArchitect.Core.Indexing.IndexDefinition("order", new[] { AdvisedKey.Of("customer_id"), AdvisedKey.Of("created_at", descending: true) }, new[] { "total" },
            DbArchitect.Core.Model.IndexStructure.Ordered, Array.Empty<PredicateTest>(), false, "ix_order_customer_id_created_at");
        var sql = new DbArchitect.Core.Engines.SqlServer.SqlServerIndexAdvice().Create(index, "sales", estimatedBytes);
        Assert.EndsWith(with, sql, StringComparison.Ordinal);
        using var reader = new StringReader(sql);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void RareNullTestBecomesAFilteredIndexThatParses()
    {
        var notes = new List<string>();
        var (advice, _) = IndexAdvisorRun.ForWorkload("sqlserver", Bare().Physical,
            WorkloadFile.Parse("-- calls: 30\nSELECT TOP (50) o.id, o.total FROM [order] o WHERE o.status IS NULL ORDER BY o.created_at DESC;", "t.sql"), new IndexAdvisorOptions(), notes);
        var filtered = Assert.Single(advice.Recommendations, r => r.Predicate is not null);
        Assert.Contains("WHERE [status] IS NULL WITH (ONLINE = ON);", filtered.Sql, StringComparison.Ordinal);
        Assert.Equal("created_at desc", filtered.Columns[0]);
        using var reader = new StringReader(filtered.Sql);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void SameWorkloadSameBytes()
    {
        Assert.Equal(string.Join("\n", Run().Advice.Recommendations.Select(r => r.Sql)), string.Join("\n", Run().Advice.Recommendations.Select(r => r.Sql)));
    }
}
