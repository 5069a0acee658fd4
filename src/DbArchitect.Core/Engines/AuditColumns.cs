using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines;

/// <summary>The audit table's columns, recognised by name whatever the naming convention.</summary>
internal sealed record AuditColumns(
    Column? TableName, Column? RecordId, Column? Action, Column? ChangedBy, Column? ChangedAt,
    Column? OldValues, Column? NewValues, Column? TenantId)
{
    public static AuditColumns Find(Table table)
    {
        Column? ByName(params string[] names) =>
            table.Columns.FirstOrDefault(c => names.Contains(ImplicitColumns.MatchKey(c.Name), StringComparer.Ordinal));

        var found = new AuditColumns(
            ByName("tablename", "entityname", "entity", "table"),
            ByName("recordid", "rowid", "entityid", "recordkey"),
            ByName("action", "operation", "op"),
            ByName("changedby", "actor", "userid", "performedby"),
            ByName("changedat", "occurredat", "loggedat", "createdat"),
            ByName("oldvalues", "olddata", "before"),
            ByName("newvalues", "newdata", "after"),
            table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) ?? ByName("tenantid"));

        var missing = new[] { ("table_name", found.TableName), ("record_id", found.RecordId), ("action", found.Action), ("old_values", found.OldValues), ("new_values", found.NewValues) }
            .Where(x => x.Item2 is null).Select(x => x.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Audit table {table.Name} lacks the column(s) {string.Join(", ", missing)} the audit trigger writes.");
        }

        var filled = new[] { found.TableName, found.RecordId, found.Action, found.ChangedBy, found.ChangedAt, found.OldValues, found.NewValues, found.TenantId };
        var unfilled = table.Columns.FirstOrDefault(c => !c.Nullable && c.Default is null && c.Generation == KeyGeneration.None && !filled.Contains(c));
        if (unfilled is not null)
        {
            throw new InvalidOperationException($"Audit table {table.Name} has a required column {unfilled.Name} without a default that the audit trigger cannot fill.");
        }

        return found;
    }

    /// <summary>
    /// How the action column spells an operation, from the values its enum or CHECK allows: the whole word upper or lower
    /// case (INSERT, insert) or its first letter (I, i). Each engine turns the spelling into its own expression.
    /// </summary>
    public static AuditActionSpelling ActionSpelling(Column column, Table auditTable)
    {
        var allowed = auditTable.Checks.Where(c => c.Column == column.Name && c.Kind == CheckKind.EnumMembers)
            .SelectMany(c => c.EnumValues).Concat(column.Type.EnumValues).ToList();
        if (allowed.Count == 0 || allowed.Contains("INSERT", StringComparer.Ordinal))
        {
            return AuditActionSpelling.UpperWord;
        }

        if (allowed.Contains("insert", StringComparer.Ordinal))
        {
            return AuditActionSpelling.LowerWord;
        }

        if (allowed.Contains("I", StringComparer.Ordinal))
        {
            return AuditActionSpelling.UpperInitial;
        }

        return allowed.Contains("i", StringComparer.Ordinal)
            ? AuditActionSpelling.LowerInitial
            : throw new InvalidOperationException($"Audit column {column.Name} accepts neither INSERT, insert, I nor i.");
    }
}

/// <summary>The spellings of an audit action an audit table's action column can ask for.</summary>
internal enum AuditActionSpelling { UpperWord, LowerWord, UpperInitial, LowerInitial }
