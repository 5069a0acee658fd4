using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using DbArchitect.Integration.Tests.MariaDb;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// What needs a server of its own, on a throw-away MariaDB started with performance_schema = ON (the shared server runs
/// with it off, MariaDB's default, and is never reconfigured, nor are its files touched): FULLTEXT indexes searched by a
/// statement, through a procedure, or never; and a MyISAM table whose data file a crash cut short, for -Deep's CHECK TABLE.
/// </summary>
public sealed class MariaDbPerformanceSchemaFixture : IDisposable
{
    private readonly ScratchMariaDb _server = new("--performance-schema=ON");

    public MariaDbPerformanceSchemaFixture()
    {
        using (var setup = _server.Open())
        {
            foreach (var statement in new[]
                     {
                         "CREATE DATABASE fts CHARACTER SET utf8mb4",
                         "USE fts",
                         "CREATE TABLE ft_used (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_used_body (body))",
                         "CREATE TABLE ft_multi (id INT PRIMARY KEY, title VARCHAR(100), body TEXT, FULLTEXT KEY ft_multi_text (title, body))",
                         "CREATE TABLE ft_proc (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_proc_body (body))",
                         "CREATE TABLE ft_unused (id INT PRIMARY KEY, body TEXT, note TEXT, FULLTEXT KEY ft_unused_body (body), FULLTEXT KEY ft_unused_note (note))",
                         "INSERT INTO ft_used SELECT seq, CONCAT('hello world ', seq) FROM seq_1_to_200",
                         "INSERT INTO ft_multi SELECT seq, CONCAT('title ', seq), CONCAT('hello world ', seq) FROM seq_1_to_200",
                         "INSERT INTO ft_proc SELECT seq, CONCAT('hello world ', seq) FROM seq_1_to_200",
                         "INSERT INTO ft_unused SELECT seq, CONCAT('hello world ', seq), 'x' FROM seq_1_to_200",
                         "CREATE PROCEDURE search_proc(IN q VARCHAR(100)) SELECT COUNT(*) FROM ft_proc WHERE MATCH (body) AGAINST (q)",
                         // The searches: one direct, one with the columns in another order and qualified, one in a procedure;
                         // the unused table is read, but never through MATCH (a LIKE that mentions its column).
                         "SELECT COUNT(*) FROM ft_used WHERE MATCH (body) AGAINST ('hello')",
                         "SELECT COUNT(*) FROM fts.ft_multi m WHERE MATCH (m.body, m.title) AGAINST ('world' IN BOOLEAN MODE)",
                         "CALL search_proc('world')",
                         "SELECT COUNT(*) FROM ft_unused WHERE body LIKE 'hello%'",
                         "CREATE TABLE crashed (id INT PRIMARY KEY, pad VARCHAR(100)) ENGINE = MyISAM",
                         "INSERT INTO crashed SELECT seq, REPEAT('y', 80) FROM seq_1_to_5000",
                         "FLUSH TABLES crashed",
                     })
            {
                MariaDbServer.Execute(setup, statement);
            }
        }

        // A crash that left the data file short: 100,000 of its 460,000 bytes.
        using (var data = new FileStream(Path.Combine(_server.DataDirectory, "fts", "crashed.MYD"), FileMode.Open, FileAccess.Write))
        {
            data.SetLength(100_000);
        }

        using var session = LiveSession.Open(LiveTarget.FromConnectionString("mariadb", _server.ConnectionString("fts")));
        Results = HealthCheckRunner.Run(session, new HealthRunOptions());
        DeepResults = HealthCheckRunner.Run(session, new HealthRunOptions { Deep = true, Include = new[] { "INTEGRITY_CHECK" } });
    }

    public IReadOnlyList<HealthCheckResult> Results { get; }

    public IReadOnlyList<HealthCheckResult> DeepResults { get; }

    public void Dispose() => _server.Dispose();
}

public sealed class MariaDbPerformanceSchemaTests : IClassFixture<MariaDbPerformanceSchemaFixture>
{
    private readonly MariaDbPerformanceSchemaFixture _fixture;

    public MariaDbPerformanceSchemaTests(MariaDbPerformanceSchemaFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Fulltext_indexes_no_statement_searched_are_reported_with_a_drop()
    {
        var unused = _fixture.Results.Where(r => r.CheckId == "UNUSED_FULLTEXT_INDEX").OrderBy(r => r.Target, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "ft_unused.ft_unused_body", "ft_unused.ft_unused_note" }, unused.Select(r => r.Target));
        Assert.All(unused, r => Assert.Equal(HealthStatus.Warning, r.Status));
        Assert.Equal("ALTER TABLE ft_unused DROP INDEX ft_unused_body;", unused[0].FixSql);
        Assert.Contains("since 20", unused[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_check_table_reports_the_crashed_table_and_nothing_on_the_sound_ones()
    {
        var finding = Assert.Single(_fixture.DeepResults);
        Assert.Equal("crashed", finding.Target);
        Assert.Equal(HealthStatus.Critical, finding.Status);
        Assert.Contains("Size of datafile is", finding.Message, StringComparison.Ordinal);
        Assert.Contains("REPAIR TABLE", finding.Recommendation, StringComparison.Ordinal);

        // Unreadable, its keys do not show in information_schema: that is no missing primary key.
        Assert.DoesNotContain(_fixture.Results, r => r.CheckId == "TABLE_WITHOUT_PK" && r.Target == "crashed");
    }

    [Fact]
    public void Performance_schema_on_draws_no_blind_check_row_and_the_checks_that_need_it_run()
    {
        Assert.Equal(HealthStatus.Pass, Assert.Single(_fixture.Results, r => r.CheckId == "PERFORMANCE_SCHEMA_OFF").Status);
        Assert.Equal(HealthStatus.Pass, Assert.Single(_fixture.Results, r => r.CheckId == "UNUSED_INDEX").Status);
        Assert.DoesNotContain(_fixture.Results, r => r.CheckId == "UNUSED_FULLTEXT_INDEX" && r.Status == HealthStatus.Skipped);
        Assert.Empty(_fixture.Results.Where(r => r.Status == HealthStatus.Error).Select(r => $"{r.CheckId}: {r.Message}"));
    }
}
