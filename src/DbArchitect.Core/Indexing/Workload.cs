using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Indexing;

/// <summary>How a scan tests a column; what decides where the column may sit in an index key.</summary>
public enum PredicateOperator { Equality, In, Range, PrefixLike, InfixLike, IsNull, IsNotNull, JsonContains }

/// <summary>A function applied to a column before it is compared or indexed: lower(email), created_at truncated to the day.</summary>
public enum KeyFunction { None, Lower, DateTrunc, Raw }

/// <summary>
/// One column test of a scan. <see cref="Constant"/> is the literal when the workload states one (a partial index can
/// then hold only its rows); <see cref="Join"/> marks a join key (the other side's rows probe this table).
/// </summary>
public sealed record ScanPredicate(
    string Column,
    PredicateOperator Operator,
    KeyFunction Function = KeyFunction.None,
    string? FunctionArgument = null,
    string? Constant = null,
    bool ConstantIsText = false,
    int InListSize = 0,
    bool Join = false)
{
    /// <summary>The test in no engine's words, for logs and debugging.</summary>
    public override string ToString()
    {
        var column = Function switch
        {
            KeyFunction.Lower => $"lower({Column})",
            KeyFunction.DateTrunc => IIndexSpelling.Neutral.Truncated(Column, FunctionArgument),
            _ => Column,
        };
        return Operator switch
        {
            PredicateOperator.Equality => Constant is null ? $"{column} = ?" : $"{column} = {Constant}",
            PredicateOperator.In => $"{column} in (…{InListSize})",
            PredicateOperator.Range => $"{column} range",
            PredicateOperator.PrefixLike => $"{column} like 'x%'",
            PredicateOperator.InfixLike => $"{column} like '%x%'",
            PredicateOperator.IsNull => $"{column} is null",
            PredicateOperator.IsNotNull => $"{column} is not null",
            _ => $"{column} contains ?",
        };
    }
}

/// <summary>What one statement reads from one table: its tests, order, grouping, the columns it returns and its LIMIT.</summary>
public sealed record WorkloadScan(
    string Table,
    IReadOnlyList<ScanPredicate> Predicates,
    IReadOnlyList<SortKey> OrderBy,
    IReadOnlyList<string> GroupBy,
    IReadOnlyList<string> Projected,
    int? Limit,
    bool AllColumns)
{
    /// <summary>Every column the scan touches; an index holding all of them answers it without the table.</summary>
    public IEnumerable<string> TouchedColumns =>
        Predicates.Select(p => p.Column).Concat(OrderBy.Select(o => o.Column)).Concat(GroupBy).Concat(Projected).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// One statement of the workload with its weight (calls per second, per day, or total calls: one unit for the whole
/// workload) and the scans it makes. <see cref="Text"/> is what a what-if cost model explains.
/// </summary>
public sealed record WorkloadQuery(string Id, string Text, double Weight, IReadOnlyList<WorkloadScan> Scans, string Source)
{
    public bool Touches(string table) => Scans.Any(s => string.Equals(s.Table, table, StringComparison.Ordinal));
}

public enum WriteKind { Insert, Update, Delete }

/// <summary>Rows written to a table per weight unit; an UPDATE names the columns it sets (indexes on them lose HOT updates).</summary>
public sealed record WorkloadWrite(string Table, WriteKind Kind, IReadOnlyList<string> Columns, double Rate, string Source);

/// <summary>
/// The engine-neutral workload every input mode produces: statements as weighted scans, writes with rates, and what is
/// known of each table (rows, column statistics, existing indexes, foreign keys).
/// </summary>
public sealed record Workload(
    IReadOnlyList<WorkloadQuery> Queries,
    IReadOnlyList<WorkloadWrite> Writes,
    IReadOnlyList<TableProfile> Tables,
    string WeightUnit)
{
    /// <summary>Days since the server's usage counters were reset; null when unknown (design and file modes).</summary>
    public double? StatsAgeDays { get; init; }

    /// <summary>Where the workload came from, for reasons and the title: "design ShopFast", "workload.sql".</summary>
    public string Origin { get; init; } = "workload";

    public TableProfile? FindTable(string name) =>
        Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
