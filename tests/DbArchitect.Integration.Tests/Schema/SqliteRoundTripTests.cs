using DbArchitect.Core.Engines;
using DbArchitect.Core.Live;
using DbArchitect.Core.Schema;
using DbArchitect.Integration.Tests.Sqlite;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>Design → the SQLite build scripts applied to a file → Import-DbSchema → Compare-DbSchema: no difference.</summary>
public sealed class SqliteRoundTripTests
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
        using var applied = new SqliteAppliedDesign(spec);
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("sqlite", $"Data Source={applied.DatabaseFile}"));
        var imported = Assert.Single(EngineRegistry.Get("sqlite").Inspector!.Inspect(session, SchemaFilter.All));

        var differences = SchemaComparer.Compare(applied.Design.Physical, imported, engine: "sqlite");

        Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => d.ToString())));
    }
}
