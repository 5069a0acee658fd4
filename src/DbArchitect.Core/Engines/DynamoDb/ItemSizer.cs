using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// DynamoDB item sizes: the UTF-8 bytes of every attribute name plus its value (strings their bytes, numbers about one
/// byte per two significant digits plus one, booleans one, maps and lists 3 plus their contents), typical values from
/// <see cref="TypicalValues"/> weighted by how often a value is present (an absent attribute stores nothing), and the
/// largest an item can grow to from the declared lengths (4 bytes per character), against the 400 KB item limit.
/// </summary>
internal static class ItemSizer
{
    public const int ItemLimitBytes = 400 * 1024;

    /// <summary>Bytes of a number of this kind with its typical significant digits.</summary>
    private static int NumberBytes(LogicalType type, TypicalValues typical) => type.Kind switch
    {
        LogicalTypeKind.SmallInt => 2,
        LogicalTypeKind.Int => 4,
        LogicalTypeKind.BigInt => 6,
        LogicalTypeKind.Decimal => (typical.DecimalIntegerDigits + (type.Scale ?? 0) + 1) / 2 + 1,
        LogicalTypeKind.Money => (typical.DecimalIntegerDigits + 2 + 1) / 2 + 1,
        _ => 9,
    };

    public static Column ColumnOf(ShapeColumn column)
    {
        var role = column.Origin switch
        {
            ColumnOrigin.PrimaryKey => ColumnRole.PrimaryKey,
            ColumnOrigin.ForeignKey or ColumnOrigin.JunctionKey => ColumnRole.ForeignKey,
            ColumnOrigin.Tenant => ColumnRole.TenantKey,
            ColumnOrigin.CreatedAt => ColumnRole.CreatedAt,
            ColumnOrigin.UpdatedAt => ColumnRole.UpdatedAt,
            ColumnOrigin.DeletedAt => ColumnRole.DeletedAt,
            _ => ColumnRole.Attribute,
        };
        var spec = column.Spec;
        return new Column(column.Name, column.Type, !column.Required, spec?.Default, role, KeyGeneration.None, null, null)
        {
            Profile = spec is { AverageLength: not null } or { NullShare: not null }
                ? new ValueProfile(spec.AverageLength, spec.NullShare, spec.ProfileSource ?? "the requirements")
                : null,
        };
    }

    /// <summary>Bytes of a value when present.</summary>
    public static int ValueBytes(LogicalType type, Column column, TypicalValues typical) => type.Kind switch
    {
        LogicalTypeKind.Uuid => 36,
        LogicalTypeKind.Timestamp => 24,
        LogicalTypeKind.Date => 10,
        LogicalTypeKind.Time => 8,
        LogicalTypeKind.Bool => 1,
        LogicalTypeKind.Json => 3 + typical.Size(column),
        LogicalTypeKind.Binary => typical.Size(column),
        LogicalTypeKind.Array => 3 + typical.ArrayElements * (1 + ValueBytes(type.Element!, column with { Type = type.Element!, Profile = null }, typical)),
        _ when type.IsNumeric => NumberBytes(type, typical),
        _ => Math.Max(1, typical.Size(column)),
    };

    /// <summary>The largest value the declared type allows; null when unbounded (text, JSON, binary, arrays).</summary>
    public static long? MaximumValueBytes(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.String or LogicalTypeKind.Char => 4L * type.Length!.Value,
        LogicalTypeKind.Enum => type.EnumValues.Max(v => (long)Encoding.UTF8.GetByteCount(v)),
        LogicalTypeKind.Email => 4L * 254,
        LogicalTypeKind.Url => 4L * 2048,
        LogicalTypeKind.Text or LogicalTypeKind.Json or LogicalTypeKind.Binary or LogicalTypeKind.Array => null,
        LogicalTypeKind.Uuid => 36,
        LogicalTypeKind.Timestamp => 24,
        _ => 21,
    };

    public static IReadOnlyList<ItemAttribute> Attributes(EntityShape shape, TypicalValues typical) =>
        shape.Columns.Select(c =>
        {
            var column = ColumnOf(c);
            var bytes = typical.Expected(column, Encoding.UTF8.GetByteCount(c.Name) + ValueBytes(c.Type, column, typical));
            return new ItemAttribute(c.Name, KeyEncodings.AttributeType(c.Type), c.Type.ToString(), c.Required, bytes,
                c.Type.Kind == LogicalTypeKind.Enum ? c.Type.EnumValues : Array.Empty<string>())
            {
                References = shape.Parents.FirstOrDefault(p => p.Column == c.Name)?.Parent
                    ?? (c.Origin == ColumnOrigin.Tenant ? EntityColumns.TenantEntityName : null),
                Unique = c.Unique,
            };
        }).ToList();

    /// <summary>Bytes of the key attributes an item type writes: PK, SK, each index's keys, the type and the TTL attribute.</summary>
    public static int KeyBytes(ItemType type, bool ttl)
    {
        int Length(string attribute) => attribute == DynamoDbKeys.ShardAttribute ? 2 : Math.Max(1, type.Attributes.FirstOrDefault(a => a.Name == attribute)?.TypicalBytes - Encoding.UTF8.GetByteCount(attribute) ?? 8);
        int Template(KeyTemplate template) => template.Segments.Sum(s => s.TypicalLength(Length));
        var bytes = 2 + Template(type.PartitionKey) + 2 + Template(type.SortKey);
        foreach (var keys in type.Indexes)
        {
            bytes += Encoding.UTF8.GetByteCount(keys.Index) * 2 + 4 + Template(keys.PartitionKey) + Template(keys.SortKey);
        }

        bytes += Encoding.UTF8.GetByteCount(KeyPlanner.TypeAttribute) + Encoding.UTF8.GetByteCount(type.Name);
        return ttl ? bytes + Encoding.UTF8.GetByteCount(KeyPlanner.TtlAttribute) + 6 : bytes;
    }

    /// <summary>The item type with its typical and largest size.</summary>
    public static ItemType Size(ItemType type, EntityShape shape)
    {
        var keys = KeyBytes(type, type.Ttl);
        var typicalBytes = checked(type.Attributes.Sum(a => a.TypicalBytes) + keys);
        long? maximum = checked(keys + 0L);
        foreach (var attribute in type.Attributes)
        {
            var column = shape.Column(attribute.Name);
            var value = column is null ? 21 : MaximumValueBytes(column.Type);
            maximum = maximum is { } m && value is { } v ? checked(m + v + Encoding.UTF8.GetByteCount(attribute.Name)) : null;
        }

        return type with { TypicalBytes = typicalBytes, MaximumBytes = maximum };
    }
}
