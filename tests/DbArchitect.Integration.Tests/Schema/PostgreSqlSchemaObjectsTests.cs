using DbArchitect.Core.Migration;
using DbArchitect.Core.Schema;
using Npgsql;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>
/// Policies, row-level security, sequences and views changed by hand on a real PostgreSQL 15 are found by
/// Compare-DbSchema, and the plan New-DbMigrationScript writes for them runs under psql and brings the catalog back.
/// </summary>
public sealed class PostgreSqlSchemaObjectsTests
{
    [Fact]
    public void HandMadePolicySecuritySequenceAndViewChangesAreFoundAndMigratedBack()
    {
        using var applied = new AppliedDesign("saas-projects.yaml");
        var tenant = applied.Design.Physical.Tables.Where(t => t.Features.TenantScoped).Take(3).ToArray();
        var schema = applied.Quote(applied.Design.Physical.Schema);
        using (var connection = new NpgsqlConnection(PostgresServer.For(applied.Database.Name)))
        {
            connection.Open();
            AppliedDesign.Execute(connection, $"DROP POLICY tenant_reporting ON {applied.Q(tenant[0])}");
            AppliedDesign.Execute(connection, $"ALTER POLICY tenant_isolation ON {applied.Q(tenant[1])} USING (true)");
            AppliedDesign.Execute(connection, $"ALTER TABLE {applied.Q(tenant[2])} NO FORCE ROW LEVEL SECURITY");
            AppliedDesign.Execute(connection, $"CREATE SEQUENCE {schema}.invoice_number INCREMENT 5 START 100");
            AppliedDesign.Execute(connection, $"CREATE VIEW {schema}.open_tasks AS SELECT 1 AS one");
        }

        var live = PostgreSqlRoundTripTests.Import(applied.Database.Name, applied.Design.Physical.Schema);
        var differences = SchemaComparer.Compare(applied.Design.Physical, live, engine: "postgresql");

        Assert.Contains(differences, d => d is { Change: DifferenceChange.Removed, ObjectKind: SchemaObjectKind.Policy, Name: "tenant_reporting" } && d.Table == tenant[0].Name);
        Assert.Contains(differences, d => d is { Change: DifferenceChange.Changed, ObjectKind: SchemaObjectKind.Policy, Name: "tenant_isolation" }
            && d.Table == tenant[1].Name && d.DifferenceValue!.Contains("USING (true) WITH CHECK", StringComparison.Ordinal));
        Assert.Contains(differences, d => d is { Property: DifferenceProperty.RowSecurity, ReferenceValue: "enabled, forced", DifferenceValue: "enabled" } && d.Table == tenant[2].Name);
        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.Sequence, Name: "invoice_number" } && d.DifferenceValue!.Contains("INCREMENT 5 ", StringComparison.Ordinal));
        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.View, Name: "open_tasks" });
        Assert.Equal(5, differences.Count);

        // Back to the design, keeping the sequence but with the design's increment; the view is refused, so it goes by hand.
        using (var connection = new NpgsqlConnection(PostgresServer.For(applied.Database.Name)))
        {
            connection.Open();
            AppliedDesign.Execute(connection, $"DROP VIEW {schema}.open_tasks");
        }

        live = PostgreSqlRoundTripTests.Import(applied.Database.Name, applied.Design.Physical.Schema);
        var sequence = Assert.Single(live.Sequences);
        var wanted = applied.Design.Physical with { Sequences = new[] { sequence with { Increment = 10 } } };
        var plan = MigrationPlanner.Create(SchemaComparer.Compare(live, wanted, engine: "postgresql"));
        Assert.All(plan.Steps, s => Assert.NotNull(s.RollbackSql));
        Apply(applied, plan);

        var after = PostgreSqlRoundTripTests.Import(applied.Database.Name, applied.Design.Physical.Schema);
        var left = SchemaComparer.Compare(wanted, after, engine: "postgresql");
        Assert.True(left.Count == 0, string.Join("\n", left.Select(d => d.ToString())));
        Assert.Equal(10, Assert.Single(after.Sequences).Increment);
    }

    private static void Apply(AppliedDesign applied, MigrationPlan plan)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-schema2-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = plan.ToScripts().Where(s => !s.RelativePath.Contains('/', StringComparison.Ordinal)).Select(s =>
            {
                var path = Path.Combine(folder, s.RelativePath);
                File.WriteAllText(path, s.Text);
                return path;
            }).ToArray();
            PostgresServer.ApplyWithPsql(applied.Database.Name, files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
