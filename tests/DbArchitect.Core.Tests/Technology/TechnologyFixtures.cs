using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Technology;

/// <summary>The four examples and small synthetic requirements, one per kind of engine, for contrasting rankings.</summary>
internal static class TechnologyFixtures
{
    public static DbRequirement Example(string name) => RequirementsReader.Load(Path.Combine(TestPaths.Examples, name + ".yaml"));

    public static DbRequirement WithKind(DbRequirement requirement, ApplicationKind kind) =>
        requirement with { Application = requirement.Application with { Kind = kind } };

    /// <summary>People who know, manage and mentor each other: dense self-relationships, traversal patterns.</summary>
    public static DbRequirement Graph() => WithKind(Requirement(
        new[] { Entity("person", 2_000_000, 5_000, Attr("name", LogicalType.String(100), required: true)), Entity("skill", Attr("name", LogicalType.String(60))) },
        new[]
        {
            ManyToMany("person", "person", "knows", "known"),
            ManyToMany("person", "person", "mentors", "mentee"),
            OneToMany("person", "person", DeleteAction.SetNull, required: false, role: "manager"),
            ManyToMany("person", "skill", "person_skill"),
        },
        new[]
        {
            Pattern("friends of a person", "knows", where: new[] { "person_id" }, perSecond: 800),
            Pattern("reports of a manager", "person", where: new[] { "manager_id" }, perSecond: 100),
        },
        workload: new WorkloadProfile(2_000_000, 5_000, new ReadWriteRatio(90, 10), 50, 2_000, 1_000, null)), ApplicationKind.Graph);

    /// <summary>Sessions fetched by token at a very high rate with a millisecond target.</summary>
    public static DbRequirement KeyValue() => WithKind(Requirement(
        new[] { Entity("session", 50_000_000, 10_000_000, Attr("token", LogicalType.String(64), required: true, unique: true), Attr("payload", LogicalType.Text)) },
        patterns: new[] { Pattern("session by token", "session", where: new[] { "token" }, perSecond: 150_000) },
        workload: new WorkloadProfile(50_000_000, 10_000_000, new ReadWriteRatio(95, 5), 2, 200_000, 200_000, new Retention(1, RetentionUnit.Day))), ApplicationKind.KeyValue);

    /// <summary>A content catalogue of JSON documents with few relationships.</summary>
    public static DbRequirement Document() => WithKind(Requirement(
        new[]
        {
            Entity("article", 5_000_000, 20_000,
                Attr("title", LogicalType.String(200), required: true),
                Attr("body", LogicalType.Json), Attr("metadata", LogicalType.Json), Attr("layout", LogicalType.Json)),
            Entity("author", Attr("profile", LogicalType.Json)),
        },
        new[] { OneToMany("author", "article") },
        new[] { Pattern("by metadata", "article", where: new[] { "metadata" }, perSecond: 300) },
        workload: new WorkloadProfile(5_000_000, 20_000, new ReadWriteRatio(80, 20), 50, 1_000, 800, null)), ApplicationKind.Document);

    /// <summary>Click events aggregated by hour over billions of rows.</summary>
    public static DbRequirement Analytics() => WithKind(Requirement(
        new[] { Entity("event", 3_000_000_000, 50_000_000, Attr("url", Simple(LogicalTypeKind.Url)), Attr("duration_ms", LogicalType.Int), Attr("occurred_at", LogicalType.Timestamp, required: true)) },
        patterns: new[]
        {
            Pattern("hourly visits", "event", aggregate: new AggregateSpec(AggregateFunction.Count, null), groupBy: new[] { new GroupKey("occurred_at", TimeBucket.Hour) }, range: "occurred_at", perSecond: 2),
            Pattern("average duration per url", "event", aggregate: new AggregateSpec(AggregateFunction.Avg, "duration_ms"), groupBy: new[] { new GroupKey("url", null) }, perSecond: 1),
        },
        workload: new WorkloadProfile(3_000_000_000, 50_000_000, new ReadWriteRatio(20, 80), 2_000, 50, 600, new Retention(2, RetentionUnit.Year))), ApplicationKind.Analytics);

    /// <summary>
    /// A double-entry ledger: journal entries whose postings debit and credit accounts, twenty million postings a day
    /// kept ten years, read by account and by entry and summed per account; balances must never drift. No pattern reads
    /// a time range.
    /// </summary>
    public static DbRequirement Ledger() => Requirement(
        new[]
        {
            Entity("account", 200_000, 200, Attr("code", LogicalType.String(20), required: true, unique: true), Attr("name", LogicalType.String(120), required: true), Attr("balance", LogicalType.Money, required: true)),
            Entity("journal_entry", 500_000_000, 10_000_000, Attr("reference", LogicalType.String(40), required: true, unique: true), Attr("booked_at", LogicalType.Timestamp, required: true)),
            Entity("posting", 1_000_000_000, 20_000_000, Attr("amount", LogicalType.Money, required: true), Attr("side", LogicalType.Enum(new[] { "debit", "credit" }), required: true)),
        },
        new[] { OneToMany("journal_entry", "posting"), OneToMany("account", "posting") },
        new[]
        {
            Pattern("postings of an account", "posting", where: new[] { "account_id" }, perSecond: 400),
            Pattern("postings of an entry", "posting", where: new[] { "journal_entry_id" }, perSecond: 300),
            Pattern("account by code", "account", where: new[] { "code" }, perSecond: 200),
            Pattern("account balance", "posting", where: new[] { "account_id" }, aggregate: new AggregateSpec(AggregateFunction.Sum, "amount"), perSecond: 50),
        },
        workload: new WorkloadProfile(1_500_000_000, 30_000_000, new ReadWriteRatio(60, 40), 20, 5_000, 3_000, new Retention(10, RetentionUnit.Year)),
        name: "Ledger");

    /// <summary>
    /// A marketplace catalogue (mixed workload): two hundred million listings in categories, two million new a day,
    /// searched, looked up by SKU and counted per category; no access pattern reads a time range.
    /// </summary>
    public static DbRequirement Catalog() => WithKind(Requirement(
        new[]
        {
            Entity("category", 2_000, 1, Attr("name", LogicalType.String(100), required: true, unique: true)),
            Entity("product", 200_000_000, 2_000_000, Attr("sku", LogicalType.String(40), required: true, unique: true), Attr("name", LogicalType.String(200), required: true),
                Attr("description", LogicalType.Text), Attr("price", LogicalType.Money, required: true), Attr("attributes", LogicalType.Json)),
        },
        new[] { ManyToMany("product", "category", "product_category") },
        new[]
        {
            Pattern("product by sku", "product", where: new[] { "sku" }, perSecond: 800),
            Pattern("product search", "product", search: new[] { "name", "description" }, fuzzy: true, perSecond: 150),
            Pattern("products of a category", "product_category", where: new[] { "category_id" }, perSecond: 300),
            Pattern("listings per category", "product_category", aggregate: new AggregateSpec(AggregateFunction.Count, null), groupBy: new[] { new GroupKey("category_id", null) }, perSecond: 1),
        },
        workload: new WorkloadProfile(200_000_000, 2_000_000, new ReadWriteRatio(95, 5), 50, 1_500, 2_000, null),
        name: "Catalog"), ApplicationKind.Mixed);

    private static LogicalType Simple(LogicalTypeKind kind) => LogicalType.Simple(kind);
}
