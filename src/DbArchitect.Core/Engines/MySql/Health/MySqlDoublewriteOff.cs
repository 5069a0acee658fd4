using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>FULL_PAGE_WRITES_OFF: without the doublewrite buffer a torn page after a crash cannot be repaired.</summary>
internal sealed class MySqlDoublewriteOff : MySqlSettingCheck
{
    public override string Id => "FULL_PAGE_WRITES_OFF";

    public override string Title => "InnoDB doublewrite buffer is off";

    public override string Description => "innodb_doublewrite = OFF: a page half-written during a crash (torn page) cannot be restored and the table is corrupt; safe only on storage with atomic 16 kB writes.";

    protected override string Variable => "innodb_doublewrite";

    protected override string Condition => "v IN ('0', 'OFF')";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Recommend(LiveRow row) => "Enable innodb_doublewrite (needs a restart) unless the storage guarantees atomic page writes.";
}
