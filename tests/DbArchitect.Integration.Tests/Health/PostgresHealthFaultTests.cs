using System.Diagnostics;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// Issue 13 "Faults" for the health check on a real PostgreSQL 15, without touching the shared server: a server that
/// goes silent after login (a local proxy that stops forwarding), a session killed mid-run (pg_terminate_backend on
/// this test's own session) and a check held up by a lock. Each is bounded in time and ends as one clear error for the
/// target, or one Error row for the one check, never a row per check or a driver's exception text.
/// </summary>
public sealed class PostgresHealthFaultTests : IDisposable
{
    // Run in id order: CONNECTIONS_USED, FSYNC_OFF, NEVER_ANALYZED, TABLE_BLOAT, TABLE_WITHOUT_PK, TXID_WRAPAROUND.
    private static readonly string[] SixChecks = { "CONNECTIONS_USED", "TXID_WRAPAROUND", "FSYNC_OFF", "NEVER_ANALYZED", "TABLE_WITHOUT_PK", "TABLE_BLOAT" };

    private const string NotRunAfterTwo = "2 of 6 health checks finished; 4 could not run: NEVER_ANALYZED, TABLE_BLOAT, TABLE_WITHOUT_PK, TXID_WRAPAROUND.";

    private readonly ScratchDatabase _scratch = PostgresServer.CreateScratch("healthfault");

    [Fact]
    public void A_server_that_goes_silent_mid_run_ends_the_run_in_bounded_time_with_one_error_naming_the_checks_not_run()
    {
        var direct = new NpgsqlConnectionStringBuilder(PostgresServer.For(_scratch.Name));
        using var proxy = new SilentProxy(direct.Host!, direct.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 2 };
        var target = LiveTarget.FromConnectionString("postgresql", viaProxy.ConnectionString);
        using var session = LiveSession.Open(target, new LiveSessionOptions { StatementTimeout = TimeSpan.FromSeconds(1) });
        var started = new List<string>();

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<DbArchitectException>(() => HealthCheckRunner.Run(session, new HealthRunOptions { Include = SixChecks }, (i, _, check) =>
        {
            started.Add(check.Id);
            if (i == 2)
            {
                proxy.Silence();
            }
        })).Errors.Single();
        clock.Stop();

        // Bounded by one command timeout (statement timeout + 5 s) and Npgsql's cancel attempt (twice its connect
        // Timeout), not one wait per check.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the run took {clock.Elapsed}");
        Assert.Equal(3, started.Count);
        Assert.Equal("HealthCheckConnectionLost", error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Contains($"The connection to {target.Description} was lost during 'Never analyzed' (the server did not answer within 6 s).", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(NotRunAfterTwo, error.Message, StringComparison.Ordinal);
        Assert.Contains("-Check NEVER_ANALYZED,TABLE_BLOAT,TABLE_WITHOUT_PK,TXID_WRAPAROUND", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_terminated_mid_run_ends_the_run_with_one_error_not_a_row_per_check()
    {
        var target = LiveTarget.FromConnectionString("postgresql", PostgresServer.For(_scratch.Name));
        using var session = LiveSession.Open(target);
        var pid = Convert.ToInt32(session.Scalar("SELECT pg_backend_pid()", "Reading the session id"), System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<DbArchitectException>(() => HealthCheckRunner.Run(session, new HealthRunOptions { Include = SixChecks }, (i, _, _) =>
        {
            if (i == 2)
            {
                // Only this test's own session: the shared server and everyone else's sessions are left alone.
                using var admin = _scratch.Open();
                using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid}, 5000)", admin);
                Assert.Equal(true, kill.ExecuteScalar());
            }
        })).Errors.Single();

        Assert.Equal("HealthCheckConnectionLost", error.ErrorId);
        Assert.Contains($"The connection to {target.Description} was lost during 'Never analyzed'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(NotRunAfterTwo, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_held_up_by_a_lock_is_one_Error_row_bounded_by_the_statement_timeout_and_the_run_goes_on()
    {
        using (var setup = _scratch.Open())
        {
            using var load = new NpgsqlCommand("CREATE TABLE wide (id int PRIMARY KEY, pad text); INSERT INTO wide SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g; ANALYZE wide", setup);
            load.ExecuteNonQuery();
        }

        // A migration holds the table: TABLE_BLOAT's size lookup waits for it; the other checks do not.
        using var holder = _scratch.Open();
        using (var lockTable = new NpgsqlCommand("BEGIN; LOCK TABLE wide IN ACCESS EXCLUSIVE MODE", holder))
        {
            lockTable.ExecuteNonQuery();
        }

        using var session = LiveSession.Open(
            LiveTarget.FromConnectionString("postgresql", PostgresServer.For(_scratch.Name)),
            new LiveSessionOptions { StatementTimeout = TimeSpan.FromSeconds(1), LockTimeout = TimeSpan.FromSeconds(30) });
        var clock = Stopwatch.StartNew();
        var results = HealthCheckRunner.Run(session, new HealthRunOptions { Include = SixChecks });
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the run took {clock.Elapsed}");
        var held = Assert.Single(results, r => r.Status == HealthStatus.Error);
        Assert.Equal("TABLE_BLOAT", held.CheckId);
        Assert.Equal("The check could not run: Table bloat (estimated) did not finish within the statement timeout (1 s) on " + session.Target.Description + ".", held.Message);
        Assert.Contains("quieter time", held.Recommendation, StringComparison.Ordinal);
        Assert.Equal(SixChecks.Order(StringComparer.Ordinal), results.Select(r => r.CheckId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(1L, session.Scalar("SELECT 1::bigint", "Using the session after the timeout"));
    }

    public void Dispose() => _scratch.Dispose();
}
