using System.Globalization;
using System.Text;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>The rules an application follows to write keys the design reads: the shard of an item and the bucket of an aggregate.</summary>
public static class DynamoDbKeys
{
    /// <summary>The attribute name a key template uses for the write shard (0 … shards-1) of a sharded partition key.</summary>
    public const string ShardAttribute = "@shard";

    /// <summary>The shard of an item: FNV-1a (32-bit) of its identity's UTF-8 bytes modulo the shard count; stable across languages.</summary>
    public static int ShardOf(string identity, int shards)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(identity))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)shards);
    }

    /// <summary>The sort key of a time bucket: 2026-03-01T14 (hour), 2026-03-01 (day, week's Monday), 2026-03 (month), 2026 (year).</summary>
    public static string Bucket(DateTime value, TimeBucket bucket)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return bucket switch
        {
            TimeBucket.Hour => utc.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture),
            TimeBucket.Day => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeBucket.Week => utc.Date.AddDays(-(((int)utc.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeBucket.Month => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => utc.ToString("yyyy", CultureInfo.InvariantCulture),
        };
    }
}
