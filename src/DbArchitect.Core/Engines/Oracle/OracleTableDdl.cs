using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Script 2: tables with columns, primary, unique and check constraints, and their comments. A key on a TIMESTAMP WITH
/// TIME ZONE column cannot be a constraint (ORA-02329), so it becomes a unique index; a key on a LOB cannot be
/// enforced at all and is left out with a comment. Oracle has no COMMENT ON CONSTRAINT, so a constraint's reason is a
/// script comment above the table.
/// </summary>
internal static class OracleTableDdl
{
    public const string Purpose = "Creates the tables with their primary keys, unique and check constraints, and comments.";

    public static void Write(W writer, SchemaModel model, OracleTypes types, OracleNames names)
    {
        foreach (var table in model.Tables)
        {
            writer.BlankLine();
            WriteTable(writer, model.Schema, table, types, names);
        }
    }

    /// <summary>Why a key cannot be a constraint on Oracle, or null when it can.</summary>
    public static string? KeyProblem(Table table, IReadOnlyList<string> columns, OracleTypes types)
    {
        var found = columns.Select(c => table.FindColumn(c)).Where(c => c is not null).Select(c => c!).ToList();
        if (found.FirstOrDefault(c => OracleExpressions.IsLob(c, types)) is { } lob)
        {
            return $"lob:{lob.Name}";
        }

        return found.FirstOrDefault(c => OracleExpressions.NativeType(c, types) == "TIMESTAMP WITH TIME ZONE") is { } stamp ? $"tstz:{stamp.Name}" : null;
    }

    private static void WriteTable(W writer, string schema, Table table, OracleTypes types, OracleNames names)
    {
        var name = W.Qualified(schema, table.Name);
        var items = new List<string>();
        var after = new List<string>();
        items.AddRange(table.Columns.Select(c => ColumnDefinition(c, types)));
        Key(table.PrimaryKey.Name, table.PrimaryKey.Columns, "PRIMARY KEY", null);
        foreach (var unique in table.UniqueKeys)
        {
            Key(unique.Name, unique.Columns, "UNIQUE", unique.Reason);
        }

        foreach (var check in table.Checks)
        {
            var column = table.FindColumn(check.Column)
                ?? throw new InvalidOperationException($"Check {check.Name} names column {check.Column}, which table {table.Name} does not have.");
            writer.Comment($"{check.Name}: {check.Reason}");
            items.Add($"CONSTRAINT {W.Id(check.Name)} CHECK ({OracleExpressions.Check(check, column, types)})");
        }

        foreach (var column in table.Columns)
        {
            if (column.Type.Kind == LogicalTypeKind.Bool && !types.HasBoolean)
            {
                items.Add($"CONSTRAINT {W.Id(names.BoolCheck(table.Name, column.Name))} CHECK ({W.Id(column.Name)} IN (0, 1))");
            }

            if (column.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array && !types.HasJson)
            {
                items.Add($"CONSTRAINT {W.Id(names.JsonCheck(table.Name, column.Name))} CHECK ({W.Id(column.Name)} IS JSON)");
            }
        }

        writer.ItemsStatement("CREATE TABLE " + name, items);
        foreach (var statement in after)
        {
            writer.Statement(statement);
        }

        if (table.Comment is { } tableComment)
        {
            writer.Statement($"COMMENT ON TABLE {name} IS {W.String(W.Fit(tableComment))}");
        }

        foreach (var column in table.Columns.Where(c => c.Comment is not null))
        {
            writer.Statement($"COMMENT ON COLUMN {name}.{W.Id(column.Name)} IS {W.String(W.Fit(column.Comment!))}");
        }

        void Key(string keyName, IReadOnlyList<string> columns, string kind, string? reason)
        {
            if (columns.Count == 0)
            {
                return;
            }

            if (!string.IsNullOrEmpty(reason))
            {
                writer.Comment($"{keyName}: {reason}");
            }

            switch (KeyProblem(table, columns, types))
            {
                case null:
                    items.Add($"CONSTRAINT {W.Id(keyName)} {kind} ({W.IdList(columns)})");
                    break;
                case { } problem when problem.StartsWith("tstz:", StringComparison.Ordinal):
                    writer.Comment($"{keyName}: {problem[5..]} is TIMESTAMP WITH TIME ZONE, which a {kind} constraint cannot hold (ORA-02329); a unique index enforces it.");
                    after.Add($"CREATE UNIQUE INDEX {W.Qualified(schema, keyName)} ON {name} ({W.IdList(columns)})");
                    break;
                case { } problem:
                    writer.Comment($"{keyName}: not enforced: {problem[4..]} is a LOB, which cannot be part of a {kind} key in Oracle.");
                    break;
            }
        }
    }

    internal static string ColumnDefinition(Column column, OracleTypes types)
    {
        var definition = W.Id(column.Name) + " " + OracleExpressions.NativeType(column, types);
        if (column.Generation == KeyGeneration.Identity)
        {
            // ON NULL: an explicit NULL also takes the next value, and the column is NOT NULL implicitly.
            return definition + " GENERATED BY DEFAULT ON NULL AS IDENTITY";
        }

        if (OracleExpressions.Default(column, types) is { } defaultExpression)
        {
            definition += " DEFAULT " + defaultExpression;
        }

        return column.Nullable ? definition : definition + " NOT NULL";
    }
}
