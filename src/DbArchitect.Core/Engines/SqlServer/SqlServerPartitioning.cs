using System.Globalization;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server partitioning: a partition function (RANGE RIGHT: each boundary starts a partition) and scheme, the table
/// and every index aligned on the scheme, a staging table for SWITCH, and a sliding-window procedure run by a SQL
/// Agent job: SPLIT ahead, SWITCH the oldest partition out to staging and TRUNCATE it, MERGE its boundary away.
/// At most 15,000 partitions; aligned unique indexes must contain the partition key.
/// </summary>
internal sealed class SqlServerPartitioning : IPartitionEngine
{
    private const string Engine = "SQL Server 2022";

    public PartitionRules Rules { get; } = new(
        MaxPartitions: 15_000,
        UniqueKeysMustContainKey: true,
        ForeignKeysAllowed: true,
        ReferencedKeysAllowed: true,
        Modes: new[] { PartitionMode.Native },
        Strategies: new[] { PartitionStrategy.Range });

    public PartitionTarget ReadLive(Live.LiveSession session, string? schema, string table, string? column) =>
        SqlServerPartitionCatalog.Read(session, schema ?? "dbo", table, column);

    public IReadOnlyList<PartitionStep> Steps(PartitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var names = new Names(plan);
        var steps = new List<PartitionStep>
        {
            plan.Target.Design is null
                ? new("convert", "Creates the partition function and scheme, moves the existing table's clustered primary key and indexes onto the scheme online, and creates the staging table for SWITCH.", SqlServerPartitionConversion.Script(plan, names), false)
                : new("table", "Creates the partition function and scheme, the aligned table and indexes, and the staging table for SWITCH.", Table(plan, names), false),
        };
        if (plan.Interval is { IsCalendar: true })
        {
            steps.Add(new("sliding-window", "Creates the sliding-window procedure (SPLIT ahead, SWITCH out and MERGE behind) and runs it once.", SlidingWindow(plan, names), false));
            steps.Add(new("agent-job", "Schedules the procedure daily with SQL Server Agent.", Job(plan, names), false));
        }

        return steps;
    }

    internal sealed class Names
    {
        public Names(PartitionPlan plan)
        {
            Function = SqlServerExpressions.DerivedName("pf", plan.Table, plan.Key);
            Scheme = SqlServerExpressions.DerivedName("ps", plan.Table, plan.Key);
            Table = W.Qualified(plan.Schema, plan.Table);
            Staging = W.Qualified(plan.Schema, SqlServerExpressions.DerivedName("sw", plan.Table, "switch"));
            StagingName = SqlServerExpressions.DerivedName("sw", plan.Table, "switch");
            Procedure = W.Qualified(plan.Schema, SqlServerExpressions.DerivedName("usp", plan.Table, "partition_maintenance"));
            Job = $"partition maintenance {plan.Schema}.{plan.Table}";
            Key = W.Id(plan.Key);
        }

        public string Function { get; }

        public string Scheme { get; }

        public string Table { get; }

        public string Staging { get; }

        public string StagingName { get; }

        public string Procedure { get; }

        public string Job { get; }

        public string Key { get; }
    }

    private static string KeyType(PartitionPlan plan) => plan.Target.NativeTypeOf(plan.Key) ?? "datetime2(7)";

