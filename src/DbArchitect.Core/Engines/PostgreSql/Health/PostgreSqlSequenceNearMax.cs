using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>SEQUENCE_NEAR_MAX: serial and identity sequences measured against their column's type, not the sequence's own maximum.</summary>
internal sealed class PostgreSqlSequenceNearMax : PostgreSqlHealthCheck
{
    public override string Id => "SEQUENCE_NEAR_MAX";

    public override string Title => "Sequence near its column type's maximum";

    public override string Category => "Schema";

    public override string Description => "A sequence owned by a column (serial or identity) whose last value is 75 % (critical: 90 %) of the smaller of the column type's maximum and the sequence's own. A bigint sequence feeding an integer column fails at 2,147,483,647 even though the sequence could go on; inserts then stop.";

    public override HealthThreshold DefaultThreshold => new(75, 90, "%");

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT tn.nspname || '.' || t.relname || '.' || a.attname AS target,
               s.schemaname || '.' || s.sequencename AS sequence_name, format_type(a.atttypid, a.atttypmod) AS column_type,
               s.last_value, x.max_value,
               round(100.0 * coalesce(s.last_value, 0) / x.max_value, 2) AS measured,
               CASE d.deptype WHEN 'i' THEN 'identity' ELSE 'serial' END AS kind
        FROM pg_sequences s
        JOIN pg_namespace sn ON sn.nspname = s.schemaname
        JOIN pg_class sc ON sc.relname = s.sequencename AND sc.relnamespace = sn.oid
        JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = sc.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid
        JOIN pg_namespace tn ON tn.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        CROSS JOIN LATERAL (SELECT least(s.max_value::numeric, CASE a.atttypid WHEN 'int2'::regtype THEN 32767
                                                                             WHEN 'int4'::regtype THEN 2147483647
                                                                             ELSE 9223372036854775807 END) AS max_value) x
        WHERE s.increment_by > 0
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("kind")} sequence {row.String("sequence_name")} is at {row.String("last_value")} of {row.String("max_value")} allowed by the {row.String("column_type")} column ({HealthThreshold.Format(measured ?? 0)} %).";

    protected override string Recommend(LiveRow row) => "Widen the column to bigint in a planned migration (and every column that references it) before the sequence reaches the limit.";
}
