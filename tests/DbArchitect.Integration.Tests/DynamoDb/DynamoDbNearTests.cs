using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.DynamoDb;

/// <summary>
/// A near pattern's geohash index on dynalite: the table from the exported create-table.json, 600 items with positions
/// (most in one city, some in its region, some worldwide and some on both sides of the antimeridian), and the exported
/// query run once per cell of the point's block and per shard; the application's ranking of what the cells return must be
/// exactly the N nearest a brute force over every loaded row finds within the radius the block covers.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbNearTests
{
    private const double CityLatitude = 55.6761;
    private const double CityLongitude = 12.5683;

    private readonly DynaliteServer _server;

    public DynamoDbNearTests(DynaliteServer server) => _server = server;

    [Theory]
    [InlineData("near/couriers.yaml", 1)]
    [InlineData("dynamodb/live-drivers.yaml", 2)]
    public async Task TheCellQueriesReturnExactlyTheNearestItemsWithinTheCoveredRadius(string fixture, int minimumShards)
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", fixture));
        var design = DesignEngine.Create(requirement, "dynamodb");
        var model = ((DynamoDbDesign)design.FamilyModel!).Table;
        var files = DesignExporter.Plan(design).ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);
        var path = model.AccessPaths.Single(p => p.Near is not null);
        var near = path.Near!;
        Assert.True(path.Shards >= minimumShards, $"{path.Shards} shard(s)");
        var type = model.ItemTypes.Single(t => t.Name == path.ItemType);
        var number = model.AccessPaths.ToList().IndexOf(path) + 1;
        var input = JsonNode.Parse(files.Single(f => f.Key.StartsWith("dynamodb/queries/" + number.ToString("D2", CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal)).Value)!.AsObject();
        Assert.Equal("#pk = :pk", input["KeyConditionExpression"]!.GetValue<string>());
        Assert.Null(input["Limit"]);
        Assert.Null(input["FilterExpression"]);

        using var client = _server.Client();
        var table = await DynamoDbDesignTests.CreateTable(client, files["dynamodb/create-table.json"], model.Table.Name);
        try
        {
            var rows = Positions(requirement, model, path, near);
            await Load(client, table, model, type, rows, requirement.Workload.Retention?.Days);
            var parameters = path.PartitionKey!.Attributes.Where(a => a != DynamoDbKeys.ShardAttribute && a != near.Latitude && a != near.Longitude).ToList();
            // The equality values most rows in the city share (status = available, …), so the city is dense for the search.
            var chosen = rows.Take(420).GroupBy(r => string.Join("|", parameters.Select(p => DynamoItems.Text(r[p])))).OrderByDescending(g => g.Count()).First().First();
            var corner = Geohash.Bounds(Geohash.Encode(CityLatitude, CityLongitude, near.Precision));
            var centres = new (double Latitude, double Longitude)[]
            {
                (CityLatitude, CityLongitude),
                (corner.North - 1e-7, corner.East - 1e-7),
                (corner.South + 1e-7, corner.West + 1e-7),
                (56.2, 10.2),
                (-17.0, 179.9995),
                (-17.0, -179.9995),
                (0, -140),
            };
            var across = 0;
            foreach (var (latitude, longitude) in centres)
            {
                var radius = Geohash.CoveredKm(latitude, near.Precision);
                var expected = rows.Where(r => parameters.All(p => Equals(r[p], chosen[p])))
                    .Select(r => (Id: DynamoItems.Identity(type, r), Km: Geohash.DistanceKm(latitude, longitude, Number(r[near.Latitude]), Number(r[near.Longitude]))))
                    .Where(x => x.Km <= radius).OrderBy(x => x.Km).ThenBy(x => x.Id, StringComparer.Ordinal).Take(near.Limit).Select(x => x.Id).ToList();
                var items = await Search(client, table, input, path, type, chosen, latitude, longitude);
                var actual = items
                    .Select(x => (Id: string.Join("#", type.IdentityAttributes.Select(a => x[a].S ?? x[a].N)), Km: Geohash.DistanceKm(latitude, longitude, Number(x[near.Latitude].N), Number(x[near.Longitude].N)), Longitude: Number(x[near.Longitude].N)))
                    .Where(x => x.Km <= radius).OrderBy(x => x.Km).ThenBy(x => x.Id, StringComparer.Ordinal).Take(near.Limit).ToList();
                Assert.True(expected.SequenceEqual(actual.Select(x => x.Id)),
                    $"Around ({latitude}, {longitude}) within {radius:0.###} km the cells gave [{string.Join(", ", actual.Select(x => x.Id))}], the brute force [{string.Join(", ", expected)}].");
                across += actual.Count(x => Math.Sign(x.Longitude) != Math.Sign(longitude) && Math.Abs(longitude) > 179);
                if (latitude == CityLatitude)
                {
                    Assert.True(expected.Count >= Math.Min(near.Limit, 10), $"only {expected.Count} items near the city centre");
                }
            }

            Assert.True(across > 0, "no search found an item across the antimeridian");
        }
        finally
        {
            await client.DeleteTableAsync(table);
        }
    }

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>The exported query once per cell of the point's block and per shard, every page.</summary>
    private static async Task<List<Dictionary<string, AttributeValue>>> Search(
        AmazonDynamoDBClient client, string table, JsonObject input, AccessPath path, ItemType type, Dictionary<string, object?> chosen, double latitude, double longitude)
    {
        var found = new List<Dictionary<string, AttributeValue>>();
        var names = input["ExpressionAttributeNames"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        foreach (var cell in Geohash.Block(latitude, longitude, path.Near!.Precision))
        {
            for (var shard = 0; shard < path.Shards; shard++)
            {
                var current = shard;
                var request = new QueryRequest
                {
                    TableName = table,
                    IndexName = input["IndexName"]!.GetValue<string>(),
                    KeyConditionExpression = input["KeyConditionExpression"]!.GetValue<string>(),
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":pk"] = new() { S = path.PartitionKey!.Render(a => a == DynamoDbKeys.ShardAttribute ? (long)current : chosen[a], type.EnumValues, cell) },
                    },
                };
                do
                {
                    var response = await client.QueryAsync(request);
                    found.AddRange(response.Items ?? new());
                    request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
                }
                while (request.ExclusiveStartKey is not null);
            }
        }

        return found;
    }

    /// <summary>
    /// 600 rows: the sample rows' other values, each with its own id and a position — 420 in one city (half within about
    /// 1 km of its centre), 80 in its region, 60 anywhere between 70° S and 70° N, 40 on both sides of the antimeridian.
    /// </summary>
    private static List<Dictionary<string, object?>> Positions(DbRequirement requirement, DynamoDbModel model, AccessPath path, NearPath near)
    {
        var samples = DynamoSampleData.Generate(requirement, model)[path.Entity];
        var random = new Random(42);
        double Spread(double half) => (random.NextDouble() * 2 - 1) * half;
        var rows = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 600; i++)
        {
            var row = new Dictionary<string, object?>(samples[i % samples.Count], StringComparer.Ordinal);
            row["id"] = row["id"] is string ? new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("near#" + i.ToString(CultureInfo.InvariantCulture)))[..16]).ToString() : (object)(long)(i + 1);
            var (latitude, longitude) = i switch
            {
                < 210 => (CityLatitude + Spread(0.009), CityLongitude + Spread(0.016)),
                < 420 => (CityLatitude + Spread(0.07), CityLongitude + Spread(0.12)),
                < 500 => (CityLatitude + Spread(3), CityLongitude + Spread(5)),
                < 560 => (Spread(70), Spread(180)),
                _ => (-17.0 + Spread(0.02), i % 2 == 0 ? 180 - random.NextDouble() * 0.02 : -180 + random.NextDouble() * 0.02),
            };
            row[near.Latitude] = Math.Round((decimal)latitude, 6);
            row[near.Longitude] = Math.Round((decimal)longitude, 6);
            rows.Add(row);
        }

        return rows;
    }

    private static async Task Load(AmazonDynamoDBClient client, string table, DynamoDbModel model, ItemType type, List<Dictionary<string, object?>> rows, double? retention)
    {
        foreach (var chunk in rows.Chunk(25))
        {
            var writes = new Dictionary<string, List<WriteRequest>>
            {
                [table] = chunk.Select(r => new WriteRequest(new PutRequest(DynamoItems.Item(model, type, r, retention)))).ToList(),
            };
            while (writes.Count > 0)
            {
                var response = await client.BatchWriteItemAsync(writes);
                writes = response.UnprocessedItems is { Count: > 0 } left ? left : new();
            }
        }
    }
}
