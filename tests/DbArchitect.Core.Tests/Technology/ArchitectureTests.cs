using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.Redis;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Tests.Technology;

/// <summary>
/// Technology selection as an architecture: contrasting workloads (tests/fixtures/polyglot) get contrasting primary
/// stores and the parts beside them, each part with what it serves, figures taken from the spec and a reason that
/// states them; the design generates the parts a registry engine can design and says plainly when engine: auto falls back.
/// </summary>
public sealed class ArchitectureTests
{
    private static DbRequirement Fixture(string name) =>
        RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "polyglot", name + ".yaml"));

    private static SupportingTechnology Part(TechnologyRecommendation top, string role) => top.Parts.Single(p => p.Role == role);

    [Fact]
    public void RideHailingWithLivePositionsGetsARelationalPrimaryAndRedisGeoForThePositions()
    {
        var requirement = Fixture("ride-hailing");
        var top = TechnologyScoring.Rank(requirement)[0];
        Assert.Equal("relational", top.Category);
        var geo = Part(top, SupportingTechnologies.LivePositionsRole);
        Assert.Equal("redis", geo.Engine);
        Assert.Equal(new[] { "driver_position" }, geo.Serves!.Entities);
        Assert.Equal(new[] { "latest position of a driver" }, geo.Serves.AccessPatterns);
        // 2,160,000,000 positions a day / 86,400 s = 25,000 writes/s; one live position per driver (300,000 rows).
        Assert.Equal(25_000, Figure(geo, "position writes"));
        Assert.Equal(300_000, Figure(geo, "latest positions held"));
        Assert.Equal(5_000, Figure(geo, "latest-position reads"));
        Assert.Contains("25,000 position writes/s", geo.Reason, StringComparison.Ordinal);
        Assert.Contains("each driver (300,000 of them)", geo.Reason, StringComparison.Ordinal);
        // Trips are read far less often than positions are written; the positions entity is never cached.
        Assert.DoesNotContain(top.Parts, p => p.Role == SupportingTechnologies.Cache);
    }

    [Fact]
    public void FleetTelemetryReadsTracksNotLivePositionsSoItGetsNoGeoPart()
    {
        // iot-telemetry has latitude/longitude at 20,000 writes/s but reads a 500-point track, history the primary keeps.
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.Examples, "iot-telemetry.yaml"));
        var geo = SupportingTechnologies.For(requirement, "postgresql").Single(p => p.Role == SupportingTechnologies.LivePositionsRole);
        Assert.False(geo.Needed);
        Assert.Null(geo.Serves);
    }

    [Fact]
    public void AReadHeavyCatalogGetsARelationalPrimaryAndACacheOfItsHotReads()
    {
        var top = TechnologyScoring.Rank(Fixture("catalog-read-heavy"))[0];
        Assert.Equal("relational", top.Category);
        var cache = Part(top, SupportingTechnologies.Cache);
        Assert.Equal("redis", cache.Engine);
        Assert.Equal(new[] { "product", "category" }, cache.Serves!.Entities);
        Assert.Equal(new[] { "product by sku", "products of a category", "category by name" }, cache.Serves.AccessPatterns);
        Assert.Equal(98, Figure(cache, "read share"));
        Assert.Equal(19_500, Figure(cache, "cached reads"));
        Assert.Equal(10, Figure(cache, "p95 latency target"));
        Assert.Contains("98% of traffic", cache.Reason, StringComparison.Ordinal);
        Assert.Contains("19,500 reads/s", cache.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AMetricsFirehoseRanksATimeSeriesOrColumnarEngineFirstAndNeedsAnAnalyticsStoreBesideARelationalOne()
    {
        var requirement = Fixture("metrics-events");
        var ranking = TechnologyScoring.Rank(requirement);
        Assert.Contains(ranking[0].Category, new[] { "time-series", "analytics" });
        var analytics = SupportingTechnologies.For(requirement, "postgresql").Single(p => p.Role == SupportingTechnologies.AnalyticsStore);
        Assert.True(analytics.Needed);
        Assert.Equal("clickhouse", analytics.Engine);
        Assert.Equal(new[] { "hourly average per metric" }, analytics.Serves!.AccessPatterns);
        // 4,320,000,000 rows today + 4,320,000,000 a day for 30 days.
        Assert.Equal(133_920_000_000, Figure(analytics, "aggregated rows at retention"));
    }

    [Fact]
    public void ASessionStoreRanksAKeyValueStoreFirst()
    {
        var top = TechnologyScoring.Rank(Fixture("session-store"))[0];
        Assert.Contains(top.Engine, new[] { "redis", "dynamodb" });
        Assert.DoesNotContain(top.Parts, p => p.Role == SupportingTechnologies.Cache);
    }

    [Fact]
    public void ADocumentShapedCatalogWithVariableAttributesRanksMongoDbFirst() =>
        Assert.Equal("mongodb", TechnologyScoring.Rank(Fixture("document-catalog"))[0].Engine);

    [Fact]
    public void ContrastingWorkloadsGetContrastingArchitectures()
    {
        var answers = new[] { "ride-hailing", "catalog-read-heavy", "metrics-events", "session-store", "document-catalog" }
            .Select(n => TechnologyScoring.Rank(Fixture(n))[0].Architecture).ToArray();
        Assert.Equal(answers.Length, answers.Distinct().Count());
    }

    [Theory]
    [InlineData("ride-hailing")]
    [InlineData("catalog-read-heavy")]
    [InlineData("metrics-events")]
    [InlineData("session-store")]
    [InlineData("document-catalog")]
    [InlineData("../../../examples/requirements/ecommerce")]
    [InlineData("../../../examples/requirements/social-content")]
    public void EveryNeededPartStatesItsFiguresInItsReasonAndServesOnlyWhatTheSpecHas(string name)
    {
        var requirement = Fixture(name);
        var entities = requirement.Entities.Select(e => e.Name).Concat(requirement.Relationships.Where(r => r.Through is not null).Select(r => r.Through!)).ToHashSet();
        var patterns = requirement.AccessPatterns.Select(p => p.Name).ToHashSet();
        foreach (var engine in TechnologyScoring.Rank(requirement))
        {
            foreach (var part in engine.Parts)
            {
                Assert.True(part.Needed);
                Assert.All(part.Figures ?? Array.Empty<PartFigure>(), f => Assert.True(
                    part.Reason.Contains(TechnologyScoring.N(f.Value), StringComparison.Ordinal) || part.Reason.Contains(TechnologyScoring.C((long)f.Value), StringComparison.Ordinal),
                    $"{engine.Engine} {part.Role}: figure {f} is not stated in its reason: {part.Reason}"));
                if (part.Serves is { } serves)
                {
                    Assert.All(serves.Entities, e => Assert.Contains(e, entities));
                    Assert.All(serves.AccessPatterns, p => Assert.Contains(p, patterns));
                    Assert.NotEmpty(serves.AccessPatterns);
                }
            }
        }
    }

    [Fact]
    public void TheRideHailingDesignGeneratesTheGeoPartInItsOwnFolderFromThePositionsOnly()
    {
        var design = DesignEngine.Create(Fixture("ride-hailing"));
        Assert.Null(design.EngineFallback);
        var part = design.Parts.Single(p => p.Part.Role == SupportingTechnologies.LivePositionsRole);
        Assert.Equal("parts/redis-geo", part.Folder);
        var model = ((RedisDesign)part.Design!.FamilyModel!).KeyValue;
        Assert.Equal("primary store", model.Role);
        Assert.All(model.Families, f => Assert.Equal("driver_position", f.Entity));
        Assert.Contains(model.Families, f => f.Structure == ValueStructure.Geo);
        var files = DesignExporter.Plan(design);
        Assert.Contains(files, f => f.RelativePath == "parts/redis-geo/redis/commands.redis");
        Assert.Contains(files, f => f.RelativePath == "parts/redis-geo/design.md");
        var md = files.Single(f => f.RelativePath == DesignExporter.DocumentFile).Content;
        Assert.Contains("#### Architecture", md, StringComparison.Ordinal);
        Assert.Contains("generated in parts/redis-geo/", md, StringComparison.Ordinal);
        var json = files.Single(f => f.RelativePath == DesignExporter.JsonFile).Content;
        Assert.Contains("\"folder\": \"parts/redis-geo\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCatalogDesignGeneratesARedisCacheOfTheServedPatternsOnly()
    {
        var design = DesignEngine.Create(Fixture("catalog-read-heavy"));
        var part = design.Parts.Single(p => p.Part.Role == SupportingTechnologies.Cache);
        Assert.Equal("parts/redis-cache", part.Folder);
        var model = ((RedisDesign)part.Design!.FamilyModel!).KeyValue;
        Assert.Equal("cache", model.Role);
        Assert.Equal(design.Engine, model.SourceOfTruth);
        Assert.Equal(part.Part.Serves!.AccessPatterns, model.Families.SelectMany(f => f.Serves).ToArray());
        Assert.Contains(DesignExporter.Plan(design), f => f.RelativePath == "parts/redis-cache/redis/redis.conf");
    }

    [Fact]
    public void APartNoRegistryEngineCanDesignIsListedAsNotGeneratedWithItsReason()
    {
        var design = DesignEngine.Create(Fixture("metrics-events"), "postgresql");
        var part = design.Parts.Single(p => p.Part.Role == SupportingTechnologies.AnalyticsStore);
        Assert.False(part.Generated);
        Assert.Null(part.Folder);
        Assert.StartsWith("not generated: ClickHouse", part.NotGenerated, StringComparison.Ordinal);
        var md = DesignExporter.Plan(design).Single(f => f.RelativePath == DesignExporter.DocumentFile).Content;
        Assert.Contains("Design: not generated: ClickHouse", md, StringComparison.Ordinal);
        Assert.DoesNotContain(DesignExporter.Plan(design), f => f.RelativePath.StartsWith("parts/", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAutoRanksANonDesignableEngineFirstTheDesignSaysWhichDesignableEngineItUsedAndWhy()
    {
        var requirement = Fixture("metrics-events");
        var ranking = TechnologyScoring.Rank(requirement);
        Assert.False(ranking[0].CanGenerateDesign);
        var design = DesignEngine.Create(requirement);
        var used = ranking.First(r => r.CanGenerateDesign);
        Assert.Equal(used.Engine, design.Engine);
        Assert.NotNull(design.EngineFallback);
        Assert.Contains(ranking[0].DisplayName, design.EngineFallback, StringComparison.Ordinal);
        Assert.Contains(design.EngineDisplayName, design.EngineFallback, StringComparison.Ordinal);
        Assert.Contains(design.Decisions, d => d.Area == DesignAreas.Technology && d.Subject == "Ranked first" && d.Decision == ranking[0].DisplayName);
        // Asked for explicitly, the engine is used with no fallback note.
        Assert.Null(DesignEngine.Create(requirement, "postgresql").EngineFallback);
    }

    [Fact]
    public void AKnownEngineThatCannotDesignStaysAClearErrorOnTheCommandLineAndInTheFile()
    {
        var requirement = Fixture("metrics-events");
        var top = TechnologyScoring.Rank(requirement)[0].Engine;
        Assert.Equal("EngineNotImplemented", Assert.Throws<DbArchitectException>(() => DesignEngine.Create(requirement, top)).Errors.Single().ErrorId);
        Assert.Equal("EngineNotImplemented", Assert.Throws<DbArchitectException>(() => DesignEngine.Create(requirement with { Engine = top })).Errors.Single().ErrorId);
    }

    private static double Figure(SupportingTechnology part, string name) =>
        part.Figures!.Single(f => f.Name.StartsWith(name, StringComparison.Ordinal)).Value;
}
