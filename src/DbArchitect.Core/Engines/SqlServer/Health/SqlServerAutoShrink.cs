using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>AUTO_SHRINK_ON: databases that shrink themselves, fragmenting every index and growing back.</summary>
internal sealed class SqlServerAutoShrink : SqlServerHealthCheck
{
    public override string Id => "AUTO_SHRINK_ON";

    public override string Title => "Auto-shrink is on";

    public override string Category => "Performance";

    public override string Description => "Databases with is_auto_shrink_on = 1 (or is_auto_close_on = 1): shrinking moves pages and fragments indexes, the files grow back, and the cycle repeats; auto-close makes every first connection pay a full database start-up.";

    public override string Sql => """
        SELECT d.name AS target, d.is_auto_shrink_on AS auto_shrink, d.is_auto_close_on AS auto_close
        FROM sys.databases AS d
        WHERE (d.is_auto_shrink_on = 1 OR d.is_auto_close_on = 1) AND d.database_id > 4;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"auto_shrink = {row.String("auto_shrink")}, auto_close = {row.String("auto_close")}.";

    protected override string Recommend(LiveRow row) => "ALTER DATABASE … SET AUTO_SHRINK OFF, AUTO_CLOSE OFF; size the files for their data instead.";
}
