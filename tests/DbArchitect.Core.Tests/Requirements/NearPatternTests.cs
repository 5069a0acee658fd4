using DbArchitect.Core.Design;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>The near (proximity search) access pattern: how it is written and checked, and what it changes in a design.</summary>
public sealed class NearPatternTests
{
    /// <summary>Pings of couriers, 43.2 million a day, searched near a point (the MongoDB near tests read it too).</summary>
    internal const string Fleet = """
        application: { name: Fleet }
        entities:
          - { name: courier, rows: 50000, attributes: [ { name: full_name, type: string(100), required: true } ] }
          - name: courier_ping
            rows: 100000000
            rowsPerDay: 43200000
            attributes:
              - { name: y_deg, type: "decimal(9,6)", required: true }
              - { name: x_deg, type: "decimal(9,6)", required: true }
              - { name: note, type: string(40) }
        relationships:
          - { from: courier, to: courier_ping, type: one-to-many }
        accessPatterns:
          - { name: couriers near a pickup, entity: courier_ping, near: [y_deg, x_deg], limit: 10, perSecond: 800 }
        """;

    private static DbRequirement Read(string yaml)
    {
        var result = RequirementsReader.Read(yaml, "near.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => e.Message)));
        return result.Requirement!;
    }

    [Fact]
    public void NearReadsTheLatitudeThenTheLongitudeColumn()
    {
        var pattern = Read(Fleet).AccessPatterns.Single();
        Assert.Equal(new NearSpec("y_deg", "x_deg"), pattern.Near);
    }

    [Fact]
    public void NearWithOneColumnIsInvalidAccessPatternAtTheList()
    {
        var error = OnlyErrorAt(Fleet.Replace("near: [y_deg, x_deg]", "near: [y_deg]", StringComparison.Ordinal), "InvalidAccessPattern", "[y_deg]");
        Assert.Contains("latitude", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void NearOnATextColumnIsInvalidAccessPatternAtThatColumn()
    {
        var error = OnlyErrorAt(Fleet.Replace("near: [y_deg, x_deg]", "near: [y_deg, note]", StringComparison.Ordinal), "InvalidAccessPattern", "note]");
        Assert.Contains("numeric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NearWithAnAggregateIsInvalidAccessPatternAtTheNearKey()
    {
        OnlyErrorAt(Fleet.Replace("limit: 10,", "aggregate: count(*),", StringComparison.Ordinal), "InvalidAccessPattern", "near:");
    }

    [Fact]
    public void ANearPatternOnFrequentlyWrittenPositionsPutsARedisGeoPartBesideThePrimary()
    {
        // Coordinates named y_deg/x_deg: only the near pattern tells the ranking they are positions. 43,200,000/day = 500 writes/s.
        var geo = SupportingTechnologies.For(Read(Fleet), "postgresql").Single(p => p.Role == SupportingTechnologies.LivePositionsRole);
        Assert.True(geo.Needed);
        Assert.Equal("redis", geo.Engine);
        Assert.Equal(new[] { "couriers near a pickup" }, geo.Serves!.AccessPatterns);
        Assert.Contains("(800/s of them searches near a point)", geo.Reason, StringComparison.Ordinal);
        Assert.False(SupportingTechnologies.For(Read(Fleet.Replace("near: [y_deg, x_deg], ", string.Empty, StringComparison.Ordinal)), "postgresql")
            .Single(p => p.Role == SupportingTechnologies.LivePositionsRole).Needed);
    }

    [Fact]
    public void RedisServesTheNearPatternWithGeosearchLimitedToItsRows()
    {
        var design = DesignEngine.Create(Read(Fleet), "redis");
        var model = Redis.RedisDesignTests.Model(design);
        var query = Assert.Single(model.Queries, q => q.AccessPattern == "couriers near a pickup");
        var words = query.Commands.Single().Words;
        Assert.Equal("GEOSEARCH", words[0]);
        Assert.Equal(new[] { "COUNT", "10" }, words.TakeLast(2));
        Assert.Equal(new LocationColumns("y_deg", "x_deg"), model.Families.Single(f => f.Structure == ValueStructure.Geo).Position);
    }

    [Theory]
    [InlineData("postgresql", "PostGIS")]
    [InlineData("mysql", null)]
    public void ARelationalDesignGivesTheNearPatternABoundingBoxBTree(string engine, string? spatialNote)
    {
        var design = DesignEngine.Create(Read(Fleet), engine);
        var index = design.Physical.Tables.Single(t => t.Name == "courier_ping").Indexes.Single(i => i.Reason.Contains("couriers near a pickup", StringComparison.Ordinal));
        Assert.Equal(new[] { "y_deg", "x_deg" }, index.Keys.Select(k => k.Column));
        Assert.Contains("bounding box", index.Reason, StringComparison.Ordinal);
        Assert.Equal(spatialNote is not null, spatialNote is not null && index.Reason.Contains(spatialNote, StringComparison.Ordinal));
        Assert.DoesNotContain("PostGIS", engine == "postgresql" ? string.Empty : index.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql", "$9")]
    [InlineData("mysql", "?")]
    [InlineData("mariadb", "?")]
    [InlineData("sqlserver", "@p9")]
    [InlineData("oracle", ":p9")]
    [InlineData("sqlite", "?9")]
    public void EveryRelationalEngineWritesTheNearTemplateAsABoxRankedByDistance(string engine, string ninthPlaceholder)
    {
        var design = DesignEngine.Create(Read(Fleet), engine);
        var template = design.QueryTemplates.Single(t => t.AccessPattern == "couriers near a pickup");
        Assert.Equal(QueryShape.NearSearch, template.Shape);
        Assert.NotEmpty(template.ServingIndexes);
        var statement = Assert.Single(template.Statements);

        // Four box edges, the point's latitude and longitude twice each, the longitude scale twice: ten placeholders,
        // each written once, in the order the statement uses them.
        Assert.Equal(
            new[] { QueryParameterKind.BoxEdge, QueryParameterKind.BoxEdge, QueryParameterKind.BoxEdge, QueryParameterKind.BoxEdge,
                QueryParameterKind.Point, QueryParameterKind.Point, QueryParameterKind.Point, QueryParameterKind.LongitudeScale,
                QueryParameterKind.Point, QueryParameterKind.LongitudeScale },
            statement.Parameters.Select(p => p.Kind));
        Assert.Equal(new[] { "y_deg", "y_deg", "x_deg", "x_deg" }, statement.Parameters.Take(4).Select(p => p.Column));
        Assert.Equal(ninthPlaceholder, statement.Parameters[8].Placeholder);
        Assert.Contains(">=", statement.Sql, StringComparison.Ordinal);
        Assert.Contains("<=", statement.Sql, StringComparison.Ordinal);
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"ORDER BY \(.*y_deg.* - .*\) \* \(.*y_deg.* - .*\) \+ \(.*x_deg.* - .*\) \* .* \* \(.*x_deg.* - .*\) \* ", System.Text.RegularExpressions.RegexOptions.IgnoreCase), statement.Sql);
        Assert.Contains("nearest 10 first", template.Reason, StringComparison.Ordinal);
    }
}
