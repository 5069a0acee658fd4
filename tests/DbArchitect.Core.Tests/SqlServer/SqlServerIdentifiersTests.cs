using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.SqlServer;

public sealed class SqlServerIdentifiersTests
{
    private static readonly SqlServerIdentifiers Rules = new();

    [Theory]
    [InlineData("order", "[order]")]
    [InlineData("customer", "[customer]")]
    [InlineData("a]b", "[a]]b]")]
    [InlineData("Mixed Case", "[Mixed Case]")]
    [InlineData("\"quoted\"", "[\"quoted\"]")]
    public void QuoteBracketsAndDoublesClosingBrackets(string name, string expected) => Assert.Equal(expected, Rules.Quote(name));

    [Theory]
    [InlineData("order", true)]
    [InlineData("SELECT", true)]
    [InlineData("user", true)]
    [InlineData("customer", false)]
    [InlineData("1abc", true)]
    [InlineData("has space", true)]
    public void ReservedWordsAndOddNamesNeedQuoting(string name, bool expected) => Assert.Equal(expected, Rules.NeedsQuoting(name));

    [Fact]
    public void NamesAreCaseInsensitiveAndLimitedTo128()
    {
        Assert.False(Rules.CaseSensitive);
        Assert.Equal(128, Rules.MaxIdentifierBytes);
        Assert.Throws<ArgumentException>(() => Rules.Quote(new string('a', 129)));
    }

    [Fact]
    public void LongNamesAreShortenedDeterministicallyWithinTheLimit()
    {
        var longName = new string('x', 200) + "_table";
        var first = IdentifierShortener.Shorten(longName, Rules.MaxIdentifierBytes);
        Assert.Equal(first, IdentifierShortener.Shorten(longName, Rules.MaxIdentifierBytes));
        Assert.True(first.Length <= 128);
        Assert.Equal("[" + first + "]", Rules.Quote(first));
    }

    [Theory]
    [InlineData("uuid", "UNIQUEIDENTIFIER")]
    [InlineData("string(200)", "NVARCHAR(200)")]
    [InlineData("string(5000)", "NVARCHAR(MAX)")]
    [InlineData("text", "NVARCHAR(MAX)")]
    [InlineData("money", "DECIMAL(19,4)")]
    [InlineData("timestamp", "DATETIMEOFFSET(7)")]
    [InlineData("bool", "BIT")]
    [InlineData("json", "NVARCHAR(MAX)")]
    [InlineData("binary", "VARBINARY(MAX)")]
    [InlineData("bigint", "BIGINT")]
    public void LogicalTypesMapToSqlServerTypes(string logical, string expected)
    {
        var type = logical switch
        {
            "string(200)" => LogicalType.String(200),
            "string(5000)" => LogicalType.String(5000),
            "binary" => LogicalType.Simple(LogicalTypeKind.Binary),
            _ => LogicalType.Simple(Enum.Parse<LogicalTypeKind>(logical, ignoreCase: true)),
        };
        Assert.Equal(expected, new SqlServerTypes().Map(type).Sql);
    }

    [Fact]
    public void MoneyIsNeverTheMoneyTypeAndSaysWhy()
    {
        var money = new SqlServerTypes().Map(LogicalType.Money);
        Assert.DoesNotContain("MONEY", money.Sql, StringComparison.Ordinal);
        Assert.Contains("round", money.Reason!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EnumsAndArraysAreTextWithChecks()
    {
        var types = new SqlServerTypes();
        Assert.Equal("NVARCHAR(9)", types.Map(LogicalType.Enum(new[] { "pending", "cancelled" })).Sql);
        Assert.Equal("NVARCHAR(MAX)", types.Map(LogicalType.ArrayOf(LogicalType.Int)).Sql);
    }

    [Fact]
    public void GeneratedUuidKeysUseNewSequentialIdAndJsonColumnsGetAnIsJsonCheck()
    {
        var tables = SqlServerDesigns.Scripts(SqlServerModels.Named("shop")).Single(s => s.Name == "002_tables.sql").Text;
        Assert.Contains("[id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [df_customer_id] DEFAULT (NEWSEQUENTIALID())", tables, StringComparison.Ordinal);
        Assert.Contains("CHECK (ISJSON([preferences]) = 1)", tables, StringComparison.Ordinal);
        Assert.Contains("PRIMARY KEY CLUSTERED", tables, StringComparison.Ordinal);
    }
}
