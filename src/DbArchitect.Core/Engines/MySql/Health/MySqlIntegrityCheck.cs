using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// INTEGRITY_CHECK (-Deep): CHECK TABLE on the base tables of the current database up to a size bound, smallest first,
/// within the run's -Deep budget. InnoDB's CHECK TABLE reads every index and compares their entry counts; MyISAM and
/// Aria tables are checked for crash damage.
/// </summary>
internal sealed class MySqlIntegrityCheck : HealthCheck
{
    /// <summary>Tables larger than this (data + indexes) are left out: CHECK TABLE reads all of it under a shared lock.</summary>
    public const long SizeBound = 1L << 30;

    public override string Id => "INTEGRITY_CHECK";

    public override string Title => "CHECK TABLE";

    public override string Category => "Integrity";

    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public override string Description => "With -Deep: CHECK TABLE on every base table of the current database of 1 GB or less (data and indexes), smallest first, within the -Deep time budget. InnoDB verifies each index's structure and that every index has as many entries as the clustered index; MyISAM and Aria tables are checked for crash damage. Any error is critical. Larger tables and those left when the budget runs out are named.";

    public override string Needs => "SELECT on the tables (CHECK TABLE)";

    public override bool Deep => true;

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        SELECT table_name, data_length + index_length AS size_bytes
        FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
        ORDER BY data_length + index_length, table_name
        """;

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        var tables = context.Query(Sql, Title);
        var inBound = tables.Where(t => (t.Int64("size_bytes") ?? 0) <= SizeBound).Select(t => t.String("table_name") ?? string.Empty).ToList();
        var tooLarge = tables.Count - inBound.Count;
        var clock = Stopwatch.StartNew();
        var results = new List<HealthCheckResult>();
        var checkedCount = 0;
        foreach (var table in inBound)
        {
            if (clock.Elapsed > context.Options.DeepBudget)
            {
                break;
            }

            // One table per statement, so the budget is kept between tables.
            foreach (var (name, texts) in MySqlCheckTable.Complaints(context, new[] { table }, $"Checking table {table}"))
            {
                results.Add(context.Finding(this, HealthStatus.Critical, name, $"CHECK TABLE: {string.Join("; ", texts)}.",
                    "Rebuild it from its clustered index (ALTER TABLE … FORCE) for InnoDB, or REPAIR TABLE for MyISAM/Aria, after a backup; look for storage faults (server log, dmesg)."));
            }

            checkedCount++;
        }

        if (results.Count > 0)
        {
            return results;
        }

        var left = inBound.Count - checkedCount;
        var summary = $"CHECK TABLE found nothing on {checkedCount} table(s)"
            + (tooLarge > 0 ? $"; {tooLarge} table(s) over {SizeBound / (1 << 20)} MB not checked" : string.Empty)
            + (left > 0 ? $"; {left} left when the {context.Options.DeepBudget.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s budget ran out" : string.Empty) + ".";
        return new[] { left == 0 && tooLarge == 0 ? context.Pass(this, summary) : context.Finding(this, HealthStatus.Info, context.Database, summary, "Check the rest at a quiet time (mariadb-check --check, or raise the budget).") };
    }
}
