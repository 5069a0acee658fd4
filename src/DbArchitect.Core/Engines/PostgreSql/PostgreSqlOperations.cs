using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's operational recommendations for a design: the backup method from the projected size, the monitoring
/// and maintenance schedule from the write rates, and the security model. (Server configuration, including per-table
/// autovacuum thresholds, is <see cref="PostgreSqlConfigAdvisor"/>'s.)
/// </summary>
internal static class PostgreSqlOperations
{
    private const string Migration = DesignAreas.DataMigration;
    private const string Backup = DesignAreas.BackupAndRecovery;
    private const string Monitoring = DesignAreas.MonitoringAndMaintenance;
    private const string Security = DesignAreas.Security;

    public static void Advise(DbRequirement requirement, SchemaModel physical, IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        MigrationRules(volumes, decisions);
        BackupPlan(requirement, volumes, decisions);
        MonitoringPlan(requirement, physical, volumes, decisions);
        SecurityModel(requirement, physical, decisions);
    }

    private static void MigrationRules(IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        var big = volumes.Where(v => v.OneYear >= 1_000_000).Select(v => v.Table).ToArray();
        decisions.Add(new DesignDecision(Migration, "Schema changes", "Expand, migrate, contract",
            "Add nullable columns first, backfill in keyset batches with a commit per batch, then add NOT NULL through a NOT VALID check and VALIDATE; create indexes CONCURRENTLY; add foreign keys and checks NOT VALID then VALIDATE; set lock_timeout on every DDL statement so a blocked migration fails fast instead of queueing all traffic behind it."));
        if (big.Length > 0)
        {
            decisions.Add(new DesignDecision(Migration, string.Join(", ", big), "Batched backfills only",
                "These tables pass a million rows within a year: a single UPDATE over them would hold locks and bloat the table; backfill in batches of a few thousand rows with pauses."));
        }
    }

    private static void BackupPlan(DbRequirement requirement, IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        var oneYear = volumes.Sum(v => v.BytesAt(v.OneYear)) * 2; // indexes roughly double the heap
        var large = oneYear > 100L * 1024 * 1024 * 1024;
        decisions.Add(new DesignDecision(Backup, "Method",
            large ? "Physical backups (pgBackRest or pg_basebackup) with continuous WAL archiving" : "Nightly pg_dump -Fc plus continuous WAL archiving",
            $"Projected size after one year ~{Capacity.Bytes(oneYear)}: " + (large
                ? "logical dumps of this size take hours to restore; physical backups with incremental runs restore in minutes per hundred GB."
                : "a compressed custom-format dump is small and restores table by table (pg_restore -j); WAL archiving adds point-in-time recovery.")));
        decisions.Add(new DesignDecision(Backup, "Point-in-time recovery", "wal_level = replica, archive_mode = on, archive_timeout = 60s",
            "Recovery to any moment (RPO about one minute) by restoring the last base backup and replaying archived WAL with recovery_target_time."));
        decisions.Add(new DesignDecision(Backup, "Restore test", "Restore the latest backup to a scratch server weekly and run the health checks",
            "A backup that was never restored is a hope, not a backup."));
        if (requirement.Workload.Retention is { } retention)
        {
            decisions.Add(new DesignDecision(Backup, "Backup retention", $"Keep 35 days of base backups and WAL; data itself is kept for {retention}",
                "Backups cover operational recovery; long-term retention is the database's own data lifecycle."));
        }
    }

    private static void MonitoringPlan(DbRequirement requirement, SchemaModel physical, IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        decisions.Add(new DesignDecision(Monitoring, "Statement statistics", "pg_stat_statements (shared_preload_libraries)",
            "Top statements by total and mean time are where tuning starts; log_min_duration_statement = " +
            (requirement.Workload.LatencyMs is { } l ? $"{Math.Max(10, l * 2).ToString("0", CultureInfo.InvariantCulture)} ms (twice the p95 target)" : "250 ms") + " catches outliers."));
        decisions.Add(new DesignDecision(Monitoring, "Alerts", "Connections, replication lag, transaction-ID age, dead tuples, long transactions, disk",
            "Alert at 80% of max_connections, lag over 30 s, age(datfrozenxid) over 1 billion, idle-in-transaction over 5 minutes, and disk at 80%."));
        decisions.Add(new DesignDecision(Monitoring, "Autovacuum", "Server-wide and per-table thresholds in the Performance tuning section",
            "Scaled to the write rates there (config/alter_system.sql, config/table_autovacuum.sql)."));

        decisions.Add(new DesignDecision(Monitoring, "Maintenance schedule", "Autovacuum plus a weekly job that reports bloat, unused and invalid indexes",
            "Autovacuum does routine vacuum/analyze; REINDEX CONCURRENTLY only indexes whose measured bloat exceeds 30%, never the whole database."));
    }

    private static void SecurityModel(DbRequirement requirement, SchemaModel physical, List<DesignDecision> decisions)
    {
        decisions.Add(new DesignDecision(Security, "Roles", $"{physical.Schema}_owner owns objects; {physical.Schema}_app reads and writes; {physical.Schema}_readonly reads",
            "Applications never connect as the owner or a superuser, so a compromised application cannot change the schema; login roles are granted membership in these group roles."));
        if (requirement.Application.Tenancy == Tenancy.Multi)
        {
            decisions.Add(new DesignDecision(Security, "Tenant isolation", "Row-level security on every tenant-scoped table (FORCE ROW LEVEL SECURITY)",
                "Each session sets app.tenant_id (SET LOCAL inside the transaction when pooling); policies compare it with tenant_id and return nothing when it is unset, so a forgotten WHERE clause cannot leak another tenant's rows."));
        }

        decisions.Add(new DesignDecision(Security, "Connections", "TLS only (hostssl) with scram-sha-256 passwords",
            "Credentials and data never cross the network in clear text; md5 and trust authentication are refused."));
        var personal = physical.Tables.SelectMany(t => t.Columns.Where(c => c.Type.Kind == LogicalTypeKind.Email).Select(c => $"{t.Name}.{c.Name}")).ToArray();
        if (personal.Length > 0)
        {
            decisions.Add(new DesignDecision(Security, "Personal data", $"Classify {string.Join(", ", personal)} as personal data",
                "Restrict them from the readonly role through column privileges or views for analysts, and mask them in non-production copies."));
        }

        decisions.Add(new DesignDecision(Security, "SQL injection", "Parameterised statements only",
            "Every query template in this design uses parameters ($1…); string-built SQL is never needed."));
    }
}
