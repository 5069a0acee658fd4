using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Scalability;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// sharding/citus.sql: the distribution plan of the roadmap as a Citus script. It is a reference: CREATE EXTENSION
/// citus needs a Citus cluster. Part 1 is plain PostgreSQL and prepares the keys Citus demands (primary keys that
/// include the distribution column, no foreign keys Citus cannot enforce across nodes); part 2 creates the reference
/// and co-located distributed tables.
/// </summary>
internal static class PostgreSqlCitusScript
{
    public const string RelativePath = "sharding/citus.sql";

    public const string Purpose = "REFERENCE ONLY, not applied by the build: shards the design with Citus for the scalability roadmap. CREATE EXTENSION citus is not available on a plain PostgreSQL server; part 1 runs on plain PostgreSQL, part 2 needs a Citus coordinator.";

    /// <summary>The comment that starts the part that needs Citus; everything before it runs on plain PostgreSQL.</summary>
    public const string CitusPartMarker = "-- Part 2: needs Citus";

    public static bool IsNeeded(DbDesign design) => design.Distribution is not null;

    public static void Write(W writer, DbDesign design)
    {
        var plan = design.Distribution!;
        var model = design.Physical;
        var roles = plan.Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);
        string Q(string table) => W.Qualified(model.Schema, table);

        writer.Comment($"Distribution column: {plan.DistributionColumn}. {plan.Reason}.");
        foreach (var table in plan.Tables)
        {
            writer.Comment($"{table.Table}: {Describe(table)} — {table.Reason}.");
        }

        var dropped = model.Tables.SelectMany(t => t.ForeignKeys.Select(f => (Table: t, Key: f)))
            .Where(x => !CitusKeeps(roles[x.Table.Name], roles[x.Key.ReferencedTable], x.Key))
            .ToArray();
        var rekeyed = model.Tables.Where(t => roles[t.Name] is { Role: DistributionRole.Distributed, Column: { } c } && !t.PrimaryKey.Columns.Contains(c, StringComparer.Ordinal)).ToArray();

        writer.BlankLine();
        writer.Comment("Part 1: plain PostgreSQL (runs without Citus): keys Citus requires.");
        writer.Statement("BEGIN");
        foreach (var (table, key) in dropped)
        {
            writer.Comment($"{table.Name} -> {key.ReferencedTable}: Citus cannot enforce this foreign key across nodes ({Why(roles[table.Name], roles[key.ReferencedTable])}); the application keeps it.");
            writer.Statement($"ALTER TABLE {Q(table.Name)} DROP CONSTRAINT {W.Id(key.Name)}");
        }

        foreach (var table in rekeyed)
        {
            var column = roles[table.Name].Column!;
            writer.Comment($"{table.Name}: the primary key must include the distribution column {column}.");
            writer.Statement($"ALTER TABLE {Q(table.Name)} DROP CONSTRAINT {W.Id(table.PrimaryKey.Name)}");
            writer.Statement($"ALTER TABLE {Q(table.Name)} ADD CONSTRAINT {W.Id(table.PrimaryKey.Name)} PRIMARY KEY ({W.IdList(table.PrimaryKey.Columns.Prepend(column))})");
        }

        foreach (var table in model.Tables.Where(t => roles[t.Name] is { Role: DistributionRole.Distributed }))
        {
            var column = roles[table.Name].Column!;
            var uniques = table.UniqueKeys.Where(u => !u.Columns.Contains(column, StringComparer.Ordinal)).Select(u => u.Name)
                .Concat(table.Indexes.Where(i => i.Unique && !i.Keys.Any(k => k.Column == column)).Select(i => i.Name)).ToArray();
            if (uniques.Length > 0)
            {
                writer.Comment($"Before part 2: {table.Name} has unique keys without {column} ({string.Join(", ", uniques)}); Citus cannot enforce them across nodes. Include {column} or keep that uniqueness in a reference table.");
            }
        }

        writer.Statement("COMMIT");

