using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.InfluxDb;

/// <summary>
/// How the technology ranking sees InfluxDB: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class InfluxDbProfile : EngineProfile
{
    public InfluxDbProfile()
        : base("influxdb", "InfluxDB", EngineFamily.TimeSeries, new KindFit(oltp: -1, analytics: 0, mixed: -.75, timeSeries: 1, document: -1, graph: -1, keyValue: -.5))
    {
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a time-series database of measurements, tags and fields", "https://docs.influxdata.com/influxdb/v2/reference/key-concepts/"),
        new(Factor.TimeSeries, 1, "retention periods per bucket and windowed aggregation over time are built in", "https://docs.influxdata.com/influxdb/v2/query-data/flux/window-aggregate/"),
        new(Factor.WriteIngest, .9, "batched line-protocol writes go to a time-structured merge tree", "https://docs.influxdata.com/influxdb/v2/reference/internals/storage-engine/"),
        new(Factor.Volume, .75, "TSM files compress time-ordered values by type", "https://docs.influxdata.com/influxdb/v2/reference/internals/storage-engine/#time-structured-merge-tree-tsm"),
        new(Factor.Relationships, 0, "has no relations between measurements and no constraints", "https://docs.influxdata.com/influxdb/v2/reference/key-concepts/data-elements/"),
        new(Factor.Consistency, 0, "trades transactions for write speed: points are written independently, updates and deletes are rare", "https://docs.influxdata.com/influxdb/v1/concepts/insights_tradeoffs/"),
        new(Factor.Aggregates, .7, "aggregateWindow() rolls values up per time window", "https://docs.influxdata.com/flux/v0/stdlib/universe/aggregatewindow/"),
    };
}
