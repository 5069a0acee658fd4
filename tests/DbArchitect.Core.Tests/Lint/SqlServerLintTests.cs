using static DbArchitect.Core.Tests.Lint.LintAssert;

namespace DbArchitect.Core.Tests.Lint;

public sealed class SqlServerLintTests
{
    private const string Timeout = "SET LOCK_TIMEOUT 5000;\nGO\n";

    [Theory]
    [InlineData("CREATE INDEX ix ON dbo.t (c);", "require-concurrent-index-creation")]
    [InlineData("ALTER INDEX ix ON dbo.t REBUILD;", "require-concurrent-index-creation")]
    [InlineData("ALTER TABLE dbo.t ADD CONSTRAINT pk PRIMARY KEY (id);", "require-concurrent-index-creation")]
    [InlineData("ALTER TABLE dbo.t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES dbo.p (id);", "constraint-missing-not-valid")]
    [InlineData("ALTER TABLE dbo.t WITH CHECK ADD CONSTRAINT ck CHECK (c > 0);", "constraint-missing-not-valid")]
    [InlineData("ALTER TABLE dbo.t ALTER COLUMN c bigint NOT NULL;", "changing-column-type")]
    [InlineData("DROP TABLE dbo.t;", "ban-drop-table")]
    [InlineData("ALTER TABLE dbo.t DROP COLUMN c;", "ban-drop-column")]
    [InlineData("DROP DATABASE shop;", "ban-drop-database")]
    [InlineData("EXEC sp_rename 'dbo.t', 'u';", "renaming-table")]
    [InlineData("EXEC sp_rename 'dbo.t.a', 'b', 'COLUMN';", "renaming-column")]
    [InlineData("ALTER TABLE dbo.t ADD c int NOT NULL;", "adding-required-field")]
    [InlineData("TRUNCATE TABLE dbo.t;", "ban-truncate")]
    [InlineData("DBCC SHRINKDATABASE (shop);", "ban-shrink")]
    [InlineData("UPDATE dbo.t SET c = 1;", "ban-unbounded-dml")]
    public void Each_hazard_draws_its_rule(string statement, string rule) =>
        Assert.Contains(rule, Rules("sqlserver", Timeout + statement));

    [Fact]
    public void The_online_forms_draw_nothing()
    {
        const string sql = Timeout + "CREATE INDEX ix ON dbo.t (c) WITH (ONLINE = ON);\nALTER TABLE dbo.t WITH NOCHECK ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES dbo.p (id);\nALTER TABLE dbo.t WITH CHECK CHECK CONSTRAINT fk;\nALTER TABLE dbo.t ADD c int NOT NULL CONSTRAINT df_c DEFAULT 0;\nUPDATE TOP (5000) dbo.t SET c = 1 WHERE c IS NULL;";
        Assert.Empty(Rules("sqlserver", sql));
    }

    [Fact]
    public void Findings_carry_the_parsers_line_and_column_and_parse_errors_are_findings()
    {
        var finding = Assert.Single(LintAssert.Lint("sqlserver", Timeout + "\n   DROP TABLE dbo.t;"));
        Assert.Equal((4, 4), (finding.Line, finding.Column));
        Assert.Contains("sql-parse-error", Rules("sqlserver", "ALTER TABLE dbo.t ADD;"));
    }

    [Fact]
    public void Without_lock_timeout_the_first_ddl_on_an_existing_table_is_reported()
    {
        var finding = Assert.Single(LintAssert.Lint("sqlserver", "CREATE TABLE dbo.n (id int);\nCREATE INDEX ix ON dbo.n (id);\nALTER TABLE dbo.t ADD c int NULL;"));
        Assert.Equal(("require-lock-timeout", 3), (finding.RuleId, finding.Line));
    }
}
