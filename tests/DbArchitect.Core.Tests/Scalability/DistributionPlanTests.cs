using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Scalability;

namespace DbArchitect.Core.Tests.Scalability;

/// <summary>The Citus plan: a distribution column is never nullable, and the audit log is forecast from the write rates.</summary>
public sealed class DistributionPlanTests
{
    /// <summary>Trips reference a driver optionally (an unassigned trip has none) and a rider always; most queries go by driver.</summary>
    private const string RideYaml = """
        application: { name: Rides, kind: oltp }
        workload: { tps: 2000, readWriteRatio: "60:40", retention: 2y }
        conventions: { primaryKey: bigint, audit: true }
        entities:
          - name: driver
            rows: 200000
            rowsPerDay: 100
            attributes:
              - { name: full_name, type: string(200), required: true }
          - name: rider
            rows: 5000000
            rowsPerDay: 5000
            attributes:
              - { name: full_name, type: string(200), required: true }
          - name: trip
            rows: 50000000
            rowsPerDay: 400000
            attributes:
              - { name: fare, type: money }
        relationships:
          - { from: driver, to: trip, type: one-to-many, required: false, onDelete: set-null }
          - { from: rider, to: trip, type: one-to-many }
        accessPatterns:
          - { name: driver trips, entity: trip, where: [driver_id], orderBy: [created_at desc], limit: 50, perSecond: 300 }
          - { name: driver trips today, entity: trip, where: [driver_id], range: created_at, perSecond: 50 }
          - { name: rider trips, entity: trip, where: [rider_id], orderBy: [created_at desc], limit: 20, perSecond: 100 }
        """;

    private static DbDesign Rides() => DesignEngine.Create(RequirementsReader.Read(RideYaml, "rides.yaml").Requirement!, "postgresql");

    [Fact]
    public void No_table_is_distributed_on_a_nullable_column()
    {
        var design = Rides();
        var trip = design.Distribution!.Tables.Single(t => t.Table == "trip");
        Assert.NotEqual("driver_id", trip.Column);

        // The patterns by driver cannot shard trips (driver_id may be NULL); the one by rider can, so trips live with their rider.
        Assert.Equal("rider_id", trip.Column);
        Assert.Equal(design.Distribution.Tables.Single(t => t.Table == "rider").ColocationGroup, trip.ColocationGroup);
        foreach (var table in design.Distribution.Tables.Where(t => t.Role == DistributionRole.Distributed))
        {
            Assert.False(design.Physical.FindTable(table.Table)!.FindColumn(table.Column!)!.Nullable, $"{table.Table}.{table.Column} is nullable");
        }
    }

    [Fact]
    public void Audit_log_is_forecast_from_the_write_rates_and_is_not_copied_to_every_node()
    {
        var design = Rides();
        var audit = design.Physical.Tables.Single(t => t.Kind == TableKind.Audit);
        // 2,000 transactions/s × 0.4 write share × 86,400 s = 69,120,000 writes/day, above the 405,100 inserts/day.
        Assert.Equal(69_120_000, audit.RowsPerDay);
        Assert.True(design.CapacityForecast.For(audit.Name)!.Rows.AtRetention > 0);
        var planned = design.Distribution!.Tables.Single(t => t.Table == audit.Name);
        Assert.Equal(DistributionRole.Distributed, planned.Role);
        Assert.Contains("every audited insert, update and delete", planned.Reason, StringComparison.Ordinal);
    }
}
