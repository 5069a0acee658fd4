using System.Globalization;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// monitoring/health.sql (database, table and index health views) and monitoring/pg_stat_statements.sql (the
/// extension and a top-statements view), both run in the design's database by a superuser after the build. The
/// reporting role may read the views; with pg_read_all_stats it sees every session and statement.
/// </summary>
internal static class PostgreSqlMonitoringSql
{
    public const string HealthPath = "monitoring/health.sql";
    public const string HealthPurpose = "Health views: database_health (one row with alerts), table_health (dead rows, vacuum and analyze times, sizes) and index_health (bloat estimate, validity, rebuild statement).";
    public const string StatementsPath = "monitoring/pg_stat_statements.sql";
    public const string StatementsPurpose = "pg_stat_statements and the top_statements view of this database's most expensive statements.";

    public const string DatabaseHealthView = "database_health";
    public const string TableHealthView = "table_health";
    public const string IndexHealthView = "index_health";
    public const string TopStatementsView = "top_statements";

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string NeedsVacuum(string alias) =>
        $"{alias}.n_dead_tup > {PostgreSqlMaintenance.DeadRowsAlert} AND {alias}.n_dead_tup > {Num(PostgreSqlMaintenance.DeadRatioAlert)} * greatest({alias}.n_live_tup, 1)";

