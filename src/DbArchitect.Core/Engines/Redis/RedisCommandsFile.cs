using System.Globalization;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// redis/commands.redis: redis-cli input (<c>redis-cli -p 6379 &lt; redis/commands.redis</c>) that applies the
/// design's memory settings and writes one sample row of every entity and junction through every family that holds it,
/// so each key family exists with its structure and encoding. ECHO lines say what follows (redis-cli has no comments).
/// </summary>
internal static class RedisCommandsFile
{
    public const string Path = "redis/commands.redis";

    public static string Text(KeyValueModel model, IReadOnlyList<RedisEntity> entities, IReadOnlyList<(string Name, string Value)> settings)
    {
        var lines = new List<string>
        {
            RedisCliText.Line(new[] { "ECHO", "Sample keys of every key family of the design (" + model.Role + "); settings first." }),
        };
        lines.AddRange(settings.Select(s => RedisCliText.Line(new[] { "CONFIG", "SET", s.Name, s.Value })));
        foreach (var entity in entities)
        {
            var row = Sample(entity);
            var ops = RedisWritePlan.Insert(model, entity.Name, row);
            if (ops.Count == 0)
            {
                continue;
            }

            lines.Add(RedisCliText.Line(new[] { "ECHO", "One " + entity.Name + ": " + string.Join(", ", ops.Select(o => o.Command).Distinct()) }));
            foreach (var op in ops)
            {
                lines.Add(op.Command switch
                {
                    "SETNX" => RedisCliText.Line(new[] { "SET", op.Key, op.Arguments[0], "NX" }),
                    _ => RedisCliText.Line(new[] { op.Command, op.Key }.Concat(op.Arguments)),
                });
            }
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>A deterministic sample row: id 1 (or the first uuid), the first enum value, 2026-01-01 for times, short text of each field's name.</summary>
    internal static IReadOnlyDictionary<string, string?> Sample(RedisEntity entity)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in entity.Columns)
        {
            row[column.Field] = column.Type.Kind switch
            {
                LogicalTypeKind.Uuid => "00000000-0000-4000-8000-000000000001",
                LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt => "1",
                LogicalTypeKind.Decimal or LogicalTypeKind.Money => "12.5",
                LogicalTypeKind.Float or LogicalTypeKind.Double => column.Field.Contains("lon", StringComparison.OrdinalIgnoreCase) ? "4.8951679" : "52.3702157",
                LogicalTypeKind.Bool => "0",
                LogicalTypeKind.Date => "2026-01-01",
                LogicalTypeKind.Time => "12:00:00",
                LogicalTypeKind.Timestamp => "1767225600000",
                LogicalTypeKind.Enum => column.Type.EnumValues[0],
                LogicalTypeKind.Json => "{\"plan\":\"sample\"}",
                LogicalTypeKind.Array => "[]",
                LogicalTypeKind.Email => "sample@example.com",
                LogicalTypeKind.Url => "https://example.com/sample",
                _ => "sample " + column.Field.ToString(CultureInfo.InvariantCulture),
            };
        }

        return row;
    }
}
