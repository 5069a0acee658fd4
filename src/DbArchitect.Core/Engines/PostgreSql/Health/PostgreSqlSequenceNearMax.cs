using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// SEQUENCE_NEAR_MAX: every sequence that feeds an integer column, measured against the column's type, not the
/// sequence's own maximum. A sequence feeds a column when the column owns it (serial, identity, OWNED BY) or when the
/// column's default calls it (DEFAULT nextval('some_seq') without OWNED BY): the default's dependency on the sequence
/// is in pg_depend under pg_attrdef, so both are found in one query. Where the table has a creation-time column, the
/// newest rows by the column give the growth and the date the type runs out (<see cref="ExhaustionForecast"/>).
/// </summary>
internal sealed class PostgreSqlSequenceNearMax : PostgreSqlHealthCheck
{
    public override string Id => "SEQUENCE_NEAR_MAX";

    public override string Title => "Sequence near its column type's maximum";

    public override string Category => "Schema";

    public override string Description => "A sequence that feeds a column — owned by it (serial, identity, OWNED BY) or called by its default (DEFAULT nextval('some_seq')) — whose last value is 75 % (critical: 90 %) of the smaller of the column type's maximum and the sequence's own. A bigint sequence feeding an integer column fails at 2,147,483,647 even though the sequence could go on; inserts then stop. A sequence that feeds several columns is measured against each. Where the table has a creation-time column (created…, inserted… or DEFAULT now()), the newest 10,000 rows by the column give ids per day and the date the type runs out: within 365 days is a warning, within 90 critical, whatever the share.";

    public override HealthThreshold DefaultThreshold => new(75, 90, "%");

    public override HealthPriority Priority => HealthPriority.High;

    // Owned sequences depend on their column (deptype a or i); a default that calls nextval(regclass) depends on the
    // sequence (deptype n, from pg_attrdef). A serial column has both links: the owned one names the kind.
    public override string Sql => """
        WITH feeds AS (
            SELECT DISTINCT ON (f.seqid, f.relid, f.attnum) f.seqid, f.relid, f.attnum, f.kind
            FROM (
                SELECT d.objid AS seqid, d.refobjid AS relid, d.refobjsubid AS attnum,
                       CASE d.deptype WHEN 'i' THEN 'identity' ELSE 'serial' END AS kind, 0 AS rank
                FROM pg_depend d
                WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
                UNION ALL
                SELECT d.refobjid, ad.adrelid, ad.adnum, 'default', 1
                FROM pg_attrdef ad
                JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'n'
            ) f
            ORDER BY f.seqid, f.relid, f.attnum, f.rank
        )
        SELECT tn.nspname || '.' || t.relname || '.' || a.attname AS target,
               s.schemaname || '.' || s.sequencename AS sequence_name, format_type(a.atttypid, a.atttypmod) AS column_type,
               s.last_value, x.max_value,
               round(100.0 * coalesce(s.last_value, 0) / x.max_value, 2) AS measured,
               f.kind, tn.nspname AS schema_name, t.relname AS table_name, a.attname AS column_name,
               (SELECT c.attname FROM pg_attribute c LEFT JOIN pg_attrdef cd ON cd.adrelid = c.attrelid AND cd.adnum = c.attnum
                WHERE c.attrelid = f.relid AND c.attnum > 0 AND NOT c.attisdropped
                  AND c.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype)
                  AND (c.attname ~* '^(created|inserted|creation|create_)' OR pg_get_expr(cd.adbin, cd.adrelid) ~* '^(now\(\)|CURRENT_TIMESTAMP|clock_timestamp|statement_timestamp|transaction_timestamp)')
                ORDER BY c.attnum LIMIT 1) AS created_column
        FROM feeds f
        JOIN pg_class sc ON sc.oid = f.seqid AND sc.relkind = 'S'
        JOIN pg_namespace sn ON sn.oid = sc.relnamespace
        JOIN pg_sequences s ON s.schemaname = sn.nspname AND s.sequencename = sc.relname
        JOIN pg_class t ON t.oid = f.relid
        JOIN pg_namespace tn ON tn.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = f.relid AND a.attnum = f.attnum AND NOT a.attisdropped
        CROSS JOIN LATERAL (SELECT least(s.max_value::numeric, CASE a.atttypid WHEN 'int2'::regtype THEN 32767
                                                                             WHEN 'int4'::regtype THEN 2147483647
                                                                             ELSE 9223372036854775807 END) AS max_value) x
        WHERE s.increment_by > 0
        """;

