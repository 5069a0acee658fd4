using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.ClickHouse;

/// <summary>
/// How the technology ranking sees ClickHouse: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class ClickHouseProfile : EngineProfile
{
    public ClickHouseProfile()
        : base("clickhouse", "ClickHouse", EngineFamily.Columnar, new KindFit(oltp: -1, analytics: 1, mixed: .25, timeSeries: .75, document: -.5, graph: -.75, keyValue: -.75))
    {
    }

    /// <summary>What it serves beside another primary store.</summary>
    public override IReadOnlyCollection<string> SupportingRoles { get; } = new[] { SupportingTechnologies.AnalyticsStore };

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a column-oriented database for analytical queries", "https://clickhouse.com/docs/en/intro"),
        new(Factor.Aggregates, 1, "reads only the columns a query needs and aggregates them with vectorised execution", "https://clickhouse.com/docs/en/concepts/why-clickhouse-is-so-fast"),
        new(Factor.Volume, 1, "MergeTree compresses each column, and Distributed tables shard it across nodes", "https://clickhouse.com/docs/en/engines/table-engines/mergetree-family/mergetree"),
        new(Factor.WriteIngest, 1, "batched inserts become immutable parts that are merged in the background", "https://clickhouse.com/docs/en/optimize/bulk-inserts"),
        new(Factor.TimeSeries, .9, "PARTITION BY a time expression and TTL rules expire or move old data", "https://clickhouse.com/docs/en/engines/table-engines/mergetree-family/mergetree#table_engine-mergetree-ttl"),
        new(Factor.Consistency, 0, "UPDATE and DELETE run as asynchronous mutations, outside multi-statement transactions", "https://clickhouse.com/docs/en/guides/developer/mutations"),
        new(Factor.Relationships, .25, "accepts no foreign key constraints", "https://clickhouse.com/docs/en/sql-reference/statements/create/table"),
        new(Factor.KeyLookups, .1, "its sparse primary index reads granules of 8,192 rows, not single rows", "https://clickhouse.com/docs/en/optimize/sparse-primary-indexes"),
        new(Factor.Concurrency, .2, "each query uses many cores, so concurrent queries are capped (max_concurrent_queries)", "https://clickhouse.com/docs/en/operations/server-configuration-parameters/settings#max_concurrent_queries"),
        new(Factor.MultiTenancy, .6, "row policies filter the rows each user or role may read", "https://clickhouse.com/docs/en/operations/access-rights#row-policy-management"),
    };
}
