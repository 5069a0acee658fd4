using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Scalability;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// sharding/citus.sql is a reference script: Citus is not installed on this server. Its first part is plain
/// PostgreSQL, so it is applied here to every designed spec, and the catalog must then satisfy what Citus demands:
/// every distributed table's primary key includes its distribution column, and the only foreign keys left are ones
/// Citus can enforce (to a reference table, or between co-located tables through both distribution columns).
/// </summary>
public sealed partial class CitusPreparationTests
{
    private const string Marker = "-- Part 2: needs Citus";

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
    public void PlainPartOfTheCitusScriptRunsAndLeavesKeysCitusAccepts(string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "postgresql");
        var plan = design.Distribution!;
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-citus-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = DesignExporter.Export(design, folder, force: false);
            var buildSteps = result.Files.Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
                .Select(f => Path.Combine(folder, f.RelativePath)).ToArray();
            var script = File.ReadAllText(Path.Combine(folder, "sharding", "citus.sql"));
            var marker = script.IndexOf(Marker, StringComparison.Ordinal);
            Assert.True(marker > 0, "the script marks where the Citus part starts");
            var plainPart = Path.Combine(folder, "citus_part1.sql");
            File.WriteAllText(plainPart, script[..marker]);

            using var database = PostgresServer.CreateScratch("citus_" + Path.GetFileNameWithoutExtension(spec));
            PostgresServer.ApplyWithPsql(database.Name, buildSteps.Append(plainPart));
            using var connection = database.Open();
            var roles = plan.Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);
            foreach (var table in plan.Tables.Where(t => t.Role == DistributionRole.Distributed))
            {
                var key = Columns(connection, design.Physical.Schema, table.Table, "p").Single().Columns;
                Assert.Contains(table.Column!, key);
            }

            foreach (var fk in Columns(connection, design.Physical.Schema, null, "f"))
            {
                var child = roles[fk.Table];
                var parent = roles[fk.Referenced!];
                var enforceable = parent.Role == DistributionRole.Reference
                    || (child.Role == DistributionRole.Distributed && parent.Role == DistributionRole.Distributed
                        && child.ColocationGroup == parent.ColocationGroup
                        && fk.Columns.Zip(fk.ReferencedColumns!).Any(p => p.First == child.Column && p.Second == parent.Column));
                Assert.True(enforceable, $"{fk.Name} on {fk.Table} -> {fk.Referenced} is left although Citus cannot enforce it");
            }

            // Part 2 needs Citus, but its arguments can be checked here: every table name resolves as regclass text and
            // every distribution column exists under exactly that name (Citus neither unquotes nor folds it).
            var calls = CitusCall().Matches(script[marker..]);
            Assert.Equal(plan.Tables.Count, calls.Count);
            foreach (System.Text.RegularExpressions.Match call in calls)
            {
                var table = call.Groups["table"].Value.Replace("''", "'", StringComparison.Ordinal);
                Assert.NotNull(Resolve(connection, table));
                if (call.Groups["column"].Success)
                {
                    var column = call.Groups["column"].Value.Replace("''", "'", StringComparison.Ordinal);
                    using var command = new NpgsqlCommand("SELECT count(*) FROM pg_attribute WHERE attrelid = @t::regclass AND attname = @c AND NOT attisdropped", connection);
                    command.Parameters.AddWithValue("t", table);
                    command.Parameters.AddWithValue("c", column);
                    Assert.Equal(1L, command.ExecuteScalar());

                    // Citus refuses a row whose distribution value is NULL: the column must be NOT NULL on the server.
                    using var notNull = new NpgsqlCommand("SELECT attnotnull FROM pg_attribute WHERE attrelid = @t::regclass AND attname = @c", connection);
                    notNull.Parameters.AddWithValue("t", table);
                    notNull.Parameters.AddWithValue("c", column);
                    Assert.True((bool)notNull.ExecuteScalar()!, $"{table}.{column} is a distribution column but nullable");
                }

                if (call.Groups["with"].Success)
                {
                    Assert.NotNull(Resolve(connection, call.Groups["with"].Value.Replace("''", "'", StringComparison.Ordinal)));
                }
            }

            // The header's claim: Citus is not available here, so part 2 is a reference.
            Assert.Equal(0L, AppliedDesign.Scalar(connection, "SELECT count(*) FROM pg_available_extensions WHERE name = 'citus'"));
            Assert.Throws<PostgresException>(() => AppliedDesign.Execute(connection, "CREATE EXTENSION IF NOT EXISTS citus"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"SELECT create_(distributed|reference)_table\('(?<table>(?:[^']|'')*)'(?:, '(?<column>(?:[^']|'')*)')?(?:, colocate_with => '(?<with>(?:[^']|'')*)')?\);")]
    private static partial System.Text.RegularExpressions.Regex CitusCall();

    private static object? Resolve(NpgsqlConnection connection, string regclassText)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass(@t)::text", connection);
        command.Parameters.AddWithValue("t", regclassText);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private sealed record Constraint(string Name, string Table, string[] Columns, string? Referenced, string[]? ReferencedColumns);

    private static List<Constraint> Columns(NpgsqlConnection connection, string schema, string? table, string type)
    {
        const string sql = """
            SELECT c.conname, t.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
                   r.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace s ON s.oid = t.relnamespace
            LEFT JOIN pg_class r ON r.oid = c.confrelid
            WHERE s.nspname = @schema AND c.contype = @type::"char" AND NOT t.relispartition AND (@table::text IS NULL OR t.relname = @table)
            ORDER BY t.relname, c.conname
            """;
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("table", (object?)table ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<Constraint>();
        while (reader.Read())
        {
            list.Add(new Constraint(reader.GetString(0), reader.GetString(1), (string[])reader.GetValue(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : (string[])reader.GetValue(4)));
        }

        return list;
    }
}
