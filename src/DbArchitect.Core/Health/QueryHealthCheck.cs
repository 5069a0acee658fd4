using DbArchitect.Core.Live;

namespace DbArchitect.Core.Health;

/// <summary>
/// The usual shape of a check: one set-wise catalog query whose rows are candidates, each with a <c>target</c> column
/// and, for checks with a threshold, a numeric <c>measured</c> column; every other column becomes evidence. Rows past
/// the threshold (or every row, for checks without one) become findings; when none do, one Pass row says so.
/// </summary>
public abstract class QueryHealthCheck : HealthCheck
{
    public abstract override string Sql { get; }

    /// <summary>The query this run uses: <see cref="Sql"/>, unless the check has a better one for this server or run (-Deep with an extension).</summary>
    protected virtual string QueryFor(HealthCheckContext context) => Sql;

    /// <summary>The candidate rows: the query's, which a check may extend with figures it measures per row (a growth rate).</summary>
    protected virtual IReadOnlyList<LiveRow> Candidates(HealthCheckContext context) => context.Query(QueryFor(context), Title);

    /// <summary>The status of a returned row when the check has no threshold (its presence is the problem).</summary>
    protected virtual HealthStatus FoundStatus => HealthStatus.Warning;

    /// <summary>Why the check cannot run here (missing extension, version, privilege); null when it can.</summary>
    protected virtual string? SkipReason(HealthCheckContext context) => null;

    /// <summary>The finding's message, with the figures it came from.</summary>
    protected abstract string Describe(LiveRow row, double? measured);

    protected abstract string Recommend(LiveRow row);

    /// <summary>A safe statement that fixes the finding, through the engine's writer; null when none is safe.</summary>
    protected virtual string? Fix(LiveRow row) => null;

    /// <summary>The status of a row after the threshold (or <see cref="FoundStatus"/>) judged it; a check may soften or harden it by the row's facts.</summary>
    protected virtual HealthStatus StatusOf(LiveRow row, HealthStatus judged) => judged;

    /// <summary>The Pass row's message: the measured figure when the query measured one thing, else how many candidates were examined.</summary>
    protected virtual string PassMessage(IReadOnlyList<LiveRow> rows, HealthThreshold threshold) =>
        rows.Count == 1 && !threshold.IsNone && Measure(rows[0]) is { } value
            ? $"Measured {HealthThreshold.Format(value)}{(threshold.Unit.Length == 0 ? string.Empty : " " + threshold.Unit)}, within the threshold ({threshold})."
            : $"Nothing found ({rows.Count} candidate(s) examined).";

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        if (SkipReason(context) is { } reason)
        {
            return new[] { context.Skipped(this, reason) };
        }

        var rows = Candidates(context);
        var findings = new List<HealthCheckResult>();
        foreach (var row in rows)
        {
            var target = row.String("target") ?? context.Database;
            var measured = Measure(row);
            var threshold = context.ThresholdFor(this, target);
            var status = StatusOf(row, threshold.IsNone ? FoundStatus : threshold.Judge(measured));
            if (status == HealthStatus.Pass)
            {
                continue;
            }

            findings.Add(context.Finding(this, status, target, Describe(row, measured), Recommend(row)) with
            {
                Measured = measured,
                Threshold = threshold.IsNone ? null : threshold.ToString(),
                FixSql = Fix(row),
                Evidence = Evidence(row),
            });
        }

        return findings.Count > 0 ? findings : new[] { context.Pass(this, PassMessage(rows, context.ThresholdFor(this, context.Database))) };
    }

    private static double? Measure(LiveRow row) => row.Columns.Contains("measured", StringComparer.OrdinalIgnoreCase) ? row.Double("measured") : null;

    private static SortedDictionary<string, string> Evidence(LiveRow row)
    {
        var evidence = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in row.Columns)
        {
            if (!column.Equals("target", StringComparison.OrdinalIgnoreCase) && !column.Equals("measured", StringComparison.OrdinalIgnoreCase) && row[column] is { } value)
            {
                evidence[column] = value is System.Collections.IEnumerable list and not string
                    ? string.Join(", ", row.Strings(column))
                    : row.String(column) ?? string.Empty;
            }
        }

        return evidence;
    }
}
