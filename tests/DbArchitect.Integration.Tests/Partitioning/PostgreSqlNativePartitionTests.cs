using DbArchitect.Core.Partitioning;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>The native plan on the real PostgreSQL 15: partitions created ahead, rows routed, expired ones dropped, pg_cron job.</summary>
public sealed class PostgreSqlNativePartitionTests
{
    [Fact]
    public void Native_plan_creates_future_partitions_moves_default_rows_and_drops_expired_ones_as_time_moves()
    {
        var script = Plan("postgresql", new PartitionRequest { Interval = PartitionInterval.Month, Premake = 3 });
        var files = Write(script);
        using var db = PostgresServer.CreateScratch("partnative");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["parent"], files["maintenance"] });
        using var connection = db.Open();

        // Today's window exists after the script; move time to 2026-01 and create everything from 2025-01 on.
        Assert.Contains(Partitions(connection, "public.event"), p => p == "event_default");
        Execute(connection, "SELECT * FROM public.event_partition_maintenance('2026-01-15', p_from => '2025-01-01', p_expire => false)");
        var partitions = Partitions(connection, "public.event");
        foreach (var month in new[] { "202501", "202506", "202512", "202601", "202604" })
        {
            Assert.Contains("event_p" + month, partitions);
        }

        // Rows in 2025-01 .. 2026-04 go to their partitions; rows in 2026-09 have none yet and land in DEFAULT.
        Execute(connection, "INSERT INTO public.event (kind, payload, amount, created_at) SELECT 'click', 'x', g, timestamptz '2025-01-01' + (g || ' hours')::interval FROM generate_series(0, 11000) AS g");
        Execute(connection, "INSERT INTO public.event (kind, payload, amount, created_at) SELECT 'buy', 'late', g, timestamptz '2026-09-03' + (g || ' minutes')::interval FROM generate_series(1, 50) AS g");
        Assert.Equal(50L, Scalar(connection, "SELECT count(*) FROM public.event_default"));
        var total = (long)Scalar(connection, "SELECT count(*) FROM public.event")!;

        // Maintenance run for 2026-09-10: creates 2026-09 .. 2026-12 (moving the DEFAULT rows) and drops partitions whose upper bound is before 2025-09-10.
        var actions = Strings(connection, "SELECT action || ' ' || partition_name FROM public.event_partition_maintenance('2026-09-10')");
        Assert.Contains("created, 50 rows moved from DEFAULT event_p202609", actions);
        Assert.Contains("dropped event_p202501", actions);
        partitions = Partitions(connection, "public.event");
        Assert.DoesNotContain("event_p202508", partitions);
        Assert.Contains("event_p202509", partitions);
        Assert.Contains("event_p202612", partitions);
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM public.event_default"));
        Assert.Equal(50L, Scalar(connection, "SELECT count(*) FROM public.event_p202609"));
        var expired = (long)Scalar(connection, "SELECT count(*) FROM generate_series(0, 11000) AS g WHERE timestamptz '2025-01-01' + (g || ' hours')::interval < '2025-09-01'")!;
        Assert.Equal(total - expired, Scalar(connection, "SELECT count(*) FROM public.event"));

        // Running it again for the same day changes nothing (re-runnable).
        Assert.Empty(Strings(connection, "SELECT partition_name FROM public.event_partition_maintenance('2026-09-10')"));

        // The alert query reports 0 rows in DEFAULT.
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["alert-default-rows"] });
    }

    [Fact]
    public void Schedule_step_registers_the_maintenance_job_with_pg_cron_for_the_scratch_database()
    {
        var script = Plan("postgresql", new PartitionRequest { Interval = PartitionInterval.Month });
        var files = Write(script);
        using var db = PostgresServer.CreateScratch("partcron");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["parent"], files["maintenance"] });
        PostgresServer.ApplyWithPsql("postgres", new[] { files["schedule"] }, new Dictionary<string, string> { ["target_database"] = db.Name });
        using var postgres = new Npgsql.NpgsqlConnection(PostgresServer.For("postgres"));
        postgres.Open();
        try
        {
            var jobs = Strings(postgres, $"SELECT command FROM cron.job WHERE database = '{db.Name}'");
            Assert.Equal(new[] { "SELECT * FROM public.event_partition_maintenance()" }, jobs);
        }
        finally
        {
            Execute(postgres, $"SELECT cron.unschedule(jobid) FROM cron.job WHERE database = '{db.Name}'");
        }
    }

    [Fact]
    public void List_and_hash_plans_route_rows_to_their_partitions()
    {
        using var db = PostgresServer.CreateScratch("partlisthash");
        var list = Write(Plan("postgresql", new PartitionRequest { Strategy = PartitionStrategy.List, Column = "kind" }));
        PostgresServer.ApplyWithPsql(db.Name, new[] { list["parent"] });
        using var connection = db.Open();
        Execute(connection, "INSERT INTO public.event (kind, created_at) SELECT (ARRAY['click','view','buy'])[1 + g % 3]::text, now() FROM generate_series(1, 300) AS g");
        Assert.Equal(100L, Scalar(connection, "SELECT count(*) FROM public.event_view"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM public.event_default"));
        Execute(connection, "DROP TABLE public.event");

        var hash = Write(Plan("postgresql", new PartitionRequest { Strategy = PartitionStrategy.Hash, Column = "id", HashPartitions = 4 }));
        PostgresServer.ApplyWithPsql(db.Name, new[] { hash["parent"] });
        Execute(connection, "INSERT INTO public.event (kind, created_at) SELECT 'click', now() FROM generate_series(1, 400)");
        Assert.Equal(4, Partitions(connection, "public.event").Count);
        Assert.All(Partitions(connection, "public.event"), p => Assert.True((long)Scalar(connection, $"SELECT count(*) FROM public.{p}")! > 40));
    }

    [Fact]
    public void Numeric_range_plan_keeps_partitions_ahead_of_the_highest_key()
    {
        using var db = PostgresServer.CreateScratch("partnumeric");
        var files = Write(Plan("postgresql", new PartitionRequest { Column = "id", Interval = PartitionInterval.Numeric(1000), Premake = 2 }));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["parent"], files["maintenance"] });
        using var connection = db.Open();
        Assert.Equal(new[] { "event_default", "event_p0", "event_p1000", "event_p2000" }, Partitions(connection, "public.event"));
        Execute(connection, "INSERT INTO public.event (kind, created_at) SELECT 'click', now() FROM generate_series(1, 4500)");
        Assert.Equal(1501L, Scalar(connection, "SELECT count(*) FROM public.event_default"));
        var actions = Strings(connection, "SELECT action || ' ' || partition_name FROM public.event_partition_maintenance()");
        Assert.Contains("created, 1000 rows moved from DEFAULT event_p3000", actions);
        Assert.Contains("created, 501 rows moved from DEFAULT event_p4000", actions);
        Assert.Contains("event_p6000", Partitions(connection, "public.event"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM public.event_default"));
        Assert.Equal(4500L, Scalar(connection, "SELECT count(*) FROM public.event"));
    }
}
