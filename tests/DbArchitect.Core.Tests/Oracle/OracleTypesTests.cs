using DbArchitect.Core.Engines.Oracle;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Oracle;

public sealed class OracleTypesTests
{
    private readonly OracleTypes _v19 = new(OracleTarget.Oracle19c);
    private readonly OracleTypes _v23 = new(OracleTarget.Oracle23ai);

    [Theory]
    [InlineData(LogicalTypeKind.Uuid, "RAW(16)")]
    [InlineData(LogicalTypeKind.BigInt, "NUMBER(19)")]
    [InlineData(LogicalTypeKind.Int, "NUMBER(10)")]
    [InlineData(LogicalTypeKind.SmallInt, "NUMBER(5)")]
    [InlineData(LogicalTypeKind.Text, "CLOB")]
    [InlineData(LogicalTypeKind.Money, "NUMBER(19,4)")]
    [InlineData(LogicalTypeKind.Float, "BINARY_FLOAT")]
    [InlineData(LogicalTypeKind.Double, "BINARY_DOUBLE")]
    [InlineData(LogicalTypeKind.Bool, "NUMBER(1)")]
    [InlineData(LogicalTypeKind.Timestamp, "TIMESTAMP WITH TIME ZONE")]
    [InlineData(LogicalTypeKind.Date, "DATE")]
    [InlineData(LogicalTypeKind.Json, "CLOB")]
    [InlineData(LogicalTypeKind.Binary, "BLOB")]
    [InlineData(LogicalTypeKind.Email, "VARCHAR2(320 CHAR)")]
    public void Oracle19cTypes(LogicalTypeKind kind, string expected)
    {
        var mapped = _v19.Map(LogicalType.Simple(kind));
        Assert.Equal(expected, mapped.Sql);
        Assert.False(string.IsNullOrEmpty(mapped.Reason));
    }

    [Fact]
    public void Oracle23aiHasBooleanAndJson()
    {
        Assert.Equal("BOOLEAN", _v23.Map(LogicalType.Bool).Sql);
        Assert.Equal("JSON", _v23.Map(LogicalType.Json).Sql);
        Assert.Equal("JSON", _v23.Map(LogicalType.ArrayOf(LogicalType.Int)).Sql);
    }

    [Fact]
    public void StringsUseCharacterSemanticsAndBecomeClobPast4000()
    {
        Assert.Equal("VARCHAR2(200 CHAR)", _v19.Map(LogicalType.String(200)).Sql);
        Assert.Equal("CLOB", _v19.Map(LogicalType.String(5000)).Sql);
        Assert.Contains("'' as NULL", _v19.Map(LogicalType.String(200)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumsAreSizedToTheLongestValueAndArraysAreJson()
    {
        Assert.Equal("VARCHAR2(9 CHAR)", _v19.Map(LogicalType.Enum(new[] { "active", "suspended" })).Sql);
        Assert.Equal("CLOB", _v19.Map(LogicalType.ArrayOf(LogicalType.String(20))).Sql);
    }

    [Fact]
    public void UuidReasonSaysSysGuidIsNotRandom() =>
        Assert.Contains("not random", _v19.Map(LogicalType.Uuid).Reason, StringComparison.Ordinal);

    [Fact]
    public void LiteralsAreOracleSpellings()
    {
        Assert.Equal("1", OracleWriter.Literal("true", LogicalType.Bool, "NUMBER(1)"));
        Assert.Equal("FALSE", OracleWriter.Literal("false", LogicalType.Bool, "BOOLEAN"));
        Assert.Equal("HEXTORAW('0123456789ABCDEF0123456789ABCDEF')", OracleWriter.Literal("01234567-89ab-cdef-0123-456789abcdef", LogicalType.Uuid, "RAW(16)"));
        Assert.Equal("DATE '2024-02-29'", OracleWriter.Literal("2024-02-29", LogicalType.Simple(LogicalTypeKind.Date), "DATE"));
        Assert.Equal("'it''s' || CHR(10) || 'two'", OracleWriter.String("it's\ntwo"));
        Assert.Equal("BINARY_DOUBLE_NAN", OracleWriter.Literal("NaN", LogicalType.Simple(LogicalTypeKind.Double), "BINARY_DOUBLE"));
    }
}
