using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// A scratch PostgreSQL database with the faults and controls of pg-health-fixture.sql, plus the faults that need
/// sessions: a session idle in a transaction holding a lock, a session blocked behind it, and an orphaned prepared
/// transaction (rolled back on dispose). The health checks run once; the tests read the results.
/// </summary>
public sealed class PostgresHealthFixture : IDisposable
{
    private readonly ScratchDatabase _scratch;
    private readonly NpgsqlConnection _holder;
    private readonly NpgsqlConnection _waiter;
    private readonly Task _blocked;

    public PostgresHealthFixture()
    {
        _scratch = PostgresServer.CreateScratch("health");
        Gid = "dbarch_health_" + _scratch.Name;
        using (var setup = _scratch.Open())
        {
            Run(setup, File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Integration.Tests", "Health", "pg-health-fixture.sql")));
            try
            {
                Run(setup, "CREATE UNIQUE INDEX CONCURRENTLY fault_invalid_v_key ON app.fault_invalid (v)");
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // The failed concurrent build leaves the invalid index behind: that is the planted fault.
            }
        }

        // A new session, so the loads' statistics are flushed before ANALYZE resets the modification counters.
        using (var setup = _scratch.Open())
        {
            Run(setup, "VACUUM ANALYZE app.ok_parent, app.ok_child, app.ok_used, app.ok_serial");
            Run(setup, "VACUUM ANALYZE app.fault_bloat");
            Run(setup, "ANALYZE app.fault_stale; INSERT INTO app.fault_stale SELECT generate_series(2001, 3500)");
            Run(setup, "SET enable_seqscan = off; SELECT count(*) FROM app.ok_used WHERE v = 5");
        }

        // Closing the setup session flushed its statistics; now the sessions the session checks must see.
        using (var preparer = _scratch.Open())
        {
            Run(preparer, $"BEGIN; INSERT INTO app.fault_prepared VALUES (1); PREPARE TRANSACTION '{Gid}'");
        }

        _holder = _scratch.Open();
        Run(_holder, "BEGIN; LOCK TABLE app.fault_lock IN ACCESS EXCLUSIVE MODE");
        _waiter = _scratch.Open();
        using (var command = new NpgsqlCommand("SELECT count(*) FROM app.fault_lock", _waiter))
        {
            _blocked = command.ExecuteScalarAsync();
        }

        HolderPid = _holder.ProcessID;
        WaiterPid = _waiter.ProcessID;
        Thread.Sleep(TimeSpan.FromSeconds(2));

        var db = _scratch.Name;
        Options = new HealthRunOptions
        {
            Settings = HealthSettings.FromDictionary(new Dictionary<string, object>
            {
                [$"IDLE_IN_TRANSACTION@{db}"] = 1,
                [$"LONG_RUNNING_TRANSACTION@{db}"] = 1,
                [$"BLOCKED_SESSIONS@{db}"] = 0.5,
                [$"ORPHANED_PREPARED_TRANSACTION@{db}"] = 0,
                [$"UNUSED_INDEX@{db}"] = 0.1,
            }),
        };
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(db)));
        Results = HealthCheckRunner.Run(session, Options);
    }

    public string Database => _scratch.Name;

    public string Gid { get; }

    public int HolderPid { get; }

    public int WaiterPid { get; }

    public HealthRunOptions Options { get; }

    public IReadOnlyList<HealthCheckResult> Results { get; }

    public void Dispose()
    {
        Run(_holder, "ROLLBACK");
        _blocked.Wait(TimeSpan.FromSeconds(30));
        _holder.Dispose();
        _waiter.Dispose();
        using (var cleanup = _scratch.Open())
        {
            Run(cleanup, $"ROLLBACK PREPARED '{Gid}'");
        }

        _scratch.Dispose();
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
