using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>Which <see cref="KeyEncoding"/> a logical type takes in a key, for equality and for order.</summary>
internal static class KeyEncodings
{
    /// <summary>The encoding that makes key order the value's order; null when the type cannot be ordered in a key.</summary>
    public static KeyEncoding? ForOrder(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt => KeyEncoding.Integer,
        LogicalTypeKind.Decimal or LogicalTypeKind.Money or LogicalTypeKind.Float or LogicalTypeKind.Double => KeyEncoding.Decimal,
        LogicalTypeKind.Timestamp => KeyEncoding.Timestamp,
        LogicalTypeKind.Date => KeyEncoding.Date,
        LogicalTypeKind.Enum => KeyEncoding.EnumPosition,
        LogicalTypeKind.Bool => KeyEncoding.Boolean,
        LogicalTypeKind.Json or LogicalTypeKind.Array or LogicalTypeKind.Binary => null,
        _ => KeyEncoding.Text,
    };

    /// <summary>Equality needs only a stable text: typed values keep their canonical form, text stays text.</summary>
    public static KeyEncoding ForEquality(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.Enum => KeyEncoding.Text,
        _ => ForOrder(type) ?? KeyEncoding.Text,
    };

    /// <summary>True when the descending form of the encoding exists (complemented digits); text has none.</summary>
    public static bool CanDescend(KeyEncoding encoding) => encoding != KeyEncoding.Text;

    /// <summary>The DynamoDB attribute type of a value of the logical type.</summary>
    public static string AttributeType(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt or LogicalTypeKind.Decimal
            or LogicalTypeKind.Money or LogicalTypeKind.Float or LogicalTypeKind.Double => "N",
        LogicalTypeKind.Bool => "BOOL",
        LogicalTypeKind.Json => "M",
        LogicalTypeKind.Array => "L",
        LogicalTypeKind.Binary => "B",
        _ => "S",
    };
}
