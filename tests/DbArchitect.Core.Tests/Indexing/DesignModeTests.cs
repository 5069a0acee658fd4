using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Indexing;

public sealed class DesignModeTests
{
    /// <summary>The shop design with only its key and unique indexes, so the advisor must find the rest itself.</summary>
    private static DbDesign Bare(string engine)
    {
        var design = DesignEngine.Create(Shop(), engine);
        return design with { Physical = design.Physical with { Tables = design.Physical.Tables.Select(t => t with { Indexes = t.Indexes.Where(i => i.Unique).ToList() }).ToList() } };
    }

    [Fact]
    public void BareShopDesignGetsTheKeysetIndexForOrderHistory()
    {
        var advice = IndexAdvisorRun.ForDesign(Bare("postgresql"), new IndexAdvisorOptions());
        var history = Assert.Single(advice.Recommendations, r => r.Reason.Contains("customer order history", StringComparison.Ordinal));
        Assert.Equal("order", history.Table);
        Assert.Equal(new[] { "customer_id", "created_at desc" }, history.Columns.Take(2).ToArray());
        Assert.True(advice.Recommendations.Any(r => r.Method == "gin" && r.Sql.Contains("gin_trgm_ops", StringComparison.Ordinal)), string.Join("\n", advice.Recommendations.Concat(advice.Rejected).Select(r => r.Sql + " " + r.Reason)));
        Assert.True(advice.RelativeWorkloadCost < 0.1, advice.RelativeWorkloadCost.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DesignIndexesCountAsExistingSoTheirPatternsAskForNothingNew()
    {
        var advice = IndexAdvisorRun.ForDesign(DesignEngine.Create(Shop(), "postgresql"), new IndexAdvisorOptions());
        Assert.DoesNotContain(advice.Recommendations, r => r.Action == RecommendationAction.Create && r.Reason.Contains("customer order history", StringComparison.Ordinal));
        Assert.Contains(advice.Rejected, r => r.Reason.StartsWith("already exists as", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("postgresql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS")]
    [InlineData("mysql", "ALGORITHM=INPLACE, LOCK=NONE;")]
    [InlineData("mariadb", "ALGORITHM=INPLACE, LOCK=NONE;")]
    [InlineData("sqlserver", "WITH (ONLINE = ON);")]
    [InlineData("oracle", " ONLINE;")]
    [InlineData("sqlite", "CREATE INDEX IF NOT EXISTS")]
    public void EveryRelationalEngineGetsItsOwnOnlineDdl(string engine, string marker)
    {
        var advice = IndexAdvisorRun.ForDesign(Bare(engine), new IndexAdvisorOptions());
        Assert.NotEmpty(advice.Recommendations);
        Assert.All(advice.Recommendations, r => Assert.Contains(marker, r.Sql, StringComparison.Ordinal));
        var ddl = EngineRegistry.Get(engine).IndexAdvice!;
        var capabilities = ddl.Capabilities;
        Assert.All(advice.Recommendations, r => Assert.True(capabilities.Include || r.Include.Count == 0, r.Sql));
        Assert.All(advice.Recommendations, r => Assert.Contains(r.Method, capabilities.Methods.Select(ddl.Spelling.Method)));
    }
}