    protected override IReadOnlyList<LiveRow> Candidates(HealthCheckContext context) =>
        base.Candidates(context).Select(row => Forecast(context, row) is { } forecast ? With(row, forecast) : row).ToList();

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) =>
        (HealthStatus)Math.Max((int)judged, (int)(DaysLeft(row) is { } days ? ExhaustionForecast.StatusFor(days) : HealthStatus.Pass));

    protected override string Describe(LiveRow row, double? measured) =>
        $"{Kind(row)} {row.String("sequence_name")} is at {row.String("last_value")} of {row.String("max_value")} allowed by the {row.String("column_type")} column ({HealthThreshold.Format(measured ?? 0)} %)."
        + (DaysLeft(row) is { } days ? new ExhaustionForecast(row.Double("ids_per_day") ?? 0, days, row.String("runs_out_on") ?? string.Empty).Sentence(row.String("created_column") ?? string.Empty) : string.Empty);

    protected override string Recommend(LiveRow row) => row.String("kind") == "default"
        ? "Widen the column to bigint in a planned migration (and every column that references it) before the sequence reaches the limit; the column does not own the sequence, so check every other column whose default calls it."
        : "Widen the column to bigint in a planned migration (and every column that references it) before the sequence reaches the limit.";

    /// <summary>The growth of the newest rows by the column, when the table has a creation-time column; null when not measurable.</summary>
    private static ExhaustionForecast? Forecast(HealthCheckContext context, LiveRow row)
    {
        if (row.String("created_column") is not { Length: > 0 } created)
        {
            return null;
        }

        var column = PostgreSqlWriter.Id(row.String("column_name") ?? string.Empty);
        var sample = context.Query($"""
            SELECT count(*) AS n, min(r.k) AS first_id, max(r.k) AS last_id, extract(epoch FROM max(r.created) - min(r.created)) AS span_seconds
            FROM (SELECT {column} AS k, {PostgreSqlWriter.Id(created)}::timestamptz AS created FROM {PostgreSqlHealth.Qualified(row, "schema_name", "table_name")}
                  WHERE {column} IS NOT NULL ORDER BY {column} DESC LIMIT {ExhaustionForecast.Sample.ToString(System.Globalization.CultureInfo.InvariantCulture)}) r
            WHERE r.created IS NOT NULL
            """, "Measuring sequence growth").Single();
        return ExhaustionForecast.From(sample.Int64("n") ?? 0, sample.Double("first_id") ?? 0, sample.Double("last_id") ?? 0, sample.Double("span_seconds") ?? 0,
            row.Double("max_value") ?? 0, (row.Double("last_value") ?? 0) + 1);
    }

    /// <summary>The forecast's days left, on rows that have one.</summary>
    private static double? DaysLeft(LiveRow row) => row.Columns.Contains("days_left", StringComparer.OrdinalIgnoreCase) ? row.Double("days_left") : null;

    private static LiveRow With(LiveRow row, ExhaustionForecast forecast)
    {
        var values = row.Columns.ToDictionary(c => c, c => row[c], StringComparer.OrdinalIgnoreCase);
        var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
        forecast.AddTo(evidence);
        foreach (var (key, value) in evidence)
        {
            values[key] = value;
        }

        values["days_left"] = Math.Round(forecast.DaysLeft, 1);
        return new LiveRow(values);
    }

    private static string Kind(LiveRow row) => row.String("kind") switch
    {
        "default" => "Sequence (called by the column's default, not owned by it)",
        var kind => $"{kind} sequence",
    };
}
