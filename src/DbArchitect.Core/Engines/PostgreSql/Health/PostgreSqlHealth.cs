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

    /// <summary>A condition that a reloptions array (pg_class.reloptions) switches autovacuum off for the relation.</summary>
    public static string AutovacuumDisabledBy(string reloptions) =>
        $"EXISTS (SELECT 1 FROM unnest({reloptions}) o WHERE o ~* '^autovacuum_enabled=(false|off|no|0)$')";

    public static bool HasExtension(HealthCheckContext context, string name) =>
        context.Cached("pg.extensions", () => context.Query("SELECT extname FROM pg_extension", "Reading installed extensions")
            .Select(r => r.String("extname") ?? string.Empty).ToHashSet(StringComparer.Ordinal)).Contains(name);

    /// <summary>
    /// The planner's column statistics as (relid, attnum, null_frac, avg_width). pg_statistic itself when the login may
    /// read it (superusers): pg_stats checks column privileges attribute by attribute, which at 10,000 tables costs
    /// seconds; otherwise pg_stats, mapped back to oids.
    /// </summary>
    public static string ColumnStatistics(bool readCatalog) => readCatalog
        ? "SELECT starelid AS relid, staattnum AS attnum, stanullfrac AS null_frac, stawidth AS avg_width FROM pg_statistic WHERE NOT stainherit"
        : """
          SELECT c.oid AS relid, a.attnum, s.null_frac, s.avg_width
          FROM pg_stats s
          JOIN pg_namespace sn ON sn.nspname = s.schemaname
          JOIN pg_class c ON c.relname = s.tablename AND c.relnamespace = sn.oid
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = s.attname
          WHERE NOT s.inherited
          """;

    public static bool CanReadStatistic(HealthCheckContext context) =>
        context.Cached("pg.read_pg_statistic", () => context.Session.Scalar("SELECT has_table_privilege('pg_catalog.pg_statistic', 'SELECT')", "Reading privileges") is true);

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
