using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>DISABLED_TRIGGER: disabled DML triggers.</summary>
internal sealed class SqlServerDisabledTrigger : SqlServerHealthCheck
{
    public override string Id => "DISABLED_TRIGGER";

    public override string Title => "Disabled trigger";

    public override string Category => "Schema";

    public override string Description => "DML triggers with is_disabled = 1: whatever they do (audit, derived data) is silently skipped.";

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(tr.parent_id) + N'.' + OBJECT_NAME(tr.parent_id) + N'.' + tr.name AS target
        FROM sys.triggers AS tr
        WHERE tr.is_disabled = 1 AND tr.parent_class = 1 AND tr.is_ms_shipped = 0;
        """;

    protected override string Describe(LiveRow row, double? measured) => "The trigger is disabled.";

    protected override string Recommend(LiveRow row) => "ENABLE TRIGGER it after repairing rows changed meanwhile, or drop it if it is obsolete.";
}
