using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DbArchitect.Core.Engines.DynamoDb;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.DynamoDb;

/// <summary>A JSON document value of a sample row (a DynamoDB map of strings), equal by content.</summary>
internal sealed record SampleDocument(string Key, string Value);

/// <summary>
/// Deterministic sample rows for every entity and edge of a DynamoDB design, as plain values (long, decimal, DateTime,
/// DateOnly, bool, string, <see cref="SampleDocument"/>, string lists): parents before children, foreign keys pointing at
/// existing parents unevenly, optional values absent in every fourth row, unique values unique, timestamps distinct.
/// The expected answers of the access patterns are computed from these rows, not from the items.
/// </summary>
internal static class DynamoSampleData
{
    private static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    public static Dictionary<string, List<Dictionary<string, object?>>> Generate(DbRequirement requirement, DynamoDbModel model)
    {
        var types = model.ItemTypes.Where(t => t.Kind is ItemKind.Entity or ItemKind.Edge).ToList();
        var rows = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.OrdinalIgnoreCase);
        var pending = types.ToList();
        var position = 0;
        while (pending.Count > 0)
        {
            // Parents first: an item type whose references (other than itself) all have rows already.
            var next = pending.FirstOrDefault(t => t.Attributes.All(a => a.References is null
                || string.Equals(a.References, t.Entity, StringComparison.OrdinalIgnoreCase)
                || rows.ContainsKey(a.References) || !types.Any(x => string.Equals(x.Entity, a.References, StringComparison.OrdinalIgnoreCase)))) ?? pending[0];
            pending.Remove(next);
            rows[next.Entity] = next.Kind == ItemKind.Edge ? Edges(requirement, next, rows, position) : Entities(requirement, next, rows, position);
            position++;
        }

