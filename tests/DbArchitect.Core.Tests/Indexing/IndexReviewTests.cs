using DbArchitect.Core.Engines;
using DbArchitect.Core.Indexing;
using static DbArchitect.Core.Tests.Indexing.Workloads;

namespace DbArchitect.Core.Tests.Indexing;

public sealed class IndexReviewTests
{
    private static IndexAdvice Review(Workload workload) =>
        IndexAdvisor.Advise(workload, "postgresql", EngineRegistry.Get("postgresql").IndexAdvice!, new HeuristicCostModel(workload), new IndexAdvisorOptions());

    private static Workload With(double? statsAge, params ExistingIndex[] indexes) =>
        Of(Orders(indexes), Array.Empty<WorkloadQuery>()) with { StatsAgeDays = statsAge };

    [Fact]
    public void ExactDuplicateIsDroppedAndTheConstraintIndexKept()
    {
        var advice = Review(With(30, Existing(Ix("orders_pkey", "id"), constraint: true), Existing(Ix("ix_dup_id", "id")), Existing(Ix("ix_customer", "customer_id"))));
        var drop = Assert.Single(advice.Recommendations, r => r.Rule == "duplicate index");
        Assert.Equal(RecommendationAction.Drop, drop.Action);
        Assert.Equal("ix_dup_id", drop.IndexName);
        Assert.Equal("DROP INDEX CONCURRENTLY IF EXISTS public.ix_dup_id;", drop.Sql);
        Assert.Contains("orders_pkey", drop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftPrefixIsRedundant()
    {
        var advice = Review(With(30, Existing(Ix("ix_a", "customer_id")), Existing(Ix("ix_ab", "customer_id", "created_at"))));
        var drop = Assert.Single(advice.Recommendations, r => r.Rule == "left-prefix redundant index");
        Assert.Equal("ix_a", drop.IndexName);
        Assert.Contains("left prefix of ix_ab", drop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixWithItsOwnIncludeIsMergedIntoOneReplacement()
    {
        var covering = Ix("ix_a_cov", "customer_id") with { Include = new[] { "total" } };
        var advice = Review(With(30, Existing(covering), Existing(Ix("ix_ab", "customer_id", "created_at"))));
        var merge = Assert.Single(advice.Recommendations, r => r.Action == RecommendationAction.Replace);
        Assert.Equal(new[] { "customer_id", "created_at" }, merge.Columns.ToArray());
        Assert.Equal(new[] { "total" }, merge.Include.ToArray());
        Assert.Equal("ix_a_cov, ix_ab", merge.ReplacesIndex);
        Assert.StartsWith("CREATE INDEX CONCURRENTLY", merge.Sql, StringComparison.Ordinal);
        Assert.Contains("DROP INDEX CONCURRENTLY IF EXISTS public.ix_ab;", merge.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void UnusedIndexShowsTheStatsAgeAndWarnsWhenYoung()
    {
        var old = Review(With(45, Existing(Ix("ix_total", "total"), scans: 0)));
        Assert.Contains(old.Recommendations, r => r.Rule == "unused index" && r.Reason.Contains("0 scans in 45 days", StringComparison.Ordinal) && !r.Reason.Contains("days old", StringComparison.Ordinal));
        var young = Review(With(2, Existing(Ix("ix_total", "total"), scans: 0)));
        Assert.Contains(young.Recommendations, r => r.Rule == "unused index" && r.Reason.Contains("only 2 days old", StringComparison.Ordinal));
        var unknown = Review(With(null, Existing(Ix("ix_total", "total"), scans: 0)));
        Assert.DoesNotContain(unknown.Recommendations, r => r.Rule == "unused index");
    }

    [Fact]
    public void ForeignKeyWithoutAnIndexGetsOne()
    {
        var advice = Review(With(30));
        var fk = Assert.Single(advice.Recommendations, r => r.Rule == "unindexed foreign key");
        Assert.Equal(new[] { "customer_id" }, fk.Columns.ToArray());
        Assert.Contains("orders_customer_id_fkey", fk.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Review(With(30, Existing(Ix("ix_ab", "customer_id", "created_at")))).Recommendations, r => r.Rule == "unindexed foreign key");
    }
}

public sealed class IndexReviewSafetyTests
{
    private static IndexAdvice Review(Workload workload, bool dropScript = true) =>
        IndexAdvisor.Advise(workload, "postgresql", EngineRegistry.Get("postgresql").IndexAdvice!, new HeuristicCostModel(workload), new IndexAdvisorOptions { IncludeDropScript = dropScript });

    private static Workload With(double? statsAge, params ExistingIndex[] indexes) =>
        Of(Orders(indexes), Array.Empty<WorkloadQuery>()) with { StatsAgeDays = statsAge };

    private static IndexDefinition LowerNote(string name) =>
        new("orders", new[] { new AdvisedKey("note", KeyFunction.Lower, null, false, Model.KeyMatch.Ordinary) }, Array.Empty<string>(), Model.IndexStructure.Ordered, Array.Empty<PredicateTest>(), true, name);

    [Fact]
    public void AnUnusedUniqueExpressionIndexIsNeverDropped()
    {
        var advice = Review(With(90, Existing(LowerNote("ux_orders_lower_note"), scans: 0), Existing(LowerNote("ux_orders_lower_note_copy"), scans: 0)));
        Assert.DoesNotContain(advice.Recommendations, r => r.IndexName.StartsWith("ux_orders_lower_note", StringComparison.Ordinal) && r.Action != RecommendationAction.Create);
        Assert.DoesNotContain(advice.Recommendations, r => r.Sql.Contains("DROP INDEX", StringComparison.Ordinal) && r.Sql.Contains("ux_orders", StringComparison.Ordinal));
    }

    [Fact]
    public void ExclusionReplicaIdentityAndForeignKeyIndexesAreNeverDropped()
    {
        var advice = Review(With(90,
            Existing(Ix("ix_excl", "created_at"), scans: 0) with { Enforces = "exclusion constraint" },
            Existing(Ix("ix_replident", "id"), scans: 0) with { Enforces = "replica identity" },
            Existing(Ix("ix_customer", "customer_id"), scans: 0),
            Existing(Ix("ix_total", "total"), scans: 0)));
        var drop = Assert.Single(advice.Recommendations, r => r.Action == RecommendationAction.Drop);
        Assert.Equal("ix_total", drop.IndexName);
        Assert.DoesNotContain(advice.Recommendations, r => r.Rule == "unindexed foreign key");
    }

    [Fact]
    public void AMergeNeverDropsAUniqueIndex()
    {
        var covering = Ix("ix_a_cov", "customer_id") with { Include = new[] { "total" } };
        var unique = Ix("ux_ab", "customer_id", "created_at") with { Unique = true };
        var advice = Review(With(90, Existing(covering), Existing(unique)));
        Assert.DoesNotContain(advice.Recommendations, r => r.Sql.Contains("ux_ab", StringComparison.Ordinal));
    }

    [Fact]
    public void UnusedIsAReviewItemWithoutDdlUnlessTheDropScriptIsAskedForAndTheCountersAreOldEnough()
    {
        var old = With(45, Existing(Ix("ix_total", "total"), scans: 0));
        var review = Assert.Single(Review(old, dropScript: false).Recommendations, r => r.Rule == "unused index");
        Assert.Equal(RecommendationAction.Review, review.Action);
        Assert.Equal(string.Empty, review.Sql);
        Assert.Empty(review.ToScripts());
        Assert.Contains("-IncludeDropScript", review.Reason, StringComparison.Ordinal);

        var drop = Assert.Single(Review(old).Recommendations, r => r.Rule == "unused index");
        Assert.Equal(RecommendationAction.Drop, drop.Action);
        Assert.Contains("at least 7 days", drop.Reason, StringComparison.Ordinal);

        var young = Assert.Single(Review(With(2, Existing(Ix("ix_total", "total"), scans: 0))).Recommendations, r => r.Rule == "unused index");
        Assert.Equal(RecommendationAction.Review, young.Action);
        Assert.Equal(string.Empty, young.Sql);
    }
}
