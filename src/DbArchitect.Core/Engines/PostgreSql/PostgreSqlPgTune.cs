using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>One PGTune setting: name, value as PGTune prints it, and the rule that produced it.</summary>
internal sealed record PgTuneSetting(string Name, string Value, string Rule);

/// <summary>PGTune's answer for one input, with the figures later rules build on.</summary>
internal sealed record PgTuneResult(
    IReadOnlyList<PgTuneSetting> Settings,
    long TotalKb,
    int MaxConnections,
    long SharedBuffersKb,
    long MaintenanceWorkMemKb,
    long WorkMemKb,
    int WorkersPerGather);

/// <summary>
/// The PGTune calculator (pgtune.leopard.in.ua, le0pard/pgtune) for PostgreSQL 15 on Linux, re-implemented from its
/// published rules so this module gives the same values for the same inputs: memory figures in kB with integer
/// (floor) arithmetic, printed in the largest unit that divides them exactly (GB, MB, else kB). The release matched is
/// the one whose work_mem divides by max_parallel_workers_per_gather (see bench/README.md, "PGTune agreement").
/// </summary>
internal static class PostgreSqlPgTune
{
    private const long Mb = 1024;
    private const long Gb = 1024 * 1024;

    /// <summary>PostgreSQL's own max_parallel_workers_per_gather, which PGTune divides by when it sets no parallel settings.</summary>
    private const int DefaultWorkersPerGather = 2;

    public static long MemoryKb(double memoryGb) => (long)Math.Floor(memoryGb * Gb);

    public static int DefaultConnections(ConfigWorkload workload) => workload switch
    {
        ConfigWorkload.Web => 200,
        ConfigWorkload.Oltp => 300,
        ConfigWorkload.Dw => 40,
        ConfigWorkload.Desktop => 20,
        _ => 100,
    };

