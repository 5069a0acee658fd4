using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>SECURITY_DEFINER_SEARCH_PATH: SECURITY DEFINER functions without a pinned search_path.</summary>
internal sealed class PostgreSqlSecurityDefinerSearchPath : PostgreSqlHealthCheck
{
    public override string Id => "SECURITY_DEFINER_SEARCH_PATH";

    public override string Title => "SECURITY DEFINER function without a pinned search_path";

    public override string Category => "Security";

    public override string Description => "A SECURITY DEFINER function runs with its owner's rights but resolves unqualified names through the caller's search_path, so a caller who can create objects in any schema on that path can make it run their code with the owner's rights. The function needs SET search_path in its definition.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS target,
               pg_get_userbyid(p.proowner) AS owner
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prosecdef AND {PostgreSqlHealth.UserSchema("n")} AND {PostgreSqlHealth.NotExtensionMember("pg_proc", "p.oid")}
          AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, ARRAY[]::text[])) cfg WHERE cfg LIKE 'search\_path=%')
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Runs as {row.String("owner")} with the caller's search_path.";

    protected override string Recommend(LiveRow row) => "ALTER FUNCTION … SET search_path = <its schema>, pg_temp (pg_temp last), and schema-qualify the objects it uses.";
}
