using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>NOT_VALID_CONSTRAINT: foreign keys and checks the optimizer does not trust (WITH NOCHECK).</summary>
internal sealed class SqlServerUntrustedConstraint : SqlServerHealthCheck
{
    public override string Id => "NOT_VALID_CONSTRAINT";

    public override string Title => "Untrusted constraint";

    public override string Category => "Schema";

    public override string Description => "Foreign key and check constraints with is_not_trusted = 1 (created or re-enabled WITH NOCHECK): existing rows were never checked and the optimizer cannot use them to remove joins.";

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(k.parent_object_id) + N'.' + OBJECT_NAME(k.parent_object_id) + N'.' + k.name AS target, k.type_desc AS constraint_type
        FROM (SELECT name, parent_object_id, type_desc, is_not_trusted, is_disabled, is_ms_shipped FROM sys.foreign_keys
              UNION ALL
              SELECT name, parent_object_id, type_desc, is_not_trusted, is_disabled, is_ms_shipped FROM sys.check_constraints) AS k
        WHERE k.is_not_trusted = 1 AND k.is_disabled = 0 AND k.is_ms_shipped = 0;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"The {row.String("constraint_type")} is not trusted.";

    protected override string Recommend(LiveRow row) => "ALTER TABLE … WITH CHECK CHECK CONSTRAINT … after fixing the rows it reports.";
}
