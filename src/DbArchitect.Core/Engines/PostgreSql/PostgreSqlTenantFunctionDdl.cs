using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The tenant query functions of the security script (why they exist: <see cref="PostgreSqlTenantFunctions"/>): the
/// query role may read the tables they search, and each function is SECURITY DEFINER with a fixed search_path, owned
/// by the query role, and executable by the app and readonly roles only. PL/pgSQL keeps each body's plan in the
/// session's plan cache (custom or generic as plan_cache_mode says), as a prepared statement would.
/// </summary>
internal static class PostgreSqlTenantFunctionDdl
{
    public static void Write(W writer, SchemaModel model, IReadOnlyList<QueryRoutine> routines, PostgreSqlRoles roles)
    {
        if (routines.Count == 0)
        {
            return;
        }

        var query = W.Id(roles.Query);
        var tables = routines.Select(r => r.Table).Distinct(StringComparer.Ordinal).Select(t => W.Qualified(model.Schema, t)).ToList();
        writer.BlankLine();
        writer.Comment($"Tenant query functions: templates whose index condition is not LEAKPROOF run as {roles.Query}, which the tenant_query policy lets read");
        writer.Comment("every tenant; each function applies the app.tenant_id tenant itself. Review a change to them as you would a policy change.");
        writer.Statement($"GRANT USAGE ON SCHEMA {W.Id(model.Schema)} TO {query}");
        writer.Statement($"GRANT SELECT ON TABLE {W.List(tables)} TO {query}");
        foreach (var routine in routines)
        {
            var signature = $"{W.Qualified(model.Schema, routine.Name)}({W.List(routine.ParameterTypes)})";
            // use_column: the RETURNS TABLE names are PL/pgSQL variables too, and the body means the table's columns.
            var body = "#variable_conflict use_column\nBEGIN\n    RETURN QUERY\n"
                + string.Concat(routine.Body.Split('\n').Select(line => "    " + line + "\n")).TrimEnd('\n') + ";\nEND;\n";
            writer.BlankLine();
            writer.ClausesStatement($"CREATE OR REPLACE FUNCTION {signature}", new[]
            {
                $"RETURNS TABLE ({W.List(routine.Returns.Select(c => W.Id(c.Name) + " " + c.NativeType))})",
                "LANGUAGE plpgsql STABLE SECURITY DEFINER",
                "SET search_path = pg_catalog, pg_temp",
                "AS " + W.DollarQuoted(body, "query"),
            });
            writer.Statement($"COMMENT ON FUNCTION {signature} IS {W.String(routine.Reason)}");
            writer.Statement($"ALTER FUNCTION {signature} OWNER TO {query}");
            writer.Statement($"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC");
            writer.Statement($"GRANT EXECUTE ON FUNCTION {signature} TO {W.Id(roles.App)}, {W.Id(roles.ReadOnly)}");
        }
    }
}
