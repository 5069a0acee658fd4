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
    [Fact]
    public void Design_scripts_build_exactly_the_tables_the_design_partitions()
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "partitioning", "chat.yaml")), "postgresql");
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
