using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;
using static DbArchitect.Core.Tests.Technology.TechnologyFixtures;

namespace DbArchitect.Core.Tests.Technology;

/// <summary>The ranking states only reviewed, sourced facts, specific to each engine, and ranks by the requirement's real shape.</summary>
public sealed class EngineFactTests
{
    private static readonly string[] TimeSeriesEngines = { "timescaledb", "influxdb" };

    private static IEnumerable<DbRequirement> Requirements() => new[]
    {
        Example("ecommerce"), Example("iot-telemetry"), Example("saas-projects"), Example("social-content"),
        Graph(), KeyValue(), Document(), Analytics(), Ledger(), Catalog(),
    };

    [Fact]
    public void ADoubleEntryLedgerRanksARelationalAcidEngineFirst()
    {
        var top = TechnologyScoring.Rank(Ledger())[0];
        Assert.Equal("relational", top.Category);
        Assert.Contains(top.Reasons, r => r.Factor == "Consistency" && r.Points > 0);
        Assert.DoesNotContain(TimeSeriesEngines, e => e == top.Engine);
    }

    [Fact]
    public void ACatalogWithoutTimeRangePatternsNeverRanksATimeSeriesEngineFirst()
    {
        var ranking = TechnologyScoring.Rank(Catalog());
        Assert.NotEqual("time-series", ranking[0].Category);
        Assert.Equal("postgresql", ranking[0].Engine);
        // TimescaleDB's hypertable strengths (compression, continuous aggregates) do not apply to data without time ranges.
        Assert.DoesNotContain(ranking.Single(r => r.Engine == "timescaledb").Reasons, r => r.Factor is "Time series" or "Volume" or "Aggregates" or "Write ingest");
    }

    [Fact]
    public void ATimeSeriesSpecRanksATimeSeriesEngineFirst()
    {
        var top = TechnologyScoring.Rank(Example("iot-telemetry"))[0];
        Assert.Equal("time-series", top.Category);
        Assert.Contains(top.Reasons, r => r.Factor == "Time series" && r.Points > 0);
    }

    [Fact]
    public void NoTwoEnginesShareAReasonSentence()
    {
        foreach (var requirement in Requirements())
        {
            var sentences = TechnologyScoring.Rank(requirement)
                .SelectMany(r => r.Reasons.Where(x => x.Source is not null).Select(x => (r.Engine, Claim: x.Explanation[(x.Explanation.IndexOf(r.DisplayName, StringComparison.Ordinal) + r.DisplayName.Length)..])))
                .GroupBy(x => x.Claim, StringComparer.Ordinal)
                .Where(g => g.Select(x => x.Engine).Distinct().Count() > 1)
                .Select(g => $"{string.Join(", ", g.Select(x => x.Engine).Distinct())}: {g.Key}")
                .ToList();
            Assert.True(sentences.Count == 0, requirement.Name + ":\n" + string.Join("\n", sentences));
        }

        Assert.Equal(EngineFacts.All.Count, EngineFacts.All.Select(f => f.Claim).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryFactIsSourcedFromItsVendorsDocumentationAndEveryStatedReasonUsesOne()
    {
        var vendors = new Dictionary<string, string[]>
        {
            ["postgresql"] = new[] { "www.postgresql.org" }, ["mysql"] = new[] { "dev.mysql.com" }, ["mariadb"] = new[] { "mariadb.com" },
            ["sqlserver"] = new[] { "learn.microsoft.com" }, ["oracle"] = new[] { "docs.oracle.com" }, ["sqlite"] = new[] { "www.sqlite.org" },
            ["mongodb"] = new[] { "www.mongodb.com" }, ["cassandra"] = new[] { "cassandra.apache.org" }, ["dynamodb"] = new[] { "docs.aws.amazon.com", "aws.amazon.com" },
            ["redis"] = new[] { "redis.io" }, ["influxdb"] = new[] { "docs.influxdata.com" }, ["timescaledb"] = new[] { "docs.timescale.com" },
            ["neo4j"] = new[] { "neo4j.com" }, ["neptune"] = new[] { "docs.aws.amazon.com" }, ["clickhouse"] = new[] { "clickhouse.com" },
        };
        Assert.All(EngineFacts.All, f =>
        {
            Assert.True(Uri.TryCreate(f.Source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, f.Source);
            Assert.Contains(uri!.Host, vendors[f.Engine]);
            Assert.InRange(f.Capability, 0, 1);
        });
        Assert.All(EngineRegistry.KnownEngineIds, id => Assert.NotNull(EngineFacts.Find(id, Factor.Kind)));
        Assert.Equal(EngineFacts.All.Count, EngineFacts.All.Select(f => (f.Engine, f.Factor)).Distinct().Count());

        foreach (var requirement in Requirements())
        {
            foreach (var ranked in TechnologyScoring.Rank(requirement))
            {
                Assert.All(ranked.Reasons.Where(r => r.Factor != "Licence"), r =>
                {
                    Assert.NotNull(r.Source);
                    Assert.Contains(EngineFacts.All, f => f.Engine == ranked.Engine && f.Source == r.Source && r.Explanation.Contains(f.Claim, StringComparison.Ordinal));
                });
            }
        }
    }

    [Fact]
    public void TheClaimsTheIssueFoundFalseAreGone()
    {
        var claims = string.Join("\n", EngineFacts.All.Select(f => f.Engine + ": " + f.Claim));
        Assert.DoesNotContain("timescaledb: writes scale out", claims, StringComparison.Ordinal);
        Assert.DoesNotContain(EngineFacts.All, f => f.Engine == "neo4j" && f.Claim.Contains("foreign keys", StringComparison.Ordinal) && !f.Claim.Contains("no ", StringComparison.Ordinal));
        var write = EngineFacts.Find("timescaledb", Factor.WriteIngest)!;
        Assert.Contains("single primary", write.Claim, StringComparison.Ordinal);
    }
}
