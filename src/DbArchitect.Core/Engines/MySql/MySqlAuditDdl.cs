using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Script 4: AFTER INSERT/UPDATE/DELETE triggers writing each change as JSON_OBJECT rows to the audit table. Each
/// trigger body is ONE INSERT statement, so no BEGIN … END block and no DELIMITER change is needed: the file runs
/// unchanged in the command-line client and statement by statement through a driver. The acting user comes from the
/// session variable @app_user_id. Updates record the whole old and new row (a per-column diff needs a compound body).
/// </summary>
internal static class MySqlAuditDdl
{
    public const string Purpose = "Records every insert, update and delete of audited tables in the audit table through AFTER triggers.";

    private static readonly string[] Events = { "INSERT", "UPDATE", "DELETE" };

    public static IReadOnlyList<Table> AuditedTables(SchemaModel model) =>
        model.Tables.Where(t => t.Features.Audit && t.Kind != TableKind.Audit).ToList();

    public static bool IsNeeded(SchemaModel model) => AuditedTables(model).Count > 0;

    /// <summary>The trigger of one table and event (trigger names are unique per database).</summary>
    public static string TriggerName(Table table, string dmlEvent) =>
        IdentifierShortener.Shorten(table.Name + "_audit_" + dmlEvent.ToLowerInvariant(), MySqlIdentifiers.MaxIdentifierCharacters);

    public static void Write(W writer, SchemaModel model, MySqlDialect dialect)
    {
        var auditTable = model.Tables.FirstOrDefault(t => t.Kind == TableKind.Audit)
            ?? throw new InvalidOperationException("Tables are marked for audit but the model has no audit table (TableKind.Audit).");
        var columns = AuditColumns.Find(auditTable);
        foreach (var table in AuditedTables(model))
        {
            writer.BlankLine();
            foreach (var dmlEvent in Events)
            {
                var row = dmlEvent == "DELETE" ? "OLD" : "NEW";
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
                Set(columns.RecordId, RecordId(table, row, dialect));
                Set(columns.Action, W.String(dmlEvent));
                Set(columns.ChangedBy, "@app_user_id");
                Set(columns.OldValues, dmlEvent == "INSERT" ? "NULL" : RowJson(table, "OLD", dialect));
                Set(columns.NewValues, dmlEvent == "DELETE" ? "NULL" : RowJson(table, "NEW", dialect));
                if (columns.TenantId is not null && table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
                {
                    Set(columns.TenantId, $"{row}.{W.Id(tenant.Name)}");
                }

                writer.ClausesStatement($"CREATE TRIGGER {W.Id(TriggerName(table, dmlEvent))} AFTER {dmlEvent} ON {W.Id(table.Name)} FOR EACH ROW", new[]
                {
                    $"INSERT INTO {W.Id(auditTable.Name)} ({W.List(targets)})",
                    $"VALUES ({W.List(values)})",
                });
            }
        }
    }

    /// <summary>The key as text, or a JSON object of the key columns when the key is composite.</summary>
    private static string RecordId(Table table, string row, MySqlDialect dialect)
    {
        var key = table.PrimaryKey.Columns.Select(c => table.FindColumn(c)!).ToList();
        return key.Count == 1
            ? $"CAST({Value(key[0], row, dialect)} AS CHAR)"
            : "JSON_OBJECT(" + W.List(key.Select(c => W.String(c.Name) + ", " + Value(c, row, dialect))) + ")";
    }

    private static string RowJson(Table table, string row, MySqlDialect dialect) =>
        "JSON_OBJECT(" + W.List(table.Columns.Select(c => W.String(c.Name) + ", " + Value(c, row, dialect))) + ")";

    /// <summary>A column of OLD/NEW as a JSON-friendly value: BINARY(16) uuids as text, JSON text as JSON.</summary>
    private static string Value(Column column, string row, MySqlDialect dialect)
    {
        var reference = $"{row}.{W.Id(column.Name)}";
        return column.Type.Kind switch
        {
            LogicalTypeKind.Uuid when !dialect.IsMariaDb => $"BIN_TO_UUID({reference}, 1)",
            LogicalTypeKind.Uuid => $"CAST({reference} AS CHAR)",
            LogicalTypeKind.Json or LogicalTypeKind.Array => $"JSON_EXTRACT({reference}, '$')",
            _ => reference,
        };
    }
}
