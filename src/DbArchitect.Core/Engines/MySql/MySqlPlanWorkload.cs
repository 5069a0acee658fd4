using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DbArchitect.Core.Indexing;
using SortKey = DbArchitect.Core.Requirements.SortKey;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Turns MariaDB/MySQL EXPLAIN FORMAT=JSON into workload scans: each "table" node's key parts (ref and eq_ref are
/// equalities, range ends in a range), its attached_condition, and the filesort key. The plan names tables by alias;
/// aliases are resolved through the statement's FROM and JOIN clauses and kept only when the catalog has the table and
/// the column.
/// </summary>
internal static partial class MySqlPlanWorkload
{
    public static (IReadOnlyList<WorkloadScan> Scans, IReadOnlyList<WorkloadWrite> Writes) Read(JsonElement plan, WorkloadStatement statement, IReadOnlyList<TableProfile> tables)
    {
        var aliases = Aliases(statement.Text, tables);
        var scans = new Dictionary<string, (TableProfile Table, List<ScanPredicate> Predicates, List<SortKey> Order)>(StringComparer.Ordinal);
        var sort = new List<string>();
        Walk(plan, aliases, scans, sort);
        foreach (var key in sort)
        {
            var descending = key.EndsWith(" desc", StringComparison.OrdinalIgnoreCase);
            var text = descending ? key[..^5] : key;
            if (Column(text) is { } c && c.Alias is { } alias && scans.TryGetValue(alias, out var scan) && scan.Table.HasColumn(c.Column))
            {
                scan.Order.Add(new SortKey(c.Column, descending));
            }
        }

        var limit = Limit().Match(statement.Text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        var result = scans.Values.Where(s => s.Predicates.Count > 0 || s.Order.Count > 0)
            .Select(s => new WorkloadScan(s.Table.Name, s.Predicates.Distinct().ToList(), s.Order, Array.Empty<string>(), Array.Empty<string>(), s.Order.Count > 0 ? limit : null, true))
            .ToList();
        var writes = new List<WorkloadWrite>();
        var write = WriteTarget().Match(statement.Text);
        if (write.Success && tables.FirstOrDefault(t => string.Equals(t.Name, write.Groups[2].Value, StringComparison.OrdinalIgnoreCase)) is { } target)
        {
            var verb = write.Groups[1].Value.ToUpperInvariant();
            var kind = verb.StartsWith("UPDATE", StringComparison.Ordinal) ? WriteKind.Update : verb.StartsWith("DELETE", StringComparison.Ordinal) ? WriteKind.Delete : WriteKind.Insert;
            var set = kind == WriteKind.Update && SetList().Match(statement.Text) is { Success: true } s
                ? s.Groups[1].Value.Split(',').Select(a => a.Split('=')[0].Trim().Trim('`')).Where(target.HasColumn).ToList()
                : new List<string>();
            writes.Add(new WorkloadWrite(target.Name, kind, set, statement.Weight, statement.Id));
        }

        return (result, writes);
    }

    private static void Walk(JsonElement node, Dictionary<string, TableProfile> aliases, Dictionary<string, (TableProfile, List<ScanPredicate>, List<SortKey>)> scans, List<string> sort)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, aliases, scans, sort);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("sort_key", out var sortKey) && sort.Count == 0)
        {
            sort.AddRange(sortKey.GetString()!.Split(',').Select(k => k.Trim()));
        }

        if (node.TryGetProperty("table_name", out var aliasElement) && aliasElement.GetString() is { } alias && aliases.TryGetValue(alias, out var table))
        {
            if (!scans.TryGetValue(alias, out var scan))
            {
                scan = (table, new List<ScanPredicate>(), new List<SortKey>());
                scans[alias] = scan;
            }

            KeyParts(node, table, scan.Item2);
            if (node.TryGetProperty("attached_condition", out var condition))
            {
                foreach (var (column, op) in Conditions(condition.GetString() ?? string.Empty))
                {
                    var owner = column.Alias is null ? scan : scans.TryGetValue(column.Alias, out var other) ? other : default;
                    if (owner.Item1 is { } t && t.HasColumn(column.Column))
                    {
                        owner.Item2.Add(op with { Column = column.Column });
                    }
                }
            }
        }

        foreach (var property in node.EnumerateObject())
        {
            Walk(property.Value, aliases, scans, sort);
        }
    }

    private static void KeyParts(JsonElement node, TableProfile table, List<ScanPredicate> predicates)
    {
        if (!node.TryGetProperty("used_key_parts", out var parts) || !node.TryGetProperty("access_type", out var access))
        {
            return;
        }

        var names = parts.EnumerateArray().Select(p => p.GetString()!).Where(table.HasColumn).ToList();
        var range = access.GetString() == "range";
        for (var i = 0; i < names.Count; i++)
        {
            var join = node.TryGetProperty("ref", out var refs) && i < refs.GetArrayLength() && refs[i].GetString() is { } r && r != "const" && !r.StartsWith("func", StringComparison.Ordinal);
            predicates.Add(new ScanPredicate(names[i], range && i == names.Count - 1 ? PredicateOperator.Range : PredicateOperator.Equality, Join: join));
        }
    }

    private static IEnumerable<(PlanRef Column, ScanPredicate Test)> Conditions(string condition)
    {
        var parts = condition.Split(" and ").ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i].Trim().Trim('(', ')');
            if (part.Contains(" between ", StringComparison.Ordinal) && i + 1 < parts.Count)
            {
                i++;
            }

            var test = Test().Match(part);
            if (!test.Success || Column(test.Groups[1].Value) is not { } column)
            {
                continue;
            }

            var op = test.Groups[2].Value.ToLowerInvariant();
            var value = test.Groups[3].Value.Trim();
            var function = column.Function;
            if (op == "=" && Column(value) is { Alias: not null } other && other.Alias != column.Alias)
            {
                yield return (column, new ScanPredicate(column.Column, PredicateOperator.Equality, function, Join: true));
                yield return (other, new ScanPredicate(other.Column, PredicateOperator.Equality, Join: true));
                continue;
            }

            var constant = value.StartsWith('\'') && value.EndsWith('\'') && value.Length >= 2 ? value[1..^1] : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value : null;
            var kind = op switch
            {
                "=" => PredicateOperator.Equality,
                "in" => PredicateOperator.In,
                "<" or "<=" or ">" or ">=" or "between" => PredicateOperator.Range,
                "like" => constant is { } p && !p.StartsWith('%') && !p.StartsWith('_') ? PredicateOperator.PrefixLike : PredicateOperator.InfixLike,
                "is null" => PredicateOperator.IsNull,
                "is not null" => PredicateOperator.IsNotNull,
                _ => (PredicateOperator?)null,
            };
            if (kind is { } k)
            {
                yield return (column, new ScanPredicate(column.Column, k, function, null, k == PredicateOperator.Equality ? constant : null, value.StartsWith('\''), k == PredicateOperator.In ? value.Split(',').Length : 0));
            }
        }
    }

    private sealed record PlanRef(string? Alias, string Column, KeyFunction Function);

    private static PlanRef? Column(string text)
    {
        var t = text.Trim();
        var lower = LowerCall().Match(t);
        if (lower.Success)
        {
            return Column(lower.Groups[1].Value) is { Function: KeyFunction.None } inner ? inner with { Function = KeyFunction.Lower } : null;
        }

        var m = ColumnRef().Match(t);
        return m.Success ? new PlanRef(m.Groups[1].Success ? m.Groups[1].Value : null, m.Groups[2].Value, KeyFunction.None) : null;
    }

    /// <summary>Alias → table, from FROM/JOIN clauses, for tables the catalog knows (a table used without alias is its own alias).</summary>
    private static Dictionary<string, TableProfile> Aliases(string text, IReadOnlyList<TableProfile> tables)
    {
        var aliases = new Dictionary<string, TableProfile>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            aliases[table.Name] = table;
        }

        foreach (Match m in FromItem().Matches(text))
        {
            if (tables.FirstOrDefault(t => string.Equals(t.Name, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) is { } table && m.Groups[2].Success
                && !Keywords.Contains(m.Groups[2].Value.ToUpperInvariant()))
            {
                aliases[m.Groups[2].Value] = table;
            }
        }

        return aliases;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "ON", "ORDER", "GROUP", "LIMIT", "SET", "USING", "CROSS", "STRAIGHT_JOIN", "HAVING", "UNION", "VALUES" };

    [GeneratedRegex(@"\b(?:FROM|JOIN|UPDATE)\s+`?(\w+)`?(?:\s+(?:AS\s+)?`?(\w+)`?)?", RegexOptions.IgnoreCase)]
    private static partial Regex FromItem();

    [GeneratedRegex(@"^(?:`?(\w+)`?\.)?`?(\w+)`?$")]
    private static partial Regex ColumnRef();

    [GeneratedRegex(@"^(?:lcase|lower)\((.+)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex LowerCall();

    [GeneratedRegex(@"^(.+?)\s+(=|<=|>=|<|>|in|like|between|is not null|is null)(?:\s+(.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Test();

    [GeneratedRegex(@"\bLIMIT\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();

    [GeneratedRegex(@"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+`?(\w+)`?", RegexOptions.IgnoreCase)]
    private static partial Regex WriteTarget();

    [GeneratedRegex(@"\bSET\s+(.+?)(?:\bWHERE\b|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SetList();
}
