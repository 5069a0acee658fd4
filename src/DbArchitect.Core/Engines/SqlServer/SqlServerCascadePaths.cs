using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>A foreign key SQL Server cannot declare with its action, what replaces it, and why.</summary>
public sealed record CascadeResolution(string Table, string ForeignKey, string ReferencedTable, DeleteAction Requested, bool Emulated, string Reason);

/// <summary>
/// SQL Server refuses a foreign key whose ON DELETE CASCADE / SET NULL would give a table two cascade paths from
/// another table, or close a cycle of cascades, including a table referencing itself (error 1785, "may cause cycles
/// or multiple cascade paths"). It also sets every column of a composite key to NULL on SET NULL, which fails on a
/// NOT NULL tenant column. This resolver walks the foreign keys deterministically — cascades before set-nulls, then
/// in table and key order — keeps each cascading key that leaves the graph valid, and demotes the others to NO
/// ACTION. A demoted key's behaviour is emulated by an INSTEAD OF DELETE trigger on the referenced table when SQL
/// Server allows one there (not on a table that itself has a cascading foreign key, error 2113); otherwise the
/// reason says that the application deletes the children first.
/// </summary>
public static class SqlServerCascadePaths
{
    public static bool IsCascading(ForeignKey foreignKey)
    {
        ArgumentNullException.ThrowIfNull(foreignKey);
        return foreignKey.OnDelete is DeleteAction.Cascade or DeleteAction.SetNull;
    }

    /// <summary>True for SET NULL on some but not all of a composite key's columns (PostgreSQL 15's SET NULL (cols)).</summary>
    public static bool IsPartialSetNull(ForeignKey foreignKey)
    {
        ArgumentNullException.ThrowIfNull(foreignKey);
        return foreignKey.OnDelete == DeleteAction.SetNull && foreignKey.SetNullColumns.Count > 0
            && foreignKey.SetNullColumns.Count < foreignKey.Columns.Count;
    }

    public static IReadOnlyList<CascadeResolution> Resolve(SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var candidates = model.Tables
            .SelectMany(t => t.ForeignKeys.Where(IsCascading).Select(f => (Table: t, Key: f)))
            .OrderBy(x => x.Key.OnDelete == DeleteAction.Cascade ? 0 : 1)
            .ToList();

        var accepted = new List<(string Parent, string Child)>();
        var demoted = new List<(Table Table, ForeignKey Key, string Why)>();
        foreach (var (table, key) in candidates)
        {
            if (string.Equals(table.Name, key.ReferencedTable, StringComparison.OrdinalIgnoreCase))
            {
                demoted.Add((table, key, $"{table.Name} references itself, and SQL Server refuses a self-referencing ON DELETE {Action(key.OnDelete)} as a cascade cycle (error 1785)"));
                continue;
            }

            if (IsPartialSetNull(key))
            {
                demoted.Add((table, key, $"ON DELETE SET NULL sets every column of the composite key ({string.Join(", ", key.Columns)}) to NULL in SQL Server, including {string.Join(", ", key.Columns.Except(key.SetNullColumns, StringComparer.Ordinal))}, which must keep its value; only {string.Join(", ", key.SetNullColumns)} may be cleared"));
                continue;
            }

            accepted.Add((key.ReferencedTable, table.Name));
            if (Conflict(accepted) is { } conflict)
            {
                accepted.RemoveAt(accepted.Count - 1);
                demoted.Add((table, key, conflict));
            }
        }

        // A table may carry an INSTEAD OF DELETE trigger only when none of its own foreign keys cascades.
        var cascadingChildren = new HashSet<string>(accepted.Select(e => e.Child), StringComparer.OrdinalIgnoreCase);
        return demoted.Select(d =>
        {
            var selfCascade = d.Key.OnDelete == DeleteAction.Cascade
                && string.Equals(d.Table.Name, d.Key.ReferencedTable, StringComparison.OrdinalIgnoreCase);
            var emulated = !selfCascade && !cascadingChildren.Contains(d.Key.ReferencedTable);
            var trigger = SqlServerExpressions.DerivedName("tr", d.Key.ReferencedTable, "delete");
            var how = emulated
                ? $"declared ON DELETE NO ACTION; the INSTEAD OF DELETE trigger {trigger} on {d.Key.ReferencedTable} {(d.Key.OnDelete == DeleteAction.Cascade ? "deletes" : "clears the key of")} the {d.Table.Name} rows first, so deleting a {d.Key.ReferencedTable} row behaves as requested"
                : selfCascade
                    ? "declared ON DELETE NO ACTION; deleting a row with children fails, so the application deletes a subtree leaves first (or re-parents the children)"
                    : $"declared ON DELETE NO ACTION; {d.Key.ReferencedTable} has a cascading foreign key itself, and SQL Server allows no INSTEAD OF DELETE trigger on such a table (error 2113), so the application deletes or clears the {d.Table.Name} rows before deleting a {d.Key.ReferencedTable} row";
            return new CascadeResolution(d.Table.Name, d.Key.Name, d.Key.ReferencedTable, d.Key.OnDelete, emulated,
                $"ON DELETE {Action(d.Key.OnDelete)} requested, but {d.Why}: {how}.");
        }).ToList();
    }

    /// <summary>
    /// Why the cascade graph (parent → child, one edge per foreign key) is invalid, or null when it is valid: a cycle,
    /// or two paths between the same pair of tables.
    /// </summary>
    public static string? Conflict(IReadOnlyList<(string Parent, string Child)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var comparer = StringComparer.OrdinalIgnoreCase;
        var nodes = edges.SelectMany(e => new[] { e.Parent, e.Child }).Distinct(comparer).ToList();
        var outgoing = nodes.ToDictionary(n => n, n => edges.Where(e => comparer.Equals(e.Parent, n)).Select(e => e.Child).ToList(), comparer);

        // Kahn's algorithm: a node left over sits on a cycle.
        var inDegree = nodes.ToDictionary(n => n, n => edges.Count(e => comparer.Equals(e.Child, n)), comparer);
        var order = new List<string>();
        var ready = new Queue<string>(nodes.Where(n => inDegree[n] == 0));
        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            order.Add(node);
            foreach (var child in outgoing[node])
            {
                if (--inDegree[child] == 0)
                {
                    ready.Enqueue(child);
                }
            }
        }

        if (order.Count < nodes.Count)
        {
            var onCycle = nodes.Where(n => inDegree[n] > 0).ToList();
            return $"the cascades would form a cycle through {string.Join(", ", onCycle)} (error 1785)";
        }

        // Paths counted along the topological order: two or more from one table to another is refused.
        foreach (var source in nodes)
        {
            var paths = nodes.ToDictionary(n => n, _ => 0L, comparer);
            paths[source] = 1;
            foreach (var node in order)
            {
                if (paths[node] == 0)
                {
                    continue;
                }

                foreach (var child in outgoing[node])
                {
                    paths[child] += paths[node];
                    if (paths[child] > 1)
                    {
                        return $"deleting a {source} row would then reach {child} along two cascade paths (error 1785, multiple cascade paths)";
                    }
                }
            }
        }

        return null;
    }

    private static string Action(DeleteAction action) => action == DeleteAction.Cascade ? "CASCADE" : "SET NULL";
}
