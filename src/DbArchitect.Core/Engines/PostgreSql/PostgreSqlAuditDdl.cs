using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Script 6: one generic audit trigger function writing to the model's audit table, and a trigger on each audited
/// table. The trigger passes the table's tenant column (or '') and its primary key columns as arguments, so a single
/// function serves every table; it runs as its owner (SECURITY DEFINER) so the application role needs no privilege on
/// the audit table, with a pinned search_path so it cannot be hijacked.
/// </summary>
internal static class PostgreSqlAuditDdl
{
    public const string Purpose = "Records every insert, update (changed columns only) and delete of audited tables in the audit table.";

    public const string FunctionName = "audit_row_change";

    public const string TriggerName = "audit_row_change";

    public static IReadOnlyList<Table> AuditedTables(SchemaModel model) =>
        model.Tables.Where(t => t.Features.Audit && t.Kind != TableKind.Audit).ToList();

    public static bool IsNeeded(SchemaModel model) => AuditedTables(model).Count > 0;

    public static void Write(W writer, SchemaModel model)
    {
        var auditTable = model.Tables.FirstOrDefault(t => t.Kind == TableKind.Audit)
            ?? throw new InvalidOperationException(
                "Tables are marked for audit but the model has no audit table (TableKind.Audit); the design engine must add it before SQL is generated.");
        var columns = AuditColumns.Find(auditTable);
        var audited = AuditedTables(model);
        var function = W.Qualified(model.Schema, FunctionName);

        writer.BlankLine();
        writer.ClausesStatement($"CREATE OR REPLACE FUNCTION {function}()", new[]
        {
            "RETURNS trigger",
            "LANGUAGE plpgsql",
            "SECURITY DEFINER",
            "SET search_path = pg_catalog, pg_temp",
            "AS " + W.DollarQuoted(Body(model.Schema, auditTable, columns, audited), "fn"),
        });
        writer.Statement($"COMMENT ON FUNCTION {function}() IS " + W.String(
            $"Audit trigger: writes one row to {auditTable.Name} per changed row. Arguments: tenant column name (empty when the table has none), then the primary key columns."));

        writer.BlankLine();
        foreach (var table in audited)
        {
            var tenant = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey)?.Name ?? string.Empty;
            var arguments = new[] { tenant }.Concat(table.PrimaryKey.Columns).Select(W.String);
            writer.ClausesStatement($"CREATE OR REPLACE TRIGGER {W.Id(TriggerName)}", new[]
            {
                $"AFTER INSERT OR UPDATE OR DELETE ON {W.Qualified(model.Schema, table.Name)}",
                "FOR EACH ROW",
                $"EXECUTE FUNCTION {function}({W.List(arguments)})",
            });
        }
    }

    private static string Body(string schema, Table auditTable, AuditColumns columns, IReadOnlyList<Table> audited)
    {
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

        Set(columns.TableName, "TG_TABLE_NAME");
        Set(columns.RecordId, RecordId(columns.RecordId!, audited));
        Set(columns.Action, Action(columns.Action!, auditTable));
        Set(columns.ChangedBy, columns.ChangedBy is null ? string.Empty : FromSetting("app.user_id", columns.ChangedBy));
        Set(columns.ChangedAt, "now()");
        Set(columns.OldValues, AsJson("v_old_values", columns.OldValues));
        Set(columns.NewValues, AsJson("v_new_values", columns.NewValues));
        Set(columns.TenantId, columns.TenantId is null ? string.Empty
            : $"coalesce({W.Cast("(v_row ->> nullif(TG_ARGV[0], ''))", PostgreSqlExpressions.NativeType(columns.TenantId))}, {FromSetting("app.tenant_id", columns.TenantId)})");

        return string.Join('\n', new[]
        {
            "DECLARE",
            "    v_old jsonb;",
            "    v_new jsonb;",
            "    v_row jsonb;",
            "    v_key jsonb;",
            "    v_old_values jsonb;",
            "    v_new_values jsonb;",
            "BEGIN",
            "    IF TG_OP IN ('UPDATE', 'DELETE') THEN",
            "        v_old := to_jsonb(OLD);",
            "    END IF;",
            "    IF TG_OP IN ('INSERT', 'UPDATE') THEN",
            "        v_new := to_jsonb(NEW);",
            "    END IF;",
            "    v_row := coalesce(v_new, v_old);",
            "    IF TG_OP = 'UPDATE' THEN",
            "        -- Only the columns that changed: their new values, and their old values beside them.",
            "        SELECT jsonb_object_agg(n.key, o.value), jsonb_object_agg(n.key, n.value)",
            "          INTO v_old_values, v_new_values",
            "          FROM jsonb_each(v_new) AS n",
            "          JOIN jsonb_each(v_old) AS o ON o.key = n.key",
            "         WHERE n.value IS DISTINCT FROM o.value;",
            "        IF v_new_values IS NULL THEN",
            "            RETURN NULL;",
            "        END IF;",
            "    ELSE",
            "        v_old_values := v_old;",
            "        v_new_values := v_new;",
            "    END IF;",
            "    SELECT jsonb_object_agg(k.name, v_row -> k.name)",
            "      INTO v_key",
            "      FROM unnest(TG_ARGV[1:]) AS k(name);",
            $"    INSERT INTO {W.Qualified(schema, auditTable.Name)} ({W.List(targets)})",
            "    VALUES (",
            string.Join(",\n", values.Select(v => "        " + v)),
            "    );",
            "    RETURN NULL;",
            "END;",
            string.Empty,
        });
    }

    /// <summary>The key as the record_id column's type: jsonb object, text (the single value or the object's text), or a single typed value.</summary>
    private static string RecordId(Column column, IReadOnlyList<Table> audited)
    {
        var native = PostgreSqlExpressions.NativeType(column);
        if (native is "jsonb" or "json")
        {
            return native == "jsonb" ? "v_key" : W.Cast("v_key", native);
        }

        if (column.Type.IsTextual)
        {
            return "CASE WHEN TG_NARGS = 2 THEN v_row ->> TG_ARGV[1] ELSE v_key::text END";
        }

        var composite = audited.FirstOrDefault(t => t.PrimaryKey.Columns.Count != 1);
        if (composite is not null)
        {
            throw new InvalidOperationException(
                $"Audit column {column.Name} is {native}, which cannot hold the composite key of audited table {composite.Name}; make it text or jsonb.");
        }

        return W.Cast("(v_row ->> TG_ARGV[1])", native);
    }

    /// <summary>TG_OP in the spelling the action column accepts (INSERT, insert, I or i).</summary>
    private static string Action(Column column, Table auditTable) => AuditColumns.ActionSpelling(column, auditTable) switch
    {
        AuditActionSpelling.LowerWord => "lower(TG_OP)",
        AuditActionSpelling.UpperInitial => "left(TG_OP, 1)",
        AuditActionSpelling.LowerInitial => "lower(left(TG_OP, 1))",
        _ => "TG_OP",
    };

    private static string FromSetting(string setting, Column column) =>
        W.Cast($"nullif(current_setting({W.String(setting)}, true), '')", PostgreSqlExpressions.NativeType(column));

    private static string AsJson(string variable, Column? column)
    {
        var native = column is null ? "jsonb" : PostgreSqlExpressions.NativeType(column);
        return native == "jsonb" ? variable : W.Cast(variable, native);
    }
}
