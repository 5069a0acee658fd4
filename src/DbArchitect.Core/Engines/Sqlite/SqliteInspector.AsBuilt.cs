using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Sqlite;

public sealed partial class SqliteInspector
{
    /// <summary>
    /// The design as SqliteScripts builds it: no comments (SQLite keeps them only inside the stored SQL text), search
    /// indexes become FTS5 tables (not indexes), array-membership checks are triggers, a composite key with an identity
    /// column is the rowid key plus a UNIQUE, set-null of some key columns is a trigger, booleans default to 1/0.
    /// </summary>
    public SchemaModel AsBuilt(SchemaModel design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return design with { Tables = design.Tables.Select(BuiltTable).ToArray() };
    }

    private static Table BuiltTable(Table table)
    {
        var rowid = SqliteTableDdl.RowidKeyOfComposite(table);
        var uniques = table.UniqueKeys.Select(u => u with { Reason = string.Empty }).ToList();
        if (rowid is not null)
        {
            uniques.Add(new UniqueKey(SqliteTableDdl.CompositeKeyName(table), table.PrimaryKey.Columns, string.Empty));
        }

        return table with
        {
            Comment = null,
            Columns = table.Columns.Select(c => c with
            {
                Comment = null,
                Default = c.Type.Kind == LogicalTypeKind.Bool && c.Default is { Kind: DefaultKind.Literal, Value: { } v }
                    ? c.Default with { Value = v is "true" or "TRUE" ? "1" : v is "false" or "FALSE" ? "0" : v }
                    : c.Default,
            }).ToArray(),
            PrimaryKey = rowid is null ? table.PrimaryKey : table.PrimaryKey with { Columns = new[] { rowid.Name } },
            UniqueKeys = uniques,
            ForeignKeys = table.ForeignKeys.Select(f => f with
            {
                Reason = string.Empty,
                SetNullColumns = Array.Empty<string>(),
                OnDelete = SqliteTableDdl.DeleteAction(f) switch { "SET NULL" => DeleteAction.SetNull, "CASCADE" => DeleteAction.Cascade, "NO ACTION" => DeleteAction.NoAction, _ => DeleteAction.Restrict },
            }).ToArray(),
            Checks = table.Checks.Where(SqliteExpressions.IsTableCheck).Select(c => c with { Reason = string.Empty }).ToArray(),
            Indexes = table.Indexes.Where(i => !SqliteIndexDdl.IsSearch(i)).Select(i => i with { Reason = string.Empty }).ToArray(),
        };
    }
}
