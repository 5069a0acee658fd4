using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.DynamoDb;

/// <summary>
/// Each example's and hostile spec's DynamoDB design on dynalite: the table and its indexes are created from the
/// exported create-table.json, sample items of every entity and edge are written by the design's key templates (with
/// the uniqueness items under their condition and the aggregate items by the stream consumer's UpdateExpression), and
/// every access pattern's exported query runs and must return exactly the rows the sample data says, in order.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbDesignTests
{
    private readonly DynaliteServer _server;

    public DynamoDbDesignTests(DynaliteServer server) => _server = server;

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "examples", "requirements"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "hostile"), "*.yaml")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public Task EveryAccessPatternReturnsExactlyItsItems(string spec) =>
        RunEveryPattern(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)));

    [Fact]
    public async Task AShardedKeyIsQueriedShardByShardAndMerged()
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "dynamodb", "hot-key.yaml"));
        Assert.Equal(3, ((DynamoDbDesign)DesignEngine.Create(requirement, "dynamodb").FamilyModel!).Table.AccessPaths.Single().Shards);
        await RunEveryPattern(requirement);
    }

    private async Task RunEveryPattern(DbRequirement requirement)
    {
        var design = DesignEngine.Create(requirement, "dynamodb");
        var model = ((DynamoDbDesign)design.FamilyModel!).Table;
        var files = DesignExporter.Plan(design).ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        using var client = _server.Client();
        var table = await CreateTable(client, files["dynamodb/create-table.json"], model.Table.Name);
        try
        {
            var rows = DynamoSampleData.Generate(requirement, model);
            var loaded = await Load(client, table, requirement, model, rows);
            Assert.True(loaded > 0);
            var number = 0;
            foreach (var path in model.AccessPaths)
            {
                number++;
                var file = files.Keys.SingleOrDefault(k => k.StartsWith("dynamodb/queries/" + number.ToString("D2", CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal));
                if (path.Kind == AccessKind.Search)
                {
                    Assert.Null(file);
                    Assert.NotNull(model.Table.StreamView);
                    continue;
                }

                Assert.NotNull(file);
                var input = JsonNode.Parse(files[file])!.AsObject();
                switch (path.Kind)
                {
                    case AccessKind.Scan:
                        await CheckScan(client, table, model, path, input, rows[path.Entity]);
                        break;
                    case AccessKind.Aggregate:
                        await CheckAggregate(client, table, requirement, model, path, input, rows[path.Entity]);
                        break;
                    default:
                        await CheckQuery(client, table, requirement, model, path, input, rows[path.Entity]);
                        break;
                }
            }
        }
        finally
        {
            await client.DeleteTableAsync(table);
        }
    }

    [Fact]
    public async Task AUniquenessItemRefusesASecondEntityWithTheSameValue()
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "examples", "requirements", "ecommerce.yaml"));
        var design = DesignEngine.Create(requirement, "dynamodb");
        var model = ((DynamoDbDesign)design.FamilyModel!).Table;
        using var client = _server.Client();
        var table = await CreateTable(client, DesignExporter.Plan(design).Single(f => f.RelativePath == "dynamodb/create-table.json").Content, model.Table.Name);
        try
        {
            var marker = model.ItemTypes.Single(t => t.Kind == ItemKind.Uniqueness && t.Name == "CUSTOMER#EMAIL");
            var first = new Dictionary<string, object?> { ["id"] = "a", ["email"] = "same@example.com" };
            var second = new Dictionary<string, object?> { ["id"] = "b", ["email"] = "same@example.com" };
            await client.PutItemAsync(MarkerPut(table, model, marker, first));
            await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => client.PutItemAsync(MarkerPut(table, model, marker, second)));
        }
        finally
        {
            await client.DeleteTableAsync(table);
        }
    }

    private static PutItemRequest MarkerPut(string table, DynamoDbModel model, ItemType marker, IReadOnlyDictionary<string, object?> row) => new()
    {
        TableName = table,
        Item = DynamoItems.Item(model, marker, row, null),
        ConditionExpression = "attribute_not_exists(#pk)",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = model.Table.PartitionKey },
    };

    /// <summary>The table of create-table.json under a name of its own, once it is ACTIVE.</summary>
    internal static async Task<string> CreateTable(AmazonDynamoDBClient client, string json, string designName)
    {
        var input = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(designName, input["TableName"]!.GetValue<string>());
        var table = designName + "-" + Guid.NewGuid().ToString("N")[..8];
        static List<KeySchemaElement> Keys(JsonNode node) =>
            node.AsArray().Select(k => new KeySchemaElement(k!["AttributeName"]!.GetValue<string>(), KeyType.FindValue(k["KeyType"]!.GetValue<string>()))).ToList();
        static ProvisionedThroughput? Throughput(JsonNode? node) => node is null ? null
            : new ProvisionedThroughput(node["ReadCapacityUnits"]!.GetValue<long>(), node["WriteCapacityUnits"]!.GetValue<long>());
        var request = new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = input["AttributeDefinitions"]!.AsArray()
                .Select(a => new AttributeDefinition(a!["AttributeName"]!.GetValue<string>(), ScalarAttributeType.FindValue(a["AttributeType"]!.GetValue<string>()))).ToList(),
            KeySchema = Keys(input["KeySchema"]!),
            BillingMode = BillingMode.FindValue(input["BillingMode"]!.GetValue<string>()),
            ProvisionedThroughput = Throughput(input["ProvisionedThroughput"]),
        };
        if (input["GlobalSecondaryIndexes"] is JsonArray globals)
        {
            request.GlobalSecondaryIndexes = globals.Select(g => new GlobalSecondaryIndex
            {
                IndexName = g!["IndexName"]!.GetValue<string>(),
                KeySchema = Keys(g["KeySchema"]!),
                Projection = new Projection { ProjectionType = ProjectionType.FindValue(g["Projection"]!["ProjectionType"]!.GetValue<string>()) },
                ProvisionedThroughput = Throughput(g["ProvisionedThroughput"]),
            }).ToList();
        }

        if (input["LocalSecondaryIndexes"] is JsonArray locals)
        {
            request.LocalSecondaryIndexes = locals.Select(l => new LocalSecondaryIndex
            {
                IndexName = l!["IndexName"]!.GetValue<string>(),
                KeySchema = Keys(l["KeySchema"]!),
                Projection = new Projection { ProjectionType = ProjectionType.FindValue(l["Projection"]!["ProjectionType"]!.GetValue<string>()) },
            }).ToList();
        }

        if (input["StreamSpecification"] is JsonObject stream)
        {
            request.StreamSpecification = new StreamSpecification
            {
                StreamEnabled = stream["StreamEnabled"]!.GetValue<bool>(),
                StreamViewType = StreamViewType.FindValue(stream["StreamViewType"]!.GetValue<string>()),
            };
        }

        await client.CreateTableAsync(request);
        for (var i = 0; i < 200; i++)
        {
            var described = await client.DescribeTableAsync(table);
            if (described.Table.TableStatus == TableStatus.ACTIVE && (described.Table.GlobalSecondaryIndexes ?? new()).All(g => g.IndexStatus == IndexStatus.ACTIVE))
            {
                Assert.Equal((request.GlobalSecondaryIndexes ?? new()).Count, (described.Table.GlobalSecondaryIndexes ?? new()).Count);
                Assert.Equal((request.LocalSecondaryIndexes ?? new()).Count, (described.Table.LocalSecondaryIndexes ?? new()).Count);
                return table;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Table " + table + " did not become ACTIVE.");
    }

    /// <summary>Writes every sample row as its item, its uniqueness items (conditional) and its aggregate updates; returns the items written.</summary>
    private static async Task<int> Load(AmazonDynamoDBClient client, string table, DbRequirement requirement, DynamoDbModel model, Dictionary<string, List<Dictionary<string, object?>>> rows)
    {
        var count = 0;
        var retention = requirement.Workload.Retention?.Days;
        foreach (var type in model.ItemTypes.Where(t => t.Kind is ItemKind.Entity or ItemKind.Edge))
        {
            foreach (var row in rows[type.Entity])
            {
                await client.PutItemAsync(new PutItemRequest { TableName = table, Item = DynamoItems.Item(model, type, row, retention) });
                count++;
                foreach (var marker in model.ItemTypes.Where(t => t.Kind == ItemKind.Uniqueness && t.Entity == type.Entity))
                {
                    await client.PutItemAsync(MarkerPut(table, model, marker, row));
                    count++;
                }
            }
        }

        foreach (var path in model.AccessPaths.Where(p => p.Kind == AccessKind.Aggregate))
        {
            var type = model.ItemTypes.Single(t => t.Name == path.ItemType);
            var entity = model.ItemTypes.Single(t => t.Entity == path.Entity && t.Kind is ItemKind.Entity or ItemKind.Edge);
            foreach (var row in rows[path.Entity])
            {
                var value = path.AggregateAttribute is { } attribute ? row.GetValueOrDefault(attribute) : 1L;
                if (value is null || type.SortKey.Attributes.Any(a => row.GetValueOrDefault(a) is null) || type.PartitionKey.Attributes.Any(a => a != DynamoDbKeys.ShardAttribute && row.GetValueOrDefault(a) is null))
                {
                    continue;
                }

                var key = new Dictionary<string, AttributeValue>
                {
                    [model.Table.PartitionKey] = new() { S = DynamoItems.Key(type.PartitionKey, entity, row, path.Shards, false)! },
                    [model.Table.SortKey] = new() { S = DynamoItems.Key(type.SortKey, entity, row, 1, false)! },
                };
                var expressions = path.UpdateExpression + " " + path.UpdateCondition;
                var names = new[] { "sum", "count", "min", "max" }.Where(n => expressions.Contains("#" + n, StringComparison.Ordinal)).ToDictionary(n => "#" + n, n => n);
                var values = new Dictionary<string, AttributeValue> { [":value"] = DynamoItems.Value(value) };
                if (expressions.Contains(":one", StringComparison.Ordinal))
                {
                    values[":one"] = new AttributeValue { N = "1" };
                }

                try
                {
                    await client.UpdateItemAsync(new UpdateItemRequest
                    {
                        TableName = table, Key = key, UpdateExpression = path.UpdateExpression, ConditionExpression = path.UpdateCondition,
                        ExpressionAttributeNames = names, ExpressionAttributeValues = values,
                    });
                }
                catch (ConditionalCheckFailedException) when (path.UpdateCondition is not null)
                {
                    // min/max: the stored value already wins.
                }
            }
        }

        return count;
    }

    private static Dictionary<string, string> Names(JsonObject input) =>
        input["ExpressionAttributeNames"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    private static string Placeholder(JsonObject input, string name) => input["ExpressionAttributeValues"]![name]!["S"]!.GetValue<string>();

    private static async Task CheckQuery(AmazonDynamoDBClient client, string table, DbRequirement requirement, DynamoDbModel model, AccessPath path, JsonObject input, List<Dictionary<string, object?>> rows)
    {
        var type = model.ItemTypes.Single(t => t.Name == path.ItemType);
        var pattern = requirement.AccessPatterns.Single(p => p.Name == path.Pattern);
        var between = path.SortCondition == "between";
        var parameters = path.PartitionKey!.Attributes
            .Concat(path.SortCondition == "begins_with" ? path.SortPrefix!.Attributes : between ? path.SortPrefix!.Attributes.Where(a => a != path.RangeAttribute) : Array.Empty<string>())
            .Where(a => a != DynamoDbKeys.ShardAttribute).Distinct(StringComparer.Ordinal).ToList();
        var chosen = rows.Where(r => parameters.All(p => r.GetValueOrDefault(p) is not null))
            .GroupBy(r => string.Join("|", parameters.Select(p => DynamoItems.Text(r[p]))))
            .OrderByDescending(g => g.Count()).First().First();
        var matching = rows.Where(r => parameters.All(p => Equals(r.GetValueOrDefault(p), chosen[p]))).ToList();
        object? from = null, to = null;
        if (between)
        {
            var values = matching.Select(r => r.GetValueOrDefault(path.RangeAttribute!)).OfType<object>().Order(Comparer<object>.Default).ToList();
            from = values[values.Count / 4];
            to = values[values.Count * 3 / 4];
            matching = matching.Where(r => r.GetValueOrDefault(path.RangeAttribute!) is { } v && Comparer<object>.Default.Compare(v, from) >= 0 && Comparer<object>.Default.Compare(v, to) <= 0).ToList();
        }

        Assert.Equal(path.PartitionKey.Pattern, Placeholder(input, ":pk"));
        var names = Names(input);
        var index = path.Index is { } i ? model.Table.GlobalIndexes.Concat(model.Table.LocalIndexes).Single(x => x.Name == i) : null;
        var sortAttribute = index?.SortKey ?? model.Table.SortKey;
        var found = new List<Dictionary<string, AttributeValue>>();
        for (var shard = 0; shard < path.Shards; shard++)
        {
            var current = shard;
            string Render(KeyTemplate template, object? bound) =>
                template.Render(a => a == DynamoDbKeys.ShardAttribute ? (long)current : a == path.RangeAttribute && between ? bound : chosen[a], type.EnumValues);
            var values = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = Render(path.PartitionKey, null) } };
            if (path.SortCondition == "begins_with")
            {
                Assert.Equal(path.SortPrefix!.Pattern, Placeholder(input, ":prefix"));
                values[":prefix"] = new() { S = Render(path.SortPrefix, null) };
            }
            else if (between)
            {
                Assert.Equal(path.SortPrefix!.Describe(path.RangeAttribute, "from"), Placeholder(input, ":from"));
                Assert.Equal(path.SortPrefix.Describe(path.RangeAttribute, "to") + KeySegment.MissingAscending, Placeholder(input, ":to"));
                values[":from"] = new() { S = Render(path.SortPrefix, from) };
                values[":to"] = new() { S = Render(path.SortPrefix, to) + KeySegment.MissingAscending };
            }

            var request = new QueryRequest
            {
                TableName = table,
                IndexName = input["IndexName"]?.GetValue<string>(),
                KeyConditionExpression = input["KeyConditionExpression"]!.GetValue<string>(),
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ScanIndexForward = input["ScanIndexForward"]!.GetValue<bool>(),
                Limit = input["Limit"]?.GetValue<int>(),
                ConsistentRead = input["ConsistentRead"]?.GetValue<bool>(),
            };
            do
            {
                var response = await client.QueryAsync(request);
                found.AddRange(response.Items ?? new());
                request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next && request.Limit is null ? next : null;
            }
            while (request.ExclusiveStartKey is not null);
        }

        // Shards are merged by the index's sort key, as the reader does.
        var merged = (path.Forward
                ? found.OrderBy(x => x[sortAttribute].S, StringComparer.Ordinal)
                : found.OrderByDescending(x => x[sortAttribute].S, StringComparer.Ordinal))
            .Take(pattern.Limit ?? int.MaxValue).ToList();
        var byIdentity = matching.ToDictionary(r => DynamoItems.Identity(type, r), StringComparer.Ordinal);
        var actual = merged.Select(x => string.Join("#", type.IdentityAttributes.Select(a => x[a].S ?? x[a].N))).ToList();
        Assert.Equal(actual.Count, actual.Distinct(StringComparer.Ordinal).Count());
        Assert.All(actual, id => Assert.True(byIdentity.ContainsKey(id), $"'{path.Pattern}' returned {id}, which does not match its condition."));
        var expectedCount = Math.Min(matching.Count, pattern.Limit ?? int.MaxValue);
        Assert.True(expectedCount == actual.Count, $"'{path.Pattern}' returned {actual.Count} items; the sample data has {expectedCount}.");
        Assert.True(matching.Count > 0, $"'{path.Pattern}' was run with values no sample row has.");

        var comparer = new RowOrder(path.OrderedBy.Select(c => (c, Descending(pattern, c), type.EnumValues(c))).ToList());
        var expected = matching.Order(comparer).Take(expectedCount).ToList();
        var returned = actual.Select(id => byIdentity[id]).ToList();
        for (var n = 0; n < expected.Count; n++)
        {
            Assert.True(comparer.Compare(expected[n], returned[n]) == 0, $"'{path.Pattern}' item {n} is out of order.");
        }

        // Rows ahead of the last returned sort value must all be there; ties at the boundary may be any of them.
        if (expected.Count > 0)
        {
            var last = expected[^1];
            Assert.All(expected.Where(r => comparer.Compare(r, last) != 0 || expectedCount == matching.Count), r => Assert.Contains(DynamoItems.Identity(type, r), actual));
        }
    }

    private static bool Descending(AccessPatternSpec pattern, string column) =>
        pattern.OrderBy.FirstOrDefault(o => Key(o.Column) == Key(column))?.Descending ?? false;

    private static string Key(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Order of rows by the pattern's columns: declared enum order, ordinal text, missing values largest.</summary>
    private sealed class RowOrder : IComparer<Dictionary<string, object?>>
    {
        private readonly IReadOnlyList<(string Column, bool Descending, IReadOnlyList<string> Enum)> _columns;

        public RowOrder(IReadOnlyList<(string, bool, IReadOnlyList<string>)> columns) => _columns = columns;

        public int Compare(Dictionary<string, object?>? x, Dictionary<string, object?>? y)
        {
            foreach (var (column, descending, values) in _columns)
            {
                var a = x!.GetValueOrDefault(column);
                var b = y!.GetValueOrDefault(column);
                var result = (a, b) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    (string s, string t) when values.Count > 0 => values.ToList().IndexOf(s).CompareTo(values.ToList().IndexOf(t)),
                    (string s, string t) => string.CompareOrdinal(s, t),
                    _ => Comparer<object>.Default.Compare(a, b),
                };
                if (result != 0)
                {
                    return descending ? -result : result;
                }
            }

            return 0;
        }
    }

    private static async Task CheckAggregate(AmazonDynamoDBClient client, string table, DbRequirement requirement, DynamoDbModel model, AccessPath path, JsonObject input, List<Dictionary<string, object?>> rows)
    {
        var pattern = requirement.AccessPatterns.Single(p => p.Name == path.Pattern);
        var type = model.ItemTypes.Single(t => t.Name == path.ItemType);
        var parameters = path.PartitionKey!.Attributes.Where(a => a != DynamoDbKeys.ShardAttribute).ToList();
        var usable = rows.Where(r => parameters.All(p => r.GetValueOrDefault(p) is not null) && (path.AggregateAttribute is null || r.GetValueOrDefault(path.AggregateAttribute) is not null)
            && type.SortKey.Attributes.All(a => r.GetValueOrDefault(a) is not null)).ToList();
        var chosen = usable.GroupBy(r => string.Join("|", parameters.Select(p => DynamoItems.Text(r[p])))).OrderByDescending(g => g.Count()).First().First();
        var matching = usable.Where(r => parameters.All(p => Equals(r[p], chosen[p]))).ToList();
        var group = pattern.GroupBy.FirstOrDefault();
        string BucketOf(Dictionary<string, object?> row) => group?.Bucket is { } bucket
            ? Bucket((DateTime)(row[type.SortKey.Attributes[0]] is DateOnly d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : row[type.SortKey.Attributes[0]])!, bucket)
            : type.SortKey.Render(a => row[a], type.EnumValues);
        var expected = matching.GroupBy(BucketOf).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        Assert.Equal(path.PartitionKey.Pattern, Placeholder(input, ":pk"));
        var results = new Dictionary<string, (decimal Sum, long Count, decimal? Min, decimal? Max)>(StringComparer.Ordinal);
        for (var shard = 0; shard < path.Shards; shard++)
        {
            var current = shard;
            var values = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new() { S = path.PartitionKey.Render(a => a == DynamoDbKeys.ShardAttribute ? (long)current : chosen[a], type.EnumValues) },
            };
            if (path.SortCondition == "between")
            {
                values[":from"] = new() { S = expected.Keys.Min(StringComparer.Ordinal)! };
                values[":to"] = new() { S = expected.Keys.Max(StringComparer.Ordinal)! + KeySegment.MissingAscending };
            }

            var request = new QueryRequest
            {
                TableName = table, KeyConditionExpression = input["KeyConditionExpression"]!.GetValue<string>(),
                ExpressionAttributeNames = Names(input), ExpressionAttributeValues = values, ScanIndexForward = true,
            };
            var response = await client.QueryAsync(request);
            foreach (var item in response.Items ?? new())
            {
                static decimal? Number(Dictionary<string, AttributeValue> item, string name) =>
                    item.TryGetValue(name, out var v) ? decimal.Parse(v.N, CultureInfo.InvariantCulture) : null;
                var bucket = item[model.Table.SortKey].S;
                var old = results.GetValueOrDefault(bucket);
                results[bucket] = (old.Sum + (Number(item, "sum") ?? 0), old.Count + (long)(Number(item, "count") ?? 0),
                    Min(old.Min, Number(item, "min")), Max(old.Max, Number(item, "max")));
            }
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
        foreach (var (bucket, members) in expected)
        {
            var numbers = members.Select(r => path.AggregateAttribute is { } a ? Convert.ToDecimal(r[a], CultureInfo.InvariantCulture) : 1m).ToList();
            var result = results[bucket];
            switch (path.AggregateFunction)
            {
                case "sum":
                    Assert.Equal(numbers.Sum(), result.Sum);
                    break;
                case "count":
                    Assert.Equal(members.Count, result.Count);
                    break;
                case "avg":
                    Assert.Equal(numbers.Sum(), result.Sum);
                    Assert.Equal(members.Count, result.Count);
                    break;
                case "min":
                    Assert.Equal(numbers.Min(), result.Min);
                    break;
                default:
                    Assert.Equal(numbers.Max(), result.Max);
                    break;
            }
        }
    }

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>The bucket of a time, written independently of the design: hour, day, the week's Monday, month, year.</summary>
    private static string Bucket(DateTime time, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Hour => time.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture),
        TimeBucket.Day => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeBucket.Week => time.Date.AddDays(time.DayOfWeek == DayOfWeek.Sunday ? -6 : -(int)time.DayOfWeek + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeBucket.Month => time.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => time.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    private static async Task CheckScan(AmazonDynamoDBClient client, string table, DynamoDbModel model, AccessPath path, JsonObject input, List<Dictionary<string, object?>> rows)
    {
        var type = model.ItemTypes.Single(t => t.Name == path.ItemType);
        var columns = path.FilterColumns;
        var chosen = rows.Where(r => columns.All(c => r.GetValueOrDefault(c) is not null))
            .GroupBy(r => string.Join("|", columns.Select(c => Convert.ToString(r[c], CultureInfo.InvariantCulture)))).OrderByDescending(g => g.Count()).First().First();
        var matching = rows.Where(r => columns.All(c => Equals(r.GetValueOrDefault(c), chosen[c]))).Select(r => DynamoItems.Identity(type, r)).ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, AttributeValue> { [":type"] = new() { S = type.Name } };
        var names = Names(input);
        for (var i = 0; i < columns.Count; i++)
        {
            var number = i.ToString(CultureInfo.InvariantCulture);
            if (chosen[columns[i]] is SampleDocument document)
            {
                // Containment of one field of the document: the file leaves the field's name and value to the caller.
                Assert.Equal("<" + columns[i] + " field>", names["#k" + number]);
                names["#k" + number] = document.Key;
                values[":f" + number] = new AttributeValue { S = document.Value };
            }
            else
            {
                values[":f" + number] = DynamoItems.Value(chosen[columns[i]]!);
            }
        }

        var request = new ScanRequest
        {
            TableName = table, FilterExpression = input["FilterExpression"]!.GetValue<string>(),
            ExpressionAttributeNames = names, ExpressionAttributeValues = values,
        };
        var found = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var response = await client.ScanAsync(request);
            foreach (var item in response.Items ?? new())
            {
                found.Add(string.Join("#", type.IdentityAttributes.Select(a => item[a].S ?? item[a].N)));
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        Assert.True(matching.Count > 0);
        Assert.Equal(matching.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }
}
