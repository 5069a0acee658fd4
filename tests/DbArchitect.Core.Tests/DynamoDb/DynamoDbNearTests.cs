using System.Text.Json.Nodes;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.DynamoDb;

/// <summary>A near access pattern on DynamoDB: a geohash GSI, the precision's arithmetic, the nine-cell query, its costs and shards.</summary>
public sealed class DynamoDbNearTests
{
    private static DbDesign Design(params string[] path) => DesignEngine.Create(RequirementsReader.Load(Path.Combine(new[] { TestPaths.RepositoryRoot, "tests", "fixtures" }.Concat(path).ToArray())), "dynamodb");

    private static DbDesign Couriers() => Design("near", "couriers.yaml");

    [Fact]
    public void ANearPatternGetsAGeohashIndexKeyedByCellAndSortedByFullGeohash()
    {
        var model = DynamoDbSpecs.Model(Couriers());
        var path = model.AccessPaths.Single(p => p.Pattern == "couriers near a pickup");
        Assert.Equal(AccessKind.Query, path.Kind);
        Assert.Equal("GSI1", path.Index);
        Assert.Equal("COURIER#STATUS#<status>#GEO#<geohash5(latitude, longitude)>", path.PartitionKey!.Pattern);
        Assert.Null(path.SortCondition);
        Assert.Null(path.Limit);
        Assert.Equal(new NearPath("latitude", "longitude", 5, path.Near!.CoveredKm, path.Near.ItemsPerCell, 10), path.Near);
        var keys = model.ItemTypes.Single(t => t.Name == "COURIER").Indexes.Single();
        Assert.True(keys.Moves);
        Assert.Equal("<geohash12(latitude, longitude)>#<id>", keys.SortKey.Pattern);
        Assert.Equal(new[] { "couriers near a pickup" }, model.Table.GlobalIndexes.Single().Serves);
    }

    [Fact]
    public void ThePrecisionIsChosenFromTheDensityWithItsArithmetic()
    {
        var design = Couriers();
        var decision = design.Decisions.Single(d => d.Area == DesignAreas.Indexing && d.Subject == "couriers near a pickup");
        // 20,000 couriers over 3 statuses = 6,667 per key value in 900 km²: 7.408/km²; r = √(10 ÷ (π × 7.408)) = 0.656 km.
        Assert.Contains("r = √(10 ÷ (π × 7.408)) = 0.656 km", decision.Reason, StringComparison.Ordinal);
        // Precision 6 covers 0.611 km (a cell height of 180/2^15 degrees), too little; precision 5 covers 3.45 km at 45°.
        Assert.Contains("precision 6 would cover only 0.611 km", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("Geohash precision 5", decision.Reason, StringComparison.Ordinal);
        var ordering = design.Decisions.Single(d => d.Subject == "couriers near a pickup distance order");
        Assert.Equal("Ranked by distance in the application", ordering.Decision);
    }

    [Fact]
    public void TheQueryTemplateIsAKeyConditionPerCellWithoutLimitFilterOrScan()
    {
        var files = DesignExporter.Plan(Couriers()).ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        var query = JsonNode.Parse(files.Single(f => f.Key.StartsWith("dynamodb/queries/", StringComparison.Ordinal)).Value)!.AsObject();
        Assert.Equal("GSI1", query["IndexName"]!.GetValue<string>());
        Assert.Equal("#pk = :pk", query["KeyConditionExpression"]!.GetValue<string>());
        Assert.Equal("GSI1PK", query["ExpressionAttributeNames"]!["#pk"]!.GetValue<string>());
        Assert.Equal("COURIER#STATUS#<status>#GEO#<geohash5(latitude, longitude) cell of the point or of one of its 8 neighbours>", query["ExpressionAttributeValues"]![":pk"]!["S"]!.GetValue<string>());
        Assert.Null(query["Limit"]);
        Assert.Null(query["FilterExpression"]);
        var create = JsonNode.Parse(files["dynamodb/create-table.json"])!;
        var gsi = create["GlobalSecondaryIndexes"]!.AsArray().Single()!;
        Assert.Equal("GSI1PK", gsi["KeySchema"]![0]!["AttributeName"]!.GetValue<string>());
        Assert.Equal("GSI1SK", gsi["KeySchema"]![1]!["AttributeName"]!.GetValue<string>());
        var template = JsonNode.Parse(files["dynamodb/cloudformation.json"])!;
        Assert.Equal("GSI1", template["Resources"]!["Table"]!["Properties"]!["GlobalSecondaryIndexes"]![0]!["IndexName"]!.GetValue<string>());
    }

    [Fact]
    public void TheIndexPaysTwoWritesPerPositionUpdate()
    {
        var design = Couriers();
        var model = DynamoDbSpecs.Model(design);
        var courier = model.ItemTypes.Single(t => t.Name == "COURIER");
        var writes = design.Decisions.Single(d => d.Subject == "GSI1 writes of courier");
        Assert.Contains("deletes the old entry and puts the new one", writes.Reason, StringComparison.Ordinal);
        // Inserts 100/86,400 = 0.001/s; the rest of the writes are updates, each written twice in the index.
        var inserts = 100 / 86400.0;
        var expected = (courier.WritesPerSecond + (courier.WritesPerSecond - inserts)) * courier.WriteUnitsPerWrite;
        Assert.Equal(Math.Round(expected, 2), model.Capacity.Indexes.Single().WriteUnits);
    }

    [Fact]
    public void ACellReadPastAPartitionsReadUnitsIsSharded()
    {
        var design = Design("dynamodb", "live-drivers.yaml");
        var path = DynamoDbSpecs.Model(design).AccessPaths.Single();
        Assert.True(path.Shards > 1, $"{path.Shards} shard(s)");
        Assert.EndsWith("#GEO#<geohash5(latitude, longitude)>#<@shard>", path.PartitionKey!.Pattern, StringComparison.Ordinal);
        var decision = design.Decisions.Single(d => d.Area == DesignAreas.Indexing && d.Subject == "drivers near a rider");
        Assert.Contains("3,000 RCU, so the cell's key gets " + path.Shards + " shards", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesFromTheRequirementsReachTheFilesEscaped()
    {
        var read = RequirementsReader.Read("""
            format: 1
            application: { name: "Dispatch \"east\" </b>" }
            entities:
              - name: van
                attributes:
                  - { name: breite, type: double, required: true }
                  - { name: länge, type: double, required: true }
            accessPatterns:
              - { name: "vans \"near\" me </b> | `x`", entity: van, near: [breite, länge], limit: 5 }
            """, "near.yaml");
        Assert.True(read.IsValid, string.Join("\n", read.Errors.Select(e => e.Message)));
        var files = DesignExporter.Plan(DesignEngine.Create(read.Requirement!, "dynamodb")).ToList();
        var query = files.Single(f => f.RelativePath.StartsWith("dynamodb/queries/", StringComparison.Ordinal));
        Assert.Equal("dynamodb/queries/01-vans-near-me-b-x.json", query.RelativePath);
        var key = JsonNode.Parse(query.Content)!["ExpressionAttributeValues"]![":pk"]!["S"]!.GetValue<string>();
        Assert.StartsWith("VAN#GEO#<geohash", key, StringComparison.Ordinal);
        Assert.Contains("(breite, länge) cell of the point", key, StringComparison.Ordinal);
        var markdown = files.Single(f => f.RelativePath == "design.md").Content;
        Assert.DoesNotContain("</b>", markdown, StringComparison.Ordinal);
    }
}
