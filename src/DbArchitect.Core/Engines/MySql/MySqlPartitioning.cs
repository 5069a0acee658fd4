using System.Globalization;
using DbArchitect.Core.Model;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL 8 / MariaDB 10.11 partitioning: RANGE COLUMNS on a date or datetime key with a MAXVALUE catch-all, LIST
/// COLUMNS, or KEY (hash) partitions. Maintenance is a procedure (REORGANIZE the MAXVALUE partition into the next
/// periods, DROP expired partitions) called by an event. At most 8,192 partitions; no foreign keys in either
/// direction; every unique key must contain the partition key.
/// </summary>
internal sealed class MySqlPartitioning : IPartitionEngine
{
    private readonly MySqlDialect _dialect;

    public MySqlPartitioning(MySqlDialect dialect)
    {
        _dialect = dialect;
        Rules = new PartitionRules(
            MaxPartitions: 8192,
            UniqueKeysMustContainKey: true,
            ForeignKeysAllowed: false,
            ReferencedKeysAllowed: false,
            Modes: new[] { PartitionMode.Native },
            Strategies: new[] { PartitionStrategy.Range, PartitionStrategy.List, PartitionStrategy.Hash });
    }

    public PartitionRules Rules { get; }

    public PartitionTarget ReadLive(Live.LiveSession session, string? schema, string table, string? column) =>
        MySqlPartitionCatalog.Read(session, schema, table, column);

    public IReadOnlyList<PartitionStep> Steps(PartitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var calendar = plan.Strategy == PartitionStrategy.Range && plan.Interval is { IsCalendar: true };
        var dropsForeignKeys = plan.ConstraintChanges.Any(c => c.Change.Contains("foreign key", StringComparison.Ordinal));
        if (plan.Target.Design is null)
        {
            return MySqlPartitionConversion.Steps(plan, _dialect, PartitionBy(plan), calendar ? Maintenance : null, dropsForeignKeys ? Orphans(plan) : null);
        }

        var steps = new List<PartitionStep> { new("table", "Creates the partitioned table and its indexes.", Table(plan), false) };
        if (calendar)
        {
            steps.Add(new("maintenance", "Creates the maintenance procedure and its daily event, and runs it once.", Maintenance(plan), false));
            steps.Add(new("alert-maxvalue-rows", "Alert query: rows in the MAXVALUE partition.", Alert(plan), false));
        }

        if (dropsForeignKeys)
        {
            steps.Add(new("orphan-check", "Lists rows whose dropped foreign keys would have been violated.", Orphans(plan), false));
        }

        return steps;
    }

    private string Table(PartitionPlan plan)
    {
        var table = plan.Target.Design!;
        var dropped = plan.ConstraintChanges.Select(c => c.Constraint).ToHashSet(StringComparer.Ordinal);
        var shaped = table with
        {
            PrimaryKey = table.PrimaryKey with { Columns = plan.PrimaryKey },
            UniqueKeys = table.UniqueKeys.Where(u => !dropped.Contains(u.Name)).ToList(),
            Indexes = table.Indexes.Where(i => !dropped.Contains(i.Name) && MySqlIndexDdl.FullTextColumns(i, table) is null).ToList(),
            ForeignKeys = Array.Empty<ForeignKey>(),
        };
        var writer = W.ForScript(_dialect, plan.Table, PartitionStep.PathToken,
            $"Creates {plan.Table} partitioned by {plan.Strategy.ToString().ToLowerInvariant()} on {plan.Key}. Re-runnable (IF NOT EXISTS).");
        foreach (var change in plan.ConstraintChanges)
        {
            writer.Comment($"{change.Constraint}: {change.Change}. {change.Reason}");
        }

        foreach (var index in table.Indexes.Where(i => MySqlIndexDdl.FullTextColumns(i, table) is not null))
        {
            writer.Comment($"{index.Name} is not created: {_dialect.Product} partitioned tables cannot have FULLTEXT indexes; serve that search from a search engine or an unpartitioned side table.");
        }

        MySqlTableDdl.WriteTable(writer, shaped, _dialect, "\n" + PartitionBy(plan));
        foreach (var index in MySqlIndexDdl.Plan(shaped, _dialect).Where(i => i.Sql is not null))
        {
            writer.Comment("Re-running: an existing index makes this statement fail with a duplicate key name, which is harmless.");
            writer.Statement(index.Sql!);
        }

        return writer.Finish();
    }

