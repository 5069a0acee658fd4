using DbArchitect.Core.Engines;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Tests.Indexing;

/// <summary>Advice keeps neutral index values and asks the engine how to say them; the engine's words are stable bytes.</summary>
public sealed class IndexSpellingTests
{
    private static IIndexSpelling Of(string engine) => EngineRegistry.Get(engine).IndexAdvice!.Spelling;

    private static IndexDefinition Trigram(string table, string column) =>
        new(table, new[] { new AdvisedKey(column, KeyFunction.None, null, false, KeyMatch.Trigram) }, Array.Empty<string>(), IndexStructure.Inverted, Array.Empty<PredicateTest>(), false, null);

    [Fact]
    public void PostgreSqlSpellsTheSignatureKeysAndNameAsAdviceAlwaysHas()
    {
        var pg = Of("postgresql");
        var index = Trigram("product", "name");
        var day = new AdvisedKey("created_at", KeyFunction.DateTrunc, "day", true, KeyMatch.Ordinary);

        Assert.Equal("product (name trgm) using gin", index.Signature(pg));
        Assert.Equal("ix_product_name_gin", index.SuggestedName(pg, 63));
        Assert.Equal("date_trunc('day', created_at) desc", day.Text(pg));
        Assert.Equal("doc jsonb_path_ops", new AdvisedKey("doc", KeyFunction.None, null, false, KeyMatch.Containment).Text(pg));
    }

    [Fact]
    public void ALongNamesHashSuffixComesFromTheEnginesSignature()
    {
        var index = Trigram("a_table_with_a_rather_long_name", "and_a_column_with_an_even_longer_name");
        var pg = index.SuggestedName(Of("postgresql"), 40);
        var neutral = index.SuggestedName(IIndexSpelling.Neutral, 40);

        Assert.Equal(40, pg.Length);
        Assert.NotEqual(pg, neutral);
        Assert.Equal(pg, index.SuggestedName(Of("postgresql"), 40));
    }

    [Theory]
    [InlineData("postgresql")]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    [InlineData("sqlserver")]
    [InlineData("oracle")]
    [InlineData("sqlite")]
    public void EveryRelationalEngineCallsItsOrderedIndexesBtree(string engine) =>
        Assert.Equal("btree", Of(engine).Method(IndexStructure.Ordered));

    [Fact]
    public void MySqlReportsAFullTextIndexAsFulltextNotAsPostgreSqlsGin()
    {
        Assert.Equal("fulltext", Of("mysql").Method(IndexStructure.Inverted));
        Assert.Equal("fulltext", Of("mariadb").Method(IndexStructure.Inverted));
    }

    [Fact]
    public void TheNeutralWordsNameNoEngine()
    {
        var neutral = IIndexSpelling.Neutral;
        Assert.Equal("product (name trigram) using inverted", Trigram("product", "name").Signature(neutral));
        Assert.Equal("day(created_at)", new AdvisedKey("created_at", KeyFunction.DateTrunc, "day", false, KeyMatch.Ordinary).Text(neutral));
        Assert.Equal("name trigram", new IndexKey("name", null, false, KeyMatch.Trigram).ToString());
        Assert.Equal("doc containment desc", new IndexKey("doc", null, true, KeyMatch.Containment).ToString());
    }
}
