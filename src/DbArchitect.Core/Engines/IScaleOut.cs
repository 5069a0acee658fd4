namespace DbArchitect.Core.Engines;

/// <summary>How an engine scales beyond one node: the names of its replica and sharding technologies for the roadmap.</summary>
public interface IScaleOut
{
    /// <summary>How read replicas are built: "streaming replication hot standbys".</summary>
    string ReadReplicas { get; }

    /// <summary>The existing distributed engine the design would shard on: "Citus".</summary>
    string Sharding { get; }

    /// <summary>Where the sharding reference script is written, relative to the design folder: "sharding/citus.sql".</summary>
    string ShardingScriptPath { get; }
}
