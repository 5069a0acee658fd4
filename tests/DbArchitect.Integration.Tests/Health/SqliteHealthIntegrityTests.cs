using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>Issue 16 on real SQLite files: foreign keys off in the connection, quick_check / integrity_check, WAL growth.</summary>
public sealed class SqliteHealthIntegrityTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dbarch_health16_{Guid.NewGuid():N}.db");

    [Fact]
    public void Foreign_keys_off_in_the_connection_is_reported_only_where_keys_are_declared_and_not_enforced()
    {
        Execute($"Data Source={_file};Pooling=False", "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id)); CREATE INDEX c_p ON c (p_id)");

        // Foreign Keys=False: the connection as the sqlite3 shell or Python's sqlite3 opens it.
        var off = Run($"Data Source={_file};Foreign Keys=False", new HealthRunOptions { Include = new[] { "FOREIGN_KEYS_OFF" } });
        var finding = Assert.Single(off);
        Assert.True(finding.Status == HealthStatus.Warning, $"{finding.Status}: {finding.Message}");
        Assert.Contains("PRAGMA foreign_keys = ON", finding.Recommendation, StringComparison.Ordinal);

        var on = Run($"Data Source={_file};Foreign Keys=True", new HealthRunOptions { Include = new[] { "FOREIGN_KEYS_OFF" } });
        Assert.Equal(HealthStatus.Pass, Assert.Single(on).Status);
    }

    [Fact]
    public void A_database_without_foreign_keys_draws_no_foreign_keys_finding()
    {
        Execute($"Data Source={_file};Pooling=False", "CREATE TABLE t (id INTEGER PRIMARY KEY)");
        Assert.Equal(HealthStatus.Pass, Assert.Single(Run($"Data Source={_file}", new HealthRunOptions { Include = new[] { "FOREIGN_KEYS_OFF" } })).Status);
    }

    [Fact]
    public void Quick_check_finds_a_damaged_file_and_deep_runs_integrity_check()
    {
        Execute($"Data Source={_file};Pooling=False", "CREATE TABLE t (id INTEGER PRIMARY KEY, pad TEXT); INSERT INTO t VALUES (1, 'x')");
        var options = new HealthRunOptions { Include = new[] { "INTEGRITY_CHECK" } };
        Assert.Equal(HealthStatus.Pass, Assert.Single(Run($"Data Source={_file}", options)).Status);

        // Damage the header: bytes 36-39 count the freelist pages; say 3 where there are none.
        SqliteConnection.ClearAllPools();
        using (var file = new FileStream(_file, FileMode.Open, FileAccess.Write))
        {
            file.Seek(36, SeekOrigin.Begin);
            file.Write(new byte[] { 0, 0, 0, 3 });
        }

        var quick = Assert.Single(Run($"Data Source={_file}", options));
        Assert.True(quick.Status == HealthStatus.Critical, $"{quick.Status}: {quick.Message}");
        Assert.StartsWith("quick_check: ", quick.Message, StringComparison.Ordinal);
        Assert.Contains("reelist: size is 0 but should be 3", quick.Message, StringComparison.Ordinal);

        var deep = Assert.Single(Run($"Data Source={_file}", options with { Deep = true }));
        Assert.Equal(HealthStatus.Critical, deep.Status);
        Assert.StartsWith("integrity_check: ", deep.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wal_held_open_by_a_reader_grows_past_the_threshold_and_a_checkpointed_one_does_not()
    {
        Execute($"Data Source={_file};Pooling=False", "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, pad TEXT); INSERT INTO t VALUES (0, 'x')");
        var options = new HealthRunOptions { Include = new[] { "WAL_SIZE" }, Settings = HealthSettings.FromDictionary(new Dictionary<string, object> { ["WAL_SIZE"] = 1 }) };

        using (var reader = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            reader.Open();
            using var begin = reader.CreateCommand();
            begin.CommandText = "BEGIN; SELECT count(*) FROM t;";
            begin.ExecuteScalar();

            // The reader's snapshot stops every checkpoint from resetting the WAL, so 4 MB of writes stay in it.
            Execute($"Data Source={_file};Pooling=False", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) INSERT INTO t SELECT i, hex(randomblob(500)) FROM n");
            var grown = Assert.Single(Run($"Data Source={_file}", options));
            Assert.True(grown.Status == HealthStatus.Warning, $"{grown.Status}: {grown.Message}");
            Assert.True(grown.Measured > 1, $"{grown.Measured} MB");
            Assert.Equal("PRAGMA wal_checkpoint(TRUNCATE);", grown.FixSql);
        }

        Execute($"Data Source={_file};Pooling=False", "PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.Equal(HealthStatus.Pass, Assert.Single(Run($"Data Source={_file}", options)).Status);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    private static IReadOnlyList<HealthCheckResult> Run(string connectionString, HealthRunOptions options)
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("sqlite", connectionString + ";Pooling=False"));
        return HealthCheckRunner.Run(session, options);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
