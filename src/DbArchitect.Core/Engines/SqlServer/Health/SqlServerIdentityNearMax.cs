using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>SEQUENCE_NEAR_MAX: identity columns measured against their type's maximum.</summary>
internal sealed class SqlServerIdentityNearMax : SqlServerHealthCheck
{
    public override string Id => "SEQUENCE_NEAR_MAX";

    public override string Title => "Identity near its column type's maximum";

    public override string Category => "Schema";

    public override string Description => "last_value of identity columns as a % of their type's maximum (tinyint 255, smallint 32,767, int 2,147,483,647, bigint 9.2e18): 75 % warning, 90 % critical.";

    public override HealthThreshold DefaultThreshold => new(75, 90, "%");

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(ic.object_id) + N'.' + OBJECT_NAME(ic.object_id) + N'.' + ic.name AS target, TYPE_NAME(ic.system_type_id) AS column_type,
               CAST(ic.last_value AS decimal(38, 0)) AS last_value,
               CAST(100.0 * CAST(ic.last_value AS decimal(38, 0)) / CASE TYPE_NAME(ic.system_type_id) WHEN 'tinyint' THEN 255 WHEN 'smallint' THEN 32767
                    WHEN 'int' THEN 2147483647 ELSE 9223372036854775807 END AS decimal(9, 2)) AS measured
        FROM sys.identity_columns AS ic
        WHERE ic.last_value IS NOT NULL AND OBJECTPROPERTY(ic.object_id, 'IsMsShipped') = 0;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Identity is at {row.String("last_value")} ({HealthThreshold.Format(measured ?? 0)} % of {row.String("column_type")}).";

    protected override string Recommend(LiveRow row) => "Move the column to bigint in a planned migration before it runs out.";
}
