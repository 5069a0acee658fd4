using System.Globalization;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Converting an existing MySQL/MariaDB table. Its limits, stated in the scripts: ALTER TABLE … PARTITION BY rebuilds
/// the table with ALGORITHM=COPY, which blocks writes for the whole copy (reads continue); foreign keys in both
/// directions must go first; the primary key gains the partition key. For a table too large for that window, run the
/// same PARTITION BY clause through pt-online-schema-change or gh-ost, which copy in chunks with triggers.
/// A fingerprint (count and checksum of every row) is taken before and compared after; the rollback script removes
/// the partitioning and restores the keys.
/// </summary>
internal static class MySqlPartitionConversion
{
    public static IReadOnlyList<PartitionStep> Steps(PartitionPlan plan, MySqlDialect dialect, string partitionBy, Func<PartitionPlan, string>? maintenance, string? orphans)
    {
        var steps = new List<PartitionStep>
        {
            new("fingerprint-before", "Records the row count and checksum before the conversion.", Fingerprint(plan, dialect, record: true), false),
            new("prepare-keys", "Drops the foreign keys and unique keys the partitioned table cannot keep and adds the partition key to the primary key.", Keys(plan, dialect), false),
            new("partition", "Rebuilds the table partitioned (ALGORITHM=COPY: writes wait for the copy).", Partition(plan, dialect, partitionBy), false),
            new("verify", "Compares the row count and checksum with the ones recorded before; fails on a difference.", Fingerprint(plan, dialect, record: false), false),
        };
        if (maintenance is not null)
        {
            steps.Add(new("maintenance", "Creates the maintenance procedure and its daily event, and runs it once.", maintenance(plan), false));
        }

        if (orphans is not null)
        {
            steps.Add(new("orphan-check", "Lists rows whose dropped foreign keys would have been violated.", orphans, false));
        }

        steps.Add(new("rollback", "Removes the partitioning and restores the primary key, unique keys and foreign keys.", Rollback(plan, dialect), false));
        return steps;
    }

    private static string Table(PartitionPlan plan) => W.Id(plan.Table);

    private static string Fingerprint(PartitionPlan plan, MySqlDialect dialect, bool record)
    {
        var state = W.Id(plan.Table + "_partition_fingerprint");
        var columns = string.Join(", ", plan.Target.Columns.Select(c => $"COALESCE(CAST({W.Id(c.Name)} AS CHAR), '\\\\N')"));
        var fingerprint = $"SELECT COUNT(*) AS row_count, COALESCE(SUM(CRC32(CONCAT_WS('|', {columns}))), 0) AS checksum FROM {Table(plan)}";
        var writer = W.ForReference(dialect, plan.Table, PartitionStep.PathToken,
            record ? $"Records the count and checksum of {plan.Table} (run it while writes are stopped, right before the conversion)." : "Fails unless the converted table has the same count and checksum as recorded before.");
        if (record)
        {
            writer.Statement($"CREATE TABLE IF NOT EXISTS {state} (taken_at DATETIME NOT NULL, row_count BIGINT NOT NULL, checksum DECIMAL(30,0) NOT NULL)");
            writer.Statement($"DELETE FROM {state}");
            writer.Statement($"INSERT INTO {state} (taken_at, row_count, checksum) SELECT UTC_TIMESTAMP(), row_count, checksum FROM ({fingerprint}) AS f");
            return writer.Finish();
        }

        writer.Comment("A difference raises error 1644 with both fingerprints; nothing is changed.");
        writer.Statement($"SELECT row_count, checksum INTO @before_rows, @before_checksum FROM {state}");
        writer.Statement($"SELECT row_count, checksum INTO @after_rows, @after_checksum FROM ({fingerprint}) AS f");
        writer.Statement("SET @verify = IF(@before_rows = @after_rows AND @before_checksum = @after_checksum, 'SELECT ''verified'' AS result', CONCAT('SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = ''verification failed: ', @before_rows, ' rows before, ', @after_rows, ' after'''))");
        writer.Statement("PREPARE verify_stmt FROM @verify");
        writer.Statement("EXECUTE verify_stmt");
        writer.Statement("DEALLOCATE PREPARE verify_stmt");
        return writer.Finish();
    }

