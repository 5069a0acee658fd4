using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>
/// Design → apply with psql → Import-DbSchema → Compare-DbSchema against the design: no difference, for every example
/// and hostile spec, on a real PostgreSQL 15.
/// </summary>
public sealed class PostgreSqlRoundTripTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in TestPaths.DesignSpecs())
        {
            data.Add(spec);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void AppliedDesignImportsBackWithNoDifference(string spec)
    {
        using var applied = new AppliedDesign(spec);
        var imported = Import(applied.Database.Name, applied.Design.Physical.Schema);

        var differences = SchemaComparer.Compare(applied.Design.Physical, imported, engine: "postgresql");

        Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => d.ToString())));
        Assert.Equal(applied.Design.Physical.Tables.Count, imported.Tables.Count);
    }

    [Fact]
    public void ImportReadsIndexShapesPoliciesAndComments()
    {
        using var applied = new AppliedDesign("saas-projects.yaml");
        var imported = Import(applied.Database.Name, applied.Design.Physical.Schema);

        Assert.Equal("postgresql", imported.Engine);
        Assert.Contains(imported.Tables, t => t.Policies.Count > 0);
        Assert.All(imported.Tables.SelectMany(t => t.Indexes), i => Assert.Null(i.Definition));
        var designed = applied.Design.Physical.Tables.SelectMany(t => t.Indexes.Select(i => (t.Name, Index: i))).ToArray();
        foreach (var (table, index) in designed)
        {
            var read = imported.FindTable(table)!.Indexes.Single(i => i.Name == index.Name);
            Assert.Equal(index.Keys, read.Keys);
            Assert.Equal(index.Reason, read.Reason);
        }
    }

    [Fact]
    public void TableWildcardLimitsTheImport()
    {
        using var applied = new AppliedDesign("ecommerce.yaml");
        var first = applied.Design.Physical.Tables[0].Name;
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(applied.Database.Name)));

        var models = EngineRegistry.Get("postgresql").Inspector!.Inspect(session, new SchemaFilter(new[] { applied.Design.Physical.Schema }, new[] { first[..2] + "*" }));

        var model = Assert.Single(models);
        Assert.All(model.Tables, t => Assert.StartsWith(first[..2], t.Name, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(model.Tables, t => t.Name == first);
    }

    internal static SchemaModel Import(string database, string schema)
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database)));
        return Assert.Single(EngineRegistry.Get("postgresql").Inspector!.Inspect(session, new SchemaFilter(new[] { schema })));
    }
}
