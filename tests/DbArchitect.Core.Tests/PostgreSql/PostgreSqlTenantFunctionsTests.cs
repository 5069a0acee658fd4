using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.PostgreSql;

/// <summary>
/// Under forced row-level security only LEAKPROOF operators become index conditions, so templates whose index
/// condition is lower(), pg_trgm's %, @@ or @> run in a SECURITY DEFINER tenant query function; the rest stay plain.
/// </summary>
public sealed class PostgreSqlTenantFunctionsTests
{
    private static DbDesign Example(string file) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, file)), "postgresql");

    private static QueryTemplate Template(DbDesign design, string pattern) => design.QueryTemplates.Single(t => t.AccessPattern == pattern);

    [Fact]
    public void EmailLookupAndFuzzySearchOnATenantTableCallAFunctionThatTakesTheTenantFromTheSetting()
    {
        var design = Example("crm-deals.yaml");
        foreach (var pattern in new[] { "contact by email", "contact search" })
        {
            var statement = Assert.Single(Template(design, pattern).Statements);
            var routine = Assert.IsType<QueryRoutine>(statement.Routine);
            Assert.Equal($"SELECT * FROM pipedesk.{statement.Name}($1)", statement.Sql);
            Assert.DoesNotContain(statement.Parameters, p => p.Kind == QueryParameterKind.Tenant);
            Assert.Contains("WHERE tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint AND ", routine.Body, StringComparison.Ordinal);
            Assert.Equal(statement.Parameters.Select(p => p.NativeType), routine.ParameterTypes);
        }

        Assert.Equal("similarity", Assert.Single(Template(design, "contact search").Statements).Routine!.Returns[^1].Name);
    }

    [Fact]
    public void TemplatesWithOnlyLeakproofConditionsStayPlainStatementsWithTheTenantParameter()
    {
        var design = Example("crm-deals.yaml");
        foreach (var pattern in new[] { "pipeline", "forecast", "my deals", "deals of a contact" })
        {
            Assert.All(Template(design, pattern).Statements, s =>
            {
                Assert.Null(s.Routine);
                Assert.StartsWith("tenant_id = $1", s.Sql.Split("WHERE ")[1], StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void SingleTenantDesignsHaveNoRowSecurityAndNoFunctions()
    {
        var design = Example("ecommerce.yaml");
        Assert.All(design.QueryTemplates.SelectMany(t => t.Statements), s => Assert.Null(s.Routine));
        var security = new PostgreSqlScripts().Generate(design).Single(s => s.Kind == ScriptKind.Security).Text;
        Assert.DoesNotContain("LANGUAGE plpgsql STABLE SECURITY DEFINER", security, StringComparison.Ordinal);
        Assert.DoesNotContain("shop_fast_query", security, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityScriptCreatesEachFunctionAsADefinerOwnedByTheMemberlessQueryRoleThatOnlyTheAppAndReadersRun()
    {
        var security = new PostgreSqlScripts().Generate(Example("crm-deals.yaml")).Single(s => s.Kind == ScriptKind.Security).Text;

        Assert.Contains("CREATE ROLE pipedesk_query NOLOGIN;", security, StringComparison.Ordinal);
        Assert.DoesNotContain("GRANT pipedesk_query", security, StringComparison.Ordinal);
        Assert.Contains("CREATE POLICY tenant_query ON pipedesk.contact\n    FOR SELECT TO pipedesk_query\n    USING (true);", security, StringComparison.Ordinal);
        Assert.Contains("GRANT SELECT ON TABLE pipedesk.contact TO pipedesk_query;", security, StringComparison.Ordinal);
        Assert.Contains("CREATE OR REPLACE FUNCTION pipedesk.contact_search(text)\n    RETURNS TABLE (id bigint, tenant_id bigint, ", security, StringComparison.Ordinal);
        Assert.Contains("    LANGUAGE plpgsql STABLE SECURITY DEFINER\n    SET search_path = pg_catalog, pg_temp\n", security, StringComparison.Ordinal);
        Assert.Contains("ALTER FUNCTION pipedesk.contact_search(text) OWNER TO pipedesk_query;", security, StringComparison.Ordinal);
        Assert.Contains("REVOKE ALL ON FUNCTION pipedesk.contact_search(text) FROM PUBLIC;", security, StringComparison.Ordinal);
        Assert.Contains("GRANT EXECUTE ON FUNCTION pipedesk.contact_search(text) TO pipedesk_app, pipedesk_readonly;", security, StringComparison.Ordinal);
        // The functions come after the policies they rely on.
        Assert.True(security.IndexOf("CREATE POLICY tenant_query", StringComparison.Ordinal) < security.IndexOf("CREATE OR REPLACE FUNCTION", StringComparison.Ordinal));
    }

    [Fact]
    public void AsBuiltModelCarriesTheQueryPolicySoAnAppliedDesignComparesEqual()
    {
        var design = Example("crm-deals.yaml");
        var built = EngineRegistry.Get("postgresql").Inspector!.AsBuilt(design.Physical);
        Assert.All(built.Tables.Where(t => t.Features.TenantScoped), t =>
            Assert.Contains(t.Policies, p => p.Name == PostgreSqlTenantFunctions.PolicyName && p.Command == "SELECT" && p.Roles.SequenceEqual(new[] { "pipedesk_query" }) && p.VisibleWhen == "true"));
    }
}
