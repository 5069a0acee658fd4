using System.Text.Json.Nodes;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.MongoDb;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Tests.Requirements;

namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>
/// Near patterns on MongoDB: the two coordinate attributes stored once as a GeoJSON Point, its exact validator (proven
/// by a JSON Schema validator), the compound 2dsphere index, the $geoNear template, its size and the shard-key rule.
/// </summary>
public sealed class MongoDbNearTests
{
    private static DbDesign Couriers() => MongoDbDesigns.Design("tests/fixtures/near/couriers.yaml");

    private static DbDesign Hostile() => MongoDbDesigns.Design("tests/fixtures/near/hostile-positions.yaml");

    private static DbDesign FromYaml(string yaml) => DesignEngine.Create(RequirementsTestKit.ReadValid(yaml), "mongodb");

    [Fact]
    public void The_latitude_and_longitude_become_one_GeoJSON_point_longitude_first()
    {
        var design = Couriers();
        var courier = MongoDbDesigns.Model(design).FindCollection("courier")!;
        Assert.Null(courier.FindField("latitude"));
        Assert.Null(courier.FindField("longitude"));
        var location = courier.FindField("location")!;
        Assert.Equal(DocumentValueType.Point, location.Type);
        Assert.True(location.Required);
        var coordinates = location.Fields.Single(f => f.Name == "coordinates").Positions!;
        Assert.Equal(new[] { "longitude", "latitude" }, coordinates.Select(c => c.Name));
        Assert.Equal((-180m, 180m), (coordinates[0].Rules.Minimum!.Value, coordinates[0].Rules.Maximum!.Value));
        Assert.Equal((-90m, 90m), (coordinates[1].Rules.Minimum!.Value, coordinates[1].Rules.Maximum!.Value));
        var decision = design.Decisions.Single(d => d.Subject == "courier position");
        Assert.Contains("longitude → location.coordinates.0 and latitude → location.coordinates.1", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_states_the_point_exactly_in_draft_4()
    {
        var courier = MongoDbDesigns.Model(Couriers()).FindCollection("courier")!;
        var location = MongoJsonSchema.Of(courier)["properties"]!["location"]!;
        var expected = JsonNode.Parse("""
            {
              "bsonType": "object",
              "required": ["type", "coordinates"],
              "properties": {
                "type": { "bsonType": "string", "description": "GeoJSON geometry type.", "enum": ["Point"] },
                "coordinates": {
                  "bsonType": "array",
                  "description": "[longitude, latitude] in degrees (WGS 84).",
                  "minItems": 2,
                  "maxItems": 2,
                  "items": [
                    { "bsonType": "double", "description": "longitude (courier.longitude)", "minimum": -180, "maximum": 180 },
                    { "bsonType": "double", "description": "latitude (courier.latitude)", "minimum": -90, "maximum": 90 }
                  ],
                  "additionalItems": false
                }
              },
              "additionalProperties": false,
              "description": "Position of the courier as a GeoJSON Point: coordinates [longitude, latitude], longitude first."
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, location), location.ToJsonString());
    }

    [Theory]
    [InlineData("[13.405, 52.52]", true)]
    [InlineData("[-180, -90]", true)]
    [InlineData("[180, 90]", true)]
    // Tokyo written latitude first: 139.69 is no latitude.
    [InlineData("[35.68, 139.69]", false)]
    [InlineData("[0, 90.5]", false)]
    [InlineData("[-180.5, 0]", false)]
    [InlineData("[13.405, 52.52, 34]", false)]
    [InlineData("[13.405]", false)]
    [InlineData("[]", false)]
    [InlineData("[\"13.405\", 52.52]", false)]
    [InlineData("{ \"lng\": 13.405, \"lat\": 52.52 }", false)]
    public void The_validator_accepts_a_point_inside_the_world_and_rejects_the_rest(string coordinates, bool valid)
    {
        var courier = MongoDbDesigns.Model(Couriers()).FindCollection("courier")!;
        var document = SampleDocuments.Valid(courier.Fields);
        document["location"] = new JsonObject { ["type"] = "Point", ["coordinates"] = JsonNode.Parse(coordinates) };
        Assert.Equal(valid, MongoDbValidatorTests.Evaluate(MongoDbValidatorTests.Schema(courier), document));
    }

    [Fact]
    public void The_validator_rejects_a_point_without_its_type_another_geometry_or_an_extra_member()
    {
        var courier = MongoDbDesigns.Model(Couriers()).FindCollection("courier")!;
        var schema = MongoDbValidatorTests.Schema(courier);
        JsonObject With(JsonObject location)
        {
            var document = SampleDocuments.Valid(courier.Fields);
            document["location"] = location;
            return document;
        }

        Assert.False(MongoDbValidatorTests.Evaluate(schema, With(new JsonObject { ["coordinates"] = new JsonArray(13.405, 52.52) })));
        Assert.False(MongoDbValidatorTests.Evaluate(schema, With(new JsonObject { ["type"] = "point", ["coordinates"] = new JsonArray(13.405, 52.52) })));
        Assert.False(MongoDbValidatorTests.Evaluate(schema, With(new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(13.405, 52.52) })));
        Assert.False(MongoDbValidatorTests.Evaluate(schema, With(new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(13.405, 52.52), ["crs"] = "EPSG:4326" })));
        Assert.False(MongoDbValidatorTests.Evaluate(schema, With(new JsonObject { ["type"] = "Point" })));
        // No validator can tell a swapped pair that lies inside both ranges: the decision says the order is the client's duty.
        Assert.True(MongoDbValidatorTests.Evaluate(schema, With(new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(52.52, 13.405) })));
        Assert.Contains("a swapped pair inside both ranges is still a valid point", Couriers().Decisions.Single(d => d.Subject == "courier position").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_attributes_checks_narrow_the_coordinates_and_an_optional_coordinate_makes_the_point_optional()
    {
        var collection = MongoDbDesigns.Model(Hostile()).Collections.Single(c => c.SourceEntity == "Stand-ort Fahrer");
        // An attribute already named location keeps its name; the point takes the next free one.
        Assert.Equal(DocumentValueType.String, collection.FindField("location")!.Type);
        var point = collection.FindField("location_2")!;
        Assert.False(point.Required);
        var coordinates = point.Fields.Single(f => f.Name == "coordinates").Positions!;
        // lon-g x: "> 5" (exclusive), up to 180; 緯度 lat: "between 45 and 56".
        Assert.Equal((5m, true, 180m), (coordinates[0].Rules.Minimum!.Value, coordinates[0].Rules.ExclusiveMinimum, coordinates[0].Rules.Maximum!.Value));
        Assert.Equal((45m, 56m), (coordinates[1].Rules.Minimum!.Value, coordinates[1].Rules.Maximum!.Value));
        var schema = MongoDbValidatorTests.Schema(collection);
        var document = SampleDocuments.Valid(collection.Fields);
        Assert.True(MongoDbValidatorTests.Evaluate(schema, document));
        document.Remove("location_2");
        Assert.True(MongoDbValidatorTests.Evaluate(schema, document));
        document["location_2"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(13.405, 44.9) };
        Assert.False(MongoDbValidatorTests.Evaluate(schema, document));
    }

    [Fact]
    public void A_compound_2dsphere_index_follows_the_equality_filters_and_the_tenant_key_leads()
    {
        var courier = MongoDbDesigns.Model(Couriers()).FindCollection("courier")!;
        var index = courier.Indexes.Single(i => i.Serves.Contains("couriers near a pickup"));
        Assert.Equal(new[] { "status", "location 2dsphere" }, index.Keys.Select(k => k.ToString()));
        Assert.Equal("geo_courier_status_location", index.Name);
        Assert.Contains("equality on status leads", index.Reason, StringComparison.Ordinal);
        Assert.Contains("$limit 10 stops it after the nearest 10", index.Reason, StringComparison.Ordinal);
        // Bytes of an entry: status (int32 length + 7 characters on average + NUL) + one S2 cell id (8) + the record id (8).
        Assert.Equal(12 + 8 + 8, index.EntryBytes);

        var hostile = MongoDbDesigns.Model(Hostile()).Collections.Single(c => c.SourceEntity == "Stand-ort Fahrer");
        var tenantIndex = hostile.Indexes.Single(i => i.Keys.Any(k => k.Kind == IndexKeyKind.Spherical));
        Assert.Equal(new[] { "tenant_id", "zone id", "location_2 2dsphere" }, tenantIndex.Keys.Select(k => k.ToString()));
        Assert.Equal(new PartialCondition("deleted_at", PartialTest.IsNull), tenantIndex.Partial.Single());
        Assert.Contains("(the tenant key first)", tenantIndex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_creates_the_2dsphere_index()
    {
        var create = MongoDbDesigns.Files(Couriers()).Single(f => f.RelativePath == "mongodb/create.js").Content;
        Assert.Contains("database.getCollection(\"courier\").createIndex({\"status\":1,\"location\":\"2dsphere\"}, {\"name\":\"geo_courier_status_location\"});", create, StringComparison.Ordinal);
    }

    [Fact]
    public void The_query_is_geoNear_first_then_limit_with_the_distance()
    {
        var design = Couriers();
        var query = MongoDbDesigns.Full(design).Queries.Single(q => q.Pattern == "couriers near a pickup");
        Assert.Equal("aggregate", query.Method);
        Assert.Equal(
            "database.getCollection(\"courier\").aggregate([\n"
            + "      { \"$geoNear\": { \"near\": { \"type\": \"Point\", \"coordinates\": [p[\"longitude\"], p[\"latitude\"]] }, \"key\": \"location\", \"query\": { \"status\": p[\"status\"] }, \"maxDistance\": p[\"maxDistance\"], \"spherical\": true, \"distanceField\": \"distance\" } },\n"
            + "      { \"$limit\": 10 },\n"
            + "      { \"$project\": { \"full_name\": 1, \"location\": 1, \"distance\": 1 } }\n"
            + "    ])",
            query.Text);
        Assert.Contains("$geoNear rather than $nearSphere", query.Note, StringComparison.Ordinal);
        Assert.Contains(design.Decisions, d => d.Area == DesignAreas.QueryOptimization && d.Subject == "Near searches");
    }

    [Fact]
    public void Hostile_names_reach_the_scripts_only_as_escaped_literals()
    {
        var design = Hostile();
        var query = MongoDbDesigns.Full(design).Queries.Single(q => q.Pattern.StartsWith("nearest", StringComparison.Ordinal));
        Assert.Contains("\"coordinates\": [p[\"lon-g x\"], p[\"緯度 lat\"]]", query.Text, StringComparison.Ordinal);
        Assert.Contains("\"query\": { \"tenant_id\": p[\"tenant_id\"], \"deleted_at\": { \"$type\": \"null\" }, \"zone id\": p[\"zone id\"] }", query.Text, StringComparison.Ordinal);
        var queries = MongoDbDesigns.Files(design).Single(f => f.RelativePath == "mongodb/queries.js").Content;
        Assert.Contains("  \"nearest 'drivers' \\\"now\\\" \\u2028 $near \\\\ </script>\": (p) =>", queries, StringComparison.Ordinal);
        var create = MongoDbDesigns.Files(design).Single(f => f.RelativePath == "mongodb/create.js").Content;
        Assert.Contains("\"description\":\"it's \\\"the\\\" name\\u2028$gt\"", create, StringComparison.Ordinal);
        foreach (var file in MongoDbDesigns.Files(design).Where(f => f.RelativePath.EndsWith(".js", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain('\u2028', file.Content);
        }
    }

    [Fact]
    public void The_point_counts_its_BSON_bytes()
    {
        var courier = MongoDbDesigns.Model(Couriers()).FindCollection("courier")!;
        // "location" element: type 1 + "location\0" 9 + the sub-document: 5 + type (1 + "type\0" 5 + 4 + "Point" 5 + NUL 1)
        // + coordinates (1 + "coordinates\0" 12 + array 5 + 2 × (1 + "0\0" 2 + double 8)) = 71; the two doubles it replaces took 18 + 19.
        Assert.Equal(71, BsonSize.Element(courier.FindField("location")!, TypicalValues.Default));
        var plain = FromYaml(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "near", "couriers.yaml"))
            .Replace("near: [latitude, longitude], ", string.Empty, StringComparison.Ordinal));
        var before = MongoDbDesigns.Model(plain).FindCollection("courier")!.Size!.AverageBytes;
        Assert.Equal(before - 18 - 19 + 71, courier.Size!.AverageBytes);
    }

    [Fact]
    public void Another_pattern_on_a_coordinate_reads_the_points_coordinate()
    {
        var yaml = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "near", "couriers.yaml"))
            + "  - { name: couriers in a band, entity: courier, range: latitude, select: [longitude], perSecond: 1 }\n";
        var design = FromYaml(yaml);
        var courier = MongoDbDesigns.Model(design).FindCollection("courier")!;
        Assert.Contains(courier.Indexes, i => i.Serves.Contains("couriers in a band") && i.Keys.Single().Field == "location.coordinates.1");
        var band = MongoDbDesigns.Full(design).Queries.Single(q => q.Pattern == "couriers in a band");
        Assert.Contains("\"location.coordinates.1\": { \"$gte\": p[\"from\"], \"$lt\": p[\"to\"] }", band.Text, StringComparison.Ordinal);
        // A position in a projection path does not pick an array element, so the coordinate comes with its point.
        Assert.Contains("{ \"location\": 1 }", band.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_near_child_is_its_own_collection_never_embedded_or_bucketed()
    {
        var design = FromYaml(NearPatternTests.Fleet);
        var pings = MongoDbDesigns.Model(design).FindCollection("courier_ping")!;
        Assert.Equal(CollectionKind.Entity, pings.Kind);
        Assert.Equal(DocumentValueType.Point, pings.FindField("location")!.Type);
        Assert.Contains(pings.Indexes, i => i.Keys.Single().Kind == IndexKeyKind.Spherical);
        Assert.Contains("decimal(9,6) and decimal(9,6) values are stored as doubles", design.Decisions.Single(d => d.Subject == "courier_ping position").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sharded_near_collection_is_keyed_on_other_fields_and_says_why()
    {
        var design = FromYaml("""
            application: { name: Pings }
            workload: { tps: 50000, readWriteRatio: "50:50" }
            entities:
              - name: ping
                rows: 1000000000
                rowsPerDay: 100000000
                attributes:
                  - { name: lat, type: double, required: true }
                  - { name: lon, type: double, required: true }
            accessPatterns:
              - { name: pings near, entity: ping, near: [lat, lon], limit: 10, perSecond: 100 }
            """);
        var ping = MongoDbDesigns.Model(design).FindCollection("ping")!;
        Assert.NotNull(ping.Shard);
        Assert.DoesNotContain(ping.Shard!.Keys, k => k.Field == "location");
        Assert.Contains("A 2dsphere index cannot be a shard key, so the key above is made of other fields", design.Decisions.Single(d => d.Subject == "ping shard key").Reason, StringComparison.Ordinal);
        var unsharded = Couriers().Decisions.Single(d => d.Area == DesignAreas.Partitioning && d.Subject == "Sharding");
        Assert.Contains("when courier is sharded, the key is made of other fields", unsharded.Reason, StringComparison.Ordinal);
    }
}
