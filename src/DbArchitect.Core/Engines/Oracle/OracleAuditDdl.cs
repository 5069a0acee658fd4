using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Script 6: an AFTER INSERT OR UPDATE OR DELETE row trigger per audited table writing one row to the audit table.
/// Oracle cannot turn a row into JSON generically (no to_jsonb(OLD)), so each trigger names its table's columns and
/// builds the images with JSON_OBJECT_T (12.2+); for UPDATE only the changed columns are recorded. Triggers run with
/// the owner's rights, so the application needs no privilege on the audit table. Unified Auditing (AUDIT POLICY) is the
/// alternative for who-did-what without row images.
/// </summary>
internal static class OracleAuditDdl
{
    public const string Purpose = "Records every insert, update (changed columns only) and delete of audited tables in the audit table.";

    public static IReadOnlyList<Table> AuditedTables(SchemaModel model) =>
        model.Tables.Where(t => t.Features.Audit && t.Kind != TableKind.Audit).ToList();

    public static bool IsNeeded(SchemaModel model) => AuditedTables(model).Count > 0;

    public static void Write(W writer, SchemaModel model, OracleTypes types, OracleNames names)
    {
        var audit = model.Tables.FirstOrDefault(t => t.Kind == TableKind.Audit)
            ?? throw new InvalidOperationException("Tables are marked for audit but the model has no audit table (TableKind.Audit).");
        Column? ByName(params string[] keys) => audit.Columns.FirstOrDefault(c => keys.Contains(ImplicitColumns.MatchKey(c.Name), StringComparer.Ordinal));
        var tableName = ByName("tablename", "entityname", "entity", "table");
        var recordId = ByName("recordid", "rowid", "entityid", "recordkey");
        var action = ByName("action", "operation", "op");
        var changedBy = ByName("changedby", "actor", "userid", "performedby");
        var oldValues = ByName("oldvalues", "olddata", "before");
        var newValues = ByName("newvalues", "newdata", "after");
        var tenant = audit.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey);
        if (tableName is null || recordId is null || action is null || oldValues is null || newValues is null)
        {
            throw new InvalidOperationException($"Audit table {audit.Name} lacks a column the audit trigger writes (table_name, record_id, action, old_values, new_values).");
        }

        var lower = audit.Checks.Where(c => c.Column == action.Name).SelectMany(c => c.EnumValues).Concat(action.Type.EnumValues).Contains("insert", StringComparer.Ordinal);
        foreach (var table in AuditedTables(model))
        {
            var targets = new List<string> { W.Id(tableName.Name), W.Id(recordId.Name), W.Id(action.Name), W.Id(oldValues.Name), W.Id(newValues.Name) };
            var values = new List<string> { W.String(table.Name), "v_key", "v_action", "v_old_text", "v_new_text" };
            if (changedBy is not null)
            {
                targets.Add(W.Id(changedBy.Name));
                values.Add($"SYS_CONTEXT({W.String(names.Context)}, 'USER_ID')");
            }

            var rowTenant = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey);
            if (tenant is not null && rowTenant is not null)
            {
                targets.Add(W.Id(tenant.Name));
                values.Add($"COALESCE(:NEW.{W.Id(rowTenant.Name)}, :OLD.{W.Id(rowTenant.Name)})");
            }

            var body = new List<string>
            {
                $"AFTER INSERT OR UPDATE OR DELETE ON {W.Qualified(model.Schema, table.Name)}",
                "FOR EACH ROW",
                "DECLARE",
                "    v_old JSON_OBJECT_T := JSON_OBJECT_T();",
                "    v_new JSON_OBJECT_T := JSON_OBJECT_T();",
                "    v_id JSON_OBJECT_T := JSON_OBJECT_T();",
                "    v_key VARCHAR2(4000);",
                "    v_old_text CLOB;",
                "    v_new_text CLOB;",
                "    v_action VARCHAR2(6);",
                "BEGIN",
                $"    v_action := CASE WHEN INSERTING THEN {W.String(lower ? "insert" : "INSERT")} WHEN UPDATING THEN {W.String(lower ? "update" : "UPDATE")} ELSE {W.String(lower ? "delete" : "DELETE")} END;",
            };
            var logged = table.Columns.Where(c => OracleExpressions.NativeType(c, types) != "BLOB").ToList();
            foreach (var column in logged)
            {
                var key = W.String(column.Name);
                body.Add($"    IF DELETING OR (UPDATING AND {Changed(column, types)}) THEN");
                body.Add($"        v_old.put({key}, {Value(column, ":OLD", types)});");
                body.Add("    END IF;");
                body.Add($"    IF INSERTING OR (UPDATING AND {Changed(column, types)}) THEN");
                body.Add($"        v_new.put({key}, {Value(column, ":NEW", types)});");
                body.Add("    END IF;");
            }

