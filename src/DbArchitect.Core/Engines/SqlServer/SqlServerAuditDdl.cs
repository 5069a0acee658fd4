using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// One AFTER INSERT, UPDATE, DELETE trigger per audited table, set-based: the inserted and deleted pseudo-tables are
/// joined on the primary key and each changed row becomes one audit row, its old and new values as JSON (FOR JSON
/// PATH). The trigger and the audit table share an owner, so ownership chaining lets the application write the trail
/// without any privilege on the audit table.
/// </summary>
internal static class SqlServerAuditDdl
{
    public const string Purpose = "Records every insert, update and delete of audited tables in the audit table (AFTER triggers writing FOR JSON PATH rows).";

    public static IReadOnlyList<Table> AuditedTables(SchemaModel model) =>
        model.Tables.Where(t => t.Features.Audit && t.Kind != TableKind.Audit && t.PrimaryKey.Columns.Count > 0).ToList();

    public static bool IsNeeded(SchemaModel model) => AuditedTables(model).Count > 0 && model.Tables.Any(t => t.Kind == TableKind.Audit);

    public static string TriggerName(Table table) => SqlServerExpressions.DerivedName("tr", table.Name, "audit");

    public static void Write(W writer, SchemaModel model)
    {
        var auditTable = model.Tables.First(t => t.Kind == TableKind.Audit);
        var columns = AuditColumns.Find(auditTable);
        var stamped = SqlServerTriggerDdl.UpdatedAtTargets(model).Select(t => t.Table.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var table in AuditedTables(model))
        {
            writer.BlankLine();
            var updatedAt = stamped.Contains(table.Name) ? W.Qualified(model.Schema, SqlServerTriggerDdl.UpdatedAtTriggerName(table)) : null;
            writer.Raw(Trigger(model.Schema, table, auditTable, columns, updatedAt));
            writer.Go();
            if (updatedAt is not null)
            {
                // First among the AFTER UPDATE triggers: it records the statement's change before the updated_at trigger
                // runs, and skips the nested UPDATE that trigger makes (one audit row per change, not two).
                writer.Statement($"EXEC sys.sp_settriggerorder @triggername = {W.Argument(W.Qualified(model.Schema, TriggerName(table)))}, @order = N'First', @stmttype = N'UPDATE'");
                writer.Go();
            }
        }
    }

    private static string Trigger(string schema, Table table, Table auditTable, AuditColumns columns, string? updatedAtTrigger)
    {
        var key = table.PrimaryKey.Columns;
        var targets = new List<string>();
        var values = new List<string>();
        void Set(Column? column, string expression)
        {
            if (column is not null)
            {
                targets.Add(W.Id(column.Name));
                values.Add(expression);
            }
        }

        Set(columns.TableName, W.String(table.Name));
        Set(columns.RecordId, RecordId(columns.RecordId!, table));
        Set(columns.Action, Action(columns.Action!, auditTable));
        Set(columns.ChangedBy, columns.ChangedBy is null ? string.Empty : FromContext("user_id", columns.ChangedBy));
        Set(columns.ChangedAt, columns.ChangedAt is null ? string.Empty : SqlServerTriggerDdl.Now(columns.ChangedAt));
        Set(columns.OldValues, $"(SELECT old_row.* FROM deleted AS old_row WHERE {SqlServerTriggerDdl.On("old_row", "d", key, key)} FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)");
        Set(columns.NewValues, $"(SELECT new_row.* FROM inserted AS new_row WHERE {SqlServerTriggerDdl.On("new_row", "i", key, key)} FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)");
        var tenant = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey);
        Set(columns.TenantId, columns.TenantId is null ? string.Empty
            : tenant is null ? FromContext("tenant_id", columns.TenantId) : $"COALESCE(i.{W.Id(tenant.Name)}, d.{W.Id(tenant.Name)})");

        return string.Join('\n', new[]
        {
            $"CREATE TRIGGER {W.Qualified(schema, TriggerName(table))}",
            $"ON {W.Qualified(schema, table.Name)}",
            "AFTER INSERT, UPDATE, DELETE",
            "AS",
            "BEGIN",
            "    SET NOCOUNT ON;",
            updatedAtTrigger is null ? "    -- No updated_at trigger on this table." : $"    IF TRIGGER_NESTLEVEL(OBJECT_ID({W.String(updatedAtTrigger)})) > 0 RETURN;",
            "    DECLARE @action NVARCHAR(6) = CASE",
            "        WHEN EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted) THEN N'UPDATE'",
            "        WHEN EXISTS (SELECT 1 FROM inserted) THEN N'INSERT'",
            "        WHEN EXISTS (SELECT 1 FROM deleted) THEN N'DELETE'",
            "    END;",
            "    IF @action IS NULL RETURN;",
            $"    INSERT INTO {W.Qualified(schema, auditTable.Name)} ({W.List(targets)})",
            "    SELECT",
            string.Join(",\n", values.Select(v => "        " + v)),
            "      FROM inserted AS i",
            $"      FULL OUTER JOIN deleted AS d ON {SqlServerTriggerDdl.On("i", "d", key, key)};",
            "END;",
        });
    }

    /// <summary>The row's key as the record_id column's type: JSON text for a composite key or a JSON column, else the single value.</summary>
    private static string RecordId(Column column, Table table)
    {
        var key = table.PrimaryKey.Columns;
        var native = SqlServerExpressions.NativeType(column);
        if (key.Count == 1 && !SqlServerExpressions.HoldsJson(column))
        {
            var value = $"COALESCE(i.{W.Id(key[0])}, d.{W.Id(key[0])})";
            return $"CONVERT({native}, {value})";
        }

        if (!column.Type.IsTextual && !SqlServerExpressions.HoldsJson(column))
        {
            throw new InvalidOperationException($"Audit column {column.Name} is {native}, which cannot hold the composite key of audited table {table.Name}; make it text or json.");
        }

        return "(SELECT " + W.List(key.Select(k => $"COALESCE(i.{W.Id(k)}, d.{W.Id(k)}) AS {W.Id(k)}")) + " FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)";
    }

    /// <summary>The action in the spelling the action column accepts (INSERT, insert, I or i).</summary>
    private static string Action(Column column, Table auditTable) => AuditColumns.ActionSpelling(column, auditTable) switch
    {
        AuditActionSpelling.LowerWord => "LOWER(@action)",
        AuditActionSpelling.UpperInitial => "LEFT(@action, 1)",
        AuditActionSpelling.LowerInitial => "LOWER(LEFT(@action, 1))",
        _ => "@action",
    };

    private static string FromContext(string key, Column column) =>
        $"TRY_CONVERT({SqlServerExpressions.NativeType(column)}, SESSION_CONTEXT({W.String(key)}))";
}
