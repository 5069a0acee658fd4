using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>DATA_CHECKSUMS_OFF: silent storage corruption goes unnoticed until a query returns wrong data.</summary>
internal sealed class PostgreSqlDataChecksumsOff : PostgreSqlSettingCheck
{
    public override string Id => "DATA_CHECKSUMS_OFF";

    public override string Title => "Data checksums are off";

    public override string Category => "Integrity";

    public override string Description => "A cluster initialised without data checksums cannot detect pages corrupted by storage or memory faults. Information only: enabling them needs pg_checksums on a stopped cluster.";

    public override HealthPriority Priority => HealthPriority.Low;

    protected override string Setting => "data_checksums";

    protected override string BadValue => "off";

    protected override HealthStatus FoundStatus => HealthStatus.Info;

    protected override string Recommend(LiveRow row) => "Enable checksums with pg_checksums --enable during a maintenance window, or initdb --data-checksums for the next cluster.";
}
