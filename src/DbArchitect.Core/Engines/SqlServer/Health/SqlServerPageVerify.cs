using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>DATA_CHECKSUMS_OFF: databases whose page verification is not CHECKSUM.</summary>
internal sealed class SqlServerPageVerify : SqlServerHealthCheck
{
    public override string Id => "DATA_CHECKSUMS_OFF";

    public override string Title => "Page verification is not CHECKSUM";

    public override string Category => "Integrity";

    public override string Description => "Databases with page_verify_option other than CHECKSUM (TORN_PAGE_DETECTION or NONE, usually from an old upgrade): corruption from the I/O path goes undetected.";

    public override string Sql => """
        SELECT d.name AS target, d.page_verify_option_desc AS page_verify
        FROM sys.databases AS d
        WHERE d.page_verify_option <> 2 AND d.database_id > 4;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"page_verify is {row.String("page_verify")}.";

    protected override string Recommend(LiveRow row) => "ALTER DATABASE … SET PAGE_VERIFY CHECKSUM, then rebuild indexes so every page gets a checksum.";
}
