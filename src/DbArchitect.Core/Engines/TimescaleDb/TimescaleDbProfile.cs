using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.TimescaleDb;

/// <summary>
/// How the technology ranking sees TimescaleDB: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote. It fits OLTP less than PostgreSQL: it is PostgreSQL plus hypertables,
/// which an application without time-ordered data does not use.
/// </summary>
internal sealed class TimescaleDbProfile : EngineProfile
{
    public TimescaleDbProfile()
        : base("timescaledb", "TimescaleDB", EngineFamily.TimeSeries, new KindFit(oltp: .25, analytics: .5, mixed: .5, timeSeries: 1, document: .25, graph: 0, keyValue: 0))
    {
        ComfortableConnections = 200;
        Pooler = PostgreSqlProfile.PgBouncer;
    }

    /// <summary>Hypertables and the tables beside them are PostgreSQL tables.</summary>
    public override EngineLimit ColumnLimit { get; } = Postgres(new PostgreSqlLimits().Columns);

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a PostgreSQL extension for time-series data in hypertables", "https://docs.timescale.com/about/latest/"),
        new(Factor.Relationships, 1, "runs inside PostgreSQL, so regular tables keep PostgreSQL's foreign keys (a hypertable may reference them)", "https://docs.timescale.com/use-timescale/latest/hypertables/"),
        new(Factor.Joins, 1, "hypertables join regular tables with PostgreSQL's planner", "https://docs.timescale.com/use-timescale/latest/query-data/"),
        new(Factor.Consistency, 1, "inherits PostgreSQL's ACID transactions across hypertables and regular tables", "https://docs.timescale.com/use-timescale/latest/write-data/"),
        new(Factor.MultiTenancy, 1, "PostgreSQL's row-level security policies apply to hypertables too", "https://docs.timescale.com/use-timescale/latest/security/"),
        new(Factor.TimeSeries, 1, "hypertables split rows into time chunks automatically, and time_bucket() groups them", "https://docs.timescale.com/use-timescale/latest/hypertables/about-hypertables/"),
        new(Factor.Volume, .8, "compresses older chunks column by column", "https://docs.timescale.com/use-timescale/latest/compression/") { TimeSeriesDataOnly = true },
        new(Factor.Aggregates, .8, "continuous aggregates keep time-bucket rollups up to date incrementally", "https://docs.timescale.com/use-timescale/latest/continuous-aggregates/") { TimeSeriesDataOnly = true },
        new(Factor.WriteIngest, .65, "inserts land in the newest chunk, whose indexes stay in memory, on a single primary node", "https://docs.timescale.com/use-timescale/latest/write-data/insert/") { TimeSeriesDataOnly = true },
    };

    private static EngineLimit Postgres(EngineLimit limit) => limit with { Rule = "TimescaleDB is PostgreSQL: " + limit.Rule };
}
