using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's operational recommendations for a design: memory and planner settings from the stated hardware
/// (the widely used PGTune rules), the monitoring and maintenance schedule from the write rates, and the security
/// model. Backups are planned by <see cref="PostgreSqlBackupPlanner"/>.
/// </summary>
internal static class PostgreSqlOperations
{
    private const string Tuning = DesignAreas.PerformanceTuning;
    private const string Migration = DesignAreas.DataMigration;
    private const string Monitoring = DesignAreas.MonitoringAndMaintenance;
    private const string Security = DesignAreas.Security;

    public static void Advise(DbRequirement requirement, SchemaModel physical, IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        TuningSettings(requirement, decisions);
        MigrationRules(volumes, decisions);
        MonitoringPlan(requirement, physical, volumes, decisions);
        SecurityModel(requirement, physical, decisions);
    }

    private static string Mb(double mb) => mb >= 1024 && mb % 1024 == 0
        ? (mb / 1024).ToString("0", CultureInfo.InvariantCulture) + "GB"
        : Math.Max(1, Math.Floor(mb)).ToString("0", CultureInfo.InvariantCulture) + "MB";

    private static void TuningSettings(DbRequirement requirement, List<DesignDecision> decisions)
    {
        var hw = requirement.Hardware;
        if (hw.MemoryGb is not { } memoryGb)
        {
            decisions.Add(new DesignDecision(Tuning, "postgresql.conf", "Not computed",
                "hardware.memoryGb is not stated; memory settings are derived from it (add hardware: { memoryGb, cpus, storage })."));
            return;
        }

        var memoryMb = memoryGb * 1024;
        var users = requirement.Workload.ConcurrentUsers ?? 100;
        var cpus = hw.Cpus ?? 4;
        var maxConnections = users > 200 ? Math.Max(50, cpus * 4) : Math.Max(20, Math.Min(users + 10, 200));
        var sharedBuffers = memoryMb / 4;
        var workMem = Math.Max(4, (memoryMb - sharedBuffers) / (maxConnections * 3) / (requirement.Application.Kind == ApplicationKind.Oltp ? 1 : 0.5) / Math.Max(1, cpus / 2.0));
        var storage = hw.Storage ?? StorageKind.Ssd;
        void Set(string name, string value, string why) => decisions.Add(new DesignDecision(Tuning, name, $"{name} = {value}", why));

        Set("shared_buffers", Mb(sharedBuffers), $"25% of {memoryGb.ToString(CultureInfo.InvariantCulture)} GB RAM: PostgreSQL relies on the OS cache for the rest.");
        Set("effective_cache_size", Mb(memoryMb * 3 / 4), "75% of RAM: tells the planner how much data is likely cached, so it favours index scans.");
        Set("maintenance_work_mem", Mb(Math.Min(2048, memoryMb / 16)), "RAM/16 capped at 2 GB: faster CREATE INDEX and VACUUM.");
        Set("work_mem", Mb(workMem), $"Per sort/hash node: (RAM − shared_buffers) / ({maxConnections} connections × 3) scaled for {cpus} CPUs, so many parallel sorts cannot exhaust memory.");
        Set("max_connections", maxConnections.ToString(CultureInfo.InvariantCulture),
            users > 200 ? $"Behind a transaction-mode pooler: about 4 server connections per CPU core serve {Capacity.Count(users)} users." : "Stated concurrency plus headroom for maintenance sessions.");
        Set("random_page_cost", storage == StorageKind.Hdd ? "4" : "1.1", storage == StorageKind.Hdd ? "Spinning disks: random reads are costly." : "SSD/network storage: random reads cost nearly what sequential ones do, so index scans are chosen when they should be.");
        Set("effective_io_concurrency", storage == StorageKind.Hdd ? "2" : "200", "Concurrent I/O the storage sustains (bitmap heap scans prefetch this many pages).");
        Set("checkpoint_completion_target", "0.9", "Spreads checkpoint writes over the interval, avoiding I/O spikes.");
        Set("wal_buffers", "16MB", "Enough for bursts of WAL; larger brings nothing.");
        Set("default_statistics_target", requirement.Application.Kind == ApplicationKind.Oltp ? "100" : "500", "Histogram detail for the planner; analytics plans benefit from more.");
        Set("max_wal_size", requirement.Workload.RecordsPerDay >= 10_000_000 ? "16GB" : "4GB", "Fewer forced checkpoints under the stated write volume.");
        if (cpus > 1)
        {
            Set("max_worker_processes", cpus.ToString(CultureInfo.InvariantCulture), "One per core.");
            Set("max_parallel_workers_per_gather", Math.Max(1, Math.Min(4, cpus / 2)).ToString(CultureInfo.InvariantCulture), "Half the cores (at most 4) for one parallel query.");
            Set("max_parallel_workers", cpus.ToString(CultureInfo.InvariantCulture), "All cores may serve parallel queries.");
        }
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

    private static void MonitoringPlan(DbRequirement requirement, SchemaModel physical, IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        decisions.Add(new DesignDecision(Monitoring, "Statement statistics", "pg_stat_statements (shared_preload_libraries)",
            "Top statements by total and mean time are where tuning starts; log_min_duration_statement = " +
            (requirement.Workload.LatencyMs is { } l ? $"{Math.Max(10, l * 2).ToString("0", CultureInfo.InvariantCulture)} ms (twice the p95 target)" : "250 ms") + " catches outliers."));
        decisions.Add(new DesignDecision(Monitoring, "Alerts", "Connections, replication lag, transaction-ID age, dead tuples, long transactions, disk",
            "Alert at 80% of max_connections, lag over 30 s, age(datfrozenxid) over 1 billion, idle-in-transaction over 5 minutes, and disk at 80%."));
        var byTable = volumes.ToDictionary(v => v.Table, StringComparer.Ordinal);
        foreach (var table in physical.Tables.Where(t => (t.RowsPerDay ?? 0) >= 100_000 || byTable[t.Name].OneYear >= 10_000_000))
        {
            decisions.Add(new DesignDecision(Monitoring, table.Name, "autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01",
                "The default 20% threshold lets millions of dead rows pile up on a table this size before vacuum starts; 2% keeps bloat and plan drift small."));
        }

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
