using DbArchitect.Core.Errors;
using DbArchitect.Core.History;
using Npgsql;
using Xunit;

namespace DbArchitect.Integration.Tests.History;

/// <summary>
/// The health history on a real PostgreSQL 15: tables created on first use by parallel shards, runs merged, the trend
/// read back, hostile text stored exactly, and connection failures without the password.
/// </summary>
public sealed class HealthHistoryStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static HealthHistoryEntry Entry(string server, string check, string target, string severity, string database = "shop") => new()
    {
        Server = server,
        Port = 5432,
        Database = database,
        Engine = "postgresql",
        CheckId = check,
        Severity = severity,
        Target = target,
        Message = $"{check} on {target}",
        Evidence = new Dictionary<string, string> { ["measured"] = "42" },
    };

    private static HealthHistoryWrite Save(ScratchDatabase db, IReadOnlyList<HealthHistoryEntry> entries, string runId, int day, string? label = null)
    {
        using var session = HealthHistoryStore.Open(HealthHistoryStore.Target(PostgresServer.For(db.Name)), write: true);
        return HealthHistoryStore.Save(session, entries, runId, label, Start.AddDays(day), Start.AddDays(day).AddMinutes(3), "0.1.0-test");
    }

    private static HealthTrend ReadTrend(ScratchDatabase db, int last = 10)
    {
        using var session = HealthHistoryStore.Open(HealthHistoryStore.Target(PostgresServer.For(db.Name)), write: false);
        var (runs, rows) = HealthHistoryStore.Read(session, last);
        return HealthTrend.Compute(runs, rows);
    }

    private static long Count(ScratchDatabase db, string sql)
    {
        using var connection = db.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Parallel_shards_create_the_tables_once_and_merge_into_one_run_then_the_trend_shows_new_resolved_and_persistent()
    {
        using var db = PostgresServer.CreateScratch("history_runs");

        // Run 1: four shards (one server each) start together on a database without the tables.
        var servers = new[] { "db1", "db2", "db3", "db4" };
        using var barrier = new Barrier(servers.Length);
        var shards = servers.Select(server => Task.Run(() =>
        {
            barrier.SignalAndWait(TimeSpan.FromSeconds(30));
            return Save(db, new[]
            {
                Entry(server, "FK_WITHOUT_INDEX", "public.order.customer_fk", "Warning"),
                Entry(server, "UNUSED_INDEX", "public.old_idx", "Warning"),
                Entry(server, "DEAD_TUPLES", "shop", "Pass"),
            }, "github:1001", 0, "nightly");
        })).ToList();
        var writes = await Task.WhenAll(shards);

        Assert.Single(writes, w => w.CreatedTables); // the others found the tables made under the lock, or waited for them
        Assert.All(writes, w => Assert.Equal(3, w.Results));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM dbarchitect_history.health_run"));
        Assert.Equal(4, Count(db, "SELECT writes FROM dbarchitect_history.health_run WHERE run_id = 'github:1001'"));
        Assert.Equal(12, Count(db, "SELECT count(*) FROM dbarchitect_history.health_result WHERE run_id = 'github:1001'"));

        // Run 2: db1's unused index is gone (the check ran and passed), a new finding appears; db4 was not reached.
        Save(db, new[]
        {
            Entry("db1", "FK_WITHOUT_INDEX", "public.order.customer_fk", "Critical"),
            Entry("db1", "UNUSED_INDEX", "shop", "Pass"),
            Entry("db1", "TABLE_WITHOUT_PK", "public.audit", "Warning"),
            Entry("db2", "FK_WITHOUT_INDEX", "public.order.customer_fk", "Warning"),
            Entry("db2", "UNUSED_INDEX", "public.old_idx", "Warning"),
            Entry("db3", "FK_WITHOUT_INDEX", "public.order.customer_fk", "Warning"),
            Entry("db3", "UNUSED_INDEX", "public.old_idx", "Warning"),
        }, "github:1002", 1);
        Assert.Equal(7, Count(db, "SELECT count(*) FROM dbarchitect_history.health_result WHERE run_id = 'github:1002' AND started_at = '2026-12-02 02:00:00+00' AND recorded_at = '2026-12-02 02:03:00+00'"));

        // Run 3, written twice (a re-run job): the second write replaces rows, adds none.
        var run3 = new[]
        {
            Entry("db1", "FK_WITHOUT_INDEX", "public.order.customer_fk", "Pass"),
            Entry("db1", "UNUSED_INDEX", "shop", "Pass"),
            Entry("db1", "TABLE_WITHOUT_PK", "public.audit", "Warning"),
            Entry("db1", "SEQUENCE_EXHAUSTION", "public.order_id_seq", "Critical"),
            Entry("db2", "FK_WITHOUT_INDEX", "public.order.customer_fk", "Warning"),
            Entry("db2", "UNUSED_INDEX", "public.old_idx", "Warning"),
        };
        Save(db, run3, "github:1003", 2);
        Save(db, run3, "github:1003", 2);
        Assert.Equal(6, Count(db, "SELECT count(*) FROM dbarchitect_history.health_result WHERE run_id = 'github:1003'"));
        Assert.Equal(2, Count(db, "SELECT writes FROM dbarchitect_history.health_run WHERE run_id = 'github:1003'"));

        var trend = ReadTrend(db);
        Assert.Equal(new[] { "github:1001", "github:1002", "github:1003" }, trend.Runs.Select(r => r.RunId));
        HealthTrendChange ChangeOf(string server, string check) => trend.Items.Single(i => i.Server == server && i.CheckId == check).Change;
        Assert.Equal(HealthTrendChange.Resolved, ChangeOf("db1", "FK_WITHOUT_INDEX"));
        Assert.Equal(HealthTrendChange.New, ChangeOf("db1", "SEQUENCE_EXHAUSTION"));
        Assert.Equal(HealthTrendChange.Persistent, ChangeOf("db1", "TABLE_WITHOUT_PK"));
        Assert.Equal(HealthTrendChange.Persistent, ChangeOf("db2", "UNUSED_INDEX"));
        Assert.Equal(HealthTrendChange.NotChecked, ChangeOf("db3", "UNUSED_INDEX")); // db3 missing from run 3
        Assert.Equal(HealthTrendChange.Earlier, ChangeOf("db1", "UNUSED_INDEX"));
        var persistent = trend.Items.Single(i => i.Server == "db2" && i.CheckId == "UNUSED_INDEX");
        Assert.Equal((3, 3, Start), (persistent.RunsPresent, persistent.RunsInWindow, persistent.FirstSeen));
        Assert.Equal("nightly", trend.Runs[0].Label);

        var md = HealthTrendMarkdown.Render(trend);
        Assert.Contains("## Server db1:5432", md, StringComparison.Ordinal);
        Assert.Contains("| shop | postgresql | SEQUENCE_EXHAUSTION | public.order_id_seq | Critical |", md, StringComparison.Ordinal);
        Assert.Contains("| github:1001 | nightly | 2026-12-01 02:00:00 | 4 | 8 |", md, StringComparison.Ordinal);
        Assert.Contains("| github:1003 | 2026-12-03 02:00:00 | not checked |", md, StringComparison.Ordinal); // db3, db4

        // The window: the last two runs only.
        var lastTwo = ReadTrend(db, last: 2);
        Assert.Equal(new[] { "github:1002", "github:1003" }, lastTwo.Runs.Select(r => r.RunId));
        Assert.DoesNotContain(lastTwo.Items, i => i.Server == "db4");
    }

    [Fact]
    public void Hostile_messages_targets_and_evidence_round_trip_unchanged_and_change_nothing_else()
    {
        using var db = PostgresServer.CreateScratch("history_hostile");
        const string Drop = "'); DROP TABLE dbarchitect_history.health_result; --";
        var hostile = new HealthHistoryEntry
        {
            Server = "db'1\"; --",
            Port = 5432,
            Database = "shop; DROP DATABASE postgres",
            Engine = "postgresql",
            CheckId = "FK_WITHOUT_INDEX",
            Severity = "Warning",
            Target = "public.\"we'ird\"\n;tbl",
            Message = "It's \"quoted\"; semicolons; and\nnew lines\r\n\ttabs " + Drop + " $1 @run_id :x ::jsonb \\ ünïcødé 🐘",
            Evidence = new Dictionary<string, string> { [Drop] = Drop, ["json\"key"] = "{\"nested\": [1, 2]}", ["back\\slash"] = "\\u0000 not a nul" },
        };

        Save(db, new[] { hostile }, "run'); DROP TABLE x; --", 0, "label\n'; --");

        using var connection = db.Open();
        using var command = new NpgsqlCommand("SELECT run_id, server, database, target_object, message, evidence::text FROM dbarchitect_history.health_result", connection);
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal("run'); DROP TABLE x; --", reader.GetString(0));
            Assert.Equal(hostile.Server, reader.GetString(1));
            Assert.Equal(hostile.Database, reader.GetString(2));
            Assert.Equal(hostile.Target, reader.GetString(3));
            Assert.Equal(hostile.Message, reader.GetString(4));
            var evidence = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5))!;
            Assert.Equal(hostile.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal), evidence.OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.False(reader.Read());
        }

        using var label = new NpgsqlCommand("SELECT run_label FROM dbarchitect_history.health_run", connection);
        Assert.Equal("label\n'; --", label.ExecuteScalar());
        Assert.Equal(2, Count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'dbarchitect_history'"));

        var item = Assert.Single(ReadTrend(db).Items);
        Assert.Equal(hostile.Message, item.Message);
        Assert.Equal(hostile.Target, item.Target);
    }

    [Fact]
    public void A_sweep_larger_than_a_statement_could_carry_as_parameters_is_written_in_one_go()
    {
        // 200 targets x 46 checks: 119,600 values, more than the 65,535 parameters one PostgreSQL statement may have.
        using var db = PostgresServer.CreateScratch("history_large");
        var entries = Enumerable.Range(1, 200)
            .SelectMany(t => Enumerable.Range(1, 46).Select(c => Entry($"srv{t}", $"CHECK_{c}", $"public.t{t}", c % 7 == 0 ? "Warning" : "Pass")))
            .ToList();

        var written = Save(db, entries, "large", 0);

        Assert.Equal((9200, 200), (written.Results, written.Targets));
        Assert.Equal(9200, Count(db, "SELECT count(*) FROM dbarchitect_history.health_result"));
        Assert.Equal(200 * 6, ReadTrend(db).Items.Count);
    }

    [Fact]
    public void A_write_the_server_refuses_leaves_none_of_its_results_and_no_run_in_the_trend()
    {
        using var db = PostgresServer.CreateScratch("history_failed");
        Save(db, new[] { Entry("db1", "A", "t", "Warning") }, "good", 0);
        var refused = new[] { Entry("db1", "A", "t", "Warning"), Entry("db1", "B", "t", "Warning") with { Port = 70000 } }; // the port CHECK refuses it

        var ex = Assert.Throws<DbArchitectException>(() => Save(db, refused, "bad", 1));

        Assert.Equal("QueryFailed", ex.Errors[0].ErrorId);
        Assert.Contains("Writing the results to the health history", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM dbarchitect_history.health_result WHERE run_id = 'bad'"));
        Assert.Equal(0, Count(db, "SELECT writes FROM dbarchitect_history.health_run WHERE run_id = 'bad'"));
        Assert.Equal(new[] { "good" }, ReadTrend(db).Runs.Select(r => r.RunId));
    }

    [Fact]
    public void A_wrong_password_is_a_connection_error_naming_the_history_database_without_the_password()
    {
        const string Secret = "Wr0ng-S3cret-history";
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.For("postgres")) { Password = Secret }.ConnectionString;

        var ex = Assert.Throws<DbArchitectException>(() => HealthHistoryStore.Open(HealthHistoryStore.Target(connectionString), write: true));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("HealthHistoryConnectionFailed", error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Contains("health history database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_database_without_history_says_so()
    {
        using var db = PostgresServer.CreateScratch("history_empty");
        using var session = HealthHistoryStore.Open(HealthHistoryStore.Target(PostgresServer.For(db.Name)), write: false);

        var ex = Assert.Throws<DbArchitectException>(() => HealthHistoryStore.Read(session, 10));

        Assert.Equal("HealthHistoryNotFound", ex.Errors[0].ErrorId);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'dbarchitect_history'"));
    }
}
