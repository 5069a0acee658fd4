using DbArchitect.Core.Engines.MySql.Health;

namespace DbArchitect.Core.Tests.Health;

/// <summary>UNUSED_FULLTEXT_INDEX decides use from statement digests: MATCH over exactly the index's columns on its table.</summary>
public sealed class FulltextSearchMatchTests
{
    [Theory]
    [InlineData("SELECT COUNT ( * ) FROM `a` WHERE MATCH ( BODY ) AGAINST (?) ", "a", "body")]
    [InlineData("SELECT * FROM `shop` . `docs` `d` WHERE MATCH ( `d` . `body` , `d` . `title` ) AGAINST ( ? IN BOOLEAN MODE ) ", "docs", "title,body")]
    [InlineData("SELECT `id` FROM `docs` WHERE MATCH(`title`,`body`) AGAINST (?)", "docs", "title,body")]
    [InlineData("BEGIN SELECT COUNT(*) FROM ft_proc WHERE MATCH (body) AGAINST (q); END", "ft_proc", "body")]
    public void A_match_over_the_index_columns_on_its_table_is_a_use(string statement, string table, string columns)
    {
        Assert.True(MySqlUnusedFulltextIndex.Searches(statement, table, columns.Split(',')));
    }

    [Theory]
    [InlineData("SELECT COUNT ( * ) FROM `a2` WHERE MATCH ( BODY ) AGAINST (?) ", "a", "body")]
    [InlineData("SELECT COUNT ( * ) FROM `a` WHERE MATCH ( `title` ) AGAINST (?) ", "a", "body")]
    [InlineData("SELECT * FROM `docs` WHERE MATCH ( `title` ) AGAINST (?) ", "docs", "title,body")]
    [InlineData("SELECT * FROM `docs` WHERE `body` LIKE ? ", "docs", "body")]
    [InlineData("SELECT * FROM `notes_docs` WHERE MATCH ( `body` ) AGAINST (?) ", "docs", "body")]
    public void Another_table_other_columns_or_no_match_is_not_a_use(string statement, string table, string columns)
    {
        Assert.False(MySqlUnusedFulltextIndex.Searches(statement, table, columns.Split(',')));
    }
}
