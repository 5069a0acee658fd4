using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Set-based triggers: AFTER UPDATE keeps updated_at current (one UPDATE joined to the inserted pseudo-table per
/// statement; RECURSIVE_TRIGGERS is OFF by default, so it does not re-fire itself), and INSTEAD OF DELETE triggers
/// emulate the ON DELETE actions the cascade-path resolver had to demote. Each CREATE TRIGGER is alone in its batch.
/// </summary>
internal static class SqlServerTriggerDdl
{
    public const string Purpose = "Keeps updated_at current (AFTER UPDATE triggers) and emulates the ON DELETE actions SQL Server cannot declare (INSTEAD OF DELETE triggers).";

    public static IReadOnlyList<(Table Table, Column Column)> UpdatedAtTargets(SchemaModel model) =>
        model.Tables
            .Where(t => t.Features.Timestamps && t.PrimaryKey.Columns.Count > 0)
            .Select(t => (Table: t, Column: t.Columns.FirstOrDefault(c => c.Role == ColumnRole.UpdatedAt)))
            .Where(x => x.Column is not null)
            .Select(x => (x.Table, x.Column!))
            .ToList();

    public static bool IsNeeded(SchemaModel model) =>
        UpdatedAtTargets(model).Count > 0 || SqlServerCascadePaths.Resolve(model).Any(r => r.Emulated);

    public static string UpdatedAtTriggerName(Table table) => SqlServerExpressions.DerivedName("tr", table.Name, "updated_at");

    public static string DeleteTriggerName(string table) => SqlServerExpressions.DerivedName("tr", table, "delete");

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var (table, column) in UpdatedAtTargets(model))
        {
            writer.BlankLine();
            writer.Raw(string.Join('\n', new[]
            {
                $"CREATE TRIGGER {W.Qualified(model.Schema, UpdatedAtTriggerName(table))}",
                $"ON {W.Qualified(model.Schema, table.Name)}",
                "AFTER UPDATE",
                "AS",
                "BEGIN",
                "    SET NOCOUNT ON;",
                "    IF NOT EXISTS (SELECT 1 FROM inserted) RETURN;",
                "    UPDATE target",
                $"       SET {W.Id(column.Name)} = {Now(column)}",
                $"      FROM {W.Qualified(model.Schema, table.Name)} AS target",
                $"     INNER JOIN inserted AS changed ON {On("target", "changed", table.PrimaryKey.Columns, table.PrimaryKey.Columns)};",
                "END;",
            }));
            writer.Go();
        }

        var emulated = SqlServerCascadePaths.Resolve(model).Where(r => r.Emulated).ToList();
        foreach (var group in emulated.GroupBy(r => r.ReferencedTable, StringComparer.Ordinal))
        {
            var parent = model.FindTable(group.Key) ?? throw new InvalidOperationException($"Table {group.Key} is not in the model.");
            var lines = new List<string>
            {
                $"CREATE TRIGGER {W.Qualified(model.Schema, DeleteTriggerName(parent.Name))}",
                $"ON {W.Qualified(model.Schema, parent.Name)}",
                "INSTEAD OF DELETE",
                "AS",
                "BEGIN",
                "    SET NOCOUNT ON;",
            };
            var n = 0;
            foreach (var resolution in group)
            {
                var child = model.FindTable(resolution.Table)!;
                var key = child.ForeignKeys.First(f => f.Name == resolution.ForeignKey);
                var alias = "child" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var join = On(alias, "gone", key.Columns, key.ReferencedColumns);
                var childName = W.Qualified(model.Schema, child.Name);
                if (key.OnDelete == DeleteAction.Cascade)
                {
                    lines.Add($"    -- {key.Name}: ON DELETE CASCADE, emulated.");
                    lines.Add($"    DELETE {alias} FROM {childName} AS {alias} INNER JOIN deleted AS gone ON {join};");
                }
                else
                {
                    var cleared = key.SetNullColumns.Count > 0 ? key.SetNullColumns : key.Columns;
                    lines.Add($"    -- {key.Name}: ON DELETE SET NULL ({string.Join(", ", cleared)}), emulated.");
                    lines.Add($"    UPDATE {alias} SET {W.List(cleared.Select(c => W.Id(c) + " = NULL"))} FROM {childName} AS {alias} INNER JOIN deleted AS gone ON {join};");
                }
            }

            lines.Add($"    DELETE target FROM {W.Qualified(model.Schema, parent.Name)} AS target INNER JOIN deleted AS gone ON {On("target", "gone", parent.PrimaryKey.Columns, parent.PrimaryKey.Columns)};");
            lines.Add("END;");
            writer.BlankLine();
            writer.Raw(string.Join('\n', lines));
            writer.Go();
        }
    }

    /// <summary>Equality of column lists between two aliases: a.[x] = b.[y] AND …</summary>
    public static string On(string left, string right, IReadOnlyList<string> leftColumns, IReadOnlyList<string> rightColumns) =>
        string.Join(" AND ", leftColumns.Select((c, i) => $"{left}.{W.Id(c)} = {right}.{W.Id(rightColumns[i])}"));

    public static string Now(Column column) => column.Type.Kind switch
    {
        LogicalTypeKind.Timestamp => "TODATETIMEOFFSET(SYSUTCDATETIME(), '+00:00')",
        LogicalTypeKind.Date => "CONVERT(DATE, SYSUTCDATETIME())",
        _ => "SYSUTCDATETIME()",
    };
}
