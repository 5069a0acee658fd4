using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// BROKEN_VIEW: views that fail when used because a table, column or function they read is gone. CHECK TABLE on a
/// view only opens its definition (no data is read), so every view is checked in the default run. A view whose only
/// fault is a missing definer is DEFINER_MISSING's finding, not reported twice.
/// </summary>
internal sealed class MySqlBrokenView : HealthCheck
{
    public override string Id => "BROKEN_VIEW";

    public override string Title => "View over a dropped table or column";

    public override string Category => "Schema";

    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public override string Description => "CHECK TABLE on every view of the current database (it opens the definition, reads no rows): a view over a dropped or renamed table, column or function fails every query that uses it (error 1356), and mysqldump stops at it. A view whose only fault is a missing definer is reported by DEFINER_MISSING.";

    public override string Needs => "SELECT or SHOW VIEW on the views";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => "SELECT table_name FROM information_schema.views WHERE table_schema = DATABASE() ORDER BY table_name";

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        var views = context.Query(Sql, Title).Select(r => r.String("table_name") ?? string.Empty).ToList();
        var results = new List<HealthCheckResult>();
        foreach (var (view, texts) in MySqlCheckTable.Complaints(context, views, "Checking views").OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // The specific reason ("Table 'shop.gone' doesn't exist") is kept over the generic "View … references invalid …".
            var reasons = texts.Where(t => !t.StartsWith("The user specified as a definer", StringComparison.Ordinal)).ToList();
            if (reasons.Count == 0)
            {
                continue;
            }

            if (reasons.Count > 1)
            {
                reasons = reasons.Where(t => !t.StartsWith("View '", StringComparison.Ordinal)).DefaultIfEmpty(reasons[0]).ToList();
            }

            results.Add(context.Finding(this, HealthStatus.Warning, view, $"The view fails when used: {string.Join("; ", reasons)}.",
                "Re-create the view over the tables that exist now (CREATE OR REPLACE VIEW), or drop it if nothing uses it.") with
            {
                Evidence = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["check_table"] = string.Join(" | ", texts) },
            });
        }

        return results.Count > 0 ? results : new[] { context.Pass(this, $"All {views.Count} view(s) open cleanly.") };
    }
}
