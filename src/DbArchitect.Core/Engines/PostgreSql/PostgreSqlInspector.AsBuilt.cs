using DbArchitect.Core.Model;
using T = DbArchitect.Core.Engines.PostgreSql.PostgreSqlCatalogText;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

public sealed partial class PostgreSqlInspector
{
    private const int MaxIdentifierBytes = 63;

    private static readonly string[] Everyone = { "public" };

    /// <summary>
    /// The design as the build scripts leave it in the catalog: every tenant-scoped table gets row-level security
    /// (enabled and forced) and the three policies of the security script, their expressions spelled the way
    /// pg_get_expr prints them, so an applied design compares equal and a changed policy does not.
    /// </summary>
    public SchemaModel AsBuilt(SchemaModel design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var roles = PostgreSqlSecurityDdl.RoleNames(design.Schema, MaxIdentifierBytes);
        return design with
        {
            Tables = design.Tables.Select(WithCheckTexts).Select(t => t.Features.TenantScoped && t.Policies.Count == 0 ? WithTenantPolicies(t, roles.Reporting, roles.Query) : t).ToArray(),
        };
    }

    /// <summary>Every structured check with the condition the table script writes, so its meaning compares with the catalog's.</summary>
    private static Table WithCheckTexts(Table table) => table with
    {
        Checks = table.Checks.Select(c => c.Expression is null && table.FindColumn(c.Column) is { } column
            ? c with { Expression = PostgreSqlExpressions.Check(c, column) }
            : c).ToArray(),
    };

    private static Table WithTenantPolicies(Table table, string reporting, string query)
    {
        var tenant = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey);
        if (tenant is null)
        {
            return table;
        }

        var condition = TenantCondition(tenant);
        return table with
        {
            RowSecurityEnabled = true,
            RowSecurityForced = true,
            Policies = new[]
            {
                new RowPolicy(PostgreSqlSecurityDdl.PolicyName, "ALL", Everyone, condition, condition, true, PostgreSqlSecurityDdl.IsolationComment),
                new RowPolicy(PostgreSqlSecurityDdl.ReportingPolicyName, "SELECT", new[] { reporting }, "true", null, true, PostgreSqlSecurityDdl.ReportingComment),
                new RowPolicy(PostgreSqlTenantFunctions.PolicyName, "SELECT", new[] { query }, "true", null, true, PostgreSqlTenantFunctions.PolicyComment),
            },
        };
    }

    /// <summary>
    /// The tenant policy's condition as the catalog prints it: literals carry their type (<c>'app.tenant_id'::text</c>)
    /// and the cast of the NULLIF call is parenthesised.
    /// </summary>
    internal static string TenantCondition(Column tenant)
    {
        var setting = $"NULLIF(current_setting({W.String(PostgreSqlSecurityDdl.TenantSetting)}::text, true), ''::text)";
        var type = T.CanonicalType(PostgreSqlExpressions.NativeType(tenant));
        return $"({W.Id(tenant.Name)} = " + (type == "text" ? setting : $"({setting})::{type}") + ")";
    }
}
