using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Requirements;
using SortKey = DbArchitect.Core.Requirements.SortKey;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Turns a statement's generic plan into workload scans: relations and aliases from the scan nodes, tests from
/// Filter / Index Cond / Recheck Cond / join conditions, ORDER BY from the top Sort node, GROUP BY from Group Key,
/// returned columns from the node outputs, and writes from ModifyTable. Every column is checked against the catalog;
/// a name the catalog does not know for that relation is dropped, never guessed.
/// </summary>
internal static partial class PostgreSqlPlanWorkload
{
    private static readonly string[] ConditionKeys = { "Filter", "Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond", "Join Filter" };

    private sealed class Relation(string alias, TableProfile table)
    {
        public string Alias { get; } = alias;

        public TableProfile Table { get; } = table;

        public List<ScanPredicate> Predicates { get; } = new();

        public List<SortKey> Order { get; } = new();

        public List<string> Group { get; } = new();

        public HashSet<string> Projected { get; } = new(StringComparer.Ordinal);

        public bool AllColumns { get; set; }
    }

    public static (IReadOnlyList<WorkloadScan> Scans, IReadOnlyList<WorkloadWrite> Writes) Read(JsonElement plan, WorkloadStatement statement, IReadOnlyList<TableProfile> tables)
    {
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        Collect(plan, relations, tables);
        var single = relations.Count == 1 ? relations.Values.First() : null;
        var sortSeen = false;
        Walk(plan, relations, single, ref sortSeen, isRoot: true);
        var limit = LimitClause().Match(statement.Text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        var scans = relations.Values
            .Where(r => r.Predicates.Count > 0 || r.Order.Count > 0 || r.Group.Count > 0)
            .Select(r => new WorkloadScan(r.Table.Name, r.Predicates.Distinct().ToList(), r.Order, r.Group.Distinct(StringComparer.Ordinal).ToList(),
                r.Projected.Order(StringComparer.Ordinal).ToList(), r.Order.Count > 0 ? limit : null, r.AllColumns))
            .ToList();
        var writes = new List<WorkloadWrite>();
        if (plan.TryGetProperty("Operation", out var operation) && plan.TryGetProperty("Relation Name", out var target)
            && tables.FirstOrDefault(t => t.Name == target.GetString()) is { } written)
        {
            var kind = operation.GetString() switch { "Insert" => WriteKind.Insert, "Update" => WriteKind.Update, _ => WriteKind.Delete };
            var columns = kind == WriteKind.Update ? SetColumns(statement.Text).Where(written.HasColumn).ToList() : new List<string>();
            writes.Add(new WorkloadWrite(written.Name, kind, columns, statement.Weight, statement.Id));
        }

        return (scans, writes);
    }

    private static void Collect(JsonElement node, Dictionary<string, Relation> relations, IReadOnlyList<TableProfile> tables)
    {
        if (node.TryGetProperty("Relation Name", out var name) && node.TryGetProperty("Alias", out var alias)
            && tables.FirstOrDefault(t => t.Name == name.GetString() && (!node.TryGetProperty("Schema", out var schema) || t.Schema == schema.GetString())) is { } table)
        {
            relations.TryAdd(alias.GetString()!, new Relation(alias.GetString()!, table));
        }

        foreach (var child in Children(node))
        {
            Collect(child, relations, tables);
        }
    }

    private static void Walk(JsonElement node, Dictionary<string, Relation> relations, Relation? single, ref bool sortSeen, bool isRoot)
    {
        var own = node.TryGetProperty("Alias", out var a) && relations.TryGetValue(a.GetString()!, out var r) ? r : null;
        var local = own ?? single;
        foreach (var key in ConditionKeys)
        {
            if (node.TryGetProperty(key, out var condition) && condition.GetString() is { } text)
            {
                foreach (var test in PostgreSqlPlanExpressions.Tests(text))
                {
                    Add(test, relations, local);
                }
            }
        }

        if (!sortSeen && node.TryGetProperty("Sort Key", out var sortKeys))
        {
            sortSeen = true;
            var keys = sortKeys.EnumerateArray().Select(k => SortKeyOf(k.GetString() ?? string.Empty, relations, single)).ToList();
            if (keys.Count > 0 && keys.All(k => k is not null) && keys.Select(k => k!.Value.Relation).Distinct().Count() == 1)
            {
                keys[0]!.Value.Relation.Order.AddRange(keys.Select(k => k!.Value.Key));
            }
        }

        if (node.TryGetProperty("Group Key", out var groupKeys))
        {
            foreach (var g in groupKeys.EnumerateArray())
            {
                if (Resolve(PostgreSqlPlanExpressions.Column(g.GetString() ?? string.Empty), relations, single) is { } resolved && resolved.Column.Function == KeyFunction.None)
                {
                    resolved.Relation.Group.Add(resolved.Column.Column);
                }
            }
        }

        if (node.TryGetProperty("Output", out var outputs))
        {
            var items = outputs.EnumerateArray().Select(o => o.GetString() ?? string.Empty).ToList();
            var physical = own is not null && own.Table.Columns.Count > 1 && items.Count == own.Table.Columns.Count;
            if (!physical || isRoot)
            {
                foreach (var item in items)
                {
                    if (Resolve(PostgreSqlPlanExpressions.Column(item), relations, local) is { Column.Function: KeyFunction.None } c)
                    {
                        c.Relation.Projected.Add(c.Column.Column);
                    }
                }
            }

            if (physical && isRoot)
            {
                own!.AllColumns = true;
            }
        }

        foreach (var child in Children(node))
        {
            Walk(child, relations, single, ref sortSeen, isRoot: false);
        }
    }

    private static void Add(PlanTest test, Dictionary<string, Relation> relations, Relation? local)
    {
        if (Resolve(test.Column, relations, local) is not { } left)
        {
            return;
        }

        if (test.JoinedTo is { } joined)
        {
            left.Relation.Predicates.Add(new ScanPredicate(left.Column.Column, PredicateOperator.Equality, left.Column.Function, left.Column.Argument, Join: true));
            if (Resolve(joined, relations, null) is { } right && right.Relation != left.Relation)
            {
                right.Relation.Predicates.Add(new ScanPredicate(right.Column.Column, PredicateOperator.Equality, right.Column.Function, right.Column.Argument, Join: true));
            }

            return;
        }

        left.Relation.Predicates.Add(new ScanPredicate(left.Column.Column, test.Operator, left.Column.Function, left.Column.Argument, test.Constant, test.ConstantIsText, test.InListSize));
    }

    private static (Relation Relation, PlanColumn Column)? Resolve(PlanColumn? column, Dictionary<string, Relation> relations, Relation? local)
    {
        if (column is null)
        {
            return null;
        }

        var relation = column.Alias is null ? local : relations.TryGetValue(column.Alias, out var r) ? r : null;
        return relation is not null && relation.Table.HasColumn(column.Column) ? (relation, column) : null;
    }

    private static (Relation Relation, SortKey Key)? SortKeyOf(string text, Dictionary<string, Relation> relations, Relation? single)
    {
        var body = text.Replace(" NULLS FIRST", string.Empty, StringComparison.Ordinal).Replace(" NULLS LAST", string.Empty, StringComparison.Ordinal);
        var descending = body.EndsWith(" DESC", StringComparison.Ordinal);
        body = descending ? body[..^5] : body;
        return Resolve(PostgreSqlPlanExpressions.Column(body), relations, single) is { Column.Function: KeyFunction.None } c
            ? (c.Relation, new SortKey(c.Column.Column, descending))
            : null;
    }

    private static IEnumerable<JsonElement> Children(JsonElement node) =>
        node.TryGetProperty("Plans", out var plans) ? plans.EnumerateArray() : Enumerable.Empty<JsonElement>();

    /// <summary>The target columns of an UPDATE's SET list, as written; the caller keeps only those the catalog knows.</summary>
    private static IEnumerable<string> SetColumns(string text)
    {
        var match = SetClause().Match(text);
        if (!match.Success)
        {
            yield break;
        }

        foreach (var assignment in PostgreSqlPlanExpressions.SplitTopLevel(match.Groups[1].Value, ","))
        {
            var target = assignment.Split('=')[0].Trim();
            yield return target.StartsWith('"') ? target.Trim('"') : target.ToLowerInvariant();
        }
    }

    [GeneratedRegex(@"\bLIMIT\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LimitClause();

    [GeneratedRegex(@"\bSET\s+(.+?)(?:\bWHERE\b|\bFROM\b|\bRETURNING\b|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SetClause();
}
