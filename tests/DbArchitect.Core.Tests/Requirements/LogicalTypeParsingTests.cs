using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

public sealed class LogicalTypeParsingTests
{
    private static LogicalType TypeOf(string type) =>
        ReadValid(WithAttributes($"{{ name: c, type: \"{type}\" }}")).Entities[0].Attributes[0].Type;

    [Theory]
    [InlineData("uuid", "uuid")]
    [InlineData("String ( 200 )", "string(200)")]
    [InlineData("TEXT", "text")]
    [InlineData("char(2)", "char(2)")]
    [InlineData("string(10485760)", "string(10485760)")]
    [InlineData("smallint", "smallint")]
    [InlineData("Int", "int")]
    [InlineData("bigint", "bigint")]
    [InlineData("decimal( 12 , 2 )", "decimal(12,2)")]
    [InlineData("decimal(1000,1000)", "decimal(1000,1000)")]
    [InlineData("decimal(10)", "decimal(10,0)")]
    [InlineData("money", "money")]
    [InlineData("float", "float")]
    [InlineData("double", "double")]
    [InlineData("bool", "bool")]
    [InlineData("date", "date")]
    [InlineData("time", "time")]
    [InlineData("timestamp", "timestamp")]
    [InlineData("json", "json")]
    [InlineData("binary", "binary")]
    [InlineData("email", "email")]
    [InlineData("url", "url")]
    [InlineData("array of int", "array of int")]
    [InlineData("ARRAY  OF  String(20)", "array of string(20)")]
    [InlineData("enum(a, b)", "enum(a, b)")]
    public void TypesAreReadCaseInsensitiveAndWhitespaceTolerant(string written, string canonical)
    {
        Assert.Equal(canonical, TypeOf(written).ToString());
    }

    [Fact]
    public void EnumValuesMayBeQuotedWithCommasAndSpacesInside()
    {
        var type = TypeOf("enum(on hold, 'a, b', \\\"it''s\\\", 'it''s')");
        Assert.Equal(new[] { "on hold", "a, b", "it''s", "it's" }, type.EnumValues);
    }

    [Fact]
    public void ArrayOfEnumKeepsTheElement()
    {
        var type = TypeOf("array of enum(red, green)");
        Assert.Equal(LogicalTypeKind.Array, type.Kind);
        Assert.Equal(new[] { "red", "green" }, type.Element!.EnumValues);
    }

    [Theory]
    [InlineData("integer", "int")]
    [InlineData("boolean", "bool")]
    [InlineData("varchar(20)", "string(n)")]
    [InlineData("datetime", "timestamp")]
    [InlineData("jsn", "json")]
    [InlineData("timestmp", "timestamp")]
    public void UnknownTypesSuggestTheFormatsWord(string written, string hint)
    {
        var result = Read(WithAttributes($"{{ name: c, type: \"{written}\" }}"));
        var error = Single(result, "UnknownType");
        Assert.Contains($"Did you mean '{hint}'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTypeWithNothingCloseListsAllTypes()
    {
        var error = Single(Read(WithAttributes("{ name: c, type: hyperloglog }")), "UnknownType");
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("decimal(p,s)", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enum(a,,b)")]
    [InlineData("enum('a)")]
    [InlineData("enum(a b' c)")]
    [InlineData("array")]
    [InlineData("array of")]
    [InlineData("decimal(a,b)")]
    [InlineData("decimal(0,0)")]
    [InlineData("decimal(1001,2)")]
    [InlineData("char(0)")]
    public void MalformedArgumentsAreInvalidTypeArguments(string written)
    {
        Single(Read(WithAttributes($"{{ name: c, type: \"{written}\" }}")), "InvalidTypeArguments");
    }
}
