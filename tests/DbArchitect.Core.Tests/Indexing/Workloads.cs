using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Indexing;

/// <summary>Hand-built workloads over an orders table of 1,000,000 rows, so selection tests do not depend on a design.</summary>
internal static class Workloads
{
    public static ColumnProfile Col(string name, double distinct, int width = 8, double correlation = 0, ColumnFamily family = ColumnFamily.Other) =>
        new(name, distinct, 0, width, correlation, new Dictionary<string, double>(StringComparer.Ordinal), family);

    public static TableProfile Orders(params ExistingIndex[] indexes) => new("public", "orders", 1_000_000, 0, new[]
    {
        Col("id", 1_000_000),
        Col("customer_id", 50_000),
        Col("status", 4, family: ColumnFamily.Text) with { CommonValues = new Dictionary<string, double>(StringComparer.Ordinal) { ["pending"] = 0.02, ["paid"] = 0.6 } },
        Col("created_at", 1_000_000, correlation: 0.99, family: ColumnFamily.Time),
        Col("total", 10_000),
        Col("note", 900_000, 200, family: ColumnFamily.Text),
    }, indexes, new[] { new ForeignKeyProfile("orders_customer_id_fkey", new[] { "customer_id" }, "customer") });

    public static IndexDefinition Ix(string name, params string[] keys) =>
        new("orders", keys.Select(k => AdvisedKey.Of(k.Split(' ')[0], k.EndsWith(" desc", StringComparison.Ordinal))).ToList(), Array.Empty<string>(), IndexStructure.Ordered, Array.Empty<PredicateTest>(), false, name);

    public static ExistingIndex Existing(IndexDefinition definition, long? scans = 10, bool constraint = false) => new(definition, constraint, scans, 8 * 1024 * 1024);

    public static WorkloadScan Scan(IEnumerable<ScanPredicate> predicates, SortKey[]? order = null, int? limit = null, string[]? projected = null) =>
        new("orders", predicates.ToList(), order ?? Array.Empty<SortKey>(), Array.Empty<string>(), projected ?? Array.Empty<string>(), limit, projected is null);

    public static WorkloadQuery Query(string id, double weight, params WorkloadScan[] scans) => new(id, id, weight, scans, "test");

    public static Workload Of(TableProfile table, IEnumerable<WorkloadQuery> queries, IEnumerable<WorkloadWrite>? writes = null) =>
        new(queries.ToList(), (writes ?? Array.Empty<WorkloadWrite>()).ToList(), new[] { table }, "calls");

    public static ScanPredicate Eq(string column, string? constant = null) => new(column, PredicateOperator.Equality, Constant: constant, ConstantIsText: constant is not null);

    public static ScanPredicate Range(string column) => new(column, PredicateOperator.Range);
}
