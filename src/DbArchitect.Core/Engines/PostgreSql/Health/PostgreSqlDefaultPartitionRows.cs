using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// DEFAULT_PARTITION_ROWS: rows sitting in a DEFAULT partition: the partitions for their keys were never created, so
/// pruning cannot skip them, and creating the missing partition later fails (or scans) while they are there.
/// </summary>
internal sealed class PostgreSqlDefaultPartitionRows : PostgreSqlHealthCheck
{
    public override string Id => "DEFAULT_PARTITION_ROWS";

    public override string Title => "Rows in a DEFAULT partition";

    public override string Category => "Schema";

    public override string Description => "Rows in a DEFAULT partition (the larger of the planner's estimate and the live-tuple count). They are rows whose partition was never created: queries on their range cannot prune, and CREATE TABLE … PARTITION OF for that range fails while matching rows sit in the default (and scans it under an ACCESS EXCLUSIVE lock otherwise). Warning from 1 row, critical from 10,000.";

    public override HealthThreshold DefaultThreshold => new(1, 10000, "rows");

    public override string Sql => $"""
        SELECT n.nspname || '.' || c.relname AS target, pn.nspname || '.' || p.relname AS parent,
               greatest(c.reltuples, coalesce(s.n_live_tup, 0))::bigint AS measured
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_inherits i ON i.inhrelid = c.oid
        JOIN pg_class p ON p.oid = i.inhparent AND p.relkind = 'p'
        JOIN pg_namespace pn ON pn.oid = p.relnamespace
        LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.relispartition AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' AND {PostgreSqlHealth.UserSchema("n")}
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"About {HealthThreshold.Format(measured ?? 0)} row(s) of {row.String("parent")} have no partition of their own.";

    protected override string Recommend(LiveRow row) =>
        "Create the missing partitions: detach the default, create the partitions, move its rows into the parent (INSERT … SELECT, then delete), re-attach it; and restart whatever creates partitions ahead of time (pg_partman, a cron job).";
}
