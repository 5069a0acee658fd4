using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

public sealed class DefaultParsingTests
{
    private static DefaultSpec? DefaultOf(string type, string defaultYaml) =>
        ReadValid(WithAttributes($"{{ name: c, type: \"{type}\", default: {defaultYaml} }}")).Entities[0].Attributes[0].Default;

    private static void Refused(string type, string defaultYaml) =>
        Single(Read(WithAttributes($"{{ name: c, type: \"{type}\", default: {defaultYaml} }}")), "InvalidDefault");

    [Theory]
    [InlineData("smallint", "-32768", "-32768")]
    [InlineData("int", "+42", "42")]
    [InlineData("bigint", "9223372036854775807", "9223372036854775807")]
    [InlineData("decimal(5,2)", "123.45", "123.45")]
    [InlineData("decimal(5,2)", "007.5", "7.5")]
    [InlineData("money", "19.9900", "19.9900")]
    [InlineData("float", "1e3", "1000")]
    [InlineData("double", "-0.25", "-0.25")]
    [InlineData("bool", "TRUE", "true")]
    [InlineData("enum(low, high)", "high", "high")]
    [InlineData("string(5)", "abcde", "abcde")]
    [InlineData("char(2)", "NL", "NL")]
    [InlineData("string(3)", "顧客様", "顧客様")]
    [InlineData("email", "nobody@example.com", "nobody@example.com")]
    [InlineData("date", "2024-02-29", "2024-02-29")]
    [InlineData("time", "23:59:59.5", "23:59:59.5")]
    [InlineData("timestamp", "2024-01-31T13:45:00+02:00", "2024-01-31T13:45:00+02:00")]
    [InlineData("uuid", "0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("array of int", "[1, 2, 3]", "[1,2,3]")]
    [InlineData("array of string(10)", "[a, 'b c']", "[\"a\",\"b c\"]")]
    [InlineData("array of bool", "[]", "[]")]
    public void LiteralDefaultsAreValidatedAndNormalized(string type, string written, string stored)
    {
        Assert.Equal(new DefaultSpec(DefaultKind.Literal, stored), DefaultOf(type, written));
    }

    [Theory]
    [InlineData("timestamp", "now")]
    [InlineData("timestamp", "CURRENT_TIMESTAMP")]
    [InlineData("date", "current_date")]
    [InlineData("time", "now")]
    public void CurrentTimeWordsBecomeNow(string type, string written)
    {
        Assert.Equal(new DefaultSpec(DefaultKind.Now, null), DefaultOf(type, written));
    }

    [Fact]
    public void RandomOnUuidBecomesRandomUuid()
    {
        Assert.Equal(new DefaultSpec(DefaultKind.RandomUuid, null), DefaultOf("uuid", "random"));
    }

    [Theory]
    [InlineData("{ theme: dark, size: 12, on: true, none: ~, tags: [a, '1'] }", "{\"theme\":\"dark\",\"size\":12,\"on\":true,\"none\":null,\"tags\":[\"a\",\"1\"]}")]
    [InlineData("'{ \"a\" : [1, 2.5] }'", "{\"a\":[1,2.5]}")]
    [InlineData("[]", "[]")]
    [InlineData("{ quote: \"it's -- ; fine\" }", "{\"quote\":\"it's -- ; fine\"}")]
    public void JsonDefaultsBecomeCompactJson(string written, string json)
    {
        Assert.Equal(new DefaultSpec(DefaultKind.Json, json), DefaultOf("json", written));
    }

    [Theory]
    [InlineData("smallint", "32768")]
    [InlineData("int", "1.5")]
    [InlineData("int", "12abc")]
    [InlineData("decimal(5,2)", "1.234")]
    [InlineData("decimal(5,2)", "1234.5")]
    [InlineData("money", "1.23456")]
    [InlineData("float", "fast")]
    [InlineData("float", "1e39")]
    [InlineData("bool", "yes")]
    [InlineData("enum(low, high)", "medium")]
    [InlineData("string(3)", "abcd")]
    [InlineData("date", "2023-02-29")]
    [InlineData("date", "31/01/2024")]
    [InlineData("time", "25:00")]
    [InlineData("timestamp", "2024-01-31")]
    [InlineData("uuid", "not-a-uuid")]
    [InlineData("json", "'{ broken'")]
    [InlineData("json", "plain words")]
    [InlineData("array of int", "[1, x]")]
    [InlineData("array of int", "1")]
    [InlineData("int", "[1]")]
    [InlineData("binary", "'00ff'")]
    [InlineData("date", "random")]
    [InlineData("uuid", "now")]
    public void DefaultsThatDoNotFitTheTypeAreInvalidDefault(string type, string written)
    {
        Refused(type, written);
    }

    [Fact]
    public void InvalidDefaultFixSaysWhatFits()
    {
        var error = Single(Read(WithAttributes("{ name: c, type: \"decimal(5,2)\", default: 1.234 }")), "InvalidDefault");
        Assert.Contains("2 after the decimal point", error.Fix, StringComparison.Ordinal);
    }
}
