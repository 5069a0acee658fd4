using System.Text.Json;
using System.Text.Json.Serialization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;
using Npgsql;

namespace DbArchitect.Integration.Tests.Schema;

/// <summary>
/// The PostgreSQL inspector reads every kind of object it knows into the model recorded in
/// <c>Inspector/every-object-kind.golden.json</c> (written by the one-connection inspector before the catalog queries were
/// spread over several connections), and DDL committed while it reads never shows half in the model.
/// </summary>
public sealed class PostgreSqlInspectorModelTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Integration.Tests", "Schema", "Inspector");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    [Fact]
    public void EveryObjectKindImportsAsTheRecordedModel()
    {
        using var database = PostgresServer.CreateScratch("inspector kinds");
        PostgresServer.ApplyWithPsql(database.Name, new[] { Path.Combine(Folder, "every-object-kind.sql") });

        // The whole of both schemas, then filters that leave referenced tables out (their key columns are still named).
        var text = JsonSerializer.Serialize(new
        {
            All = Import(database.Name, new SchemaFilter(new[] { "inv_a", "Inv B" })),
            Filtered = Import(database.Name, new SchemaFilter(new[] { "Inv*", "inv_a" }, new[] { "c*", "Line*", "document" })),
            OneSchema = Import(database.Name, new SchemaFilter(new[] { "Inv B" })),
        }, Json).ReplaceLineEndings("\n") + "\n";

        var golden = Path.Combine(Folder, "every-object-kind.golden.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, text);
        }

        Assert.Equal(File.ReadAllText(golden), text);
    }

    private static IReadOnlyList<SchemaModel> Import(string database, SchemaFilter filter)
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database)));
        return EngineRegistry.Get("postgresql").Inspector!.Inspect(session, filter);
    }
}