    private static string PartitionBy(PartitionPlan plan)
    {
        var key = W.Id(plan.Key);
        switch (plan.Strategy)
        {
            case PartitionStrategy.Hash:
                return $"PARTITION BY KEY ({key}) PARTITIONS {plan.HashPartitions.ToString(CultureInfo.InvariantCulture)}";
            case PartitionStrategy.List:
                var lists = plan.Boundaries.Select(b => $"PARTITION {W.Id("p_" + b.Name)} VALUES IN ({W.List(b.Values.Select(W.String))})");
                return $"PARTITION BY LIST COLUMNS ({key}) (\n    {string.Join(",\n    ", lists)}\n)";
        }

        var ranges = plan.Boundaries.Select(b => $"PARTITION {W.Id(b.Name)} VALUES LESS THAN ({(plan.KeyKind == PartitionKeyKind.Integer ? b.To : W.String(b.To!))})")
            .Append("PARTITION pmax VALUES LESS THAN (MAXVALUE)");
        return $"PARTITION BY RANGE COLUMNS ({key}) (\n    {string.Join(",\n    ", ranges)}\n)";
    }

    private string Maintenance(PartitionPlan plan)
    {
        var interval = plan.Interval!;
        var name = MaintenanceName(plan);
        var writer = W.ForScript(_dialect, plan.Table, PartitionStep.PathToken,
            $"Partition maintenance for {plan.Table}: REORGANIZE the MAXVALUE partition into the next {plan.Premake} {interval.Name}s" + (plan.Expires ? $", DROP partitions older than {plan.Retention}" : string.Empty) + ". Re-runnable.");
        writer.Comment("CALL it with any reference time to catch up or to test: CALL " + name + "('2030-01-01').");
        writer.Statement($"DROP PROCEDURE IF EXISTS {W.Id(name)}");
        writer.Routine(Procedure(plan, name));
        writer.Comment($"The event runs daily; it needs the event scheduler (event_scheduler = ON) on the server.");
        writer.Statement($"DROP EVENT IF EXISTS {W.Id(name)}");
        writer.ClausesStatement($"CREATE EVENT {W.Id(name)}", new[] { "ON SCHEDULE EVERY 1 DAY STARTS '2000-01-01 00:07:00'", "ON COMPLETION PRESERVE", $"DO CALL {W.Id(name)}(UTC_TIMESTAMP())" });
        writer.Comment("Creates the partitions for the current period and the premake window, relative to today.");
        writer.Statement($"CALL {W.Id(name)}(UTC_TIMESTAMP())");
        return writer.Finish();
    }

    /// <summary>Rows in pmax arrived beyond the premade window: maintenance stopped, or a time far in the future was written.</summary>
    private string Alert(PartitionPlan plan)
    {
        var writer = W.ForReference(_dialect, plan.Table, PartitionStep.PathToken, "Alert query: rows that landed in the MAXVALUE partition. Anything above 0 needs attention.");
        writer.Comment("Monitoring should alert when rows_in_maxvalue > 0: the maintenance event is not running (event_scheduler OFF?) or the application wrote a time far ahead.");
        writer.Statement($"SELECT {W.String(plan.Table)} AS partitioned_table, COUNT(*) AS rows_in_maxvalue, MIN({W.Id(plan.Key)}) AS oldest, MAX({W.Id(plan.Key)}) AS newest FROM {W.Id(plan.Table)} PARTITION (pmax)");
        return writer.Finish();
    }

    public static string MaintenanceName(PartitionPlan plan)
    {
        const string suffix = "_partition_maintenance";
        return (plan.Table.Length + suffix.Length > 64 ? plan.Table[..(64 - suffix.Length)] : plan.Table) + suffix;
    }

