using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.DynamoDb;

/// <summary>The DynamoDB designer's decisions and figures on the examples and on small requirements made to trigger one rule each.</summary>
public sealed class DynamoDbDesignTests
{
    public static TheoryData<string> Specs => DynamoDbSpecs.All();

    private static DbRequirement Yaml(string yaml)
    {
        var read = RequirementsReader.Read(yaml, "dynamo.yaml");
        Assert.True(read.IsValid, string.Join("\n", read.Errors.Select(e => e.Message)));
        return read.Requirement!;
    }

    [Fact]
    public void TheRegistryDesignsDynamoDbAsAKeyValueEngine()
    {
        var entry = EngineRegistry.Designable("dynamodb");
        Assert.Equal(EngineFamily.KeyValue, entry.Family);
        Assert.IsType<DynamoDbDesigner>(entry.Designer);
    }

    [Fact]
    public void OrdersLiveInTheirCustomersItemCollectionNewestFirst()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("ecommerce"));
        var order = model.ItemTypes.Single(t => t.Name == "ORDER");
        Assert.Equal("CUSTOMER#<customer_id>", order.PartitionKey.Pattern);
        Assert.Equal("ORDER#<created_at>#<id>", order.SortKey.Pattern);
        var history = model.AccessPaths.Single(p => p.Pattern == "customer order history");
        Assert.Null(history.Index);
        Assert.Equal("begins_with", history.SortCondition);
        Assert.Equal("ORDER#", history.SortPrefix!.Pattern);
        Assert.False(history.Forward);
    }

    [Fact]
    public void PatternsOfDifferentItemTypesShareOneOverloadedGsi()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("ecommerce"));
        var gsi = Assert.Single(model.Table.GlobalIndexes);
        Assert.Equal(new[] { "products of a category", "login", "open orders" }, gsi.Serves);
        Assert.True(gsi.Sparse); // a product without a category writes no GSI1 keys
        Assert.Empty(model.Table.LocalIndexes);
    }

    [Fact]
    public void ManyToManyBecomesAnAdjacencyListAndTheInverseDirectionItsOwnCollection()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("social-content"));
        var follow = model.ItemTypes.Single(t => t.Entity == "follow");
        Assert.Equal(ItemKind.Edge, follow.Kind);
        Assert.Equal("MEMBER#<followed_id>", follow.PartitionKey.Pattern);
        Assert.Equal("FOLLOW#<member_id>", follow.SortKey.Pattern);
    }

    [Fact]
    public void MixedSortDirectionsComplementTheLaterColumnAndEqualityBecomesASortKeyPrefix()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("saas-projects"));
        var task = model.ItemTypes.Single(t => t.Name == "TASK");
        Assert.Equal("T#<tenant_id>#PROJECT#<project_id>", task.PartitionKey.Pattern);
        Assert.Equal("TASK#<state>#<priority>#<created_at desc>#<id>", task.SortKey.Pattern);
        var board = model.AccessPaths.Single(p => p.Pattern == "board");
        Assert.Equal("TASK#<state>#", board.SortPrefix!.Pattern);
        Assert.Equal(new[] { "priority", "created_at" }, board.OrderedBy);
    }

    [Fact]
    public void KeyEncodingsSortLikeTheirValuesAndDescendingReverses()
    {
        var numbers = new long[] { -5_000, -1, 0, 3, 42, 1_000_000 };
        var times = new[] { new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc) };
        foreach (var descending in new[] { false, true })
        {
            var integer = new KeySegment(null, "n", KeyEncoding.Integer, descending);
            var time = new KeySegment(null, "t", KeyEncoding.Timestamp, descending);
            var encodedNumbers = numbers.Select(n => KeyTemplate.Encode(integer, n, Array.Empty<string>())).ToList();
            var encodedTimes = times.Select(t => KeyTemplate.Encode(time, t, Array.Empty<string>())).ToList();
            var expectedNumbers = descending ? encodedNumbers.AsEnumerable().Reverse().ToList() : encodedNumbers;
            var expectedTimes = descending ? encodedTimes.AsEnumerable().Reverse().ToList() : encodedTimes;
            Assert.Equal(expectedNumbers, encodedNumbers.Order(StringComparer.Ordinal));
            Assert.Equal(expectedTimes, encodedTimes.Order(StringComparer.Ordinal));
            // A missing value sorts last ascending and first descending (the largest, as in SQL).
            Assert.Equal(descending ? "!" : "~", KeyTemplate.Encode(integer, null, Array.Empty<string>()));
        }

        Assert.Equal("001", KeyTemplate.Encode(new KeySegment(null, "e", KeyEncoding.EnumPosition, false), "b", new[] { "a", "b" }));
    }

    [Fact]
    public void AKeyValuePastAPartitionsWriteUnitsIsShardedWithTheArithmetic()
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "dynamodb", "hot-key.yaml")), "dynamodb");
        var model = DynamoDbSpecs.Model(design);
        var path = model.AccessPaths.Single();
        // 400,000,000 / 86,400 = 4,629.6 inserts/s at 1 WCU over 2 kinds = 2,314.8 WCU/s per key value; / 800 → 3 shards.
        Assert.Equal(3, path.Shards);
        Assert.EndsWith("#<@shard>", path.PartitionKey!.Pattern, StringComparison.Ordinal);
        var decision = design.Decisions.Single(d => d.Area == DesignAreas.Partitioning && d.Decision.StartsWith("Write sharding", StringComparison.Ordinal));
        Assert.Contains("2314.8 WCU/s", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("FNV-1a", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardsAreStableAndSpread()
    {
        Assert.Equal(DynamoDbKeys.ShardOf("order-17", 4), DynamoDbKeys.ShardOf("order-17", 4));
        var counts = Enumerable.Range(0, 400).GroupBy(i => DynamoDbKeys.ShardOf("id-" + i.ToString(CultureInfo.InvariantCulture), 4)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 60, 140));
    }

    [Fact]
    public void ReadUnitsFollowFourKilobyteUnitsHalvedForEventualReads()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("iot-telemetry"));
        var track = model.AccessPaths.Single(p => p.Pattern == "latest track of a vehicle");
        var reading = model.ItemTypes.Single(t => t.Name == "READING");
        Assert.Equal(500, track.ItemsPerRequest);
        Assert.False(track.ConsistentRead);
        Assert.Equal(Math.Ceiling(500.0 * reading.TypicalBytes / 4096) * 0.5, track.ReadUnitsPerRequest);
        // Provisioned with auto scaling: units / 0.7, rounded up.
        Assert.Equal("PROVISIONED", model.Capacity.Mode);
        Assert.Equal((long)Math.Ceiling(model.Capacity.ReadUnits / 0.7), model.Capacity.ProvisionedReadUnits);
    }

    [Fact]
    public void AMoneyCollectionIsReadStronglyAtTwiceTheUnits()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("ecommerce"));
        var history = model.AccessPaths.Single(p => p.Pattern == "customer order history");
        Assert.True(history.ConsistentRead);
        var order = model.ItemTypes.Single(t => t.Name == "ORDER");
        Assert.Equal(Math.Ceiling((double)history.ItemsPerRequest * order.TypicalBytes / 4096), history.ReadUnitsPerRequest);
    }

    [Fact]
    public void TransactionalWritesOfUniqueValuesCostTwice()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("ecommerce"));
        var customer = model.ItemTypes.Single(t => t.Name == "CUSTOMER");
        Assert.True(customer.Transactional);
        Assert.Equal(2 * ((customer.TypicalBytes + 1023) / 1024), customer.WriteUnitsPerWrite);
        Assert.Contains(model.ItemTypes, t => t.Kind == ItemKind.Uniqueness && t.PartitionKey.Pattern == "CUSTOMER#EMAIL#<email>");
    }

    [Fact]
    public void TimeToLiveOnlyOnGrowingEntitiesNothingReferences()
    {
        var iot = DynamoDbSpecs.Model(DynamoDbSpecs.Design("iot-telemetry"));
        Assert.Equal("expires_at", iot.Table.TtlAttribute);
        Assert.True(iot.ItemTypes.Single(t => t.Name == "READING").Ttl);
        Assert.False(iot.ItemTypes.Single(t => t.Name == "VEHICLE").Ttl);
        var saas = DynamoDbSpecs.Model(DynamoDbSpecs.Design("saas-projects"));
        Assert.DoesNotContain(saas.ItemTypes, t => t.Ttl && t.Entity is "tenant" or "task");
        var shop = DynamoDbSpecs.Model(DynamoDbSpecs.Design("ecommerce"));
        Assert.False(shop.ItemTypes.Single(t => t.Name == "PRODUCT").Ttl); // ordered through order_item
    }

    [Fact]
    public void AggregatesAreKeptByTheStreamConsumerAndSearchGoesToTheSearchEngine()
    {
        var model = DynamoDbSpecs.Model(DynamoDbSpecs.Design("iot-telemetry"));
        var speed = model.AccessPaths.Single(p => p.Pattern == "hourly fleet speed");
        Assert.Equal(AccessKind.Aggregate, speed.Kind);
        Assert.Equal("ADD #sum :value, #count :one", speed.UpdateExpression);
        Assert.Equal("<hour(recorded_at)>", model.ItemTypes.Single(t => t.Name == speed.ItemType).SortKey.Pattern);
        Assert.Equal("NEW_AND_OLD_IMAGES", model.Table.StreamView);
        var social = DynamoDbSpecs.Model(DynamoDbSpecs.Design("social-content"));
        Assert.Equal(AccessKind.Search, social.AccessPaths.Single(p => p.Pattern == "people search").Kind);
        Assert.Equal("NEW_IMAGE", social.Table.StreamView);
    }

    [Fact]
    public void ADocumentConditionIsAScanWithAFilterSaidSo()
    {
        var design = DynamoDbSpecs.Design("saas-projects");
        var path = DynamoDbSpecs.Model(design).AccessPaths.Single(p => p.Pattern == "custom field filter");
        Assert.Equal(AccessKind.Scan, path.Kind);
        Assert.Equal("#type = :type AND #f0 = :f0 AND #f1.#k1 = :f1", path.Filter);
        Assert.StartsWith("Unavoidable FilterExpression", path.Note, StringComparison.Ordinal);
        Assert.Contains(design.Decisions, d => d.Subject == "custom field filter cost" && d.Reason.Contains("RCU/s", StringComparison.Ordinal));
        // The Scan at 20/s is left to the search engine: warned, and not provisioned for.
        Assert.Contains(design.Warnings, w => w.Subject == "custom field filter" && w.Message.Contains("search engine", StringComparison.Ordinal));
        var capacity = DynamoDbSpecs.Model(design).Capacity;
        Assert.InRange(capacity.ReadUnits, 1, 10_000);
    }

    [Fact]
    public void ACollectionReadInAnotherOrderGetsALocalIndex()
    {
        var model = DynamoDbSpecs.Model(DesignEngine.Create(Yaml("""
            format: 1
            application: { name: Forum }
            entities:
              - name: topic
                attributes: [ { name: title, type: string(100), required: true } ]
              - name: reply
                attributes: [ { name: score, type: int, required: true } ]
            relationships:
              - { from: topic, to: reply, type: one-to-many }
            accessPatterns:
              - { name: newest replies, entity: reply, where: [topic_id], orderBy: [created_at desc], perSecond: 50 }
              - { name: best replies, entity: reply, where: [topic_id], orderBy: [score desc], perSecond: 10 }
            """), "dynamodb"));
        var lsi = Assert.Single(model.Table.LocalIndexes);
        Assert.Equal(new[] { "best replies" }, lsi.Serves);
        Assert.Equal("PK", lsi.PartitionKey);
        var best = model.AccessPaths.Single(p => p.Pattern == "best replies");
        Assert.Equal(lsi.Name, best.Index);
        Assert.Equal("REPLY#<score>#<id>", model.ItemTypes.Single(t => t.Name == "REPLY").Indexes.Single().SortKey.Pattern);
    }

    [Fact]
    public void AnItemThatCanPassFourHundredKilobytesIsWarned()
    {
        var design = DesignEngine.Create(Yaml("""
            format: 1
            application: { name: Docs }
            entities:
              - name: page
                attributes: [ { name: html, type: string(200000), required: true } ]
            """), "dynamodb");
        Assert.Contains(design.Warnings, w => w.Subject == "page" && w.Message.Contains("400 KB", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void EveryFileIsValidAndWithinTheServiceLimits(string spec)
    {
        var design = DynamoDbSpecs.Design(spec);
        var model = DynamoDbSpecs.Model(design);
        Assert.Matches(new Regex("^[A-Za-z0-9_.-]{3,255}$"), model.Table.Name);
        Assert.InRange(model.Table.GlobalIndexes.Count, 0, 20);
        Assert.InRange(model.Table.LocalIndexes.Count, 0, 5);
        var files = DesignExporter.Plan(design);
        foreach (var file in files.Where(f => f.RelativePath.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(file.Content);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        var create = JsonDocument.Parse(files.Single(f => f.RelativePath == "dynamodb/create-table.json").Content).RootElement;
        Assert.Equal(model.Table.Name, create.GetProperty("TableName").GetString());
        Assert.Equal(model.Capacity.Mode == "PROVISIONED", create.TryGetProperty("ProvisionedThroughput", out _));
        var template = JsonDocument.Parse(files.Single(f => f.RelativePath == "dynamodb/cloudformation.json").Content).RootElement;
        var table = template.GetProperty("Resources").GetProperty("Table");
        Assert.Equal("AWS::DynamoDB::Table", table.GetProperty("Type").GetString());
        Assert.Equal(JsonSerializer.Serialize(create.GetProperty("KeySchema")), JsonSerializer.Serialize(table.GetProperty("Properties").GetProperty("KeySchema")));
        Assert.True(table.GetProperty("Properties").GetProperty("PointInTimeRecoverySpecification").GetProperty("PointInTimeRecoveryEnabled").GetBoolean());
        var deploy = files.Single(f => f.RelativePath == "dynamodb/deploy.sh").Content;
        Assert.Contains("--table-name '" + model.Table.Name + "'", deploy, StringComparison.Ordinal);
        Assert.All(model.ItemTypes.Where(t => t.MaximumBytes is not null), t => Assert.True(t.MaximumBytes >= t.TypicalBytes, t.Name));
        foreach (var area in DesignAreas.All.Where(a => a is not DesignAreas.Technology and not DesignAreas.SupportingTechnology))
        {
            Assert.Contains(design.Decisions, d => d.Area == area);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void TheSameRequirementGivesTheSameFiles(string spec)
    {
        var first = DesignExporter.Plan(DynamoDbSpecs.Design(spec));
        var second = DesignExporter.Plan(DynamoDbSpecs.Design(spec));
        Assert.Equal(first.Select(f => f.RelativePath + "\n" + f.Content), second.Select(f => f.RelativePath + "\n" + f.Content));
    }

    [Fact]
    public void HostileNamesBecomeAValidTableName()
    {
        Assert.Equal("O-Brien-s-Quoted-App", DynamoDbDesigner.TableName("O'Brien's \"Quoted\" App"));
        Assert.Equal("Unicode-Shop", DynamoDbDesigner.TableName("Ünïcödé Shop"));
        Assert.Matches(new Regex("^table-[0-9a-f]{8}$"), DynamoDbDesigner.TableName("顧客"));
    }
}
