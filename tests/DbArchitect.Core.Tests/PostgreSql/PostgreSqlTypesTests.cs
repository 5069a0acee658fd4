using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.PostgreSql;

public sealed class PostgreSqlTypesTests
{
    private readonly PostgreSqlTypes _types = new();

    public static TheoryData<string, string> Mappings => new()
    {
        { "uuid", "uuid" },
        { "string(200)", "varchar(200)" },
        { "text", "text" },
        { "char(3)", "char(3)" },
        { "smallint", "smallint" },
        { "int", "integer" },
        { "bigint", "bigint" },
        { "decimal(12,2)", "numeric(12,2)" },
        { "money", "numeric(19,4)" },
        { "float", "real" },
        { "double", "double precision" },
        { "bool", "boolean" },
        { "date", "date" },
        { "time", "time" },
        { "timestamp", "timestamptz" },
        { "json", "jsonb" },
        { "binary", "bytea" },
        { "email", "varchar(320)" },
        { "url", "varchar(2048)" },
        { "enum(a, b)", "text" },
        { "array of int", "integer[]" },
        { "array of string(20)", "varchar(20)[]" },
        { "array of enum(x, y)", "text[]" },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void EachLogicalTypeMapsToItsNativeType(string logical, string native) =>
        Assert.Equal(native, _types.Map(Parse(logical)).Sql);

    [Theory]
    [InlineData("money", "lc_monetary")]
    [InlineData("timestamp", "time zone")]
    [InlineData("json", "GIN")]
    [InlineData("email", "RFC 5321")]
    [InlineData("enum(a, b)", "ALTER TYPE")]
    [InlineData("char(3)", "blank")]
    public void TradeOffsCarryTheirReason(string logical, string fragment) =>
        Assert.Contains(fragment, _types.Map(Parse(logical)).Reason, StringComparison.Ordinal);

    private static LogicalType Parse(string text)
    {
        if (text.StartsWith("array of ", StringComparison.Ordinal))
        {
            return LogicalType.ArrayOf(Parse(text["array of ".Length..]));
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return LogicalType.Simple(Enum.Parse<LogicalTypeKind>(text, ignoreCase: true));
        }

        var args = text[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        return text[..open] switch
        {
            "string" => LogicalType.String(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture)),
            "char" => LogicalType.Char(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture)),
            "decimal" => LogicalType.Decimal(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
            _ => LogicalType.Enum(args),
        };
    }
}
