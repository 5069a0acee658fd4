using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>
/// What a design decides to partition, its numbered scripts build partitioned on the real PostgreSQL 15: the event
/// table read by time is in pg_partitioned_table with its current partitions; users, channels, memberships and the
/// table whose busiest query has no time filter are plain tables.
/// </summary>
public sealed class DesignPartitionTests
{
    private const string ChatYaml = """
        application: { name: Chat, kind: oltp, schema: public }
        workload: { retention: 10y }
        conventions: { primaryKey: bigint, audit: true }
        entities:
          - name: user
            rows: 20000000
            rowsPerDay: 20000
            attributes:
              - { name: handle, type: string(40), required: true }
          - name: channel
            rows: 40000000
            rowsPerDay: 15000
            attributes:
              - { name: title, type: string(100), required: true }
          - name: message
            rows: 100000000
            rowsPerDay: 2000000
            attributes:
              - { name: body, type: string(500), required: true }
          - name: page_view
            rows: 100000000
            rowsPerDay: 50000000
            attributes:
              - { name: session_key, type: string(40), required: true }
        relationships:
          - { from: user, to: channel, type: many-to-many, through: membership }
          - { from: channel, to: message, type: one-to-many }
          - { from: user, to: message, type: one-to-many }
        accessPatterns:
          - { name: channel history, entity: message, where: [channel_id], orderBy: [created_at desc], limit: 50, perSecond: 500 }
          - { name: views of a session, entity: page_view, where: [session_key], perSecond: 300 }
        """;

    [Fact]
    public void Design_scripts_build_exactly_the_tables_the_design_partitions()
    {
        var design = DesignEngine.Create(RequirementsReader.Read(ChatYaml, "chat.yaml").Requirement!, "postgresql");
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-part-design-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = DesignExporter.Export(design, folder, force: false);
            using var db = PostgresServer.CreateScratch("partdesign");
            PostgresServer.ApplyWithPsql(db.Name, result.Files
                .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
                .Select(f => Path.Combine(folder, f.RelativePath)));
            using var connection = db.Open();
            var partitioned = Strings(connection, "SELECT c.relname FROM pg_partitioned_table AS p JOIN pg_class AS c ON c.oid = p.partrelid ORDER BY 1");
            Assert.Equal(design.Physical.Tables.Where(t => t.PartitionBy is not null).Select(t => t.Name).Order(StringComparer.Ordinal), partitioned);
            Assert.Contains("message", partitioned);
            foreach (var plain in new[] { "user", "channel", "membership", "page_view" })
            {
                Assert.DoesNotContain(plain, partitioned);
            }

            var month = DateTime.UtcNow.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("message_p" + month, Partitions(connection, "public.message"));
            Execute(connection, "INSERT INTO public.\"user\" (handle) VALUES ('ann'); INSERT INTO public.channel (title) VALUES ('general')");
            Execute(connection, "INSERT INTO public.message (body, channel_id, user_id) SELECT 'hi', c.id, u.id FROM public.channel AS c, public.\"user\" AS u");
            Assert.Equal("message_p" + month, Scalar(connection, "SELECT tableoid::regclass::text FROM public.message"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