    public static void WriteHealth(W writer, SchemaModel model, bool oltp, int maxIdentifierBytes)
    {
        var schema = W.String(model.Schema);
        var reporting = W.Id(PostgreSqlSecurityDdl.RoleNames(model.Schema, maxIdentifierBytes).Reporting);
        var database = W.Qualified(model.Schema, DatabaseHealthView);
        var tables = W.Qualified(model.Schema, TableHealthView);
        var indexes = W.Qualified(model.Schema, IndexHealthView);
        var cacheAlert = oltp ? "0.99" : "0.90";

        writer.BlankLine();
        writer.Comment("Poll this view (as the reporting role) from the monitoring system; alerts lists every threshold currently passed.");
        writer.Statement($"CREATE OR REPLACE VIEW {database} AS\n" +
            "WITH activity AS (\n" +
            "    SELECT count(*) FILTER (WHERE a.backend_type = 'client backend') AS connections,\n" +
            "           count(*) FILTER (WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.state = 'active') AS active_sessions,\n" +
            "           count(*) FILTER (WHERE a.datname = current_database() AND a.state LIKE 'idle in transaction%') AS idle_in_transaction_sessions,\n" +
            "           max(extract(epoch FROM now() - a.state_change)) FILTER (WHERE a.datname = current_database() AND a.state LIKE 'idle in transaction%') AS longest_idle_in_transaction_seconds,\n" +
            "           max(extract(epoch FROM now() - a.query_start)) FILTER (WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.state = 'active' AND a.pid <> pg_catalog.pg_backend_pid()) AS longest_query_seconds,\n" +
            "           max(extract(epoch FROM now() - a.xact_start)) FILTER (WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.pid <> pg_catalog.pg_backend_pid()) AS longest_transaction_seconds\n" +
            "    FROM pg_catalog.pg_stat_activity a\n" +
            "), db AS (\n" +
            "    SELECT pg_catalog.pg_database_size(d.oid) AS database_bytes,\n" +
            "           pg_catalog.age(d.datfrozenxid) AS xid_age,\n" +
            "           s.blks_hit::numeric / nullif(s.blks_hit + s.blks_read, 0) AS cache_hit_ratio\n" +
            "    FROM pg_catalog.pg_database d\n" +
            "    JOIN pg_catalog.pg_stat_database s ON s.datid = d.oid\n" +
            "    WHERE d.datname = current_database()\n" +
            "), vacuum AS (\n" +
            $"    SELECT count(*) FILTER (WHERE {NeedsVacuum("t")}) AS tables_needing_vacuum\n" +
            "    FROM pg_catalog.pg_stat_user_tables t\n" +
            $"    WHERE t.schemaname = {schema}\n" +
            "), replication AS (\n" +
            "    SELECT count(*) AS standbys, max(extract(epoch FROM r.replay_lag)) AS replay_lag_seconds\n" +
            "    FROM pg_catalog.pg_stat_replication r\n" +
            "), figures AS (\n" +
            "    SELECT a.*, current_setting('max_connections')::int AS max_connections, db.*, vacuum.*, replication.*,\n" +
            "           CASE WHEN pg_catalog.pg_is_in_recovery() THEN extract(epoch FROM now() - pg_catalog.pg_last_xact_replay_timestamp()) END AS standby_delay_seconds\n" +
            "    FROM activity a, db, vacuum, replication\n" +
            ")\n" +
            "SELECT connections, max_connections, round(100.0 * connections / max_connections, 1) AS connections_pct,\n" +
            "       active_sessions, idle_in_transaction_sessions,\n" +
            "       round(longest_idle_in_transaction_seconds, 1) AS longest_idle_in_transaction_seconds,\n" +
            "       round(longest_query_seconds, 1) AS longest_query_seconds,\n" +
            "       round(longest_transaction_seconds, 1) AS longest_transaction_seconds,\n" +
            "       database_bytes, pg_catalog.pg_size_pretty(database_bytes) AS database_size,\n" +
            "       xid_age, round(100.0 * xid_age / 2147483647, 2) AS xid_wraparound_pct,\n" +
            "       round(cache_hit_ratio, 4) AS cache_hit_ratio,\n" +
            "       tables_needing_vacuum, standbys, round(replay_lag_seconds, 1) AS replay_lag_seconds,\n" +
            "       round(standby_delay_seconds, 1) AS standby_delay_seconds,\n" +
            "       array_remove(ARRAY[\n" +
            $"           CASE WHEN 100.0 * connections / max_connections >= {PostgreSqlMaintenance.ConnectionsAlertPercent} THEN 'connections at or above {PostgreSqlMaintenance.ConnectionsAlertPercent}% of max_connections' END,\n" +
            $"           CASE WHEN longest_idle_in_transaction_seconds > {PostgreSqlMaintenance.IdleInTransactionAlertSeconds} THEN 'a session is idle in transaction for over {PostgreSqlMaintenance.IdleInTransactionAlertSeconds} s' END,\n" +
            $"           CASE WHEN longest_query_seconds > {PostgreSqlMaintenance.LongQueryAlertSeconds} THEN 'a query runs for over {PostgreSqlMaintenance.LongQueryAlertSeconds} s' END,\n" +
            $"           CASE WHEN xid_age > {PostgreSqlMaintenance.XidAgeAlert} THEN 'transaction-ID age over {PostgreSqlMaintenance.XidAgeAlert}: check that vacuum freezes' END,\n" +
            $"           CASE WHEN cache_hit_ratio < {cacheAlert} THEN 'cache hit ratio under {cacheAlert}' END,\n" +
            "           CASE WHEN tables_needing_vacuum > 0 THEN 'tables need vacuum (see table_health)' END,\n" +
            $"           CASE WHEN greatest(replay_lag_seconds, standby_delay_seconds) > {PostgreSqlMaintenance.ReplicationLagAlertSeconds} THEN 'replication lag over {PostgreSqlMaintenance.ReplicationLagAlertSeconds} s' END\n" +
            "       ], NULL) AS alerts\n" +
            "FROM figures");
        writer.Statement($"COMMENT ON VIEW {database} IS " + W.String("Health of this database in one row; alerts lists the thresholds currently passed (see design.md, Monitoring)."));

        writer.BlankLine();
        writer.Statement($"CREATE OR REPLACE VIEW {tables} AS\n" +
            "SELECT t.relname AS table_name,\n" +
            "       t.n_live_tup AS live_rows,\n" +
            "       t.n_dead_tup AS dead_rows,\n" +
            "       round(t.n_dead_tup::numeric / nullif(t.n_live_tup + t.n_dead_tup, 0), 3) AS dead_ratio,\n" +
            "       t.n_mod_since_analyze AS changed_since_analyze,\n" +
            "       t.last_vacuum, t.last_autovacuum, t.last_analyze, t.last_autoanalyze,\n" +
            "       t.vacuum_count + t.autovacuum_count AS vacuums,\n" +
            "       t.analyze_count + t.autoanalyze_count AS analyzes,\n" +
            "       pg_catalog.pg_table_size(t.relid) AS table_bytes,\n" +
            "       pg_catalog.pg_indexes_size(t.relid) AS index_bytes,\n" +
            "       pg_catalog.pg_total_relation_size(t.relid) AS total_bytes,\n" +
            $"       ({NeedsVacuum("t")}) AS needs_vacuum\n" +
            "FROM pg_catalog.pg_stat_user_tables t\n" +
            $"WHERE t.schemaname = {schema}");
        writer.Statement($"COMMENT ON VIEW {tables} IS " + W.String("Per table: dead rows, last (auto)vacuum and (auto)analyze, sizes."));

        writer.BlankLine();
        writer.Comment("B-tree bloat estimate: expected leaf pages = rows × (4-byte line pointer + 8-byte tuple header + key widths from pg_stats,");
        writer.Comment("MAXALIGNed) / (page minus header and special space × fillfactor). Needs ANALYZE; other index methods get no estimate.");
        writer.Statement($"CREATE OR REPLACE VIEW {indexes} AS\n" +
            "WITH idx AS (\n" +
            "    SELECT c.oid, c.relname AS index_name, t.relname AS table_name, am.amname AS method, i.indisvalid AS is_valid,\n" +
            "           c.relpages::bigint AS pages, c.reltuples, i.indrelid, i.indkey::int2[] AS columns, s.idx_scan,\n" +
            "           coalesce((SELECT o.option_value::int FROM pg_catalog.pg_options_to_table(c.reloptions) o WHERE o.option_name = 'fillfactor'), 90) AS fillfactor\n" +
            "    FROM pg_catalog.pg_index i\n" +
            "    JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid\n" +
            "    JOIN pg_catalog.pg_class t ON t.oid = i.indrelid\n" +
            "    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n" +
            "    JOIN pg_catalog.pg_am am ON am.oid = c.relam\n" +
            "    LEFT JOIN pg_catalog.pg_stat_user_indexes s ON s.indexrelid = i.indexrelid\n" +
            $"    WHERE n.nspname = {schema}\n" +
            "), width AS (\n" +
            "    SELECT idx.oid, sum(coalesce(st.avg_width, ist.avg_width, 16)) AS key_bytes\n" +
            "    FROM idx\n" +
            "    CROSS JOIN LATERAL unnest(idx.columns) WITH ORDINALITY AS k(attnum, position)\n" +
            "    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = idx.indrelid AND a.attnum = k.attnum AND k.attnum > 0\n" +
            $"    LEFT JOIN pg_catalog.pg_stats st ON st.schemaname = {schema} AND st.tablename = idx.table_name AND st.attname = a.attname\n" +
            "    LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = idx.oid AND ia.attnum = k.position AND k.attnum = 0\n" +
            $"    LEFT JOIN pg_catalog.pg_stats ist ON ist.schemaname = {schema} AND ist.tablename = idx.index_name AND ist.attname = ia.attname\n" +
            "    GROUP BY idx.oid\n" +
            "), estimate AS (\n" +
            "    SELECT idx.*,\n" +
            "           CASE WHEN idx.method = 'btree' AND idx.reltuples >= 0 THEN\n" +
            "               ceil(idx.reltuples::numeric * (4 + 8 * ceil((8 + w.key_bytes) / 8.0))\n" +
            "                    / ((current_setting('block_size')::int - 24 - 16) * idx.fillfactor / 100.0)) + 1\n" +
            "           END AS expected_pages\n" +
            "    FROM idx\n" +
            "    JOIN width w ON w.oid = idx.oid\n" +
            ")\n" +
            "SELECT table_name, index_name, method, is_valid,\n" +
            "       pages * current_setting('block_size')::bigint AS index_bytes,\n" +
            "       pg_catalog.pg_size_pretty(pages * current_setting('block_size')::bigint) AS index_size,\n" +
            "       idx_scan AS scans,\n" +
            "       CASE WHEN expected_pages IS NOT NULL AND pages > 10 THEN round(greatest(0, 1 - expected_pages / pages::numeric), 3) END AS estimated_bloat_ratio,\n" +
            "       CASE WHEN NOT is_valid AND index_name ~ '_cc(new|old)[0-9]*$'\n" +
            $"            THEN format('DROP INDEX CONCURRENTLY IF EXISTS %I.%I', {schema}, index_name)\n" +
            $"            ELSE format('REINDEX INDEX CONCURRENTLY %I.%I', {schema}, index_name)\n" +
            "       END AS rebuild_statement\n" +
            "FROM estimate");
        writer.Statement($"COMMENT ON VIEW {indexes} IS " + W.String("Per index: size, scans, validity, estimated B-tree bloat and the statement that rebuilds it concurrently."));

        writer.BlankLine();
        writer.Statement($"GRANT SELECT ON {database}, {tables}, {indexes} TO {reporting}");
    }

