using DbArchitect.Core.Live;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Get-DbConfigRecommendation against a live SQL Server: the machine's memory and logical CPUs from sys.dm_os_sys_info
/// as the advice's input, and each sp_configure setting's value in use from sys.configurations beside the advice.
/// </summary>
internal static class SqlServerLiveConfig
{
    public const string HardwareSql = """
        SELECT si.physical_memory_kb, si.cpu_count, si.socket_count, si.cores_per_socket, si.numa_node_count
        FROM sys.dm_os_sys_info AS si;
        """;

    public const string SettingsSql = """
        SELECT c.name, CAST(c.value_in_use AS nvarchar(64)) AS value_in_use
        FROM sys.configurations AS c;
        """;

    /// <summary>The hardware row as the advice's input; the workload stays PGTune's default web profile unless -Workload says otherwise.</summary>
    public static ConfigInput Input(LiveRow hardware)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        var memoryGb = (hardware.Int64("physical_memory_kb") ?? 0) / 1048576.0;
        var cpus = (int)Math.Clamp(hardware.Int64("cpu_count") ?? 1, 1, 4096);
        return new ConfigInput(Math.Max(memoryGb, 0.001), cpus, StorageKind.Ssd, ConfigWorkload.Web, null)
        {
            WorkloadReason = "the live server's hardware (sys.dm_os_sys_info); -Workload and -Storage say what it cannot.",
        };
    }

    /// <summary>Each advised setting the server has in sys.configurations gets its value in use in its reason.</summary>
    public static ConfigRecommendation WithCurrent(ConfigRecommendation recommendation, IEnumerable<LiveRow> current)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var values = current.Where(r => r.String("name") is not null)
            .GroupBy(r => r.String("name")!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().String("value_in_use") ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        return recommendation with
        {
            Settings = recommendation.Settings.Select(s => values.TryGetValue(s.Name, out var now)
                ? s with { Reason = s.Reason + (string.Equals(now, s.Value, StringComparison.Ordinal) ? $" The server already has {now}." : $" The server has {now} now.") }
                : s).ToList(),
        };
    }

    public static ConfigInput Read(LiveSession session) =>
        Input(session.Query(HardwareSql, "Reading the server's hardware").FirstOrDefault()
            ?? throw new Errors.DbArchitectException(new Errors.DbArchitectError("ConfigHardwareUnreadable", Errors.ErrorKind.ReadError,
                $"{session.Target.Description} returned no row from sys.dm_os_sys_info.", "Grant VIEW SERVER STATE (VIEW SERVER PERFORMANCE STATE on SQL Server 2022) to the login.", null, session.Target.Description)));

    public static ConfigRecommendation WithCurrent(LiveSession session, ConfigRecommendation recommendation) =>
        WithCurrent(recommendation, session.Query(SettingsSql, "Reading the server's settings"));
}
