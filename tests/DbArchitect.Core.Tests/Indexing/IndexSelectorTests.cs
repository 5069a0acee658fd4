using DbArchitect.Core.Engines;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Indexing.Workloads;

namespace DbArchitect.Core.Tests.Indexing;

public sealed class IndexSelectorTests
{
    private static IIndexAdviceDdl Pg => EngineRegistry.Get("postgresql").IndexAdvice!;

    private static IndexAdvice Advise(Workload workload, IndexAdvisorOptions? options = null) =>
        IndexAdvisor.Advise(workload, "postgresql", Pg, new HeuristicCostModel(workload), options ?? new IndexAdvisorOptions { Review = false });

    [Fact]
    public void EqualityThenOrderByWithDirectionServesAKeysetPage()
    {
        var workload = Of(Orders(), new[] { Query("history", 100, Scan(new[] { Eq("customer_id") }, new[] { new SortKey("created_at", true) }, 20)) });
        var advice = Advise(workload);
        var first = Assert.Single(advice.Recommendations);
        Assert.Equal(new[] { "customer_id", "created_at desc" }, first.Columns.ToArray());
        Assert.Equal("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_customer_id_created_at ON public.orders USING btree (customer_id, created_at DESC);", first.Sql);
        Assert.True(first.CostAfter < first.CostBefore / 100, $"{first.CostBefore} -> {first.CostAfter}");
        Assert.Equal("Heuristic", first.Confidence);
    }

