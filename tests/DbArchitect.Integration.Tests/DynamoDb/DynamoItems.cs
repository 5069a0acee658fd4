using System.Globalization;
using Amazon.DynamoDBv2.Model;
using DbArchitect.Core.Engines.DynamoDb;

namespace DbArchitect.Integration.Tests.DynamoDb;

/// <summary>Sample rows as DynamoDB items: keys rendered by the design's key templates, values in their DynamoDB types.</summary>
internal static class DynamoItems
{
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static string Identity(ItemType type, IReadOnlyDictionary<string, object?> row) =>
        string.Join("#", type.IdentityAttributes.Select(a => Text(row[a])));

    /// <summary>A key of <paramref name="template"/> for a row, the shard from its identity; null when a value it needs is absent.</summary>
    public static string? Key(KeyTemplate template, ItemType type, IReadOnlyDictionary<string, object?> row, int shards, bool allowMissing)
    {
        if (!allowMissing && template.Attributes.Any(a => a != DynamoDbKeys.ShardAttribute && row.GetValueOrDefault(a) is null))
        {
            return null;
        }

        return template.Render(
            a => a == DynamoDbKeys.ShardAttribute ? (long)DynamoDbKeys.ShardOf(Identity(type, row), shards) : row.GetValueOrDefault(a),
            type.EnumValues);
    }

    public static AttributeValue Value(object value) => value switch
    {
        long or int or decimal => new AttributeValue { N = Convert.ToString(value, CultureInfo.InvariantCulture) },
        bool flag => new AttributeValue { BOOL = flag },
        SampleDocument document => new AttributeValue { M = new Dictionary<string, AttributeValue> { [document.Key] = new AttributeValue { S = document.Value } } },
        List<string> list => new AttributeValue { L = list.Select(v => new AttributeValue { S = v }).ToList() },
        _ => new AttributeValue { S = Text(value) },
    };

    public static Dictionary<string, AttributeValue> Item(DynamoDbModel model, ItemType type, IReadOnlyDictionary<string, object?> row, double? retentionDays)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [model.Table.PartitionKey] = new() { S = Key(type.PartitionKey, type, row, 1, true)! },
            [model.Table.SortKey] = new() { S = Key(type.SortKey, type, row, 1, true)! },
            [model.Table.TypeAttribute] = new() { S = type.Name },
        };
        foreach (var keys in type.Indexes)
        {
            var index = model.Table.GlobalIndexes.Concat(model.Table.LocalIndexes).Single(i => i.Name == keys.Index);
            var partition = Key(keys.PartitionKey, type, row, keys.Shards, false);
            if (partition is null)
            {
                continue; // sparse: no value, no index entry
            }

            item[index.PartitionKey] = new() { S = partition };
            item[index.SortKey] = new() { S = Key(keys.SortKey, type, row, keys.Shards, true)! };
        }

        foreach (var attribute in type.Attributes)
        {
            if (row.GetValueOrDefault(attribute.Name) is { } value)
            {
                item[attribute.Name] = Value(value);
            }
        }

        if (type.Ttl && model.Table.TtlAttribute is { } ttl && retentionDays is { } days)
        {
            var created = row.GetValueOrDefault("created_at") as DateTime? ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            item[ttl] = new() { N = new DateTimeOffset(created.AddDays(days)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        }

        return item;
    }
}
