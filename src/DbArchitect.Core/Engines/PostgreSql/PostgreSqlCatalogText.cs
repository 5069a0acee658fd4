using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Reads the catalog's texts back into the neutral model: format_type names into logical types, column default
/// expressions into defaults, index key and predicate texts into keys and column tests.
/// </summary>
internal static partial class PostgreSqlCatalogText
{
    private const string Ident = "\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer", ["int4"] = "integer", ["int2"] = "smallint", ["int8"] = "bigint", ["bool"] = "boolean",
        ["float8"] = "double precision", ["float4"] = "real", ["float"] = "double precision", ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone", ["time"] = "time without time zone", ["timetz"] = "time with time zone",
        ["varchar"] = "character varying", ["char"] = "character", ["decimal"] = "numeric", ["serial"] = "integer", ["bigserial"] = "bigint",
    };

    /// <summary>format_type's spelling of a declared type: varchar(200) → character varying(200), timestamptz → timestamp with time zone.</summary>
    public static string CanonicalType(string nativeType)
    {
        var text = Regex.Replace(nativeType.Trim().ToLowerInvariant(), @"\s+", " ");
        text = Regex.Replace(text, @"\s*\(\s*", "(");
        text = Regex.Replace(text, @"\s*,\s*", ",");
        text = Regex.Replace(text, @"\s*\)", ")");
        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            return CanonicalType(text[..^2]) + "[]";
        }

        var match = Regex.Match(text, @"^([a-z0-9_ ]+?)(\(.*\))?$");
        if (!match.Success)
        {
            return text;
        }

        var name = match.Groups[1].Value;
        var arguments = match.Groups[2].Value;
        if (Aliases.TryGetValue(name, out var canonical))
        {
            name = canonical;
        }

        // A time or timestamp precision goes between the name and the zone words.
        if (arguments.Length > 0 && (name.StartsWith("timestamp ", StringComparison.Ordinal) || name.StartsWith("time ", StringComparison.Ordinal)))
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            return name[..space] + arguments + name[space..];
        }

        return name + arguments;
    }

    public static LogicalType Logical(string canonicalType)
    {
        if (canonicalType.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = Logical(canonicalType[..^2]);
            return element.Kind == LogicalTypeKind.Array ? element : LogicalType.ArrayOf(element);
        }

        var match = Regex.Match(canonicalType, @"^([a-z ]+?)(?:\((\d+)(?:,(\d+))?\))?((?: with| without) time zone)?$");
        var name = match.Success ? match.Groups[1].Value + match.Groups[4].Value : canonicalType;
        int? First() => match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        int Second() => match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return name switch
        {
            "character varying" => First() is { } length ? LogicalType.String(length) : LogicalType.Text,
            "character" => LogicalType.Char(First() ?? 1),
            "text" or "citext" or "name" => LogicalType.Text,
            "smallint" => LogicalType.SmallInt,
            "integer" => LogicalType.Int,
            "bigint" => LogicalType.BigInt,
            "numeric" => First() is { } precision ? LogicalType.Decimal(precision, Second()) : LogicalType.Decimal(38, 10),
            "real" => LogicalType.Simple(LogicalTypeKind.Float),
            "double precision" => LogicalType.Simple(LogicalTypeKind.Double),
            "boolean" => LogicalType.Bool,
            "date" => LogicalType.Simple(LogicalTypeKind.Date),
            "time without time zone" or "time with time zone" => LogicalType.Simple(LogicalTypeKind.Time),
            "timestamp without time zone" or "timestamp with time zone" => LogicalType.Timestamp,
            "json" or "jsonb" => LogicalType.Json,
            "bytea" => LogicalType.Simple(LogicalTypeKind.Binary),
            "uuid" => LogicalType.Uuid,
            _ => LogicalType.Text,
        };
    }

    /// <summary>A column default expression as the neutral default; serial's nextval() counts as identity.</summary>
    public static (DefaultSpec? Default, KeyGeneration Generation) Default(string? expression, string canonicalType)
    {
        if (expression is null)
        {
            return (null, KeyGeneration.None);
        }

        var text = expression.Trim();
        if (text.StartsWith("nextval(", StringComparison.Ordinal))
        {
            return (null, KeyGeneration.Identity);
        }

        if (text is "gen_random_uuid()" or "uuid_generate_v4()")
        {
            return (new DefaultSpec(DefaultKind.RandomUuid, null), KeyGeneration.None);
        }

        if (text is "now()" or "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "LOCALTIME" or "LOCALTIMESTAMP" or "CURRENT_TIME"
            or "statement_timestamp()" or "transaction_timestamp()" or "clock_timestamp()")
        {
            return (new DefaultSpec(DefaultKind.Now, null), KeyGeneration.None);
        }

        if (QuotedLiteral().Match(text) is { Success: true } quoted)
        {
            var value = quoted.Groups["v"].Value.Replace("''", "'", StringComparison.Ordinal);
            return canonicalType is "jsonb" or "json"
                ? (new DefaultSpec(DefaultKind.Json, value), KeyGeneration.None)
                : (new DefaultSpec(DefaultKind.Literal, value), KeyGeneration.None);
        }

        if (NumberOrBool().Match(text) is { Success: true } plain)
        {
            return (new DefaultSpec(DefaultKind.Literal, plain.Groups["v"].Value), KeyGeneration.None);
        }

        return (new DefaultSpec(DefaultKind.Literal, text), KeyGeneration.None);
    }

    /// <summary>One key text of pg_get_indexdef(index, n, true): a column, lower(column) or a full-text document.</summary>
    public static IndexKey? Key(string text, bool descending, string operatorClass)
    {
        var opclass = operatorClass switch
        {
            "gin_trgm_ops" or "gist_trgm_ops" => KeyMatch.Trigram,
            "jsonb_path_ops" => KeyMatch.Containment,
            _ => KeyMatch.Ordinary,
        };
        if (Regex.Match(text, $"^(?<c>{Ident})$") is { Success: true } column)
        {
            return new IndexKey(Unquote(column.Groups["c"].Value), null, descending, opclass);
        }

        if (Regex.Match(text, $@"^lower\(\(?(?<c>{Ident})\)?(?:::text)?\)$") is { Success: true } lower)
        {
            return new IndexKey(null, new IndexExpression(IndexExpressionKind.Lower, new[] { Unquote(lower.Groups["c"].Value) }, null), descending, opclass);
        }

        if (Regex.Match(text, @"^to_tsvector\('(?<l>[^']+)'::regconfig,") is { Success: true } fullText)
        {
            var columns = Regex.Matches(text, $@"COALESCE\(\(?(?<c>{Ident})\)?(?:::[a-z ]+)?,").Select(m => Unquote(m.Groups["c"].Value)).ToArray();
            return columns.Length == 0
                ? null
                : new IndexKey(null, new IndexExpression(IndexExpressionKind.FullText, columns, fullText.Groups["l"].Value), descending, opclass);
        }

        return null;
    }

    /// <summary>A partial index predicate made only of IS [NOT] NULL tests joined by AND; null for anything else.</summary>
    public static IndexPredicate? Predicate(string text)
    {
        var tests = new List<ColumnTest>();
        foreach (var part in Regex.Split(text, " AND ", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            var test = Regex.Match(part.Trim().Trim('(', ')'), $"^(?<c>{Ident}) IS (?<not>NOT )?NULL$");
            if (!test.Success)
            {
                return null;
            }

            tests.Add(new ColumnTest(Unquote(test.Groups["c"].Value), test.Groups["not"].Success ? PredicateKind.IsNotNull : PredicateKind.IsNull));
        }

        return new IndexPredicate(tests);
    }

    public static string Unquote(string identifier) =>
        identifier.Length > 1 && identifier[0] == '"' ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    [GeneratedRegex(@"^'(?<v>(?:[^']|'')*)'(?:::[a-z][a-z0-9_ ""(),.\[\]]*)?$")]
    private static partial Regex QuotedLiteral();

    [GeneratedRegex(@"^\(?(?<v>-?\d+(?:\.\d+)?|true|false)\)?(?:::[a-z][a-z0-9_ (),]*)?$")]
    private static partial Regex NumberOrBool();
}