        return rows;
    }

    private static int CountOf(DbRequirement requirement, string entity) =>
        string.Equals(entity, EntityColumns.TenantEntityName, StringComparison.OrdinalIgnoreCase) && requirement.Application.Tenancy == Tenancy.Multi ? 3 : 48;

    private static List<Dictionary<string, object?>> Entities(DbRequirement requirement, ItemType type, Dictionary<string, List<Dictionary<string, object?>>> rows, int position)
    {
        var list = new List<Dictionary<string, object?>>();
        var count = CountOf(requirement, type.Entity);
        for (var i = 0; i < count; i++)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var attribute in type.Attributes)
            {
                row[attribute.Name] = Value(requirement, type, attribute, i, position, rows, list);
            }

            list.Add(row);
        }

        return list;
    }

    private static List<Dictionary<string, object?>> Edges(DbRequirement requirement, ItemType type, Dictionary<string, List<Dictionary<string, object?>>> rows, int position)
    {
        var list = new List<Dictionary<string, object?>>();
        var from = type.Attributes.First(a => a.Name == type.IdentityAttributes[0]);
        var to = type.Attributes.First(a => a.Name == type.IdentityAttributes[1]);
        var fromRows = rows[from.References!];
        var toRows = rows[to.References!];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 30; i++)
        {
            var a = fromRows[(i * 7 + 3) % fromRows.Count];
            var b = toRows[(i * 5 + 1) % toRows.Count];
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [from.Name] = a["id"],
                [to.Name] = b["id"],
            };
            if (!seen.Add(Convert.ToString(row[from.Name], CultureInfo.InvariantCulture) + "|" + Convert.ToString(row[to.Name], CultureInfo.InvariantCulture)))
            {
                continue;
            }

            foreach (var attribute in type.Attributes.Where(x => x.Name != from.Name && x.Name != to.Name))
            {
                row[attribute.Name] = attribute.References is { } parent && a.TryGetValue(attribute.Name, out var same) && same is not null
                    ? same
                    : Value(requirement, type, attribute, i, position, rows, list);
            }

            list.Add(row);
        }

        return list;
    }

    /// <summary>The logical type of an attribute from the requirement (attributes), or the design's implicit columns.</summary>
    public static LogicalType TypeOf(DbRequirement requirement, ItemType type, ItemAttribute attribute)
    {
        var specs = requirement.FindEntity(type.Entity)?.Attributes
            ?? requirement.Relationships.FirstOrDefault(r => string.Equals(r.Through, type.Entity, StringComparison.OrdinalIgnoreCase))?.Attributes
            ?? Array.Empty<AttributeSpec>();
        if (specs.FirstOrDefault(s => s.Name == attribute.Name) is { } spec)
        {
            return spec.Type;
        }

        return attribute.LogicalType switch
        {
            "uuid" => LogicalType.Uuid,
            "timestamp" => LogicalType.Timestamp,
            "int" => LogicalType.Int,
            _ => LogicalType.BigInt,
        };
    }

    private static object? Value(
        DbRequirement requirement, ItemType type, ItemAttribute attribute, int i, int position,
        Dictionary<string, List<Dictionary<string, object?>>> rows, List<Dictionary<string, object?>> sameEntity)
    {
        var logical = TypeOf(requirement, type, attribute);
        if (attribute.Name == "id")
        {
            return Id(logical, type.Entity, i);
        }

        if (attribute.References is { } parent)
        {
            var self = string.Equals(parent, type.Entity, StringComparison.OrdinalIgnoreCase);
            var parents = self ? sameEntity : rows.GetValueOrDefault(parent);
            if (parents is null || parents.Count == 0 || (!attribute.Required && i % 5 == 4))
            {
                return null;
            }

            // Three parents at most, so every parent has many children to order and limit.
            return parents[(i * 7 + 3) % Math.Min(parents.Count, 3)]["id"];
        }

        if (attribute.Name == "deleted_at")
        {
            return null;
        }

        if (!attribute.Required && !attribute.Unique && i % 4 == 3)
        {
            return null;
        }

        return logical.Kind switch
        {
            LogicalTypeKind.Timestamp => Start.AddMinutes(i * 97 + position * 13 + (attribute.Name == "updated_at" ? 5 : 0) + attribute.Name.Length),
            LogicalTypeKind.Date => DateOnly.FromDateTime(Start).AddDays(i % 9),
            LogicalTypeKind.Time => "12:" + (i % 60).ToString("00", CultureInfo.InvariantCulture) + ":00",
            LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt => attribute.Unique ? (long)(i + 1) : (long)(i / 5 % 3 + 1),
            LogicalTypeKind.Decimal or LogicalTypeKind.Money or LogicalTypeKind.Float or LogicalTypeKind.Double =>
                attribute.Unique ? i + 0.5m : (i * 13 % 50) + 0.25m,
            LogicalTypeKind.Bool => i % 3 == 0,
            LogicalTypeKind.Enum => logical.EnumValues[i % logical.EnumValues.Count],
            LogicalTypeKind.Uuid => Id(logical, type.Entity + "." + attribute.Name, i),
            LogicalTypeKind.Json => new SampleDocument("k", "v" + (i % 3).ToString(CultureInfo.InvariantCulture)),
            LogicalTypeKind.Array => new List<string> { "a" + (i % 2).ToString(CultureInfo.InvariantCulture), "b" },
            LogicalTypeKind.Email => "user" + i.ToString(CultureInfo.InvariantCulture) + "@example.com",
            LogicalTypeKind.Binary => "AAEC",
            // Names sort in a different order than rows are made, and a quote or '#' in a value must not break a key.
            _ => attribute.Name + " " + ((i * 11) % 48).ToString("00", CultureInfo.InvariantCulture) + (attribute.Unique ? string.Empty : "'s") + (logical.Kind == LogicalTypeKind.Char ? string.Empty : "#" + i.ToString(CultureInfo.InvariantCulture)),
        };
    }

    private static object Id(LogicalType type, string entity, int i)
    {
        if (type.Kind != LogicalTypeKind.Uuid)
        {
            return (long)(i + 1);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(entity + "#" + i.ToString(CultureInfo.InvariantCulture)))[..16];
        return new Guid(hash).ToString();
    }
}