    private static string Keys(PartitionPlan plan, MySqlDialect dialect)
    {
        var writer = W.ForScript(dialect, plan.Table, PartitionStep.PathToken, $"Prepares the keys of {plan.Table} for partitioning by {plan.Key}.");
        foreach (var change in plan.ConstraintChanges)
        {
            writer.Comment($"{change.Constraint}: {change.Change}. {change.Reason}");
        }

        foreach (var fk in plan.Target.ForeignKeys.Concat(plan.Target.ReferencedBy))
        {
            writer.Statement($"ALTER TABLE {W.Id(fk.Table)} DROP FOREIGN KEY {(dialect.IsMariaDb ? "IF EXISTS " : string.Empty)}{W.Id(fk.Name)}");
        }

        var drops = plan.ConstraintChanges.Where(c => c.Change.StartsWith("unique", StringComparison.Ordinal)).Select(c => $"DROP INDEX {(dialect.IsMariaDb ? "IF EXISTS " : string.Empty)}{W.Id(c.Constraint)}").ToList();
        if (!plan.Target.PrimaryKey!.Columns.SequenceEqual(plan.PrimaryKey, StringComparer.Ordinal))
        {
            drops.Add($"DROP PRIMARY KEY, ADD PRIMARY KEY ({W.IdList(plan.PrimaryKey)})");
        }

        if (drops.Count > 0)
        {
            writer.Comment("Re-running after success fails harmlessly on DROP PRIMARY KEY only if the key was already changed; check SHOW CREATE TABLE first.");
            writer.Statement($"ALTER TABLE {Table(plan)} {string.Join(", ", drops)}");
        }

        return writer.Finish();
    }

    private static string Partition(PartitionPlan plan, MySqlDialect dialect, string partitionBy)
    {
        var writer = W.ForScript(dialect, plan.Table, PartitionStep.PathToken, $"Rebuilds {plan.Table} partitioned by {plan.Strategy.ToString().ToLowerInvariant()} on {plan.Key}.");
        writer.Comment($"Limit: {dialect.Product} rebuilds the table with ALGORITHM=COPY; writes wait until it ends (about the time to copy {(plan.Target.TotalBytes is { } b ? Design.Capacity.Bytes(b) : "the table")}). For a larger table use pt-online-schema-change --alter \"PARTITION BY …\" or gh-ost with the same clause.");
        writer.Statement($"ALTER TABLE {Table(plan)}\n{partitionBy}");
        return writer.Finish();
    }

    private static string Rollback(PartitionPlan plan, MySqlDialect dialect)
    {
        var writer = W.ForScript(dialect, plan.Table, PartitionStep.PathToken, $"Undoes the conversion of {plan.Table}: one unpartitioned table again, with its original keys and foreign keys.");
        writer.Statement($"ALTER TABLE {Table(plan)} REMOVE PARTITIONING");
        var restore = new List<string>();
        if (!plan.Target.PrimaryKey!.Columns.SequenceEqual(plan.PrimaryKey, StringComparer.Ordinal))
        {
            restore.Add($"DROP PRIMARY KEY, ADD PRIMARY KEY ({W.IdList(plan.Target.PrimaryKey.Columns)})");
        }

        restore.AddRange(plan.Target.UniqueKeys.Where(u => plan.ConstraintChanges.Any(c => c.Constraint == u.Name)).Select(u => $"ADD UNIQUE KEY {W.Id(u.Name)} ({W.IdList(u.Columns)})"));
        if (restore.Count > 0)
        {
            writer.Statement($"ALTER TABLE {Table(plan)} {string.Join(", ", restore)}");
        }

        foreach (var fk in plan.Target.ForeignKeys.Concat(plan.Target.ReferencedBy))
        {
            writer.Statement($"ALTER TABLE {W.Id(fk.Table)} ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)}) REFERENCES {W.Id(fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)}) ON DELETE {fk.OnDelete ?? "RESTRICT"}");
        }

        return writer.Finish();
    }
}
