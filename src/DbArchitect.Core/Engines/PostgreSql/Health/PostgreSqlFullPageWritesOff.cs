using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>FULL_PAGE_WRITES_OFF: torn pages after a crash cannot be repaired from WAL.</summary>
internal sealed class PostgreSqlFullPageWritesOff : PostgreSqlSettingCheck
{
    public override string Id => "FULL_PAGE_WRITES_OFF";

    public override string Title => "full_page_writes is off";

    public override string Description => "Without full-page images in WAL a page half-written during a crash (torn page) cannot be restored; safe only on storage that guarantees atomic 8 kB writes.";

    protected override string Setting => "full_page_writes";

    protected override string BadValue => "off";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Recommend(LiveRow row) => "Set full_page_writes = on unless the file system guarantees atomic page writes (ZFS with recordsize 8k).";
}
