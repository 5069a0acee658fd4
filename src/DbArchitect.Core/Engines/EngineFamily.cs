namespace DbArchitect.Core.Engines;

/// <summary>
/// The kind of physical model an engine is designed with. The logical model (entities, attributes, relationships,
/// access patterns) is the same for every family; each family has its own physical model.
/// </summary>
public enum EngineFamily
{
    /// <summary>Tables, keys, constraints and indexes (<see cref="Model.SchemaModel"/>).</summary>
    Relational,

    /// <summary>Collections of documents with embedded documents, arrays, references and validators.</summary>
    Document,

    /// <summary>Keys, their value structures, TTLs and memory (Redis) or items under partition and sort keys (DynamoDB).</summary>
    KeyValue,

    /// <summary>Tables partitioned by key with clustering columns, one table per query (Cassandra).</summary>
    WideColumn,

    /// <summary>Measurements, tags and fields over time with retention and downsampling.</summary>
    TimeSeries,

    /// <summary>Columnar analytics tables with sorting keys and partitions by time.</summary>
    Columnar,

    /// <summary>Nodes, relationships and properties.</summary>
    Graph,
}
