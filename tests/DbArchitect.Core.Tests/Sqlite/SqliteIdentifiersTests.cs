using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.Sqlite;

namespace DbArchitect.Core.Tests.Sqlite;

public sealed class SqliteIdentifiersTests
{
    private readonly SqliteIdentifiers _rules = new();

    [Theory]
    [InlineData("customer", "customer")]
    [InlineData("OrderLine", "OrderLine")]
    [InlineData("_x1", "_x1")]
    [InlineData("order", "\"order\"")]
    [InlineData("GROUP", "\"GROUP\"")]
    [InlineData("rowid", "\"rowid\"")]
    [InlineData("1st", "\"1st\"")]
    [InlineData("first name", "\"first name\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("größe", "\"größe\"")]
    public void Quotes_only_key_words_and_names_outside_plain_ascii(string name, string expected) =>
        Assert.Equal(expected, _rules.Quote(name));

    [Fact]
    public void Names_are_case_insensitive_and_capped_at_255_bytes()
    {
        Assert.False(_rules.CaseSensitive);
        Assert.Equal(255, _rules.MaxIdentifierBytes);
        Assert.Throws<ArgumentException>(() => _rules.Quote(new string('a', 256)));
        Assert.Equal(new string('a', 255), _rules.Quote(new string('a', 255)));
    }

    [Fact]
    public void Long_names_are_shortened_deterministically_within_the_cap()
    {
        var name = string.Concat(Enumerable.Repeat("very_long_table_name_", 20));
        var first = IdentifierShortener.Shorten(name, _rules.MaxIdentifierBytes);
        Assert.Equal(first, IdentifierShortener.Shorten(name, _rules.MaxIdentifierBytes));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(first) <= 255);
        Assert.NotEqual(name, first);
    }

    [Fact]
    public void Rejects_empty_and_nul_names()
    {
        Assert.Throws<ArgumentException>(() => _rules.Quote(string.Empty));
        Assert.Throws<ArgumentException>(() => _rules.Quote("a\0b"));
    }
}
