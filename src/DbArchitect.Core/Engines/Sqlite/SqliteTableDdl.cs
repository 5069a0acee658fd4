using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Script 2: STRICT tables in dependency order with their keys, CHECKs and foreign keys inline (SQLite cannot add a
/// constraint to an existing table, so there is no separate foreign-key script). Comments go inside the statement,
/// where SQLite keeps them in sqlite_schema.sql: SQLite has no COMMENT ON.
/// </summary>
internal static class SqliteTableDdl
{
    public const string Purpose = "Creates the STRICT tables in dependency order with primary keys, unique, check and foreign key constraints inline; comments are kept in the stored CREATE statements.";

    /// <summary>The tables in creation order: each after the tables it references, cycles broken in model order.</summary>
    public static IReadOnlyList<Table> Ordered(SchemaModel model)
    {
        var remaining = model.Tables.ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Table>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(t => t.ForeignKeys.All(f => f.ReferencedTable == t.Name || done.Contains(f.ReferencedTable)))
                ?? remaining[0];
            remaining.Remove(next);
            done.Add(next.Name);
            ordered.Add(next);
        }

        return ordered;
    }

    /// <summary>Foreign keys to a table created later (a reference cycle): DEFERRABLE INITIALLY DEFERRED, checked at COMMIT.</summary>
    public static IReadOnlySet<string> DeferredForeignKeys(SchemaModel model)
    {
        var position = Ordered(model).Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        return model.Tables.SelectMany(t => t.ForeignKeys.Where(f => f.ReferencedTable != t.Name && position[f.ReferencedTable] > position[t.Name]))
            .Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The ON DELETE action SQLite is given. SET NULL on only some columns of a composite key (PostgreSQL 15's
    /// SET NULL (col)) does not exist: the key gets NO ACTION and a trigger on the parent clears the listed columns
    /// (<see cref="SqliteTriggerDdl"/>), so the tenant column keeps its value.
    /// </summary>
    public static string DeleteAction(ForeignKey fk) => fk.OnDelete switch
    {
        Requirements.DeleteAction.SetNull when NeedsSetNullTrigger(fk) => "NO ACTION",
        Requirements.DeleteAction.SetNull => "SET NULL",
        Requirements.DeleteAction.Cascade => "CASCADE",
        Requirements.DeleteAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };

    /// <summary>
    /// The identity column of a composite primary key (tenant id, id). Only a sole INTEGER PRIMARY KEY gets automatic
    /// values in SQLite, so that column becomes the primary key (the rowid) and the designed composite key a UNIQUE
    /// constraint with the same columns in the same order; null for every other table.
    /// </summary>
    public static Column? RowidKeyOfComposite(Table table) =>
        table.PrimaryKey.Columns.Count > 1
            ? table.Columns.FirstOrDefault(c => c.Generation == KeyGeneration.Identity && table.PrimaryKey.Columns.Contains(c.Name))
            : null;

    /// <summary>The name of the UNIQUE constraint that carries a composite primary key beside its rowid key.</summary>
    public static string CompositeKeyName(Table table) => table.PrimaryKey.Name + "_key";

    public static bool NeedsSetNullTrigger(ForeignKey fk) =>
        fk.OnDelete == Requirements.DeleteAction.SetNull && fk.SetNullColumns.Count > 0 && fk.SetNullColumns.Count < fk.Columns.Count;

    public static void Write(W writer, SchemaModel model)
    {
        var deferred = DeferredForeignKeys(model);
        foreach (var table in Ordered(model))
        {
            writer.BlankLine();
            WriteTable(writer, table, deferred);
        }
    }

    private static void WriteTable(W writer, Table table, IReadOnlySet<string> deferred)
    {
        var items = new List<(string, string?)>();
        items.AddRange(table.Columns.Select(c => (ColumnDefinition(c), c.Comment)));
        if (RowidKeyOfComposite(table) is { } rowid)
        {
            items.Add(($"CONSTRAINT {W.Id(table.PrimaryKey.Name)} PRIMARY KEY ({W.Id(rowid.Name)})",
                $"{rowid.Name} is the rowid, so SQLite numbers it; the designed key ({string.Join(", ", table.PrimaryKey.Columns)}) is the UNIQUE constraint below."));
            items.Add(($"CONSTRAINT {W.Id(CompositeKeyName(table))} UNIQUE ({W.IdList(table.PrimaryKey.Columns)})",
                "The designed composite primary key: target of the composite tenant foreign keys and of tenant-first lookups."));
        }
        else if (table.PrimaryKey.Columns.Count > 0)
        {
            items.Add(($"CONSTRAINT {W.Id(table.PrimaryKey.Name)} PRIMARY KEY ({W.IdList(table.PrimaryKey.Columns)})", null));
        }

        items.AddRange(table.UniqueKeys.Select(u => ($"CONSTRAINT {W.Id(u.Name)} UNIQUE ({W.IdList(u.Columns)})", Blank(u.Reason))));
        foreach (var check in table.Checks.Where(SqliteExpressions.IsTableCheck))
        {
            var column = table.FindColumn(check.Column)
                ?? throw new InvalidOperationException($"Check {check.Name} names column {check.Column}, which table {table.Name} does not have.");
            items.Add(($"CONSTRAINT {W.Id(check.Name)} CHECK ({SqliteExpressions.Check(check, column)})", Blank(check.Reason)));
        }

        foreach (var fk in table.ForeignKeys)
        {
            var sql = $"CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)}) REFERENCES {W.Id(fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)}) ON DELETE {DeleteAction(fk)}";
            if (deferred.Contains(fk.Name))
            {
                sql += " DEFERRABLE INITIALLY DEFERRED";
            }

            var note = NeedsSetNullTrigger(fk) ? $"ON DELETE SET NULL ({string.Join(", ", fk.SetNullColumns)}) by trigger. " : string.Empty;
            items.Add((sql, Blank(note + fk.Reason)));
        }

        writer.ItemsStatement("CREATE TABLE " + W.Id(table.Name), items, table.Comment, " STRICT");
    }

    private static string ColumnDefinition(Column column)
    {
        var definition = W.Id(column.Name) + " " + SqliteExpressions.NativeType(column);
        if (!column.Nullable || column.Generation == KeyGeneration.Identity)
        {
            definition += " NOT NULL";
        }

        if (SqliteExpressions.Default(column) is { } defaultValue)
        {
            definition += " DEFAULT " + defaultValue;
        }

        if (SqliteExpressions.TypeCheck(column) is { } shape)
        {
            definition += " CHECK (" + shape + ")";
        }

        return definition;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
