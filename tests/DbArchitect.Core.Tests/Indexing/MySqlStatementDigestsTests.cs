using DbArchitect.Core.Engines.MySql;

namespace DbArchitect.Core.Tests.Indexing;

public sealed class MySqlStatementDigestsTests
{
    [Fact]
    public void DigestPlaceholdersBecomeLiteralsTheServerCanExplain()
    {
        Assert.Equal("SELECT `o` . `id` FROM `orders` `o` WHERE `o` . `customer_id` = '1' AND `o` . `status` IN ('1') AND `o` . `note` = '?' ORDER BY `o` . `created_at` DESC LIMIT 1",
            MySqlStatementDigests.Explainable("SELECT `o` . `id` FROM `orders` `o` WHERE `o` . `customer_id` = ? AND `o` . `status` IN (...) AND `o` . `note` = '?' ORDER BY `o` . `created_at` DESC LIMIT ?"));
        Assert.EndsWith("LIMIT 1, 1", MySqlStatementDigests.Explainable("SELECT * FROM `t` LIMIT ?, ?"), StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedDigestsAreNotExplained() =>
        Assert.Null(MySqlStatementDigests.Explainable("SELECT `a` , `b` , `c` FROM `t` WHERE `a` = ? AND `b` ..."));

    [Fact]
    public void TheDigestQueryReadsSamplesOnlyWhereTheServerKeepsThem()
    {
        Assert.Contains("QUERY_SAMPLE_TEXT AS sample_text", MySqlStatementDigests.Sql(true), StringComparison.Ordinal);
        Assert.Contains("NULL AS sample_text", MySqlStatementDigests.Sql(false), StringComparison.Ordinal);
        Assert.Contains("WHERE SCHEMA_NAME = DATABASE()", MySqlStatementDigests.Sql(false), StringComparison.Ordinal);
    }
}
