using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// TimescaleDB mode: a hypertable whose chunk interval keeps the indexes of the active chunks within about a quarter
/// of memory (the rest is for data pages, other tables and work memory), with retention and compression policies.
/// </summary>
internal static class PostgreSqlTimescale
{
    public const double DefaultMemoryGb = 8;

    public static IReadOnlyList<PartitionStep> Steps(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        if (plan.Strategy != PartitionStrategy.Range || plan.KeyKind is not (PartitionKeyKind.Timestamp or PartitionKeyKind.Date))
        {
            throw new Errors.DbArchitectException(new Errors.DbArchitectError("TimescaleNeedsTimeRange", Errors.ErrorKind.InvalidArgument,
                "A hypertable is partitioned by a time column.", "Use -Strategy Range with a timestamp or date -Column.", null, plan.Table));
        }

        var (chunk, arithmetic) = ChunkInterval(plan);
        var writer = W.ForScript(plan.Schema + "." + plan.Table, "PostgreSQL 15 with TimescaleDB", PartitionStep.PathToken,
            $"Makes {plan.Table} a TimescaleDB hypertable by {plan.Key}. {arithmetic}");
        writer.Statement("CREATE EXTENSION IF NOT EXISTS timescaledb");
        if (plan.Target.Design is { } table)
        {
            var items = table.Columns.Select(PostgreSqlTableDdl.ColumnDefinition).ToList();
            items.Add($"CONSTRAINT {W.Id(table.PrimaryKey.Name)} PRIMARY KEY ({W.IdList(plan.PrimaryKey)})");
            items.AddRange(plan.UniqueKeys.Where(u => table.UniqueKeys.Any(k => k.Name == u.Name)).Select(u => $"CONSTRAINT {W.Id(u.Name)} UNIQUE ({W.IdList(u.Columns)})"));
            writer.ItemsStatement("CREATE TABLE IF NOT EXISTS " + names.Parent, items);
            var dropped = plan.ConstraintChanges.Select(c => c.Constraint).ToHashSet(StringComparer.Ordinal);
            foreach (var index in table.Indexes.Where(i => !dropped.Contains(i.Name)))
            {
                writer.Statement(PostgreSqlPartitionParent.IfNotExists(PostgreSqlIndexDdl.CreateIndex(index, table, names.Parent)));
            }

            PostgreSqlPartitionLookups.Create(writer, plan, names, names.Parent, converting: false);
            if (plan.Lookups.Count > 0 && plan.Retention is not null)
            {
                writer.Comment($"The retention policy drops chunks without firing triggers: schedule SELECT {names.LookupCleanup}(now() - interval {W.String(PostgreSqlPartitionMaintenance.RetentionInterval(plan))}) daily so expired keys can be used again.");
            }
        }
        else
        {
            writer.Comment($"migrate_data moves the existing rows into chunks while holding an exclusive lock on {plan.Table}: plan a maintenance window, or use the native conversion for an online move.");
        }

        foreach (var change in plan.ConstraintChanges)
        {
            writer.Comment($"{change.Constraint}: {change.Change}. {change.Reason}");
        }

        writer.Statement($"SELECT create_hypertable({W.String(plan.Schema + "." + plan.Table)}, {W.String(plan.Key)}, chunk_time_interval => INTERVAL {W.String(chunk)}, if_not_exists => true, migrate_data => true)");
        writer.Statement($"ALTER TABLE {names.Parent} SET (timescaledb.compress, timescaledb.compress_orderby = {W.String(plan.Key + " DESC")})");
        writer.Comment("Chunks older than two chunk intervals are no longer written to, so they are compressed (columnar, typically 90% smaller).");
        writer.Statement($"SELECT add_compression_policy({W.String(plan.Schema + "." + plan.Table)}, INTERVAL {W.String(Twice(chunk))}, if_not_exists => true)");
        if (plan.Retention is not null)
        {
            writer.Statement($"SELECT add_retention_policy({W.String(plan.Schema + "." + plan.Table)}, INTERVAL {W.String(PostgreSqlPartitionMaintenance.RetentionInterval(plan))}, if_not_exists => true)");
        }

        return new[] { new PartitionStep("hypertable", "Creates the hypertable with its chunk interval, compression and retention policies.", writer.Finish(), true) };
    }

    /// <summary>
    /// Chunk interval = (memory / 4) / index bytes per day, in whole days (at most 30) or whole hours below a day.
    /// Without a growth figure TimescaleDB's default of 7 days is kept.
    /// </summary>
    public static (string Interval, string Arithmetic) ChunkInterval(PartitionPlan plan)
    {
        var memory = (plan.MemoryGb ?? DefaultMemoryGb) * (1L << 30);
        var memoryText = plan.MemoryGb is null ? $"{DefaultMemoryGb} GB (assumed: no memory was stated)" : Capacity.Bytes(memory);
        if (plan.Target.RowsPerDay is not { } rows || plan.Target.IndexBytesPerRow is not { } perRow || rows * perRow <= 0)
        {
            return ("7 days", $"Chunk interval 7 days (TimescaleDB's default): no growth figure is known to size it against {memoryText} of memory.");
        }

        var indexPerDay = rows * perRow;
        var days = memory / 4 / indexPerDay;
        var interval = days >= 1
            ? $"{Math.Min(30, Math.Floor(days)).ToString(CultureInfo.InvariantCulture)} days"
            : $"{Math.Max(1, Math.Floor(days * 24)).ToString(CultureInfo.InvariantCulture)} hours";
        return (interval, $"Chunk interval {interval}: a quarter of {memoryText} memory = {Capacity.Bytes(memory / 4)} for the indexes of the active chunk; {Capacity.Count((long)rows)} rows/day × {Capacity.Bytes(perRow)} of index per row = {Capacity.Bytes(indexPerDay)}/day; {Capacity.Bytes(memory / 4)} / {Capacity.Bytes(indexPerDay)} = {days.ToString("0.##", CultureInfo.InvariantCulture)} days, rounded down{(days > 30 ? " and capped at 30 days" : string.Empty)}.");
    }

    private static string Twice(string interval)
    {
        var parts = interval.Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 2).ToString(CultureInfo.InvariantCulture) + " " + parts[1];
    }
}
