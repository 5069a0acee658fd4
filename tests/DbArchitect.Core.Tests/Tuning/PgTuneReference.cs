using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Tuning;

/// <summary>
/// One PGTune input and the output PGTune prints for it ("name = value" lines, in PGTune's order). Published cases are
/// PGTune outputs found verbatim in public repositories (headers "DB Version … Data Storage"), compared on the lines
/// they show; derived cases were worked out by hand from PGTune's published rules and are compared line for line.
/// </summary>
public sealed record PgTuneCase(
    string Id, bool Published, ConfigWorkload Workload, int MemoryGb, int? Cpus, int? Connections, StorageKind Storage, string[] Expected)
{
    public override string ToString() => Id;
}

public static class PgTuneReference
{
    public static readonly PgTuneCase[] Cases =
    {
        // Published: likewhatevs/sto .devcontainer/pgtune.sql (DB 15).
        new("published-dw-2GB-4cpu-100conn-ssd", true, ConfigWorkload.Dw, 2, 4, 100, StorageKind.Ssd, new[]
        {
            "max_connections = 100", "shared_buffers = 512MB", "effective_cache_size = 1536MB", "maintenance_work_mem = 256MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 500", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 1310kB", "min_wal_size = 4GB", "max_wal_size = 16GB",
            "max_worker_processes = 4", "max_parallel_workers_per_gather = 2", "max_parallel_workers = 4", "max_parallel_maintenance_workers = 2",
        }),

        // Published: pi-geosolutions/formation_VRT docker/pg_entrypoints.d/pgtune.sql (DB 16, same rules as 15).
        new("published-dw-12GB-4cpu-100conn-ssd", true, ConfigWorkload.Dw, 12, 4, 100, StorageKind.Ssd, new[]
        {
            "max_connections = 100", "shared_buffers = 3GB", "effective_cache_size = 9GB", "maintenance_work_mem = 1536MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 500", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 7864kB", "huge_pages = off", "min_wal_size = 4GB", "max_wal_size = 16GB",
            "max_worker_processes = 4", "max_parallel_workers_per_gather = 2", "max_parallel_workers = 4", "max_parallel_maintenance_workers = 2",
        }),

        // Published: a postgresql.conf with the PGTune header "DB Version: 16, DB Type: oltp, 64 GB, 16 CPUs, ssd".
        new("published-oltp-64GB-16cpu-ssd", true, ConfigWorkload.Oltp, 64, 16, null, StorageKind.Ssd, new[]
        {
            "max_connections = 300", "shared_buffers = 16GB", "effective_cache_size = 48GB", "maintenance_work_mem = 2GB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 13981kB", "huge_pages = try", "min_wal_size = 2GB", "max_wal_size = 8GB",
            "max_worker_processes = 16", "max_parallel_workers_per_gather = 4", "max_parallel_workers = 16", "max_parallel_maintenance_workers = 4",
        }),

        // Published: zhuch-iv/playbooks docker/postgresql.conf.sql (DB 14, same rules as 15).
        new("published-web-4GB-2cpu-ssd", true, ConfigWorkload.Web, 4, 2, null, StorageKind.Ssd, new[]
        {
            "max_connections = 200", "shared_buffers = 1GB", "effective_cache_size = 3GB", "maintenance_work_mem = 256MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 5242kB", "min_wal_size = 1GB", "max_wal_size = 4GB",
            "max_worker_processes = 2", "max_parallel_workers_per_gather = 1", "max_parallel_workers = 2", "max_parallel_maintenance_workers = 1",
        }),

        // Published: neobepmat/docker-script script/cladb80/pg13conf/100-alter-system.sql (DB 13, same memory rules).
        new("published-desktop-32GB-8cpu-100conn-hdd", true, ConfigWorkload.Desktop, 32, 8, 100, StorageKind.Hdd, new[]
        {
            "max_connections = 100", "shared_buffers = 2GB", "effective_cache_size = 8GB", "maintenance_work_mem = 2GB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 4",
            "effective_io_concurrency = 2", "work_mem = 4369kB", "min_wal_size = 100MB", "max_wal_size = 2GB",
            "max_worker_processes = 8", "max_parallel_workers_per_gather = 4", "max_parallel_workers = 8", "max_parallel_maintenance_workers = 4",
        }),

        // Derived by hand. 8GB = 8,388,608kB; shared_buffers 2,097,152kB; 1 CPU sets no parallel settings, so work_mem divides
        // by PostgreSQL's default 2 workers per gather: 6,291,456 / 600 / 2 = 5,242.88 → 5242kB.
        new("web-8GB-1cpu-ssd", false, ConfigWorkload.Web, 8, 1, null, StorageKind.Ssd, new[]
        {
            "max_connections = 200", "shared_buffers = 2GB", "effective_cache_size = 6GB", "maintenance_work_mem = 512MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 5242kB", "huge_pages = off", "min_wal_size = 1GB", "max_wal_size = 4GB",
        }),

        // 256GB: maintenance 16GB capped at 2GB; workers per gather min(32, 4) = 4; work_mem 201,326,592 / 1500 / 4 / 2 = 16,777.2.
        new("mixed-256GB-64cpu-500conn-san", false, ConfigWorkload.Mixed, 256, 64, 500, StorageKind.Network, new[]
        {
            "max_connections = 500", "shared_buffers = 64GB", "effective_cache_size = 192GB", "maintenance_work_mem = 2GB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 1.1",
            "effective_io_concurrency = 300", "work_mem = 16777kB", "huge_pages = try", "min_wal_size = 1GB", "max_wal_size = 4GB",
            "max_worker_processes = 64", "max_parallel_workers_per_gather = 4", "max_parallel_workers = 64", "max_parallel_maintenance_workers = 4",
        }),

        // A warehouse keeps ceil(64/2) = 32 workers per gather (no cap): 50,331,648 / 120 / 32 / 2 = 6,553.6 → 6553kB.
        new("dw-64GB-64cpu-hdd", false, ConfigWorkload.Dw, 64, 64, null, StorageKind.Hdd, new[]
        {
            "max_connections = 40", "shared_buffers = 16GB", "effective_cache_size = 48GB", "maintenance_work_mem = 2GB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 500", "random_page_cost = 4",
            "effective_io_concurrency = 2", "work_mem = 6553kB", "huge_pages = try", "min_wal_size = 4GB", "max_wal_size = 16GB",
            "max_worker_processes = 64", "max_parallel_workers_per_gather = 32", "max_parallel_workers = 64", "max_parallel_maintenance_workers = 4",
        }),

        // Desktop: RAM/16 = 131,072kB = 128MB; wal_buffers 3% = 3,932.16 → 3932kB (not a whole MB, so printed in kB);
        // work_mem 1,966,080 / 60 / 2 / 6 = 2,730.7 → 2730kB.
        new("desktop-2GB-1cpu-ssd", false, ConfigWorkload.Desktop, 2, 1, null, StorageKind.Ssd, new[]
        {
            "max_connections = 20", "shared_buffers = 128MB", "effective_cache_size = 512MB", "maintenance_work_mem = 128MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 3932kB", "default_statistics_target = 100", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 2730kB", "huge_pages = off", "min_wal_size = 100MB", "max_wal_size = 2GB",
        }),

        // 201,326,592 / 3000 / 4 = 16,777.2 → 16777kB.
        new("oltp-256GB-16cpu-1000conn-hdd", false, ConfigWorkload.Oltp, 256, 16, 1000, StorageKind.Hdd, new[]
        {
            "max_connections = 1000", "shared_buffers = 64GB", "effective_cache_size = 192GB", "maintenance_work_mem = 2GB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 4",
            "effective_io_concurrency = 2", "work_mem = 16777kB", "huge_pages = try", "min_wal_size = 2GB", "max_wal_size = 8GB",
            "max_worker_processes = 16", "max_parallel_workers_per_gather = 4", "max_parallel_workers = 16", "max_parallel_maintenance_workers = 4",
        }),

        // wal_buffers 3% of 524,288 = 15,728kB lies between 14MB and 16MB, so PGTune rounds it up to 16MB.
        new("web-2GB-4cpu-50conn-san", false, ConfigWorkload.Web, 2, 4, 50, StorageKind.Network, new[]
        {
            "max_connections = 50", "shared_buffers = 512MB", "effective_cache_size = 1536MB", "maintenance_work_mem = 128MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 1.1",
            "effective_io_concurrency = 300", "work_mem = 5242kB", "huge_pages = off", "min_wal_size = 1GB", "max_wal_size = 4GB",
            "max_worker_processes = 4", "max_parallel_workers_per_gather = 2", "max_parallel_workers = 4", "max_parallel_maintenance_workers = 2",
        }),

        // 6,291,456 / 300 / 4 / 2 = 2,621.4 → 2621kB.
        new("mixed-8GB-16cpu-ssd", false, ConfigWorkload.Mixed, 8, 16, null, StorageKind.Ssd, new[]
        {
            "max_connections = 100", "shared_buffers = 2GB", "effective_cache_size = 6GB", "maintenance_work_mem = 512MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 100", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 2621kB", "huge_pages = off", "min_wal_size = 1GB", "max_wal_size = 4GB",
            "max_worker_processes = 16", "max_parallel_workers_per_gather = 4", "max_parallel_workers = 16", "max_parallel_maintenance_workers = 4",
        }),

        // The 64kB floor: 1,966,080 / 15000 / 4 / 6 = 5.5kB → 64kB.
        new("desktop-2GB-64cpu-5000conn-hdd", false, ConfigWorkload.Desktop, 2, 64, 5000, StorageKind.Hdd, new[]
        {
            "max_connections = 5000", "shared_buffers = 128MB", "effective_cache_size = 512MB", "maintenance_work_mem = 128MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 3932kB", "default_statistics_target = 100", "random_page_cost = 4",
            "effective_io_concurrency = 2", "work_mem = 64kB", "huge_pages = off", "min_wal_size = 100MB", "max_wal_size = 2GB",
            "max_worker_processes = 64", "max_parallel_workers_per_gather = 4", "max_parallel_workers = 64", "max_parallel_maintenance_workers = 4",
        }),

        // 1,572,864 / 120 / 2 / 2 = 3,276.8 → 3276kB.
        new("dw-2GB-1cpu-ssd", false, ConfigWorkload.Dw, 2, 1, null, StorageKind.Ssd, new[]
        {
            "max_connections = 40", "shared_buffers = 512MB", "effective_cache_size = 1536MB", "maintenance_work_mem = 256MB",
            "checkpoint_completion_target = 0.9", "wal_buffers = 16MB", "default_statistics_target = 500", "random_page_cost = 1.1",
            "effective_io_concurrency = 200", "work_mem = 3276kB", "huge_pages = off", "min_wal_size = 4GB", "max_wal_size = 16GB",
        }),
    };

    public static IEnumerable<object[]> All() => Cases.Select(c => new object[] { c });
}