    private static string Procedure(PartitionPlan plan, string name)
    {
        var interval = plan.Interval!;
        var unit = interval.Unit.ToString().ToUpperInvariant();
        var table = W.String(plan.Table);
        var bound = "CAST(TRIM(BOTH '''' FROM PARTITION_DESCRIPTION) AS DATETIME)";
        var lines = new List<string>
        {
            $"CREATE PROCEDURE {W.Id(name)}(IN p_reference DATETIME)",
            "BEGIN",
            "    DECLARE v_start DATETIME;",
            "    DECLARE v_end DATETIME;",
            "    DECLARE v_cutoff DATETIME;",
            "    DECLARE v_name VARCHAR(64);",
            $"    SET v_end = {Floor(interval, "p_reference")} + INTERVAL {(plan.Premake + 1).ToString(CultureInfo.InvariantCulture)} {unit};",
            $"    SELECT MAX({bound}) INTO v_start FROM information_schema.PARTITIONS",
            $"        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {table} AND PARTITION_DESCRIPTION <> 'MAXVALUE';",
            $"    SET v_start = COALESCE(v_start, {Floor(interval, "p_reference")});",
            "    WHILE v_start < v_end DO",
            $"        SET v_name = {Suffix(interval, "v_start")};",
            $"        SET @partition_ddl = CONCAT('ALTER TABLE {W.Id(plan.Table).Replace("'", "''", StringComparison.Ordinal)} REORGANIZE PARTITION pmax INTO (PARTITION ', v_name, ' VALUES LESS THAN (''', DATE_FORMAT(v_start + INTERVAL 1 {unit}, '%Y-%m-%d %H:%i:%s'), '''), PARTITION pmax VALUES LESS THAN (MAXVALUE))');",
            "        PREPARE partition_stmt FROM @partition_ddl;",
            "        EXECUTE partition_stmt;",
            "        DEALLOCATE PREPARE partition_stmt;",
            $"        SET v_start = v_start + INTERVAL 1 {unit};",
            "    END WHILE;",
        };
        if (plan.Expires)
        {
            var retention = plan.Retention!;
            lines.AddRange(new List<string>
            {
                $"    SET v_cutoff = p_reference - INTERVAL {retention.Amount.ToString(CultureInfo.InvariantCulture)} {retention.Unit.ToString().ToUpperInvariant()};",
                "    expire: LOOP",
                "        SET v_name = NULL;",
                "        SELECT PARTITION_NAME INTO v_name FROM information_schema.PARTITIONS",
                $"            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {table} AND PARTITION_DESCRIPTION <> 'MAXVALUE' AND {bound} <= v_cutoff",
                "            ORDER BY PARTITION_ORDINAL_POSITION LIMIT 1;",
                "        IF v_name IS NULL THEN",
                "            LEAVE expire;",
                "        END IF;",
                $"        SET @partition_ddl = CONCAT('ALTER TABLE {W.Id(plan.Table).Replace("'", "''", StringComparison.Ordinal)} DROP PARTITION ', v_name);",
                "        PREPARE partition_stmt FROM @partition_ddl;",
                "        EXECUTE partition_stmt;",
                "        DEALLOCATE PREPARE partition_stmt;",
                "    END LOOP;",
            });
        }

        lines.Add("END");
        return string.Join("\n", lines);
    }

    /// <summary>The start of the period holding x, as a DATETIME (weeks start on Monday).</summary>
    private static string Floor(PartitionInterval interval, string x) => interval.Unit switch
    {
        IntervalUnit.Day => $"CAST(DATE({x}) AS DATETIME)",
        IntervalUnit.Week => $"CAST(DATE({x}) - INTERVAL WEEKDAY({x}) DAY AS DATETIME)",
        IntervalUnit.Month => $"CAST(DATE_FORMAT({x}, '%Y-%m-01') AS DATETIME)",
        IntervalUnit.Quarter => $"CAST(MAKEDATE(YEAR({x}), 1) + INTERVAL (QUARTER({x}) - 1) QUARTER AS DATETIME)",
        _ => $"CAST(MAKEDATE(YEAR({x}), 1) AS DATETIME)",
    };

    /// <summary>The partition name of the period starting at x, the same as <see cref="PartitionInterval.Suffix"/> with a p.</summary>
    private static string Suffix(PartitionInterval interval, string x) => interval.Unit switch
    {
        IntervalUnit.Day => $"CONCAT('p', DATE_FORMAT({x}, '%Y%m%d'))",
        IntervalUnit.Week => $"CONCAT('p', DATE_FORMAT({x}, '%x'), 'w', DATE_FORMAT({x}, '%v'))",
        IntervalUnit.Month => $"CONCAT('p', DATE_FORMAT({x}, '%Y%m'))",
        IntervalUnit.Quarter => $"CONCAT('p', YEAR({x}), 'q', QUARTER({x}))",
        _ => $"CONCAT('p', YEAR({x}))",
    };

    private string Orphans(PartitionPlan plan)
    {
        var writer = W.ForReference(_dialect, plan.Table, PartitionStep.PathToken,
            "Replaces the dropped foreign keys with a check: each query returns the rows that a foreign key would have refused. Schedule it and alert on any row.");
        foreach (var fk in plan.Target.ForeignKeys.Concat(plan.Target.ReferencedBy))
        {
            var on = string.Join(" AND ", fk.Columns.Zip(fk.ReferencedColumns, (c, r) => $"p.{W.Id(r)} = c.{W.Id(c)}"));
            var present = string.Join(" AND ", fk.Columns.Select(c => $"c.{W.Id(c)} IS NOT NULL"));
            writer.Comment($"{fk.Name}: {fk.Table}({string.Join(", ", fk.Columns)}) → {fk.ReferencedTable}");
            writer.Statement($"SELECT {W.String(fk.Name)} AS foreign_key, COUNT(*) AS orphans FROM {W.Id(fk.Table)} AS c LEFT JOIN {W.Id(fk.ReferencedTable)} AS p ON {on} WHERE {present} AND p.{W.Id(fk.ReferencedColumns[0])} IS NULL");
        }

        return writer.Finish();
    }
}
