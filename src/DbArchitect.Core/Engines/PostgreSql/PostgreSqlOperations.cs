using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's migration rules for a design. Server configuration (<see cref="PostgreSqlConfigAdvisor"/>), backups
/// (<see cref="PostgreSqlBackupPlanner"/>), monitoring and maintenance (<see cref="PostgreSqlMaintenance"/>) and security
/// (<see cref="PostgreSqlSecurity"/>) are the engine's planners.
/// </summary>
internal static class PostgreSqlOperations
{
    private const string Migration = DesignAreas.DataMigration;

    public static void Advise(DbRequirement requirement, SchemaModel physical, IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        MigrationRules(volumes, decisions);
    }

    private static void MigrationRules(IReadOnlyList<TableVolume> volumes, List<DesignDecision> decisions)
    {
        var big = volumes.Where(v => v.OneYear >= 1_000_000).Select(v => v.Table).ToArray();
        decisions.Add(new DesignDecision(Migration, "Schema changes", "Expand, migrate, contract",
            "Add nullable columns first, backfill in keyset batches with a commit per batch, then add NOT NULL through a NOT VALID check and VALIDATE; create indexes CONCURRENTLY; add foreign keys and checks NOT VALID then VALIDATE; set lock_timeout on every DDL statement so a blocked migration fails fast instead of queueing all traffic behind it."));
        if (big.Length > 0)
        {
            decisions.Add(new DesignDecision(Migration, string.Join(", ", big), "Batched backfills only",
                "These tables pass a million rows within a year: a single UPDATE over them would hold locks and bloat the table; backfill in batches of a few thousand rows with pauses."));
        }
    }
}
