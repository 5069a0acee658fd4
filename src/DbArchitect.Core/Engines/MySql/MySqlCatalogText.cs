using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>information_schema texts back into the neutral model: COLUMN_TYPE, COLUMN_DEFAULT, key expressions.</summary>
internal static partial class MySqlCatalogText
{
    /// <summary>
    /// The comparable spelling of a column type: lower case, integer display widths dropped (int(11) = int, but
    /// tinyint(1) is the boolean), aliases resolved; on MariaDB JSON is LONGTEXT.
    /// </summary>
    public static string CanonicalType(string nativeType, MySqlDialect dialect)
    {
        var text = Regex.Replace(nativeType.Trim().ToLowerInvariant(), @"\s+", " ");
        text = Regex.Replace(text, @"\s*\(\s*", "(").Replace(" )", ")", StringComparison.Ordinal).Replace(", ", ",", StringComparison.Ordinal);
        text = text switch
        {
            "bool" or "boolean" => "tinyint(1)",
            "integer" => "int",
            "double precision" or "real" => "double",
            "json" when dialect.IsMariaDb => "longtext",
            _ => text,
        };
        return text == "tinyint(1)" ? text : DisplayWidth().Replace(text, "$1");
    }

    public static LogicalType Logical(string canonical, bool json)
    {
        if (json)
        {
            return LogicalType.Json;
        }

        var match = Regex.Match(canonical, @"^([a-z]+)(?:\((\d+)(?:,(\d+))?\))?");
        int? First() => match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        var second = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return (canonical == "tinyint(1)" ? "bool" : match.Groups[1].Value) switch
        {
            "bool" => LogicalType.Bool,
            "varchar" => LogicalType.String(First() ?? 255),
            "char" => LogicalType.Char(First() ?? 1),
            "tinytext" or "text" or "mediumtext" or "longtext" => LogicalType.Text,
            "tinyint" or "smallint" => LogicalType.SmallInt,
            "mediumint" or "int" => LogicalType.Int,
            "bigint" => LogicalType.BigInt,
            "decimal" or "numeric" => LogicalType.Decimal(First() ?? 10, second),
            "float" => LogicalType.Simple(LogicalTypeKind.Float),
            "double" => LogicalType.Simple(LogicalTypeKind.Double),
            "date" => LogicalType.Simple(LogicalTypeKind.Date),
            "time" => LogicalType.Simple(LogicalTypeKind.Time),
            "datetime" or "timestamp" => LogicalType.Timestamp,
            "json" => LogicalType.Json,
            "uuid" => LogicalType.Uuid,
            "binary" when First() == 16 => LogicalType.Uuid,
            "blob" or "longblob" or "mediumblob" or "tinyblob" or "binary" or "varbinary" => LogicalType.Simple(LogicalTypeKind.Binary),
            _ => LogicalType.Text,
        };
    }

    /// <summary>COLUMN_DEFAULT as the neutral default. MariaDB writes NULL as the text NULL and quotes string literals.</summary>
    public static DefaultSpec? Default(string? expression, bool json)
    {
        if (expression is null || expression == "NULL")
        {
            return null;
        }

        var text = expression.Trim();
        var bare = text.Trim('(', ')').ToLowerInvariant();
        if (bare.StartsWith("current_timestamp", StringComparison.Ordinal) || bare.StartsWith("now", StringComparison.Ordinal)
            || bare.StartsWith("curdate", StringComparison.Ordinal) || bare.StartsWith("current_date", StringComparison.Ordinal)
            || bare.StartsWith("curtime", StringComparison.Ordinal) || bare.StartsWith("current_time", StringComparison.Ordinal))
        {
            return new DefaultSpec(DefaultKind.Now, null);
        }

        if (text.Contains("uuid()", StringComparison.OrdinalIgnoreCase))
        {
            return new DefaultSpec(DefaultKind.RandomUuid, null);
        }

        if (Quoted().Match(text) is { Success: true } quoted)
        {
            var value = quoted.Groups["v"].Value.Replace("''", "'", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            return new DefaultSpec(json ? DefaultKind.Json : DefaultKind.Literal, value);
        }

        return new DefaultSpec(DefaultKind.Literal, text);
    }

    /// <summary>A functional key part (MySQL 8 STATISTICS.EXPRESSION): lower(`column`) is the neutral Lower expression.</summary>
    public static IndexExpression? Expression(string text) =>
        Regex.Match(text, @"^lower\(`((?:[^`]|``)+)`\)$", RegexOptions.IgnoreCase) is { Success: true } m
            ? new IndexExpression(IndexExpressionKind.Lower, new[] { m.Groups[1].Value.Replace("``", "`", StringComparison.Ordinal) }, null)
            : null;

    /// <summary>The first column a CHECK clause names (the design's checks are each on one column).</summary>
    public static string CheckColumn(string clause) =>
        Regex.Match(clause, "`((?:[^`]|``)+)`") is { Success: true } m ? m.Groups[1].Value.Replace("``", "`", StringComparison.Ordinal) : string.Empty;

    [GeneratedRegex(@"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)")]
    private static partial Regex DisplayWidth();

    [GeneratedRegex(@"^\(?'(?<v>(?:[^'\\]|''|\\.)*)'\)?$", RegexOptions.Singleline)]
    private static partial Regex Quoted();
}
