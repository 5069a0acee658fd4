using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>MAX_SERVER_MEMORY: max server memory left unlimited or above the machine's memory.</summary>
internal sealed class SqlServerMaxServerMemory : SqlServerHealthCheck
{
    public override string Id => "MAX_SERVER_MEMORY";

    public override string Title => "max server memory not set below the machine's memory";

    public override string Category => "Performance";

    public override string Description => "The 'max server memory (MB)' setting at or above the machine's physical memory (sys.dm_os_sys_info), the default 2147483647 included: SQL Server then takes memory the operating system needs. Leave the OS 10 % or 4 GB, whichever is more. Skipped on Azure SQL Database, which sizes memory itself.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string? AzureSqlDatabaseSkip => "the service sets the memory of each service tier; sys.configurations is not the user's to change.";

    public override string Sql => """
        SELECT N'max server memory (MB)' AS target, CAST(c.value_in_use AS bigint) AS max_server_memory_mb,
               si.physical_memory_kb / 1024 AS physical_memory_mb
        FROM sys.configurations AS c
        CROSS JOIN sys.dm_os_sys_info AS si
        WHERE c.name = N'max server memory (MB)' AND CAST(c.value_in_use AS bigint) >= si.physical_memory_kb / 1024;
        """;

    /// <summary>What to leave the operating system: 10 % of the machine or 4 GB, whichever is more.</summary>
    internal static long RecommendedMegabytes(long physicalMegabytes) => Math.Max(physicalMegabytes / 2, physicalMegabytes - Math.Max(physicalMegabytes / 10, 4096));

    protected override string Describe(LiveRow row, double? measured) =>
        $"max server memory is {row.String("max_server_memory_mb")} MB on a machine with {row.String("physical_memory_mb")} MB.";

    protected override string Recommend(LiveRow row) =>
        $"EXEC sys.sp_configure N'max server memory (MB)', {RecommendedMegabytes(row.Int64("physical_memory_mb") ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)}; RECONFIGURE; (10 % or 4 GB left to the OS, more if other services share the machine).";
}