    private static string Table(PartitionPlan plan, Names names)
    {
        var table = plan.Target.Design!;
        var writer = W.ForScript(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"Creates {plan.Table} partitioned by range on {plan.Key}: function, scheme, aligned table and indexes, staging table.");
        foreach (var change in plan.ConstraintChanges)
        {
            writer.Comment($"{change.Constraint}: {change.Change}. {change.Reason}");
        }

        FunctionAndScheme(writer, plan, names);
        var dropped = plan.ConstraintChanges.Select(c => c.Constraint).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, onScheme) in new[] { (names.Table, true), (names.Staging, false) })
        {
            var items = table.Columns.Select(c => SqlServerTableDdl.ColumnDefinition(table, c)
                    .Replace(SqlServerTableDdl.DefaultName(table, c), onScheme ? SqlServerTableDdl.DefaultName(table, c) : SqlServerExpressions.DerivedName("df", names.StagingName, c.Name), StringComparison.Ordinal))
                .ToList();
            var pkName = onScheme ? table.PrimaryKey.Name : SqlServerExpressions.DerivedName("pk", names.StagingName, "id");
            items.Add($"CONSTRAINT {W.Id(pkName)} PRIMARY KEY CLUSTERED ({W.IdList(plan.PrimaryKey)})");
            if (onScheme)
            {
                items.AddRange(plan.UniqueKeys.Where(u => table.UniqueKeys.Any(k => k.Name == u.Name)).Select(u => $"CONSTRAINT {W.Id(u.Name)} UNIQUE NONCLUSTERED ({W.IdList(u.Columns)}) ON {W.Id(names.Scheme)} ({names.Key})"));
            }

            writer.ItemsStatement("CREATE TABLE " + name, items);
            writer.AppendToLastStatement(onScheme ? $" ON {W.Id(names.Scheme)} ({names.Key})" : " ON [PRIMARY]");
        }

        writer.Go();
        writer.Comment("Indexes are aligned (on the same scheme and key), which SWITCH requires and which lets each partition be rebuilt on its own.");
        foreach (var index in SqlServerIndexDdl.Plain(table).Where(i => !dropped.Contains(i.Name)))
        {
            writer.Statement(SqlServerIndexDdl.CreateIndex(index, names.Table) + $" ON {W.Id(names.Scheme)} ({names.Key})");
            if (index.Predicate is null && !index.Unique)
            {
                writer.Statement(SqlServerIndexDdl.CreateIndex(index with { Name = SqlServerExpressions.DerivedName("ix", names.StagingName, index.Name) }, names.Staging) + " ON [PRIMARY]");
            }
        }

        writer.Go();
        return writer.Finish();
    }

    /// <summary>The partition function (RANGE RIGHT on the plan's boundaries) and its scheme, each in its own batch.</summary>
    internal static void FunctionAndScheme(W writer, PartitionPlan plan, Names names)
    {
        var boundaries = plan.Boundaries.Select(b => plan.KeyKind == PartitionKeyKind.Integer ? b.From! : W.String(b.From!));
        writer.Statement($"CREATE PARTITION FUNCTION {W.Id(names.Function)} ({KeyType(plan)}) AS RANGE RIGHT FOR VALUES ({W.List(boundaries)})");
        writer.Go();
        writer.Comment("Every partition on PRIMARY; to spread partitions over filegroups, list one filegroup per partition instead of ALL TO.");
        writer.Statement($"CREATE PARTITION SCHEME {W.Id(names.Scheme)} AS PARTITION {W.Id(names.Function)} ALL TO ([PRIMARY])");
        writer.Go();
    }

    private static string Floor(PartitionInterval interval, string x) => interval.Unit switch
    {
        IntervalUnit.Day => $"CAST(CAST({x} AS date) AS datetime2(7))",
        IntervalUnit.Week => $"CAST(DATEADD(day, -((DATEPART(weekday, {x}) + @@DATEFIRST - 2) % 7), CAST({x} AS date)) AS datetime2(7))",
        IntervalUnit.Month => $"CAST(DATEFROMPARTS(YEAR({x}), MONTH({x}), 1) AS datetime2(7))",
        IntervalUnit.Quarter => $"CAST(DATEFROMPARTS(YEAR({x}), (DATEPART(quarter, {x}) - 1) * 3 + 1, 1) AS datetime2(7))",
        _ => $"CAST(DATEFROMPARTS(YEAR({x}), 1, 1) AS datetime2(7))",
    };

    private static string SlidingWindow(PartitionPlan plan, Names names)
    {
        var interval = plan.Interval!;
        var unit = interval.Unit.ToString().ToLowerInvariant();
        var writer = W.ForScript(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken,
            $"The sliding window of {plan.Table}: SPLIT {plan.Premake} {interval.Name}s ahead" + (plan.Expires ? $", SWITCH out and MERGE partitions older than {plan.Retention}" : string.Empty) + ". Pass @reference to catch up or test.");
        writer.Comment("SWITCH needs no foreign key referencing the table; foreign keys pointing at it must be dropped before the first expiry.");
        var body = new List<string>
        {
            $"CREATE OR ALTER PROCEDURE {names.Procedure} @reference datetime2(7) = NULL",
            "AS",
            "BEGIN",
            "    SET NOCOUNT ON;",
            "    SET XACT_ABORT ON;",
            "    SET LOCK_TIMEOUT 5000;",
            "    DECLARE @now datetime2(7) = COALESCE(@reference, SYSUTCDATETIME());",
            $"    DECLARE @end datetime2(7) = DATEADD({unit}, {plan.Premake.ToString(CultureInfo.InvariantCulture)}, {Floor(interval, "@now")});",
            "    DECLARE @next datetime2(7);",
            "    DECLARE @low datetime2(7);",
            $"    SELECT @next = DATEADD({unit}, 1, CAST(MAX(v.value) AS datetime2(7))) FROM sys.partition_range_values AS v JOIN sys.partition_functions AS f ON f.function_id = v.function_id WHERE f.name = {W.String(names.Function)};",
            $"    SET @next = COALESCE(@next, {Floor(interval, "@now")});",
            "    WHILE @next <= @end",
            "    BEGIN",
            $"        ALTER PARTITION SCHEME {W.Id(names.Scheme)} NEXT USED [PRIMARY];",
            $"        ALTER PARTITION FUNCTION {W.Id(names.Function)}() SPLIT RANGE (@next);",
            $"        SET @next = DATEADD({unit}, 1, @next);",
            "    END;",
        };
        if (plan.Expires)
        {
            var r = plan.Retention!;
            body.AddRange(new List<string>
            {
                $"    DECLARE @cutoff datetime2(7) = DATEADD({r.Unit.ToString().ToLowerInvariant()}, -{r.Amount.ToString(CultureInfo.InvariantCulture)}, @now);",
                "    WHILE 1 = 1",
                "    BEGIN",
                "        SET @low = NULL;",
                $"        SELECT @low = CAST(MIN(v.value) AS datetime2(7)) FROM sys.partition_range_values AS v JOIN sys.partition_functions AS f ON f.function_id = v.function_id WHERE f.name = {W.String(names.Function)};",
                "        IF @low IS NULL OR @low > @cutoff BREAK;",
                "        -- Partition 1 holds every row below the lowest boundary: all of it is older than the retention.",
                $"        TRUNCATE TABLE {names.Staging};",
                $"        ALTER TABLE {names.Table} SWITCH PARTITION 1 TO {names.Staging};",
                $"        TRUNCATE TABLE {names.Staging};",
                $"        ALTER PARTITION FUNCTION {W.Id(names.Function)}() MERGE RANGE (@low);",
                "    END;",
            });
        }

        body.Add("END;");
        writer.Raw(string.Join("\n", body));
        writer.Go();
        writer.Comment("Creates the partitions for the current period and the premake window, relative to today.");
        writer.Statement($"EXEC {names.Procedure}");
        writer.Go();
        return writer.Finish();
    }

    private static string Job(PartitionPlan plan, Names names)
    {
        var writer = W.ForReference(plan.Schema + "." + plan.Table, Engine, PartitionStep.PathToken, "SQL Server Agent job running the sliding window daily at 00:07. Run it in the table's database; re-runnable.");
        var job = W.String(names.Job);
        writer.Raw($"IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = {job})");
        writer.Raw("BEGIN");
        writer.Raw("    DECLARE @database sysname = DB_NAME();");
        writer.Raw($"    EXEC msdb.dbo.sp_add_job @job_name = {job};");
        writer.Raw($"    EXEC msdb.dbo.sp_add_jobstep @job_name = {job}, @step_name = N'sliding window', @subsystem = N'TSQL', @database_name = @database, @command = {W.String("EXEC " + names.Procedure + ";")};");
        writer.Raw($"    EXEC msdb.dbo.sp_add_schedule @schedule_name = {job}, @freq_type = 4, @freq_interval = 1, @active_start_time = 700;");
        writer.Raw($"    EXEC msdb.dbo.sp_attach_schedule @job_name = {job}, @schedule_name = {job};");
        writer.Raw($"    EXEC msdb.dbo.sp_add_jobserver @job_name = {job};");
        writer.Raw("END;");
        writer.Go();
        return writer.Finish();
    }
}
