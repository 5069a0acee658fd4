using DbArchitect.Core.Design;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using DbArchitect.Integration.Tests.MariaDb;
using DbArchitect.Integration.Tests.Schema;

namespace DbArchitect.Integration.Tests.Migration;

/// <summary>
/// Issue 12 item 4: for every example and hostile spec, v1 is built, a generated v2 (new entity, attributes, relationship
/// and access pattern) is planned from the live v1 with Compare-DbSchema | New-DbMigrationScript and applied while a
/// writer keeps inserting into the v1 tables; the writer loses no row, and the imported result has no difference from
/// v2 — row-level security, policies, comments and checks included — on PostgreSQL 15 and MariaDB 10.11.
/// </summary>
public sealed class GeneratedV2MigrationTests
{
    private static readonly MigrationOptions Options = new() { LockTimeout = TimeSpan.FromSeconds(2), BatchSize = 500, BatchPause = TimeSpan.FromMilliseconds(5) };
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public GeneratedV2MigrationTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Specs() => PostgreSqlRoundTripTests.Specs();

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task PostgreSqlMigrationToAGeneratedV2UnderWritesEndsEqualToV2(string spec)
    {
        using var applied = new AppliedDesign(spec);
        var v2 = DesignEngine.Create(GeneratedV2.From(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec))), "postgresql");
        var schema = applied.Design.Physical.Schema;
        var writer = new TableWriter(applied.Design.Physical.Tables, () => applied.Database.Open(), mariaDb: false,
            t => applied.Quote(schema) + "." + applied.Quote(t), applied.Quote);
        var live = PostgreSqlRoundTripTests.Import(applied.Database.Name, schema);
        var plan = MigrationPlanner.Create(SchemaComparer.Compare(live, v2.Physical), Options);

        await Migrate(plan, writer, files => PostgresServer.ApplyWithPsql(applied.Database.Name, files));

        var left = SchemaComparer.Compare(PostgreSqlRoundTripTests.Import(applied.Database.Name, schema), v2.Physical);
        Assert.True(left.Count == 0, string.Join("\n", left.Select(d => d.ToString())));

        // Owners, privileges, row-level security and policies are not part of the compared shape: the migrated
        // database must hold exactly those of a fresh build of v2.
        using (var fresh = new AppliedDesign(v2, "v2fresh_" + Path.GetFileNameWithoutExtension(spec)))
        {
            using var migrated = applied.Database.Open();
            using var built = fresh.Database.Open();
            var want = CatalogGuarantees.Read(built, schema);
            var got = CatalogGuarantees.Read(migrated, schema);
            Assert.True(want.Count > 0, "the fresh build of v2 shows no owner or privilege");
            Assert.True(want.SequenceEqual(got), "guarantees differ from a fresh build of v2:\n  only in the fresh build: "
                + string.Join("\n    ", want.Except(got)) + "\n  only after the migration: " + string.Join("\n    ", got.Except(want)));
        }

        if (v2.Physical.Tables.Single(t => t.SourceEntity == GeneratedV2.Entity).Features.TenantScoped)
        {
            Assert.Contains(plan.Steps, s => s.Sql.Contains("FORCE ROW LEVEL SECURITY", StringComparison.Ordinal) && s.Description.StartsWith("Create table", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task MariaDbMigrationToAGeneratedV2UnderWritesEndsEqualToV2(string spec)
    {
        var v1Requirements = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec));
        var v1 = DesignEngine.Create(v1Requirements, "mariadb");
        var v2 = DesignEngine.Create(GeneratedV2.From(v1Requirements), "mariadb");
        using var scratch = MariaDbRoundTripTests.Apply(v1, "v2_" + Path.GetFileNameWithoutExtension(spec));
        static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
        var writer = new TableWriter(v1.Physical.Tables, () => MariaDbServer.Open(scratch.Name), mariaDb: true, Quote, Quote);
        var plan = MigrationPlanner.Create(SchemaComparer.Compare(MariaDbRoundTripTests.Import(scratch.Name), v2.Physical), Options);

        await Migrate(plan, writer, files => MariaDbServer.ApplyWithClient(scratch.Name, files));

        var left = SchemaComparer.Compare(MariaDbRoundTripTests.Import(scratch.Name), v2.Physical);
        Assert.True(left.Count == 0, string.Join("\n", left.Select(d => d.ToString())));
    }

    /// <summary>Writes the plan's files, applies them while the writer inserts, and proves every insert landed.</summary>
    private async Task Migrate(MigrationPlan plan, TableWriter writer, Action<IReadOnlyList<string>> apply)
    {
        Assert.DoesNotContain(plan.Steps, s => s.LosesData);
        writer.WarmUp();
        Assert.True(writer.Writable.Count > 0, "no table takes a row: " + string.Join("; ", writer.LeftOut.Select(p => p.Key + ": " + p.Value)));
        var before = writer.Writable.ToDictionary(t => t.Name, t => writer.Count(t.Name), StringComparer.Ordinal);
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-v2-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = plan.ToScripts().Where(s => !s.RelativePath.Contains('/', StringComparison.Ordinal)).Select(s =>
            {
                var path = Path.Combine(folder, s.RelativePath);
                File.WriteAllText(path, s.Text);
                return path;
            }).ToArray();
            using var stop = new CancellationTokenSource();
            var running = Task.Run(() => writer.Run(stop.Token));
            await Task.Delay(200);
            apply(files);
            await Task.Delay(200);
            await stop.CancelAsync();
            await running;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        _output.WriteLine($"{plan.Steps.Count} steps; {writer.Inserted.Values.Sum()} rows inserted into {writer.Writable.Count} tables during the migration; "
            + $"longest insert {writer.LongestWait.TotalMilliseconds:0} ms; {writer.Failures.Count} failures");
        Assert.True(writer.Failures.IsEmpty, "writer failures: " + string.Join("; ", writer.Failures.Take(5)));
        Assert.True(writer.Inserted.Values.Sum() > 0, "the writer inserted nothing while the migration ran");
        foreach (var table in writer.Writable)
        {
            Assert.Equal(before[table.Name] + writer.Inserted.GetValueOrDefault(table.Name), writer.Count(table.Name));
        }
    }
}
