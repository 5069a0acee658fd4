using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Names the Oracle scripts add beyond the model's own: the checks that stand in for BOOLEAN and JSON types, the unique
/// indexes that replace key constraints Oracle cannot declare, the per-table triggers (Oracle trigger names are unique
/// per schema, not per table), the application context and the VPD policy. Every model name is claimed first, so a
/// derived name never collides, and the order of claims is fixed, so names are the same on every run.
/// </summary>
internal sealed class OracleNames
{
    private readonly Dictionary<(string Kind, string Table, string Item), string> _names = new();

    public OracleNames(SchemaModel model, OracleTypes types)
    {
        var max = new OracleIdentifiers().MaxIdentifierBytes;
        var scope = new NameScope(max, caseSensitive: false);
        foreach (var table in model.Tables)
        {
            scope.Claim(table.Name);
            scope.Claim(table.PrimaryKey.Name);
            foreach (var name in table.UniqueKeys.Select(u => u.Name).Concat(table.Checks.Select(c => c.Name))
                         .Concat(table.ForeignKeys.Select(f => f.Name)).Concat(table.Indexes.Select(i => i.Name)))
            {
                scope.Claim(name);
            }
        }

        foreach (var table in model.Tables)
        {
            foreach (var column in table.Columns)
            {
                if (column.Type.Kind == Requirements.LogicalTypeKind.Bool && !types.HasBoolean)
                {
                    _names[("bool", table.Name, column.Name)] = scope.Claim($"ck_{table.Name}_{column.Name}_bool");
                }

                if (column.Type.Kind is Requirements.LogicalTypeKind.Json or Requirements.LogicalTypeKind.Array && !types.HasJson)
                {
                    _names[("json", table.Name, column.Name)] = scope.Claim($"ck_{table.Name}_{column.Name}_json");
                }
            }

            _names[("updated", table.Name, string.Empty)] = scope.Claim($"trg_{table.Name}_updated_at");
            _names[("audit", table.Name, string.Empty)] = scope.Claim($"trg_{table.Name}_audit");
            _names[("policy", table.Name, string.Empty)] = scope.Claim($"vpd_{table.Name}_tenant");
        }

        foreach (var (_, key) in OracleForeignKeyDdl.PartialSetNull(model))
        {
            _names[("setnull", key.Name, string.Empty)] = scope.Claim($"trg_{key.Name}_set_null");
        }

        // An application context namespace is database-wide and at most 30 bytes.
        var plain = new string(model.Schema.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray()).Trim('_');
        Context = (plain.Length == 0 || !char.IsAsciiLetter(plain[0]) ? "APP_" + plain : plain) is var p && p.Length > 26 ? p[..26].TrimEnd('_') + "_CTX" : p + "_CTX";
        ContextPackage = scope.Claim("app_context");
        PolicyFunction = scope.Claim("tenant_policy");
        TextPreferencePrefix = model.Schema;
    }

    /// <summary>The application context (SYS_CONTEXT namespace) holding the tenant and user of the session.</summary>
    public string Context { get; }

    /// <summary>The package that sets the context (the only code allowed to, by CREATE CONTEXT … USING).</summary>
    public string ContextPackage { get; }

    /// <summary>The VPD policy function returning the tenant predicate.</summary>
    public string PolicyFunction { get; }

    public string TextPreferencePrefix { get; }

    public string BoolCheck(string table, string column) => _names[("bool", table, column)];

    public string JsonCheck(string table, string column) => _names[("json", table, column)];

    public string UpdatedAtTrigger(string table) => _names[("updated", table, string.Empty)];

    public string AuditTrigger(string table) => _names[("audit", table, string.Empty)];

    public string SetNullTrigger(string foreignKey) => _names[("setnull", foreignKey, string.Empty)];

    public string Policy(string table) => _names[("policy", table, string.Empty)];
}