            body.Add("    IF UPDATING AND v_new.get_size() = 0 THEN");
            body.Add("        RETURN;");
            body.Add("    END IF;");
            foreach (var column in table.PrimaryKey.Columns.Select(c => table.FindColumn(c)!))
            {
                body.Add($"    v_id.put({W.String(column.Name)}, CASE WHEN DELETING THEN {Value(column, ":OLD", types)} ELSE {Value(column, ":NEW", types)} END);");
            }

            body.Add(table.PrimaryKey.Columns.Count == 1
                ? $"    v_key := v_id.get_string({W.String(table.PrimaryKey.Columns[0])});"
                : "    v_key := v_id.to_string();");
            body.Add("    IF NOT INSERTING THEN");
            body.Add("        v_old_text := v_old.to_clob();");
            body.Add("    END IF;");
            body.Add("    IF NOT DELETING THEN");
            body.Add("        v_new_text := v_new.to_clob();");
            body.Add("    END IF;");
            body.Add($"    INSERT INTO {W.Qualified(model.Schema, audit.Name)} ({W.List(targets)})");
            body.Add($"    VALUES ({W.List(values)});");
            body.Add("END;");
            writer.BlankLine();
            writer.PlSql($"CREATE OR REPLACE TRIGGER {W.Qualified(model.Schema, names.AuditTrigger(table.Name))}", body);
        }
    }

    /// <summary>True in PL/SQL when the column's value changed, NULLs included (NULL = NULL is not true in Oracle).</summary>
    private static string Changed(Column column, OracleTypes types)
    {
        var c = W.Id(column.Name);
        var nulls = $"(:OLD.{c} IS NULL) <> (:NEW.{c} IS NULL)";
        return OracleExpressions.NativeType(column, types) switch
        {
            "CLOB" => $"(DBMS_LOB.COMPARE(:OLD.{c}, :NEW.{c}) <> 0 OR {nulls})",
            "JSON" => "TRUE",
            _ => $"(:OLD.{c} <> :NEW.{c} OR {nulls})",
        };
    }

    /// <summary>The column's value as JSON_OBJECT_T.put accepts it: RAW as hex, dates and times as ISO text, CLOB as its first 4000 characters.</summary>
    private static string Value(Column column, string row, OracleTypes types)
    {
        var value = row + "." + W.Id(column.Name);
        var native = OracleExpressions.NativeType(column, types);
        return native switch
        {
            "RAW(16)" => $"RAWTOHEX({value})",
            "DATE" => $"TO_CHAR({value}, 'YYYY-MM-DD\"T\"HH24:MI:SS')",
            "TIMESTAMP WITH TIME ZONE" => $"TO_CHAR({value}, 'YYYY-MM-DD\"T\"HH24:MI:SS.FF6TZH:TZM')",
            "CLOB" => $"DBMS_LOB.SUBSTR({value}, 4000, 1)",
            _ when native.StartsWith("INTERVAL", StringComparison.Ordinal) => $"TO_CHAR({value})",
            _ when native.StartsWith("NUMBER", StringComparison.Ordinal) && column.Type.Kind == LogicalTypeKind.Bool => $"{value} = 1",
            _ when native.StartsWith("BINARY_", StringComparison.Ordinal) => $"TO_NUMBER({value})",
            _ => value,
        };
    }
}
