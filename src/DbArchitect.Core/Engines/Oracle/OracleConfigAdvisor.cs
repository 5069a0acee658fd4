using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle instance parameters for the stated hardware and workload. Memory: three quarters of the RAM go to Oracle (the
/// rest to the OS, its page cache and agents); OLTP and web split it 80/20 between SGA and PGA, data warehouses 50/50
/// because sorts and hash joins run in the PGA. Up to 4 GB, MEMORY_TARGET (automatic memory management) is simplest;
/// above it SGA_TARGET + PGA_AGGREGATE_TARGET (ASMM) with HugePages, which MEMORY_TARGET cannot use on Linux.
/// PROCESSES from the connection pool size, SESSIONS derived as 19c does (1.5 × PROCESSES + 22).
/// </summary>
internal sealed class OracleConfigAdvisor : IConfigAdvisor
{
    internal const double OracleShareOfRam = 0.75;
    internal const int BackgroundProcesses = 60;

    public ConfigRecommendation Recommend(ConfigInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = new List<ConfigSetting>();
        void Add(string name, string value, string? unit, string reason, bool restart) =>
            settings.Add(new ConfigSetting(name, value, unit, ConfigSource.Derived, reason, restart));

        var ramMb = input.MemoryGb * 1024;
        var oracleMb = ramMb * OracleShareOfRam;
        var dw = input.Workload is ConfigWorkload.Dw or ConfigWorkload.Mixed;
        var sgaShare = input.Workload == ConfigWorkload.Dw ? 0.5 : input.Workload == ConfigWorkload.Mixed ? 0.65 : 0.8;
        var ram = InvariantText.Format($"{G(input.MemoryGb)} RAM × {OracleShareOfRam:0.##} = {Mb(oracleMb)} for Oracle");
        if (input.MemoryGb <= 4)
        {
            Add("memory_target", Mb(oracleMb), "M", $"{ram}; at 4 GB or less automatic memory management (MEMORY_TARGET) moves memory between SGA and PGA by itself, and HugePages matter little at this size.", true);
            Add("sga_target", "0", null, "0 under MEMORY_TARGET: Oracle sizes the SGA itself.", true);
            Add("pga_aggregate_target", "0", null, "0 under MEMORY_TARGET: Oracle sizes the PGA itself.", false);
        }
        else
        {
            var sga = oracleMb * sgaShare;
            var pga = oracleMb - sga;
            Add("memory_target", "0", null, $"Above 4 GB, ASMM (SGA_TARGET + PGA_AGGREGATE_TARGET) instead of MEMORY_TARGET: MEMORY_TARGET uses /dev/shm and cannot use HugePages on Linux, so a large SGA would pay page-table memory per process.", true);
            Add("sga_target", Mb(sga), "M", $"{ram}; {sgaShare * 100:0}% of it to the SGA (buffer cache, shared pool) for a {input.Workload.ToString().ToLowerInvariant()} workload{(dw ? ": large sorts and hash joins run in the PGA" : ": short transactions re-read the same blocks")}.", true);
            Add("pga_aggregate_target", Mb(pga), "M", $"The other {(1 - sgaShare) * 100:0}% of Oracle's memory for sorts, hash joins and session memory.", false);
            Add("pga_aggregate_limit", Mb(Math.Max(2048, pga * 2)), "M", "A hard cap of twice the PGA target (at least 2 GB, Oracle's own floor) so one runaway query cannot swap the host.", false);
            Add("use_large_pages", "ONLY", null, $"The {Mb(sga)} SGA in HugePages (configure vm.nr_hugepages to cover it): no per-process page tables, no swapping of the SGA; ONLY refuses to start rather than run without them.", true);
        }

        var (connections, why) = Connections(input);
        var processes = connections + BackgroundProcesses;
        Add("processes", processes.ToString(CultureInfo.InvariantCulture), null, $"{why} + {BackgroundProcesses} for background processes, jobs and DBA sessions; each dedicated server process costs a few MB of PGA, so size the application pool, not the user count.", true);
        Add("sessions", ((int)(processes * 1.5) + 22).ToString(CultureInfo.InvariantCulture), null, "1.5 × PROCESSES + 22, the derivation Oracle 19c applies by default, stated so a later change of PROCESSES is not forgotten here.", true);
        Add("open_cursors", "500", null, "Cursors a session may hold open: statement caches of connection pools (50–100 statements) fit with room; too low raises ORA-01000.", false);
        var cpus = input.Cpus ?? 4;
        Add("db_writer_processes", Math.Max(1, cpus / 8).ToString(CultureInfo.InvariantCulture), null, $"One database writer per 8 CPUs ({cpus.ToString(CultureInfo.InvariantCulture)} CPUs{(input.Cpus is null ? ", assumed" : string.Empty)}) keeps dirty buffers flowing without contention.", true);
        Add("filesystemio_options", "SETALL", null, "Asynchronous and direct I/O on file systems: the buffer cache is the cache, the OS page cache would hold every block twice (not needed on ASM).", true);
        Add("fast_start_mttr_target", "60", "s", "Crash recovery within about a minute: incremental checkpoints write dirty blocks steadily instead of in bursts.", false);
        Add("undo_retention", "900", "s", "15 minutes of undo kept for consistent reads and flashback queries of long reports (ORA-01555 otherwise); the undo tablespace must be sized for it.", false);
        Add("db_block_size", "8192", null, "8 KB blocks, the default and the size every capacity figure here uses; fixed when the database is created.", true);
        if (input.Workload == ConfigWorkload.Dw)
        {
            Add("parallel_degree_policy", "LIMITED", null, "Data warehouse: Oracle chooses the degree of parallelism for statements on tables decorated PARALLEL, bounded by parallel_max_servers.", false);
        }

        var file = new StringBuilder("# init.ora (pfile) settings for Oracle Database, derived from the stated hardware and workload.\n");
        var alter = new StringBuilder("-- ALTER SYSTEM statements for the same settings (SCOPE = SPFILE: restart the instance once after running them).\nSET DEFINE OFF\nWHENEVER SQLERROR EXIT SQL.SQLCODE\n");
        foreach (var setting in settings)
        {
            file.Append(CommentText.Hash(setting.Reason)).Append('\n').Append("*.").Append(setting.Name).Append('=').Append(setting.Value).Append('\n');
            if (setting.Name != "db_block_size")
            {
                alter.Append("ALTER SYSTEM SET ").Append(setting.Name).Append(" = ").Append(setting.Value).Append(" SCOPE = SPFILE SID = '*';\n");
            }
        }

        return new ConfigRecommendation("oracle", input, settings, Array.Empty<TableConfigSetting>(), file.ToString(), alter.ToString(), string.Empty)
        {
            FileLabel = "init.ora parameters",
        };
    }

    private static (int Connections, string Why) Connections(ConfigInput input)
    {
        if (input.MaxConnections is { } max)
        {
            return (max, $"{max.ToString(CultureInfo.InvariantCulture)} connections as stated");
        }

        if (input.Connections is { } budget)
        {
            return (budget.Total, $"the design's connection budget ({budget.Reason}): {budget.Breakdown}; the login profiles' SESSIONS_PER_USER in the security section are these same shares");
        }

        var byWorkload = input.Workload switch
        {
            ConfigWorkload.Dw => 40,
            ConfigWorkload.Desktop => 20,
            _ => 200,
        };
        return (byWorkload, $"{byWorkload.ToString(CultureInfo.InvariantCulture)} connections for a {input.Workload.ToString().ToLowerInvariant()} workload (users not stated)");
    }

    private static string Mb(double mb)
    {
        var rounded = (long)Math.Floor(mb / 64) * 64;
        return rounded % 1024 == 0 ? (rounded / 1024).ToString(CultureInfo.InvariantCulture) + "G" : rounded.ToString(CultureInfo.InvariantCulture) + "M";
    }

    private static string G(double gb) => gb.ToString("0.###", CultureInfo.InvariantCulture) + " GB";
}
