using DbArchitect.Core.Lint;
using DbArchitect.Integration.Tests.MariaDb;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.Lint;

/// <summary>What the MySQL rules promise, on MariaDB 10.11: the forms they accept run, and the ALGORITHM/LOCK clauses they ask for make the server refuse a change it cannot make online instead of copying the table.</summary>
public sealed class MySqlLintOnMariaDbTests
{
    private const string Setup = "CREATE TABLE t (id bigint PRIMARY KEY, c int, p bigint);\nCREATE TABLE p (id bigint PRIMARY KEY);\nINSERT INTO p VALUES (1);\nINSERT INTO t VALUES (1, 1, 1), (2, 2, 1);";

    private const string Safe = "SET SESSION lock_wait_timeout = 5;\nALTER TABLE t ADD COLUMN d int, ALGORITHM=INSTANT;\nCREATE INDEX ix_t_c ON t (c) ALGORITHM=INPLACE LOCK=NONE;\nALTER ONLINE TABLE t ADD COLUMN e int;\nUPDATE t SET d = 1 WHERE id < 1000;";

    [Fact]
    public void The_statements_the_rules_accept_draw_no_finding_and_run_on_MariaDb()
    {
        Assert.Empty(MigrationLinter.Lint(new LintSource("safe.sql", Safe), new LintOptions("mariadb")));
        using var scratch = MariaDbServer.CreateScratch("lint_safe");
        using var connection = MariaDbServer.Open(scratch.Name);
        foreach (var statement in (Setup + "\n" + Safe).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            MariaDbServer.Execute(connection, statement);
        }

        Assert.Equal(2, MariaDbServer.Rows(connection, "SELECT * FROM t WHERE d = 1").Count);
    }

    [Fact]
    public void A_type_change_declared_online_is_refused_by_the_server_instead_of_copying_the_table()
    {
        const string change = "ALTER TABLE t MODIFY COLUMN c bigint, ALGORITHM=INPLACE, LOCK=NONE";
        Assert.Contains(MigrationLinter.Lint(new LintSource("m.sql", "ALTER TABLE t MODIFY COLUMN c bigint;"), new LintOptions("mariadb")), f => f.RuleId == "changing-column-type");
        using var scratch = MariaDbServer.CreateScratch("lint_refuse");
        using var connection = MariaDbServer.Open(scratch.Name);
        foreach (var statement in Setup.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            MariaDbServer.Execute(connection, statement);
        }

        var error = Assert.Throws<MySqlException>(() => MariaDbServer.Execute(connection, change));
        Assert.Contains("ALGORITHM=INPLACE is not supported", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
