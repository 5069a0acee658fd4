using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Engines.PostgreSql;

public enum TypeChangeKind
{
    /// <summary>Binary coercible (varchar(n) → varchar(m ≥ n) or text, numeric precision up at the same scale): catalog only, no rewrite.</summary>
    InPlace,

    /// <summary>Every value fits the new type but the table would be rewritten (integer → bigint): a new column and a dual-write trigger.</summary>
    Widening,

    /// <summary>Values may not fit (shorter, smaller, different kind): can lose data.</summary>
    Narrowing,
}

/// <summary>Classifies a column type change by what PostgreSQL 15 does with it.</summary>
internal static partial class PostgreSqlTypeChange
{
    private static readonly string[] Integers = { "smallint", "integer", "bigint" };

    public static TypeChangeKind Classify(string from, string to)
    {
        var (a, b) = (PostgreSqlCatalogText.CanonicalType(from), PostgreSqlCatalogText.CanonicalType(to));
        if (Varchar(a) is { } fromLength && (b == "text" || b == "character varying" || (Varchar(b) is { } toLength && toLength >= fromLength)))
        {
            return TypeChangeKind.InPlace;
        }

        if (a == "character varying" && b == "text")
        {
            return TypeChangeKind.InPlace;
        }

        if (Numeric(a) is { } n1 && Numeric(b) is { } n2 && n1.Scale == n2.Scale && n2.Precision >= n1.Precision)
        {
            return TypeChangeKind.InPlace;
        }

        var (i1, i2) = (Array.IndexOf(Integers, a), Array.IndexOf(Integers, b));
        if (i1 >= 0 && (i2 > i1 || (i2 < 0 && (b == "numeric" || Numeric(b) is { } n && n.Precision - n.Scale >= 19 || b == "text"))))
        {
            return TypeChangeKind.Widening;
        }

        if (a is "real" && b is "double precision" || a is "timestamp without time zone" && b is "timestamp with time zone" || b == "text")
        {
            return TypeChangeKind.Widening;
        }

        return TypeChangeKind.Narrowing;
    }

    private static int? Varchar(string type) =>
        VarcharPattern().Match(type) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static (int Precision, int Scale)? Numeric(string type) =>
        NumericPattern().Match(type) is { Success: true } m
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0)
            : null;

    [GeneratedRegex(@"^character varying\((\d+)\)$")]
    private static partial Regex VarcharPattern();

    [GeneratedRegex(@"^numeric\((\d+)(?:,(\d+))?\)$")]
    private static partial Regex NumericPattern();
}
