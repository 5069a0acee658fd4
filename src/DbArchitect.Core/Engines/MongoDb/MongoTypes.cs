using System.Globalization;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Logical types to the document family's value types and to MongoDB's bsonType names, with the rules a type implies
/// (string(n) at most n characters, char(n) exactly n, smallint's range, an e-mail or URL shape) and the rules a
/// check states. The one place MongoDB's type names are written.
/// </summary>
internal static class MongoTypes
{
    /// <summary>A deliberately loose shape: one @ between non-blank parts (the application verifies by sending mail).</summary>
    public const string EmailPattern = "^[^@\\s]+@[^@\\s]+$";

    public const string UrlPattern = "^[A-Za-z][A-Za-z0-9+.-]*://\\S+$";

    public const string TimePattern = "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$";

    public static DocumentValueType Of(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.Uuid => DocumentValueType.Uuid,
        LogicalTypeKind.SmallInt or LogicalTypeKind.Int => DocumentValueType.Int32,
        LogicalTypeKind.BigInt => DocumentValueType.Int64,
        // money and decimal keep exact cents: decimal128, never a binary double.
        LogicalTypeKind.Decimal or LogicalTypeKind.Money => DocumentValueType.Decimal128,
        LogicalTypeKind.Float or LogicalTypeKind.Double => DocumentValueType.Double,
        LogicalTypeKind.Bool => DocumentValueType.Boolean,
        LogicalTypeKind.Date or LogicalTypeKind.Timestamp => DocumentValueType.Date,
        LogicalTypeKind.Json => DocumentValueType.Object,
        LogicalTypeKind.Binary => DocumentValueType.Binary,
        LogicalTypeKind.Array => DocumentValueType.Array,
        _ => DocumentValueType.String,
    };

    /// <summary>MongoDB's bsonType alias of a value type (UUIDs are binData of subtype 4).</summary>
    public static string BsonType(DocumentValueType type) => type switch
    {
        DocumentValueType.Int32 => "int",
        DocumentValueType.Int64 => "long",
        DocumentValueType.Double => "double",
        DocumentValueType.Decimal128 => "decimal",
        DocumentValueType.Boolean => "bool",
        DocumentValueType.Date => "date",
        DocumentValueType.ObjectId => "objectId",
        DocumentValueType.Uuid or DocumentValueType.Binary => "binData",
        DocumentValueType.Object or DocumentValueType.Point => "object",
        DocumentValueType.Array => "array",
        _ => "string",
    };

    /// <summary>The rules the type itself implies.</summary>
    public static FieldRules RulesOf(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.String => new FieldRules { MaxLength = type.Length },
        LogicalTypeKind.Char => new FieldRules { MinLength = type.Length, MaxLength = type.Length },
        LogicalTypeKind.Email => new FieldRules { Pattern = EmailPattern, MaxLength = 320 },
        LogicalTypeKind.Url => new FieldRules { Pattern = UrlPattern },
        LogicalTypeKind.Time => new FieldRules { Pattern = TimePattern },
        LogicalTypeKind.SmallInt => new FieldRules { Minimum = short.MinValue, Maximum = short.MaxValue },
        LogicalTypeKind.Enum => new FieldRules { Enum = type.EnumValues },
        _ => FieldRules.None,
    };

    /// <summary>
    /// <paramref name="rules"/> narrowed by a check's conditions. Conditions $jsonSchema cannot state for this type (a
    /// bound on a date, a length on a number) are returned in <paramref name="unexpressed"/>, for the decision's reason.
    /// </summary>
    public static FieldRules WithCheck(FieldRules rules, LogicalType type, CheckSpec? check, List<string> unexpressed)
    {
        if (check is null)
        {
            return rules;
        }

        foreach (var condition in check.Conditions)
        {
            var narrowed = Apply(rules, type, condition);
            if (narrowed is null)
            {
                unexpressed.Add(condition.ToString());
            }
            else
            {
                rules = narrowed;
            }
        }

        return rules;
    }

    private static FieldRules? Apply(FieldRules rules, LogicalType type, CheckCondition condition)
    {
        var values = condition.Values;
        if (condition.Operator == CheckOperator.Matches)
        {
            return type.IsTextual && rules.Pattern is null ? rules with { Pattern = values[0] } : null;
        }

        if (condition.OnLength)
        {
            if (!type.IsTextual || !AllIntegers(values))
            {
                return null;
            }

            var n = values.Select(v => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
            return condition.Operator switch
            {
                CheckOperator.GreaterOrEqual => rules with { MinLength = Max(rules.MinLength, n[0]) },
                CheckOperator.Greater => rules with { MinLength = Max(rules.MinLength, checked(n[0] + 1)) },
                CheckOperator.LessOrEqual => rules with { MaxLength = Min(rules.MaxLength, n[0]) },
                CheckOperator.Less => rules with { MaxLength = Min(rules.MaxLength, checked(n[0] - 1)) },
                CheckOperator.Equal => rules with { MinLength = n[0], MaxLength = n[0] },
                CheckOperator.Between => rules with { MinLength = Max(rules.MinLength, n[0]), MaxLength = Min(rules.MaxLength, n[1]) },
                _ => null,
            };
        }

        if (condition.Operator == CheckOperator.In)
        {
            return rules with { Enum = values };
        }

        if (condition.Operator is CheckOperator.Equal or CheckOperator.NotEqual && !type.IsNumeric)
        {
            return condition.Operator == CheckOperator.Equal ? rules with { Enum = values } : rules with { NotEnum = values };
        }

        if (!type.IsNumeric || !values.All(v => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var d = values.Select(v => decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        return condition.Operator switch
        {
            CheckOperator.GreaterOrEqual => rules with { Minimum = d[0], ExclusiveMinimum = false },
            CheckOperator.Greater => rules with { Minimum = d[0], ExclusiveMinimum = true },
            CheckOperator.LessOrEqual => rules with { Maximum = d[0], ExclusiveMaximum = false },
            CheckOperator.Less => rules with { Maximum = d[0], ExclusiveMaximum = true },
            CheckOperator.Between => rules with { Minimum = d[0], ExclusiveMinimum = false, Maximum = d[1], ExclusiveMaximum = false },
            CheckOperator.Equal => rules with { Enum = values },
            CheckOperator.NotEqual => rules with { NotEnum = values },
            _ => null,
        };
    }

    private static bool AllIntegers(IReadOnlyList<string> values) =>
        values.All(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0);

    private static int Max(int? current, int value) => current is { } c ? Math.Max(c, value) : value;

    private static int Min(int? current, int value) => current is { } c ? Math.Min(c, value) : value;
}
