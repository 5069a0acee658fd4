using DbArchitect.Core.Model;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The partitioned parent of a design table: columns, the primary key with the partition key added, the unique and
/// check constraints that remain valid, PARTITION BY, the DEFAULT partition, explicit partitions, the indexes
/// (declared on the parent, so every partition gets them) and the lookups that keep the other keys unique.
/// </summary>
internal static class PostgreSqlPartitionParent
{
    public static string Script(PartitionPlan plan, PostgreSqlPartitionNames names, bool defaultPartition, bool explicitPartitions)
    {
        var table = plan.Target.Design ?? throw new InvalidOperationException("The parent is written from a design table.");
        var writer = W.ForScript(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken,
            $"Creates {plan.Table} partitioned by {plan.Strategy.ToString().ToLowerInvariant()} on {plan.Key}, its partitions and indexes. Re-runnable: every object is created only if missing.");
        writer.Statement("CREATE SCHEMA IF NOT EXISTS " + W.Id(plan.Schema));
        var items = table.Columns.Select(PostgreSqlTableDdl.ColumnDefinition).ToList();
        if (plan.PrimaryKey.Count > 0)
        {
            items.Add($"CONSTRAINT {W.Id(table.PrimaryKey.Name)} PRIMARY KEY ({W.IdList(plan.PrimaryKey)})");
        }

        items.AddRange(table.UniqueKeys.Where(u => plan.UniqueKeys.Any(k => k.Name == u.Name)).Select(u => $"CONSTRAINT {W.Id(u.Name)} UNIQUE ({W.IdList(u.Columns)})"));
        foreach (var check in table.Checks)
        {
            var column = table.FindColumn(check.Column)!;
            items.Add($"CONSTRAINT {W.Id(check.Name)} CHECK ({PostgreSqlExpressions.Check(check, column)})");
        }

        writer.ItemsStatement("CREATE TABLE IF NOT EXISTS " + names.Parent, items);
        ReplaceLastTerminator(writer, PartitionBy(plan));
        foreach (var change in plan.ConstraintChanges)
        {
            writer.Comment($"{change.Constraint}: {change.Change}. {change.Reason}");
        }

        if (defaultPartition && plan.Strategy != PartitionStrategy.Hash)
        {
            writer.Statement($"CREATE TABLE IF NOT EXISTS {names.DefaultQualified} PARTITION OF {names.Parent} DEFAULT");
        }

        if (explicitPartitions || plan.Strategy != PartitionStrategy.Range)
        {
            foreach (var boundary in plan.Boundaries)
            {
                writer.Statement($"CREATE TABLE IF NOT EXISTS {W.Qualified(plan.Schema, names.Partition(boundary.Name))} PARTITION OF {names.Parent} {Bounds(plan, boundary)}");
            }
        }

        var dropped = plan.ConstraintChanges.Select(c => c.Constraint).ToHashSet(StringComparer.Ordinal);
        foreach (var index in table.Indexes.Where(i => !dropped.Contains(i.Name)))
        {
            writer.Statement(IfNotExists(PostgreSqlIndexDdl.CreateIndex(index, table, names.Parent)));
        }

        PostgreSqlPartitionLookups.Create(writer, plan, names, names.Parent, converting: false);
        return writer.Finish();
    }

    public static string PartitionBy(PartitionPlan plan) =>
        $" PARTITION BY {plan.Strategy.ToString().ToUpperInvariant()} ({W.Id(plan.Key)})";

    /// <summary>FOR VALUES … of one explicit partition.</summary>
    public static string Bounds(PartitionPlan plan, PartitionBoundary boundary)
    {
        var keyType = plan.Target.NativeTypeOf(plan.Key) ?? "text";
        return plan.Strategy switch
        {
            PartitionStrategy.List => $"FOR VALUES IN ({W.List(boundary.Values.Select(W.String))})",
            PartitionStrategy.Hash => $"FOR VALUES WITH (MODULUS {plan.HashPartitions}, REMAINDER {boundary.Name[1..]})",
            _ when plan.KeyKind == PartitionKeyKind.Integer => $"FOR VALUES FROM ({boundary.From}) TO ({boundary.To})",
            _ => $"FOR VALUES FROM ({W.Cast(W.String(boundary.From!), keyType)}) TO ({W.Cast(W.String(boundary.To!), keyType)})",
        };
    }

    /// <summary>Outgoing foreign keys as a separate step: the referenced tables must exist first.</summary>
    public static string? ForeignKeys(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var table = plan.Target.Design;
        if (table is null || table.ForeignKeys.Count == 0)
        {
            return null;
        }

        var writer = W.ForScript(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken, $"Foreign keys of {plan.Table}, added once the referenced tables exist. Re-runnable.");
        foreach (var fk in table.ForeignKeys)
        {
            var add = $"ALTER TABLE {names.Parent} ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)}) REFERENCES {W.Qualified(plan.Schema, fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)})"
                + PostgreSqlForeignKeyDdlAction(fk.OnDelete);
            writer.Statement("DO " + W.DollarQuoted(
                $"BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(fk.Name)} AND conrelid = {W.String(plan.Schema + "." + plan.Table)}::regclass) THEN\n        EXECUTE {W.String(add)};\n    END IF;\nEND\n", "fk"));
        }

        return writer.Finish();
    }

    private static string PostgreSqlForeignKeyDdlAction(Requirements.DeleteAction action) => action switch
    {
        Requirements.DeleteAction.Cascade => " ON DELETE CASCADE",
        Requirements.DeleteAction.SetNull => " ON DELETE SET NULL",
        Requirements.DeleteAction.NoAction => " ON DELETE NO ACTION",
        _ => " ON DELETE RESTRICT",
    };

    public static string IfNotExists(string createIndex) =>
        createIndex.StartsWith("CREATE UNIQUE INDEX ", StringComparison.Ordinal)
            ? "CREATE UNIQUE INDEX IF NOT EXISTS " + createIndex["CREATE UNIQUE INDEX ".Length..]
            : "CREATE INDEX IF NOT EXISTS " + createIndex["CREATE INDEX ".Length..];

    /// <summary>Appends a clause before the last statement's terminator (the writer ends statements with ";\n").</summary>
    private static void ReplaceLastTerminator(W writer, string clause) => writer.AppendToLastStatement(clause);
}
