using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.MySql;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.MariaDb;

/// <summary>
/// Every example and hostile spec designed with -Engine mariadb loads into a real MariaDB 10.11 through the mariadb
/// client, file by file, and information_schema then holds exactly the design: tables, columns, nullability,
/// comments, keys, foreign keys with their delete rules, indexes, CHECK constraints and audit triggers.
/// </summary>
public sealed class MariaDbApplyTests
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
    public void DesignAppliesAndTheCatalogMatchesTheDesign(string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "mariadb");
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-maria-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = DesignExporter.Export(design, folder, force: false);
            using var scratch = MariaDbServer.CreateScratch(Path.GetFileNameWithoutExtension(spec));
            MariaDbServer.ApplyWithClient(scratch.Name, result.Files
                .Where(f => !f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath.EndsWith(".sql", StringComparison.Ordinal))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                .Select(f => Path.Combine(folder, f.RelativePath)));
            using var connection = MariaDbServer.Open();
            Compare(design.Physical, scratch.Name, connection);

            // Every query template prepares against the applied schema: the server parses it and resolves every
            // table, column, FULLTEXT column list and function (the client stops on the first failing PREPARE).
            var queries = result.Files.SingleOrDefault(f => f.RelativePath == MySqlQueries.RelativePath);
            Assert.Equal(design.QueryTemplates.Any(t => t.Statements.Count > 0), queries is not null);
            if (queries is not null)
            {
                MariaDbServer.ApplyWithClient(scratch.Name, new[] { Path.Combine(folder, queries.RelativePath) });
                var prepares = File.ReadAllLines(Path.Combine(folder, queries.RelativePath)).Count(l => l.StartsWith("PREPARE ", StringComparison.Ordinal));
                Assert.Equal(design.QueryTemplates.Sum(t => t.Statements.Count), prepares);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Compare(SchemaModel model, string database, MySqlConnector.MySqlConnection connection)
    {
        var p = ("@db", (object)database);
        var tables = MariaDbServer.Rows(connection, "SELECT TABLE_NAME, ENGINE, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = @db", p)
            .ToDictionary(r => (string)r["TABLE_NAME"]!, StringComparer.Ordinal);
        Assert.Equal(model.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), tables.Keys.Order(StringComparer.Ordinal));

        var columns = MariaDbServer.Rows(connection, "SELECT TABLE_NAME, COLUMN_NAME, IS_NULLABLE, COLUMN_COMMENT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = @db", p);
        var keyUsage = MariaDbServer.Rows(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = @db ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", p);
        var references = MariaDbServer.Rows(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = @db", p);
        var statistics = MariaDbServer.Rows(connection, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = @db", p);
        var checks = MariaDbServer.Rows(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = @db", p);
        var triggers = MariaDbServer.Rows(connection, "SELECT EVENT_OBJECT_TABLE, EVENT_MANIPULATION, ACTION_TIMING FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = @db", p);

        foreach (var table in model.Tables)
        {
            Assert.Equal("InnoDB", tables[table.Name]["ENGINE"]);
            Assert.Equal(Cut(table.Comment ?? string.Empty, 2048), tables[table.Name]["TABLE_COMMENT"]);

            // Columns: the design's, plus only virtual generated helper columns (partial-unique flags, LOWER()).
            var catalogColumns = columns.Where(c => Equals(c["TABLE_NAME"], table.Name)).ToList();
            foreach (var column in table.Columns)
            {
                var row = catalogColumns.SingleOrDefault(c => Equals(c["COLUMN_NAME"], column.Name));
                Assert.True(row is not null, $"{table.Name}.{column.Name} is missing");
                var nullable = column.Nullable && column.Generation != KeyGeneration.Identity;
                Assert.True((nullable ? "YES" : "NO") == (string)row!["IS_NULLABLE"]!, $"{table.Name}.{column.Name} nullability");
                Assert.Equal(Cut(column.Comment ?? string.Empty, 1024), row["COLUMN_COMMENT"]);
            }

            foreach (var extra in catalogColumns.Where(c => table.FindColumn((string)c["COLUMN_NAME"]!) is null))
            {
                Assert.Contains("VIRTUAL", (string)extra["EXTRA"]!, StringComparison.OrdinalIgnoreCase);
            }

            // Primary key columns in order.
            Assert.Equal(table.PrimaryKey.Columns, keyUsage.Where(k => Equals(k["TABLE_NAME"], table.Name) && Equals(k["CONSTRAINT_NAME"], "PRIMARY")).Select(k => (string)k["COLUMN_NAME"]!));

            // Foreign keys: names, referenced table, columns, delete rule (composite SET NULL restricts; see design.md).
            var fks = references.Where(r => Equals(r["TABLE_NAME"], table.Name)).ToDictionary(r => (string)r["CONSTRAINT_NAME"]!, StringComparer.Ordinal);
            Assert.Equal(table.ForeignKeys.Select(f => f.Name).Order(StringComparer.Ordinal), fks.Keys.Order(StringComparer.Ordinal));
            foreach (var fk in table.ForeignKeys)
            {
                Assert.Equal(fk.ReferencedTable, fks[fk.Name]["REFERENCED_TABLE_NAME"]);
                Assert.Equal(ExpectedRule(fk), fks[fk.Name]["DELETE_RULE"]);
                var used = keyUsage.Where(k => Equals(k["TABLE_NAME"], table.Name) && Equals(k["CONSTRAINT_NAME"], fk.Name)).ToList();
                Assert.Equal(fk.Columns, used.Select(k => (string)k["COLUMN_NAME"]!));
                Assert.Equal(fk.ReferencedColumns, used.Select(k => (string)k["REFERENCED_COLUMN_NAME"]!));
            }

            // Indexes: PRIMARY, each unique key, each design index that has an InnoDB form, the AUTO_INCREMENT helper
            // key — and nothing else (an index InnoDB created by itself for a foreign key would show up here).
            var indexes = statistics.Where(s => Equals(s["TABLE_NAME"], table.Name))
                .GroupBy(s => (string)s["INDEX_NAME"]!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var expected = new List<string>();
            if (table.PrimaryKey.Columns.Count > 0)
            {
                expected.Add("PRIMARY");
            }

            expected.AddRange(table.UniqueKeys.Select(u => u.Name));
            expected.AddRange(table.Indexes.Where(HasInnoDbForm(table)).Select(i => i.Name));
            var extraKeys = indexes.Keys.Except(expected, StringComparer.Ordinal).ToList();
            Assert.True(extraKeys.All(k => k.EndsWith("_auto", StringComparison.Ordinal)), $"{table.Name} has unexpected indexes: {string.Join(", ", extraKeys)}");
            foreach (var name in expected)
            {
                Assert.True(indexes.ContainsKey(name), $"{table.Name}: index {name} is missing");
            }

            foreach (var index in table.Indexes.Where(HasInnoDbForm(table)))
            {
                Assert.Equal(index.Unique ? 0L : 1L, Convert.ToInt64(indexes[index.Name]["NON_UNIQUE"], System.Globalization.CultureInfo.InvariantCulture));
            }

            // CHECK constraints: every one of the design's is enforced by name.
            var catalogChecks = checks.Where(c => Equals(c["TABLE_NAME"], table.Name)).Select(c => (string)c["CONSTRAINT_NAME"]!).ToHashSet(StringComparer.Ordinal);
            foreach (var check in table.Checks)
            {
                Assert.True(catalogChecks.Contains(check.Name), $"{table.Name}: check {check.Name} is missing");
            }

            // Audit: AFTER INSERT, UPDATE and DELETE triggers on every audited table.
            var events = triggers.Where(t => Equals(t["EVENT_OBJECT_TABLE"], table.Name)).Select(t => t["ACTION_TIMING"] + " " + t["EVENT_MANIPULATION"]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(table.Features.Audit && table.Kind != TableKind.Audit ? new[] { "AFTER DELETE", "AFTER INSERT", "AFTER UPDATE" } : Array.Empty<string>(), events);
        }
    }

    private static Func<Core.Model.Index, bool> HasInnoDbForm(Table table) => index =>
        !index.Keys.Any(k => k.Match == KeyMatch.Containment
            || (k.Column is not null && table.FindColumn(k.Column)?.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array))
        && !(index.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText })
             && !index.Keys.SelectMany(k => k.Expression?.Columns ?? new[] { k.Column! }).Any(c => table.FindColumn(c)?.Type.IsTextual == true));

    private static string ExpectedRule(ForeignKey fk) => fk.OnDelete switch
    {
        DeleteAction.SetNull when fk.SetNullColumns.Count > 0 && fk.SetNullColumns.Count < fk.Columns.Count => "RESTRICT",
        DeleteAction.SetNull => "SET NULL",
        DeleteAction.Cascade => "CASCADE",
        DeleteAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