    public static void WriteStatements(W writer, SchemaModel model, int maxIdentifierBytes)
    {
        var view = W.Qualified(model.Schema, TopStatementsView);
        var reporting = W.Id(PostgreSqlSecurityDdl.RoleNames(model.Schema, maxIdentifierBytes).Reporting);
        writer.BlankLine();
        writer.Comment("Needs shared_preload_libraries = 'pg_stat_statements' (a restart), and in postgresql.conf pg_stat_statements.max = 10000,");
        writer.Comment("pg_stat_statements.track = top and track_io_timing = on. Reset the figures after a release: SELECT pg_stat_statements_reset();");
        writer.Statement("CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA public");
        writer.Statement($"CREATE OR REPLACE VIEW {view} AS\n" +
            "SELECT s.queryid,\n" +
            "       s.calls,\n" +
            "       round(s.total_exec_time::numeric, 1) AS total_ms,\n" +
            "       round(s.mean_exec_time::numeric, 2) AS mean_ms,\n" +
            "       round(s.stddev_exec_time::numeric, 2) AS stddev_ms,\n" +
            "       round((100 * s.total_exec_time / nullif(sum(s.total_exec_time) OVER (), 0))::numeric, 2) AS pct_of_total_time,\n" +
            "       s.rows,\n" +
            "       round(s.shared_blks_hit::numeric / nullif(s.shared_blks_hit + s.shared_blks_read, 0), 4) AS cache_hit_ratio,\n" +
            "       s.temp_blks_written,\n" +
            "       s.query\n" +
            "FROM public.pg_stat_statements s\n" +
            "WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())\n" +
            "ORDER BY s.total_exec_time DESC\n" +
            "LIMIT 50");
        writer.Statement($"COMMENT ON VIEW {view} IS " + W.String("The 50 statements of this database with the most total execution time."));
        writer.Statement($"GRANT SELECT ON {view} TO {reporting}");
    }
}