    [Fact]
    public void AnIndexThatRepeatsAChosenOneGainsNothingOnRecosting()
    {
        // Both statements are served by (customer_id, created_at); once it is chosen, (customer_id) alone adds nothing.
        var workload = Of(Orders(), new[]
        {
            Query("by customer", 50, Scan(new[] { Eq("customer_id") })),
            Query("by customer since", 50, Scan(new[] { Eq("customer_id"), Range("created_at") })),
        });
        var advice = Advise(workload);
        var chosen = Assert.Single(advice.Recommendations);
        Assert.Equal(new[] { "customer_id", "created_at" }, chosen.Columns.ToArray());
        Assert.Contains(advice.Rejected, r => r.Columns.SequenceEqual(new[] { "customer_id" }) && r.Reason.Contains("no benefit beyond the indexes chosen", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxIndexesStopsTheSearchAndSaysSo()
    {
        var workload = Of(Orders(), new[]
        {
            Query("by customer", 50, Scan(new[] { Eq("customer_id") })),
            Query("recent", 10, Scan(new[] { Range("created_at") }, new[] { new SortKey("created_at", true) }, 50)),
            Query("note", 1, Scan(new[] { Eq("note") })),
        });
        var advice = Advise(workload, new IndexAdvisorOptions { Review = false, Budget = new SelectionBudget(1, null) });
        Assert.Single(advice.Recommendations);
        Assert.Contains(advice.Rejected, r => r.Reason.StartsWith("budget: -MaxIndexes 1", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxSizeMbKeepsBigIndexesOut()
    {
        var workload = Of(Orders(), new[] { Query("note", 10, Scan(new[] { Eq("note") })) });
        var advice = Advise(workload, new IndexAdvisorOptions { Review = false, Budget = new SelectionBudget(null, 1) });
        Assert.Empty(advice.Recommendations);
        Assert.Contains(advice.Rejected, r => r.Reason.Contains("-MaxSizeMB 1", StringComparison.Ordinal));
    }

    [Fact]
    public void HeavyUpdatesOfTheKeyColumnOutweighARareRead()
    {
        var workload = Of(Orders(), new[] { Query("by total", 0.001, Scan(new[] { Eq("total") })) },
            new[] { new WorkloadWrite("orders", WriteKind.Update, new[] { "total" }, 5_000, "test") });
        var advice = Advise(workload);
        Assert.Empty(advice.Recommendations);
        Assert.Contains(advice.Rejected, r => r.Reason.StartsWith("write overhead", StringComparison.Ordinal));
    }

    [Fact]
    public void ACandidateThatMakesAnyStatementSlowerIsNeverChosen()
    {
        var workload = Of(Orders(), new[]
        {
            Query("helped", 100, Scan(new[] { Eq("customer_id") })),
            Query("hurt", 1, Scan(new[] { Eq("status", "paid") })),
        });
        var model = new SlowingModel(new HeuristicCostModel(workload));
        var advice = IndexAdvisor.Advise(workload, "postgresql", Pg, model, new IndexAdvisorOptions { Review = false });
        Assert.DoesNotContain(advice.Recommendations, r => r.Columns.Contains("customer_id"));
        Assert.Contains(advice.Rejected, r => r.Columns.Contains("customer_id") && r.Reason.Contains("hurt would cost", StringComparison.Ordinal));
        Assert.All(advice.Selection.Queries, q => Assert.True(q.After <= q.Before));
    }

    [Fact]
    public void ConstantTestOnALowDistinctColumnProposesAPartialIndex()
    {
        var workload = Of(Orders(), new[] { Query("pending queue", 20, Scan(new[] { Eq("status", "pending") }, new[] { new SortKey("created_at", false) }, 100)) });
        var advice = Advise(workload);
        var partial = Assert.Single(advice.Recommendations);
        Assert.Equal("status = 'pending'", partial.Predicate);
        Assert.EndsWith("(created_at) WHERE status = 'pending';", partial.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void InfixLikeGetsATrigramIndexAndTimeOrderedRangesGetBrin()
    {
        var workload = Of(Orders(), new[]
        {
            Query("note search", 5, Scan(new[] { new ScanPredicate("note", PredicateOperator.InfixLike) })),
            Query("month", 1, Scan(new[] { Range("created_at") }, projected: new[] { "total" })),
        });
        var candidates = CandidateGenerator.Generate(workload, Pg, 3);
        Assert.Contains(candidates, c => c.Definition.Method == Model.IndexStructure.Inverted && c.Definition.Keys[0].Match == Model.KeyMatch.Trigram);
        Assert.Contains(candidates, c => c.Definition.Method == Model.IndexStructure.BlockRange && c.Rule.Contains("correlation 0.99", StringComparison.Ordinal));
        var mysql = CandidateGenerator.Generate(workload, EngineRegistry.Get("mysql").IndexAdvice!, 3);
        Assert.DoesNotContain(mysql, c => c.Definition.Method != Model.IndexStructure.Ordered || c.Definition.Include.Count > 0);
    }

    [Fact]
    public void WidthIsLimitedByMaxWidth()
    {
        var workload = Of(Orders(), new[] { Query("many", 5, Scan(new[] { Eq("customer_id"), Eq("status"), Eq("total"), Range("created_at") })) });
        Assert.All(CandidateGenerator.Generate(workload, Pg, 2), c => Assert.True(c.Definition.Keys.Count <= 2));
    }

    [Fact]
    public void SameWorkloadGivesTheSameBytes()
    {
        var workload = Of(Orders(), new[]
        {
            Query("a", 50, Scan(new[] { Eq("customer_id") })),
            Query("b", 3, Scan(new[] { Eq("status", "pending") }, new[] { new SortKey("created_at", false) }, 10)),
        });
        var one = Advise(workload, new IndexAdvisorOptions());
        var two = Advise(workload, new IndexAdvisorOptions());
        Assert.Equal(one.Recommendations.Select(r => r.Sql + r.Reason), two.Recommendations.Select(r => r.Sql + r.Reason));
    }

    [Fact]
    public void EachRecommendationIsOneScriptAndRejectedOnesNone()
    {
        var workload = Of(Orders(), new[] { Query("a", 50, Scan(new[] { Eq("customer_id") })) });
        var advice = Advise(workload);
        var script = Assert.Single(advice.Recommendations[0].ToScripts());
        Assert.Equal("index-advice/01-create-ix_orders_customer_id.sql", script.RelativePath);
        Assert.False(script.RunsInTransaction);
        Assert.Contains("-- Create index ix_orders_customer_id on orders", script.Text, StringComparison.Ordinal);
        Assert.All(advice.Rejected, r => Assert.Empty(r.ToScripts()));
    }

    /// <summary>Makes any index on customer_id cost the "hurt" statement more, as a mis-estimating planner might.</summary>
    private sealed class SlowingModel(IIndexCostModel inner) : IIndexCostModel
    {
        public CostConfidence Confidence => inner.Confidence;

        public string Description => "test model";

        public double Cost(WorkloadQuery query, IReadOnlyList<IndexDefinition> extra) =>
            inner.Cost(query, extra) * (query.Id == "hurt" && extra.Any(e => e.Keys.Any(k => k.Column == "customer_id")) ? 2 : 1);

        public double SizeBytes(IndexDefinition index) => inner.SizeBytes(index);
    }
}

public sealed class CandidateKeyTests
{
    private static IIndexAdviceDdl Pg => EngineRegistry.Get("postgresql").IndexAdvice!;

    [Fact]
    public void NoCandidateKeysTheSameColumnTwice()
    {
        // WHERE status = 'pending' AND total > 40 ORDER BY total DESC: the range and the ORDER BY name one column.
        var workload = Of(Orders(), new[] { Query("fines", 10, Scan(new[] { Eq("status", "pending"), Range("total") }, new[] { new SortKey("total", true) }, 20, new[] { "id" })) });
        var candidates = CandidateGenerator.Generate(workload, Pg, 3);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Equal(c.Definition.Keys.Count, c.Definition.Keys.Select(k => (k.Column, k.Function)).Distinct().Count()));
        Assert.Contains(candidates, c => c.Definition.IsPartial && c.Definition.Keys.Count == 1 && c.Definition.Keys[0].Column == "total");
    }
}

public sealed class MaxIndexesTests
{
    private static IIndexAdviceDdl Pg => EngineRegistry.Get("postgresql").IndexAdvice!;

    [Fact]
    public void MaxIndexesBoundsTheReviewsForeignKeyIndexesToo()
    {
        // orders.customer_id has a foreign key and no index: the review would add one beside the search's two.
        var workload = Of(Orders(), new[]
        {
            Query("recent", 10, Scan(new[] { Range("created_at") }, new[] { new SortKey("created_at", true) }, 50)),
            Query("note", 5, Scan(new[] { Eq("note") })),
        });
        var unbounded = IndexAdvisor.Advise(workload, "postgresql", Pg, new HeuristicCostModel(workload), new IndexAdvisorOptions());
        Assert.Contains(unbounded.Recommendations, r => r.Rule == "unindexed foreign key");
        var creates = unbounded.Recommendations.Count(r => r.Action == RecommendationAction.Create);
        Assert.True(creates >= 3, string.Join("\n", unbounded.Recommendations.Select(r => r.Title)));

        var bounded = IndexAdvisor.Advise(workload, "postgresql", Pg, new HeuristicCostModel(workload), new IndexAdvisorOptions { Budget = new SelectionBudget(creates - 1, null) });
        Assert.Equal(creates - 1, bounded.Recommendations.Count(r => r.Action is RecommendationAction.Create or RecommendationAction.Replace));
        Assert.DoesNotContain(bounded.Recommendations, r => r.Rule == "unindexed foreign key");
        Assert.Contains(bounded.Rejected, r => r.Rule == "unindexed foreign key" && r.Reason.StartsWith("budget: -MaxIndexes", StringComparison.Ordinal));
        // The ones kept are the ones the workload measures, in order of benefit.
        Assert.All(bounded.Recommendations.Where(r => r.Action == RecommendationAction.Create), r => Assert.NotNull(r.CostBefore));
    }
}

public sealed class CoveringProportionTests
{
    private static IIndexAdviceDdl Pg => EngineRegistry.Get("postgresql").IndexAdvice!;

    [Fact]
    public void AWideIncludeForALimitedSelectStarLosesToTheSameKeysWithoutIt()
    {
        // SELECT * … WHERE customer_id = ? ORDER BY created_at DESC LIMIT 100: the plan lists every column, note is 200 bytes.
        var all = new[] { "id", "customer_id", "status", "created_at", "total", "note" };
        var workload = Of(Orders(), new[] { Query("page", 10, Scan(new[] { Eq("customer_id") }, new[] { new SortKey("created_at", true) }, 100, all)) });
        var advice = IndexAdvisor.Advise(workload, "postgresql", Pg, new HeuristicCostModel(workload), new IndexAdvisorOptions { Review = false });
        var chosen = Assert.Single(advice.Recommendations);
        Assert.Equal(new[] { "customer_id", "created_at desc" }, chosen.Columns.ToArray());
        Assert.Empty(chosen.Include);
        Assert.Contains(advice.Rejected, r => r.Include.Contains("note") && r.Reason.StartsWith("covering out of proportion", StringComparison.Ordinal));
    }
}
