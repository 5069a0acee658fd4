using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Partitioning;

/// <summary>A design with a large event table (5M rows/day, 1-year retention) referencing a customer table.</summary>
internal static class PartitionDesigns
{
    public const string Yaml = """
        application: { name: PartitionProof, kind: oltp, schema: public }
        workload: { retention: 1y }
        hardware: { memoryGb: 64 }
        conventions: { primaryKey: bigint }
        entities:
          - name: customer
            attributes:
              - { name: email, type: email, required: true, unique: true }
          - name: event
            rows: 1000000
            rowsPerDay: 5000000
            attributes:
              - { name: kind, type: "enum(click, view, buy)", required: true }
              - { name: code, type: string(40), required: true, unique: true }
              - { name: amount, type: int }
        relationships:
          - { from: customer, to: event, type: one-to-many }
        """;

    public static DbDesign Design(string engine) => DesignEngine.Create(RequirementsReader.Read(Yaml, "events.yaml").Requirement!, engine);

    public static PartitionScript Script(string engine, PartitionRequest? request = null)
    {
        var design = Design(engine);
        request ??= new PartitionRequest();
        return PartitionPlanner.Script(EngineRegistry.Get(engine), PartitionTargets.FromDesign(design, "event"),
            request with { Retention = request.Retention ?? design.Requirement.Workload.Retention, MemoryGb = request.MemoryGb ?? 64 });
    }

    /// <summary>A bare target with stated volume, for sizing arithmetic.</summary>
    public static PartitionTarget Volume(double rowsPerDay, double bytesPerRow) =>
        new("public", "t", new[] { ("id", PartitionKeyKind.Integer, "bigint"), ("created_at", PartitionKeyKind.Timestamp, "timestamptz") },
            new TargetKey("t_pkey", new[] { "id" }), Array.Empty<TargetKey>(), Array.Empty<TargetForeignKey>(), Array.Empty<TargetForeignKey>())
        {
            RowsPerDay = rowsPerDay,
            BytesPerRow = bytesPerRow,
            VolumeBasis = "the test",
            DefaultKey = "created_at",
        };
}
