using System.Globalization;
using System.Text;
using DbArchitect.Core.Design;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server instance and database settings for the stated hardware and workload, each with its rule and figures,
/// written as one sp_configure script (config/sp_configure.sql) that also sizes tempdb and sets the database options.
/// </summary>
internal sealed class SqlServerConfigAdvisor : IConfigAdvisor
{
    public const string ConfigPath = "config/sp_configure.sql";

    private const string Area = DesignAreas.PerformanceTuning;

    // Settings applied by ALTER DATABASE (or tempdb files), not by sp_configure.
    private static readonly string[] DatabaseOptions = { "tempdb data files", "READ_COMMITTED_SNAPSHOT", "QUERY_STORE", "COMPATIBILITY_LEVEL" };

    public ConfigInput? LiveInput(Live.LiveSession session) => SqlServerLiveConfig.Read(session);

    public ConfigRecommendation WithLiveSettings(Live.LiveSession session, ConfigRecommendation recommendation) => SqlServerLiveConfig.WithCurrent(session, recommendation);

    public ConfigRecommendation Recommend(ConfigInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var memoryMb = (long)Math.Round(input.MemoryGb * 1024);
        var cpus = input.Cpus ?? 4;
        var cpuNote = input.Cpus is null ? " (CPUs not stated: 4 assumed)" : string.Empty;
        var settings = new List<ConfigSetting>();
        void Add(string name, string value, string? unit, string reason, bool restart = false) =>
            settings.Add(new ConfigSetting(name, value, unit, ConfigSource.Derived, reason, restart));

        // Operating-system headroom (Kehayias' rule): 1 GB, plus 1 GB per 4 GB up to 16 GB, plus 1 GB per 8 GB above.
        var gb = input.MemoryGb;
        var reserveGb = gb <= 4 ? Math.Max(1, gb / 4) : 1 + (Math.Min(gb, 16) / 4) + (Math.Max(0, gb - 16) / 8);
        var maxMemoryMb = Math.Max(1024, memoryMb - (long)Math.Round(reserveGb * 1024));
        Add("max server memory (MB)", N(maxMemoryMb), "MB",
            $"{N(memoryMb)} MB RAM minus {reserveGb.ToString("0.#", CultureInfo.InvariantCulture)} GB for the operating system, thread stacks and other processes (1 GB + 1 GB per 4 GB up to 16 GB + 1 GB per 8 GB above); left at its default, the buffer pool takes nearly all memory and the OS pages SQL Server out.");

        // MAXDOP (Microsoft's guidance): one NUMA node with up to 8 logical processors → their number; more → 8.
        // The node layout is not stated: a node is assumed to hold up to 16 logical processors.
        var nodes = Math.Max(1, (int)Math.Ceiling(cpus / 16.0));
        var perNode = (int)Math.Ceiling(cpus / (double)nodes);
        var maxdop = nodes == 1 ? Math.Min(8, cpus) : Math.Min(16, Math.Max(1, perNode / 2));
        if (input.Workload is ConfigWorkload.Oltp or ConfigWorkload.Web && maxdop > 4)
        {
            maxdop = Math.Max(4, maxdop / 2);
        }

        Add("max degree of parallelism", N(maxdop), null,
            $"{N(cpus)} logical processors{cpuNote} in {N(nodes)} NUMA node(s) (assumed: up to 16 per node): Microsoft's rule gives min(8, processors) for one node, half a node (≤ 16) for several{(input.Workload is ConfigWorkload.Oltp or ConfigWorkload.Web ? "; halved (not below 4) for an OLTP workload, where many short queries must not queue behind one parallel query" : string.Empty)}.");
        Add("cost threshold for parallelism", input.Workload == ConfigWorkload.Desktop ? "5" : "50", null,
            "The default of 5 dates from 1990s hardware and makes cheap queries parallel (CXPACKET waits); 50 keeps parallelism for genuinely expensive queries. Tune from the plan cache's costs.");
        Add("optimize for ad hoc workloads", "1", null,
            "Caches a small plan stub on the first run of an ad hoc statement and the full plan only on the second, so single-use statements do not bloat the plan cache.");
        Add("backup compression default", "1", null,
            "Compressed backups are typically 3–4× smaller and faster (less I/O) for a little CPU.");
        Add("backup checksum default", "1", null,
            "Every backup verifies page checksums while reading and writes a backup checksum, so a corrupt page fails the backup instead of hiding in it.");
        Add("remote admin connections", "1", null,
            "Allows the dedicated administrator connection from another host, the way in when the server is unresponsive.");
        var tempdbFiles = Math.Min(8, cpus);
        Add("tempdb data files", N(tempdbFiles), "files",
            $"One equally sized tempdb data file per logical processor up to 8 ({N(cpus)} processors{cpuNote}) avoids allocation-page (PFS/GAM/SGAM) contention; add 4 at a time only if PAGELATCH waits on tempdb remain.");
        Add("READ_COMMITTED_SNAPSHOT", "ON", null,
            "Readers see the last committed version instead of waiting for writers' locks (row versions in tempdb), removing most reader/writer blocking of an OLTP workload.");
        Add("QUERY_STORE", "ON", null,
            "Keeps query plans and runtime statistics across restarts, so regressions can be found and a good plan forced.");
        Add("COMPATIBILITY_LEVEL", "160", null,
            "SQL Server 2022's optimizer behaviour (parameter-sensitive plans, DOP and memory-grant feedback).");

        var script = Script(settings, tempdbFiles);
        var summary = new List<DesignDecision>
        {
            new(Area, "Workload profile", $"{input.Workload.ToString().ToLowerInvariant()} for {input.MemoryGb.ToString("0.###", CultureInfo.InvariantCulture)} GB RAM, {N(cpus)} CPUs{cpuNote}", $"The workload decides MAXDOP (halved for OLTP and web) and the cost threshold{(input.WorkloadReason is { } why ? "; " + why.Replace("PGTune's ", string.Empty, StringComparison.Ordinal) : string.Empty)}."),
        };
        summary.AddRange(settings.Where(s => s.Name is "max server memory (MB)" or "max degree of parallelism" or "cost threshold for parallelism")
            .Select(s => new DesignDecision(Area, s.Name, $"{s.Name} = {s.Value}", s.Reason)));
        summary.Add(new DesignDecision(Area, "Applying", ConfigPath,
            "sp_configure with RECONFIGURE applies every instance setting online; tempdb files are added online; the database options need no other sessions in the database (WITH ROLLBACK IMMEDIATE)."));

        return new ConfigRecommendation("sqlserver", input, settings, Array.Empty<TableConfigSetting>(), script, script, string.Empty)
        {
            Summary = summary,
            FileLabel = "Configuration script (sp_configure)",
            FileLanguage = "sql",
        };
    }

    private static string Script(IReadOnlyList<ConfigSetting> settings, int tempdbFiles)
    {
        var w = new SqlServerWriter();
        w.Comment("Generated by DbArchitect.PS. SQL Server instance settings (sp_configure) and database options; run as sysadmin in the application's database.");
        w.BlankLine();
        w.Statement("EXEC sys.sp_configure N'show advanced options', 1");
        w.Statement("RECONFIGURE");
        foreach (var setting in settings.Where(s => !DatabaseOptions.Contains(s.Name, StringComparer.Ordinal)))
        {
            w.Comment(setting.Reason);
            w.Statement($"EXEC sys.sp_configure {SqlServerWriter.Argument(setting.Name)}, {setting.Value}");
        }

        w.Statement("RECONFIGURE");
        w.Go();
        w.BlankLine();
        w.Comment(settings.First(s => s.Name == "tempdb data files").Reason);
        w.Raw(string.Join('\n', new[]
        {
            "DECLARE @files INT = (SELECT COUNT(*) FROM tempdb.sys.database_files WHERE type_desc = N'ROWS');",
            "DECLARE @path NVARCHAR(260) = (SELECT TOP (1) LEFT(physical_name, LEN(physical_name) - CHARINDEX(N'\\', REVERSE(physical_name)) + 1) FROM tempdb.sys.database_files WHERE type_desc = N'ROWS' ORDER BY file_id);",
            "DECLARE @sql NVARCHAR(MAX);",
            $"WHILE @files < {N(tempdbFiles)}",
            "BEGIN",
            "    SET @files += 1;",
            "    SET @sql = N'ALTER DATABASE tempdb ADD FILE (NAME = N''tempdev' + CONVERT(NVARCHAR(10), @files) + N''', FILENAME = N''' + @path + N'tempdb' + CONVERT(NVARCHAR(10), @files) + N'.ndf'', SIZE = 1024MB, FILEGROWTH = 512MB);';",
            "    EXEC sys.sp_executesql @sql;",
            "END;",
        }));
        w.Go();
        w.BlankLine();
        w.Statement("ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE");
        w.Statement("ALTER DATABASE CURRENT SET QUERY_STORE = ON (OPERATION_MODE = READ_WRITE)");
        w.Statement("ALTER DATABASE CURRENT SET COMPATIBILITY_LEVEL = 160");
        w.Go();
        return w.Finish();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
