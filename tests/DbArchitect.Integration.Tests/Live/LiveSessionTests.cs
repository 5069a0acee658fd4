using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using Npgsql;
using Xunit;

namespace DbArchitect.Integration.Tests.Live;

/// <summary>The live layer every live cmdlet stands on: real connections, read-only probes, secrets kept out of text.</summary>
public sealed class LiveSessionTests
{
    [Fact]
    public void PostgreSqlProbeSessionIsReadOnlyAndBounded()
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For("postgres")));

        Assert.StartsWith("15", session.ServerVersion, StringComparison.Ordinal);
        var settings = session.Query(
            "SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt, current_setting('application_name') AS app",
            "Reading settings").Single();
        Assert.Equal("on", settings.String("ro"));
        Assert.Equal("30s", settings.String("st"));
        Assert.Equal("2s", settings.String("lt"));
        Assert.Equal("DbArchitect.PS", settings.String("app"));

        var error = Assert.Throws<DbArchitectException>(() => session.Execute("CREATE TABLE live_probe_must_fail (id int)", "Creating a table"));
        Assert.Equal("QueryFailed", error.Errors[0].ErrorId);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelStopsTheRunningStatementOnTheServerAsCtrlCDoes()
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For("postgres")));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var running = Task.Run(() => session.Scalar("SELECT pg_sleep(20)", "Sleeping"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        session.Cancel();

        // Npgsql reports the server's "canceling statement due to user request" as an OperationCanceledException, which
        // the runners let through (the pipeline is stopping); the statement ended on the server, not after 20 s.
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancelled after {clock.Elapsed}");
        Assert.Contains("57014", error.InnerException?.Message ?? string.Empty, StringComparison.Ordinal);
        session.Cancel();
    }

    [Fact]
    public void MariaDbProbeSessionIsReadOnly()
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("mariadb", MariaDb.MariaDbServer.ConnectionString));

        Assert.Contains("MariaDB", session.ServerVersion, StringComparison.Ordinal);
        var row = session.Query("SELECT @@session.tx_read_only AS ro, @@session.max_statement_time AS st", "Reading settings").Single();
        Assert.True(row.Boolean("ro"));
        Assert.Equal(30, row.Double("st"));
    }

    [Fact]
    public void SqliteProbeSessionWritesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dbarch_live_{Guid.NewGuid():N}.db");
        try
        {
            using (var setup = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                setup.Open();
                using var create = setup.CreateCommand();
                create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY)";
                create.ExecuteNonQuery();
            }

            using var session = LiveSession.Open(LiveTarget.FromEndpoint("sqlite", new LiveEndpoint(file, null, null, null, null)));
            Assert.Equal(1L, session.Scalar("SELECT count(*) FROM sqlite_schema WHERE name = 't'", "Reading the schema"));
            Assert.Throws<DbArchitectException>(() => session.Execute("INSERT INTO t VALUES (1)", "Inserting"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void FailedLoginNamesTheTargetButNeverThePassword()
    {
        const string secret = "not-the-password-7f3a";
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer.For("postgres")) { Password = secret }.ConnectionString;
        var target = LiveTarget.FromConnectionString("postgresql", connection);

        var error = Assert.Throws<DbArchitectException>(() => LiveSession.Open(target)).Errors.Single();

        Assert.Equal("ConnectionFailed", error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Contains("127.0.0.1:" + new NpgsqlConnectionStringBuilder(connection).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointPartsBuildTheConnectionAndTheDescriptionHidesThePassword()
    {
        var port = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString).Port;
        var target = LiveTarget.FromEndpoint("postgresql", new LiveEndpoint("127.0.0.1", port, "postgres", "dbarchitect_test", "dbarchitect_test"));

        Assert.Equal($"postgresql://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/postgres as dbarchitect_test", target.Description);
        using var session = LiveSession.Open(target);
        Assert.Equal("postgres", session.Scalar("SELECT current_database()", "Reading the database"));
    }

    [Fact]
    public void EnginesWithoutADriverAreRefusedWithAClearError()
    {
        var error = Assert.Throws<DbArchitectException>(() => LiveTarget.FromConnectionString("oracle", "Data Source=x")).Errors.Single();

        Assert.Equal("LiveEngineNotSupported", error.ErrorId);
        Assert.Contains("postgresql", error.Fix, StringComparison.Ordinal);
    }
}
