using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using DbArchitect.Integration.Tests.MariaDb;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>Design → apply with the mariadb client → Import-DbSchema → Compare-DbSchema: no difference, on MariaDB 10.11.</summary>
public sealed class MariaDbRoundTripTests
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
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mariadb");
        using var applied = Apply(design, Path.GetFileNameWithoutExtension(spec));

        var imported = Import(applied.Name);
        var differences = SchemaComparer.Compare(design.Physical, imported, engine: "mariadb");

        Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => d.ToString())));
        Assert.Equal(design.Physical.Tables.Count, imported.Tables.Count);
    }

    internal static MariaDbScratch Apply(DbDesign design, string hint)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-maria-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = DesignExporter.Export(design, folder, force: false);
            var scratch = MariaDbServer.CreateScratch("schema_" + hint);
            MariaDbServer.ApplyWithClient(scratch.Name, result.Files
                .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                .Select(f => Path.Combine(folder, f.RelativePath)));
            return scratch;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static SchemaModel Import(string database)
    {
        var connection = new MySqlConnectionStringBuilder(MariaDbServer.ConnectionString) { Database = database }.ConnectionString;
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("mariadb", connection));
        return Assert.Single(EngineRegistry.Get("mariadb").Inspector!.Inspect(session, SchemaFilter.All));
    }
}