    public static PgTuneResult Calculate(ConfigWorkload workload, long totalKb, int? cpus, int? connections, StorageKind storage)
    {
        var settings = new List<PgTuneSetting>();
        void Add(string name, string value, string rule) => settings.Add(new PgTuneSetting(name, value, rule));
        var desktop = workload == ConfigWorkload.Desktop;

        var maxConnections = connections is > 0 ? connections.Value : DefaultConnections(workload);
        Add("max_connections", Int(maxConnections), connections is > 0
            ? "the connection count given"
            : $"PGTune's default for the {Name(workload)} profile");

        var sharedBuffers = desktop ? totalKb / 16 : totalKb / 4;
        Add("shared_buffers", Format(sharedBuffers), desktop ? "RAM/16 for a desktop, which shares memory with other programs" : "RAM/4; PostgreSQL relies on the OS page cache for the rest");

        var cache = desktop ? totalKb / 4 : totalKb * 3 / 4;
        Add("effective_cache_size", Format(cache), desktop ? "RAM/4 expected in caches on a desktop" : "3/4 of RAM expected in shared buffers plus the OS cache; planner estimate only, allocates nothing");

        var maintenance = workload == ConfigWorkload.Dw ? totalKb / 8 : totalKb / 16;
        maintenance = Math.Min(maintenance, 2 * Gb);
        Add("maintenance_work_mem", Format(maintenance), (workload == ConfigWorkload.Dw ? "RAM/8 for a warehouse" : "RAM/16") + ", capped at 2GB: faster VACUUM and CREATE INDEX");

        Add("checkpoint_completion_target", "0.9", "spread checkpoint writes over 90% of the interval (the PostgreSQL 14+ default)");

        var walBuffers = Math.Min(3 * sharedBuffers / 100, 16 * Mb);
        if (walBuffers > 14 * Mb && walBuffers < 16 * Mb)
        {
            walBuffers = 16 * Mb; // PGTune rounds values just below the 16MB cap up to it
        }

        walBuffers = Math.Max(walBuffers, 32);
        Add("wal_buffers", Format(walBuffers), "3% of shared_buffers, at least 32kB and at most 16MB (values above 14MB rounded up to 16MB)");

        Add("default_statistics_target", workload == ConfigWorkload.Dw ? "500" : "100",
            workload == ConfigWorkload.Dw ? "finer histograms for large analytic queries" : "the PostgreSQL default");

        Add("random_page_cost", storage == StorageKind.Hdd ? "4" : "1.1",
            storage == StorageKind.Hdd ? "spinning disks: a random read costs about four sequential ones" : "SSD/network storage: random reads cost nearly what sequential ones do, so index scans are chosen when they should be");

        Add("effective_io_concurrency", storage switch { StorageKind.Hdd => "2", StorageKind.Network => "300", _ => "200" },
            "concurrent reads the storage serves (" + Storage(storage) + ")");

        var workersPerGather = 0;
        var parallel = new List<PgTuneSetting>();
        if (cpus is >= 2)
        {
            workersPerGather = (cpus.Value + 1) / 2;
            if (workload != ConfigWorkload.Dw)
            {
                workersPerGather = Math.Min(workersPerGather, 4);
            }

            var maintenanceWorkers = Math.Min((cpus.Value + 1) / 2, 4);
            parallel.Add(new("max_worker_processes", Int(cpus.Value), "one background worker per CPU"));
            parallel.Add(new("max_parallel_workers_per_gather", Int(workersPerGather),
                workload == ConfigWorkload.Dw ? "half the CPUs for one query (no cap for a warehouse)" : "half the CPUs for one query, at most 4"));
            parallel.Add(new("max_parallel_workers", Int(cpus.Value), "all CPUs may run parallel workers"));
            parallel.Add(new("max_parallel_maintenance_workers", Int(maintenanceWorkers), "half the CPUs for CREATE INDEX and VACUUM, at most 4"));
        }

        var divisor = workersPerGather > 0 ? workersPerGather : DefaultWorkersPerGather;
        var perConnection = (totalKb - sharedBuffers) / (double)(maxConnections * 3) / divisor;
        var workMem = (long)Math.Floor(workload switch
        {
            ConfigWorkload.Dw or ConfigWorkload.Mixed => perConnection / 2,
            ConfigWorkload.Desktop => perConnection / 6,
            _ => perConnection,
        });
        workMem = Math.Max(workMem, 64);
        Add("work_mem", Format(workMem),
            $"(RAM − shared_buffers) / ({Int(maxConnections)} connections × 3 sorts or hashes) / {Int(divisor)} workers per gather" +
            workload switch { ConfigWorkload.Dw or ConfigWorkload.Mixed => " / 2", ConfigWorkload.Desktop => " / 6", _ => string.Empty } +
            ", at least 64kB");

        Add("huge_pages", totalKb >= 32 * Gb ? "try" : "off",
            totalKb >= 32 * Gb ? "32GB or more RAM: huge pages cut page-table overhead for large shared buffers when the OS provides them" : "below 32GB RAM huge pages bring little");

        var (minWal, maxWal) = workload switch
        {
            ConfigWorkload.Oltp => (2 * Gb, 8 * Gb),
            ConfigWorkload.Dw => (4 * Gb, 16 * Gb),
            ConfigWorkload.Desktop => (100 * Mb, 2 * Gb),
            _ => (1 * Gb, 4 * Gb),
        };
        Add("min_wal_size", Format(minWal), $"WAL kept for reuse in the {Name(workload)} profile");
        Add("max_wal_size", Format(maxWal), $"WAL between forced checkpoints in the {Name(workload)} profile; fewer checkpoints under write bursts");
        settings.AddRange(parallel);

        return new PgTuneResult(settings, totalKb, maxConnections, sharedBuffers, maintenance, workMem, workersPerGather);
    }

    /// <summary>A size in kB as PGTune prints it: GB or MB only when exact, else kB.</summary>
    public static string Format(long kb) =>
        kb % Gb == 0 ? Int(kb / Gb) + "GB" : kb % Mb == 0 ? Int(kb / Mb) + "MB" : Int(kb) + "kB";

    public static string Name(ConfigWorkload workload) => workload switch
    {
        ConfigWorkload.Web => "web",
        ConfigWorkload.Oltp => "oltp",
        ConfigWorkload.Dw => "dw",
        ConfigWorkload.Desktop => "desktop",
        _ => "mixed",
    };

    private static string Storage(StorageKind storage) => storage switch
    {
        StorageKind.Hdd => "hdd: 2",
        StorageKind.Network => "san/network: 300",
        _ => "ssd: 200",
    };

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
