using System.Globalization;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Partitions a table that exists, in place and online: the function and scheme, then the clustered primary key and
/// every nonclustered index rebuilt on the scheme (CREATE INDEX … WITH (DROP_EXISTING = ON, ONLINE = ON) when the key
/// keeps its columns; dropped and added online when the plan adds the partition key to it, with the foreign keys that
/// reference it dropped and re-added WITH CHECK around it), and the staging table SWITCH needs. Rows never leave the
/// table; ONLINE = ON needs Enterprise, Developer or Azure SQL.
/// </summary>
internal static class SqlServerPartitionConversion
{
    public static string Script(PartitionPlan plan, SqlServerPartitioning.Names names)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var target = plan.Target;
        var on = $" ON {W.Id(names.Scheme)} ({names.Key})";
        var writer = W.ForScript(plan.Schema + "." + plan.Table, "SQL Server 2022", PartitionStep.PathToken,
            $"Partitions the existing {plan.Schema}.{plan.Table} ({(target.Rows ?? 0).ToString("N0", CultureInfo.InvariantCulture)} rows) by range on {plan.Key} in place: function, scheme, clustered key and indexes rebuilt online on the scheme, staging table for SWITCH.");
        writer.Comment("ONLINE = ON keeps the table readable and writable while each index is rebuilt (Enterprise, Developer, Azure SQL); on Standard edition remove it and run in a maintenance window.");
        foreach (var change in plan.ConstraintChanges)
        {
            writer.Comment($"{change.Constraint}: {change.Change}. {change.Reason}");
        }

        SqlServerPartitioning.FunctionAndScheme(writer, plan, names);
        ClusteredKey(writer, plan, names, on);
        writer.Go();
        writer.Comment("Nonclustered indexes rebuilt aligned (on the scheme), which SWITCH requires.");
        var aligned = new List<(string Name, bool Unique, string Definition)>();
        foreach (var (name, columns, unique, definition) in target.LiveIndexes)
        {
            if (definition.Contains("COLUMNSTORE", StringComparison.Ordinal))
            {
                writer.Comment($"{name} is a columnstore index: rebuild it on {names.Scheme} ({plan.Key}) by hand (CREATE … COLUMNSTORE INDEX … WITH (DROP_EXISTING = ON) ON the scheme).");
                continue;
            }

            if (unique && !columns.Contains(plan.Key, StringComparer.Ordinal))
            {
                // Dropping it would silently end a uniqueness the application relies on: it is kept, and the reader told what that costs.
                writer.Comment($"{name} is unique without {plan.Key}: this conversion keeps it where it is, not aligned, so the uniqueness stays enforced; SWITCH (the sliding window's expiry) refuses the table until it is dropped (DROP INDEX … WITH (ONLINE = ON)) or holds the key.");
                continue;
            }

            writer.Statement($"CREATE {(unique ? "UNIQUE " : string.Empty)}NONCLUSTERED INDEX {W.Id(name)} ON {names.Table} {definition} WITH (DROP_EXISTING = ON, ONLINE = ON){on}");
            aligned.Add((name, unique, definition));
        }

        writer.Go();
        Staging(writer, plan, names, aligned);
        return writer.Finish();
    }

    private static void ClusteredKey(W writer, PartitionPlan plan, SqlServerPartitioning.Names names, string on)
    {
        var target = plan.Target;
        var pk = target.PrimaryKey;
        if (pk is not null && pk.Columns.SequenceEqual(plan.PrimaryKey, StringComparer.Ordinal))
        {
            writer.Comment($"{pk.Name} keeps its columns: its clustered index moves onto the scheme in one online rebuild.");
            writer.Statement($"CREATE UNIQUE CLUSTERED INDEX {W.Id(pk.Name)} ON {names.Table} ({W.IdList(pk.Columns)}) WITH (DROP_EXISTING = ON, ONLINE = ON){on}");
            return;
        }

        foreach (var fk in target.ReferencedBy)
        {
            writer.Statement($"ALTER TABLE {W.Qualified(plan.Schema, fk.Table)} DROP CONSTRAINT {W.Id(fk.Name)}");
        }

        if (pk is not null)
        {
            writer.Statement($"ALTER TABLE {names.Table} DROP CONSTRAINT {W.Id(pk.Name)} WITH (ONLINE = ON)");
        }

        var pkName = pk?.Name ?? SqlServerExpressions.DerivedName("pk", plan.Table, plan.Key);
        writer.Statement($"ALTER TABLE {names.Table} ADD CONSTRAINT {W.Id(pkName)} PRIMARY KEY CLUSTERED ({W.IdList(plan.PrimaryKey)}) WITH (ONLINE = ON){on}");
        if (pk is null || target.ReferencedBy.Count == 0)
        {
            return;
        }

        // The referencing keys need their columns unique on their own: a unique key that is not aligned, so SWITCH is
        // refused until those foreign keys are gone — expiring partitions of a referenced table deletes referenced rows.
        var unique = SqlServerExpressions.DerivedName("uq", plan.Table, string.Join("_", pk.Columns));
        writer.Comment($"{unique} keeps {string.Join(", ", pk.Columns)} unique for the foreign keys that reference it; it is not aligned, so drop those keys before the first SWITCH.");
        writer.Statement($"ALTER TABLE {names.Table} ADD CONSTRAINT {W.Id(unique)} UNIQUE NONCLUSTERED ({W.IdList(pk.Columns)}) WITH (ONLINE = ON) ON [PRIMARY]");
        foreach (var fk in target.ReferencedBy)
        {
            writer.Statement($"ALTER TABLE {W.Qualified(plan.Schema, fk.Table)} WITH CHECK ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)}) REFERENCES {names.Table} ({W.IdList(fk.ReferencedColumns)}) ON DELETE {fk.OnDelete ?? "NO ACTION"}");
        }
    }

    /// <summary>An empty copy of the table on PRIMARY with the same clustered key and aligned indexes: SWITCH's destination.</summary>
    private static void Staging(W writer, PartitionPlan plan, SqlServerPartitioning.Names names, IReadOnlyList<(string Name, bool Unique, string Definition)> aligned)
    {
        writer.Comment("The staging table SWITCH moves expired partitions into; computed columns of the table must be re-created as computed here, since SELECT INTO copies their values.");
        writer.Statement($"SELECT TOP (0) * INTO {names.Staging} FROM {names.Table}");
        writer.Statement($"ALTER TABLE {names.Staging} ADD CONSTRAINT {W.Id(SqlServerExpressions.DerivedName("pk", names.StagingName, "id"))} PRIMARY KEY CLUSTERED ({W.IdList(plan.PrimaryKey)}) ON [PRIMARY]");
        foreach (var (name, unique, definition) in aligned)
        {
            writer.Statement($"CREATE {(unique ? "UNIQUE " : string.Empty)}NONCLUSTERED INDEX {W.Id(SqlServerExpressions.DerivedName("ix", names.StagingName, name))} ON {names.Staging} {definition} ON [PRIMARY]");
        }

        writer.Go();
    }
}
