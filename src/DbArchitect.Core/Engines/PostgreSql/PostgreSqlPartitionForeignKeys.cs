using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Foreign keys of other tables that referenced the converted table: after the swap they still point at the old
/// table (foreign keys follow the table, not its name). Each one whose referenced columns match a key the
/// partitioned table keeps is re-pointed without a long lock: the new key is added NOT VALID (a short lock, no scan),
/// validated separately (SHARE UPDATE EXCLUSIVE: reads and writes continue), then the old key is dropped and the new
/// one takes its name. PostgreSQL lets a foreign key reference a partitioned table only through a primary key or
/// unique constraint, and those must contain the partition key, so the others cannot be re-pointed (the planner warns).
/// </summary>
internal static class PostgreSqlPartitionForeignKeys
{
    /// <summary>True when the partitioned table keeps a primary key or unique constraint on exactly the referenced columns.</summary>
    public static bool Repointable(PartitionPlan plan, TargetForeignKey fk) =>
        PartitionPlanner.KeyMatches(plan.PrimaryKey, plan.UniqueKeys, fk.ReferencedColumns);

    private static List<TargetForeignKey> Keys(PartitionPlan plan) => plan.Target.ReferencedBy
        .Where(f => !string.Equals(f.Table, plan.Table, StringComparison.Ordinal) && Repointable(plan, f))
        .ToList();

    private static string Add(TargetForeignKey fk, string name, string parent) =>
        $"ADD CONSTRAINT {W.Id(name)} FOREIGN KEY ({W.IdList(fk.Columns)}) REFERENCES {parent} ({W.IdList(fk.ReferencedColumns)})"
        + (fk.OnDelete is { } onDelete ? " ON DELETE " + onDelete : string.Empty) + " NOT VALID";

    /// <summary>
    /// For the rollback, after the original table has its name back: every key re-pointed to the partitioned copy
    /// points at the original again (dropped and added NOT VALID in one statement, then validated), so the copy can be dropped.
    /// </summary>
    public static void PointBack(W writer, PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var fk in Keys(plan))
        {
            var child = W.Qualified(plan.Schema, fk.Table);
            var childText = W.String(plan.Schema + "." + fk.Table);
            writer.Do(
                "BEGIN\n"
                + $"    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(fk.Name)} AND conrelid = {childText}::regclass AND confrelid = to_regclass({W.String(plan.Schema + "." + names.Partitioned)})) THEN\n"
                + $"        EXECUTE {W.String($"ALTER TABLE {child} DROP CONSTRAINT {W.Id(fk.Name)}, {Add(fk, fk.Name, names.Parent)}")};\n"
                + "    END IF;\n"
                + "END\n", "fk");
            writer.Do(
                "BEGIN\n"
                + $"    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(fk.Name)} AND conrelid = {childText}::regclass AND NOT convalidated) THEN\n"
                + $"        EXECUTE {W.String($"ALTER TABLE {child} VALIDATE CONSTRAINT {W.Id(fk.Name)}")};\n"
                + "    END IF;\n"
                + "END\n", "fk");
        }
    }

    /// <summary>The re-point script; null when no foreign key can be re-pointed.</summary>
    public static string? Repoint(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var keys = Keys(plan);
        if (keys.Count == 0)
        {
            return null;
        }

        var old = W.String(plan.Schema + "." + names.Unpartitioned);
        var writer = W.ForScript(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken,
            $"After the swap in the conversion of {plan.Table}: re-points {keys.Count} foreign key(s) from {names.Unpartitioned} to the partitioned {plan.Table}. Run outside a transaction block (each statement commits). Re-runnable.");
        foreach (var fk in keys)
        {
            var child = W.Qualified(plan.Schema, fk.Table);
            var childText = W.String(plan.Schema + "." + fk.Table);
            var temporary = PostgreSqlPartitionNames.CopyForeignKey(fk.Name);
            var add = $"ALTER TABLE {child} {Add(fk, temporary, names.Parent)}";
            writer.Comment($"{fk.Name} on {fk.Table} ({string.Join(", ", fk.Columns)}) → {plan.Table} ({string.Join(", ", fk.ReferencedColumns)}).");
            writer.Do(
                "BEGIN\n"
                + $"    IF to_regclass({old}) IS NULL THEN\n"
                + "        RAISE EXCEPTION 'run the swap first: the old table is not there';\n"
                + "    END IF;\n"
                + $"    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(temporary)} AND conrelid = {childText}::regclass)\n"
                + $"       AND EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(fk.Name)} AND conrelid = {childText}::regclass AND confrelid = {old}::regclass) THEN\n"
                + $"        SET LOCAL lock_timeout = {W.String(PostgreSqlPartitionMaintenance.LockTimeout)};\n"
                + $"        EXECUTE {W.String(add)};\n"
                + "    END IF;\n"
                + "END\n", "fk");
            writer.Do(
                "BEGIN\n"
                + $"    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(temporary)} AND conrelid = {childText}::regclass AND NOT convalidated) THEN\n"
                + $"        EXECUTE {W.String($"ALTER TABLE {child} VALIDATE CONSTRAINT {W.Id(temporary)}")};\n"
                + "    END IF;\n"
                + "END\n", "fk");
            writer.Do(
                "BEGIN\n"
                + $"    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {W.String(temporary)} AND conrelid = {childText}::regclass AND convalidated) THEN\n"
                + $"        SET LOCAL lock_timeout = {W.String(PostgreSqlPartitionMaintenance.LockTimeout)};\n"
                + $"        EXECUTE {W.String($"ALTER TABLE {child} DROP CONSTRAINT IF EXISTS {W.Id(fk.Name)}")};\n"
                + $"        EXECUTE {W.String($"ALTER TABLE {child} RENAME CONSTRAINT {W.Id(temporary)} TO {W.Id(fk.Name)}")};\n"
                + "    END IF;\n"
                + "END\n", "fk");
        }

        return writer.Finish();
    }
}
