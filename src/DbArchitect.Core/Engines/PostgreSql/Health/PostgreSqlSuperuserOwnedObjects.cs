using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>SUPERUSER_OWNED_OBJECTS: application schemas whose tables, views, sequences or functions a superuser owns.</summary>
internal sealed class PostgreSqlSuperuserOwnedObjects : PostgreSqlHealthCheck
{
    public override string Id => "SUPERUSER_OWNED_OBJECTS";

    public override string Title => "Application objects owned by a superuser";

    public override string Category => "Security";

    public override string Description => "Objects in application schemas owned by a superuser, counted per schema and owner. The application then either runs as superuser or cannot alter its own schema; SECURITY DEFINER functions and views owned by a superuser run with unlimited rights.";

    public override string Sql => $"""
        SELECT o.schema_name || ' (owner ' || o.owner || ')' AS target, o.schema_name, o.owner, count(*) AS objects
        FROM (
          SELECT n.nspname AS schema_name, r.rolname AS owner
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner
          WHERE r.rolsuper AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND {PostgreSqlHealth.UserSchema("n")}
            AND {PostgreSqlHealth.NotExtensionMember("pg_class", "c.oid")}
          UNION ALL
          SELECT n.nspname, r.rolname
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_roles r ON r.oid = p.proowner
          WHERE r.rolsuper AND {PostgreSqlHealth.UserSchema("n")} AND {PostgreSqlHealth.NotExtensionMember("pg_proc", "p.oid")}
        ) o
        GROUP BY o.schema_name, o.owner
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("objects")} objects in schema {row.String("schema_name")} are owned by superuser {row.String("owner")}.";

    protected override string Recommend(LiveRow row) => "Create a non-superuser owner role for the application schema and ALTER … OWNER TO it (REASSIGN OWNED covers a whole role).";
}
