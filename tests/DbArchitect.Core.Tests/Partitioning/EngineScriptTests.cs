using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Tests.SqlServer;
using Xunit;

namespace DbArchitect.Core.Tests.Partitioning;

/// <summary>Engine scripts checked as text (Oracle, TimescaleDB, pg_partman) and by Microsoft's T-SQL parser (SQL Server).</summary>
public sealed class EngineScriptTests
{
    [Fact]
    public void Sql_server_scripts_parse_in_the_tsql160_parser()
    {
        var script = PartitionDesigns.Script("sqlserver", new PartitionRequest { Interval = PartitionInterval.Month, Start = new DateTime(2026, 1, 1), Premake = 2 });
        var sql = script.ToScripts();
        Assert.Equal(new[] { "table", "sliding-window", "agent-job" }, script.Steps.Select(s => s.Name));
        foreach (var file in sql)
        {
            Assert.Empty(TSqlProof.ParseErrors(file));
        }

        var table = sql[0].Text;
        Assert.Contains("AS RANGE RIGHT FOR VALUES (N'2026-01-01', N'2026-02-01', N'2026-03-01')", table, StringComparison.Ordinal);
        Assert.Contains("ALL TO ([PRIMARY])", table, StringComparison.Ordinal);
        Assert.Contains("PRIMARY KEY CLUSTERED ([id], [created_at])", table, StringComparison.Ordinal);
        Assert.Matches(@"CREATE NONCLUSTERED INDEX .* ON \[ps_event_created_at\] \(\[created_at\]\);", table);
        var window = sql[1].Text;
        Assert.Contains("SPLIT RANGE (@next)", window, StringComparison.Ordinal);
        Assert.Contains("SWITCH PARTITION 1 TO", window, StringComparison.Ordinal);
        Assert.Contains("MERGE RANGE (@low)", window, StringComparison.Ordinal);
        Assert.Contains("DATEADD(year, -1, @now)", window, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_server_plan_without_start_parses_and_splits_from_today()
    {
        var sql = PartitionDesigns.Script("sqlserver", new PartitionRequest { Interval = PartitionInterval.Week }).ToScripts();
        foreach (var file in sql)
        {
            Assert.Empty(TSqlProof.ParseErrors(file));
        }

        Assert.Contains("AS RANGE RIGHT FOR VALUES ()", sql[0].Text, StringComparison.Ordinal);
        Assert.Contains("COALESCE(@reference, SYSUTCDATETIME())", sql[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Oracle_uses_interval_partitioning_local_indexes_and_a_retention_job()
    {
        var script = PartitionDesigns.Script("oracle", new PartitionRequest { Interval = PartitionInterval.Month });
        var table = script.Steps[0].Sql;
        Assert.Contains("PARTITION BY RANGE (CREATED_AT) INTERVAL (NUMTOYMINTERVAL(1, 'MONTH'))", table, StringComparison.Ordinal);
        Assert.Contains("PARTITION p_start VALUES LESS THAN (TIMESTAMP '2000-01-01 00:00:00')", table, StringComparison.Ordinal);
        Assert.Contains(" LOCAL;", table, StringComparison.Ordinal);
        var retention = Assert.Single(script.Steps, s => s.Name == "retention").Sql;
        Assert.Contains("NUMTOYMINTERVAL(1, 'YEAR')", retention, StringComparison.Ordinal);
        Assert.Contains("DROP PARTITION ' || p.partition_name || ' UPDATE INDEXES", retention, StringComparison.Ordinal);
        Assert.Contains("DBMS_SCHEDULER.CREATE_JOB", retention, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Plan.ConstraintChanges, c => c.Change.StartsWith("primary key", StringComparison.Ordinal));
    }

    [Fact]
    public void Timescale_chunk_interval_keeps_active_indexes_in_a_quarter_of_memory()
    {
        var script = PartitionDesigns.Script("postgresql", new PartitionRequest { Mode = PostgreSqlPartitionModes.TimescaleDb, MemoryGb = 64 });
        var sql = Assert.Single(script.Steps).Sql;
        Assert.Contains("a quarter of 64 GB memory = 16 GB for the indexes of the active chunk", sql, StringComparison.Ordinal);
        Assert.Matches(@"create_hypertable\('public\.event', 'created_at', chunk_time_interval => INTERVAL '\d+ (days|hours)', if_not_exists => true, migrate_data => true\)", sql);
        Assert.Contains("add_retention_policy('public.event', INTERVAL '1 year', if_not_exists => true)", sql, StringComparison.Ordinal);
        Assert.Contains("add_compression_policy", sql, StringComparison.Ordinal);
        Assert.Contains("timescaledb.compress_orderby = 'created_at DESC'", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, "p_type => 'native'", "p_interval => 'monthly'")]
    [InlineData(5, "p_type => 'range'", "p_interval => '1 month'")]
    public void Partman_create_parent_follows_the_version_signature(int version, string type, string interval)
    {
        var script = PartitionDesigns.Script("postgresql", new PartitionRequest { Mode = PostgreSqlPartitionModes.PgPartman, Interval = PartitionInterval.Month, PartmanVersion = version });
        var partman = Assert.Single(script.Steps, s => s.Name == "partman").Sql;
        Assert.Contains(type, partman, StringComparison.Ordinal);
        Assert.Contains(interval, partman, StringComparison.Ordinal);
        Assert.Contains("retention = '1 year'", partman, StringComparison.Ordinal);
        Assert.Equal(version >= 5, partman.Contains("p_default_table => true", StringComparison.Ordinal));
        Assert.Contains("CALL partman.run_maintenance_proc()", Assert.Single(script.Steps, s => s.Name == "schedule").Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_native_steps_explain_why_detach_is_not_concurrent()
    {
        var script = PartitionDesigns.Script("postgresql", new PartitionRequest { Interval = PartitionInterval.Month });
        Assert.Equal(new[] { "parent", "foreign-keys", "maintenance", "schedule", "alert-default-rows" }, script.Steps.Select(s => s.Name));
        var maintenance = script.Steps[2].Sql;
        Assert.Contains("DETACH … CONCURRENTLY is not used", maintenance, StringComparison.Ordinal);
        Assert.Contains("p_reference timestamptz DEFAULT now()", maintenance, StringComparison.Ordinal);
        Assert.Contains("cron.schedule_in_database('partition-maintenance public.event', '7 0 * * *', 'SELECT * FROM public.event_partition_maintenance()', :'target_database')", script.Steps[3].Sql, StringComparison.Ordinal);
        Assert.Equal(
            new[] { "partitioning/event/01-parent.sql", "partitioning/event/02-foreign-keys.sql", "partitioning/event/03-maintenance.sql", "partitioning/event/04-schedule.sql", "partitioning/event/05-alert-default-rows.sql" },
            script.ToScripts().Select(s => s.RelativePath));
    }
}
