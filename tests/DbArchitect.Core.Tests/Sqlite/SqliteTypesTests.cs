using DbArchitect.Core.Engines.Sqlite;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Requirements.Reading;

namespace DbArchitect.Core.Tests.Sqlite;

public sealed class SqliteTypesTests
{
    private readonly SqliteTypes _types = new();

    [Theory]
    [InlineData("uuid", "TEXT")]
    [InlineData("string(200)", "TEXT")]
    [InlineData("int", "INTEGER")]
    [InlineData("bigint", "INTEGER")]
    [InlineData("money", "INTEGER")]
    [InlineData("decimal(12,2)", "INTEGER")]
    [InlineData("decimal(30,10)", "TEXT")]
    [InlineData("double", "REAL")]
    [InlineData("bool", "INTEGER")]
    [InlineData("timestamp", "TEXT")]
    [InlineData("json", "TEXT")]
    [InlineData("binary", "BLOB")]
    [InlineData("array of int", "TEXT")]
    public void Maps_every_logical_type_to_a_strict_storage_class(string logical, string expected)
    {
        var type = LogicalTypeParser.Parse(logical, out _)!;
        var mapped = _types.Map(type);
        Assert.Equal(expected, mapped.Sql);
        Assert.Contains(mapped.Sql, new[] { "INTEGER", "REAL", "TEXT", "BLOB" });
    }

    [Fact]
    public void Money_keeps_four_decimals_as_integer_units_and_says_why()
    {
        Assert.Equal(4, SqliteTypes.IntegerScale(LogicalType.Money));
        Assert.Contains("exact", _types.Map(LogicalType.Money).Reason!, StringComparison.Ordinal);
        Assert.Equal("99900", SqliteWriter.Literal("9.99", LogicalType.Money));
        Assert.Equal("1250", SqliteWriter.Literal("12.5", LogicalType.Decimal(12, 2)));
        Assert.Throws<InvalidOperationException>(() => SqliteWriter.Literal("0.001", LogicalType.Decimal(12, 2)));
    }

    [Fact]
    public void Literals_are_in_the_stored_form()
    {
        Assert.Equal("1", SqliteWriter.Literal("true", LogicalType.Bool));
        Assert.Equal("'2024-05-01T10:00:00.000Z'", SqliteWriter.Literal("2024-05-01T12:00:00+02:00", LogicalType.Timestamp));
        Assert.Equal("'it''s'", SqliteWriter.Literal("it's", LogicalType.Text));
        Assert.Equal("('a' || char(10) || 'b')", SqliteWriter.String("a\nb"));
    }
}
