using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;
using static DbArchitect.Core.Tests.Technology.TechnologyFixtures;

namespace DbArchitect.Core.Tests.Technology;

public sealed class TechnologyScoringTests
{
    private static TechnologyRecommendation Top(DbRequirement requirement) => TechnologyScoring.Rank(requirement)[0];

    private static TechnologyRecommendation Of(IReadOnlyList<TechnologyRecommendation> ranking, string engine) => ranking.Single(r => r.Engine == engine);

    [Fact]
    public void EveryKnownEngineIsRankedOnceFromOneWithScoresBetweenZeroAndHundred()
    {
        var ranking = TechnologyScoring.Rank(Example("ecommerce"));
        Assert.Equal(EngineRegistry.KnownEngineIds.OrderBy(x => x), ranking.Select(r => r.Engine).OrderBy(x => x));
        Assert.Equal(Enumerable.Range(1, ranking.Count), ranking.Select(r => r.Rank));
        Assert.All(ranking, r => Assert.InRange(r.Score, 0, 100));
        Assert.True(ranking.Zip(ranking.Skip(1)).All(p => p.First.Score >= p.Second.Score), "ranked by score");
    }

    [Fact]
    public void ScoreIsTheBaseScorePlusThePointsOfItsReasons()
    {
        foreach (var r in TechnologyScoring.Rank(Example("saas-projects")).Where(r => r.Score is > 0 and < 100))
        {
            Assert.Equal(TechnologyScoring.BaseScore + r.Reasons.Sum(x => x.Points), r.Score);
            Assert.All(r.Reasons, x => Assert.NotEqual(0, x.Points));
        }
    }

    [Fact]
    public void EcommerceRanksPostgreSqlFirst()
    {
        var top = Top(Example("ecommerce"));
        Assert.Equal("postgresql", top.Engine);
        Assert.Equal("relational", top.Category);
        Assert.Equal("Best fit", top.Verdict);
    }

    [Fact]
    public void IotTelemetryRanksATimeSeriesEngineFirstAndPlainPostgreSqlWellBelow()
    {
        var ranking = TechnologyScoring.Rank(Example("iot-telemetry"));
        Assert.Contains(ranking[0].Engine, new[] { "timescaledb", "influxdb", "clickhouse" });
        var postgres = Of(ranking, "postgresql");
        Assert.True(postgres.Rank > 1);
        Assert.True(ranking[0].Score - postgres.Score >= 20, $"{ranking[0].Engine} {ranking[0].Score} vs postgresql {postgres.Score}");
        var timeSeries = Of(ranking, ranking[0].Engine).Reasons.Single(r => r.Factor == "Time series");
        Assert.Contains("1,728,000,000 new records/day", timeSeries.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void SocialRanksARelationalEngineFirstAndNeedsACache()
    {
        var requirement = Example("social-content");
        var top = Top(requirement);
        Assert.Equal("relational", top.Category);
        Assert.Equal("postgresql", top.Engine);
        var cache = SupportingTechnologies.For(requirement, top.Engine).Single(s => s.Role == SupportingTechnologies.Cache);
        Assert.True(cache.Needed);
        Assert.Contains("95%", cache.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiTenantSaasRanksARowLevelSecurityEngineFirstAndEnginesWithoutItBelow()
    {
        var ranking = TechnologyScoring.Rank(Example("saas-projects"));
        Assert.Equal("relational", ranking[0].Category);
        Assert.Contains(ranking[0].Reasons, r => r.Factor == "Multi-tenancy" && r.Points > 0);
        Assert.Contains(Of(ranking, "mysql").Reasons, r => r.Factor == "Multi-tenancy" && r.Points < 0);
        Assert.True(Of(ranking, "mysql").Rank > ranking[0].Rank);
    }

    [Fact]
    public void DenseSelfRelationshipsOfAGraphAppRankNeo4jFirst() => Assert.Equal("neo4j", Top(Graph()).Engine);

    [Fact]
    public void KeyLookupsAtHugeTpsRankAKeyValueStoreFirst() => Assert.Contains(Top(KeyValue()).Engine, new[] { "redis", "dynamodb" });

    [Fact]
    public void JsonHeavyDocumentsWithFewRelationshipsRankMongoDbFirst() => Assert.Equal("mongodb", Top(Document()).Engine);

    [Fact]
    public void AggregatesOverBillionsRankClickHouseFirst() => Assert.Equal("clickhouse", Top(Analytics()).Engine);

    [Fact]
    public void ContrastingRequirementsGetContrastingWinners()
    {
        var winners = new[] { Example("ecommerce"), Example("iot-telemetry"), Graph(), KeyValue(), Document(), Analytics() }
            .Select(r => Top(r).Category).ToArray();
        Assert.Equal(winners.Length, winners.Distinct().Count());
    }

    [Fact]
    public void RankingIsDeterministic()
    {
        static string Text(IReadOnlyList<TechnologyRecommendation> ranking) =>
            string.Join("\n", ranking.Select(r => $"{r.Rank}|{r.Engine}|{r.Score}|{r.Verdict}|{string.Join(";", r.Reasons)}"));
        Assert.Equal(Text(TechnologyScoring.Rank(Example("social-content"))), Text(TechnologyScoring.Rank(Example("social-content"))));
    }

    [Fact]
    public void EveryKnownEngineHasAProfileWithEveryCapabilityAndKind()
    {
        Assert.Equal(EngineRegistry.KnownEngineIds, EngineProfiles.All.Select(p => p.Id));
        Assert.All(EngineProfiles.All, p =>
        {
            Assert.Equal(ScoringWeights.CapabilityColumns.Count, p.Capability.Count);
            Assert.All(p.Capability.Values, c => Assert.InRange(c, 0, 1));
            Assert.Equal(Enum.GetValues<ApplicationKind>().Length, p.KindFit.Count);
            Assert.All(p.KindFit.Values, k => Assert.InRange(k, -1, 1));
        });
        Assert.All(ScoringWeights.CapabilityColumns.Prepend(Factor.Kind), f => Assert.True(ScoringWeights.MaxPoints[f] > 0));
    }

    [Fact]
    public void TopReasonsNamesTheThreeLargestFactors()
    {
        var top = Top(Example("ecommerce"));
        Assert.StartsWith("Kind +20; Relationships +12", top.TopReasons, StringComparison.Ordinal);
        Assert.Equal(3, top.TopReasons.Split("; ").Length);
    }
}
