using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL server settings: PGTune's values for the hardware and workload type (<see cref="PostgreSqlPgTune"/>),
/// then what PGTune does not ask about — connections from the concurrent users through a pooler, work_mem from the
/// statements really running at once, autovacuum from the write rate, slow-query logging and timeouts from the
/// latency target, and pg_stat_statements. Each setting carries its reason and whether it needs a restart.
/// </summary>
public sealed class PostgreSqlConfigAdvisor : IConfigAdvisor
{
    /// <summary>Writes per second from which autovacuum is tuned beyond its defaults.</summary>
    internal const double BusyWritesPerSecond = 100;

    public ConfigRecommendation Recommend(ConfigInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(input.MemoryGb > 0) || double.IsInfinity(input.MemoryGb))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.MemoryGb, "Memory must be a positive number of gigabytes.");
        }

        var (connections, connectionReason) = Connections(input);
        var totalKb = PostgreSqlPgTune.MemoryKb(input.MemoryGb);
        var pgtune = PostgreSqlPgTune.Calculate(input.Workload, totalKb, input.Cpus, connections, input.Storage);
        var settings = new List<ConfigSetting>();
        var profile = $"PGTune ({PostgreSqlPgTune.Name(input.Workload)}, {Number(input.MemoryGb)} GB, {(input.Cpus is { } c ? Int(c) + " CPUs" : "CPUs not stated")}, {Storage(input.Storage)})";
        foreach (var s in pgtune.Settings)
        {
            if (s.Name == "max_connections" && connectionReason is not null)
            {
                settings.Add(Setting(s.Name, s.Value, ConfigSource.Derived, connectionReason));
                continue;
            }

            settings.Add(Setting(s.Name, s.Value, ConfigSource.PgTune, $"{profile}: {s.Rule}."));
        }

        WorkMem(input, pgtune, settings);
        var tables = Autovacuum(input, settings);
        Observability(input, connections, settings);

        var recommendation = new ConfigRecommendation("postgresql", input, settings, tables, string.Empty, string.Empty, string.Empty);
        return recommendation with
        {
            FileLabel = "postgresql.conf snippet",
            SettingsNote = settings.Any(s => s.Source == ConfigSource.PgTune)
                ? "Server settings (source `pgtune` is the value PGTune gives for the same inputs; `derived` comes from what PGTune does not ask):"
                : null,
            ReferenceSource = "pgtune",
            TableSettingsLabel = "Per-table autovacuum settings",
            ConfigFile = PostgreSqlConfigFiles.ConfigFile(recommendation),
            AlterSystemScript = PostgreSqlConfigFiles.AlterSystem(recommendation),
            TableScript = PostgreSqlConfigFiles.TableScript(recommendation),
        };
    }

    /// <summary>
    /// The connection limit: as given; else the connection budget's total (the design's, or one from the stated users
    /// and CPUs), so the login-role limits of the security section add up to it; else PGTune's default for the workload
    /// type. The reason is null when PGTune's own rule or the stated limit applies.
    /// </summary>
    internal static (int? Connections, string? Reason) Connections(ConfigInput input)
    {
        if (input.MaxConnections is > 0)
        {
            return (input.MaxConnections, null);
        }

        if (input.Connections is not { } budget)
        {
            return (null, null);
        }

        var fallback = PostgreSqlPgTune.DefaultConnections(input.Workload);
        return (budget.Total, $"The design's connection budget: {budget.Reason}. {budget.Breakdown}; the login roles' CONNECTION LIMITs in the security section are these same shares. PGTune's {PostgreSqlPgTune.Name(input.Workload)} default would be {Int(fallback)}; every other PGTune value here is computed for {Int(budget.Total)} connections.");
    }

    /// <summary>
    /// PGTune budgets work_mem as if every connection sorted at once. When throughput and latency are stated, the
    /// statements really running at once follow from Little's law (TPS × latency, doubled for peaks); when they are
    /// fewer than the connections, each may sort in more memory — never less than PGTune's value, never more than
    /// maintenance_work_mem.
    /// </summary>
    private static void WorkMem(ConfigInput input, PgTuneResult pgtune, List<ConfigSetting> settings)
    {
        if (input.Tps is not { } tps || input.LatencyMs is not { } latency || tps <= 0 || latency <= 0)
        {
            return;
        }

        var running = (int)Math.Min(pgtune.MaxConnections, Math.Max(1, Math.Ceiling(2 * tps * latency / 1000)));
        if (running >= pgtune.MaxConnections)
        {
            return;
        }

        var divisor = pgtune.WorkersPerGather > 0 ? pgtune.WorkersPerGather : 2;
        var typeDivisor = input.Workload switch { ConfigWorkload.Dw or ConfigWorkload.Mixed => 2, ConfigWorkload.Desktop => 6, _ => 1 };
        var derived = (long)Math.Floor((pgtune.TotalKb - pgtune.SharedBuffersKb) / (double)(running * 3) / divisor / typeDivisor);
        derived = Math.Min(derived, pgtune.MaintenanceWorkMemKb);
        if (derived <= pgtune.WorkMemKb)
        {
            return;
        }

        var index = settings.FindIndex(s => s.Name == "work_mem");
        settings[index] = Setting("work_mem", PostgreSqlPgTune.Format(derived), ConfigSource.Derived,
            $"{Number(tps)} TPS × {Number(latency)} ms p95, doubled for peaks, is about {Int(running)} statements running at once (Little's law), not all {Int(pgtune.MaxConnections)} connections: (RAM − shared_buffers) / ({Int(running)} × 3 sorts or hashes) / {Int(divisor)} workers per gather" +
            (typeDivisor > 1 ? $" / {Int(typeDivisor)}" : string.Empty) +
            $", at most maintenance_work_mem. PGTune's all-connections budget would be {PostgreSqlPgTune.Format(pgtune.WorkMemKb)}.");
    }

    /// <summary>
    /// Autovacuum sized to the write rate: more workers and a shorter nap when many tables churn, a cost limit that
    /// grows with the workers (it is shared between them), and per-table thresholds so a large table is vacuumed after a
    /// bounded number of dead rows instead of 20% of itself.
    /// </summary>
    private static IReadOnlyList<TableConfigSetting> Autovacuum(ConfigInput input, List<ConfigSetting> settings)
    {
        var perDay = input.RecordsPerDay ?? input.HighWriteTables.Sum(t => t.RowsPerDay);
        var writeShare = input.ReadWriteRatio is { } ratio ? 1 - ratio.ReadFraction : (double?)null;
        var fromTps = input.Tps is { } tps && writeShare is { } share ? tps * share : 0;
        var writes = Math.Max(perDay / 86_400.0, fromTps);
        var tables = input.HighWriteTables;
        if (writes < BusyWritesPerSecond && tables.Count == 0)
        {
            return Array.Empty<TableConfigSetting>();
        }

        var rate = $"about {Number(Math.Round(writes))} writes/s ({(fromTps >= perDay / 86_400.0 && fromTps > 0 ? $"{Number(input.Tps!.Value)} TPS × {Number(writeShare!.Value * 100)}% writes" : $"{Count(perDay)} rows/day")})";
        var workers = Math.Clamp(Math.Max(tables.Count + 1, (input.Cpus ?? 8) / 8), 3, 8);
        if (workers > 3)
        {
            settings.Add(Setting("autovacuum_max_workers", Int(workers), ConfigSource.Derived,
                $"{Int(tables.Count)} {(tables.Count == 1 ? "table" : "tables")} with its own high write rate, {rate}: one worker per busy table plus one for the rest, at most 8 and at least the default 3, so a long vacuum of one large table does not starve the others."));
        }

        var naptime = writes >= 1000 ? "15s" : "30s";
        settings.Add(Setting("autovacuum_naptime", naptime, ConfigSource.Derived,
            $"{rate}: checking each database every {naptime} instead of every minute starts vacuum before dead rows pile up."));
        var perWorker = input.Storage == StorageKind.Hdd ? 200 : 400;
        var limit = Math.Min(10_000, perWorker * workers);
        settings.Add(Setting("autovacuum_vacuum_cost_limit", Int(limit), ConfigSource.Derived,
            $"The cost limit is shared by all active workers: {Int(perWorker)} per worker × {Int(workers)} workers lets each vacuum at {(perWorker == 200 ? "the default pace, which spinning disks can absorb" : "twice the default pace, which SSD/network storage absorbs")} (the default 200 in total throttles busy servers)."));
        settings.Add(Setting("log_autovacuum_min_duration", "1s", ConfigSource.Derived,
            "Logs every autovacuum run longer than a second, with its dead rows and I/O, so tables that vacuum cannot keep up with show up in the log."));

        var result = new List<TableConfigSetting>();
        foreach (var table in tables)
        {
            var size = Math.Max(1, table.ProjectedRows);
            var factor = ScaleFactor(size);
            var analyze = factor / 2;
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("autovacuum_vacuum_scale_factor", Decimal(factor)),
                new("autovacuum_analyze_scale_factor", Decimal(analyze)),
                new("autovacuum_vacuum_insert_scale_factor", Decimal(factor)),
            };
            result.Add(new TableConfigSetting(table.Schema, table.Table, parameters,
                $"{Count(table.RowsPerDay)} rows/day into a table projected at {Count(size)} rows: vacuum after about {Count((long)(factor * size))} dead rows instead of the default 20% ({Count((long)(0.2 * size))}), analyze twice as often so plans follow the data, and vacuum after the same share of inserts so the visibility map (index-only scans) and freezing keep up with an append-heavy table.")
            {
                Partitioned = table.Partitioned,
            });
        }

        return result;
    }

    /// <summary>
    /// The largest of 10%, 5%, 2%, 1% and 0.5% that lets at most about 200,000 dead rows accumulate before vacuum
    /// (0.5% at the least, so vacuum of a huge table is not near-continuous).
    /// </summary>
    private static double ScaleFactor(long rows)
    {
        var target = 200_000.0 / rows;
        foreach (var step in new[] { 0.1, 0.05, 0.02, 0.01 })
        {
            if (step <= target)
            {
                return step;
            }
        }

        return 0.005;
    }

    private static void Observability(ConfigInput input, int? connections, List<ConfigSetting> settings)
    {
        var dw = input.Workload == ConfigWorkload.Dw;
        if (input.LatencyMs is { } latency && latency > 0)
        {
            var threshold = (long)Math.Max(10, Math.Ceiling(2 * latency));
            settings.Add(Setting("log_min_duration_statement", Milliseconds(threshold), ConfigSource.Derived,
                $"Twice the {Number(latency)} ms p95 target (at least 10 ms): every statement slow enough to break the target is logged with its text and duration."));
        }
        else
        {
            var threshold = dw ? 5000 : 250;
            settings.Add(Setting("log_min_duration_statement", Milliseconds(threshold), ConfigSource.Derived,
                $"No latency target stated: {(dw ? "5 s for a warehouse, whose queries are long by nature" : "250 ms, well above a healthy interactive query")}; set workload.latencyMs to derive it."));
        }

        settings.Add(Setting("log_lock_waits", "on", ConfigSource.Derived,
            "Logs any wait for a lock longer than deadlock_timeout (1 s) with the blocking process, the usual cause of latency spikes."));
        settings.Add(Setting("track_io_timing", "on", ConfigSource.Derived,
            "Times block reads and writes so pg_stat_statements and EXPLAIN (ANALYZE, BUFFERS) separate I/O from CPU; cheap on modern clocks (check with pg_test_timing)."));

        if (input.Workload != ConfigWorkload.Desktop)
        {
            var pooled = input.MaxConnections is null && input.Connections is { Pooled: true } && connections is not null;
            var idle = dw ? "10min" : pooled ? "30s" : "60s";
            settings.Add(Setting("idle_in_transaction_session_timeout", idle, ConfigSource.Derived,
                pooled && !dw
                    ? "An idle open transaction pins one of the pool's few server connections and holds back vacuum; ended after 30 s."
                    : $"An idle open transaction holds locks and keeps vacuum from removing dead rows; ended after {(dw ? "10 minutes (analyst sessions pause between long queries)" : "60 s")}."));
        }

        if (input.LatencyMs is { } target && target > 0 && !dw)
        {
            var seconds = (long)Math.Max(1, Math.Ceiling(100 * target / 1000));
            settings.Add(Setting("statement_timeout", Int(seconds) + "s", ConfigSource.Derived,
                $"100 × the {Number(target)} ms p95 target: a statement still running after {Int(seconds)} s is a runaway, cancelled before it holds locks and a connection for longer. Set it on the application role (ALTER ROLE … SET), not server-wide, so migrations, backups and maintenance are not cut off.")
                with { PerRole = true });
        }

        settings.Add(Setting("shared_preload_libraries", "pg_stat_statements, pg_cron", ConfigSource.Derived,
            "Loads pg_stat_statements, which records calls, total and mean time and I/O per normalised statement (where tuning starts), and pg_cron, which runs the maintenance jobs of maintenance/jobs.sql inside the database. Then CREATE EXTENSION pg_stat_statements in the design's database and CREATE EXTENSION pg_cron in the postgres database (pg_cron's default cron.database_name), from which jobs for the design's database are scheduled with cron.schedule_in_database."));

    }

    private static ConfigSetting Setting(string name, string value, ConfigSource source, string reason) =>
        new(name, value, Unit(value), source, reason, PostgreSqlSettingContexts.RequiresRestart(name));

    /// <summary>The unit of a value such as "16GB", "250ms" or "30s"; null for plain numbers and words.</summary>
    internal static string? Unit(string value)
    {
        var digits = 0;
        while (digits < value.Length && (char.IsAsciiDigit(value[digits]) || value[digits] == '.'))
        {
            digits++;
        }

        return digits > 0 && digits < value.Length ? value[digits..] : null;
    }

    private static string Milliseconds(long ms) => ms % 1000 == 0 ? Int(ms / 1000) + "s" : Int(ms) + "ms";

    private static string Storage(StorageKind storage) => storage switch
    {
        StorageKind.Hdd => "hdd",
        StorageKind.Network => "san/network",
        _ => "ssd",
    };

    private static string Decimal(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
