using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>DISABLED_CONSTRAINT: foreign keys and checks that are disabled (NOCHECK).</summary>
internal sealed class SqlServerDisabledConstraint : SqlServerHealthCheck
{
    public override string Id => "DISABLED_CONSTRAINT";

    public override string Title => "Disabled constraint";

    public override string Category => "Integrity";

    public override string Description => "Foreign keys and check constraints that are disabled (ALTER TABLE … NOCHECK CONSTRAINT): new rows are not checked at all. Untrusted but enabled constraints are NOT_VALID_CONSTRAINT.";

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(k.parent_object_id) + N'.' + OBJECT_NAME(k.parent_object_id) + N'.' + k.name AS target, k.type_desc AS constraint_type
        FROM (SELECT fk.name, fk.parent_object_id, fk.type_desc, fk.is_disabled, fk.is_ms_shipped FROM sys.foreign_keys AS fk
              UNION ALL
              SELECT cc.name, cc.parent_object_id, cc.type_desc, cc.is_disabled, cc.is_ms_shipped FROM sys.check_constraints AS cc) AS k
        WHERE k.is_disabled = 1 AND k.is_ms_shipped = 0;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"The {row.String("constraint_type")} is disabled.";

    protected override string Recommend(LiveRow row) => "Fix the rows that break it, then ALTER TABLE … WITH CHECK CHECK CONSTRAINT … so it is enabled and trusted.";
}
