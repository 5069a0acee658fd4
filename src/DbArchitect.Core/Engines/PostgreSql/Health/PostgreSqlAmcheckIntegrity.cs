using System.Diagnostics;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// AMCHECK_INTEGRITY (-Deep): verifies b-tree indexes with amcheck's bt_index_check, smallest first, until the run's
/// time budget is spent. It reads whole indexes, so it runs only on request; the extension is created only with
/// -AllowExtensionCreate.
/// </summary>
internal sealed class PostgreSqlAmcheckIntegrity : HealthCheck
{
    public override string Id => "AMCHECK_INTEGRITY";

    public override string Title => "B-tree index integrity (amcheck)";

    public override string Category => "Integrity";

    public override IReadOnlyList<string> Engines => PostgreSqlHealth.Engines;

    public override string Description => "With -Deep: bt_index_check on each valid b-tree index of the application schemas, smallest first, within the time budget (AccessShareLock only, no blocking of writes). A corrupt index is critical: queries through it return wrong rows. Indexes left when the budget runs out are named in the Pass/Info row.";

    public override string Needs => "the amcheck extension (created only with -AllowExtensionCreate)";

    public override bool Deep => true;

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        SELECT c.oid::bigint AS oid, n.nspname || '.' || c.relname AS target
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_am a ON a.oid = c.relam AND a.amname = 'btree'
        WHERE i.indisvalid AND i.indisready AND c.relpersistence <> 't' AND {PostgreSqlHealth.UserSchema("n")}
        ORDER BY pg_relation_size(c.oid), n.nspname, c.relname
        """;

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        if (!PostgreSqlHealth.HasExtension(context, "amcheck"))
        {
            if (!context.Options.AllowExtensionCreate)
            {
                return new[] { context.Skipped(this, "The amcheck extension is not installed in this database; install it or run with -AllowExtensionCreate.") };
            }

            context.Session.Execute("CREATE EXTENSION IF NOT EXISTS amcheck", "Creating the amcheck extension");
        }

        var indexes = context.Query(Sql, Title);
        var clock = Stopwatch.StartNew();
        var results = new List<HealthCheckResult>();
        var checkedCount = 0;
        var unverified = new List<string>();
        foreach (var index in indexes)
        {
            if (clock.Elapsed > context.Options.DeepBudget)
            {
                break;
            }

            var target = index.String("target") ?? string.Empty;
            try
            {
                context.Session.Query($"SELECT bt_index_check({index.Int64("oid")}::oid)", $"Checking index {target}");
            }
            catch (DbArchitectException ex) when (IsCorruption(ex))
            {
                results.Add(context.Finding(this, HealthStatus.Critical, target, $"amcheck found a problem: {ex.Errors[0].Message}", "REINDEX INDEX CONCURRENTLY it and look for storage or memory faults (server log, dmesg)."));
            }
            catch (DbArchitectException ex) when (ex.Errors.All(e => e.Kind != ErrorKind.SecurityError))
            {
                // A lock or statement timeout (a busy table) is not corruption: the index is named as not verified.
                unverified.Add(target);
                continue;
            }

            checkedCount++;
        }

        var left = indexes.Count - checkedCount - unverified.Count;
        var summary = left == 0 && unverified.Count == 0
            ? $"{checkedCount} b-tree indexes verified."
            : $"{checkedCount} of {indexes.Count} b-tree indexes verified within the {context.Options.DeepBudget.TotalSeconds:0} s budget; {left} left (largest last)"
              + (unverified.Count == 0 ? "." : $"; not verified (locked or timed out): {string.Join(", ", unverified)}.");
        if (results.Count == 0)
        {
            results.Add(left == 0 && unverified.Count == 0
                ? context.Pass(this, summary)
                : context.Finding(this, HealthStatus.Info, context.Database, summary, "Raise the budget or run again at a quiet time to cover the rest."));
        }

        return results;
    }

    /// <summary>amcheck reports corruption as SQLSTATE XX001 (data corrupted) or XX002 (index corrupted); anything else is not a verdict.</summary>
    private static bool IsCorruption(DbArchitectException ex) =>
        ex.Errors[0].Message.Contains("XX001", StringComparison.Ordinal) || ex.Errors[0].Message.Contains("XX002", StringComparison.Ordinal);
}
