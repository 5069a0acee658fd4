using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Live;
using DbArchitect.Core.Partitioning;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>pg_partman mode on the real PostgreSQL 15 with pg_partman 4.7: create_parent, premade partitions, retention by run_maintenance.</summary>
public sealed class PostgreSqlPartmanTests
{
    [Fact]
    public void Partman_4_plan_creates_partitions_ahead_and_run_maintenance_drops_expired_ones()
    {
        using var db = PostgresServer.CreateScratch("partpartman");
        using (var setup = db.Open())
        {
            Execute(setup, "CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman");
        }

        // The version comes from the live extension, as the cmdlet reads it.
        var engine = EngineRegistry.Get("postgresql");
        using (var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(db.Name))))
        {
            Assert.Equal(4, engine.Partitioning!.ExtensionMajorVersion(session, PostgreSqlPartitionModes.PgPartman));
        }

        var today = DateTime.UtcNow;
        var start = new DateTime(today.Year - 2, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var script = Plan("postgresql", new PartitionRequest { Mode = PostgreSqlPartitionModes.PgPartman, PartmanVersion = 4, Interval = PartitionInterval.Month, Premake = 3, Start = start });
        var files = Write(script);
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["parent"], files["partman"], files["partman"] });
        using var connection = db.Open();
        var partitions = Partitions(connection, "public.event");
        Assert.Contains("event_default", partitions);
        Assert.Contains($"event_p{start:yyyy}_{start:MM}", partitions);
        var ahead = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(3);
        Assert.Contains($"event_p{ahead:yyyy}_{ahead:MM}", partitions);

        // Rows two years back and today; run_maintenance applies the 1-year retention.
        Execute(connection, $"INSERT INTO public.event (kind, created_at) SELECT 'click', timestamptz '{start:yyyy-MM-dd}' + (g || ' days')::interval FROM generate_series(0, 20) AS g");
        Execute(connection, "INSERT INTO public.event (kind, created_at) SELECT 'view', now() FROM generate_series(1, 10)");
        Execute(connection, "SELECT partman.run_maintenance('public.event')");
        partitions = Partitions(connection, "public.event");
        Assert.DoesNotContain($"event_p{start:yyyy}_{start:MM}", partitions);
        Assert.Equal(10L, Scalar(connection, "SELECT count(*) FROM public.event"));
        Assert.Equal("1 year", Scalar(connection, "SELECT retention FROM partman.part_config WHERE parent_table = 'public.event'"));
    }
}
