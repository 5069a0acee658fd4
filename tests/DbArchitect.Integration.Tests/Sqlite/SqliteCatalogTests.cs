using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Integration.Tests.Sqlite;

/// <summary>Every example and hostile spec designed with -Engine sqlite builds a real database whose catalog is the design.</summary>
public sealed class SqliteCatalogTests
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
    public void Build_scripts_create_exactly_the_designed_tables_columns_and_keys(string spec)
    {
        using var db = new SqliteAppliedDesign(spec);
        var model = db.Design.Physical;
        var virtualTables = db.Rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").Select(r => (string)r["name"]!).ToList();
        var tables = db.Rows("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
            .Select(r => (string)r["name"]!)
            .Where(n => !virtualTables.Any(v => n.StartsWith(v + "_", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(model.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), tables);

        foreach (var table in model.Tables)
        {
            Assert.Equal(1L, db.Scalar("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = @t", ("@t", table.Name)));
            var columns = db.Rows("SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(@t) ORDER BY cid", ("@t", table.Name));
            Assert.Equal(table.Columns.Select(c => c.Name), columns.Select(c => (string)c["name"]!));
            foreach (var (column, row) in table.Columns.Zip(columns))
            {
                Assert.Equal(column.NativeType, (string)row["type"]!);
                Assert.True((!column.Nullable) == ((long)row["notnull"]! == 1), $"{table.Name}.{column.Name}: NOT NULL differs");
                var position = RowidKeyOfComposite(table) is { } rowid
                    ? (column.Name == rowid.Name ? 1 : 0)
                    : table.PrimaryKey.Columns.ToList().IndexOf(column.Name) + 1;
                Assert.True(position == (long)row["pk"]!, $"{table.Name}.{column.Name}: primary key position {row["pk"]}, designed {position}");
            }

            var keys = db.Rows("SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(@t) ORDER BY id, seq", ("@t", table.Name))
                .GroupBy(r => (long)r["id"]!)
                .Select(g => Describe((string)g.First()["table"]!, g.Select(r => (string)r["from"]!), g.Select(r => (string)r["to"]!), (string)g.First()["on_delete"]!))
                .Order(StringComparer.Ordinal).ToList();
            var designed = table.ForeignKeys.Select(f => Describe(f.ReferencedTable, f.Columns, f.ReferencedColumns, ExpectedAction(f))).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(designed, keys);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Indexes_match_the_design_with_uniqueness_and_partial_flags(string spec)
    {
        using var db = new SqliteAppliedDesign(spec);
        foreach (var table in db.Design.Physical.Tables)
        {
            var catalog = db.Rows("SELECT name, \"unique\", origin, partial FROM pragma_index_list(@t)", ("@t", table.Name));
            var created = catalog.Where(r => (string)r["origin"]! == "c").ToDictionary(r => (string)r["name"]!, StringComparer.Ordinal);
            var btree = table.Indexes.Where(i => i.Method is IndexStructure.Ordered or IndexStructure.BlockRange or IndexStructure.Hash
                && i.Keys.All(k => k.Match == KeyMatch.Ordinary && (k.Expression is null || k.Expression.Kind == IndexExpressionKind.Lower))).ToList();
            Assert.Equal(btree.Select(i => i.Name).Order(StringComparer.Ordinal), created.Keys.Order(StringComparer.Ordinal));
            foreach (var index in btree)
            {
                Assert.True((index.Unique ? 1L : 0L) == (long)created[index.Name]["unique"]!, $"{index.Name}: uniqueness differs");
                Assert.True((index.Predicate is null ? 0L : 1L) == (long)created[index.Name]["partial"]!, $"{index.Name}: partial flag differs");
            }

            var composite = RowidKeyOfComposite(table) is not null;
            Assert.Equal(table.UniqueKeys.Count + (composite ? 1 : 0), catalog.Count(r => (string)r["origin"]! == "u"));
            var rowidKey = composite || (table.PrimaryKey.Columns.Count == 1 && table.FindColumn(table.PrimaryKey.Columns[0])!.NativeType == "INTEGER");
            Assert.Equal(rowidKey ? 0 : 1, catalog.Count(r => (string)r["origin"]! == "pk"));

            var searchKeys = table.Indexes.Any(i => i.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText }));
            var fts = db.Rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5(%' AND sql LIKE '%content = ' || quote(@t) || '%'", ("@t", table.Name));
            Assert.Equal(searchKeys, fts.Count > 0);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Built_database_passes_integrity_and_foreign_key_checks_with_sample_rows(string spec)
    {
        using var db = new SqliteAppliedDesign(spec);
        foreach (var table in db.Design.Physical.Tables.Where(t => t.Kind != TableKind.Audit))
        {
            db.Insert(table);
        }

        Assert.Equal("ok", db.Scalar("PRAGMA integrity_check"));
        Assert.Empty(db.Rows("PRAGMA foreign_key_check"));
        Assert.Equal("wal", db.Scalar("PRAGMA journal_mode"));
        Assert.Equal(2L, db.Scalar("PRAGMA auto_vacuum"));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_query_template_prepares_and_runs_against_the_schema(string spec)
    {
        using var db = new SqliteAppliedDesign(spec);
        var statements = db.Design.QueryTemplates.SelectMany(t => t.Statements).ToList();
        foreach (var statement in statements)
        {
            using var command = db.Command(statement.Sql);
            foreach (var parameter in statement.Parameters)
            {
                command.Parameters.AddWithValue(parameter.Placeholder, parameter.Kind == Core.Design.QueryParameterKind.SearchTerm ? "abc" : (parameter.Kind == Core.Design.QueryParameterKind.Contains ? "{}" : DBNull.Value));
            }

            try
            {
                command.Prepare();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                }
            }
            catch (SqliteException ex)
            {
                Assert.Fail($"{statement.Name}: {ex.Message}\n{statement.Sql}");
            }
        }

        // The exported file holds the same statements; run as a script it must execute too.
        if (db.Design.QueryTemplates.Count > 0)
        {
            var text = System.IO.File.ReadAllText(db.File("queries/access_patterns.sql"));
            Assert.All(statements, s => Assert.Contains(s.Sql, text, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The identity column of a composite (tenant, id) key: SQLite numbers only a sole INTEGER PRIMARY KEY, so the
    /// design makes it the primary key and the composite key a UNIQUE constraint.
    /// </summary>
    private static Column? RowidKeyOfComposite(Table table) =>
        table.PrimaryKey.Columns.Count > 1
            ? table.Columns.FirstOrDefault(c => c.Generation == KeyGeneration.Identity && table.PrimaryKey.Columns.Contains(c.Name))
            : null;

    [Theory]
    [MemberData(nameof(Specs))]
    public void Query_plans_use_the_index_each_template_names(string spec)
    {
        using var db = new SqliteAppliedDesign(spec);
        var built = db.Rows("SELECT name FROM sqlite_schema WHERE type = 'index'").Select(r => (string)r["name"]!).ToHashSet(StringComparer.Ordinal);
        var checkedPlans = 0;
        foreach (var template in db.Design.QueryTemplates.Where(t => t.ServingIndexes.Any(built.Contains)))
        {
            foreach (var statement in template.Statements)
            {
                using var command = db.Command("EXPLAIN QUERY PLAN " + statement.Sql);
                foreach (var parameter in statement.Parameters)
                {
                    command.Parameters.AddWithValue(parameter.Placeholder, DBNull.Value);
                }

                var plan = new List<string>();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        plan.Add(reader.GetString(3));
                    }
                }

                // A seek on a unique key of the equality columns finds at most one row: as good as the named index.
                var uniqueSeek = plan.Any(p => p.StartsWith("SEARCH", StringComparison.Ordinal) && p.Contains("sqlite_autoindex_", StringComparison.Ordinal) && p.Contains("=?", StringComparison.Ordinal));
                Assert.True(uniqueSeek || template.ServingIndexes.Any(i => plan.Any(p => p.Contains(i, StringComparison.Ordinal))),
                    $"{statement.Name}: plan does not use {string.Join(", ", template.ServingIndexes)}:\n{string.Join("\n", plan)}\n{statement.Sql}");
                checkedPlans++;
            }
        }

        Assert.True(checkedPlans > 0 || !db.Design.QueryTemplates.Any(t => t.ServingIndexes.Any(built.Contains)));
    }

    private static string Describe(string table, IEnumerable<string> from, IEnumerable<string> to, string onDelete) =>
        $"{table}({string.Join(",", from)})->({string.Join(",", to)}) {onDelete}";

    /// <summary>The design's ON DELETE as SQLite states it: a partial SET NULL becomes NO ACTION plus a trigger.</summary>
    private static string ExpectedAction(ForeignKey fk) => fk.OnDelete switch
    {
        DeleteAction.SetNull when fk.SetNullColumns.Count > 0 && fk.SetNullColumns.Count < fk.Columns.Count => "NO ACTION",
        DeleteAction.SetNull => "SET NULL",
        DeleteAction.Cascade => "CASCADE",
        DeleteAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };
}
