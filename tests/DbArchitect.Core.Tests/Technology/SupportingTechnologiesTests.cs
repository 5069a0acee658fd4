using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;
using static DbArchitect.Core.Tests.Design.Spec;
using static DbArchitect.Core.Tests.Technology.TechnologyFixtures;

namespace DbArchitect.Core.Tests.Technology;

public sealed class SupportingTechnologiesTests
{
    private static SupportingTechnology Role(DbRequirement requirement, string role, string engine = "postgresql") =>
        SupportingTechnologies.For(requirement, engine).Single(s => s.Role == role);

    [Fact]
    public void AQuietRequirementNeedsNothingBesideTheDatabase()
    {
        var quiet = Requirement(new[] { Entity("note", Attr("text", LogicalType.Text)) },
            workload: new WorkloadProfile(1_000, 10, new ReadWriteRatio(50, 50), 200, 20, 5, null));
        Assert.All(SupportingTechnologies.For(quiet, "postgresql"), s => Assert.False(s.Needed, s.Role));
        Assert.Equal(5, SupportingTechnologies.For(quiet, "postgresql").Count);
    }

    [Fact]
    public void ConcurrencyBeyondWhatPostgreSqlServesWellNeedsAPoolerWithTheFigures()
    {
        var pooler = Role(Example("ecommerce"), SupportingTechnologies.ConnectionPooler);
        Assert.True(pooler.Needed);
        Assert.Contains("PgBouncer", pooler.Technology, StringComparison.Ordinal);
        Assert.Contains("5,000 concurrent users", pooler.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HeavySearchNeedsASearchEngineAndLightSearchStaysInTheDatabase()
    {
        Assert.False(Role(Example("ecommerce"), SupportingTechnologies.SearchEngine).Needed);
        var heavy = Example("ecommerce");
        heavy = heavy with { AccessPatterns = heavy.AccessPatterns.Select(p => p.Search.Count > 0 ? p with { PerSecond = 900 } : p).ToArray() };
        var search = Role(heavy, SupportingTechnologies.SearchEngine);
        Assert.True(search.Needed);
        Assert.Contains("900/s", search.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AggregatesOverBillionsNeedAnAnalyticsStoreUnlessThePrimaryIsColumnar()
    {
        Assert.True(Role(Example("iot-telemetry"), SupportingTechnologies.AnalyticsStore).Needed);
        Assert.False(Role(Analytics(), SupportingTechnologies.AnalyticsStore, "clickhouse").Needed);
        Assert.False(Role(Example("ecommerce"), SupportingTechnologies.AnalyticsStore).Needed);
    }

    [Fact]
    public void AnInMemoryPrimaryNeedsNoCache() =>
        Assert.False(Role(KeyValue(), SupportingTechnologies.Cache, "redis").Needed);
}
