using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>What PostgreSQL's health checks share: the engine id, the filter for application schemas, installed extensions.</summary>
internal static class PostgreSqlHealth
{
    public static readonly IReadOnlyList<string> Engines = new[] { "postgresql" };

    /// <summary>A condition on a pg_namespace alias that keeps application schemas (not the catalogs, TOAST or temp schemas).</summary>
    public static string UserSchema(string alias) =>
        $"{alias}.nspname NOT IN ('pg_catalog', 'information_schema') AND {alias}.nspname NOT LIKE 'pg\\_toast%' AND {alias}.nspname NOT LIKE 'pg\\_temp\\_%'";

    /// <summary>A condition that the object (class id, object id) is not a member of an extension (those are the extension's business).</summary>
    public static string NotExtensionMember(string catalog, string oid) =>
        $"NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{catalog}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";

    public static bool HasExtension(HealthCheckContext context, string name) =>
        context.Cached("pg.extensions", () => context.Query("SELECT extname FROM pg_extension", "Reading installed extensions")
            .Select(r => r.String("extname") ?? string.Empty).ToHashSet(StringComparer.Ordinal)).Contains(name);

    /// <summary>A schema-qualified object name as it appears in a statement, quoted by the engine's writer.</summary>
    public static string Qualified(LiveRow row, string schemaColumn, string nameColumn) =>
        PostgreSqlWriter.Qualified(row.String(schemaColumn) ?? string.Empty, row.String(nameColumn) ?? string.Empty);
}

/// <summary>A PostgreSQL check that is one catalog query.</summary>
internal abstract class PostgreSqlHealthCheck : QueryHealthCheck
{
    public override IReadOnlyList<string> Engines => PostgreSqlHealth.Engines;
}

/// <summary>Names the database a PostgreSQL session is in.</summary>
internal sealed class PostgreSqlHealthProfile : IHealthEngineProfile
{
    public IReadOnlyList<string> Engines => PostgreSqlHealth.Engines;

    public string DatabaseName(LiveSession session) =>
        Convert.ToString(session.Scalar("SELECT current_database()", "Reading the database name"), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
