using System.Globalization;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// SEQUENCE_NEAR_MAX: AUTO_INCREMENT counters against their column type's maximum, as a share and, where growth is
/// measurable, as the date they run out. Growth comes from the data: the newest 10,000 rows by the key (a backward
/// read of the primary key) and their creation-time column give ids per day, so a restored or rebuilt table (whose
/// CREATE_TIME is new) does not look like it grew overnight.
/// </summary>
internal sealed class MySqlAutoIncrementNearMax : HealthCheck
{
    public override string Id => "SEQUENCE_NEAR_MAX";

    public override string Title => "AUTO_INCREMENT near its column type's maximum";

    public override string Category => "Schema";

    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public override string Description => "The next AUTO_INCREMENT value as a % of the column type's maximum (signed or unsigned): 75 % warning, 90 % critical. Where the table has a creation-time column (created…, inserted… or DEFAULT CURRENT_TIMESTAMP), the newest 10,000 rows by key give the growth in ids per day and the date the type runs out: within 365 days is a warning, within 90 critical, whatever the share. At the maximum every insert fails with a duplicate key error.";

    public override HealthThreshold DefaultThreshold => new(75, 90, "%");

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        WITH ai AS ({MySqlAutoIncrementCatalog.Columns})
        SELECT CONCAT(table_name, '.', column_name) AS target, table_name, column_name, column_type, next_value, max_value, created_column,
               ROUND(100 * (next_value - 1) / max_value, 2) AS measured
        FROM ai
        """;

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        var rows = context.Query(Sql, Title);
        var results = new List<HealthCheckResult>();
        foreach (var row in rows)
        {
            var target = row.String("target") ?? string.Empty;
            var measured = row.Double("measured") ?? 0;
            var threshold = context.ThresholdFor(this, target);
            var growth = Growth(context, row);
            var byDate = growth?.Status ?? HealthStatus.Pass;
            var status = (HealthStatus)Math.Max((int)threshold.Judge(measured), (int)byDate);
            if (status == HealthStatus.Pass)
            {
                continue;
            }

            var evidence = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["column_type"] = row.String("column_type") ?? string.Empty,
                ["next_value"] = row.String("next_value") ?? string.Empty,
                ["max_value"] = row.String("max_value") ?? string.Empty,
            };
            var when = string.Empty;
            if (growth is { } g)
            {
                g.AddTo(evidence);
                when = g.Sentence(row.String("created_column") ?? string.Empty);
            }

            results.Add(context.Finding(this, status, target,
                $"Next value {row.String("next_value")} of {row.String("max_value")} allowed by {row.String("column_type")} ({HealthThreshold.Format(measured)} %).{when}",
                "Widen the column to BIGINT (and the columns referencing it) with an online ALTER TABLE before it runs out.") with
            {
                Measured = measured,
                Threshold = threshold.ToString(),
                Evidence = evidence,
            });
        }

        return results.Count > 0 ? results : new[] { context.Pass(this, $"Nothing found ({rows.Count} candidate(s) examined).") };
    }

    /// <summary>The forecast from the newest rows by key and the table's creation-time column; null when not measurable.</summary>
    private static ExhaustionForecast? Growth(HealthCheckContext context, LiveRow row)
    {
        if (row.String("created_column") is not { Length: > 0 } created)
        {
            return null;
        }

        var id = MySqlWriter.Id(row.String("column_name") ?? string.Empty);
        var sample = context.Query($"""
            SELECT COUNT(*) AS n, MIN(r.k) AS first_id, MAX(r.k) AS last_id, TIMESTAMPDIFF(SECOND, MIN(r.created), MAX(r.created)) AS span_seconds
            FROM (SELECT {id} AS k, {MySqlWriter.Id(created)} AS created FROM {MySqlHealth.Table(row)} ORDER BY {id} DESC LIMIT {ExhaustionForecast.Sample.ToString(CultureInfo.InvariantCulture)}) r
            WHERE r.created IS NOT NULL
            """, "Measuring AUTO_INCREMENT growth").Single();
        return ExhaustionForecast.From(sample.Int64("n") ?? 0, sample.Double("first_id") ?? 0, sample.Double("last_id") ?? 0, sample.Double("span_seconds") ?? 0,
            row.Double("max_value") ?? 0, row.Double("next_value") ?? 0);
    }
}
