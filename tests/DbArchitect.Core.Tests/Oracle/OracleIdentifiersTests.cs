using DbArchitect.Core.Engines.Oracle;

namespace DbArchitect.Core.Tests.Oracle;

public sealed class OracleIdentifiersTests
{
    private readonly OracleIdentifiers _rules = new();

    [Theory]
    [InlineData("customer_id", "CUSTOMER_ID")]
    [InlineData("CUSTOMER_ID", "CUSTOMER_ID")]
    [InlineData("order", "\"ORDER\"")]
    [InlineData("user", "\"USER\"")]
    [InlineData("level", "\"LEVEL\"")]
    [InlineData("size", "\"SIZE\"")]
    [InlineData("comment", "\"COMMENT\"")]
    [InlineData("uid", "\"UID\"")]
    [InlineData("session", "\"SESSION\"")]
    [InlineData("resource", "\"RESOURCE\"")]
    [InlineData("CustomerOrder", "\"CustomerOrder\"")]
    [InlineData("catégorie produit", "\"catégorie produit\"")]
    [InlineData("price$net", "\"price$net\"")]
    [InlineData("1st", "\"1st\"")]
    public void SimpleNamesFoldToUpperCaseAndOthersAreQuotedAsWritten(string name, string expected) =>
        Assert.Equal(expected, _rules.Quote(name));

    [Fact]
    public void NamesAreLimitedTo128BytesNotCharacters()
    {
        Assert.Equal(128, _rules.MaxIdentifierBytes);
        Assert.Equal(new string('a', 128).ToUpperInvariant(), _rules.Quote(new string('a', 128)));
        Assert.Throws<ArgumentException>(() => _rules.Quote(new string('a', 129)));
        Assert.Throws<ArgumentException>(() => _rules.Quote(new string('é', 65))); // 130 bytes in UTF-8
    }

    [Fact]
    public void DoubleQuotesCannotBePartOfAnOracleName() =>
        Assert.Throws<ArgumentException>(() => _rules.Quote("a\"b"));

    [Fact]
    public void NamesAreUniqueIgnoringCaseBecauseUnquotedNamesFold() => Assert.False(_rules.CaseSensitive);

    [Fact]
    public void EmbeddedReservedWordListHoldsOraclesCommonTraps()
    {
        foreach (var word in new[] { "ORDER", "USER", "GROUP", "LEVEL", "SIZE", "COMMENT", "DATE", "NUMBER", "RESOURCE", "ACCESS", "UID", "SESSION", "ROWID", "MINUS" })
        {
            Assert.True(_rules.NeedsQuoting(word.ToLowerInvariant()), word);
        }

        Assert.False(_rules.NeedsQuoting("customer"));
    }

    [Fact]
    public void DictionaryNameIsWhatUserTablesShows()
    {
        Assert.Equal("ORDER", OracleIdentifiers.DictionaryName("order"));
        Assert.Equal("Mixed", OracleIdentifiers.DictionaryName("Mixed"));
    }
}
