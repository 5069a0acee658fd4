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

    /// <summary>
    /// Each DDL transaction adds a table extra_k (keys, a check, an index, a comment) and a column extra_k to customer. An
    /// import that read its queries at different moments would hold a column without its table or the reverse; one
    /// snapshot holds both or neither, and the rest of the model stays as before the DDL began.
    /// </summary>
    [Fact]
    public async Task DdlCommittedDuringTheImportIsWhollyInOrWhollyOut()
    {
        using var database = PostgresServer.CreateScratch("inspector ddl");
        PostgresServer.ApplyWithPsql(database.Name, new[] { Path.Combine(Folder, "every-object-kind.sql") });
        var filter = new SchemaFilter(new[] { "inv_a", "Inv B" });
        var before = JsonSerializer.Serialize(Import(database.Name, filter), Json);

        using var stop = new CancellationTokenSource();
        var committed = 0;
        var ddl = Task.Run(() =>
        {
            using var connection = new NpgsqlConnection(PostgresServer.For(database.Name));
            connection.Open();
            for (var k = 1; !stop.IsCancellationRequested; k++)
            {
                AppliedDesign.Execute(connection, $"""
                    BEGIN;
                    CREATE TABLE inv_a.extra_{k} (id int CONSTRAINT pk_extra_{k} PRIMARY KEY CHECK (id > 0), customer_id bigint REFERENCES inv_a.customer (id));
                    CREATE INDEX ix_extra_{k} ON inv_a.extra_{k} (customer_id) WHERE customer_id IS NOT NULL;
                    COMMENT ON TABLE inv_a.extra_{k} IS 'extra {k}';
                    ALTER TABLE inv_a.customer ADD COLUMN extra_{k} int DEFAULT {k};
                    COMMIT;
                    """);
                Interlocked.Increment(ref committed);
            }
        });

        var imports = new List<IReadOnlyList<SchemaModel>>();
        try
        {
            while (imports.Count < 8 || Volatile.Read(ref committed) < 3)
            {
                imports.Add(Import(database.Name, filter));
            }
        }
        finally
        {
            stop.Cancel();
            await ddl;
        }

        foreach (var models in imports)
        {
            var a = models.Single(m => m.Schema == "inv_a");
            var extraTables = a.Tables.Where(t => t.Name.StartsWith("extra_", StringComparison.Ordinal)).Select(t => t.Name).ToArray();
            var extraColumns = a.FindTable("customer")!.Columns.Where(c => c.Name.StartsWith("extra_", StringComparison.Ordinal)).Select(c => c.Name).ToArray();
            Assert.Equal(extraColumns, extraTables.OrderBy(n => int.Parse(n[6..], System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var name in extraTables)
            {
                var extra = a.FindTable(name)!;
                Assert.Equal(("pk_" + name, 2, 1, 1, 1, "extra " + name[6..]), (extra.PrimaryKey.Name, extra.Columns.Count, extra.ForeignKeys.Count, extra.Checks.Count, extra.Indexes.Count, extra.Comment));
                Assert.Equal("id > 0", extra.Checks[0].Expression);
                Assert.Equal(new[] { "id" }, extra.ForeignKeys[0].ReferencedColumns);
            }

            var withoutExtras = models.Select(m => m with
            {
                Tables = m.Tables.Where(t => !t.Name.StartsWith("extra_", StringComparison.Ordinal))
                    .Select(t => t with { Columns = t.Columns.Where(c => !c.Name.StartsWith("extra_", StringComparison.Ordinal)).ToArray() }).ToArray(),
            }).ToArray();
            Assert.Equal(before, JsonSerializer.Serialize(withoutExtras, Json));
        }
    }

    private static IReadOnlyList<SchemaModel> Import(string database, SchemaFilter filter)
    {
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("postgresql", PostgresServer.For(database)));
        return EngineRegistry.Get("postgresql").Inspector!.Inspect(session, filter);
    }
}