        writer.BlankLine();
        writer.Comment(CitusPartMarker[3..] + " (not available on a plain PostgreSQL server).");
        writer.Statement("CREATE EXTENSION IF NOT EXISTS citus");
        var kept = model.Tables.SelectMany(t => t.ForeignKeys.Where(f => CitusKeeps(roles[t.Name], roles[f.ReferencedTable], f)).Select(f => (Child: t.Name, Parent: f.ReferencedTable))).ToArray();
        var order = ParentsFirst(model.Tables.Select(t => t.Name).ToArray(), kept);
        foreach (var name in order.Where(n => roles[n].Role == DistributionRole.Reference))
        {
            writer.Statement($"SELECT create_reference_table({W.String(Q(name))})");
        }

        // The table is a regclass text (quoted like any identifier); the distribution column is the exact column name,
        // unquoted and not case-folded, which is how Citus looks it up.
        var firstOfGroup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in order.Where(n => roles[n].Role == DistributionRole.Distributed))
        {
            var role = roles[name];
            var group = role.ColocationGroup ?? name;
            if (firstOfGroup.TryGetValue(group, out var first))
            {
                writer.Statement($"SELECT create_distributed_table({W.String(Q(name))}, {W.String(role.Column!)}, colocate_with => {W.String(Q(first))})");
            }
            else
            {
                firstOfGroup[group] = name;
                writer.Statement($"SELECT create_distributed_table({W.String(Q(name))}, {W.String(role.Column!)})");
            }
        }
    }

    /// <summary>
    /// Foreign keys Citus enforces: to a reference table, or between co-located distributed tables through the
    /// distribution columns of both.
    /// </summary>
    internal static bool CitusKeeps(DistributedTable child, DistributedTable parent, ForeignKey key)
    {
        if (parent.Role == DistributionRole.Reference)
        {
            return true;
        }

        if (child.Role != DistributionRole.Distributed || parent.Role != DistributionRole.Distributed
            || !string.Equals(child.ColocationGroup, parent.ColocationGroup, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < key.Columns.Count; i++)
        {
            if (key.Columns[i] == child.Column && key.ReferencedColumns[i] == parent.Column)
            {
                return true;
            }
        }

        return false;
    }

    private static string Why(DistributedTable child, DistributedTable parent) =>
        child.Role == DistributionRole.Reference ? "a reference table cannot reference a distributed table"
        : !string.Equals(child.ColocationGroup, parent.ColocationGroup, StringComparison.Ordinal) ? "the tables are in different co-location groups"
        : $"its columns do not pair {child.Column} with {parent.Column}";

    private static string Describe(DistributedTable table) => table.Role switch
    {
        DistributionRole.Reference => "reference table",
        DistributionRole.Distributed => $"distributed by {table.Column}, co-location group {table.ColocationGroup}",
        _ => "local",
    };

    /// <summary>
    /// Tables ordered so every referenced table comes before the tables that reference it, otherwise in model order
    /// (Kahn's algorithm, always taking the earliest ready table; a cycle releases the earliest remaining table).
    /// </summary>
    private static List<string> ParentsFirst(IReadOnlyList<string> tables, IReadOnlyList<(string Child, string Parent)> keys)
    {
        var index = tables.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var waiting = new int[tables.Count];
        var children = tables.Select(_ => new List<int>()).ToArray();
        foreach (var (child, parent) in keys.Where(k => k.Child != k.Parent).Distinct())
        {
            waiting[index[child]]++;
            children[index[parent]].Add(index[child]);
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, tables.Count).Where(i => waiting[i] == 0));
        var done = new bool[tables.Count];
        var order = new List<string>(tables.Count);
        var next = 0;
        while (order.Count < tables.Count)
        {
            int current;
            if (ready.Count > 0)
            {
                current = ready.Min;
                ready.Remove(current);
            }
            else
            {
                while (done[next])
                {
                    next++;
                }

                current = next;
            }

            done[current] = true;
            order.Add(tables[current]);
            foreach (var child in children[current])
            {
                if (!done[child] && --waiting[child] == 0)
                {
                    ready.Add(child);
                }
            }
        }

        return order;
    }
}
