using System.Globalization;
using System.Text;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite has no server: its configuration is PRAGMAs. journal_mode and auto_vacuum live in the file (script 001);
/// the rest are per connection, so the application runs config/connection_pragmas.sql on every connection it opens.
/// Each value comes from the stated memory, connections, latency target and write rate.
/// </summary>
internal sealed class SqliteConfigAdvisor : IConfigAdvisor
{
    public const string RelativePath = "config/connection_pragmas.sql";

    public const string Purpose = "PRAGMAs every application connection runs on open (foreign_keys, synchronous, busy_timeout, cache, mmap, temp_store, checkpointing), each with its reason";

    /// <summary>Connections an application pool holds when nothing says otherwise: SQLite serialises writers, so a small pool suffices.</summary>
    internal const int DefaultConnections = 8;

    private const long MiB = 1024 * 1024;

    public ConfigRecommendation Recommend(ConfigInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var memoryBytes = (long)(input.MemoryGb * 1024 * MiB);
        var connections = input.MaxConnections ?? (input.ConcurrentUsers is { } users ? Math.Clamp(users / 25, 2, 64) : DefaultConnections);
        var connectionsWhy = input.MaxConnections is not null ? "the stated connection limit"
            : input.ConcurrentUsers is { } u ? $"{u.ToString("N0", CultureInfo.InvariantCulture)} concurrent users at ≈25 per pooled connection (SQLite serialises writes, so more connections only queue)"
            : $"a pool of {DefaultConnections} (no connection figure stated)";

        // A quarter of memory for SQLite's own page caches, split over the pool (cache_size is per connection), at most 2 GiB each.
        var cacheKib = Math.Clamp(memoryBytes / 4 / connections / 1024, 2048, 2L * 1024 * 1024);
        // mmap shares the OS page cache between connections: map up to a quarter of memory, at most 4 GiB (diminishing returns beyond).
        var mmapBytes = Math.Clamp(memoryBytes / 4, 64 * MiB, 4096 * MiB);
        var latency = input.LatencyMs ?? 100;
        var busyMs = (long)Math.Clamp(latency * 20, 1000, 30000);
        var writesPerSecond = (input.Tps ?? 0) * (input.ReadWriteRatio is { } ratio ? ratio.Write / (double)(ratio.Read + ratio.Write) : 0.3);
        var checkpointPages = writesPerSecond > 500 ? 4000 : 1000;

        var settings = new List<ConfigSetting>
        {
            Set("foreign_keys", "ON", null, "Foreign keys are enforced only on connections that turn them on (off by default for backward compatibility): every connection must run it, or deletes skip their CASCADE and orphans appear."),
            Set("journal_mode", "WAL", null, "Write-ahead log: readers see a snapshot and never block the single writer, the writer never blocks readers; persistent in the file (set by 001_database.sql), repeated here so a copied file gets it too."),
            Set("synchronous", "NORMAL", null, "With WAL, NORMAL syncs at checkpoints instead of every commit: the database cannot corrupt, and a power loss can only undo the last commits since the last sync. FULL halves commit latency headroom; use it only when every acknowledged commit must survive power loss."),
            Set("busy_timeout", busyMs.ToString(CultureInfo.InvariantCulture), "ms",
                $"A writer that finds the write lock taken retries for up to this long instead of failing with SQLITE_BUSY: 20 × the {latency.ToString("0.#", CultureInfo.InvariantCulture)} ms latency target{(input.LatencyMs is null ? " (assumed)" : string.Empty)} (clamped to 1–30 s), enough to queue behind a burst of short write transactions."),
            Set("cache_size", "-" + cacheKib.ToString(CultureInfo.InvariantCulture), "KiB",
                $"Page cache per connection (negative = KiB): a quarter of {input.MemoryGb.ToString("0.###", CultureInfo.InvariantCulture)} GB RAM over {connections} connections ({connectionsWhy}) = {Mib(cacheKib * 1024)} each; the rest stays with the OS page cache, which mmap shares."),
            Set("mmap_size", mmapBytes.ToString(CultureInfo.InvariantCulture), "bytes",
                $"Reads through memory-mapped I/O share the OS page cache across connections and skip a copy per page: a quarter of RAM ({Mib(mmapBytes)}), at most 4 GiB."),
            Set("temp_store", "MEMORY", null, "Sorts, temporary indexes and GROUP BY scratch tables stay in RAM instead of temporary files."),
            Set("wal_autocheckpoint", checkpointPages.ToString(CultureInfo.InvariantCulture), "pages",
                writesPerSecond > 500
                    ? $"≈{writesPerSecond.ToString("N0", CultureInfo.InvariantCulture)} writes/s: checkpoint every {checkpointPages} pages ({Mib(checkpointPages * 4096L)}) so checkpoints run less often and in larger batches."
                    : $"The default {checkpointPages} pages ({Mib(checkpointPages * 4096L)} of WAL) bounds the WAL file and keeps reads fast (readers scan the WAL index)."),
            Set("journal_size_limit", (64 * MiB).ToString(CultureInfo.InvariantCulture), "bytes", "Truncates the WAL file back to 64 MiB after a checkpoint, so one burst does not leave a large file behind."),
            Set("recursive_triggers", "OFF", null, "The default, stated because the updated_at triggers update their own table: with it off a trigger never re-fires itself (the triggers also guard with WHEN)."),
        };

        var file = new StringBuilder();
        file.Append("-- Generated by DbArchitect.PS. ").Append(Purpose).Append(".\n");
        file.Append("-- Run on every connection the application opens (most drivers have an on-open hook).\n");
        foreach (var setting in settings)
        {
            file.Append('\n').Append(CommentText.Sql(setting.Reason)).Append('\n');
            file.Append("PRAGMA ").Append(setting.Name).Append(" = ").Append(setting.Value).Append(";\n");
        }

        var stated = input with
        {
            WorkloadReason = $"SQLite has no workload profiles; the PRAGMAs follow the stated memory, connections ({connections}), latency target and write rate.",
        };
        return new ConfigRecommendation("sqlite", stated, settings, Array.Empty<TableConfigSetting>(), file.ToString(), string.Empty, string.Empty)
        {
            FileLabel = "Connection PRAGMAs",
            FileLanguage = "sql",
            Applying = new ConfigApplying("Every connection runs config/connection_pragmas.sql on open",
                "SQLite has no server configuration: page_size, auto_vacuum and journal_mode live in the database file (001_database.sql); every other PRAGMA, foreign_keys included, lasts only for the connection that ran it."),
        };
    }

    private static ConfigSetting Set(string name, string value, string? unit, string reason) =>
        new(name, value, unit, ConfigSource.Derived, reason, RequiresRestart: false);

    private static string Mib(long bytes) => (bytes / (double)MiB).ToString("N0", CultureInfo.InvariantCulture) + " MiB";
}
