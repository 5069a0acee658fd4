using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Scalability;

/// <summary>
/// Chooses how the tables would be sharded: the tenant key when tenancy is multi, else the key of the table most
/// access patterns reach through a foreign key (the "root", e.g. the customer of orders). Tables carrying that key are
/// distributed by it and co-located, small tables (below <see cref="NodeCapacity.ReferenceTableRows"/> rows at
/// retention, no tenant key) are copied to every node, and large tables without the key get their own group.
/// </summary>
internal static class DistributionPlanner
{
    public static DistributionPlan? Plan(DbRequirement requirement, SchemaModel physical, string technology)
    {
        if (physical.Tables.Count == 0)
        {
            return null;
        }

        var retention = requirement.Workload.Retention;
        long AtRetention(Table t) => RoadmapSizing.RowsAt(t, NodeCapacity.HorizonMonths * NodeCapacity.DaysPerMonth, retention);
        var tenantKey = physical.Tables.SelectMany(t => t.Columns).FirstOrDefault(c => c.Role == ColumnRole.TenantKey)?.Name;
        // Built once: counting references per table by scanning every table would make large designs quadratic.
        var referencedBy = physical.Tables.SelectMany(t => t.ForeignKeys.Select(f => f.ReferencedTable).Distinct(StringComparer.Ordinal))
            .GroupBy(name => name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int ReferencedBy(Table t) => referencedBy.GetValueOrDefault(t.Name);
        return tenantKey is not null
            ? ByTenant(physical, tenantKey, technology, AtRetention, ReferencedBy)
            : ByRoot(requirement, physical, technology, AtRetention, ReferencedBy);
    }

    private static DistributionPlan ByTenant(SchemaModel physical, string tenantKey, string technology, Func<Table, long> atRetention, Func<Table, int> referencedBy)
    {
        var tenantTable = physical.Tables.FirstOrDefault(t => t.Kind == TableKind.Tenant);
        const string group = "tenant";
        var tables = new List<DistributedTable>();
        foreach (var table in physical.Tables)
        {
            if (table == tenantTable)
            {
                tables.Add(new(table.Name, DistributionRole.Distributed, table.PrimaryKey.Columns[0], group,
                    "the tenant table itself, distributed by its key so each tenant's row lives with the tenant's data"));
            }
            else if (IsDistributable(table, tenantKey))
            {
                tables.Add(new(table.Name, DistributionRole.Distributed, tenantKey, group,
                    $"carries {tenantKey}: all of a tenant's rows live on one node, so the tenant's joins and transactions stay local"));
            }
            else
            {
                tables.Add(Unkeyed(table, tenantKey, atRetention(table), referencedBy(table)));
            }
        }

        return new DistributionPlan(technology, tenantKey,
            $"tenancy: multi; {tenantKey} leads every key and index already, and nearly every query filters on it, so each tenant's data stays on one node and cross-node queries are rare",
            tables);
    }

    private static DistributionPlan ByRoot(DbRequirement requirement, SchemaModel physical, string technology, Func<Table, long> atRetention, Func<Table, int> referencedBy)
    {
        // Count, per referenced table, the access patterns that filter on a required foreign key to it.
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        var byEntity = new Dictionary<string, Table>(StringComparer.Ordinal);
        var byName = physical.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var candidate in physical.Tables)
        {
            byEntity.TryAdd(ImplicitColumns.MatchKey(candidate.SourceEntity ?? candidate.Name), candidate);
        }

        foreach (var pattern in requirement.AccessPatterns)
        {
            var table = byEntity.GetValueOrDefault(ImplicitColumns.MatchKey(pattern.Entity));
            // Only a NOT NULL foreign key can carry the distribution column, so only those vote for a root.
            foreach (var fk in table?.ForeignKeys.Where(f => f.Columns.Count == 1 && IsDistributable(table, f.Columns[0]) && pattern.Where.Any(w => Same(w, f.Columns[0]))) ?? Enumerable.Empty<ForeignKey>())
            {
                votes[fk.ReferencedTable] = votes.GetValueOrDefault(fk.ReferencedTable) + 1;
            }
        }

        var largest = physical.Tables.OrderByDescending(atRetention).ThenBy(t => t.Name, StringComparer.Ordinal).First();
        var root = votes.Count == 0
            ? largest
            : byName[votes.OrderByDescending(v => v.Value).ThenByDescending(v => atRetention(byName[v.Key])).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key];
        var rootKey = root.PrimaryKey.Columns[0];
        var group = root.Name;
        var filtered = requirement.AccessPatterns.SelectMany(p => p.Where).Select(ImplicitColumns.MatchKey).ToHashSet(StringComparer.Ordinal);
        var toRoot = physical.Tables.Where(t => t != root).ToDictionary(t => t.Name, t => t.ForeignKeys
            .Where(f => f.ReferencedTable == root.Name && f.Columns.Count == 1 && IsDistributable(t, f.Columns[0]))
            .OrderByDescending(f => filtered.Contains(ImplicitColumns.MatchKey(f.Columns[0]))).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Columns[0]).FirstOrDefault(), StringComparer.Ordinal);
        var column = toRoot.Values.OfType<string>().GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? rootKey;
        var tables = new List<DistributedTable>();
        foreach (var table in physical.Tables)
        {
            if (table == root)
            {
                tables.Add(atRetention(root) < NodeCapacity.ReferenceTableRows && votes.Count > 0
                    ? new(table.Name, DistributionRole.Reference, null, null,
                        $"the root table is small ({Capacity.Count(atRetention(root))} rows): a copy on every node lets each shard join to it locally")
                    : new(table.Name, DistributionRole.Distributed, rootKey, group, $"the root of the distribution: distributed by its key {rootKey}"));
            }
            else if (toRoot[table.Name] is { } key)
            {
                tables.Add(new(table.Name, DistributionRole.Distributed, key, group,
                    $"references {root.Name} through {key}: distributed by it and co-located with {root.Name}, so its joins and lookups by {key} stay on one node"));
            }
            else
            {
                tables.Add(Unkeyed(table, column, atRetention(table), referencedBy(table)));
            }
        }

