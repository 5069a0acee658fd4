using System.Globalization;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle INTERVAL partitioning: Oracle creates each range partition automatically when the first row of its period
/// arrives, so there is nothing to premake; local indexes keep partition maintenance cheap; a scheduler job drops
/// partitions past the retention. Unique keys may stay global, so the primary key is not changed.
/// </summary>
internal sealed class OraclePartitioning : IPartitionEngine
{
    /// <summary>Where the interval series is anchored when no -Start is given (a Monday, so weeks start on Mondays).</summary>
    private static readonly DateTime DefaultAnchor = new(2000, 1, 3, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly OracleTypes _types;
    private readonly string _displayName;

    public OraclePartitioning(OracleTypes types, string displayName)
    {
        _types = types;
        _displayName = displayName;
    }

    public PartitionRules Rules { get; } = new(
        MaxPartitions: 1_048_575,
        UniqueKeysMustContainKey: false,
        ForeignKeysAllowed: true,
        ReferencedKeysAllowed: true,
        Modes: new[] { PartitionMode.Native },
        Strategies: new[] { PartitionStrategy.Range, PartitionStrategy.List, PartitionStrategy.Hash });

    public IReadOnlyList<PartitionStep> Steps(PartitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Target.Design is null)
        {
            throw new Errors.DbArchitectException(new Errors.DbArchitectError("PartitionLiveReadNotSupported", Errors.ErrorKind.NotImplemented,
                "Oracle tables are planned from a design.", "Pipe a design table; convert an existing table with ALTER TABLE … MODIFY PARTITION BY … ONLINE (12.2+).", null, plan.Table));
        }

        var steps = new List<PartitionStep> { new("table", "Creates the table with interval (or list/hash) partitioning and local indexes.", Table(plan), false) };
        if (plan.Expires)
        {
            steps.Add(new("retention", "Creates the expiry procedure and the scheduler job that runs it daily.", Retention(plan), false));
        }

        return steps;
    }

    private string Table(PartitionPlan plan)
    {
        var table = plan.Target.Design!;
        var writer = W.ForScript(plan.Schema + "." + plan.Table, _displayName, PartitionStep.PathToken,
            $"Creates {plan.Table} partitioned by {plan.Strategy.ToString().ToLowerInvariant()} on {plan.Key}.", buildStep: false);
        var items = table.Columns.Select(c => OracleTableDdl.ColumnDefinition(c, _types)).ToList();
        items.Add($"CONSTRAINT {W.Id(table.PrimaryKey.Name)} PRIMARY KEY ({W.IdList(plan.PrimaryKey)})");
        items.AddRange(table.UniqueKeys.Select(u => $"CONSTRAINT {W.Id(u.Name)} UNIQUE ({W.IdList(u.Columns)})"));
        writer.ItemsStatement("CREATE TABLE " + W.Qualified(plan.Schema, plan.Table), items);
        writer.AppendToLastStatement("\n" + PartitionBy(plan));
        writer.Comment("Local indexes: one index segment per partition, so dropping a partition leaves the other partitions' indexes untouched.");
        foreach (var index in table.Indexes.Where(i => !i.Unique && i.Keys.All(k => k.Column is not null)))
        {
            writer.Statement($"CREATE INDEX {W.Id(index.Name)} ON {W.Qualified(plan.Schema, plan.Table)} ({W.List(index.Keys.Select(k => W.Id(k.Column!) + (k.Descending ? " DESC" : string.Empty)))}) LOCAL");
        }

        return writer.Finish();
    }

