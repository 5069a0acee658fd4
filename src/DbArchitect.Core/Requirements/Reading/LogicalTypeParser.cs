using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Parses the logical type text of an attribute: "string(200)", "Decimal( 12 , 2 )", "enum(a, 'b c')", "array of int".</summary>
internal static partial class LogicalTypeParser
{
    public const int MaxLength = 10485760;
    public const int MaxPrecision = 1000;

    public static readonly IReadOnlyList<string> TypeNames = new[]
    {
        "uuid", "string", "text", "char", "smallint", "int", "bigint", "decimal", "money", "float", "double", "bool",
        "date", "time", "timestamp", "json", "binary", "email", "url", "enum", "array",
    };

    private const string Forms =
        "Types: uuid, string(n), text, char(n), smallint, int, bigint, decimal(p,s), money, float, double, bool, date, time, "
        + "timestamp, json, binary, email, url, enum(a, b, ...), array of T.";

    /// <summary>Familiar names from SQL engines and the format's word for them, used only for hints.</summary>
    private static readonly IReadOnlyDictionary<string, string> Synonyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["integer"] = "int", ["int4"] = "int", ["int8"] = "bigint", ["int2"] = "smallint", ["tinyint"] = "smallint",
        ["boolean"] = "bool", ["varchar"] = "string(n)", ["nvarchar"] = "string(n)", ["character varying"] = "string(n)",
        ["datetime"] = "timestamp", ["datetime2"] = "timestamp", ["timestamptz"] = "timestamp", ["numeric"] = "decimal(p,s)",
        ["number"] = "decimal(p,s)", ["real"] = "float", ["double precision"] = "double", ["blob"] = "binary", ["bytea"] = "binary",
        ["jsonb"] = "json", ["guid"] = "uuid", ["uniqueidentifier"] = "uuid", ["varbinary"] = "binary", ["nchar"] = "char(n)",
    };

    [GeneratedRegex(@"^array(?:\s+of\b\s*(?<element>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ArrayPattern();

    [GeneratedRegex(@"^(?<name>[^()]*?)\s*(?:\((?<args>.*)\))?$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static LogicalType? Parse(string text, out ReadProblem? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        var array = ArrayPattern().Match(trimmed);
        if (array.Success && (array.Groups["element"].Success || trimmed.Length == "array".Length))
        {
            var elementText = array.Groups["element"].Value.Trim();
            if (elementText.Length == 0)
            {
                problem = Arguments($"The type '{text}' has no element type.", "Write 'array of T', for example 'array of string(50)' or 'array of int'.");
                return null;
            }

            var element = Parse(elementText, out problem);
            if (element is null)
            {
                return null;
            }

            if (element.Kind == LogicalTypeKind.Array)
            {
                problem = Arguments($"The type '{text}' is an array of arrays, which the format does not support.",
                    "Use 'array of T' with a non-array T, or json for nested lists.");
                return null;
            }

            return LogicalType.ArrayOf(element);
        }

        return ParseScalar(trimmed, text, out problem);
    }

    private static LogicalType? ParseScalar(string trimmed, string written, out ReadProblem? problem)
    {
        problem = null;
        var match = NamePattern().Match(trimmed);
        if (!match.Success)
        {
            var open = trimmed.IndexOf('(', StringComparison.Ordinal);
            var head = open > 0 ? trimmed[..open].Trim() : trimmed;
            if (open > 0 && TypeNames.Contains(head, StringComparer.OrdinalIgnoreCase))
            {
                problem = Arguments($"The arguments of type '{written}' are not closed with ')'.", "Write the arguments in one pair of parentheses, e.g. string(200), decimal(12,2).");
            }
            else
            {
                problem = Unknown(head.Length == 0 ? written : head, written);
            }

            return null;
        }

        var name = Regex.Replace(match.Groups["name"].Value, @"\s+", " ").ToLowerInvariant();
        var hasArgs = match.Groups["args"].Success;
        var args = match.Groups["args"].Value;
        if (name == "array")
        {
            problem = Arguments($"The type '{written}' is not a valid array.", "Write 'array of T', for example 'array of int'.");
            return null;
        }

        if (!TypeNames.Contains(name, StringComparer.Ordinal))
        {
            problem = Unknown(name, written);
            return null;
        }

        switch (name)
        {
            case "string":
            case "char":
                return ParseLength(name, args, hasArgs, written, out problem);
            case "decimal":
                return ParseDecimal(args, hasArgs, written, out problem);
            case "enum":
                return ParseEnum(args, hasArgs, written, out problem);
            default:
                if (hasArgs)
                {
                    problem = Arguments($"The type '{written}' has arguments, but {name} takes none.", $"Write just '{name}'.");
                    return null;
                }

                return LogicalType.Simple(Enum.Parse<LogicalTypeKind>(name, ignoreCase: true));
        }
    }

    private static LogicalType? ParseLength(string name, string args, bool hasArgs, string written, out ReadProblem? problem)
    {
        problem = null;
        if (!hasArgs)
        {
            problem = Arguments($"The type '{written}' has no length.",
                name == "string"
                    ? "Write string(n) with the maximum length, e.g. string(200), or use text for text without a limit."
                    : "Write char(n) with the fixed length, e.g. char(2).");
            return null;
        }

        if (!int.TryParse(args.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 1 || length > MaxLength)
        {
            problem = Arguments($"The length in '{written}' must be a whole number from 1 to {MaxLength}.",
                $"Write {name}(n) with 1 <= n <= {MaxLength}, e.g. {name}(50)" + (name == "string" ? ", or use text for text without a limit." : "."));
            return null;
        }

        return name == "string" ? LogicalType.String(length) : LogicalType.Char(length);
    }

    private static LogicalType? ParseDecimal(string args, bool hasArgs, string written, out ReadProblem? problem)
    {
        problem = null;
        const string fix = "Write decimal(p,s) with precision 1 <= p <= 1000 and scale 0 <= s <= p, e.g. decimal(12,2); or use money.";
        if (!hasArgs)
        {
            problem = Arguments($"The type '{written}' has no precision and scale.", fix);
            return null;
        }

        var parts = args.Split(',');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var precision))
        {
            problem = Arguments($"The arguments of '{written}' are not two whole numbers.", fix);
            return null;
        }

        var scale = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out scale))
        {
            problem = Arguments($"The arguments of '{written}' are not two whole numbers.", fix);
            return null;
        }

        if (precision < 1 || precision > MaxPrecision || scale > precision)
        {
            problem = Arguments($"'{written}' is not a valid decimal: precision must be 1 to {MaxPrecision} and scale 0 to the precision.", fix);
            return null;
        }

        return LogicalType.Decimal(precision, scale);
    }

    private static LogicalType? ParseEnum(string args, bool hasArgs, string written, out ReadProblem? problem)
    {
        problem = null;
        if (!hasArgs || args.Trim().Length == 0)
        {
            problem = new ReadProblem(ErrorIds.EmptyEnum, $"The type '{written}' lists no values.",
                "List the allowed values in the parentheses, e.g. enum(active, suspended, closed).");
            return null;
        }

        var values = SplitValues(args, out var error);
        if (values is null)
        {
            problem = Arguments($"The values of '{written}' cannot be read: {error}.",
                "Separate values with commas; write each as a bare word or in quotes, e.g. enum(active, 'on hold').");
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                problem = new ReadProblem(ErrorIds.DuplicateEnumValue, $"The type '{written}' lists '{value}' more than once.",
                    $"List each value once: remove the second '{value}'.");
                return null;
            }
        }

        return LogicalType.Enum(values);
    }

    /// <summary>Splits "a, 'b c', \"d\"" into values; quotes are removed and '' inside single quotes is one quote.</summary>
    internal static List<string>? SplitValues(string args, out string? error)
    {
        error = null;
        var values = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < args.Length && char.IsWhiteSpace(args[i]))
            {
                i++;
            }

            var value = new StringBuilder();
            if (i < args.Length && args[i] is '\'' or '"')
            {
                var quote = args[i++];
                var closed = false;
                while (i < args.Length)
                {
                    if (args[i] == quote)
                    {
                        if (i + 1 < args.Length && args[i + 1] == quote)
                        {
                            value.Append(quote);
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    value.Append(args[i++]);
                }

                if (!closed)
                {
                    error = "a quoted value is not closed";
                    return null;
                }

                if (value.Length == 0)
                {
                    error = "a value is empty";
                    return null;
                }

                while (i < args.Length && char.IsWhiteSpace(args[i]))
                {
                    i++;
                }
            }
            else
            {
                while (i < args.Length && args[i] != ',')
                {
                    if (args[i] is '\'' or '"' or '(' or ')')
                    {
                        error = $"the character {args[i]} appears inside a bare value (quote the whole value)";
                        return null;
                    }

                    value.Append(args[i++]);
                }

                var bare = value.ToString().Trim();
                if (bare.Length == 0)
                {
                    error = "a value is empty";
                    return null;
                }

                value.Clear().Append(bare);
            }

            values.Add(value.ToString());
            if (i >= args.Length)
            {
                return values;
            }

            if (args[i] != ',')
            {
                error = "values must be separated by commas";
                return null;
            }

            i++;
        }
    }

    private static ReadProblem Arguments(string message, string fix) => new(ErrorIds.InvalidTypeArguments, message, fix);

    private static ReadProblem Unknown(string name, string written)
    {
        var hint = Synonyms.TryGetValue(name.Trim(), out var synonym) ? synonym : Suggestions.Closest(name, TypeNames);
        return new ReadProblem(ErrorIds.UnknownType,
            $"Unknown type '{written}'." + (hint is null ? string.Empty : $" Did you mean '{hint}'?"),
            (hint is null ? string.Empty : $"Use '{hint}'. ") + Forms);
    }
}