        var reason = votes.Count == 0
            ? $"no access pattern filters on a foreign key, so the largest table, {root.Name}, is distributed by its key {rootKey}"
            : $"{votes[root.Name]} access pattern(s) filter on a foreign key to {root.Name}, more than to any other table: sharding by {root.Name}'s key ({column} in the tables that reference it) keeps those queries on one node";
        return new DistributionPlan(technology, column, reason, tables);
    }

    /// <summary>
    /// A table without the distribution column (or with it nullable: Citus refuses a row whose distribution value is
    /// NULL, so such a column is never chosen). It is copied to every node only when it is small and rarely written:
    /// a reference table takes every write on every node, so the audit log, which every audited write adds to, never is.
    /// </summary>
    private static DistributedTable Unkeyed(Table table, string column, long rows, int referencedBy)
    {
        var without = table.FindColumn(column) is { Nullable: true } ? $"with {column} nullable (a distribution column must never be NULL)" : $"without {column}";
        if (rows < NodeCapacity.ReferenceTableRows && table.Kind != TableKind.Audit)
        {
            return new(table.Name, DistributionRole.Reference, null, null,
                $"small ({Capacity.Count(rows)} rows at the horizon{(referencedBy > 0 ? $", referenced by {referencedBy} table(s)" : string.Empty)}) and {without}: copied to every node so joins to it stay local");
        }

        var size = table.Kind == TableKind.Audit
            ? $"written by every audited insert, update and delete ({Capacity.Count(rows)} rows at the horizon), so a copy on every node would multiply each write"
            : $"large ({Capacity.Count(rows)} rows at the horizon)";
        return new(table.Name, DistributionRole.Distributed, table.PrimaryKey.Columns[0], table.Name,
            $"{size} and {without}: distributed by its own key {table.PrimaryKey.Columns[0]} in its own group; joins to the main group cross nodes, so add a required {column} to co-locate it");
    }

    /// <summary>A column can distribute a table only when the table has it and it is NOT NULL.</summary>
    private static bool IsDistributable(Table table, string column) => table.FindColumn(column) is { Nullable: false };

    private static bool Same(string a, string b) => ImplicitColumns.SameKey(a, b);
}
