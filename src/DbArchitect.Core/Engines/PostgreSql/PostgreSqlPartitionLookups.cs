using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Uniqueness a partitioned table cannot enforce itself (PostgreSQL checks unique indexes per partition, so a key
/// without the partition key would only be unique within one partition): each such key gets an unpartitioned lookup
/// table with the row's primary key, the columns the key reads and the key's own unique index; one row trigger on the
/// partitioned table keeps it in step in the same transaction, so a duplicate fails exactly as before. A cleanup
/// function removes the keys of rows that left with an expired partition (dropping a partition fires no trigger).
/// </summary>
internal static class PostgreSqlPartitionLookups
{
    /// <summary>The lookup tables, their unique indexes, the trigger and the cleanup function, on <paramref name="parent"/>.</summary>
    /// <param name="writer">The step being written.</param>
    /// <param name="plan">The plan whose <see cref="PartitionPlan.Lookups"/> are written.</param>
    /// <param name="names">The plan's names.</param>
    /// <param name="parent">The partitioned table the trigger sits on (the copy, during a conversion).</param>
    /// <param name="converting">True during a conversion: the keys' names are still taken by the original table, so
    /// the lookups' indexes take the copy's names until the swap renames them.</param>
    public static void Create(W writer, PartitionPlan plan, PostgreSqlPartitionNames names, string parent, bool converting)
    {
        if (plan.Lookups.Count == 0)
        {
            return;
        }

        var table = plan.Target.Design;
        foreach (var key in plan.Lookups)
        {
            var lookup = W.Qualified(plan.Schema, PostgreSqlPartitionNames.Lookup(key.Name));
            writer.Comment($"{key.Name}: {key.Text} stays unique across every partition through {PostgreSqlPartitionNames.Lookup(key.Name)}, kept by the trigger below.");
            var items = Columns(plan, key)
                .Select(c => $"{W.Id(c)} {plan.Target.NativeTypeOf(c)}{(plan.PrimaryKey.Contains(c, StringComparer.Ordinal) ? " NOT NULL" : string.Empty)}")
                .Append($"PRIMARY KEY ({W.IdList(RowKey(plan))})")
                .ToList();
            writer.ItemsStatement("CREATE TABLE IF NOT EXISTS " + lookup, items);
            var index = IndexName(plan, key, converting);
            writer.Statement(key switch
            {
                { Index: { } designIndex } when table is not null =>
                    PostgreSqlPartitionParent.IfNotExists(PostgreSqlIndexDdl.CreateIndex(designIndex with { Name = index }, table, lookup)),
                { Definition: { } definition } => $"CREATE UNIQUE INDEX IF NOT EXISTS {W.Id(index)} ON {lookup}{definition}",
                _ => $"CREATE UNIQUE INDEX IF NOT EXISTS {W.Id(index)} ON {lookup} ({W.IdList(key.Columns)})",
            });
        }

        writer.Comment("Rows already in the table (a re-run, or a table made a hypertable in place) are copied into the lookups; a duplicate among them stops the script here.");
        foreach (var key in plan.Lookups)
        {
            var columns = W.IdList(Columns(plan, key));
            writer.Statement($"INSERT INTO {W.Qualified(plan.Schema, PostgreSqlPartitionNames.Lookup(key.Name))} ({columns}) SELECT {columns} FROM {parent} ON CONFLICT ({W.IdList(RowKey(plan))}) DO NOTHING");
        }

        writer.Statement(TriggerFunction(plan, names));
        writer.Statement($"CREATE OR REPLACE TRIGGER {W.Id(names.LookupTrigger)} AFTER INSERT OR UPDATE OR DELETE ON {parent} FOR EACH ROW EXECUTE FUNCTION {names.LookupFunction}()");
        writer.Statement($"CREATE OR REPLACE TRIGGER {W.Id(names.LookupTruncateTrigger)} AFTER TRUNCATE ON {parent} FOR EACH STATEMENT EXECUTE FUNCTION {names.LookupFunction}()");
        if (plan.Expires)
        {
            writer.Statement(Cleanup(plan, names));
        }
    }

    /// <summary>The lookup index's name: the key's own (so a duplicate names the same constraint as before), the copy's name during a conversion, a derived one for a primary key.</summary>
    public static string IndexName(PartitionPlan plan, TargetKey key, bool converting) =>
        IsPrimaryKey(plan, key) ? PostgreSqlPartitionNames.LookupKey(key.Name)
        : converting ? PostgreSqlPartitionNames.CopyIndex(key.Name)
        : key.Name;

    /// <summary>The lookup indexes a conversion's swap renames (the primary key's keeps its derived name).</summary>
    public static IEnumerable<string> Renamed(PartitionPlan plan) =>
        plan.Lookups.Where(k => !IsPrimaryKey(plan, k)).Select(k => k.Name);

    /// <summary>Drops the lookups and their functions, once the partitioned table (and so its triggers) is gone.</summary>
    public static void Drop(W writer, PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        if (plan.Lookups.Count == 0)
        {
            return;
        }

        foreach (var key in plan.Lookups)
        {
            writer.Statement($"DROP TABLE IF EXISTS {W.Qualified(plan.Schema, PostgreSqlPartitionNames.Lookup(key.Name))}");
        }

        writer.Statement($"DROP FUNCTION IF EXISTS {names.LookupFunction}()");
        writer.Statement($"DROP FUNCTION IF EXISTS {names.LookupCleanup}(timestamptz)");
    }

    /// <summary>The cleanup call the maintenance runs after expiring partitions; null when nothing expires or nothing is looked up.</summary>
    public static string? CleanupCall(PartitionPlan plan, PostgreSqlPartitionNames names, string before) =>
        plan.Lookups.Count == 0 || !plan.Expires ? null : $"SELECT {names.LookupCleanup}({before})";

    private static bool IsPrimaryKey(PartitionPlan plan, TargetKey key) =>
        string.Equals(key.Name, plan.Target.PrimaryKey?.Name, StringComparison.Ordinal);

    /// <summary>The row's identity in a lookup: the partitioned table's primary key, partition key first (cleanup reads by it).</summary>
    private static IReadOnlyList<string> RowKey(PartitionPlan plan) =>
        new[] { plan.Key }.Concat(plan.PrimaryKey.Where(c => !string.Equals(c, plan.Key, StringComparison.Ordinal))).ToList();

    private static IReadOnlyList<string> Columns(PartitionPlan plan, TargetKey key) =>
        RowKey(plan).Concat(key.Reads).Distinct(StringComparer.Ordinal).ToList();

    private static string Matches(PartitionPlan plan, string left, string right) =>
        string.Join(" AND ", RowKey(plan).Select(c => $"{left}{W.Id(c)} = {right}{W.Id(c)}"));

    private static string TriggerFunction(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var lookups = plan.Lookups.Select(k => (Table: W.Qualified(plan.Schema, PostgreSqlPartitionNames.Lookup(k.Name)), Columns: Columns(plan, k))).ToList();
        var body = "BEGIN\n"
            + "    IF TG_OP = 'TRUNCATE' THEN\n"
            + $"        TRUNCATE {string.Join(", ", lookups.Select(l => l.Table))};\n"
            + "        RETURN NULL;\n"
            + "    END IF;\n"
            + "    IF TG_OP IN ('UPDATE', 'DELETE') THEN\n"
            + string.Concat(lookups.Select(l => $"        DELETE FROM {l.Table} WHERE {Matches(plan, string.Empty, "OLD.")};\n"))
            + "    END IF;\n"
            + "    IF TG_OP IN ('INSERT', 'UPDATE') THEN\n"
            + string.Concat(lookups.Select(l => $"        INSERT INTO {l.Table} ({W.IdList(l.Columns)}) VALUES ({string.Join(", ", l.Columns.Select(c => "NEW." + W.Id(c)))});\n"))
            + "    END IF;\n"
            + "    RETURN NULL;\n"
            + "END\n";
        return $"CREATE OR REPLACE FUNCTION {names.LookupFunction}() RETURNS trigger LANGUAGE plpgsql AS " + W.DollarQuoted(body, "lookup");
    }

    /// <summary>Removes lookup rows older than <c>p_before</c> whose row is gone (its partition expired); returns how many.</summary>
    private static string Cleanup(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var key = plan.Target.NativeTypeOf(plan.Key) ?? "timestamptz";
        var body = "DECLARE\n    v_removed bigint := 0;\n    v_rows bigint;\nBEGIN\n"
            + string.Concat(plan.Lookups.Select(k =>
                $"    DELETE FROM {W.Qualified(plan.Schema, PostgreSqlPartitionNames.Lookup(k.Name))} AS l WHERE l.{W.Id(plan.Key)} < p_before::{key}\n"
                + $"        AND NOT EXISTS (SELECT 1 FROM {names.Parent} AS t WHERE {Matches(plan, "t.", "l.")});\n"
                + "    GET DIAGNOSTICS v_rows = ROW_COUNT;\n"
                + "    v_removed := v_removed + v_rows;\n"))
            + "    RETURN v_removed;\nEND\n";
        return $"CREATE OR REPLACE FUNCTION {names.LookupCleanup}(p_before timestamptz) RETURNS bigint LANGUAGE plpgsql AS " + W.DollarQuoted(body, "cleanup");
    }
}
