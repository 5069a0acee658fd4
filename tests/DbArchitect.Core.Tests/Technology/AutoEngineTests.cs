using DbArchitect.Core.Engines;
using DbArchitect.Core.Design;
using DbArchitect.Core.Technology;
using static DbArchitect.Core.Tests.Technology.TechnologyFixtures;

namespace DbArchitect.Core.Tests.Technology;

public sealed class AutoEngineTests
{
    [Fact]
    public void AutoPicksTheBestRankedEngineAndSaysWhy()
    {
        var requirement = Example("ecommerce") with { Engine = "auto" };
        var design = DesignEngine.Create(requirement);
        Assert.Equal("postgresql", design.Engine);
        var primary = design.Decisions.Single(d => d.Area == DesignAreas.Technology && d.Subject == "Primary database");
        Assert.StartsWith($"engine: auto; ranked 1 of {EngineRegistry.KnownEngineIds.Count} with 85/100.", primary.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(design.Decisions, d => d.Subject == "Ranked first");
    }

    [Fact]
    public void WhenTheTopEngineCannotGenerateAutoUsesTheBestImplementedOneAndRecordsTheTopOne()
    {
        var requirement = Example("iot-telemetry") with { Engine = "auto" };
        var design = DesignEngine.Create(requirement);
        Assert.Equal("postgresql", design.Engine);
        var first = design.Decisions.Single(d => d.Area == DesignAreas.Technology && d.Subject == "Ranked first");
        Assert.Equal(design.Technologies[0].DisplayName, first.Decision);
        Assert.Contains("cannot generate a design yet", first.Reason, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL 15", first.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDesignCarriesTheRankingAndTheSupportingTechnologiesAsDecisions()
    {
        var requirement = Example("social-content");
        var design = DesignEngine.Create(requirement);
        Assert.Equal(TechnologyScoring.Rank(requirement).Select(r => (r.Engine, r.Score)), design.Technologies.Select(r => (r.Engine, r.Score)));
        Assert.Equal(design.SupportingTechnologies.Select(s => s.Role), design.Decisions.Where(d => d.Area == DesignAreas.SupportingTechnology).Select(d => d.Subject));
        Assert.Contains(design.Decisions, d => d.Area == DesignAreas.Technology && d.Subject == "Technology ranking");
    }

    [Fact]
    public void AnExplicitEngineKeepsTheRequestAndNotesWhereItRanks()
    {
        var design = DesignEngine.Create(Example("iot-telemetry"));
        var ranking = design.Decisions.Single(d => d.Subject == "Technology ranking");
        Assert.Contains("ranks first; PostgreSQL ranks", ranking.Decision, StringComparison.Ordinal);
    }
}
