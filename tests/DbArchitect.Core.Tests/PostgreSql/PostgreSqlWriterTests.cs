using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.PostgreSql;

public sealed class PostgreSqlWriterTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("a -- b; c", "'a -- b; c'")]
    [InlineData("back\\slash", "'back\\slash'")]
    [InlineData("line\nbreak", "'line\nbreak'")]
    [InlineData("ünïcödé ✓", "'ünïcödé ✓'")]
    public void StringLiteralsUseStandardQuotingWithQuotesDoubled(string value, string expected) =>
        Assert.Equal(expected, PostgreSqlWriter.String(value));

    [Fact]
    public void StringsWithCarriageReturnsUseTheEscapeFormSoFilesKeepLfEndings() =>
        Assert.Equal("E'a\\r\\nb\\\\c\\'d\\x01'", PostgreSqlWriter.String("a\r\nb\\c'd\u0001"));

    [Fact]
    public void NulCannotBeALiteral() =>
        Assert.Throws<InvalidOperationException>(() => PostgreSqlWriter.String("a\0b"));

    [Theory]
    [InlineData("0", "int", "0")]
    [InlineData("-12", "int", "-12")]
    [InlineData("+7", "bigint", "7")]
    [InlineData("12.50", "money", "12.50")]
    [InlineData("-1.5e3", "double", "-1.5e3")]
    [InlineData("yes", "bool", "true")]
    [InlineData("FALSE", "bool", "false")]
    [InlineData("it's", "text", "'it''s'")]
    [InlineData("2024-02-29", "date", "'2024-02-29'::date")]
    [InlineData("2024-02-29T10:00:00Z", "timestamp", "'2024-02-29T10:00:00Z'::timestamptz")]
    public void LiteralsAreTypedForTheColumn(string value, string type, string expected)
    {
        var logical = LogicalType.Simple(Enum.Parse<LogicalTypeKind>(type, ignoreCase: true));
        Assert.Equal(expected, PostgreSqlWriter.Literal(value, logical, new PostgreSqlTypes().Map(logical).Sql));
    }

    [Theory]
    [InlineData("0; DROP TABLE x", "int")]
    [InlineData("1 OR 1=1", "money")]
    [InlineData("1.5", "int")]
    [InlineData("maybe", "bool")]
    [InlineData("not-a-uuid", "uuid")]
    [InlineData("1\n", "int")]
    public void InvalidLiteralsAreRefusedNotSpliced(string value, string type)
    {
        var logical = LogicalType.Simple(Enum.Parse<LogicalTypeKind>(type, ignoreCase: true));
        Assert.Throws<InvalidOperationException>(() => PostgreSqlWriter.Literal(value, logical, "x"));
    }

    [Fact]
    public void ArrayDefaultsBecomeTypedArrayConstructors()
    {
        var type = LogicalType.ArrayOf(LogicalType.Text);
        Assert.Equal("ARRAY['a', 'it''s']::text[]", PostgreSqlWriter.Literal("[\"a\",\"it's\"]", type, "text[]"));
        Assert.Equal("'{}'::text[]", PostgreSqlWriter.Literal("[]", type, "text[]"));
        Assert.Equal("ARRAY[1, -2]::integer[]", PostgreSqlWriter.Literal("[1,-2]", LogicalType.ArrayOf(LogicalType.Int), "integer[]"));
    }

    [Fact]
    public void DollarQuotingPicksATagTheBodyDoesNotContain() =>
        Assert.Equal("$fn2$\nx $fn$ y\n$fn2$", PostgreSqlWriter.DollarQuoted("x $fn$ y\n", "fn"));
}
