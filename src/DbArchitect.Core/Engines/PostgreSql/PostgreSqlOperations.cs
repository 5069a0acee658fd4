using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's operational recommendations for a design: memory and planner settings from the stated hardware
/// (the widely used PGTune rules) and the migration rules. Backups (<see cref="PostgreSqlBackupPlanner"/>), monitoring and
/// maintenance (<see cref="PostgreSqlMaintenance"/>) and security (<see cref="PostgreSqlSecurity"/>) are the engine's planners.
/// </summary>
internal static class PostgreSqlOperations
{
    private const string Tuning = DesignAreas.PerformanceTuning;
    private const string Migration = DesignAreas.DataMigration;

    public static void Advise(DbRequirement requirement, SchemaModel physical, IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        TuningSettings(requirement, decisions);
        MigrationRules(volumes, decisions);
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
}
