using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's rules for changing this schema online (the engine's own decisions; the procedures that carry them out
/// are in migrations/zero_downtime_playbook.sql).
/// </summary>
internal static class PostgreSqlMigrationRules
{
    private const string Migration = DesignAreas.DataMigration;

    public static IReadOnlyList<DesignDecision> For(DbRequirement requirement, SchemaModel physical)
    {
        var decisions = new List<DesignDecision>
        {
            new(Migration, "Schema changes", "Expand, migrate, contract",
                "Add nullable columns first, backfill in keyset batches with a commit per batch, then add NOT NULL through a NOT VALID check and VALIDATE; create indexes CONCURRENTLY; add foreign keys and checks NOT VALID then VALIDATE; set lock_timeout on every DDL statement so a blocked migration fails fast instead of queueing all traffic behind it."),
        };
        var big = physical.Tables
            .Where(t => CapacityForecaster.RowsAt(t, requirement.Workload.Retention).OneYear >= 1_000_000)
            .Select(t => t.Name).ToArray();
        if (big.Length > 0)
        {
            decisions.Add(new(Migration, string.Join(", ", big), "Batched backfills only",
                "These tables pass a million rows within a year: a single UPDATE over them would hold locks and bloat the table; backfill in batches of a few thousand rows with pauses."));
        }

        return decisions;
    }
}
