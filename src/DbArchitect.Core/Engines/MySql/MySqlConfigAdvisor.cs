using System.Globalization;
using System.Text;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// InnoDB server settings for the stated hardware and workload, each with the figures behind it. The option file is
/// a [mysqld] section; the same settings follow as SET PERSIST (MySQL 8) or SET GLOBAL (MariaDB, which has no
/// PERSIST: the option file is what survives a restart).
/// </summary>
public sealed class MySqlConfigAdvisor : IConfigAdvisor
{
    public const string ConfigPath = "config/my.cnf";
    public const string SetPath = "config/set_global.sql";

    private readonly MySqlDialect _dialect;

    public MySqlConfigAdvisor(MySqlDialect dialect) => _dialect = dialect;

    public ConfigRecommendation Recommend(ConfigInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = new List<ConfigSetting>();
        void Add(string name, string value, string? unit, ConfigSource source, string reason, bool restart) =>
            settings.Add(new ConfigSetting(name, value, unit, source, reason, restart));

        var memoryMb = (long)(input.MemoryGb * 1024);
        var share = input.Workload == ConfigWorkload.Desktop ? 0.25 : 0.70;
        var poolMb = Math.Max(128, (long)(memoryMb * share) / 128 * 128);
        Add("innodb_buffer_pool_size", Mb(poolMb), "MB", ConfigSource.Derived,
            $"{share * 100:0}% of {N(input.MemoryGb)} GB RAM: InnoDB caches data and indexes here; on a dedicated server 70–75% leaves room for connections, the OS and the binlog cache.", false);
        if (!_dialect.IsMariaDb)
        {
            var instances = Math.Clamp((int)(poolMb / 1024), 1, 8);
            Add("innodb_buffer_pool_instances", N(instances), null, ConfigSource.Derived,
                $"One instance per GB of buffer pool up to 8 ({Mb(poolMb)}): fewer mutex collisions. MariaDB 10.5+ has a single instance and no such setting.", true);
        }

        var redoMb = Math.Clamp(poolMb / 4, 1024, 16384) / 512 * 512;
        if (_dialect.IsMariaDb)
        {
            Add("innodb_log_file_size", Mb(redoMb), "MB", ConfigSource.Derived,
                $"A quarter of the buffer pool (1–16 GB): a larger redo log spaces out checkpoints so write bursts do not stall on flushing.", false);
        }
        else
        {
            Add("innodb_redo_log_capacity", Mb(redoMb), "MB", ConfigSource.Derived,
                $"A quarter of the buffer pool (1–16 GB), MySQL 8.0.30+'s replacement for innodb_log_file_size: checkpoints far enough apart that write bursts do not stall.", false);
        }

        Add("innodb_flush_log_at_trx_commit", "1", null, ConfigSource.Derived,
            "Flush the redo log at every commit: a committed transaction survives a crash (2 would lose up to a second of commits, against the RPO).", false);
        Add("sync_binlog", "1", null, ConfigSource.Derived, "Sync the binary log at every commit, so point-in-time recovery and replicas never miss a committed transaction.", false);
        Add("innodb_flush_method", "O_DIRECT", null, ConfigSource.Derived, "Bypass the OS page cache for data files: the buffer pool already caches them, double caching wastes RAM.", true);

        var ioCapacity = input.Storage switch { StorageKind.Hdd => 200, StorageKind.Network => 1000, _ => 2000 };
        Add("innodb_io_capacity", N(ioCapacity), null, ConfigSource.Derived, $"Background flushing rate for {input.Storage} storage (about its sustainable IOPS).", false);
        Add("innodb_io_capacity_max", N(ioCapacity * 2), null, ConfigSource.Derived, "Twice innodb_io_capacity for flushing bursts.", false);

        var budget = input.Connections;
        var connections = input.MaxConnections ?? budget?.Total ?? 200;
        Add("max_connections", N(connections), null, ConfigSource.Derived,
            input.MaxConnections is not null ? "As stated." : budget is not null
                ? $"The design's connection budget: {budget.Reason}. {budget.Breakdown}; the logins' MAX_USER_CONNECTIONS in the security section are these same shares."
                : "No concurrency stated: 200, enough for a pooled application tier.", false);
        Add("thread_cache_size", N(Math.Min(100, 8 + (connections / 100))), null, ConfigSource.Derived,
            "8 + max_connections / 100 (the server's own sizing rule, capped at 100): reused threads make new connections cheap.", false);
        Add("table_open_cache", "4000", null, ConfigSource.Derived, "Open table handles shared by all connections; 4000 covers the schema times the concurrent statements without reopening files.", false);
        Add("default_time_zone", "'+00:00'", null, ConfigSource.Derived,
            "UTC: the design stores instants in DATETIME(6) in UTC and CURRENT_TIMESTAMP(6) defaults follow the session time zone.", false);
        Add("character_set_server", "utf8mb4", null, ConfigSource.Derived, "Full Unicode (4-byte UTF-8) for databases created without an explicit character set.", false);
        Add("collation_server", _dialect.Collation, null, ConfigSource.Derived, "The design's collation, so ad-hoc tables compare like the design's.", false);
        Add("binlog_format", "ROW", null, ConfigSource.Derived, "Row-based binary log: deterministic replication and point-in-time recovery.", false);
        Add("binlog_expire_logs_seconds", "604800", "s", ConfigSource.Derived, "Keep binary logs 7 days: point-in-time recovery reaches back past the weekly full backup.", false);
        Add("event_scheduler", "ON", null, ConfigSource.Derived, "Runs the maintenance events (ANALYZE TABLE, OPTIMIZE TABLE) the design schedules.", false);
        var slowMs = input.LatencyMs is { } latency ? Math.Max(0.01, latency / 1000.0) : 1.0;
        Add("slow_query_log", "ON", null, ConfigSource.Derived, "Record statements slower than long_query_time for review.", false);
        Add("long_query_time", slowMs.ToString("0.###", CultureInfo.InvariantCulture), "s", ConfigSource.Derived,
            input.LatencyMs is not null ? "The stated latency target: any statement slower than it is worth a look." : "No latency target stated: 1 second.", false);

        var file = new StringBuilder();
        file.Append("# ").Append(_dialect.DisplayName).Append(" settings for ").Append(N(input.MemoryGb)).Append(" GB RAM, ").Append(input.Storage).Append(" storage, ").Append(input.Workload).Append(" workload.\n");
        file.Append("# Generated by DbArchitect.PS. Place in the server's option directory (e.g. /etc/mysql/conf.d/) and restart.\n[mysqld]\n");
        var set = new StringBuilder();
        set.Append("-- The same settings at runtime. ").Append(_dialect.IsMariaDb ? "MariaDB has no SET PERSIST: keep the option file for restarts." : "SET PERSIST survives a restart (mysqld-auto.cnf).").Append('\n');
        foreach (var s in settings)
        {
            file.Append(CommentText.Hash(s.Reason)).Append('\n').Append(s.Name).Append(" = ").Append(s.Value).Append('\n');
            if (!s.RequiresRestart && s.Name != "innodb_log_file_size")
            {
                var value = s.Value.All(char.IsAsciiDigit) || s.Value.StartsWith('\'') ? s.Value : "'" + s.Value + "'";
                if (s.Unit == "MB")
                {
                    value = (long.Parse(s.Value[..^1], CultureInfo.InvariantCulture) * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
                }

                // The option default_time_zone sets the server variable time_zone; SET names the variable.
                var variable = s.Name == "default_time_zone" ? "time_zone" : s.Name;
                set.Append(_dialect.IsMariaDb ? "SET GLOBAL " : "SET PERSIST ").Append(variable).Append(" = ").Append(value).Append(";\n");
            }
        }

        return new ConfigRecommendation(_dialect.Id, input, settings, Array.Empty<TableConfigSetting>(), file.ToString(), set.ToString(), string.Empty)
        {
            FileLabel = "Option file ([mysqld] section)",
        };
    }

    private static string Mb(long mb) => mb.ToString(CultureInfo.InvariantCulture) + "M";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
