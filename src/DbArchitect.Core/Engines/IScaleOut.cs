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

    /// <summary>The single-node starting point of the roadmap, after "One &lt;engine&gt;".</summary>
    string Baseline => "primary with a standby for failover, backups and monitoring";

    /// <summary>
    /// How the engine splits a table that outgrows one structure when it has no declarative partitioning; null when it
    /// partitions natively (range and hash partitions with pruning).
    /// </summary>
    string? PartitioningSubstitute => null;
}
