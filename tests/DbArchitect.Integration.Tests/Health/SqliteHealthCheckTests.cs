using DbArchitect.Core.Errors;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>SQLite health checks on a real file: planted faults found, controls clean.</summary>
public sealed class SqliteHealthCheckTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dbarch_health_{Guid.NewGuid():N}.db");

    [Fact]
    public void Planted_faults_are_found_and_controls_are_clean()
    {
        using (var setup = new SqliteConnection($"Data Source={_file};Pooling=False;Foreign Keys=False"))
        {
            setup.Open();
            using var command = setup.CreateCommand();
            command.CommandText = """
                CREATE TABLE ok_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE ok_child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES ok_parent (id));
                CREATE INDEX ok_child_parent_idx ON ok_child (parent_id);
                CREATE TABLE fault_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES ok_parent (id));
                CREATE TABLE fault_nopk (a INTEGER, b TEXT);
                INSERT INTO ok_parent VALUES (1, 'a');
                INSERT INTO ok_child VALUES (1, 1);
                INSERT INTO fault_child VALUES (1, 42);
                CREATE TABLE fault_filler (id INTEGER PRIMARY KEY, pad TEXT);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO fault_filler SELECT i, hex(randomblob(200)) FROM n;
                DELETE FROM fault_filler;
                """;
            command.ExecuteNonQuery();
        }

        IReadOnlyList<HealthCheckResult> results;
        using (var session = LiveSession.Open(LiveTarget.FromEndpoint("sqlite", new LiveEndpoint(_file, null, null, null, null))))
        {
            results = HealthCheckRunner.Run(session, new HealthRunOptions());
        }

        Assert.Single(results, r => r.CheckId == "FK_WITHOUT_INDEX" && r.Target == "fault_child.fk0" && r.Status == HealthStatus.Warning);
        Assert.Single(results, r => r.CheckId == "TABLE_WITHOUT_PK" && r.Target == "fault_nopk");
        Assert.Single(results, r => r.CheckId == "FOREIGN_KEY_VIOLATION" && r.Target == "fault_child → ok_parent");
        Assert.Single(results, r => r.CheckId == "FREELIST_RATIO" && r.Status == HealthStatus.Critical);
        Assert.Single(results, r => r.CheckId == "JOURNAL_MODE" && r.Status == HealthStatus.Info && r.Message.Contains("delete", StringComparison.Ordinal));
        Assert.Single(results, r => r.CheckId == "INTEGRITY_CHECK" && r.Status == HealthStatus.Pass);
        Assert.Equal(Path.GetFileName(_file), results[0].Database);
        Assert.DoesNotContain(results, r => r.Status is HealthStatus.Warning or HealthStatus.Critical && r.Target.StartsWith("ok_", StringComparison.Ordinal));
        Assert.DoesNotContain(results, r => r.Status == HealthStatus.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_mistyped_path_is_refused_with_the_path_and_no_file_is_created(bool asConnectionString)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"dbarch_health_typo_{Guid.NewGuid():N}.db");
        var target = asConnectionString
            ? LiveTarget.FromConnectionString("sqlite", $"Data Source={missing}")
            : LiveTarget.FromEndpoint("sqlite", new LiveEndpoint(missing, null, null, null, null));

        var error = Assert.Throws<DbArchitectException>(() => LiveSession.Open(target)).Errors.Single();

        Assert.Equal("SqliteDatabaseNotFound", error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal(missing, error.Location!.File);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Server", error.Fix, StringComparison.Ordinal);
        Assert.False(File.Exists(missing), "opening the mistyped path created a database");
    }

    [Fact]
    public void A_read_only_session_opens_the_file_read_only_not_only_query_only()
    {
        using (var setup = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            setup.Open();
            using var command = setup.CreateCommand();
            command.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY)";
            command.ExecuteNonQuery();
        }

        // Even with query_only switched back off, the connection itself may not write.
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("sqlite", $"Data Source={_file};Pooling=False"));
        session.Execute("PRAGMA query_only = 0", "Switching query_only off");
        var error = Assert.Throws<DbArchitectException>(() => session.Execute("INSERT INTO t VALUES (1)", "Inserting")).Errors.Single();
        Assert.Contains("readonly", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
