using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// A column of an entity as Redis stores it: its field name, logical type, the bytes of its typical value as text
/// (Redis keeps every value as a string; integers are encoded compactly), and its share of absent values.
/// </summary>
internal sealed record RedisColumn(string Name, string Field, LogicalType Type, ColumnOrigin Origin, int Bytes, bool Integer, double NullShare)
{
    /// <summary>The entity whose ids the column holds (its own id, a foreign key, the tenant), else null.</summary>
    public string? References { get; init; }

    /// <summary>True for values stored as integer text (ids, counts, epoch-millisecond timestamps, booleans as 0/1).</summary>
    public bool IsInteger => Integer;

    /// <summary>True when the value orders by number (a sorted-set score): numbers, timestamps, dates, booleans.</summary>
    public bool Scorable => Type.IsNumeric || Type.Kind is LogicalTypeKind.Timestamp or LogicalTypeKind.Date or LogicalTypeKind.Bool;

    /// <summary>Digits of the typical score (integer scores are listpack integers).</summary>
    public int ScoreDigits => Type.Kind switch
    {
        LogicalTypeKind.Timestamp => 13,
        LogicalTypeKind.Date => 5,
        LogicalTypeKind.Bool => 1,
        _ when Type.IsInteger => Bytes,
        _ => 20, // a fraction: the score's text form ("%.17g"), never an integer encoding
    };
}

/// <summary>The columns of an entity or junction in Redis: key columns, generated columns and attributes, with their stored widths.</summary>
internal static class RedisColumns
{
    /// <summary>Characters of a double or float as the application writes it (shortest round-trip text of a typical reading).</summary>
    private const int DoubleText = 10;
    private const int FloatText = 6;

    public static IReadOnlyList<RedisColumn> Of(DbRequirement requirement, EntitySpec entity, Func<string, long> idDigits)
    {
        var columns = EntityColumns.Of(requirement, entity);
        return columns.Select(c => Build(requirement, c, entity.Attributes.FirstOrDefault(a => a.Name == c.Name && c.Origin == ColumnOrigin.Attribute), ReferencedEntity(requirement, entity, c), idDigits)).ToArray();
    }

    public static IReadOnlyList<RedisColumn> OfJunction(DbRequirement requirement, RelationshipSpec relationship, Func<string, long> idDigits)
    {
        var (from, to) = ImplicitColumns.JunctionColumns(relationship);
        return EntityColumns.OfJunction(requirement, relationship)
            .Select(c => Build(requirement, c, relationship.Attributes.FirstOrDefault(a => a.Name == c.Name && c.Origin == ColumnOrigin.Attribute),
                c.Name == from ? relationship.From : c.Name == to ? relationship.To : c.Origin == ColumnOrigin.Tenant ? EntityColumns.TenantEntityName : null, idDigits))
            .ToArray();
    }

    private static string? ReferencedEntity(DbRequirement requirement, EntitySpec entity, EntityColumn column)
    {
        if (column.Origin == ColumnOrigin.PrimaryKey)
        {
            return entity.Name;
        }

        if (column.Origin == ColumnOrigin.Tenant)
        {
            return EntityColumns.TenantEntityName;
        }

        return column.Origin != ColumnOrigin.ForeignKey
            ? null
            : RequirementLookups.Into(requirement.Relationships, entity.Name).FirstOrDefault(r => r.Kind != RelationshipKind.ManyToMany
                && ImplicitColumns.SameKey(ImplicitColumns.ForeignKeyColumn(r), column.Name))?.From;
    }

    private static RedisColumn Build(DbRequirement requirement, EntityColumn column, AttributeSpec? attribute, string? referenced, Func<string, long> idDigits)
    {
        var field = RedisKeys.Segment(Naming.Apply(requirement.Conventions.Naming, column.Name));
        var type = column.Origin switch
        {
            ColumnOrigin.Attribute => attribute!.Type,
            ColumnOrigin.CreatedAt or ColumnOrigin.UpdatedAt or ColumnOrigin.DeletedAt => LogicalType.Timestamp,
            _ => requirement.Conventions.PrimaryKey == PrimaryKeyKind.Uuid ? LogicalType.Uuid : LogicalType.BigInt,
        };
        var nullable = attribute is { Required: false } || column.Origin == ColumnOrigin.DeletedAt;
        var model = new Column(column.Name, type, nullable, attribute?.Default, column.Origin == ColumnOrigin.DeletedAt ? ColumnRole.DeletedAt : ColumnRole.Attribute, KeyGeneration.None, null, null)
        {
            Profile = attribute is { AverageLength: not null } or { NullShare: not null }
                ? new ValueProfile(attribute.AverageLength, attribute.NullShare, attribute.ProfileSource ?? "the requirements")
                : null,
        };
        var values = TypicalValues.Default;
        var (bytes, integer) = type.Kind switch
        {
            LogicalTypeKind.Uuid => (36, false),
            LogicalTypeKind.BigInt or LogicalTypeKind.Int when referenced is not null => ((int)idDigits(referenced), true),
            LogicalTypeKind.SmallInt => (1, true),
            LogicalTypeKind.Int => (3, true),
            LogicalTypeKind.BigInt => (6, true),
            LogicalTypeKind.Decimal => (values.DecimalIntegerDigits + 1 + type.Scale!.Value, false),
            LogicalTypeKind.Money => (values.DecimalIntegerDigits + 1 + 4, false),
            LogicalTypeKind.Float => (FloatText, false),
            LogicalTypeKind.Double => (DoubleText, false),
            LogicalTypeKind.Bool => (1, true),
            LogicalTypeKind.Date => (10, false),
            LogicalTypeKind.Time => (8, false),
            LogicalTypeKind.Timestamp => (13, true),
            LogicalTypeKind.Array => (2 + (values.ArrayElements * (ElementBytes(type.Element!, values) + 3)), false),
            LogicalTypeKind.Enum => (values.Characters(type), false),
            _ => (Math.Max(1, values.Size(model)), false),
        };
        return new RedisColumn(column.Name, field, type, column.Origin, bytes, integer, values.NullShare(model)) { References = referenced };
    }

    private static int ElementBytes(LogicalType element, TypicalValues values) => element.IsTextual ? values.Characters(element) : element.IsNumeric ? 4 : 8;
}
