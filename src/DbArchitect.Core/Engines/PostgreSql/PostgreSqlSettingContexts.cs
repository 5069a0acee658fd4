namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// pg_settings.context of the settings this module recommends, as PostgreSQL 15 defines them. "postmaster" settings
/// take effect only at server start; "sighup" on reload; "superuser"/"user" also per session or role. An integration
/// test compares this table with a real server's pg_settings.
/// </summary>
public static class PostgreSqlSettingContexts
{
    public const string Postmaster = "postmaster";

    private static readonly Dictionary<string, string> Contexts = new(StringComparer.Ordinal)
    {
        ["max_connections"] = Postmaster,
        ["shared_buffers"] = Postmaster,
        ["huge_pages"] = Postmaster,
        ["wal_buffers"] = Postmaster,
        ["max_worker_processes"] = Postmaster,
        ["autovacuum_max_workers"] = Postmaster,
        ["shared_preload_libraries"] = Postmaster,
        ["effective_cache_size"] = "user",
        ["maintenance_work_mem"] = "user",
        ["work_mem"] = "user",
        ["default_statistics_target"] = "user",
        ["random_page_cost"] = "user",
        ["effective_io_concurrency"] = "user",
        ["max_parallel_workers_per_gather"] = "user",
        ["max_parallel_workers"] = "user",
        ["max_parallel_maintenance_workers"] = "user",
        ["idle_in_transaction_session_timeout"] = "user",
        ["statement_timeout"] = "user",
        ["checkpoint_completion_target"] = "sighup",
        ["min_wal_size"] = "sighup",
        ["max_wal_size"] = "sighup",
        ["autovacuum_naptime"] = "sighup",
        ["autovacuum_vacuum_cost_limit"] = "sighup",
        ["log_autovacuum_min_duration"] = "sighup",
        ["log_min_duration_statement"] = "superuser",
        ["log_lock_waits"] = "superuser",
        ["track_io_timing"] = "superuser",
    };

    public static IReadOnlyDictionary<string, string> All => Contexts;

    public static bool RequiresRestart(string name) =>
        Contexts.TryGetValue(name, out var context)
            ? context == Postmaster
            : throw new InvalidOperationException($"The pg_settings context of '{name}' is not recorded; add it to {nameof(PostgreSqlSettingContexts)}.");
}
