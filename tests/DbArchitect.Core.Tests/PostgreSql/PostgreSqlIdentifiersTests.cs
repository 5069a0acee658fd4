using DbArchitect.Core.Engines.PostgreSql;

namespace DbArchitect.Core.Tests.PostgreSql;

public sealed class PostgreSqlIdentifiersTests
{
    private readonly PostgreSqlIdentifiers _rules = new();

    [Theory]
    [InlineData("order")]
    [InlineData("user")]
    [InlineData("group")]
    [InlineData("select")]
    [InlineData("table")]
    [InlineData("check")]
    [InlineData("default")]
    [InlineData("limit")]
    [InlineData("offset")]
    [InlineData("column")]
    [InlineData("primary")]
    [InlineData("references")]
    [InlineData("time")]
    [InlineData("timestamp")]
    [InlineData("position")]
    [InlineData("values")]
    [InlineData("between")]
    [InlineData("int")]
    [InlineData("char")]
    [InlineData("left")]
    [InlineData("authorization")]
    [InlineData("current_user")]
    public void KeywordsThatCannotBeColumnNamesAreQuoted(string keyword)
    {
        Assert.True(_rules.NeedsQuoting(keyword));
        Assert.Equal("\"" + keyword + "\"", _rules.Quote(keyword));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("status")]
    [InlineData("comment")]
    [InlineData("type")]
    [InlineData("year")]
    [InlineData("key")]
    [InlineData("_private")]
    [InlineData("customer_id2")]
    public void PlainLowerCaseNamesAndUnreservedKeywordsStayBare(string name)
    {
        Assert.False(_rules.NeedsQuoting(name));
        Assert.Equal(name, _rules.Quote(name));
    }

    [Theory]
    [InlineData("Customer", "\"Customer\"")]
    [InlineData("orderId", "\"orderId\"")]
    [InlineData("größe", "\"größe\"")]
    [InlineData("客户", "\"客户\"")]
    [InlineData("2fa", "\"2fa\"")]
    [InlineData("with space", "\"with space\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("dollar$", "\"dollar$\"")]
    public void MixedCaseUnicodeAndOddNamesAreQuotedWithEmbeddedQuotesDoubled(string name, string expected) =>
        Assert.Equal(expected, _rules.Quote(name));

    [Fact]
    public void TheKeywordListHasAllPostgreSql15KeywordsThatForceQuoting() =>
        Assert.Equal(77 + 23 + 51, PostgreSqlKeywords.Count);

    [Fact]
    public void NamesLongerThan63BytesAreRefusedRatherThanSilentlyTruncated()
    {
        Assert.Equal(63, _rules.MaxIdentifierBytes);
        Assert.Throws<ArgumentException>(() => _rules.Quote(new string('a', 64)));
        Assert.Throws<ArgumentException>(() => _rules.Quote(new string('ü', 32)));
        Assert.Equal(new string('a', 63), _rules.Quote(new string('a', 63)));
    }

    [Fact]
    public void EmptyNamesAreRefused() => Assert.Throws<ArgumentException>(() => _rules.Quote(string.Empty));
}