    private static string PartitionBy(PartitionPlan plan)
    {
        var key = W.Id(plan.Key);
        switch (plan.Strategy)
        {
            case PartitionStrategy.Hash:
                return $"PARTITION BY HASH ({key}) PARTITIONS {plan.HashPartitions.ToString(CultureInfo.InvariantCulture)}";
            case PartitionStrategy.List:
                var lists = plan.Boundaries.Select(b => $"PARTITION {W.Id("p_" + b.Name)} VALUES ({W.List(b.Values.Select(W.String))})").Append("PARTITION p_default VALUES (DEFAULT)");
                return $"PARTITION BY LIST ({key}) (\n    {string.Join(",\n    ", lists)}\n)";
        }

        var interval = plan.Interval!;
        if (!interval.IsCalendar)
        {
            var first = plan.Boundaries.FirstOrDefault()?.To ?? interval.Width.ToString(CultureInfo.InvariantCulture);
            return $"PARTITION BY RANGE ({key}) INTERVAL ({interval.Width.ToString(CultureInfo.InvariantCulture)}) (\n    PARTITION p_start VALUES LESS THAN ({first})\n)";
        }

        var anchor = interval.Floor(plan.Start ?? DefaultAnchor);
        var literal = plan.KeyKind == PartitionKeyKind.Date
            ? $"DATE '{anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'"
            : $"TIMESTAMP '{anchor.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";
        return $"PARTITION BY RANGE ({key}) INTERVAL ({IntervalExpression(interval)}) (\n    PARTITION p_start VALUES LESS THAN ({literal})\n)";
    }

    public static string IntervalExpression(PartitionInterval interval) => interval.Unit switch
    {
        IntervalUnit.Day => "NUMTODSINTERVAL(1, 'DAY')",
        IntervalUnit.Week => "NUMTODSINTERVAL(7, 'DAY')",
        IntervalUnit.Month => "NUMTOYMINTERVAL(1, 'MONTH')",
        IntervalUnit.Quarter => "NUMTOYMINTERVAL(3, 'MONTH')",
        _ => "NUMTOYMINTERVAL(1, 'YEAR')",
    };

    private string Retention(PartitionPlan plan)
    {
        var r = plan.Retention!;
        var keep = r.Unit switch
        {
            Requirements.RetentionUnit.Day => $"NUMTODSINTERVAL({r.Amount}, 'DAY')",
            Requirements.RetentionUnit.Week => $"NUMTODSINTERVAL({r.Amount * 7}, 'DAY')",
            Requirements.RetentionUnit.Month => $"NUMTOYMINTERVAL({r.Amount}, 'MONTH')",
            _ => $"NUMTOYMINTERVAL({r.Amount}, 'YEAR')",
        };
        var procedure = W.Qualified(plan.Schema, plan.Table + "_partition_expire");
        var writer = W.ForScript(plan.Schema + "." + plan.Table, _displayName, PartitionStep.PathToken,
            $"Drops partitions of {plan.Table} whose upper bound is older than {plan.Retention}, daily. Pass p_reference to catch up or test.", buildStep: false);
        writer.PlSql($"CREATE OR REPLACE PROCEDURE {procedure} (p_reference IN TIMESTAMP DEFAULT SYSTIMESTAMP) AS", new[]
        {
            "    v_high TIMESTAMP;",
            "BEGIN",
            "    -- high_value is a LONG holding the bound as an expression; it is evaluated to compare it. The first (p_start) partition is kept: an interval table needs one range partition.",
            "    FOR p IN (SELECT partition_name, high_value FROM all_tab_partitions",
            $"              WHERE table_owner = {W.String(W.Id(plan.Schema).Trim('"'))} AND table_name = {W.String(W.Id(plan.Table).Trim('"'))} AND interval = 'YES' ORDER BY partition_position) LOOP",
            "        EXECUTE IMMEDIATE 'SELECT ' || p.high_value || ' FROM dual' INTO v_high;",
            $"        EXIT WHEN v_high > p_reference - {keep};",
            $"        EXECUTE IMMEDIATE 'ALTER TABLE {W.Qualified(plan.Schema, plan.Table).Replace("'", "''", StringComparison.Ordinal)} DROP PARTITION ' || p.partition_name || ' UPDATE INDEXES';",
            "    END LOOP;",
            "END;",
        });
        writer.PlSql("BEGIN", new[]
        {
            "    DBMS_SCHEDULER.CREATE_JOB(",
            $"        job_name => {W.String(W.Id(plan.Schema).Trim('"') + "." + (plan.Table.ToUpperInvariant() + "_EXPIRE"))},",
            "        job_type => 'STORED_PROCEDURE',",
            $"        job_action => {W.String(procedure)},",
            "        repeat_interval => 'FREQ=DAILY;BYHOUR=0;BYMINUTE=7',",
            "        enabled => TRUE);",
            "END;",
        });
        return writer.Finish();
    }
}
