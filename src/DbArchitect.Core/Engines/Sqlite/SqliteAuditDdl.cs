using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Script 6: three triggers per audited table writing json_object(...) rows to the audit table. SQLite triggers are
/// per table and cannot be generic (no TG_ARGV, no row-to-JSON), so each trigger names the table's columns. An update
/// records only the columns that changed, and an update that only moved updated_at records nothing.
/// </summary>
internal static class SqliteAuditDdl
{
    public const string Purpose = "Records every insert, update (changed columns only) and delete of audited tables in the audit table, as JSON objects.";

    public static IReadOnlyList<Table> AuditedTables(SchemaModel model) =>
        model.Tables.Where(t => t.Features.Audit && t.Kind != TableKind.Audit).ToList();

    public static bool IsNeeded(SchemaModel model) => AuditedTables(model).Count > 0;

    public static string TriggerName(Table table, string action) => table.Name + "_audit_" + action;

    public static void Write(W writer, SchemaModel model)
    {
        var auditTable = model.Tables.FirstOrDefault(t => t.Kind == TableKind.Audit)
            ?? throw new InvalidOperationException("Tables are marked for audit but the model has no audit table (TableKind.Audit).");
        var columns = AuditColumns.Find(auditTable);
        foreach (var table in AuditedTables(model))
        {
            writer.BlankLine();
            var tracked = table.Columns.Where(c => c.Role != ColumnRole.UpdatedAt).ToList();
            foreach (var action in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                var row = action == "DELETE" ? "OLD" : "NEW";
                var head = new List<string> { $"CREATE TRIGGER {W.Id(TriggerName(table, action.ToLowerInvariant()))} AFTER {action} ON {W.Id(table.Name)}", "FOR EACH ROW" };
                if (action == "UPDATE")
                {
                    head[1] += " WHEN " + string.Join(" OR ", tracked.Select(c => $"{W.Of("NEW", c.Name)} IS NOT {W.Of("OLD", c.Name)}"));
                }

                string? oldValues = action switch
                {
                    "INSERT" => null,
                    "DELETE" => RowObject(table, "OLD"),
                    _ => Changed(table, "OLD", "NEW"),
                };
                string? newValues = action switch
                {
                    "DELETE" => null,
                    "INSERT" => RowObject(table, "NEW"),
                    _ => Changed(table, "NEW", "OLD"),
                };

                var targets = new List<string>();
                var values = new List<string>();
                void Set(Column? column, string? value)
                {
                    if (column is not null)
                    {
                        targets.Add(W.Id(column.Name));
                        values.Add(value ?? "NULL");
                    }
                }

                Set(columns.TableName, W.String(table.Name));
                Set(columns.RecordId, RecordId(columns.RecordId!, table, row));
                Set(columns.Action, W.String(ActionSpelling(columns.Action!, auditTable, action)));
                Set(columns.OldValues, oldValues);
                Set(columns.NewValues, newValues);
                if (columns.TenantId is not null && table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
                {
                    Set(columns.TenantId, W.Of(row, tenant.Name));
                }

                writer.Trigger(head, new[] { $"INSERT INTO {W.Id(auditTable.Name)} ({W.List(targets)})\nVALUES ({W.List(values)})" });
            }
        }
    }

    /// <summary>json_object of every column of the row; JSON columns embedded as JSON, binary as hex.</summary>
    private static string RowObject(Table table, string row) =>
        "json_object(" + W.List(table.Columns.Select(c => W.String(c.Name) + ", " + JsonValue(c, row))) + ")";

    /// <summary>The columns of <paramref name="row"/> whose value differs in <paramref name="other"/>, as one JSON object.</summary>
    private static string Changed(Table table, string row, string other) =>
        $"(SELECT json_group_object(a.key, CASE WHEN a.type IN ('object', 'array') THEN json(a.value) ELSE a.value END) FROM json_each({RowObject(table, row)}) AS a "
        + $"JOIN json_each({RowObject(table, other)}) AS b ON b.key = a.key WHERE a.value IS NOT b.value)";

    private static string JsonValue(Column column, string row) => column.Type.Kind switch
    {
        LogicalTypeKind.Json or LogicalTypeKind.Array => $"json({W.Of(row, column.Name)})",
        LogicalTypeKind.Binary => $"hex({W.Of(row, column.Name)})",
        _ => W.Of(row, column.Name),
    };

    private static string RecordId(Column column, Table table, string row)
    {
        var key = table.PrimaryKey.Columns;
        if (column.Type.Kind == LogicalTypeKind.Json || key.Count != 1)
        {
            return "json_object(" + W.List(key.Select(k => W.String(k) + ", " + W.Of(row, k))) + ")";
        }

        return column.Type.IsTextual ? $"CAST({W.Of(row, key[0])} AS TEXT)" : W.Of(row, key[0]);
    }

    /// <summary>The action in the spelling the action column accepts (INSERT, insert, I or i).</summary>
    private static string ActionSpelling(Column column, Table auditTable, string action)
    {
        var allowed = auditTable.Checks.Where(c => c.Column == column.Name && c.Kind == CheckKind.EnumMembers)
            .SelectMany(c => c.EnumValues).Concat(column.Type.EnumValues).ToList();
        if (allowed.Count == 0 || allowed.Contains(action, StringComparer.Ordinal))
        {
            return action;
        }

        foreach (var candidate in new[] { action.ToLowerInvariant(), action[..1], action[..1].ToLowerInvariant() })
        {
            if (allowed.Contains(candidate, StringComparer.Ordinal))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Audit column {column.Name} accepts neither {action}, its lower case nor its initial.");
    }

    private sealed record AuditColumns(Column? TableName, Column? RecordId, Column? Action, Column? OldValues, Column? NewValues, Column? TenantId)
    {
        public static AuditColumns Find(Table table)
        {
            Column? ByName(params string[] names) =>
                table.Columns.FirstOrDefault(c => names.Contains(ImplicitColumns.MatchKey(c.Name), StringComparer.Ordinal));

            var found = new AuditColumns(
                ByName("tablename", "entityname", "entity", "table"),
                ByName("recordid", "rowid", "entityid", "recordkey"),
                ByName("action", "operation", "op"),
                ByName("oldvalues", "olddata", "before"),
                ByName("newvalues", "newdata", "after"),
                table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) ?? ByName("tenantid"));
            var missing = new[] { ("table_name", found.TableName), ("record_id", found.RecordId), ("action", found.Action), ("old_values", found.OldValues), ("new_values", found.NewValues) }
                .Where(x => x.Item2 is null).Select(x => x.Item1).ToList();
            return missing.Count == 0
                ? found
                : throw new InvalidOperationException($"Audit table {table.Name} lacks the column(s) {string.Join(", ", missing)} the audit triggers write.");
        }
    }
}
