using static DbArchitect.Core.Tests.Lint.LintAssert;

namespace DbArchitect.Core.Tests.Lint;

public sealed class MySqlLintTests
{
    private const string Timeout = "SET SESSION lock_wait_timeout = 5;\n";

    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMN c int;", "require-online-alter")]
    [InlineData("ALTER TABLE t MODIFY COLUMN c bigint NOT NULL;", "changing-column-type")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES p (id), ALGORITHM=INPLACE, LOCK=NONE;", "adding-foreign-key-constraint")]
    [InlineData("CREATE INDEX ix ON t (c);", "require-concurrent-index-creation")]
    [InlineData("DROP TABLE IF EXISTS `t`;", "ban-drop-table")]
    [InlineData("ALTER TABLE t DROP COLUMN c, ALGORITHM=INSTANT;", "ban-drop-column")]
    [InlineData("DROP SCHEMA shop;", "ban-drop-database")]
    [InlineData("RENAME TABLE t TO u;", "renaming-table")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO b, ALGORITHM=INSTANT;", "renaming-column")]
    [InlineData("ALTER TABLE t CHANGE a b int, ALGORITHM=INPLACE, LOCK=NONE;", "renaming-column")]
    [InlineData("TRUNCATE TABLE t;", "ban-truncate")]
    [InlineData("OPTIMIZE TABLE t;", "ban-table-rewrite")]
    [InlineData("ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;", "ban-table-rewrite")]
    [InlineData("ALTER TABLE t ADD PRIMARY KEY (id), ALGORITHM=INPLACE, LOCK=NONE;", "adding-primary-key")]
    [InlineData("ALTER TABLE t ADD COLUMN c int AFTER b, ALGORITHM=INSTANT;", "ban-column-position")]
    [InlineData("LOCK TABLES t WRITE;", "ban-lock-table")]
    [InlineData("DELETE FROM t;", "ban-unbounded-dml")]
    public void Each_hazard_draws_its_rule(string statement, string rule) =>
        Assert.Contains(rule, Rules("mysql", Timeout + statement));

    [Fact]
    public void Online_alters_with_a_lock_wait_timeout_draw_nothing()
    {
        const string sql = Timeout + "ALTER TABLE t ADD COLUMN c int, ALGORITHM=INSTANT;\nCREATE INDEX ix ON t (c) ALGORITHM=INPLACE LOCK=NONE;\nUPDATE t SET c = 1 WHERE id < 1000;";
        Assert.Empty(Rules("mariadb", sql));
    }

    [Fact]
    public void Without_lock_wait_timeout_the_first_ddl_is_reported_once()
    {
        var findings = LintAssert.Lint("mysql", "ALTER TABLE t ADD COLUMN c int, ALGORITHM=INSTANT;\nALTER TABLE t ADD COLUMN d int, ALGORITHM=INSTANT;");
        var finding = Assert.Single(findings);
        Assert.Equal(("require-lock-timeout", 1), (finding.RuleId, finding.Line));
    }

    [Fact]
    public void A_table_created_in_the_script_can_be_altered_and_indexed_freely()
    {
        const string sql = "CREATE TABLE IF NOT EXISTS `t` (id bigint PRIMARY KEY);\nALTER TABLE `t` ADD COLUMN c int;\nCREATE INDEX ix ON `t` (c);";
        Assert.Empty(Rules("mysql", sql));
    }
}
