using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Integration.Tests.Health;

/// <summary>
/// Issue 12 §3 on a real PostgreSQL 15: a session that loads rows and analyzes them before its counters are flushed
/// leaves n_mod_since_analyze at 100 % (and n_live_tup doubled) once it ends. The check runs right after, on a
/// scratch database of its own, and must not call those freshly analyzed tables stale, while a table that really
/// changed after its analyze is still reported.
/// </summary>
public sealed class PostgresStaleStatisticsTests : IDisposable
{
    private readonly ScratchDatabase _scratch = PostgresServer.CreateScratch("healthstale");

    [Fact]
    public void Tables_loaded_and_analyzed_in_one_session_are_not_stale_right_after_while_later_changes_are()
    {
        // Autovacuum off, so no autoanalyze repairs the counters before the check reads them.
        using (var loader = _scratch.Open())
        {
            Run(loader, """
                CREATE TABLE loaded_apart (id int PRIMARY KEY, pad text) WITH (autovacuum_enabled = false);
                CREATE TABLE loaded_in_txn (id int PRIMARY KEY, pad text) WITH (autovacuum_enabled = false);
                CREATE TABLE changed_after (id int PRIMARY KEY) WITH (autovacuum_enabled = false);
                INSERT INTO changed_after SELECT generate_series(1, 2000);
                """);

            // Flush now (something to flush: the count), so the load that commits next on its own stays in the session:
            // PostgreSQL flushes at most once a second. ANALYZE follows at once.
            Run(loader, "SELECT pg_stat_force_next_flush(); SELECT count(*) FROM changed_after");
            Run(loader, "INSERT INTO loaded_apart SELECT g, 'x' FROM generate_series(1, 20000) g");
            Run(loader, "ANALYZE loaded_apart");

            // Load and ANALYZE in one transaction: the counters reach the server only at commit, after the ANALYZE.
            Run(loader, "BEGIN; INSERT INTO loaded_in_txn SELECT g, 'x' FROM generate_series(1, 20000) g; ANALYZE loaded_in_txn; COMMIT");
        }

        using (var writer = _scratch.Open())
        {
            Run(writer, "ANALYZE changed_after");
            Run(writer, "INSERT INTO changed_after SELECT generate_series(2001, 5000)");
        }

        // The race is reproduced: the counters say the freshly analyzed tables changed wholesale since their ANALYZE.
        using (var probe = _scratch.Open())
        {
            using var command = new NpgsqlCommand("SELECT relname, n_live_tup, n_mod_since_analyze FROM pg_stat_user_tables", probe);
            using var reader = command.ExecuteReader();
            var counters = new Dictionary<string, (long Live, long Modified)>(StringComparer.Ordinal);
            while (reader.Read())
            {
                counters[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
            }

            Assert.True(counters["loaded_apart"] == (40000, 20000), $"loaded_apart counters {counters["loaded_apart"]}: the race was not reproduced");
            Assert.True(counters["loaded_in_txn"].Modified == 20000, $"loaded_in_txn counters {counters["loaded_in_txn"]}: the race was not reproduced");
        }

        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(_scratch.Name)));
        var results = HealthCheckRunner.Run(session, new HealthRunOptions { Include = new[] { "STALE_STATISTICS" } });

        Assert.DoesNotContain(results, r => r.Target is "public.loaded_apart" or "public.loaded_in_txn");
        var changed = Assert.Single(results, r => r.Target == "public.changed_after");
        Assert.Equal(HealthStatus.Critical, changed.Status);
        Assert.Equal(60, changed.Measured!.Value, 0);
        Assert.Equal("3000", changed.Evidence["modified_rows"]);
    }

    public void Dispose() => _scratch.Dispose();

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
